// Generic REST storage semantics over the store (like genericregistry.Store): create, get, list, update,
// patch, delete with graceful deletion, finalizers and propagation, watch. Every client ends up here.
// mirrors: apiserver/pkg/registry/generic/registry/store.go, apiserver/pkg/registry/rest/{create,update,delete}.go

import type { ObjectMeta as ObjectMetaRO } from 'kubernetes-types/meta/v1';
import type { Clock } from '../../clock/clock';
import { Rng, hashString } from '../../clock/rng';
import type { ResourceDef } from '../../registry/types';
import { resourceKey } from '../../registry/types';
import type { AdmissionContext } from '../../registry/context';
import type { Admission } from '../../admission/chain';
import type { KubeObject, Writable } from '../types';
type ObjectMeta = Writable<ObjectMetaRO>;
import { Store, ExpiredError, keyOf, type StoreEvent } from '../../store/store';
import { deepClone, deepEqual } from '../../store/freeze';
import { rfc3339 } from '../../util/time';
import { decodeBase64, encodeBase64 } from '../../util/base64';
import { generateName } from '../../util/names';
import * as errors from '../errors';
import { invalidStatus, type FieldError } from '../validation/field-errors';
import { validateObjectMetaCreate, validateObjectMetaUpdate } from '../validation/metadata';
import { parseLabelSelector, LabelSelectorError, type Selector } from '../selectors/labels';
import { parseFieldSelector, FieldSelectorError, type FieldSelector } from '../selectors/fields';
import { clusterAdmin, type RequestOptions } from './context';
import { recordManagedFields } from '../fieldmanager/index';

export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
  resourceVersion?: string;
}

export interface ListResult {
  items: KubeObject[];
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  orphanDependents?: boolean;
  preconditions?: { uid?: string; resourceVersion?: string };
}

export interface DeleteResult {
  /** The object as it is after the call: gone (deleted=true) or still there with deletionTimestamp. */
  object: KubeObject;
  deleted: boolean;
}

export class Rest {
  /** generateName suffixes per base: a base's names do not depend on unrelated objects. */
  private nameCounters = new Map<string, number>();

  constructor(
    readonly store: Store,
    readonly clock: Clock,
    readonly rng: Rng,
    readonly admission: Admission,
    /** Seed for name streams. */
    private readonly seed: number | string = 1,
  ) {
    this.uidHash = hashString(`${seed}\u0000uid/`);
    this.nameHash = hashString(`${seed}\u0000name/`);
  }

  /** Incarnations per object key: resource → namespace → name → objects created under it so far. */
  private uidCounters = new Map<string, Map<string, Map<string, number>>>();
  /** Hashes of the label prefixes of Rng.derive(seed, 'uid/…') and ('name/…'): the labels are hashed on from there. */
  private readonly uidHash: number;
  private readonly nameHash: number;
  /** One clock reader for every request context (a closure per request is garbage). */
  private readonly now = (): number => this.clock.now();

  /** UIDs drawn per object key (and incarnation), so they do not shift when other objects come and go. */
  private generatedUid(resource: string, ns: string | undefined, name: string): string {
    // Nested maps and a hash continued part by part: no key string is built for each create.
    let byNs = this.uidCounters.get(resource);
    if (!byNs) this.uidCounters.set(resource, (byNs = new Map()));
    const nsKey = ns ?? '';
    let byName = byNs.get(nsKey);
    if (!byName) byNs.set(nsKey, (byName = new Map()));
    const n = byName.get(name) ?? 0;
    byName.set(name, n + 1);
    // = Rng.derive(seed, `uid/${resource}/${ns ?? ''}/${name}/${n}`)
    return Rng.deriveFrom(this.uidHash, resource, '/', nsKey, '/', name, n === 0 ? '/0' : `/${n}`).uuid();
  }

  private generatedName(base: string): string {
    const n = this.nameCounters.get(base) ?? 0;
    this.nameCounters.set(base, n + 1);
    // = Rng.derive(seed, `name/${base}/${n}`)
    return generateName(base, Rng.deriveFrom(this.nameHash, base, n === 0 ? '/0' : `/${n}`));
  }

  private ctx(opts: RequestOptions): AdmissionContext {
    return { now: this.now, rng: this.rng, seed: this.seed, store: this.store, user: opts.user ?? clusterAdmin, dryRun: !!opts.dryRun };
  }

  // ---- reads ----

