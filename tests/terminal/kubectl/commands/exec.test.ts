// kubectl exec with a keyboard: -it gives the container's shell the terminal (its prompt, echo, line
// editing, ^C and ^D, exit codes), -i alone streams cooked lines, and -t without a terminal says so.

import { beforeAll, describe, expect, it } from 'vitest';
import { harness, type Harness } from './harness';
import { typed } from './typing';

const PROMPT = /\/ #$/;
let h: Harness;

beforeAll(async () => {
  h = harness();
  await h.run('kubectl run bb --image=busybox -- sleep 3600');
  await h.run('kubectl run web --image=nginx:1.27');
  await h.run('kubectl wait --for=condition=Ready pod/bb pod/web');
});

describe('kubectl exec -it into a busybox shell', () => {
  it('shows the prompt, echoes, runs commands and ends with the exit code of `exit`', async () => {
    const r = await typed(h, 'kubectl exec -it bb -- sh', [
      { wait: PROMPT, keys: 'ls -d /etc /tmp\r' },
      { wait: PROMPT, keys: 'echo $HOSTNAME $TERM\r' },
      { wait: PROMPT, keys: 'exit 3\r' },
    ]);
    expect(r.screen).toBe(['/ # ls -d /etc /tmp', '/etc  /tmp', '/ # echo $HOSTNAME $TERM', 'bb xterm', '/ # exit 3', 'command terminated with exit code 3'].join('\n'));
    expect(r.code).toBe(3);
    // kubectl puts the local terminal in raw mode for the session and restores it.
    expect(r.modes).toEqual(['raw', 'off']);
    // The container's terminal writes CR LF; kubectl's own error line is plain.
    expect(r.raw).toContain('/ # exit 3\r\ncommand terminated with exit code 3\n');
  });

  it('edits the line (erase, cursor keys, history) like busybox lineedit', async () => {
    const r = await typed(h, 'kubectl exec -it bb -- sh', [
      { wait: PROMPT, keys: 'ecoh\x7f\x7fho one\r' },
      { wait: PROMPT, keys: 'echo wo\x1b[D\x1b[Dt\r' },
      { wait: PROMPT, keys: '\x1b[A\x1b[A\r' },
      { wait: PROMPT, keys: 'exit\r' },
    ]);
    expect(r.screen).toBe(['/ # echo one', 'one', '/ # echo two', 'two', '/ # echo one', 'one', '/ # exit'].join('\n'));
    expect(r.code).toBe(0);
  });

  it('^C clears the line at the prompt and interrupts a running command; ^D ends cat, then the shell', async () => {
    const start = h.cluster.clock.now();
    const r = await typed(h, 'kubectl exec -it bb -- sh', [
      { wait: PROMPT, keys: 'abc\x03' },
      { wait: PROMPT, keys: 'sleep 100\r' },
      { keys: '\x03', delay: 2000 },
      { wait: PROMPT, keys: 'echo $?\r' },
      { wait: PROMPT, keys: 'cat\r' },
      { keys: 'hi\r' },
      { keys: '\x04' },
      { wait: PROMPT, keys: '\x04' },
    ]);
    expect(r.screen).toBe(['/ # abc^C', '/ # sleep 100', '^C', '/ # echo $?', '130', '/ # cat', 'hi', 'hi', '/ #'].join('\n'));
    // ^D at the prompt: ash leaves with a newline and the last status (0 from cat).
    expect(r.raw.endsWith('/ # \r\n')).toBe(true);
    expect(r.code).toBe(0);
    expect(h.cluster.clock.now() - start).toBeLessThan(60_000);
  });

  it('after the session, keys go to the next reader on the line (the copier took none)', async () => {
    const r = await typed(h, 'kubectl exec -it bb -- sh; read x; echo "got $x"', [{ wait: PROMPT, keys: 'exit\r' }, { keys: 'hello\r', delay: 1000 }]);
    expect(r.screen).toBe('/ # exit\nhello\ngot hello');
    expect(r.modes).toEqual(['raw', 'off', 'cooked']);
  });

  it('typing before the prompt shows up is not lost', async () => {
    const r = await typed(h, 'kubectl exec -it bb -- sh', [{ keys: 'echo early; exit 5\r', delay: 0 }]);
    expect(r.screen).toBe('/ # echo early; exit 5\nearly\ncommand terminated with exit code 5');
    expect(r.code).toBe(5);
  });
});

describe('kubectl exec -it: the shells of other images', () => {
  it.each([
    ['sh in a Debian image is dash: `# `, no `exit` line', 'kubectl exec -it web -- sh', '#', '# echo hi\nhi\n# exit'],
    ['bash shows Debian’s prompt and says exit', 'kubectl exec -it web -- bash', 'root@web:/#', 'root@web:/# echo hi\nhi\nroot@web:/# exit\nexit'],
  ])('%s', async (_name, line, prompt, screen) => {
    const p = new RegExp(`${prompt.replace(/[$/]/g, '\\$&')}$`);
    const r = await typed(h, line, [
      { wait: p, keys: 'echo hi\r' },
      { wait: p, keys: 'exit\r' },
    ]);
    expect(r.screen).toBe(screen);
    expect(r.code).toBe(0);
  });

  it('a shell the image does not have', async () => {
    const r = await typed(h, 'kubectl exec -it bb -- bash', [], { cols: 200 });
    expect(r.screen).toBe('OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown\ncommand terminated with exit code 126');
    expect(r.code).toBe(126);
  });
});

describe('kubectl exec without a terminal on both sides', () => {
  it('-i alone: the local terminal stays cooked (it echoes), lines go to sh, ^D ends it', async () => {
    const r = await typed(h, 'kubectl exec -i bb -- sh', [{ keys: 'echo $HOSTNAME\r' }, { keys: 'ls -d /etc\r' }, { keys: '\x04' }]);
    expect(r.screen).toBe('echo $HOSTNAME\nbb\nls -d /etc\n/etc');
    expect(r.modes).toEqual(['cooked']);
    expect(r.code).toBe(0);
  });

  it('-t without -i: no terminal is allocated and nothing is said', async () => {
    const r = await typed(h, `kubectl exec -t bb -- sh -c 'echo "[$TERM]"; ls -d /etc /tmp'`, []);
    expect(r.screen).toBe('[]\n/etc\n/tmp');
    expect(r.modes).toEqual([]);
  });

  it.each([
    ['piped stdin cannot be a TTY', "echo 'echo from pipe' | kubectl exec -it bb -- sh", 'Unable to use a TTY - input is not a terminal or the right kind of file\nfrom pipe\n', 0],
    ['-q keeps quiet about it', "echo 'exit 2' | kubectl exec -itq bb -- sh", 'command terminated with exit code 2\n', 2],
    ['a terminal nobody types at (a transcript): the shell sees end of input', 'kubectl exec -it bb -- sh', '', 0],
  ])('%s', async (_name, line, out, code) => {
    expect(await h.run(line)).toEqual({ out, code });
  });
});
