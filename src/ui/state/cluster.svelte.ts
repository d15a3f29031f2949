// What the page knows about the cluster: the worker's feed batches applied to plain maps, exposed to
// components as $state.raw values that are replaced whole (per batch), so Svelte re-renders only what a
// batch touched: a node card whose pod list did not change keeps the same array and is left alone.

import type { DeploymentView, EventView, FeedBatch, NamespaceView, NodeView, PodView, ServiceView } from '../../worker/protocol';

const EVENTS_KEPT = 1500;
const EMPTY: PodView[] = [];

// One collator for "worker-2 before worker-10" (String#localeCompare builds one per call: far too slow).
const collator = new Intl.Collator(undefined, { numeric: true });
const naturalCompare = collator.compare;

function plainCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function nodeOrder(a: NodeView, b: NodeView): number {
  const cp = (n: NodeView) => (n.roles.includes('control-plane') ? 0 : 1);
  return cp(a) - cp(b) || naturalCompare(a.name, b.name);
}

/** Pods on a card: grouped by namespace and owner, then by name (code-unit order: hash suffixes). */
function podOrder(a: PodView, b: PodView): number {
  return plainCompare(a.namespace, b.namespace) || plainCompare(a.ownerName, b.ownerName) || plainCompare(a.name, b.name);
}

function sortedValues<T>(m: Map<string, T>, cmp: (a: T, b: T) => number): T[] {
  return [...m.values()].sort(cmp);
}

export interface PodChange {
  added: PodView[];
  removed: PodView[];
  /** Pods that just started terminating (their replacement may appear elsewhere). */
  leaving: PodView[];
}

export class ClusterState {
  readonly pods = new Map<string, PodView>();
  private readonly nodeMap = new Map<string, NodeView>();
  private readonly podsOnNode = new Map<string, Map<string, PodView>>();
  private readonly deploymentMap = new Map<string, DeploymentView>();
  private readonly serviceMap = new Map<string, ServiceView>();
  private readonly namespaceMap = new Map<string, NamespaceView>();
  private readonly eventMap = new Map<string, EventView>();

  nodes = $state.raw<NodeView[]>([]);
  /** node name ('' = not scheduled) → its pods, sorted by namespace, owner, name. */
  podIndex = $state.raw<Map<string, PodView[]>>(new Map());
  deployments = $state.raw<DeploymentView[]>([]);
  services = $state.raw<ServiceView[]>([]);
  namespaces = $state.raw<string[]>([]);
  /** Oldest first. */
  events = $state.raw<EventView[]>([]);
  podCount = $state(0);
  /** Bumped once per applied message (for things that just need "something changed"). */
  version = $state(0);

  /** Listeners for pod moves (the map animates replacements flying to their new node). */
  onPods: ((c: PodChange) => void) | undefined;

  podsOn(node: string): PodView[] {
    return this.podIndex.get(node) ?? EMPTY;
  }

  node(name: string): NodeView | undefined {
    return this.nodeMap.get(name);
  }

  apply(batches: FeedBatch[]): void {
    for (const b of batches) {
      switch (b.resource) {
        case 'pods':
          this.applyPods(b.reset, b.upsert, b.remove);
          break;
        case 'nodes':
          this.replace(this.nodeMap, b.reset, b.upsert, b.remove);
          this.nodes = sortedValues(this.nodeMap, nodeOrder);
          break;
        case 'deployments':
          this.replace(this.deploymentMap, b.reset, b.upsert, b.remove);
          this.deployments = sortedValues(this.deploymentMap, (a, c) => naturalCompare(a.namespace, c.namespace) || naturalCompare(a.name, c.name));
          break;
        case 'services':
          this.replace(this.serviceMap, b.reset, b.upsert, b.remove);
          this.services = sortedValues(this.serviceMap, (a, c) => naturalCompare(a.namespace, c.namespace) || naturalCompare(a.name, c.name));
          break;
        case 'namespaces':
          this.replace(this.namespaceMap, b.reset, b.upsert, b.remove);
          this.namespaces = [...this.namespaceMap.keys()].sort(naturalCompare);
          break;
        case 'events':
          this.applyEvents(b.reset, b.upsert, b.remove);
          break;
      }
    }
    this.version++;
  }

  private replace<T extends { key: string }>(m: Map<string, T>, reset: boolean, upsert: T[], remove: string[]): void {
    if (reset) m.clear();
    for (const k of remove) m.delete(k);
    for (const v of upsert) m.set(v.key, v);
  }

  private applyEvents(reset: boolean, upsert: EventView[], remove: string[]): void {
    this.replace(this.eventMap, reset, upsert, remove);
    if (this.eventMap.size > EVENTS_KEPT * 1.2) {
      const keep = sortedValues(this.eventMap, (a, b) => a.time - b.time).slice(-EVENTS_KEPT);
      this.eventMap.clear();
      for (const e of keep) this.eventMap.set(e.key, e);
    }
    this.events = sortedValues(this.eventMap, (a, b) => a.time - b.time || plainCompare(a.key, b.key));
  }

  private applyPods(reset: boolean, upsert: PodView[], remove: string[]): void {
    const touched = new Set<string>();
    const change: PodChange = { added: [], removed: [], leaving: [] };
    const take = (key: string) => {
      const old = this.pods.get(key);
      if (!old) return undefined;
      this.pods.delete(key);
      this.podsOnNode.get(old.node)?.delete(key);
      touched.add(old.node);
      return old;
    };
    if (reset) {
      for (const node of this.podsOnNode.keys()) touched.add(node);
      this.pods.clear();
      this.podsOnNode.clear();
    }
    for (const key of remove) {
      const old = take(key);
      if (old) change.removed.push(old);
    }
    for (const p of upsert) {
      const old = take(p.key);
      if (!old && !reset) change.added.push(p);
      if (old && p.deleting && !old.deleting) change.leaving.push(old);
      this.pods.set(p.key, p);
      let m = this.podsOnNode.get(p.node);
      if (!m) this.podsOnNode.set(p.node, (m = new Map()));
      m.set(p.key, p);
      touched.add(p.node);
    }
    const index = new Map(this.podIndex);
    for (const node of touched) {
      const m = this.podsOnNode.get(node);
      if (!m || m.size === 0) {
        index.delete(node);
        this.podsOnNode.delete(node);
      } else index.set(node, sortedValues(m, podOrder));
    }
    this.podIndex = index;
    this.podCount = this.pods.size;
    if (!reset && (change.added.length || change.removed.length || change.leaving.length)) this.onPods?.(change);
  }
}
