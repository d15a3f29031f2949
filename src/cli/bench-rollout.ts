// `kubeplay bench --scenario rollout`: after convergence, every Deployment gets a new image (a strategic
// merge patch through the API server, as `kubectl set image` sends it); timed until every pod runs the new
// image Running and Ready and the old pods are gone.

import type { Cluster } from '../engine/cluster';
import type { BenchArgs } from './bench-args';
import type { Figures } from './bench-converge';
import { deploymentCount, deploymentName, driveUntil, imageOf, isRunningReady, ms, NAMESPACE, PodTracker } from './bench-workload';

export async function rolloutScenario(cluster: Cluster, args: BenchArgs, out: (line: string) => void): Promise<{ ok: boolean; figures: Figures }> {
  const updated = new PodTracker(cluster.store, NAMESPACE, (p) => isRunningReady(p) && imageOf(p) === args.image);
  const t0 = performance.now();
  const n = deploymentCount(args);
  for (let i = 0; i < n; i++) {
    const res = cluster.handle({
      method: 'PATCH',
      path: `/apis/apps/v1/namespaces/${NAMESPACE}/deployments/${deploymentName(i)}`,
      headers: { 'content-type': 'application/strategic-merge-patch+json' },
      body: { spec: { template: { spec: { containers: [{ name: 'app', image: args.image }] } } } },
    });
    if (res.status !== 200) throw new Error(`patch of deployment ${deploymentName(i)} answered ${res.status}: ${JSON.stringify(res.body)}`);
  }
  const patchMs = performance.now() - t0;
  out(`rollout: ${n} Deployments patched to ${args.image} in ${ms(patchMs)}`);
  const done = () => updated.count >= args.pods && cluster.store.count('pods', NAMESPACE) === args.pods;
  const drive = await driveUntil(cluster, done, {
    limitSimMs: 3_600_000,
    milestones: { half: () => updated.count * 2 >= args.pods },
    progress: () => `${updated.count}/${args.pods} new pods ready, ${cluster.store.count('pods', NAMESPACE)} pods in all`,
    out,
  });
  const rolloutMs = performance.now() - t0;
  const newReady = updated.count;
  updated.close();
  const half = drive.marks.half;
  if (half) out(`  half the new pods ready at sim ${half.simSeconds}s, wall ${ms(half.wallMs)}`);
  out(`rollout: ${newReady}/${args.pods} pods on ${args.image} Running and Ready, old pods gone: ${drive.done} in ${ms(rolloutMs)} (${drive.simSeconds.toFixed(1)} s simulated)`);
  return {
    ok: drive.done,
    figures: {
      rolloutImage: args.image,
      rolloutPatchMs: Math.round(patchMs),
      rolloutMs: Math.round(rolloutMs),
      rolloutSimSeconds: drive.simSeconds,
      rolloutReadyPods: newReady,
    },
  };
}
