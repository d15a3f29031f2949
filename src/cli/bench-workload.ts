// The bench workload and its instruments: boots the cluster, creates the Deployments, drives simulated time
// as fast as it goes until a condition holds, and reads the process's clocks and memory. Wall-clock time is
// read here (the CLI), never in the engine.

import { loadavg } from 'node:os';
import { createCluster, type Cluster } from '../engine/cluster';
import type { KubeObject } from '../engine/api/types';
import type { Store } from '../engine/store/store';
import type { BenchArgs } from './bench-args';

export const NAMESPACE = 'bench';
export const FIRST_IMAGE = 'nginx:1.27';

interface PodView {
  metadata?: { namespace?: string; name?: string; deletionTimestamp?: string };
  spec?: { nodeName?: string; containers?: { image?: string }[] };
  status?: { phase?: string; conditions?: { type: string; status: string }[] };
}

/** Running, Ready and not being deleted: a pod that serves. */
export function isRunningReady(o: KubeObject): boolean {
  const p = o as PodView;
  if (p.metadata?.deletionTimestamp) return false;
  const st = p.status;
  if (st?.phase !== 'Running' || !st.conditions) return false;
  for (const c of st.conditions) if (c.type === 'Ready') return c.status === 'True';
  return false;
}

export function nodeNameOf(o: KubeObject): string | undefined {
  return (o as PodView).spec?.nodeName;
}

export function imageOf(o: KubeObject): string | undefined {
  return (o as PodView).spec?.containers?.[0]?.image;
}

/**
 * The pods of a namespace that satisfy a predicate, kept up to date from the store's watch, so that a
 * condition over 150,000 pods costs O(1) to check instead of a full scan every simulated second.
 */
export class PodTracker {
  private readonly keys = new Set<string>();
  private readonly stop: () => void;

  constructor(store: Store, namespace: string, predicate: (pod: KubeObject) => boolean) {
    for (const p of store.list('pods', namespace)) if (predicate(p)) this.keys.add(p.metadata!.name!);
    this.stop = store.watch('pods', { namespace }, (e) => {
      const name = e.object.metadata!.name!;
      if (e.type !== 'DELETED' && predicate(e.object)) this.keys.add(name);
      else this.keys.delete(name);
    });
  }

  get count(): number {
    return this.keys.size;
  }

  close(): void {
    this.stop();
  }
}

/** Boots the bench cluster: N workers, no add-ons, a short settle, a namespace for the workload. */
export function bootCluster(args: BenchArgs): Cluster {
  const cluster = createCluster({
    nodes: args.nodes,
    seed: args.seed,
    minimal: true,
    settleMs: 1000,
    historyPerResource: 2000,
    nodeCpu: args.nodeCpu,
    nodeMemory: args.nodeMemory,
    nodePods: args.nodePods,
  });
  cluster.ctx.client('kubernetes-admin', 'kubectl').create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NAMESPACE } });
  return cluster;
}

/** The allocatable shape of the first worker as its Node object reports it (to check the bench's nodes). */
export function workerShape(cluster: Cluster): string {
  const node = cluster.store.get('nodes', undefined, 'worker-1') as { status?: { allocatable?: Record<string, string> } } | undefined;
  const a = node?.status?.allocatable ?? {};
  return `cpu ${a.cpu}, memory ${a.memory}, pods ${a.pods}`;
}

export function deploymentCount(args: BenchArgs): number {
  return Math.ceil(args.pods / args.perDeployment);
}

export function deploymentName(i: number): string {
  return `app-${i}`;
}

/** Creates the workload: ceil(P / R) Deployments of R replicas (the last one takes the rest). */
export function createDeployments(cluster: Cluster, args: BenchArgs): void {
  const admin = cluster.ctx.client('kubernetes-admin', 'kubectl');
  const n = deploymentCount(args);
  for (let i = 0; i < n; i++) {
    const replicas = Math.min(args.perDeployment, args.pods - i * args.perDeployment);
    const name = deploymentName(i);
    const container: Record<string, unknown> = { name: 'app', image: FIRST_IMAGE };
    if (args.requests) container.resources = { requests: { cpu: args.requests.cpu, memory: args.requests.memory } };
    admin.create('deployments.apps', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: NAMESPACE },
      spec: {
        replicas,
        selector: { matchLabels: { app: name } },
        template: { metadata: { labels: { app: name } }, spec: { containers: [container] } },
      },
    });
  }
}

export interface Mark {
  simSeconds: number;
  wallMs: number;
}

export interface DriveResult {
  done: boolean;
  wallMs: number;
  simSeconds: number;
  /** First whole simulated second at which each milestone held. */
  marks: Record<string, Mark>;
}

export interface DriveOptions {
  /** Give up after this much simulated time. */
  limitSimMs: number;
  /** A progress line, printed at most every 2 s of wall time. */
  progress?: () => string;
  milestones?: Record<string, () => boolean>;
  out?: (line: string) => void;
}

/**
 * Advances simulated time as fast as it goes until done() holds. Conditions are checked at every whole
 * simulated second from the start, so simSeconds is the same on every machine for a given seed.
 */
export async function driveUntil(cluster: Cluster, done: () => boolean, o: DriveOptions): Promise<DriveResult> {
  const t0 = performance.now();
  const sim0 = cluster.clock.now();
  const marks: Record<string, Mark> = {};
  const pending = new Map(Object.entries(o.milestones ?? {}));
  let lastReport = t0;
  let next = sim0 + 1000;
  let ok = done();
  while (!ok && cluster.clock.now() - sim0 < o.limitSimMs) {
    const due = cluster.clock.nextDue();
    cluster.clock.advanceTo(due === undefined ? next : Math.min(due, next));
    // Container scripts (none in the bench workload, but cheap to honour) run between timers.
    if (cluster.work.pending > 0) await cluster.work.settle();
    if (cluster.clock.now() < next) continue;
    next += 1000;
    const simSeconds = (cluster.clock.now() - sim0) / 1000;
    for (const [name, test] of pending) {
      if (!test()) continue;
      marks[name] = { simSeconds, wallMs: performance.now() - t0 };
      pending.delete(name);
    }
    ok = done();
    if (o.progress && o.out && performance.now() - lastReport > 2000) {
      lastReport = performance.now();
      o.out(`  sim ${simSeconds.toFixed(0)}s, wall ${((lastReport - t0) / 1000).toFixed(1)}s: ${o.progress()}`);
    }
  }
  return { done: ok, wallMs: performance.now() - t0, simSeconds: (cluster.clock.now() - sim0) / 1000, marks };
}

/** Process figures for the JSON line: memory now and at its peak, CPU time since a start, load average. */
export interface ProcessFigures {
  heapUsedMB: number;
  rssMB: number;
  peakRssMB: number;
  cpuMs: number;
  load1: number;
}

export function processFigures(cpuStart: NodeJS.CpuUsage): ProcessFigures {
  const mem = process.memoryUsage();
  const cpu = process.cpuUsage(cpuStart);
  return {
    heapUsedMB: Math.round(mem.heapUsed / 1048576),
    rssMB: Math.round(mem.rss / 1048576),
    // maxRSS is in kilobytes.
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    load1: loadAverage(),
  };
}

export function loadAverage(): number {
  return Math.round(loadavg()[0] * 100) / 100;
}

export function ms(n: number): string {
  return `${n.toFixed(0)} ms`;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
