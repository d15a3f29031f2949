// kubectl run attached to its pod: -it with a keyboard (the container's shell on the terminal, --rm deleting
// the pod, the exit code under restartPolicy Never, the resume hint under Always) and -i fed by a pipe.

import { describe, expect, it } from 'vitest';
import { harness } from './harness';
import { typed } from './typing';

const PROMPT = /\/ #$/;
const HINT = "If you don't see a command prompt, try pressing enter.";

describe('kubectl run -it with a keyboard', () => {
  it('--rm --restart=Never: a shell to type in, then the pod is deleted', async () => {
    const h = harness();
    const r = await typed(h, 'kubectl run -it --rm --image=busybox --restart=Never tmp -- sh', [
      { wait: PROMPT, keys: 'ls -d /etc\r' },
      { wait: PROMPT, keys: 'echo $HOSTNAME\r' },
      { wait: PROMPT, keys: 'exit\r' },
    ]);
    expect(r.screen).toBe([HINT, '/ # ls -d /etc', '/etc', '/ # echo $HOSTNAME', 'tmp', '/ # exit', 'pod "tmp" deleted'].join('\n'));
    expect(r.code).toBe(0);
    expect(r.modes).toEqual(['raw', 'off']);
    expect((await h.run('kubectl get pod tmp')).out).toBe('Error from server (NotFound): pods "tmp" not found\n');
  });

  it('the exit code of the shell is kubectl’s, after the deletion', async () => {
    const h = harness();
    const r = await typed(h, 'kubectl run -it --rm --image=busybox --restart=Never tmp -- sh', [{ wait: PROMPT, keys: 'exit 2\r' }]);
    expect(r.screen).toBe([HINT, '/ # exit 2', 'pod "tmp" deleted', 'pod default/tmp terminated (Error)'].join('\n'));
    expect(r.code).toBe(2);
  });

  it('keys typed while the pod starts reach the shell', async () => {
    const h = harness();
    const r = await typed(h, 'kubectl run -it --rm --image=busybox --restart=Never tmp -- sh', [{ keys: 'echo early\r', delay: 100 }, { wait: PROMPT, keys: 'exit\r' }]);
    expect(r.screen).toContain('/ # echo early\nearly\n/ # exit\npod "tmp" deleted');
  });

  it('restartPolicy Always: the hint to attach again; the shell restarts', async () => {
    const h = harness();
    const r = await typed(h, 'kubectl run -it --image=busybox sh1 -- sh', [{ wait: PROMPT, keys: 'exit\r' }], { cols: 120 });
    expect(r.screen).toBe([HINT, '/ # exit', "Session ended, resume using 'kubectl attach sh1 -c sh1 -i -t' command when the pod is running"].join('\n'));
    expect(r.code).toBe(0);
    await h.run('sleep 10');
    const again = await typed(h, 'kubectl attach sh1 -c sh1 -i -t', [{ wait: PROMPT, keys: 'echo back\r' }, { wait: PROMPT, keys: 'exit\r' }], { cols: 120 });
    expect(again.screen).toContain('/ # echo back\nback\n/ # exit\nSession ended');
  });

  it('bash in a Debian image', async () => {
    const h = harness();
    const p = /root@deb:\/#$/;
    const r = await typed(h, 'kubectl run -it --rm --image=debian:bookworm --restart=Never deb -- bash', [{ wait: p, keys: 'echo $0\r' }, { wait: p, keys: 'exit\r' }]);
    expect(r.screen).toBe([HINT, 'root@deb:/# echo $0', 'bash', 'root@deb:/# exit', 'exit', 'pod "deb" deleted'].join('\n'));
  });
});

describe('kubectl run -i with a keyboard (no terminal in the pod)', () => {
  it('lines typed go to the shell; ^D ends its stdin (stdinOnce), so it exits and the pod is deleted', async () => {
    const h = harness();
    const r = await typed(h, 'kubectl run -i --rm --image=busybox --restart=Never tmp -- sh', [{ keys: 'echo $HOSTNAME\r', delay: 3000 }, { keys: '\x04', delay: 1000 }]);
    expect(r.screen).toBe([HINT, 'echo $HOSTNAME', 'tmp', 'pod "tmp" deleted'].join('\n'));
    expect(r.code).toBe(0);
    expect(r.modes).toEqual(['cooked']);
  });

  it('^C ends kubectl before its --rm: the pod stays, its shell gone with the connection', async () => {
    const h = harness();
    const r = await typed(h, 'kubectl run -i --rm --image=busybox --restart=Never tmp -- sh', [{ keys: 'echo $HOSTNAME\r', delay: 3000 }, { keys: '\x03', delay: 1000 }]);
    expect(r.screen).toBe([HINT, 'echo $HOSTNAME', 'tmp', '^C'].join('\n'));
    expect(r.code).toBe(130);
    await h.run('sleep 5');
    expect((await h.run('kubectl get pod tmp --no-headers')).out).toMatch(/^tmp\s+0\/1\s+Completed\s+0\s/);
  });
});

describe('kubectl run -i with stdin from a pipe (in a script)', () => {
  it.each([
    ['cat copies the piped line', 'echo hi | kubectl run -i --rm --image=busybox --restart=Never tmp -- cat', `${HINT}\nhi\npod "tmp" deleted\n`, 0],
    ['sh runs the piped script and exits with its status', "printf 'echo one\\nexit 4\\n' | kubectl run -i --rm --image=busybox --restart=Never tmp -- sh", `${HINT}\none\npod "tmp" deleted\npod default/tmp terminated (Error)\n`, 4],
    ['wc counts what came, up to the end of the pipe', "printf 'a\\nb\\nc\\n' | kubectl run -i --rm --image=busybox --restart=Never tmp -- wc -l", `${HINT}\n3\npod "tmp" deleted\n`, 0],
    ['-q leaves out the hint', 'echo quiet | kubectl run -iq --rm --image=busybox --restart=Never tmp -- cat', 'quiet\n', 0],
  ])('%s', async (_name, line, out, code) => {
    const h = harness();
    expect(await h.run(line)).toEqual({ out, code });
  });

  it('a terminal nobody types at: the shell sees ^D at its prompt and leaves', async () => {
    const h = harness();
    expect(await h.run('kubectl run -it --rm --image=busybox --restart=Never tmp -- sh')).toEqual({ out: `${HINT}\n\npod "tmp" deleted\n`, code: 0 });
  });
});
