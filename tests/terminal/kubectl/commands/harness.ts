// A cluster plus a terminal session for command tests: runs command lines like the transcript runner
// (simulated time jumps while a command waits) and returns what they printed and their exit status.

import { createCluster, type Cluster } from '../../../../src/engine/cluster';
import { InProcessClient } from '../../../../src/terminal/api-client';
import { TerminalSession } from '../../../../src/terminal/session';
import { clockSleep, clusterExec } from '../../../../src/host/in-process';
import type { EditorHost } from '../../../../src/terminal/kubectl/context';
import { AbortScope } from '../../../../src/engine/runtime/sh/signal';

export interface Harness {
  cluster: Cluster;
  session: TerminalSession;
  /** Runs one command line; output is stdout and stderr interleaved as a terminal shows them. */
  run(line: string, limitMs?: number): Promise<{ out: string; code: number }>;
}

export function harness(opts: { editor?: EditorHost; seed?: number; nodes?: number } = {}): Harness {
  const cluster = createCluster({ seed: opts.seed ?? 1, nodes: opts.nodes ?? 2 });
  const session = new TerminalSession({
    client: new InProcessClient((req) => cluster.handle(req)),
    now: () => cluster.clock.now(),
    sleep: clockSleep(cluster),
    exec: clusterExec(cluster),
    editor: opts.editor,
  });
  const yieldHost = () => new Promise<void>((r) => setImmediate(r));
  return {
    cluster,
    session,
    async run(line, limitMs = 10 * 60_000) {
      cluster.clock.flush();
      await yieldHost();
      let out = '';
      const sink = { write: (t: string) => void (out += t) };
      const signal = new AbortScope();
      let done = false;
      let code = 0;
      const p = session.run(line, { stdout: sink, stderr: sink }, signal).then((c) => {
        code = c;
        done = true;
      });
      const start = cluster.clock.now();
      for (;;) {
        await yieldHost();
        if (done) break;
        const due = cluster.clock.nextDue();
        if (due === undefined || due - start > limitMs) {
          signal.abort('SIGINT');
          await p;
          break;
        }
        cluster.clock.advanceTo(due);
      }
      await p;
      return { out, code };
    },
  };
}
