// The scheduler's incremental view of nodes: allocatable, requested resources, ports and pods per node,
// updated from pod and node events so a scheduling cycle never scans all pods.
// mirrors: pkg/scheduler/framework/types.go (NodeInfo), pkg/scheduler/backend/cache

import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { Store, StoreEvent } from '../store/store';
import type { KubeObject, Writable } from '../api/types';
import { milliValueOf, valueOf } from '../util/quantity';
import { normalizeImage } from './plugins/image-locality';

/** Requests of pods without any are counted as 100m / 200Mi when scoring (not when filtering). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

export interface Resources {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  pods: number;
  /** Other extended resources by name. */
  scalar?: Record<string, number>;
}

export interface PodRequests {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  scalar?: Record<string, number>;
  /** For scoring: with the non-zero defaults applied. */
  nonZeroMilliCPU: number;
  nonZeroMemory: number;
}

export class NodeInfo {
  node!: Writable<Node> & KubeObject;
  allocatable: Resources = { milliCPU: 0, memory: 0, ephemeralStorage: 0, pods: 0 };
  requested = { milliCPU: 0, memory: 0, ephemeralStorage: 0, scalar: {} as Record<string, number> };
  nonZeroRequested = { milliCPU: 0, memory: 0 };
  pods = new Map<string, Writable<Pod> & KubeObject>();
  usedPorts = new Map<string, number>();
  /** Bumped on every change; lets plugins cache per-node results. */
  generation = 0;
  /** The node object the two topology values below were read from. */
  private topoOf?: KubeObject;
  private hostnameValue?: string;
  private zoneValue?: string;

  /**
   * The node's value for a topology key (kubernetes.io/hostname defaults to the node name). The two keys
   * of the default spread constraints are read once per node object: scoring asks for every node, every cycle.
   */
  topologyValue(key: string): string | undefined {
    const node = this.node;
    if (key === HOSTNAME || key === ZONE) {
      if (this.topoOf !== node) {
        this.topoOf = node;
        this.hostnameValue = node?.metadata?.labels?.[HOSTNAME] ?? node?.metadata?.name;
        this.zoneValue = node?.metadata?.labels?.[ZONE];
      }
      return key === HOSTNAME ? this.hostnameValue : this.zoneValue;
    }
    return node?.metadata?.labels?.[key];
  }

  /** A copy to simulate removing pods (preemption) without touching the cache. */
  clone(): NodeInfo {
    const c = new NodeInfo();
    c.node = this.node;
    c.images = this.images;
    c.allocatable = this.allocatable;
    c.requested = { ...this.requested, scalar: { ...this.requested.scalar } };
    c.nonZeroRequested = { ...this.nonZeroRequested };
    c.pods = new Map(this.pods);
    c.usedPorts = new Map(this.usedPorts);
    return c;
  }

  private images?: Map<string, number>;

  /** Image sizes by normalised name (ImageStates), computed once per node object. */
  imageSizes(): Map<string, number> {
    if (this.images) return this.images;
    const m = new Map<string, number>();
    for (const i of this.node.status?.images ?? []) for (const n of i.names ?? []) m.set(normalizeImage(n), i.sizeBytes ?? 0);
    return (this.images = m);
  }

  setNode(node: Writable<Node> & KubeObject): void {
    if (node.status?.images !== this.node?.status?.images) this.images = undefined;
    this.node = node;
    const a = node.status?.allocatable ?? node.status?.capacity ?? {};
    const scalar: Record<string, number> = {};
    for (const [k, v] of Object.entries(a)) if (k !== 'cpu' && k !== 'memory' && k !== 'pods' && k !== 'ephemeral-storage') scalar[k] = valueOf(v);
    this.allocatable = {
      milliCPU: milliValueOf(a.cpu),
      memory: valueOf(a.memory),
      ephemeralStorage: valueOf(a['ephemeral-storage']),
      pods: valueOf(a.pods),
      scalar,
    };
    this.generation++;
  }

