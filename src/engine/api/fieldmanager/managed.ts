// metadata.managedFields in and out: entries decoded into per-manager field sets keyed by the manager
// identifier (manager, operation, apiVersion for updates, subresource), encoded back sorted as the
// apiserver sorts them, and the cap of 10 update managers with the "ancient-changes" buckets.
// mirrors: apimachinery/pkg/util/managedfields/internal/managedfields.go, capmanagers.go, fields.go

import { adopt, union, type FieldSet } from './fieldset';

export type Operation = 'Apply' | 'Update';

/** One metav1.ManagedFieldsEntry, keys in the order the apiserver writes them. */
export interface ManagedFieldsEntry {
  manager?: string;
  operation?: Operation;
  apiVersion?: string;
  time?: string;
  fieldsType?: string;
  fieldsV1?: unknown;
  subresource?: string;
}

/** A manager's fields: the set, the version it is expressed in, whether it came from an apply. */
export interface ManagerState {
  readonly set: FieldSet;
  readonly apiVersion: string;
  readonly applied: boolean;
  readonly time: string | undefined;
  /** The stored entry this state was decoded from; reused on encode while nothing changed. */
  readonly entry?: ManagedFieldsEntry;
}

/** Manager identifier → state (fieldpath.ManagedFields + the times). */
export type Managed = Map<string, ManagerState>;

export interface ManagerInfo {
  manager: string;
  operation: Operation;
  apiVersion?: string;
  subresource?: string;
}

const identifiers = new Map<string, string>();
const parsedIdentifiers = new Map<string, ManagerInfo>();

/** BuildManagerIdentifier: the entry without time and fields (and without apiVersion for appliers), as JSON. */
export function managerIdentifier(m: ManagerInfo): string {
  const key = `${m.manager}\u0000${m.operation}\u0000${m.operation === 'Apply' ? '' : (m.apiVersion ?? '')}\u0000${m.subresource ?? ''}`;
  let id = identifiers.get(key);
  if (id === undefined) {
    if (identifiers.size > 10_000) identifiers.clear();
    id = buildIdentifier(m);
    identifiers.set(key, id);
  }
  return id;
}

function buildIdentifier(m: ManagerInfo): string {
  const o: Record<string, string> = {};
  if (m.manager) o.manager = m.manager;
  o.operation = m.operation;
  if (m.operation !== 'Apply' && m.apiVersion) o.apiVersion = m.apiVersion;
  if (m.subresource) o.subresource = m.subresource;
  return JSON.stringify(o);
}

export function parseIdentifier(id: string): ManagerInfo {
  let info = parsedIdentifiers.get(id);
  if (!info) {
    if (parsedIdentifiers.size > 10_000) parsedIdentifiers.clear();
    info = JSON.parse(id) as ManagerInfo;
    parsedIdentifiers.set(id, info);
  }
  return info;
}

export class DecodeError extends Error {}

/** DecodeManagedFields: throws DecodeError on an entry the apiserver would refuse. */
export function decodeManaged(entries: readonly ManagedFieldsEntry[] | undefined | null): Managed {
  const out: Managed = new Map();
  if (!entries) return out;
  entries.forEach((e, i) => {
    if (e === null || typeof e !== 'object') throw new DecodeError(`invalid managed fields entry ${i}`);
    if (e.operation !== 'Apply' && e.operation !== 'Update') throw new DecodeError('operation must be `Apply` or `Update`');
    if (!e.apiVersion) throw new DecodeError('apiVersion must not be empty');
    if (!e.fieldsType) throw new DecodeError(`missing fieldsType in managed fields entry ${i}`);
    if (e.fieldsType !== 'FieldsV1') throw new DecodeError(`invalid fieldsType "${e.fieldsType}" in managed fields entry ${i}`);
    const set = e.fieldsV1 === undefined || e.fieldsV1 === null ? adopt({}) : adopt(e.fieldsV1);
    if (!set) throw new DecodeError(`error decoding versioned set from ${JSON.stringify(e)}: error decoding set`);
    const id = managerIdentifier({ manager: e.manager ?? '', operation: e.operation, apiVersion: e.apiVersion, subresource: e.subresource });
    out.set(id, { set, apiVersion: e.apiVersion, applied: e.operation === 'Apply', time: e.time, entry: set === e.fieldsV1 ? e : undefined });
  });
  return out;
}

