// Utilities around time and environment (sleep, timeout parsing, date, env, printenv, hostname,
// uname) and file-oriented text tools (tail -f, head/tail headers, xargs, which).

import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../../../../src/engine/runtime/sh/utils/sleep';
import { strftime } from '../../../../../src/engine/runtime/sh/utils/date';
import { T0, drive, harness, settle, simHarness } from '../helpers';

describe('sleep', () => {
  it.each([
    ['1', 1000], ['1.5', 1500], ['.5', 500], ['5s', 5000], ['2m', 120_000], ['1h', 3_600_000], ['1d', 86_400_000], ['0', 0],
  ])('parses %s', (s, ms) => {
    expect(parseDuration(s)).toBe(ms);
  });

  it('sums several arguments, in both flavours', async () => {
    for (const f of ['terminal', 'busybox'] as const) {
      const h = harness(f);
      await h.run('sleep 1 2m 0.5');
      expect(h.sleeps).toEqual([121_500]);
    }
  });

  it.each([
    ['terminal', 'sleep 1x', "sleep: invalid time interval ‘1x’\nTry 'sleep --help' for more information.\n"],
    ['busybox', 'sleep 1x', "sleep: invalid number '1x'\n"],
    ['terminal', 'sleep', "sleep: missing operand\nTry 'sleep --help' for more information.\n"],
    ['terminal', 'timeout x sleep 1', "timeout: invalid time interval ‘x’\nTry 'timeout --help' for more information.\n"],
  ] as const)('%s: %s', async (flavor, cmd, stderr) => {
    expect((await harness(flavor).run(cmd)).stderr).toBe(stderr);
  });
});

describe('date', () => {
  it('prints now() in the C locale default format, UTC', async () => {
    const h = harness();
    expect((await h.run('date; date -u')).stdout).toBe('Mon Jan  2 15:04:05 UTC 2006\nMon Jan  2 15:04:05 UTC 2006\n');
    h.clock.now += 3_600_000 * 24 * 10 + 1500;
    expect((await h.run('date')).stdout).toBe('Thu Jan 12 15:04:06 UTC 2006\n');
  });

  it.each([
    ['+%Y-%m-%dT%H:%M:%SZ', '2006-01-02T15:04:05Z'],
    ['+%s', '1136214245'],
    ['+%a %A %b %B %d %e %j %u %w', 'Mon Monday Jan January 02  2 002 1 1'],
    ['+%I:%M %p %l %k', '03:04 PM  3 15'],
    ['+%D %F %T %R %y %C %Z %z %:z', '01/02/06 2006-01-02 15:04:05 15:04 06 20 UTC +0000 +00:00'],
    ['+%U %V %G %%', '01 01 2006 %'],
  ])('%s', async (fmt, out) => {
    expect((await harness().run(`date '${fmt}'`)).stdout).toBe(out + '\n');
  });

  it('-d, -I, -R and invalid dates', async () => {
    const h = harness();
    expect((await h.run('date -d @0; date -u -d "2024-02-29 12:30"; date -I; date -Iseconds; date -R')).stdout).toBe(
      'Thu Jan  1 00:00:00 UTC 1970\nThu Feb 29 12:30:00 UTC 2024\n2006-01-02\n2006-01-02T15:04:05+00:00\nMon, 02 Jan 2006 15:04:05 +0000\n',
    );
    expect((await h.run('date -d tomorrowish')).stderr).toBe('date: invalid date ‘tomorrowish’\n');
    expect((await harness('busybox').run('date -d x')).stderr).toBe("date: invalid date 'x'\n");
  });

  it('strftime pads with %-d', () => {
    expect(strftime('%-d/%-m %-H', T0)).toBe('2/1 15');
  });
});