  addPod(pod: Writable<Pod> & KubeObject): void {
    const key = pod.metadata!.uid!;
    if (this.pods.has(key)) this.removePod(this.pods.get(key)!);
    this.pods.set(key, pod);
    const r = podRequests(pod);
    this.requested.milliCPU += r.milliCPU;
    this.requested.memory += r.memory;
    this.requested.ephemeralStorage += r.ephemeralStorage;
    for (const [k, v] of Object.entries(r.scalar ?? {})) this.requested.scalar[k] = (this.requested.scalar[k] ?? 0) + v;
    this.nonZeroRequested.milliCPU += r.nonZeroMilliCPU;
    this.nonZeroRequested.memory += r.nonZeroMemory;
    for (const p of hostPorts(pod)) this.usedPorts.set(p, (this.usedPorts.get(p) ?? 0) + 1);
    this.generation++;
  }

  removePod(pod: Writable<Pod> & KubeObject): void {
    const key = pod.metadata!.uid!;
    const cur = this.pods.get(key);
    if (!cur) return;
    this.pods.delete(key);
    const r = podRequests(cur);
    this.requested.milliCPU -= r.milliCPU;
    this.requested.memory -= r.memory;
    this.requested.ephemeralStorage -= r.ephemeralStorage;
    for (const [k, v] of Object.entries(r.scalar ?? {})) this.requested.scalar[k] = (this.requested.scalar[k] ?? 0) - v;
    this.nonZeroRequested.milliCPU -= r.nonZeroMilliCPU;
    this.nonZeroRequested.memory -= r.nonZeroMemory;
    for (const p of hostPorts(cur)) {
      const n = (this.usedPorts.get(p) ?? 0) - 1;
      if (n <= 0) this.usedPorts.delete(p);
      else this.usedPorts.set(p, n);
    }
    this.generation++;
  }
}

const requestCache = new WeakMap<object, PodRequests>();

/** Effective requests: max(sum of containers (+ sidecars), each init container) + overhead. */
export function podRequests(pod: Pod): PodRequests {
  const spec = pod.spec;
  if (spec && requestCache.has(spec)) return requestCache.get(spec)!;
  let cpu = 0;
  let mem = 0;
  let eph = 0;
  let nzCpu = 0;
  let nzMem = 0;
  const scalar: Record<string, number> = {};
  for (const c of spec?.containers ?? []) {
    const req = c.resources?.requests ?? {};
    const ccpu = milliValueOf(req.cpu);
    const cmem = valueOf(req.memory);
    cpu += ccpu;
    mem += cmem;
    eph += valueOf(req['ephemeral-storage']);
    nzCpu += req.cpu === undefined ? DEFAULT_MILLI_CPU_REQUEST : ccpu;
    nzMem += req.memory === undefined ? DEFAULT_MEMORY_REQUEST : cmem;
    for (const [k, v] of Object.entries(req)) if (k !== 'cpu' && k !== 'memory' && k !== 'ephemeral-storage') scalar[k] = (scalar[k] ?? 0) + valueOf(v);
  }
  for (const c of spec?.initContainers ?? []) {
    const req = c.resources?.requests ?? {};
    if (c.restartPolicy === 'Always') {
      cpu += milliValueOf(req.cpu);
      mem += valueOf(req.memory);
      continue;
    }
    cpu = Math.max(cpu, milliValueOf(req.cpu));
    mem = Math.max(mem, valueOf(req.memory));
  }
  const overhead = spec?.overhead ?? {};
  cpu += milliValueOf(overhead.cpu);
  mem += valueOf(overhead.memory);
  const r: PodRequests = { milliCPU: cpu, memory: mem, ephemeralStorage: eph, nonZeroMilliCPU: nzCpu, nonZeroMemory: nzMem };
  if (Object.keys(scalar).length) r.scalar = scalar;
  if (spec) requestCache.set(spec, r);
  return r;
}

const HOSTNAME = 'kubernetes.io/hostname';
const ZONE = 'topology.kubernetes.io/zone';