  get(def: ResourceDef, namespace: string | undefined, name: string): KubeObject {
    if (def.conversion) return def.conversion.fromStorage(this.get(def.conversion.storage, namespace, name));
    const o = this.store.get(resourceKey(def), def.namespaced ? namespace : undefined, name);
    if (!o) throw errors.notFound(def.group, def.plural, name);
    return o;
  }

  tryGet(def: ResourceDef, namespace: string | undefined, name: string): KubeObject | undefined {
    if (def.conversion) {
      const o = this.tryGet(def.conversion.storage, namespace, name);
      return o && def.conversion.fromStorage(o);
    }
    return this.store.get(resourceKey(def), def.namespaced ? namespace : undefined, name);
  }

  list(def: ResourceDef, namespace: string | undefined, opts: ListOptions = {}): ListResult {
    if (def.conversion) {
      const r = this.list(def.conversion.storage, namespace, opts);
      return { ...r, items: r.items.map((o) => def.conversion!.fromStorage(o)) };
    }
    const key = resourceKey(def);
    const ns = def.namespaced ? namespace : undefined;
    const labels = parseLabels(opts.labelSelector);
    const fields = parseFields(def, opts.fieldSelector);
    let candidates: Iterable<KubeObject>;
    const name = fields?.exact('metadata.name');
    const indexed = fields?.requirements.find((r) => r.op === '=' && this.store.hasIndex(key, r.field));
    if (name !== undefined && (ns !== undefined || !def.namespaced)) {
      const o = this.store.get(key, ns, name);
      candidates = o ? [o] : [];
    } else if (indexed) {
      candidates = this.store.listByIndex(key, indexed.field, indexed.value);
    } else if (labels && !labels.empty()) {
      candidates = this.store.listBySelector(key, ns, labels);
    } else {
      candidates = this.store.list(key, ns);
    }
    const items: KubeObject[] = [];
    for (const o of candidates) {
      if (ns !== undefined && (o.metadata!.namespace ?? '') !== ns) continue;
      if (labels && !labels.matches(o.metadata!.labels)) continue;
      if (fields && !fields.matches((f) => fieldValue(def, o, f))) continue;
      items.push(o);
    }
    items.sort(compareByKey);
    const rv = String(this.store.resourceVersion());
    // Paging: the continue token carries the last key returned and the list's resourceVersion.
    let start = 0;
    let listRV = rv;
    if (opts.continue) {
      const tok = decodeContinue(opts.continue);
      if (!tok) throw errors.badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
      start = items.findIndex((o) => keyOf(o) > tok.start);
      if (start < 0) start = items.length;
      listRV = tok.rv;
    }
    if (opts.limit && opts.limit > 0 && items.length - start > opts.limit) {
      const page = items.slice(start, start + opts.limit);
      const last = keyOf(page[page.length - 1]);
      return {
        items: page,
        resourceVersion: listRV,
        continue: encodeContinue(last, listRV),
        remainingItemCount: items.length - start - opts.limit,
      };
    }
    return { items: start ? items.slice(start) : items, resourceVersion: listRV };
  }

  /** Subscribes to changes; returns the stop function. Throws 410 Expired for a too-old resourceVersion. */
  watch(
    def: ResourceDef,
    namespace: string | undefined,
    opts: { labelSelector?: string; fieldSelector?: string; resourceVersion?: string },
    handler: (type: 'ADDED' | 'MODIFIED' | 'DELETED', obj: KubeObject) => void,
  ): () => void {
    if (def.conversion) {
      const conv = def.conversion;
      return this.watch(conv.storage, namespace, opts, (type, obj) => handler(type, conv.fromStorage(obj)));
    }
    const key = resourceKey(def);
    const ns = def.namespaced ? namespace : undefined;
    const labels = parseLabels(opts.labelSelector);
    const fields = parseFields(def, opts.fieldSelector);
    const matches = (o: KubeObject | undefined): boolean =>
      !!o && (!labels || labels.matches(o.metadata!.labels)) && (!fields || fields.matches((f) => fieldValue(def, o, f)));
    const rv = opts.resourceVersion;
    if (rv === undefined || rv === '' || rv === '0') {
      // Synthetic ADDED for the current state, then changes.
      for (const o of this.list(def, ns, { labelSelector: opts.labelSelector, fieldSelector: opts.fieldSelector }).items) handler('ADDED', o);
    }
    const sinceRV = rv && rv !== '0' ? Number(rv) : undefined;
    if (sinceRV !== undefined && !Number.isFinite(sinceRV)) throw errors.badRequest(`invalid resource version: ${rv}`);
    const onEvent = (e: StoreEvent) => {
      // Selector transitions: an object entering the selection is ADDED, leaving is DELETED.
      const now = matches(e.object);
      const before = e.type === 'MODIFIED' ? matches(e.old) : now;
      if (e.type === 'MODIFIED') {
        if (now && before) handler('MODIFIED', e.object);
        else if (now) handler('ADDED', e.object);
        else if (before) handler('DELETED', e.object);
      } else if (now) handler(e.type, e.object);
    };
    try {
      return this.store.watch(key, { namespace: ns, sinceRV }, onEvent);
    } catch (e) {
      if (e instanceof ExpiredError) throw errors.resourceExpired(e.message);
      throw e;
    }
  }

