// Test harness: a shell with a fake clock (sleep records durations and advances time at once) and
// captured output.

import { SimClock } from '../../../../src/engine/clock/clock';
import { MemFS } from '../../../../src/engine/runtime/sh/memfs';
import { createShell, type Shell, type ShellOptions } from '../../../../src/engine/runtime/sh/shell';
import type { ShellSignal } from '../../../../src/engine/runtime/sh/signal';
import { CaptureOutput, StringInput } from '../../../../src/engine/runtime/sh/streams';
import type { Flavor, SleepFn } from '../../../../src/engine/runtime/sh/types';

/** 2006-01-02T15:04:05Z, Go's reference time. */
export const T0 = 1136214245000;

export interface Harness {
  shell: Shell;
  fs: MemFS;
  out: CaptureOutput;
  err: CaptureOutput;
  sleeps: number[];
  clock: { now: number };
  /** Runs source; returns status, stdout and stderr of this run only. */
  run(src: string, stdin?: string, signal?: ShellSignal): Promise<{ status: number; stdout: string; stderr: string }>;
}

export function harness(flavor: Flavor = 'terminal', opts: Partial<ShellOptions> = {}): Harness {
  const clock = { now: T0 };
  const sleeps: number[] = [];
  const fs = (opts.fs as MemFS | undefined) ?? MemFS.standard(() => clock.now, 'pod-1');
  const out = new CaptureOutput();
  const err = new CaptureOutput();
  const shell = createShell({
    flavor,
    fs,
    now: () => clock.now,
    sleep: async (ms, signal) => {
      sleeps.push(ms);
      if (!signal.aborted) clock.now += ms;
    },
    hostname: 'pod-1',
    env: { HOME: '/root', PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
    io: { stdout: out, stderr: err },
    ...opts,
  });
  return {
    shell,
    fs,
    out,
    err,
    sleeps,
    clock,
    async run(src, stdin, signal) {
      out.clear();
      err.clear();
      const status = await shell.run(src, { io: stdin === undefined ? undefined : { stdin: new StringInput(stdin) }, signal });
      return { status, stdout: out.text, stderr: err.text };
    },
  };
}

/** A sleep on a SimClock: a timer that an abort clears. */
export function simSleep(clock: SimClock, log?: number[]): SleepFn {
  return (ms, signal) =>
    new Promise<void>((resolve) => {
      log?.push(ms);
      if (signal.aborted) return resolve();
      const off = signal.onAbort(() => {
        clock.clearTimeout(id);
        resolve();
      });
      const id = clock.setTimeout(() => {
        off();
        resolve();
      }, ms);
    });
}

/** Lets pending promise callbacks run (a macrotask turn). */
export function settle(): Promise<void> {
  return new Promise((r) => setImmediate(r));
}

/** Runs until the promise settles, jumping the clock to each next timer when nothing else can move. */
export async function drive<T>(clock: SimClock, p: Promise<T>, limitMs = 24 * 3600_000): Promise<T> {
  let done = false;
  let value: T | undefined;
  let error: unknown;
  p.then(
    (v) => {
      done = true;
      value = v;
    },
    (e) => {
      done = true;
      error = e ?? new Error('rejected');
    },
  );
  const end = clock.now() + limitMs;
  for (;;) {
    await settle();
    if (done) break;
    if (!clock.step(end)) throw new Error('deadlock: nothing scheduled and the run has not finished');
  }
  if (error) throw error;
  return value as T;
}

export interface SimHarness {
  shell: Shell;
  fs: MemFS;
  clock: SimClock;
  sleeps: number[];
  out: CaptureOutput;
  err: CaptureOutput;
}

export function simHarness(flavor: Flavor = 'terminal', opts: Partial<ShellOptions> = {}): SimHarness {
  const clock = new SimClock(T0);
  const sleeps: number[] = [];
  const fs = MemFS.standard(() => clock.now(), 'pod-1');
  const out = new CaptureOutput();
  const err = new CaptureOutput();
  const shell = createShell({
    flavor,
    fs,
    now: () => clock.now(),
    sleep: simSleep(clock, sleeps),
    hostname: 'pod-1',
    env: { HOME: '/root', PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
    io: { stdout: out, stderr: err },
    ...opts,
  });
  return { shell, fs, clock, sleeps, out, err };
}
