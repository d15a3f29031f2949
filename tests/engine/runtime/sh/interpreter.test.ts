// Interpreter behaviour beyond the recorded golden cases: files and redirections on the MemFS,
// functions, aliases, scripts by path, sh -c, traps, the command context given to registered commands.

import { describe, expect, it } from 'vitest';
import type { CommandImpl } from '../../../../src/engine/runtime/sh/types';
import { CaptureOutput } from '../../../../src/engine/runtime/sh/streams';
import { harness } from './helpers';

describe('redirections on the file system', () => {
  it('creates, truncates, appends, reads', async () => {
    const h = harness();
    await h.run('echo one > /tmp/f; echo two >> /tmp/f; cat < /tmp/f > /tmp/g');
    expect(h.fs.readFile('/tmp/g')).toBe('one\ntwo\n');
    await h.run('echo new > /tmp/f');
    expect(h.fs.readFile('/tmp/f')).toBe('new\n');
  });

  it('applies 2>&1 and >file in order', async () => {
    const h = harness();
    await h.run('{ echo out; echo err >&2; } > /tmp/a 2>&1');
    expect(h.fs.readFile('/tmp/a')).toBe('out\nerr\n');
    const r = await h.run('{ echo out; echo err >&2; } 2>&1 > /tmp/b');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('err\n');
    expect(h.fs.readFile('/tmp/b')).toBe('out\n');
    await h.run('ls /nope &> /tmp/c; echo x 2>/tmp/d >&2');
    expect(h.fs.readFile('/tmp/c')).toBe("ls: cannot access '/nope': No such file or directory\n");
    expect(h.fs.readFile('/tmp/d')).toBe('x\n');
  });

  it('reports redirection failures in each flavour', async () => {
    const t = harness();
    expect((await t.run('echo x > /nope/f; echo $?')).stderr).toBe('bash: /nope/f: No such file or directory\n');
    expect((await t.run('cat < /nope')).stderr).toBe('bash: /nope: No such file or directory\n');
    expect((await t.run('echo x > /tmp')).stderr).toBe('bash: /tmp: Is a directory\n');
    expect((await t.run('echo x >&7')).stderr).toBe('bash: 7: Bad file descriptor\n');
    const b = harness('busybox');
    expect((await b.run('echo x > /nope/f')).stderr).toBe("sh: can't create /nope/f: nonexistent directory\n");
    expect((await b.run('cat < /nope')).stderr).toBe("sh: can't open /nope: no such file\n");
    expect((await b.run('echo x > /tmp')).stderr).toBe("sh: can't create /tmp: Is a directory\n");
  });

  it('refuses to overwrite with set -C, unless >|', async () => {
    const h = harness();
    const r = await h.run('echo a > /tmp/n; set -C; echo b > /tmp/n; echo c >| /tmp/n');
    expect(r.stderr).toBe('bash: /tmp/n: cannot overwrite existing file\n');
    expect(h.fs.readFile('/tmp/n')).toBe('c\n');
  });

  it('writes nowhere through /dev/null and keeps read-only mounts read-only', async () => {
    const h = harness('busybox');
    h.fs.mount('/etc/config', { 'app.conf': 'level=debug\n' }, { readOnly: true });
    const r = await h.run('cat /etc/config/app.conf > /dev/null; echo x > /etc/config/app.conf; rm /etc/config/app.conf; cat /etc/config/app.conf');
    expect(r.stderr).toBe("sh: can't create /etc/config/app.conf: Read-only file system\nrm: can't remove '/etc/config/app.conf': Read-only file system\n");
    expect(r.stdout).toBe('level=debug\n');
  });
});

describe('globbing and tilde', () => {
  it('expands patterns against the file system, sorted; keeps unmatched ones', async () => {
    const h = harness();
    for (const f of ['b.log', 'a.log', 'c.txt', '.hidden.log']) h.fs.writeFile('/tmp/' + f, '');
    expect((await h.run('echo /tmp/*.log; echo /tmp/?.txt; echo /tmp/*.nope; echo "/tmp/*.log"')).stdout).toBe(
      '/tmp/a.log /tmp/b.log\n/tmp/c.txt\n/tmp/*.nope\n/tmp/*.log\n',
    );
    expect((await h.run('cd /tmp && echo *.log [ab].log')).stdout).toBe('a.log b.log a.log b.log\n');
    expect((await h.run('set -f; echo /tmp/*.log')).stdout).toBe('/tmp/*.log\n');
  });

  it('expands ~ to $HOME', async () => {
    expect((await harness().run('echo ~ ~/x "~"')).stdout).toBe('/root /root/x ~\n');
  });

  it('brace expansion in the terminal only', async () => {
    expect((await harness().run('echo a{b,c}d {1..3} {a..c} x{1..7..3}')).stdout).toBe('abd acd 1 2 3 a b c x1 x4 x7\n');
    expect((await harness('busybox').run('echo a{b,c}d')).stdout).toBe('a{b,c}d\n');
  });
});