function sameLabels(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  if (a === b) return true;
  const ka = a ? Object.keys(a) : [];
  const kb = b ? Object.keys(b) : [];
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (a![k] !== b![k]) return false;
  return true;
}

export function hostPorts(pod: Pod): string[] {
  const out: string[] = [];
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) if (p.hostPort) out.push(`${p.hostIP ?? '0.0.0.0'}/${p.protocol ?? 'TCP'}/${p.hostPort}`);
  }
  return out;
}

/** Assigned, non-terminal pods count against their node. */
function counts(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return !!pod.spec?.nodeName && phase !== 'Succeeded' && phase !== 'Failed';
}

export class SchedulerCache {
  readonly nodes = new Map<string, NodeInfo>();
  /** Node names in insertion order, for the round-robin start index. */
  nodeList: NodeInfo[] = [];
  private listDirty = false;
  /** Pods the scheduler has assumed onto a node before the binding is observed. */
  private assumed = new Map<string, string>();
  generation = 0;
  /**
   * Non-terminating assigned pods per controller (owner uid → node name → count): what PodTopologySpread's
   * default constraints count, kept incrementally so a cycle never walks the owner's pods.
   */
  readonly ownerCounts = new Map<string, Map<string, number>>();
  /**
   * ownerCounts summed per topology domain (owner uid → topology key → domain → count), built on first use
   * and then kept up to date with ownerCounts; dropped whole when a node's labels change.
   */
  private readonly domainCache = new Map<string, Map<string, Map<string, number>>>();

  constructor(store: Store) {
    for (const n of store.list('nodes')) this.onNode({ type: 'ADDED', resource: 'nodes', object: n, rv: 0 });
    for (const p of store.list('pods')) this.onPod({ type: 'ADDED', resource: 'pods', object: p, rv: 0 });
    store.watch('nodes', {}, (e) => this.onNode(e));
    store.watch('pods', {}, (e) => this.onPod(e));
  }

  list(): NodeInfo[] {
    if (this.listDirty) {
      this.nodeList = [...this.nodes.values()].filter((n) => n.node);
      this.listDirty = false;
    }
    return this.nodeList;
  }

  private info(name: string): NodeInfo {
    let ni = this.nodes.get(name);
    if (!ni) {
      ni = new NodeInfo();
      this.nodes.set(name, ni);
      this.listDirty = true;
    }
    return ni;
  }

  onNode(e: StoreEvent): void {
    const name = e.object.metadata!.name!;
    this.generation++;
    const before = this.nodes.get(name)?.node;
    if (e.type === 'DELETED' || !before || !sameLabels(before.metadata!.labels, e.object.metadata!.labels)) this.domainCache.clear();
    if (e.type === 'DELETED') {
      const ni = this.nodes.get(name);
      if (ni && ni.pods.size === 0) this.nodes.delete(name);
      else if (ni) (ni as { node?: unknown }).node = undefined;
      this.listDirty = true;
      return;
    }
    const ni = this.info(name);
    if (!ni.node) this.listDirty = true;
    ni.setNode(e.object as Writable<Node> & KubeObject);
  }

  onPod(e: StoreEvent): void {
    const pod = e.object as Writable<Pod> & KubeObject;
    const old = e.old as (Writable<Pod> & KubeObject) | undefined;
    // Status-only writes (most pod writes) change nothing the scheduler counts: swap the object in place.
    if (e.type === 'MODIFIED' && old && old.spec === pod.spec && old.metadata!.labels === pod.metadata!.labels && old.metadata!.deletionTimestamp === pod.metadata!.deletionTimestamp && counts(old) === counts(pod)) {
      if (counts(pod)) {
        const ni = this.nodes.get(pod.spec!.nodeName!);
        if (ni?.pods.has(pod.metadata!.uid!)) ni.pods.set(pod.metadata!.uid!, pod);
      }
      return;
    }
    if (old && counts(old)) this.removeFrom(old.spec!.nodeName!, old);
    if (e.type !== 'DELETED' && counts(pod)) {
      const uid = pod.metadata!.uid!;
      const assumedOn = this.assumed.get(uid);
      if (assumedOn !== undefined) {
        this.assumed.delete(uid);
        if (assumedOn !== pod.spec!.nodeName) this.removeFrom(assumedOn, pod);
      }
      this.addTo(pod.spec!.nodeName!, pod);
    } else if (e.type === 'DELETED') {
      const uid = pod.metadata!.uid!;
      const assumedOn = this.assumed.get(uid);
      if (assumedOn !== undefined) {
        this.assumed.delete(uid);
        this.removeFrom(assumedOn, pod);
      }
    }
    this.generation++;
  }