/** Decoding that yields nothing on error (emptyManagedFieldsOnErr). */
export function decodeOrEmpty(entries: readonly ManagedFieldsEntry[] | undefined | null): Managed {
  try {
    return decodeManaged(entries);
  } catch (e) {
    if (e instanceof DecodeError) return new Map();
    throw e;
  }
}

/** The entries for a managed map, sorted: Apply before Update, then by time, manager, apiVersion, subresource. */
export function encodeManaged(managed: Managed): ManagedFieldsEntry[] | undefined {
  if (managed.size === 0) return undefined;
  const out: ManagedFieldsEntry[] = [];
  for (const [id, st] of managed) {
    if (st.entry) {
      out.push(st.entry);
      continue;
    }
    const info = parseIdentifier(id);
    const e: ManagedFieldsEntry = { manager: info.manager || undefined, operation: st.applied ? 'Apply' : info.operation, apiVersion: st.apiVersion };
    if (!e.manager) delete e.manager;
    if (st.time !== undefined) e.time = st.time;
    e.fieldsType = 'FieldsV1';
    e.fieldsV1 = st.set;
    if (info.subresource) e.subresource = info.subresource;
    out.push(e);
  }
  return out.sort(compareEntries);
}

function seconds(t: string | undefined): number {
  if (!t) return 0;
  // The apiserver's own RFC3339 UTC seconds: read without Date.parse.
  if (t.length === 20 && t.charCodeAt(19) === 90) {
    const ms = Date.UTC(+t.slice(0, 4), +t.slice(5, 7) - 1, +t.slice(8, 10), +t.slice(11, 13), +t.slice(14, 16), +t.slice(17, 19));
    if (!Number.isNaN(ms)) return ms / 1000;
  }
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? 0 : Math.floor(ms / 1000);
}

function cmp(a: string | undefined, b: string | undefined): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareEntries(p: ManagedFieldsEntry, q: ManagedFieldsEntry): number {
  if (p.operation !== q.operation) return cmp(p.operation, q.operation);
  const ps = seconds(p.time);
  const qs = seconds(q.time);
  if (ps !== qs) return ps < qs ? -1 : 1;
  return cmp(p.manager, q.manager) || cmp(p.apiVersion, q.apiVersion) || cmp(p.subresource, q.subresource);
}

export const DEFAULT_MAX_UPDATE_MANAGERS = 10;
const ANCIENT_CHANGES = 'ancient-changes';

/** Merges the oldest update managers into per-version "ancient-changes" buckets beyond the cap. */
export function capUpdateManagers(managed: Managed, max = DEFAULT_MAX_UPDATE_MANAGERS): Managed {
  if (managed.size <= max) return managed;
  const updaters = [...managed.entries()].filter(([, st]) => !st.applied).map(([id]) => id);
  if (updaters.length <= max) return managed;
  updaters.sort((a, b) => {
    const sa = seconds(managed.get(a)!.time);
    const sb = seconds(managed.get(b)!.time);
    if (sa !== sb) return sa < sb ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
  const firstByVersion = new Map<string, string>();
  let length = updaters.length;
  for (let i = 0; i < updaters.length && length > max; i++) {
    const id = updaters[i];
    const st = managed.get(id)!;
    const bucket = managerIdentifier({ manager: ANCIENT_CHANGES, operation: 'Update', apiVersion: st.apiVersion });
    const first = firstByVersion.get(st.apiVersion);
    if (first === undefined) {
      firstByVersion.set(st.apiVersion, id);
      continue;
    }
    if (!managed.has(bucket)) {
      const s = managed.get(first)!;
      managed.delete(first);
      managed.set(bucket, { ...s, entry: undefined });
    }
    const b = managed.get(bucket)!;
    // The bucket takes the time of the update merged into it (the more recent one).
    managed.set(bucket, { set: union(st.set, b.set), apiVersion: st.apiVersion, applied: st.applied, time: st.time });
    managed.delete(id);
    length--;
  }
  return managed;
}