describe('functions, scope and control flow', () => {
  it('locals are restored, positional parameters are per call, return sets $?', async () => {
    const h = harness();
    const r = await h.run('x=global; f() { local x=local; echo "$x $1 $#"; g; return 4; }; g() { echo "g sees $x"; }; f a b; echo "$? $x $#"');
    expect(r.stdout).toBe('local a 2\ng sees local\n4 global 0\n');
  });

  it('recursion, break N, continue', async () => {
    const h = harness();
    const r = await h.run('fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(( $1 - 1 ))) )); fi; }; fact 5');
    expect(r.stdout).toBe('120\n');
    expect((await h.run('for i in 1 2 3; do for j in 1 2 3; do [ $j = 2 ] && break 2; echo $i$j; done; done')).stdout).toBe('11\n');
  });

  it('subshells and command substitution do not leak state; groups do', async () => {
    const h = harness();
    expect((await h.run('a=1; (a=2; cd /tmp); echo $a $PWD; b=$(c=3; echo $c); echo $b "[$c]"; { d=4; }; echo $d')).stdout).toBe('1 /\n3 []\n4\n');
  });

  it('exit at the top of the shell is remembered; EXIT trap runs then', async () => {
    const h = harness();
    const r = await h.run("trap 'echo bye' EXIT; echo hi; exit 3; echo no");
    expect([r.stdout, r.status, h.shell.exitStatus]).toEqual(['hi\nbye\n', 3, 3]);
  });

  it('set -e stops at the first failure outside conditions', async () => {
    const h = harness('busybox');
    expect((await h.run('set -e; if false; then :; fi; false && true; echo reached; false; echo not')).stdout).toBe('reached\n');
  });

  it('set -x traces commands to stderr', async () => {
    const r = await harness().run("set -x; echo 'a b' c");
    expect(r.stderr).toBe("+ echo 'a b' c\n");
  });

  it('eval, source with arguments, exec', async () => {
    const h = harness();
    h.fs.writeFile('/tmp/lib.sh', 'greet() { echo "hello $1"; }\nLIBVAR=$1\n');
    const r = await h.run('eval "x=1; echo \\$x"; . /tmp/lib.sh arg; greet you; echo $LIBVAR; exec echo replaced; echo no');
    expect(r.stdout).toBe('1\nhello you\narg\nreplaced\n');
    expect(h.shell.exitStatus).toBe(0);
  });
});

describe('aliases', () => {
  it('preset k=kubectl with arguments and pipes', async () => {
    const seen: string[][] = [];
    const kubectl: CommandImpl = async (argv, ctx) => {
      seen.push(argv);
      await ctx.io.stdout.write('pod-a\npod-b\n');
      return 0;
    };
    const h = harness('terminal', { aliases: { k: 'kubectl' }, commands: { kubectl } });
    const r = await h.run('k get pods -n "my ns" | grep b');
    expect(r.stdout).toBe('pod-b\n');
    expect(seen).toEqual([['kubectl', 'get', 'pods', '-n', 'my ns']]);
    expect((await h.run('alias')).stdout).toBe("alias k='kubectl'\n");
  });

  it('aliases holding lists, and no recursion on themselves', async () => {
    const h = harness();
    const r = await h.run("alias ls='ls -1'; alias both='echo one && echo two'; both; ls /etc");
    expect(r.stdout).toBe('one\ntwo\nhostname\nhosts\n');
  });
});

describe('command lookup', () => {
  it('not found: wording and status per flavour, interactive or not', async () => {
    expect(await harness().run('kubeclt get pods')).toEqual({ status: 127, stdout: '', stderr: 'bash: kubeclt: command not found\n' });
    expect((await harness('terminal', { interactive: false }).run('\nnope')).stderr).toBe('bash: line 2: nope: command not found\n');
    expect((await harness('busybox').run('nope')).stderr).toBe('sh: nope: not found\n');
    expect((await harness().run('/usr/bin/nope')).stderr).toBe('bash: /usr/bin/nope: No such file or directory\n');
  });

  it('runs programs by path and scripts with +x', async () => {
    const h = harness('busybox');
    h.fs.writeFile('/start.sh', '#!/bin/sh\necho "script $0 $1"\nexit 5\n', { mode: 0o755 });
    h.fs.writeFile('/noexec.sh', 'echo no\n');
    const r = await h.run('/bin/echo via path; /start.sh arg; echo $?; /noexec.sh; echo $?; /tmp');
    expect(r.stdout).toBe('via path\nscript /start.sh arg\n5\n126\n');
    expect(r.stderr).toBe('sh: /noexec.sh: Permission denied\nsh: /tmp: Permission denied\n');
  });

  it('sh -c with $0 and arguments, only exported variables', async () => {
    const h = harness('busybox');
    const r = await h.run('A=local; export B=exported; sh -c \'echo "$0 $1 $2 [$A] [$B]"; exit 7\' name x y; echo $?');
    expect(r.stdout).toBe('name x y [] [exported]\n7\n');
  });

  it('type and command -v', async () => {
    const h = harness('terminal', { commands: { kubectl: async () => 0 } });
    const r = await h.run('f() { :; }; alias k=kubectl; type f cd echo kubectl ls k if; command -v kubectl ls cd');
    expect(r.stdout).toBe(
      'f is a function\ncd is a shell builtin\necho is a shell builtin\nkubectl is /usr/local/bin/kubectl\nls is /usr/bin/ls\nk is aliased to `kubectl\'\nif is a shell keyword\n/usr/local/bin/kubectl\n/usr/bin/ls\ncd\n',
    );
  });
});

