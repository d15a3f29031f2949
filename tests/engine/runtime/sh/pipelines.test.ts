// Streaming pipelines, early exit of the reader (SIGPIPE), cancellation (Ctrl-C, timeout), and the
// Kubernetes liveness-probe example on simulated time.

import { describe, expect, it } from 'vitest';
import { AbortScope } from '../../../../src/engine/runtime/sh/signal';
import { CaptureOutput } from '../../../../src/engine/runtime/sh/streams';
import type { CommandImpl } from '../../../../src/engine/runtime/sh/types';
import { T0, drive, settle, simHarness } from './helpers';

/** A stand-in for `kubectl get pods -w`: a header, then one line per simulated second until stopped. */
interface Seen {
  stoppedBy?: string;
  wrote: number;
}

function fakeWatch(events: string[], seen: Seen): CommandImpl {
  return async (_argv, ctx) => {
    await ctx.io.stdout.write('NAME    READY   STATUS\n');
    for (const e of events) {
      await ctx.sleep(1000);
      if (ctx.signal.aborted) break;
      await ctx.io.stdout.write(e + '\n');
      seen.wrote++;
    }
    // Keep watching until told to stop.
    while (!ctx.signal.aborted) await ctx.sleep(1000);
    seen.stoppedBy = ctx.signal.reason ?? undefined;
    return 0;
  };
}

describe('streaming pipelines', () => {
  it('passes matching lines through grep as they arrive', async () => {
    const seen: Seen = { wrote: 0 };
    const times: [number, string][] = [];
    const h = simHarness('terminal', {
      commands: { kubectl: fakeWatch(['web-1   0/1   Pending', 'db-1    0/1   Pending', 'web-1   1/1   Running'], seen) },
    });
    const ctrlC = new AbortScope();
    const run = h.shell.run('kubectl get pods -w | grep web', {
      signal: ctrlC,
      io: { stdout: { write: (t: string) => void times.push([h.clock.now() - T0, t]) } },
    });
    await settle();
    for (let i = 0; i < 3; i++) {
      h.clock.step();
      await settle();
    }
    // Lines came out at 1s and 3s of simulated time, while the watch was still running.
    expect(times).toEqual([[1000, 'web-1   0/1   Pending\n'], [3000, 'web-1   1/1   Running\n']]);
    ctrlC.abort('SIGINT');
    expect(await drive(h.clock, run)).toBe(130);
    expect(seen.stoppedBy).toBe('SIGINT');
  });

  it('lets head finish early and stops the writer with SIGPIPE', async () => {
    const seen: Seen = { wrote: 0 };
    const h = simHarness('terminal', { commands: { kubectl: fakeWatch(['a', 'b', 'c', 'd'], seen) } });
    const st = await drive(h.clock, h.shell.run('kubectl get pods -w | head -n 2'));
    expect(st).toBe(0);
    expect(h.out.text).toBe('NAME    READY   STATUS\na\n');
    expect(seen.stoppedBy).toBe('SIGPIPE');
    expect(h.clock.now() - T0).toBeLessThanOrEqual(2000);
  });

  it('tail -f on a stream prints the last lines, then follows', async () => {
    const seen: Seen = { wrote: 0 };
    const times: [number, string][] = [];
    const h = simHarness('busybox', { commands: { kubectl: fakeWatch(['a', 'b'], seen) } });
    const ctrlC = new AbortScope();
    const run = h.shell.run('kubectl get pods -w | tail -f -n 1', {
      signal: ctrlC,
      io: { stdout: { write: (t: string) => void times.push([h.clock.now() - T0, t]) } },
    });
    for (let i = 0; i < 4; i++) {
      await settle();
      h.clock.step();
    }
    ctrlC.abort('SIGINT');
    expect(await drive(h.clock, run)).toBe(130);
    expect(times).toEqual([[0, 'NAME    READY   STATUS\n'], [1000, 'a\n'], [2000, 'b\n']]);
  });

  it('ends an endless producer: yes | head', async () => {
    const h = simHarness('busybox');
    expect(await drive(h.clock, h.shell.run('yes ok | head -n 3; echo status=$?'))).toBe(0);
    expect(h.out.text).toBe('ok\nok\nok\nstatus=0\n');
  });

  it('gives the pipeline the last status, or the first failure with pipefail', async () => {
    const h = simHarness();
    await drive(h.clock, h.shell.run('yes | head -n 1 >/dev/null; echo $?; false | true; echo $?; set -o pipefail; true | false | true; echo $?'));
    expect(h.out.text).toBe('0\n0\n1\n');
  });

  it('streams through several stages and a while-read loop', async () => {
    const h = simHarness();
    await drive(h.clock, h.shell.run('seq 1 100000 | grep 7 | while read n; do echo "n=$n"; done | head -n 3'));
    expect(h.out.text).toBe('n=7\nn=17\nn=27\n');
  });
});

