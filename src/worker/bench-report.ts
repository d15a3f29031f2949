// Benchmark mode (`?bench=`): once a second, how many of the benchmark's pods run, in simulated and wall
// time, until all of them do.

import type { Cluster } from '../engine/cluster';
import type { WorkerEvent } from './protocol';

export function startBenchReports(cluster: Cluster, pods: number, post: (e: WorkerEvent) => void): () => void {
  const wall0 = performance.now();
  const sim0 = cluster.clock.now();
  const timer = setInterval(() => {
    let running = 0;
    for (const p of cluster.store.list('pods')) {
      if ((p.metadata?.namespace ?? '') === 'default' && (p.status as { phase?: string } | undefined)?.phase === 'Running') running++;
    }
    const phase = running >= pods ? 'converged' : 'converging';
    post({ type: 'bench', phase, simMs: cluster.clock.now() - sim0, wallMs: performance.now() - wall0, running, pods });
    if (phase === 'converged') clearInterval(timer);
  }, 1000);
  return () => clearInterval(timer);
}