  /** Counts a pod against a node before its binding lands (the binding write then replaces it). */
  assume(pod: Writable<Pod> & KubeObject, nodeName: string): void {
    this.assumed.set(pod.metadata!.uid!, nodeName);
    this.addTo(nodeName, pod);
  }

  forget(pod: Writable<Pod> & KubeObject): void {
    const on = this.assumed.get(pod.metadata!.uid!);
    if (on === undefined) return;
    this.assumed.delete(pod.metadata!.uid!);
    this.removeFrom(on, pod);
  }

  private addTo(nodeName: string, pod: Writable<Pod> & KubeObject): void {
    const ni = this.info(nodeName);
    const prev = ni.pods.get(pod.metadata!.uid!);
    if (prev) this.countOwner(prev, nodeName, -1);
    ni.addPod(pod);
    this.countOwner(pod, nodeName, 1);
  }

  private removeFrom(nodeName: string, pod: Writable<Pod> & KubeObject): void {
    const ni = this.nodes.get(nodeName);
    const cur = ni?.pods.get(pod.metadata!.uid!);
    if (!ni || !cur) return;
    this.countOwner(cur, nodeName, -1);
    ni.removePod(cur);
  }

  private countOwner(pod: Writable<Pod> & KubeObject, nodeName: string, delta: number): void {
    if (pod.metadata!.deletionTimestamp) return;
    const refs = pod.metadata!.ownerReferences;
    if (!refs) return;
    for (const r of refs) {
      if (!r.controller) continue;
      let m = this.ownerCounts.get(r.uid);
      if (!m) this.ownerCounts.set(r.uid, (m = new Map()));
      const n = (m.get(nodeName) ?? 0) + delta;
      if (n > 0) m.set(nodeName, n);
      else m.delete(nodeName);
      if (m.size === 0) {
        this.ownerCounts.delete(r.uid);
        this.domainCache.delete(r.uid);
        continue;
      }
      const byKey = this.domainCache.get(r.uid);
      if (!byKey) continue;
      for (const [key, counts] of byKey) {
        const v = this.domainOf(nodeName, key);
        if (v === undefined) continue;
        const c = (counts.get(v) ?? 0) + delta;
        if (c > 0) counts.set(v, c);
        else counts.delete(v);
      }
    }
  }

  /** A node's value for a topology key (kubernetes.io/hostname defaults to the node name). */
  private domainOf(nodeName: string, key: string): string | undefined {
    return this.nodes.get(nodeName)?.node?.metadata?.labels?.[key] ?? (key === HOSTNAME ? nodeName : undefined);
  }

  /**
   * Pods of an owner per domain of a topology key (what PodTopologySpread counts for the default
   * constraints). The map is the cache's own: read it within one scheduling cycle, never keep it.
   */
  domainCounts(ownerUid: string, key: string): ReadonlyMap<string, number> {
    let byKey = this.domainCache.get(ownerUid);
    let counts = byKey?.get(key);
    if (counts) return counts;
    counts = new Map();
    const perNode = this.ownerCounts.get(ownerUid);
    if (!perNode) return counts;
    for (const [nodeName, n] of perNode) {
      const v = this.domainOf(nodeName, key);
      if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + n);
    }
    if (!byKey) this.domainCache.set(ownerUid, (byKey = new Map()));
    byKey.set(key, counts);
    return counts;
  }
}