describe('cancellation', () => {
  it('Ctrl-C stops a sleep and the rest of the line (130)', async () => {
    const h = simHarness();
    const c = new AbortScope();
    const run = h.shell.run('sleep 100; echo after', { signal: c });
    await settle();
    h.clock.advance(5000);
    c.abort('SIGINT');
    expect(await drive(h.clock, run)).toBe(130);
    expect(h.out.text).toBe('');
    expect(h.clock.now() - T0).toBe(5000);
    expect(h.clock.pending()).toBe(0);
  });

  it('Ctrl-C stops a busy while loop', async () => {
    const h = simHarness('busybox');
    const c = new AbortScope();
    const run = h.shell.run('while true; do echo tick; sleep 1; done', { signal: c });
    for (let i = 0; i < 3; i++) {
      await settle();
      h.clock.step();
    }
    // The third timer has fired but its continuation has not run yet: Ctrl-C wins.
    c.abort('SIGINT');
    expect(await drive(h.clock, run)).toBe(130);
    expect(h.out.text).toBe('tick\ntick\ntick\n');
  });

  it('does not wait for a command that ignores the signal', async () => {
    const h = simHarness('terminal', { commands: { stuck: () => new Promise<number>(() => undefined) } });
    const c = new AbortScope();
    const run = h.shell.run('stuck; echo never', { signal: c });
    await settle();
    c.abort('SIGINT');
    expect(await drive(h.clock, run)).toBe(130);
    expect(h.out.text).toBe('');
  });

  it('timeout: 124 when it fires, the status otherwise, and the script goes on', async () => {
    const h = simHarness();
    await drive(h.clock, h.shell.run('timeout 5 sleep 10; echo "st=$?"; timeout 5s sleep 1; echo "st=$?"; timeout 2 sh -c "exit 3"; echo "st=$?"'));
    expect(h.out.text).toBe('st=124\nst=0\nst=3\n');
    expect(h.clock.now() - T0).toBe(6000);
    expect(h.clock.pending()).toBe(0);
  });

  it('timeout -s KILL and --preserve-status', async () => {
    const h = simHarness();
    await drive(h.clock, h.shell.run('timeout -s KILL 1 sleep 5; echo $?; timeout --preserve-status 1 sleep 5; echo $?'));
    expect(h.out.text).toBe('124\n143\n');
  });

  it('busybox timeout reports the signal status, like the real applet', async () => {
    const h = simHarness('busybox');
    await drive(h.clock, h.shell.run('timeout 1 sleep 5; echo $?'));
    expect(h.out.text).toBe('143\n');
  });

  it('the shell lifetime signal (container kill) stops background jobs too', async () => {
    const life = new AbortScope();
    const h = simHarness('busybox', { signal: life });
    const run = h.shell.run('sleep 1000 & sleep 1000; echo done');
    await settle();
    h.clock.advance(10_000);
    life.abort('SIGTERM');
    expect(await drive(h.clock, run)).toBe(143);
    expect(h.clock.pending()).toBe(0);
  });
});

describe('background jobs', () => {
  it('runs jobs concurrently; wait collects them; $! is the job pid', async () => {
    const h = simHarness('busybox');
    await drive(h.clock, h.shell.run('(sleep 2; echo two) & (sleep 1; echo one) & echo started $!; wait; echo all'));
    expect(h.out.text).toBe('started 3\none\ntwo\nall\n');
    expect(h.clock.now() - T0).toBe(2000);
  });

  it('prints job numbers and Done notices in the interactive terminal; kill %N', async () => {
    const h = simHarness('terminal');
    await drive(h.clock, h.shell.run('sleep 100 &'));
    expect(h.err.text).toBe('[1] 4243\n');
    await drive(h.clock, h.shell.run('jobs; kill %1; wait'));
    expect(h.out.text).toBe('[1]+  Running                 sleep 100 &\n');
    expect(h.shell.takeNotices()).toEqual(['[1]+  Terminated              sleep 100\n']);
  });
});

describe('the Kubernetes liveness example', () => {
  const script = 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600';

  it('sleeps 30s then 600s, and the probe flips from healthy to failing', async () => {
    const h = simHarness('busybox');
    const main = h.shell.run(script);
    const probe = async (): Promise<[number, string]> => {
      const err = new CaptureOutput();
      const st = await h.shell.runArgv(['cat', '/tmp/healthy'], { io: { stderr: err } });
      return [st, err.text];
    };
    await settle();
    h.clock.advance(10_000);
    expect(await probe()).toEqual([0, '']);
    h.clock.step(); // the 30s sleep ends
    await settle();
    h.clock.advance(5_000);
    expect(await probe()).toEqual([1, "cat: can't open '/tmp/healthy': No such file or directory\n"]);
    expect(await drive(h.clock, main)).toBe(0);
    expect(h.sleeps).toEqual([30_000, 600_000]);
    expect(h.clock.now() - T0).toBe(630_000);
  });

  it('runs as a container command via sh -c', async () => {
    const h = simHarness('busybox');
    const st = await drive(h.clock, h.shell.runArgv(['/bin/sh', '-c', script]));
    expect(st).toBe(0);
    expect(h.sleeps).toEqual([30_000, 600_000]);
    expect(h.fs.stat('/tmp/healthy')).toBeNull();
  });
});
