// kubectl attach to a container's main process: a shell started with stdin and tty (the prompt redrawn by
// kubectl's resize, the session, the "Session ended" hint under restartPolicy Always), a shell on a plain
// stdin, and a container without stdin (keys are read and dropped, as containerd's attach does).

import { beforeAll, describe, expect, it } from 'vitest';
import { harness, type Harness } from './harness';
import { typed } from './typing';

const PROMPT = /\/ #$/;
let h: Harness;

function pod(name: string, spec: string): string {
  return `cat <<'EOF' | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${spec}
EOF`;
}

beforeAll(async () => {
  h = harness();
  for (const [name, restart, extra] of [
    ['shell', 'Always', 'stdin: true\n    tty: true'],
    ['once', 'Never', 'stdin: true\n    tty: true'],
    ['piped', 'Always', 'stdin: true'],
  ]) {
    await h.run(pod(name, `  restartPolicy: ${restart}\n  containers:\n  - name: main\n    image: busybox\n    command: ["sh"]\n    ${extra}`));
  }
  await h.run('kubectl wait --for=condition=Ready pod/shell pod/once pod/piped');
});

describe('kubectl attach -it to a shell started with stdin and tty', () => {
  it('redraws the prompt, runs commands, and says how to come back when the shell exits', async () => {
    const r = await typed(h, 'kubectl attach -it shell', [{ wait: PROMPT, keys: 'echo hi\r' }, { wait: PROMPT, keys: 'exit\r' }], { cols: 120 });
    expect(r.screen).toBe(
      [
        "If you don't see a command prompt, try pressing enter.",
        '/ # echo hi',
        'hi',
        '/ # exit',
        "Session ended, resume using 'kubectl attach shell -c main -i -t' command when the pod is running",
      ].join('\n'),
    );
    // kubectl sends the size one larger, then the real one: busybox redraws its prompt on each.
    expect(r.raw).toContain("try pressing enter.\n\r/ # \x1b[J\r/ # \x1b[J");
    expect(r.code).toBe(0);
    expect(r.modes).toEqual(['raw', 'off']);
    // restartPolicy Always: the shell comes back, ready for the next attach.
    await h.run('sleep 15');
    expect((await h.run('kubectl get pod shell --no-headers')).out).toMatch(/^shell\s+1\/1\s+Running\s+1 \(\d+s ago\)/);
    const again = await typed(h, 'kubectl attach shell -c main -i -t', [{ wait: PROMPT, keys: 'exit 0\r' }], { cols: 120 });
    expect(again.screen.split('\n')[1]).toBe('/ # exit 0');
  });

  it('under restartPolicy Never there is nothing to resume', async () => {
    const r = await typed(h, 'kubectl attach -it once', [{ wait: PROMPT, keys: 'exit 4\r' }], { cols: 120 });
    expect(r.screen).toBe("If you don't see a command prompt, try pressing enter.\n/ # exit 4");
    expect(r.code).toBe(0);
    await h.run('sleep 5');
    expect((await h.run('kubectl attach -it once')).out).toBe('error: cannot attach a container in a completed pod; current phase is Failed\n');
  });

  it('-q prints only the session', async () => {
    await h.run('sleep 15');
    const r = await typed(h, 'kubectl attach -itq shell', [{ wait: PROMPT, keys: 'exit\r' }], { cols: 120 });
    expect(r.screen).toBe('/ # exit');
  });
});

describe('kubectl attach without a terminal on the container', () => {
  it('-i to a shell reading a plain stdin: lines typed run there; ^D ends the session, not the shell', async () => {
    const r = await typed(h, 'kubectl attach -i piped', [{ keys: 'echo $HOSTNAME\r' }, { keys: '\x04', delay: 1000 }]);
    expect(r.screen).toBe("If you don't see a command prompt, try pressing enter.\necho $HOSTNAME\npiped");
    expect(r.code).toBe(0);
    expect((await h.run('kubectl get pod piped --no-headers')).out).toMatch(/^piped\s+1\/1\s+Running\s+0\s/);
  });

  it('-t to a container without a tty says so and goes on without one', async () => {
    const r = await typed(h, 'kubectl attach -it piped', [{ keys: 'echo again\r' }, { keys: '\x04', delay: 1000 }], { cols: 120 });
    expect(r.screen).toBe("error: Unable to use a TTY - container main did not allocate one\nIf you don't see a command prompt, try pressing enter.\necho again\nagain");
  });

  it('-i to a container without stdin: its output from now on; keys are read and go nowhere; it ends with the process', async () => {
    await h.run(pod('ticker', `  restartPolicy: Never\n  containers:\n  - name: main\n    image: busybox\n    command: ["sh", "-c", "for i in $(seq 1 20); do echo tick $i; sleep 2; done"]`));
    await h.run('kubectl wait --for=condition=Ready pod/ticker');
    const r = await typed(h, 'kubectl attach -i ticker', [{ keys: 'echo typed\r', delay: 100 }]);
    const lines = r.screen.split('\n');
    expect(lines[0]).toBe("If you don't see a command prompt, try pressing enter.");
    // The local terminal echoes what was typed (kubectl reads it); the container never sees it.
    expect(lines).toContain('echo typed');
    expect(lines.filter((l) => l.startsWith('tick')).length).toBeGreaterThan(0);
    expect(lines[1]).not.toBe('tick 1');
    expect(lines[lines.length - 1]).toBe('tick 20');
    expect(lines).not.toContain('typed');
    expect(r.code).toBe(0);
  });
});