  // ---- writes ----

  create(def: ResourceDef, namespace: string | undefined, input: KubeObject, opts: RequestOptions = {}): KubeObject {
    if (def.conversion) return def.conversion.fromStorage(this.create(def.conversion.storage, namespace, def.conversion.toStorage(input), { ...opts, fresh: true }));
    const ctx = this.ctx(opts);
    // Defaulting and admission mutate nested parts: creates work on a private copy unless the caller's is.
    const obj = opts.fresh && !Object.isFrozen(input) ? input : deepClone(input);
    let meta = (obj.metadata ??= {});
    if (def.namespaced) {
      if (meta.namespace && namespace && meta.namespace !== namespace) {
        throw errors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
      }
      meta.namespace = namespace ?? meta.namespace;
    } else {
      delete meta.namespace;
    }
    obj.apiVersion = def.group ? `${def.group}/${def.version}` : def.version;
    obj.kind = def.kind;
    if (def.virtualCreate) return def.virtualCreate(obj, ctx);
    def.defaults?.(obj);
    // Field ownership is taken from the decoded, defaulted object, before admission (create handler).
    recordManagedFields(def, undefined, obj, meta.managedFields, opts, undefined, this.clock.now());
    if (def.namespaced && meta.namespace) this.checkNamespace(def, meta.namespace, meta.name ?? '');
    this.admission.admit('CREATE', def, obj, undefined, ctx);
    meta = obj.metadata ??= meta;
    // BeforeCreate: system fields are the server's.
    if (!meta.name && meta.generateName) meta.name = this.generatedName(meta.generateName);
    const metaErrs = validateObjectMetaCreate(meta, def.namespaced, def.nameValidator);
    // System fields first (the create handler fills them before the strategy runs: Jobs use the uid).
    meta.uid = this.generatedUid(resourceKey(def), meta.namespace, meta.name ?? meta.generateName ?? '');
    delete meta.selfLink;
    meta.creationTimestamp = rfc3339(this.clock.now());
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    delete meta.resourceVersion;
    if (def.generation) meta.generation = 1;
    else delete meta.generation;
    def.prepareForCreate?.(obj, ctx);
    dropEmptyMeta(meta);
    const errs: FieldError[] = [...metaErrs, ...(def.validate?.(obj) ?? [])];
    if (errs.length) throw invalid(def, meta.name ?? '', errs);
    this.admission.validate('CREATE', def, obj, undefined, ctx);
    const key = resourceKey(def);
    if (this.store.get(key, meta.namespace, meta.name!)) throw errors.alreadyExists(def.group, def.plural, meta.name!);
    if (opts.dryRun) return obj;
    return this.store.create(key, obj);
  }

