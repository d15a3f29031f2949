// Live feeds for the page: watches the engine store, remembers which objects changed, and at most every
// FLUSH_MS sends views of just those (deleted ones as removals). Also keeps per-node sums of pod requests
// incrementally, so node cards show requests against allocatable without rescanning pods.

import type { Pod } from 'kubernetes-types/core/v1';
import type { Cluster } from '../engine/cluster';
import type { KubeObject } from '../engine/api/types';
import { keyOf, type StoreEvent } from '../engine/store/store';
import { podRequests } from '../engine/scheduler/nodeinfo';
import type { FeedBatch, FeedResource, FeedViews } from './protocol';
import { countsAgainstNode, deploymentView, eventView, namespaceView, nodeView, podView, serviceView, type NodeUsage } from './views';

const FLUSH_MS = 50;
/** After a big batch, wait longer: the page renders fewer, larger updates while a big cluster churns. */
const BUSY_FLUSH_MS = 250;
const BIG_BATCH = 300;
/** The page keeps the newest events only; never send more than this many at once. */
const EVENTS_PER_BATCH = 1000;

/** Store resource names behind each feed. */
const STORE_RESOURCE: Record<FeedResource, string> = {
  pods: 'pods',
  nodes: 'nodes',
  deployments: 'deployments.apps',
  services: 'services',
  events: 'events',
  namespaces: 'namespaces',
};

const ALL: FeedResource[] = ['namespaces', 'nodes', 'pods', 'deployments', 'services', 'events'];

interface Contribution {
  node: string;
  cpu: number;
  mem: number;
}

