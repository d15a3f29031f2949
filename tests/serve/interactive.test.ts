// The real kubectl's interactive sessions against `kubeplay serve`: -it runs under `script`, which gives
// kubectl a pseudo-terminal (so it goes raw, sends resizes and forwards every key), and -i with a pipe.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { hasKubectl, runFor, startTestServer, waitFor, type TestServer } from './helpers';

const hasScript = existsSync('/usr/bin/script');
const HINT = "If you don't see a command prompt, try pressing enter.";

describe.skipIf(!hasKubectl || !hasScript)('real kubectl sessions against kubeplay serve', () => {
  let t: TestServer;

  /** kubectl on a terminal of its own: keys are written to it, the terminal's output is collected. */
  function onTerminal(cmdline: string) {
    // script's terminal starts at 0x0: give it a size, as a real terminal has.
    const child = spawn('script', ['-qfec', `stty cols 80 rows 24; ${cmdline}`, '/dev/null'], { env: { PATH: process.env.PATH, HOME: t.dir, KUBECONFIG: t.kubeconfig, TERM: 'xterm' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const closed = new Promise<number>((r) => child.on('close', (c) => r(c ?? -1)));
    return {
      out: () => out,
      type: (keys: string) => child.stdin.write(keys),
      until: (s: string) => waitFor(() => out.includes(s), 10_000, JSON.stringify(s)),
      closed,
    };
  }

  const phase = async (pod: string) => (await t.kubectl(['get', 'pod', pod, '-o', 'jsonpath={.status.phase}'])).stdout;
  const pod = (name: string, container: string, restart = 'Always') =>
    t.kubectl(['apply', '-f', '-'], {
      stdin: `{"apiVersion":"v1","kind":"Pod","metadata":{"name":"${name}"},"spec":{"restartPolicy":"${restart}","containers":[{"name":"main","image":"busybox",${container}}]}}`,
    });

  beforeAll(async () => {
    t = await startTestServer({ speed: 10 });
    await t.kubectl(['run', 'bb', '--image=busybox', '--', 'sleep', '3600']);
    await pod('term', '"command":["sh"],"stdin":true,"tty":true');
    await pod('lines', '"command":["sh"],"stdin":true,"stdinOnce":true', 'Never');
    await pod('ticker', '"command":["sh","-c","i=0; while true; do i=$((i+1)); echo tick $i; sleep 1; done"]');
    for (const p of ['bb', 'term', 'lines', 'ticker']) await waitFor(async () => (await phase(p)) === 'Running', 15_000, `${p} Running`);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('exec -it: the container shell on kubectl’s terminal; `exit 3` is kubectl’s exit code', async () => {
    const s = onTerminal('kubectl exec -it bb -- sh');
    await s.until('/ # ');
    s.type('cd /etc; echo hi $HOSTNAME\r');
    await s.until('hi bb');
    s.type('exit 3\r');
    expect(await s.closed).toBe(3);
    expect(s.out()).toBe('/ # cd /etc; echo hi $HOSTNAME\r\nhi bb\r\n/etc # exit 3\r\ncommand terminated with exit code 3\r\n');
  });

  it('exec -i with stdin from a pipe: the shell reads it to the end', async () => {
    const r = await t.kubectl(['exec', '-i', 'bb', '--', 'sh'], { stdin: 'x=21\necho $((x*2))\nexit 0\n' });
    expect(r).toEqual({ stdout: '42\n', stderr: '', code: 0 });
    const cat = await t.kubectl(['exec', '-i', 'bb', '--', 'wc', '-l'], { stdin: 'a\nb\nc\n' });
    expect(cat).toEqual({ stdout: '3\n', stderr: '', code: 0 });
  });

  it('exec -it with a pipe: no TTY, said on stderr; the command still gets the input', async () => {
    const r = await t.kubectl(['exec', '-it', 'bb', '--', 'sh'], { stdin: 'echo piped\n' });
    expect(r).toEqual({ stdout: 'piped\n', stderr: 'Unable to use a TTY - input is not a terminal or the right kind of file\n', code: 0 });
  });

  it('attach -it to a shell with stdin and tty: the prompt comes back with the resize, then the resume hint', async () => {
    const s = onTerminal('kubectl attach -it term');
    await s.until('/ # ');
    s.type('echo $HOSTNAME\r');
    await s.until('term\r\n');
    s.type('exit\r');
    expect(await s.closed).toBe(0);
    expect(s.out()).toBe(`${HINT}\r\n\r/ # \x1b[J\r/ # \x1b[Jecho $HOSTNAME\r\nterm\r\n/ # exit\r\nSession ended, resume using 'kubectl attach term -c main -i -t' command when the pod is running\r\n`);
  });

  it('attach -i with a pipe to a shell on a plain stdin (stdinOnce): it runs the input, then ends', async () => {
    const r = await t.kubectl(['attach', '-i', 'lines'], { stdin: 'echo one; echo two >&2\n' });
    expect(r).toEqual({ stdout: 'one\n', stderr: `${HINT}\ntwo\n`, code: 0 });
    await waitFor(async () => (await phase('lines')) === 'Succeeded', 10_000, 'lines Succeeded');
  });

  it('attach to a process without stdin: its output from now on, until interrupted', async () => {
    const r = await runFor(t, ['attach', 'ticker'], 1500);
    expect(r.stderr).toBe(`${HINT}\n`);
    expect(r.stdout).toMatch(/^(tick \d+\n)+$/);
    expect(r.stdout.startsWith('tick 1\n')).toBe(false);
  });

  it('run -it --rm: a shell to type in, then the pod is deleted', async () => {
    const s = onTerminal('kubectl run -it --rm --image=busybox --restart=Never tmp -- sh');
    await s.until('/ # ');
    s.type('echo $HOSTNAME\r');
    await s.until('tmp\r\n');
    s.type('exit\r');
    expect(await s.closed).toBe(0);
    expect(s.out()).toBe(`${HINT}\r\n\r/ # \x1b[J\r/ # \x1b[Jecho $HOSTNAME\r\ntmp\r\n/ # exit\r\npod "tmp" deleted\r\n`);
  });

  it('run -i --rm with stdin from a pipe', async () => {
    const r = await t.kubectl(['run', '-i', '--rm', '--image=busybox', '--restart=Never', 'piped', '--', 'cat'], { stdin: 'hello through the pipe\n', timeoutMs: 30_000 });
    expect(r).toEqual({ stdout: 'hello through the pipe\npod "piped" deleted\n', stderr: `${HINT}\n`, code: 0 });
    // --quiet also keeps the deletion quiet.
    const q = await t.kubectl(['run', '-iq', '--rm', '--image=busybox', '--restart=Never', 'quiet', '--', 'sh'], { stdin: 'echo fine; exit 2\n', timeoutMs: 30_000 });
    expect(q).toEqual({ stdout: 'fine\n', stderr: 'pod default/quiet terminated (Error)\n', code: 2 });
  });
});
