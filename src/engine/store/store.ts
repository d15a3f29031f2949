// The versioned object store: one resourceVersion counter, per-resource tables with indexes, watch fan-out
// and a bounded per-resource history for watching from a resourceVersion (like etcd + the watch cache).

import type { KubeObject } from '../api/types';
import type { Selector } from '../api/selectors/labels';
import { deepFreeze } from './freeze';
import { flat } from '../util/strings';

export type StoreEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  type: StoreEventType;
  resource: string;
  object: KubeObject;
  /** The previous state for MODIFIED/DELETED. */
  old?: KubeObject;
  rv: number;
}

/** A secondary index: the values an object is filed under (e.g. a pod's spec.nodeName). */
export interface IndexDef {
  name: string;
  values(obj: KubeObject): readonly string[] | string | undefined;
}

export type WatchHandler = (e: StoreEvent) => void;

export class ExpiredError extends Error {
  constructor(
    readonly requested: number,
    readonly oldest: number,
  ) {
    super(`too old resource version: ${requested} (${oldest})`);
  }
}

interface Watcher {
  namespace?: string;
  handler: WatchHandler;
}

export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

export function keyOf(obj: KubeObject): string {
  return objectKey(obj.metadata?.namespace, obj.metadata!.name!);
}

class ResourceTable {
  readonly objects = new Map<string, KubeObject>();
  /** namespace ('' for none) → name → object: gets look up by parts, without building the key string. */
  readonly byNamespace = new Map<string, Map<string, KubeObject>>();
  /** label key → label value → object keys */
  readonly labels = new Map<string, Map<string, Set<string>>>();
  readonly indexes = new Map<string, { def: IndexDef; map: Map<string, Set<string>> }>();
  readonly watchers = new Set<Watcher>();
  /** Ring of recent events for watch-from-RV. */
  history: StoreEvent[] = [];
  historyStart = 0;
  /** Highest RV not retained any more (watching from below it → 410). */
  compactedRV = 0;

  constructor(readonly name: string) {}
}

export interface StoreOptions {
  /** Events kept per resource for watches that resume from a resourceVersion. */
  historyPerResource?: number;
}

export class Store {
  private rv = 0;
  private tables = new Map<string, ResourceTable>();
  /** owner uid → dependents (any resource), by "resource\0key". */
  private owners = new Map<string, Map<string, { table: ResourceTable; key: string }>>();
  private readonly historyCap: number;
  private anyWatchers = new Set<WatchHandler>();
  /** Set while watch handlers run: a write from inside one would reorder events for later watchers. */
  private dispatching = false;

  constructor(opts: StoreOptions = {}) {
    this.historyCap = opts.historyPerResource ?? 10000;
  }

  /** Declares a resource and its secondary indexes. */
  register(resource: string, indexes: IndexDef[] = []): void {
    let t = this.tables.get(resource);
    if (!t) {
      t = new ResourceTable(resource);
      this.tables.set(resource, t);
    }
    for (const def of indexes) t.indexes.set(def.name, { def, map: new Map() });
  }

  private table(resource: string): ResourceTable {
    const t = this.tables.get(resource);
    if (!t) throw new Error(`store: unknown resource ${resource}`);
    return t;
  }