describe('environment', () => {
  it('env lists exported variables; env VAR=x runs a program with them', async () => {
    const h = harness('busybox', { env: { PATH: '/bin', HOME: '/root' } });
    const r = await h.run('X=hidden; export Y=shown; env; env Z=1 sh -c \'echo $Z $Y\'; env nope');
    expect(r.stdout).toBe('PATH=/bin\nHOME=/root\nPWD=/\nY=shown\n1 shown\n');
    expect(r.stderr).toBe("env: can't execute 'nope': No such file or directory\n");
  });

  it('printenv NAME, status 1 when missing', async () => {
    const r = await harness().run('printenv HOME; printenv NOPE; echo $?');
    expect(r.stdout).toBe('/root\n1\n');
  });

  it('hostname, uname, whoami, id', async () => {
    const r = await harness().run('hostname; uname; uname -a; uname -nm; whoami; id');
    expect(r.stdout).toBe('pod-1\nLinux\nLinux pod-1 6.6.0-kubeplay #1 SMP PREEMPT_DYNAMIC x86_64 x86_64 x86_64 GNU/Linux\npod-1 x86_64\nroot\nuid=0(root) gid=0(root) groups=0(root)\n');
  });

  it('which finds programs', async () => {
    const h = harness('terminal', { commands: { kubectl: async () => 0 } });
    expect(await h.run('which kubectl cat nope')).toEqual({ status: 1, stdout: '/usr/local/bin/kubectl\n/usr/bin/cat\n', stderr: '' });
    expect((await harness('busybox').run('which cat')).stdout).toBe('/bin/cat\n');
  });
});

describe('files as input', () => {
  it('head and tail print headers for several files', async () => {
    const h = harness();
    h.fs.writeFile('/tmp/a', '1\n2\n3\n');
    h.fs.writeFile('/tmp/b', 'x\n');
    expect((await h.run('head -n 1 /tmp/a /tmp/b; tail -n 1 /tmp/a')).stdout).toBe('==> /tmp/a <==\n1\n\n==> /tmp/b <==\nx\n3\n');
    expect((await h.run('wc -l /tmp/a /tmp/b')).stdout).toBe('3 /tmp/a\n1 /tmp/b\n4 total\n');
  });

  it('tail -f follows a file that a background loop appends to, until Ctrl-C', async () => {
    const { AbortScope } = await import('../../../../../src/engine/runtime/sh/signal');
    const h = simHarness('busybox');
    await drive(h.clock, h.shell.run('echo start > /tmp/log; (for i in 1 2 3; do sleep 1; echo "line $i" >> /tmp/log; done) &'));
    const c = new AbortScope();
    const run = h.shell.run('tail -f /tmp/log', { signal: c });
    for (let i = 0; i < 8; i++) {
      await settle();
      h.clock.step();
    }
    await settle();
    c.abort('SIGINT');
    expect(await drive(h.clock, run)).toBe(130);
    expect(h.out.text).toBe('start\nline 1\nline 2\nline 3\n');
  });

  it('xargs: -n, -I, default echo, not found', async () => {
    const h = harness();
    const r = await h.run('printf "a b\\nc\\n" | xargs -n 2 echo +; printf "x\\ny\\n" | xargs -I % echo "<%>"; echo 1 2 | xargs; echo z | xargs nope');
    expect(r.stdout).toBe('+ a b\n+ c\n<x>\n<y>\n1 2\n');
    expect(r.stderr).toBe('xargs: nope: No such file or directory\n');
  });

  it('grep -q stops reading early; grep -l/-L/-h/-H with files', async () => {
    const h = harness();
    h.fs.writeFile('/tmp/a', 'foo\nbar\n');
    h.fs.writeFile('/tmp/b', 'baz\n');
    expect((await h.run('yes | grep -q y; echo $?')).stdout).toBe('0\n');
    expect((await h.run('grep -l ba /tmp/a /tmp/b; grep -L foo /tmp/a /tmp/b; grep ba /tmp/a /tmp/b; grep -h ba /tmp/a /tmp/b; grep -c o /tmp/a /tmp/b')).stdout).toBe(
      '/tmp/a\n/tmp/b\n/tmp/b\n/tmp/a:bar\n/tmp/b:baz\nbar\nbaz\n/tmp/a:1\n/tmp/b:0\n',
    );
  });

  it('sort -o writes a file; sed -i edits in place', async () => {
    const h = harness('busybox');
    h.fs.writeFile('/tmp/s', 'b\na\n');
    await h.run('sort -o /tmp/s /tmp/s; sed -i "s/a/A/" /tmp/s');
    expect(h.fs.readFile('/tmp/s')).toBe('A\nb\n');
  });
});
