// The headless transcript runner behind `kubeplay run` and the golden tests: echoes each command as
// `$ cmd` (continuation lines as `> …`), runs it in a terminal session, and while the command waits on
// simulated time (sleep, rollout status, wait, -w) jumps the clock to the next event.

import type { Cluster } from '../engine/cluster';
import { splitCommands } from '../engine/runtime/sh/complete';
import { AbortScope } from '../engine/runtime/sh/signal';
import { inProcessSession } from './in-process';

export interface RunOptions {
  /** Yields to the host's event loop so pending promise chains settle (setImmediate in Node). */
  yieldHost: () => Promise<void>;
  /** Simulated time a single command may wait before it gets Ctrl-C (watches without timeout). */
  commandLimitMs?: number;
}

const DEFAULT_LIMIT = 10 * 60_000;

export async function runTranscript(cluster: Cluster, script: string, opts: RunOptions): Promise<string> {
  const session = inProcessSession(cluster);
  let out = '';
  // A transcript is what a terminal shows: programs see a TTY.
  const sink = { write: (t: string) => void (out += t), isTTY: true };
  for (const chunk of splitCommands(script)) {
    if (chunk.kind === 'blank') {
      out += '\n';
      continue;
    }
    if (chunk.kind === 'comment') {
      out += chunk.text + '\n';
      continue;
    }
    // Whatever the last command set in motion at this instant happens before the next one is typed.
    cluster.clock.flush();
    await opts.yieldHost();
    const lines = chunk.text.split('\n');
    out += `$ ${lines[0]}\n` + lines.slice(1).map((l) => `> ${l}\n`).join('');
    const signal = new AbortScope();
    let done = false;
    const p = session.run(chunk.text, { stdout: sink, stderr: sink }, signal).finally(() => (done = true));
    const start = cluster.clock.now();
    const limit = opts.commandLimitMs ?? DEFAULT_LIMIT;
    let interrupted = false;
    for (;;) {
      await opts.yieldHost();
      if (done) break;
      const due = cluster.clock.nextDue();
      if (!interrupted && (due === undefined || due - start > limit)) {
        // Nothing more can happen in time: like a user pressing Ctrl-C.
        if (due !== undefined) cluster.clock.advanceTo(start + limit);
        interrupted = true;
        out += '^C\n';
        signal.abort('SIGINT');
        continue;
      }
      if (due === undefined) break;
      cluster.clock.advanceTo(due);
    }
    await p;
    if (!out.endsWith('\n') && out.length) out += '\n';
  }
  return out;
}