  resourceVersion(): number {
    return this.rv;
  }

  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const t = this.table(resource);
    return namespace ? t.byNamespace.get(namespace)?.get(name) : t.objects.get(name);
  }

  count(resource: string, namespace?: string): number {
    const t = this.table(resource);
    if (namespace === undefined) return t.objects.size;
    return t.byNamespace.get(namespace)?.size ?? 0;
  }

  /** All objects of a resource, optionally in one namespace; unordered (callers sort when they print). */
  list(resource: string, namespace?: string): Iterable<KubeObject> {
    const t = this.table(resource);
    if (namespace === undefined) return t.objects.values();
    return t.byNamespace.get(namespace)?.values() ?? [];
  }

  /** Objects matching a label selector, using the label index for the most selective equality term. */
  listBySelector(resource: string, namespace: string | undefined, selector: Selector): KubeObject[] {
    const t = this.table(resource);
    const req = selector.indexable();
    const out: KubeObject[] = [];
    if (req) {
      const byValue = t.labels.get(req.key);
      if (!byValue) return out;
      for (const v of req.values) {
        const keys = byValue.get(v);
        if (!keys) continue;
        for (const k of keys) {
          const o = t.objects.get(k)!;
          if (namespace !== undefined && (o.metadata!.namespace ?? '') !== namespace) continue;
          if (selector.matches(o.metadata!.labels)) out.push(o);
        }
      }
      return out;
    }
    for (const o of this.list(resource, namespace)) if (selector.matches(o.metadata!.labels)) out.push(o);
    return out;
  }

  /** Objects filed under value in a secondary index (e.g. pods by node name). */
  listByIndex(resource: string, index: string, value: string): KubeObject[] {
    const t = this.table(resource);
    const idx = t.indexes.get(index);
    if (!idx) throw new Error(`store: no index ${index} on ${resource}`);
    const keys = idx.map.get(value);
    if (!keys) return [];
    const out: KubeObject[] = [];
    for (const k of keys) out.push(t.objects.get(k)!);
    return out;
  }

  hasIndex(resource: string, index: string): boolean {
    return this.table(resource).indexes.has(index);
  }

  /** Dependents of an owner uid across all resources. */
  dependents(ownerUid: string): { resource: string; object: KubeObject }[] {
    const deps = this.owners.get(ownerUid);
    if (!deps) return [];
    const out: { resource: string; object: KubeObject }[] = [];
    for (const d of deps.values()) {
      const o = d.table.objects.get(d.key);
      if (o) out.push({ resource: d.table.name, object: o });
    }
    return out;
  }

  resources(): string[] {
    return [...this.tables.keys()];
  }

  /**
   * Writes a new object (the caller built it fresh; the store takes ownership, stamps resourceVersion and
   * freezes it). Returns the stored object.
   */
  create(resource: string, obj: KubeObject): KubeObject {
    const t = this.table(resource);
    // The key is kept in the table and its indexes: flat, not a rope of namespace, '/' and name.
    const key = flat(keyOf(obj));
    if (t.objects.has(key)) throw new Error(`store: ${resource} ${key} exists`);
    const stored = this.stamp(obj);
    this.insert(t, key, stored);
    this.emit(t, { type: 'ADDED', resource, object: stored, rv: this.rv });
    return stored;
  }

  update(resource: string, obj: KubeObject): KubeObject {
    const t = this.table(resource);
    const key = keyOf(obj);
    const old = t.objects.get(key);
    if (!old) throw new Error(`store: ${resource} ${key} missing`);
    const stored = this.stamp(obj);
    this.replace(t, key, old, stored);
    this.emit(t, { type: 'MODIFIED', resource, object: stored, old, rv: this.rv });
    return stored;
  }

  /** Removes an object; the DELETED event carries its last state with a new resourceVersion. */
  delete(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const t = this.table(resource);
    const key = objectKey(namespace, name);
    const old = t.objects.get(key);
    if (!old) return undefined;
    this.guard();
    this.remove(t, key, old);
    this.rv++;
    const last = deepFreeze({ ...old, metadata: { ...old.metadata, resourceVersion: String(this.rv) } });
    this.emit(t, { type: 'DELETED', resource, object: last, old, rv: this.rv });
    return last;
  }

  private stamp(obj: KubeObject): KubeObject {
    this.guard();
    this.rv++;
    const meta = obj.metadata!;
    if (Object.isFrozen(meta)) obj = { ...obj, metadata: { ...meta, resourceVersion: String(this.rv) } };
    else meta.resourceVersion = String(this.rv);
    return deepFreeze(obj);
  }

  private insert(t: ResourceTable, key: string, o: KubeObject): void {
    t.objects.set(key, o);
    const ns = o.metadata!.namespace ?? '';
    let nsMap = t.byNamespace.get(ns);
    if (!nsMap) t.byNamespace.set(ns, (nsMap = new Map()));
    nsMap.set(o.metadata!.name!, o);
    this.indexLabels(t, key, o.metadata!.labels);
    for (const ix of t.indexes.values()) this.indexValues(ix.map, key, indexValues(ix.def, o));
    this.indexOwners(t, key, o.metadata!.ownerReferences);
  }

  private remove(t: ResourceTable, key: string, o: KubeObject): void {
    t.objects.delete(key);
    const ns = o.metadata!.namespace ?? '';
    const nsMap = t.byNamespace.get(ns);
    if (nsMap) {
      nsMap.delete(o.metadata!.name!);
      if (nsMap.size === 0) t.byNamespace.delete(ns);
    }
    this.unindexLabels(t, key, o.metadata!.labels);
    for (const ix of t.indexes.values()) this.unindexValues(ix.map, key, indexValues(ix.def, o));
    this.unindexOwners(t, key, o.metadata!.ownerReferences);
  }

  /** An update in place: only the indexes whose inputs changed are touched (most writes are status writes). */
  private replace(t: ResourceTable, key: string, old: KubeObject, o: KubeObject): void {
    t.objects.set(key, o);
    t.byNamespace.get(o.metadata!.namespace ?? '')!.set(o.metadata!.name!, o);
    const ol = old.metadata!.labels;
    const nl = o.metadata!.labels;
    if (ol !== nl && !sameStringMap(ol, nl)) {
      this.unindexLabels(t, key, ol);
      this.indexLabels(t, key, nl);
    }
    for (const ix of t.indexes.values()) {
      // Most writes leave the indexed value alone (the same string): no arrays for the comparison then.
      const ra = ix.def.values(old);
      const rb = ix.def.values(o);
      if (ra === rb) continue;
      const a = listOf(ra);
      const b = listOf(rb);
      if (sameStrings(a, b)) continue;
      this.unindexValues(ix.map, key, a);
      this.indexValues(ix.map, key, b);
    }
    const oo = old.metadata!.ownerReferences;
    const no = o.metadata!.ownerReferences;
    if (oo !== no && !sameOwners(oo, no)) {
      this.unindexOwners(t, key, oo);
      this.indexOwners(t, key, no);
    }
  }

  private indexLabels(t: ResourceTable, key: string, labels: Record<string, string> | undefined): void {
    if (!labels) return;
    for (const k in labels) {
      let byValue = t.labels.get(k);
      if (!byValue) t.labels.set(k, (byValue = new Map()));
      let keys = byValue.get(labels[k]);
      if (!keys) byValue.set(labels[k], (keys = new Set()));
      keys.add(key);
    }
  }

  private unindexLabels(t: ResourceTable, key: string, labels: Record<string, string> | undefined): void {
    if (!labels) return;
    for (const k in labels) {
      const byValue = t.labels.get(k);
      const keys = byValue?.get(labels[k]);
      if (!keys) continue;
      keys.delete(key);
      if (keys.size === 0) {
        byValue!.delete(labels[k]);
        if (byValue!.size === 0) t.labels.delete(k);
      }
    }
  }

  private indexValues(map: Map<string, Set<string>>, key: string, values: readonly string[]): void {
    for (const v of values) {
      let keys = map.get(v);
      if (!keys) map.set(v, (keys = new Set()));
      keys.add(key);
    }
  }

  private unindexValues(map: Map<string, Set<string>>, key: string, values: readonly string[]): void {
    for (const v of values) {
      const keys = map.get(v);
      if (!keys) continue;
      keys.delete(key);
      if (keys.size === 0) map.delete(v);
    }
  }

  private indexOwners(t: ResourceTable, key: string, refs: readonly { uid: string }[] | undefined): void {
    if (!refs) return;
    for (const r of refs) {
      let deps = this.owners.get(r.uid);
      if (!deps) this.owners.set(r.uid, (deps = new Map()));
      deps.set(flat(t.name + '\0' + key), { table: t, key });
    }
  }

  private unindexOwners(t: ResourceTable, key: string, refs: readonly { uid: string }[] | undefined): void {
    if (!refs) return;
    const id = t.name + '\0' + key;
    for (const r of refs) {
      const deps = this.owners.get(r.uid);
      if (!deps) continue;
      deps.delete(id);
      if (deps.size === 0) this.owners.delete(r.uid);
    }
  }

  private emit(t: ResourceTable, e: StoreEvent): void {
    t.history.push(e);
    if (t.history.length - t.historyStart > this.historyCap) {
      t.compactedRV = t.history[t.historyStart].rv;
      t.historyStart++;
      if (t.historyStart > 4096 && t.historyStart * 2 > t.history.length) {
        t.history = t.history.slice(t.historyStart);
        t.historyStart = 0;
      }
    }
    const ns = e.object.metadata!.namespace;
    this.dispatching = true;
    try {
      for (const w of t.watchers) if (w.namespace === undefined || w.namespace === ns) w.handler(e);
      for (const h of this.anyWatchers) h(e);
    } finally {
      this.dispatching = false;
    }
  }

  private guard(): void {
    if (this.dispatching) throw new Error('store: write from inside a watch handler (handlers must only enqueue)');
  }

  /**
   * Subscribes to changes of a resource. With sinceRV, first replays retained events after it (throws
   * ExpiredError when they are no longer retained). Handlers run synchronously inside the write: they must
   * only record or enqueue, never write to the store.
   */
  watch(resource: string, opts: { namespace?: string; sinceRV?: number }, handler: WatchHandler): () => void {
    const t = this.table(resource);
    if (opts.sinceRV !== undefined) {
      if (opts.sinceRV < t.compactedRV) throw new ExpiredError(opts.sinceRV, t.compactedRV);
      for (let i = t.historyStart; i < t.history.length; i++) {
        const e = t.history[i];
        if (e.rv <= opts.sinceRV) continue;
        if (opts.namespace !== undefined && e.object.metadata!.namespace !== opts.namespace) continue;
        handler(e);
      }
    }
    const w: Watcher = { namespace: opts.namespace, handler };
    t.watchers.add(w);
    return () => t.watchers.delete(w);
  }

  /** Every write of every resource (diagnostics, invariant checks). */
  watchAll(handler: WatchHandler): () => void {
    this.anyWatchers.add(handler);
    return () => this.anyWatchers.delete(handler);
  }
}

function sameStringMap(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  if (a === b) return true;
  const na = a ? Object.keys(a).length : 0;
  const nb = b ? Object.keys(b).length : 0;
  if (na !== nb) return false;
  if (na === 0) return true;
  for (const k in a) if (a[k] !== b![k]) return false;
  return true;
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameOwners(a: readonly { uid: string }[] | undefined, b: readonly { uid: string }[] | undefined): boolean {
  if (!a || !b) return (a?.length ?? 0) === 0 && (b?.length ?? 0) === 0;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].uid !== b[i].uid) return false;
  return true;
}

function indexValues(def: IndexDef, o: KubeObject): readonly string[] {
  return listOf(def.values(o));
}

function listOf(v: readonly string[] | string | undefined): readonly string[] {
  if (v === undefined) return [];
  return typeof v === 'string' ? [v] : v;
}