describe('the command context', () => {
  it('gives env (exported + A=1 prefix), cwd, fs, time; set/export write the shell', async () => {
    let seen: unknown;
    const probe: CommandImpl = async (argv, ctx) => {
      seen = { a: ctx.env.get('A'), b: ctx.env.get('B'), local: ctx.env.get('LOCAL'), cwd: ctx.cwd, abs: ctx.resolve('x/../y'), now: ctx.now(), flavor: ctx.flavor, host: ctx.hostname };
      ctx.env.export('FROM_CMD', 'v');
      return 0;
    };
    const h = harness('busybox', { commands: { probe } });
    const r = await h.run('export B=2; LOCAL=no; cd /tmp; A=1 probe; echo $FROM_CMD');
    expect(seen).toEqual({ a: '1', b: '2', local: undefined, cwd: '/tmp', abs: '/tmp/y', now: h.clock.now, flavor: 'busybox', host: 'pod-1' });
    expect(r.stdout).toBe('v\n');
  });

  it('run() and exec() nest command lines; exec does not see functions', async () => {
    const watchOnce: CommandImpl = async (argv, ctx) => ctx.run(argv.slice(1).join(' '));
    const h = harness('terminal', { commands: { once: watchOnce } });
    const r = await h.run("f() { echo func; }; once 'echo a | tr a b; f'; timeout 1 f; echo $?");
    expect(r.stdout).toBe('b\nfunc\n127\n');
    expect(r.stderr).toBe("timeout: failed to run command ‘f’: No such file or directory\n");
  });

  it('captures output of exec probes without touching the shell streams', async () => {
    const h = harness('busybox');
    const out = new CaptureOutput();
    expect(await h.shell.runArgv(['sh', '-c', 'echo probe; exit 2'], { io: { stdout: out } })).toBe(2);
    expect(out.text).toBe('probe\n');
    expect(h.out.text).toBe('');
  });
});

describe('read', () => {
  it('splits on IFS, keeps backslashes with -r, returns 1 at end of input', async () => {
    const h = harness();
    const r = await h.run('read a b; echo "[$a][$b]"; read -r c; echo "[$c]"; read d; echo "$? [$d]"', 'one two three\nx\\y\nlast');
    expect(r.stdout).toBe('[one][two three]\n[x\\y]\n1 [last]\n');
    expect((await h.run("printf 'a\\\\\\nb\\n' | { read v; echo \"$v\"; }")).stdout).toBe('ab\n');
    expect((await h.run('read -p "name? " n <<< bob; echo "hi $n"')).stderr).toBe('name? ');
    expect((await h.run('echo x | read REPLY_TEST; echo "[$REPLY_TEST]"')).stdout).toBe('[]\n');
  });

  it('-t gives up after the timeout with status > 128', async () => {
    const { simHarness, drive } = await import('./helpers');
    const { Pipe } = await import('../../../../src/engine/runtime/sh/streams');
    const h = simHarness();
    const never = new Pipe();
    const st = await drive(h.clock, h.shell.run('read -t 2 x; echo "st=$?"', { io: { stdin: never } }));
    expect(st).toBe(0);
    expect(h.out.text).toBe('st=142\n');
  });
});

describe('Shell API', () => {
  it('hasProgram, commandNames, setVar/getVar', async () => {
    const h = harness('busybox', { commands: { wget: async () => 0 } });
    h.fs.writeFile('/run.sh', 'echo', { mode: 0o755 });
    expect([h.shell.hasProgram('wget'), h.shell.hasProgram('/bin/cat'), h.shell.hasProgram('/run.sh'), h.shell.hasProgram('nope')]).toEqual([true, true, true, false]);
    expect(h.shell.commandNames()).toContain('wget');
    h.shell.setVar('GREETING', 'hi', true);
    expect((await h.run('printenv GREETING')).stdout).toBe('hi\n');
  });
});
