// The converge phase every bench scenario starts with: boot N workers, create P pods as Deployments, run
// simulated time until every pod is Running and Ready, and report the phase timings.

import type { Cluster } from '../engine/cluster';
import type { BenchArgs } from './bench-args';
import { bootCluster, createDeployments, deploymentCount, driveUntil, isRunningReady, ms, nodeNameOf, NAMESPACE, PodTracker, workerShape } from './bench-workload';

export type Figures = Record<string, number | string | boolean | null>;

export interface ConvergeRun {
  cluster: Cluster;
  ok: boolean;
  figures: Figures;
}

export interface ConvergeHooks {
  /** Runs after boot, before the Deployments are created (the watch scenario opens its watchers here). */
  afterBoot?: (cluster: Cluster) => void;
  /** Prefix for the printed lines (the watch scenario runs twice). */
  label?: string;
}

export async function converge(args: BenchArgs, out: (line: string) => void, hooks: ConvergeHooks = {}): Promise<ConvergeRun> {
  const label = hooks.label ? `${hooks.label} ` : '';
  const t0 = performance.now();
  const cluster = bootCluster(args);
  const bootMs = performance.now() - t0;
  out(`${label}boot: ${args.nodes} workers (${workerShape(cluster)}) in ${ms(bootMs)}`);
  hooks.afterBoot?.(cluster);

  const ready = new PodTracker(cluster.store, NAMESPACE, isRunningReady);
  const scheduled = new PodTracker(cluster.store, NAMESPACE, (p) => nodeNameOf(p) !== undefined);
  const cpu1 = process.cpuUsage();
  const t1 = performance.now();
  createDeployments(cluster, args);
  const createMs = performance.now() - t1;
  out(`${label}create: ${deploymentCount(args)} Deployments (${args.pods} replicas) in ${ms(createMs)}`);

  const drive = await driveUntil(cluster, () => ready.count >= args.pods, {
    limitSimMs: 3_600_000,
    milestones: {
      scheduled: () => scheduled.count >= args.pods,
      half: () => ready.count * 2 >= args.pods,
    },
    progress: () => `${scheduled.count} scheduled, ${ready.count}/${args.pods} ready`,
    out,
  });
  const convergeMs = performance.now() - t1;
  const cpu = process.cpuUsage(cpu1);
  const runningPods = ready.count;
  ready.close();
  scheduled.close();
  const { scheduled: s, half } = drive.marks;
  if (s) out(`${label}  all pods scheduled at sim ${s.simSeconds}s, wall ${ms(s.wallMs)}`);
  if (half) out(`${label}  half the pods ready at sim ${half.simSeconds}s, wall ${ms(half.wallMs)}`);
  out(`${label}converge: ${runningPods}/${args.pods} pods Running and Ready in ${ms(convergeMs)} (${drive.simSeconds.toFixed(1)} s simulated)`);
  return {
    cluster,
    ok: runningPods >= args.pods,
    figures: {
      nodes: args.nodes,
      pods: args.pods,
      runningPods,
      bootMs: Math.round(bootMs),
      createMs: Math.round(createMs),
      convergeMs: Math.round(convergeMs),
      convergeCpuMs: Math.round((cpu.user + cpu.system) / 1000),
      simSeconds: Math.round(drive.simSeconds * 10) / 10,
      scheduledSimSeconds: s ? s.simSeconds : null,
      podsPerSecond: Math.round((runningPods / convergeMs) * 1000),
    },
  };
}