  /**
   * PUT: replaces the object (or only its status with subresource 'status'). Optimistic concurrency on
   * metadata.resourceVersion; a write that changes nothing is not stored (no new resourceVersion).
   */
  update(
    def: ResourceDef,
    namespace: string | undefined,
    name: string,
    input: KubeObject,
    opts: RequestOptions = {},
    subresource?: 'status',
  ): KubeObject {
    if (def.conversion) {
      const conv = def.conversion;
      return conv.fromStorage(this.update(conv.storage, namespace, name, conv.toStorage(input), { ...opts, trusted: false }, subresource));
    }
    const ctx = this.ctx(opts);
    const key = resourceKey(def);
    const ns = def.namespaced ? namespace : undefined;
    const old = this.store.get(key, ns, name);
    if (!old) throw errors.notFound(def.group, def.plural, name);
    const obj = opts.trusted && !Object.isFrozen(input) ? input : deepClone(input);
    if (obj.metadata && Object.isFrozen(obj.metadata)) obj.metadata = { ...obj.metadata };
    const meta = (obj.metadata ??= {});
    if (meta.name && meta.name !== name) {
      throw errors.badRequest(`the name of the object (${meta.name}) does not match the name on the URL (${name})`);
    }
    if (def.namespaced && meta.namespace && meta.namespace !== ns) {
      throw errors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    meta.name = name;
    if (def.namespaced) meta.namespace = ns;
    if (meta.resourceVersion && meta.resourceVersion !== old.metadata!.resourceVersion) {
      throw errors.conflict(def.group, def.plural, name, errors.optimisticLockMessage);
    }
    obj.apiVersion = old.apiVersion;
    obj.kind = old.kind;
    if (!opts.trusted) def.defaults?.(obj);
    return this.commitUpdate(def, old, obj, ctx, opts, subresource);
  }

  /** Shared tail of update and patch: strategy, validation, generation, no-op detection, finalizer-driven delete. */
  commitUpdate(
    def: ResourceDef,
    old: KubeObject,
    obj: KubeObject,
    ctx: AdmissionContext,
    opts: RequestOptions,
    subresource?: 'status',
  ): KubeObject {
    const key = resourceKey(def);
    const meta = obj.metadata!;
    const oldMeta = old.metadata!;
    const requestedManagedFields = meta.managedFields;
    if (subresource === 'status') {
      // Only status changes through /status (metadata labels/annotations too, as upstream allows).
      const next: KubeObject = { ...old, status: obj.status };
      if (obj.status === undefined) delete next.status;
      next.metadata = { ...oldMeta, labels: meta.labels, annotations: meta.annotations, ownerReferences: meta.ownerReferences, finalizers: meta.finalizers };
      for (const k of ['labels', 'annotations', 'ownerReferences', 'finalizers'] as const) if (next.metadata[k] === undefined) delete next.metadata[k];
      obj = next;
    } else {
      def.prepareForUpdate?.(obj, old, ctx);
    }
    const m = obj.metadata!;
    dropEmptyMeta(m);
    // System fields are kept from the stored object.
    m.uid = oldMeta.uid;
    m.creationTimestamp = oldMeta.creationTimestamp;
    if (oldMeta.deletionTimestamp) {
      m.deletionTimestamp = oldMeta.deletionTimestamp;
      if (oldMeta.deletionGracePeriodSeconds !== undefined) m.deletionGracePeriodSeconds = oldMeta.deletionGracePeriodSeconds;
    } else {
      delete m.deletionTimestamp;
      delete m.deletionGracePeriodSeconds;
    }
    if (oldMeta.generateName !== undefined && m.generateName === undefined) m.generateName = oldMeta.generateName;
    if (def.generation) {
      m.generation = oldMeta.generation ?? 1;
      if (subresource !== 'status' && (!deepEqual(obj.spec, old.spec) || (def.generationOnAnnotations && !deepEqual(m.annotations, oldMeta.annotations)))) {
        m.generation++;
      }
    } else delete m.generation;
    // Ownership of what this write changes (the update/patch handlers' field manager), before admission.
    recordManagedFields(def, old, obj, requestedManagedFields, opts, subresource ?? opts.subresource, this.clock.now());
    this.admission.admit('UPDATE', def, obj, old, ctx);
    const errs: FieldError[] = [...validateObjectMetaUpdate(m, oldMeta, def.namespaced)];
    if (subresource === 'status') errs.push(...(def.validateStatus?.(obj, old) ?? []));
    else errs.push(...(def.validate?.(obj, old) ?? []));
    if (oldMeta.deletionTimestamp && m.finalizers) {
      const before = new Set(oldMeta.finalizers ?? []);
      for (const f of m.finalizers) {
        if (!before.has(f)) errs.push({ type: 'FieldValueForbidden', field: 'metadata.finalizers', detail: `no new finalizers can be added if the object is being deleted, found new finalizers []string{"${f}"}` });
      }
    }
    if (errs.length) throw invalid(def, m.name!, errs);
    this.admission.validate('UPDATE', def, obj, old, ctx);
    m.resourceVersion = oldMeta.resourceVersion;
    if (deepEqual(obj, old)) return old;
    if (ctx.dryRun) return obj;
    // An object being deleted whose last finalizer went away is removed now.
    if (oldMeta.deletionTimestamp && (m.finalizers?.length ?? 0) === 0 && (oldMeta.deletionGracePeriodSeconds ?? 0) === 0) {
      return this.store.delete(key, m.namespace, m.name!)!;
    }
    return this.store.update(key, obj);
  }

  /**
   * DELETE: graceful deletion (deletionTimestamp + grace), finalizers (incl. the orphan/foreground ones the
   * garbage collector honours), or removal now. Dependents are left to the garbage collector.
   */
  delete(
    def: ResourceDef,
    namespace: string | undefined,
    name: string,
    options: DeleteOptions = {},
    opts: RequestOptions = {},
  ): DeleteResult {
    if (def.conversion) {
      const r = this.delete(def.conversion.storage, namespace, name, options, opts);
      return { ...r, object: def.conversion.fromStorage(r.object) };
    }
    const ctx = this.ctx(opts);
    const key = resourceKey(def);
    const ns = def.namespaced ? namespace : undefined;
    const old = this.store.get(key, ns, name);
    if (!old) throw errors.notFound(def.group, def.plural, name);
    const oldMeta = old.metadata!;
    const pre = options.preconditions;
    if (pre?.uid && pre.uid !== oldMeta.uid) {
      throw errors.conflict(def.group, def.plural, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${oldMeta.uid}`);
    }
    if (pre?.resourceVersion && pre.resourceVersion !== oldMeta.resourceVersion) {
      throw errors.conflict(def.group, def.plural, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in meta: ${oldMeta.resourceVersion}`);
    }
    this.admission.validate('DELETE', def, old, undefined, ctx);
    let policy = options.propagationPolicy;
    if (!policy && options.orphanDependents !== undefined) policy = options.orphanDependents ? 'Orphan' : 'Background';
    if (!policy) {
      policy = def.defaultPropagation ?? 'Background';
      if (def.deleteWarning && opts.warnings) opts.warnings.push(def.deleteWarning);
    }
    const finalizers = [...(oldMeta.finalizers ?? [])];
    const gcFinalizer = policy === 'Orphan' ? 'orphan' : policy === 'Foreground' ? 'foregroundDeletion' : undefined;
    const hasDependents = gcFinalizer !== undefined && this.store.dependents(oldMeta.uid!).length > 0;
    // Switching policy on an object already being deleted replaces the GC finalizer.
    if (gcFinalizer && (hasDependents || policy === 'Foreground') && !finalizers.includes(gcFinalizer)) {
      const other = gcFinalizer === 'orphan' ? 'foregroundDeletion' : 'orphan';
      const i = finalizers.indexOf(other);
      if (i >= 0) finalizers.splice(i, 1);
      finalizers.push(gcFinalizer);
    }
    const special = def.onDelete?.(old, ctx);
    if (special) {
      if (opts.dryRun || deepEqual(special, old)) return { object: special, deleted: false };
      return { object: this.store.update(key, special), deleted: false };
    }
    const grace = def.gracePeriod ? def.gracePeriod(old, options.gracePeriodSeconds) : 0;
    if (oldMeta.deletionTimestamp) {
      // Already being deleted: a shorter grace period may be requested; zero with no finalizers removes it.
      const curGrace = oldMeta.deletionGracePeriodSeconds ?? 0;
      if (finalizers.length === 0 && (grace === 0 || options.gracePeriodSeconds === 0)) {
        if (opts.dryRun) return { object: old, deleted: true };
        return { object: this.store.delete(key, ns, name)!, deleted: true };
      }
      if (grace < curGrace || !sameList(finalizers, oldMeta.finalizers)) {
        const meta: ObjectMeta = { ...oldMeta, finalizers: finalizers.length ? finalizers : undefined };
        if (grace < curGrace) {
          meta.deletionGracePeriodSeconds = grace;
          meta.deletionTimestamp = rfc3339(this.clock.now() + grace * 1000);
        }
        if (!meta.finalizers) delete meta.finalizers;
        if (opts.dryRun) return { object: { ...old, metadata: meta }, deleted: false };
        return { object: this.store.update(key, { ...old, metadata: meta }), deleted: false };
      }
      return { object: old, deleted: false };
    }
    if (finalizers.length === 0 && grace === 0) {
      if (opts.dryRun) return { object: old, deleted: true };
      return { object: this.store.delete(key, ns, name)!, deleted: true };
    }
    const meta: ObjectMeta = {
      ...oldMeta,
      deletionTimestamp: rfc3339(this.clock.now() + grace * 1000),
      deletionGracePeriodSeconds: grace,
    };
    if (finalizers.length) meta.finalizers = finalizers;
    if (def.generation) meta.generation = (oldMeta.generation ?? 0) + 1;
    if (opts.dryRun) return { object: { ...old, metadata: meta }, deleted: false };
    return { object: this.store.update(key, { ...old, metadata: meta }), deleted: false };
  }

  /** Writes an object prepared by a trusted subresource (pods/binding) that changes spec and status at once. */
  commitBinding(def: ResourceDef, old: KubeObject, next: KubeObject, opts: RequestOptions): KubeObject {
    if (opts.dryRun) return next;
    next.metadata = { ...next.metadata, resourceVersion: old.metadata!.resourceVersion };
    return this.store.update(resourceKey(def), next);
  }

  private checkNamespace(def: ResourceDef, namespace: string, name: string): void {
    const ns = this.store.get('namespaces', undefined, namespace);
    if (!ns) throw errors.notFound('', 'namespaces', namespace);
    if (ns.metadata!.deletionTimestamp || (ns.status as { phase?: string } | undefined)?.phase === 'Terminating') {
      throw errors.forbidden(def.group, def.plural, name, `unable to create new content in namespace ${namespace} because it is being terminated`);
    }
  }
}

export function invalid(def: ResourceDef, name: string, errs: FieldError[]): errors.StatusError {
  return new errors.StatusError(invalidStatus(def.kind, def.group, name, errs) as errors.Status);
}

/** Empty maps and lists in ObjectMeta are omitempty in Go: the stored object does not keep them. */
function dropEmptyMeta(m: NonNullable<KubeObject['metadata']>): void {
  for (const k of ['labels', 'annotations'] as const) {
    const v = m[k];
    if (v && Object.keys(v).length === 0) delete m[k];
  }
  for (const k of ['finalizers', 'ownerReferences', 'managedFields'] as const) {
    const v = m[k];
    if (v && v.length === 0) delete m[k];
  }
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return deepEqual(a ?? [], b ?? []);
}

function compareByKey(a: KubeObject, b: KubeObject): number {
  const ka = keyOf(a);
  const kb = keyOf(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** A labelSelector parameter, or 400 BadRequest with the parser's message. */
export function parseLabels(text: string | undefined): Selector | undefined {
  if (!text) return undefined;
  try {
    return parseLabelSelector(text);
  } catch (e) {
    if (e instanceof LabelSelectorError) throw errors.badRequest(e.message);
    throw e;
  }
}

function parseFields(def: ResourceDef, text: string | undefined): FieldSelector | undefined {
  return parseFieldSelectorParam(text, (field) => !!def.fields && field in def.fields);
}

/** A fieldSelector parameter: metadata.name and metadata.namespace always, other fields where `supported`. */
export function parseFieldSelectorParam(text: string | undefined, supported: (field: string) => boolean = () => false): FieldSelector | undefined {
  if (!text) return undefined;
  let sel: FieldSelector;
  try {
    sel = parseFieldSelector(text);
  } catch (e) {
    if (e instanceof FieldSelectorError) throw errors.badRequest(e.message);
    throw e;
  }
  for (const r of sel.requirements) {
    if (r.field === 'metadata.name' || r.field === 'metadata.namespace') continue;
    if (!supported(r.field)) throw errors.badRequest(`field label not supported: ${r.field}`);
  }
  return sel;
}

export function fieldValue(def: ResourceDef, o: KubeObject, field: string): string | undefined {
  if (field === 'metadata.name') return o.metadata!.name;
  if (field === 'metadata.namespace') return o.metadata!.namespace ?? '';
  return def.fields?.[field]?.(o);
}

function encodeContinue(start: string, rv: string): string {
  return encodeBase64(JSON.stringify({ v: 'meta.k8s.io/v1', rv: Number(rv), start: start + '\u0000' }));
}

function decodeContinue(tok: string): { start: string; rv: string } | undefined {
  try {
    const j = JSON.parse(decodeBase64(tok) ?? "") as { rv: number; start: string };
    return { start: j.start.replace(/\u0000$/, ''), rv: String(j.rv) };
  } catch {
    return undefined;
  }
}
