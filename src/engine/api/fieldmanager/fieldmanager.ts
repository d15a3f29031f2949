// The field manager of every write: the chain kube-apiserver runs around the merge logic (manager
// identifiers, timestamps, stripping of metadata system fields, objects that exist untracked, the cap of
// update managers, and kubectl's last-applied annotation kept in step with server-side apply).
// mirrors: apimachinery/pkg/util/managedfields/internal/fieldmanager.go (NewDefaultFieldManager),
//          managedfieldsupdater.go, stripmeta.go, skipnonapplied.go, buildmanagerinfo.go, versioncheck.go,
//          lastappliedmanager.go, lastappliedupdater.go, structuredmerge.go

import type { ResourceDef } from '../../registry/types';
import type { KubeObject } from '../types';
import * as errors from '../errors';
import { rfc3339 } from '../../util/time';
import { fieldElement, goJson, type PathElement } from './path-element';
import { difference, has, isEmpty, union, singleton, type FieldSet } from './fieldset';
import { capUpdateManagers, decodeManaged, decodeOrEmpty, DecodeError, encodeManaged, managerIdentifier, type Managed, type ManagedFieldsEntry } from './managed';
import { scopeOf, type Scope } from './scope';
import { applyToManaged, Conflicts, recordUpdate } from './updater';
import { conflictError, conflictList } from './conflict';
import { validate } from './typed/validate';
import { validationMessage } from './typed/items';
import { toFieldSet } from './typed/to-field-set';
import { compare } from './typed/compare';

export type { ManagedFieldsEntry } from './managed';

export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** Who writes and how. */
export interface WriteInfo {
  /** The fieldManager parameter, else the User-Agent's product; empty becomes "unknown". */
  manager: string;
  /** The subresource written through: 'status', 'scale'; undefined for the main resource. */
  subresource?: string;
  /** Simulated time of the write (ms). */
  now: number;
}

/** Metadata system fields no manager ever owns (stripMetaManager). */
const STRIP: FieldSet = [
  ['apiVersion'],
  ['kind'],
  ['metadata'],
  ['metadata', 'name'],
  ['metadata', 'namespace'],
  ['metadata', 'creationTimestamp'],
  ['metadata', 'selfLink'],
  ['metadata', 'uid'],
  ['metadata', 'clusterName'],
  ['metadata', 'generation'],
  ['metadata', 'managedFields'],
  ['metadata', 'resourceVersion'],
].reduce<FieldSet>((s, p) => union(s, singleton(p.map(fieldElement))), singleton([fieldElement('apiVersion')]));

/** A request's managedFields that resets tracking: `[]` or `[{}]` (isResetManagedFields). */
function isReset(requested: unknown): boolean {
  if (!Array.isArray(requested)) return false;
  if (requested.length === 0) return true;
  return requested.length === 1 && requested[0] !== null && typeof requested[0] === 'object' && Object.keys(requested[0] as object).length === 0;
}

/**
 * The managed fields of an object after a create (live undefined), update or non-apply patch: `next` is
 * the object to store, `requested` the managedFields the request carried (it may replace the live ones).
 */
export function trackUpdate(def: ResourceDef, live: KubeObject | undefined, next: KubeObject, requested: unknown, info: WriteInfo): ManagedFieldsEntry[] | undefined {
  const scope = scopeOf(def);
  const liveEntries = live?.metadata?.managedFields as ManagedFieldsEntry[] | undefined;
  let source: unknown = liveEntries;
  let managed: Managed;
  if (info.subresource !== undefined || requested === undefined || requested === null || requested === liveEntries) {
    managed = decodeOrEmpty(liveEntries);
  } else if (isReset(requested)) {
    managed = new Map();
    source = undefined;
  } else {
    managed = decodeOrEmpty(requested as ManagedFieldsEntry[]);
    source = requested;
    if (managed.size === 0) {
      managed = decodeOrEmpty(liveEntries);
      source = liveEntries;
    }
  }
  // Objects that exist without managed fields stay untracked until someone applies (skipNonApplied).
  if (managed.size === 0 && live) return undefined;
  const before = [...managed.values()];
  updateManaged(scope, live ?? scope.zero, next, managed, info);
  const same = managed.size === before.length && before.every((st) => [...managed.values()].includes(st));
  if (same && source === liveEntries && liveEntries) return liveEntries;
  return encodeManaged(managed);
}

/** The update chain on decoded managers (capManagers ∘ buildManagerInfo ∘ managedFieldsUpdater ∘ stripMeta). */
function updateManaged(scope: Scope, live: unknown, next: unknown, managed: Managed, info: WriteInfo): void {
  const id = managerIdentifier({ manager: info.manager || 'unknown', operation: 'Update', apiVersion: scope.apiVersion, subresource: info.subresource });
  // Compare leaves metadata system fields and the reset field out: what changed is what the writer took.
  // Writes through /scale land on the parent without a time (the scale handler's conversion drops it).
  const time = info.subresource === 'scale' ? undefined : rfc3339(info.now);
  recordUpdate({ atom: scope.atom, apiVersion: scope.apiVersion, reset: scope.resetField(info.subresource) }, live, next, managed, id, time);
  capUpdateManagers(managed);
}

/** `apps/v1, Kind=Deployment` (schema.GroupVersionKind.String). */
function gvkString(apiVersion: unknown, kind: unknown): string {
  const av = typeof apiVersion === 'string' ? apiVersion : '';
  const i = av.indexOf('/');
  const group = i < 0 ? '' : av.slice(0, i);
  const version = i < 0 ? av : av.slice(i + 1);
  return `${group}/${version}, Kind=${typeof kind === 'string' ? kind : ''}`;
}