export class FeedHub {
  private subscribed = new Set<FeedResource>();
  private dirty = new Map<FeedResource, Set<string>>();
  /** store key → view key last sent, per feed (a pod recreated under the same name gets a new uid). */
  private sent = new Map<FeedResource, Map<string, string>>();
  private usage = new Map<string, NodeUsage>();
  private contributions = new Map<string, Contribution>();
  private machines = new Map<string, string>();
  private unwatch: (() => void)[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pendingReset = new Set<FeedResource>();
  private lastSize = 0;

  constructor(
    private readonly cluster: Cluster,
    private readonly post: (batches: FeedBatch[]) => void,
  ) {
    for (const r of ALL) {
      this.dirty.set(r, new Set());
      this.sent.set(r, new Map());
    }
    for (const p of cluster.store.list('pods')) this.account(keyOf(p), p as Pod);
    for (const r of ALL) this.unwatch.push(cluster.store.watch(STORE_RESOURCE[r], {}, (e) => this.onEvent(r, e)));
  }

  subscribe(resources: FeedResource[]): void {
    for (const r of resources) {
      this.subscribed.add(r);
      this.pendingReset.add(r);
    }
    this.schedule();
  }

  dispose(): void {
    for (const u of this.unwatch) u();
    this.unwatch = [];
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private onEvent(r: FeedResource, e: StoreEvent): void {
    const key = keyOf(e.object);
    if (r === 'pods') this.account(key, e.type === 'DELETED' ? undefined : (e.object as Pod));
    if (!this.subscribed.has(r)) return;
    this.dirty.get(r)!.add(key);
    this.schedule();
  }

  /** Moves a pod's requests between node sums when its node, phase or spec changes. */
  private account(key: string, pod: Pod | undefined): void {
    const before = this.contributions.get(key);
    let after: Contribution | undefined;
    if (pod && countsAgainstNode(pod)) {
      const r = podRequests(pod);
      after = { node: pod.spec!.nodeName!, cpu: r.milliCPU, mem: r.memory };
    }
    if (before && after && before.node === after.node && before.cpu === after.cpu && before.mem === after.mem) return;
    if (before) this.addUsage(before, -1);
    if (after) {
      this.addUsage(after, 1);
      this.contributions.set(key, after);
    } else this.contributions.delete(key);
  }

  private addUsage(c: Contribution, sign: 1 | -1): void {
    let u = this.usage.get(c.node);
    if (!u) this.usage.set(c.node, (u = { cpu: 0, mem: 0, pods: 0 }));
    u.cpu += sign * c.cpu;
    u.mem += sign * c.mem;
    u.pods += sign;
    if (this.subscribed.has('nodes')) {
      this.dirty.get('nodes')!.add(c.node);
      this.schedule();
    }
  }

  private schedule(): void {
    if (this.timer === undefined) this.timer = setTimeout(() => this.flush(), this.lastSize > BIG_BATCH ? BUSY_FLUSH_MS : FLUSH_MS);
  }

  /** Sends what changed; also notices machines powered off or partitioned (no store event for those). */
  flush(): void {
    this.timer = undefined;
    if (this.subscribed.has('nodes')) this.checkMachines();
    const batches: FeedBatch[] = [];
    for (const r of ALL) {
      if (!this.subscribed.has(r)) continue;
      const reset = this.pendingReset.has(r);
      const keys = this.dirty.get(r)!;
      if (!reset && keys.size === 0) continue;
      batches.push(reset ? this.full(r) : this.delta(r, keys));
      keys.clear();
    }
    this.pendingReset.clear();
    this.lastSize = batches.reduce((n, b) => n + b.upsert.length + b.remove.length, 0);
    if (batches.length) this.post(batches);
  }

  private checkMachines(): void {
    const seen = new Set<string>();
    for (const [name, k] of this.cluster.kubelets) {
      seen.add(name);
      const state = `${k.up}/${k.connected}`;
      if (this.machines.get(name) !== state) {
        this.machines.set(name, state);
        this.dirty.get('nodes')!.add(name);
      }
    }
    for (const name of this.machines.keys()) {
      if (!seen.has(name)) {
        this.machines.delete(name);
        this.dirty.get('nodes')!.add(name);
      }
    }
  }

  private full<R extends FeedResource>(r: R): FeedBatch {
    const sent = this.sent.get(r)!;
    sent.clear();
    const upsert: FeedViews[R][] = [];
    let objects = [...this.cluster.store.list(STORE_RESOURCE[r])];
    if (r === 'events' && objects.length > EVENTS_PER_BATCH) {
      objects = objects
        .map((o) => ({ o, t: eventView(o).time }))
        .sort((a, b) => a.t - b.t)
        .slice(-EVENTS_PER_BATCH)
        .map((x) => x.o);
    }
    for (const obj of objects) {
      const v = this.view(r, obj);
      sent.set(keyOf(obj), v.key);
      upsert.push(v);
    }
    return { resource: r, reset: true, upsert, remove: [] } as FeedBatch;
  }

  private delta<R extends FeedResource>(r: R, keys: Set<string>): FeedBatch {
    const sent = this.sent.get(r)!;
    const upsert: FeedViews[R][] = [];
    const remove: string[] = [];
    // A burst of events: the newest ones are what the timeline shows (a Set keeps insertion order).
    const chosen = r === 'events' && keys.size > EVENTS_PER_BATCH ? [...keys].slice(-EVENTS_PER_BATCH) : keys;
    for (const key of chosen) {
      const slash = key.indexOf('/');
      const obj = r === 'nodes' || r === 'namespaces' ? this.cluster.store.get(STORE_RESOURCE[r], undefined, key) : this.cluster.store.get(STORE_RESOURCE[r], key.slice(0, slash), key.slice(slash + 1));
      const prev = sent.get(key);
      if (!obj) {
        if (prev !== undefined) remove.push(prev);
        sent.delete(key);
        continue;
      }
      const v = this.view(r, obj);
      if (prev !== undefined && prev !== v.key) remove.push(prev);
      sent.set(key, v.key);
      upsert.push(v);
    }
    return { resource: r, reset: false, upsert, remove } as FeedBatch;
  }

  private view<R extends FeedResource>(r: R, obj: KubeObject): FeedViews[R] {
    const now = this.cluster.clock.now();
    switch (r) {
      case 'pods':
        return podView(obj, now, (ns, rs) => this.deploymentOf(ns, rs)) as FeedViews[R];
      case 'nodes': {
        const name = obj.metadata!.name!;
        const k = this.cluster.kubelets.get(name);
        const machine = { power: k ? (k.up ? 'on' : 'off') : 'none', partitioned: k ? !k.connected : false } as const;
        return nodeView(obj, now, machine, this.usage.get(name) ?? { cpu: 0, mem: 0, pods: 0 }) as FeedViews[R];
      }
      case 'deployments':
        return deploymentView(obj) as FeedViews[R];
      case 'services':
        return serviceView(obj) as FeedViews[R];
      case 'events':
        return eventView(obj) as FeedViews[R];
      default:
        return namespaceView(obj) as FeedViews[R];
    }
  }

  private deploymentOf(namespace: string, rs: string): string | undefined {
    const o = this.cluster.store.get('replicasets.apps', namespace, rs);
    return o?.metadata?.ownerReferences?.find((r) => r.kind === 'Deployment')?.name;
  }
}
