// `kubeplay bench --scenario chaos`: after convergence, a share of the workers loses power; timed (in
// simulated and wall time) until every pod is Running and Ready again on the surviving nodes. That takes
// the node monitor grace period (the node goes NotReady/Unknown), then the 300 s default toleration of the
// unreachable taint before the pods are evicted and replaced.

import type { Cluster } from '../engine/cluster';
import type { BenchArgs } from './bench-args';
import type { Figures } from './bench-converge';
import { driveUntil, isRunningReady, ms, NAMESPACE, nodeNameOf, PodTracker } from './bench-workload';

/** The workers to power off: evenly spread over worker-1…worker-N (deterministic, no randomness). */
export function chaosVictims(nodes: number, percent: number): string[] {
  const n = Math.min(nodes, Math.max(1, Math.round((nodes * percent) / 100)));
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(`worker-${Math.floor(((i + 1) * nodes) / n)}`);
  return out;
}

function nodeReady(cluster: Cluster, name: string): boolean {
  const node = cluster.store.get('nodes', undefined, name) as { status?: { conditions?: { type: string; status: string }[] } } | undefined;
  return node?.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
}

export async function chaosScenario(cluster: Cluster, args: BenchArgs, out: (line: string) => void): Promise<{ ok: boolean; figures: Figures }> {
  const victims = chaosVictims(args.nodes, args.chaosPercent);
  const dead = new Set(victims);
  let displaced = 0;
  for (const v of victims) displaced += cluster.store.listByIndex('pods', 'spec.nodeName', v).filter((p) => p.metadata!.namespace === NAMESPACE).length;
  const serving = new PodTracker(cluster.store, NAMESPACE, (p) => isRunningReady(p) && !dead.has(nodeNameOf(p) ?? ''));
  const t0 = performance.now();
  for (const v of victims) cluster.kubelets.get(v)!.powerOff();
  out(`chaos: powered off ${victims.length} of ${args.nodes} workers (${displaced} pods on them)`);
  const evicting = () => victims.some((v) => cluster.store.listByIndex('pods', 'spec.nodeName', v).some((p) => p.metadata!.deletionTimestamp !== undefined));
  const drive = await driveUntil(cluster, () => serving.count >= args.pods, {
    limitSimMs: 3_600_000,
    milestones: {
      notReady: () => victims.every((v) => !nodeReady(cluster, v)),
      evicting,
    },
    progress: () => `${serving.count}/${args.pods} pods serving on live nodes`,
    out,
  });
  const recoverMs = performance.now() - t0;
  const recovered = serving.count;
  serving.close();
  const { notReady, evicting: ev } = drive.marks;
  if (notReady) out(`  nodes not Ready at sim ${notReady.simSeconds}s, wall ${ms(notReady.wallMs)}`);
  if (ev) out(`  evictions started at sim ${ev.simSeconds}s, wall ${ms(ev.wallMs)}`);
  out(`chaos: ${recovered}/${args.pods} pods Running and Ready on live nodes after ${drive.simSeconds.toFixed(1)} s simulated, ${ms(recoverMs)} wall`);
  return {
    ok: drive.done,
    figures: {
      chaosNodes: victims.length,
      chaosDisplacedPods: displaced,
      chaosNotReadySimSeconds: notReady ? notReady.simSeconds : null,
      chaosEvictSimSeconds: ev ? ev.simSeconds : null,
      chaosSimSeconds: drive.simSeconds,
      chaosMs: Math.round(recoverMs),
      chaosRecoveredPods: recovered,
    },
  };
}