/**
 * Server-side apply of `config` to `live` (undefined: the object does not exist yet). Returns the object
 * to store, with its managedFields; throws the apiserver's errors (409 conflicts, 400, 500).
 */
export function applyConfig(def: ResourceDef, live: KubeObject | undefined, config: KubeObject, info: WriteInfo, force: boolean): KubeObject {
  const scope = scopeOf(def);
  let managed: Managed;
  try {
    managed = decodeManaged(live?.metadata?.managedFields as ManagedFieldsEntry[] | undefined);
  } catch (e) {
    if (e instanceof DecodeError) throw errors.internalError(`failed to decode managed fields: ${e.message}`);
    throw e;
  }
  const gvk = gvkString(config.apiVersion, config.kind);
  if (config.apiVersion !== scope.apiVersion || config.kind !== scope.kind) throw errors.badRequest(`invalid object type: ${gvk}`);
  if (config.metadata && (config.metadata as Record<string, unknown>).managedFields !== undefined) throw errors.badRequest('metadata.managedFields must be nil');
  const errs = validate(scope.atom, config);
  if (errs.length) {
    const m = (config.metadata ?? {}) as { name?: unknown; namespace?: unknown };
    throw new errors.StatusError(errors.statusBody(500, undefined, `failed to create typed patch object (${str(m.namespace)}/${str(m.name)}; ${gvk}): ${validationMessage(errs)}`));
  }
  const liveObj: unknown = live ?? {};
  if (managed.size === 0 && live) updateManaged(scope, scope.zero, live, managed, { manager: 'before-first-apply', now: info.now });
  const id = managerIdentifier({ manager: info.manager, operation: 'Apply', subresource: info.subresource });
  const reset = scope.resetField(info.subresource);
  const once = (forced: boolean) => {
    const m: Managed = new Map(managed);
    const out = applyToManaged({ atom: scope.atom, apiVersion: scope.apiVersion, reset }, liveObj, config, m, id, forced);
    const st = m.get(id);
    if (st) {
      const set = difference(st.set, STRIP);
      if (isEmpty(set)) m.delete(id);
      else m.set(id, { set, apiVersion: st.apiVersion, applied: true, time: out.changed ? rfc3339(info.now) : st.time });
    }
    return { object: out.changed ? out.object : undefined, managed: m };
  };
  let result: ReturnType<typeof once>;
  try {
    result = once(force);
  } catch (e) {
    if (!(e instanceof Conflicts)) throw e;
    const list = conflictList(e.byManager);
    // kubectl upgrading from client-side apply may take fields whose value matches its last-applied annotation.
    const allowed = info.manager === 'kubectl' ? allowedFromLastApplied(scope, live) : undefined;
    const remaining = allowed ? list.filter((c) => !has(allowed, c.elements)) : list;
    if (remaining.length) throw conflictError(remaining);
    result = once(true);
  }
  let object = ((result.object === undefined ? live : result.object) ?? {}) as KubeObject;
  object = stripNulls(object) as KubeObject;
  const meta = { ...(object.metadata ?? {}) };
  if (info.manager === 'kubectl' && meta.annotations?.[LAST_APPLIED_ANNOTATION]) {
    meta.annotations = { ...meta.annotations, [LAST_APPLIED_ANNOTATION]: buildLastApplied(config) };
  }
  const entries = encodeManaged(result.managed);
  if (entries) meta.managedFields = entries as NonNullable<KubeObject['metadata']>['managedFields'];
  else delete meta.managedFields;
  return { ...object, metadata: meta };
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** The annotation the server keeps for kubectl: the applied configuration without it, as JSON + "\n". */
function buildLastApplied(config: KubeObject): string {
  const meta = { ...(config.metadata ?? {}) } as Record<string, unknown>;
  if (meta.annotations && typeof meta.annotations === 'object') {
    const a = { ...(meta.annotations as Record<string, unknown>) };
    delete a[LAST_APPLIED_ANNOTATION];
    meta.annotations = a;
  }
  return goJson({ ...config, metadata: meta }) + '\n';
}

/** Fields of the last-applied annotation whose live value still matches it (allowedConflictsFromLastApplied). */
function allowedFromLastApplied(scope: Scope, live: KubeObject | undefined): FieldSet | undefined {
  const text = live?.metadata?.annotations?.[LAST_APPLIED_ANNOTATION];
  if (!text) return undefined;
  let last: KubeObject;
  try {
    last = JSON.parse(text) as KubeObject;
  } catch {
    return undefined;
  }
  if (last === null || typeof last !== 'object' || last.apiVersion !== scope.apiVersion) return undefined;
  if (validate(scope.atom, last).length) return undefined;
  const cmp = compare(scope.atom, last, live);
  return difference(difference(toFieldSet(scope.atom, last), cmp.changed), cmp.removed);
}

/** Go's typed round trip: explicit nulls (and what pruning left as nil) become absent. */
function stripNulls(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const x = stripNulls(v[i]);
      if (x !== v[i] || x === null) out ??= v.slice(0, i);
      if (out && x !== null) out.push(x);
    }
    return out ?? v;
  }
  const o = v as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const k in o) {
    const x = o[k] === null ? undefined : stripNulls(o[k]);
    if (x !== o[k] && !out) {
      out = {};
      for (const k2 in o) {
        if (k2 === k) break;
        out[k2] = o[k2];
      }
    }
    if (out && x !== undefined) out[k] = x;
  }
  return out ?? v;
}

export type { PathElement };
