// The metrics-server model: scrapes every kubelet every 15 s and serves the latest CPU and memory per
// container, pod and node. Scrapes are evaluated lazily (a query computes the last scrape instant) so an
// idle cluster of 150k pods costs nothing; a container needs two scrapes (a rate needs two points), so
// its metrics appear 15–30 s after it starts, as with the real metrics-server.
// mirrors: kubernetes-sigs/metrics-server pkg/scraper, pkg/storage (pod.go, node.go)

import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { Clock } from '../clock/clock';
import type { Kubelet } from '../nodes/kubelet';
import type { LoadModel } from '../runtime/load';
import type { Store } from '../store/store';
import type { KubeObject } from '../api/types';
import { parseTime } from '../util/time';
import { containerUsage, wobble, METRIC_RESOLUTION_MS, type ContainerUsage } from './usage';

export interface PodUsage {
  namespace: string;
  name: string;
  labels?: Record<string, string>;
  /** The scrape the numbers come from (ms). */
  timestamp: number;
  windowMs: number;
  containers: ContainerUsage[];
}

export interface NodeUsage {
  name: string;
  labels?: Record<string, string>;
  timestamp: number;
  windowMs: number;
  cpuNano: number;
  memoryBytes: number;
}

/** What the node itself uses besides its pods (kubelet, containerd, systemd, the kernel). */
const NODE_OVERHEAD_CPU_NANO = 35e6;
const NODE_OVERHEAD_MEMORY = 420 * 1024 * 1024;

export class MetricsServer {
  /** metrics-server started this long after the cluster: the phase of its scrape loop. */
  private readonly origin: number;

  constructor(
    private readonly clock: Clock,
    private readonly store: Store,
    private readonly kubelets: ReadonlyMap<string, Kubelet>,
    private readonly load: LoadModel,
    startedAt: number,
  ) {
    this.origin = startedAt;
  }

  /** The instant of the latest scrape at or before now. */
  lastScrape(now = this.clock.now()): number {
    const since = Math.max(0, now - this.origin);
    return this.origin + Math.floor(since / METRIC_RESOLUTION_MS) * METRIC_RESOLUTION_MS;
  }

  /** A kubelet the scraper reached at `at` and the one before (a node needs two points too). */
  private scrapeable(k: Kubelet, at: number): boolean {
    if (!k.up || !k.connected) return false;
    const node = this.store.get('nodes', undefined, k.name) as (Node & KubeObject) | undefined;
    if (!node) return false;
    const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
    if (ready?.status !== 'True') return false;
    return parseTime(node.metadata!.creationTimestamp as string | undefined) <= at - METRIC_RESOLUTION_MS;
  }

  /** Containers of a pod with two scrapes behind them; undefined when none. */
  private podUsage(k: Kubelet, pod: Pod & KubeObject, at: number): PodUsage | undefined {
    const w = k.workers.get(pod.metadata!.uid!);
    if (!w) return undefined;
    const containers: ContainerUsage[] = [];
    for (const rec of w.containers.values()) {
      if (rec.state.kind !== 'running') continue;
      if (rec.init && !rec.sidecar) continue;
      const run = rec.state.run;
      if (run.startedAt > at - METRIC_RESOLUTION_MS) continue;
      containers.push(containerUsage(run, w.uid, this.load, at));
    }
    if (containers.length === 0) return undefined;
    return { namespace: pod.metadata!.namespace!, name: pod.metadata!.name!, labels: pod.metadata!.labels, timestamp: at, windowMs: METRIC_RESOLUTION_MS, containers };
  }

  /** PodMetrics for the given pods (from the pod informer), in their order; pods without metrics are skipped. */
  podMetrics(pods: Iterable<Pod & KubeObject>): PodUsage[] {
    const at = this.lastScrape();
    const out: PodUsage[] = [];
    for (const pod of pods) {
      const nodeName = pod.spec?.nodeName;
      const k = nodeName ? this.kubelets.get(nodeName) : undefined;
      if (!k || !this.scrapeable(k, at)) continue;
      const u = this.podUsage(k, pod, at);
      if (u) out.push(u);
    }
    return out;
  }

  /** NodeMetrics for the given nodes: the node's pods plus system overhead. */
  nodeMetrics(nodes: Iterable<Node & KubeObject>): NodeUsage[] {
    const at = this.lastScrape();
    const out: NodeUsage[] = [];
    for (const node of nodes) {
      const name = node.metadata!.name!;
      const k = this.kubelets.get(name);
      if (!k || !this.scrapeable(k, at)) continue;
      const seed = `${name}/${Math.floor(at / METRIC_RESOLUTION_MS)}`;
      let cpuNano = NODE_OVERHEAD_CPU_NANO * (0.7 + 0.6 * wobble(seed + '/cpu'));
      let memoryBytes = NODE_OVERHEAD_MEMORY * (1 + 0.1 * wobble(name + '/mem')) + 4 * 1024 * 1024 * wobble(seed + '/mem');
      for (const w of k.workers.values()) {
        for (const rec of w.containers.values()) {
          if (rec.state.kind !== 'running') continue;
          const u = containerUsage(rec.state.run, w.uid, this.load, at);
          cpuNano += u.cpuNano;
          memoryBytes += u.memoryBytes;
        }
      }
      out.push({ name, labels: node.metadata!.labels, timestamp: at, windowMs: METRIC_RESOLUTION_MS, cpuNano: Math.round(cpuNano), memoryBytes: Math.ceil(memoryBytes / 4096) * 4096 });
    }
    return out;
  }
}
