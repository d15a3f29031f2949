// The API server's front door: a kube-apiserver-shaped request → response handler, transport-agnostic.
// `kubeplay serve` wraps it in HTTP, the terminal calls it in process; both see the same answers.

import type { Clock } from '../clock/clock';
import type { Registry } from '../registry/registry';
import type { ResourceDef } from '../registry/types';
import { groupVersion } from '../registry/types';
import type { ApiRequest, ApiResponse, KubeObject, WatchEvent } from './types';
import { Rest, type DeleteOptions } from './rest/rest';
import type { FieldValidation, RequestOptions } from './rest/context';
import * as errors from './errors';
import { StatusError } from './errors';
import { parseResourcePath, queryParam, queryBool, header, type ResourcePath } from './request';
import { aggregatedDiscovery, apiGroup, apiGroupList, apiResourceList, apiVersions, externalResourceList, AGGREGATED_DISCOVERY_CONTENT_TYPE } from './discovery';
import { negotiate, partialObjectMetadata, toTable, type IncludeObject } from './table';
import { PushStream } from './stream';
import { decodeBody, checkDecodedFields } from './body';
import { applyPatch, patchObject, patchTypeOf, PATCH_MEDIA_TYPES } from './patch-handler';
import { scaleOf, applyScale } from './subresources/scale';
import { bindPod } from './subresources/binding';
import type { Subresources } from './subresources/types';
import { authorize, forbiddenMessage } from '../auth/rbac';

export const SERVER_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.0',
  gitCommit: '70d3cc986aa8221cd1dfb1121852688902d3bf53',
  gitTreeState: 'clean',
  buildDate: '2024-12-11T17:59:15Z',
  goVersion: 'go1.23.3',
  compiler: 'gc',
  platform: 'linux/amd64',
};

const JSON_HEADERS = { 'content-type': 'application/json' };

export interface ApiServerOptions {
  registry: Registry;
  rest: Rest;
  clock: Clock;
  /** Providers for subresources that live outside the REST store (logs, eviction, exec, metrics, openapi). */
  subresources?: Subresources;
  /** Largest accepted request body, in bytes (like --max-request-body-bytes, 3 MiB by default). */
  maxBodyBytes?: number;
}

export class ApiServer {
  readonly registry: Registry;
  readonly rest: Rest;
  readonly clock: Clock;
  subresources: Subresources;
  private maxBodyBytes: number;

  constructor(opts: ApiServerOptions) {
    this.registry = opts.registry;
    this.rest = opts.rest;
    this.clock = opts.clock;
    this.subresources = opts.subresources ?? {};
    this.maxBodyBytes = opts.maxBodyBytes ?? 3 * 1024 * 1024;
  }

  handle(req: ApiRequest): ApiResponse {
    const warnings: string[] = [];
    try {
      const res = this.route(req, warnings);
      if (warnings.length) res.headers['warning'] = warnings.map((w) => `299 - ${JSON.stringify(w)}`).join(', ');
      return res;
    } catch (e) {
      if (e instanceof StatusError) return statusResponse(e);
      const msg = e instanceof Error ? e.message : String(e);
      return statusResponse(errors.internalError(msg));
    }
  }

  private route(req: ApiRequest, warnings: string[]): ApiResponse {
    const path = req.path.replace(/\/+$/, '') || '/';
    switch (path) {
      case '/version':
        return json(200, SERVER_VERSION);
      case '/healthz':
      case '/readyz':
      case '/livez':
        return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'ok' };
      case '/api':
        return this.discovery(req, true);
      case '/apis':
        return this.discovery(req, false);
      case '/openapi/v2':
        return statusResponse(errors.pathNotFound());
    }
    if (path === '/openapi/v3' || path.startsWith('/openapi/v3/')) {
      const doc = this.subresources.openapi?.(path.slice('/openapi/v3'.length).replace(/^\//, ''));
      if (doc === undefined) return statusResponse(errors.pathNotFound());
      return json(200, doc);
    }
    const segs = path.split('/').filter(Boolean);
    if (req.method === 'GET' && segs[0] === 'api' && segs.length === 2) {
      const list = apiResourceList(this.registry, '', segs[1]);
      return list ? json(200, list) : statusResponse(errors.pathNotFound());
    }
    if (req.method === 'GET' && segs[0] === 'apis' && segs.length === 2) {
      const g = apiGroup(this.registry, segs[1], this.externalGroups());
      return g ? json(200, g) : statusResponse(errors.pathNotFound());
    }
    if (req.method === 'GET' && segs[0] === 'apis' && segs.length === 3) {
      const ext = this.subresources.groupVersion?.(segs[1], segs[2]) ?? externalResourceList(this.externalGroups(), segs[1], segs[2]);
      if (ext) return json(200, ext);
      const list = apiResourceList(this.registry, segs[1], segs[2]);
      return list ? json(200, list) : statusResponse(errors.pathNotFound());
    }
    const rp = parseResourcePath(path);
    if (!rp) return statusResponse(errors.pathNotFound());
    // Aggregated APIs (metrics.k8s.io) are authorized like built-in resources.
    if (this.externalGroups().some((g) => g.name === rp.group && g.version === rp.version)) {
      this.authorizeResource(req, { group: rp.group, plural: rp.resource, namespaced: rp.namespace !== undefined } as ResourceDef, rp);
    }
    const external = this.subresources.external?.(req, rp);
    if (external) return external;
    const def = this.registry.lookup(rp.group, rp.version, rp.resource);
    if (!def) return statusResponse(errors.pathNotFound());
    if (def.namespaced && rp.namespace === undefined && rp.name !== undefined) return statusResponse(errors.pathNotFound());
    if (!def.namespaced && rp.namespace !== undefined) return statusResponse(errors.pathNotFound());
    const opts = this.requestOptions(req, warnings);
    this.authorizeResource(req, def, rp);
    return this.resource(req, def, rp, opts);
  }

  /** RBAC for requests made as someone other than the cluster admin (kubectl --as, impersonation headers). */
  private authorizeResource(req: ApiRequest, def: ResourceDef, rp: ResourcePath): void {
    const user = req.user;
    if (!user || user.groups.includes('system:masters')) return;
    let verb: string;
    switch (req.method) {
      case 'GET':
        verb = rp.name === undefined ? (queryBool(req, 'watch') ? 'watch' : 'list') : rp.subresource === 'exec' || rp.subresource === 'attach' || rp.subresource === 'portforward' ? 'create' : 'get';
        break;
      case 'POST':
        verb = 'create';
        break;
      case 'PUT':
        verb = 'update';
        break;
      case 'PATCH':
        verb = 'patch';
        break;
      default:
        verb = rp.name === undefined ? 'deletecollection' : 'delete';
    }
    const attrs = { user, verb, group: def.group, resource: def.plural, subresource: rp.subresource, namespace: def.namespaced ? rp.namespace : undefined, name: rp.name };
    if (!authorize(this.rest.store, attrs).allowed) {
      throw new StatusError(
        errors.statusBody(403, 'Forbidden', forbiddenMessage(attrs), { name: rp.name, group: def.group || undefined, kind: def.plural }),
      );
    }
  }

  private discovery(req: ApiRequest, legacy: boolean): ApiResponse {
    const accept = header(req, 'accept') ?? '';
    if (/g=apidiscovery\.k8s\.io;v=v2;as=APIGroupDiscoveryList/.test(accept.replace(/\s+/g, ''))) {
      return { status: 200, headers: { 'content-type': AGGREGATED_DISCOVERY_CONTENT_TYPE, vary: 'Accept' }, body: aggregatedDiscovery(this.registry, legacy, this.externalGroups()) };
    }
    return json(200, legacy ? apiVersions() : apiGroupList(this.registry, this.externalGroups()));
  }

  /** API groups served outside the registry (aggregated APIs such as metrics.k8s.io). */
  private externalGroups() {
    return this.subresources.externalGroups?.() ?? [];
  }

  private requestOptions(req: ApiRequest, warnings: string[]): RequestOptions {
    const dryRun = queryParam(req, 'dryRun');
    if (dryRun !== undefined && dryRun !== 'All' && dryRun !== '') {
      throw new StatusError(
        errors.statusBody(400, 'BadRequest', `dryRun: Unsupported value: "${dryRun}": supported values: "All"`),
      );
    }
    const fv = queryParam(req, 'fieldValidation');
    let fieldValidation: FieldValidation = 'Warn';
    if (fv === 'Strict' || fv === 'Warn' || fv === 'Ignore') fieldValidation = fv;
    else if (fv) throw errors.badRequest(`fieldValidation: Unsupported value: "${fv}": supported values: "Ignore", "Strict", "Warn"`);
    return {
      user: req.user,
      dryRun: dryRun === 'All',
      fieldManager: queryParam(req, 'fieldManager'),
      fieldValidation,
      warnings,
      userAgent: header(req, 'user-agent'),
    };
  }

  private resource(req: ApiRequest, def: ResourceDef, rp: ResourcePath, opts: RequestOptions): ApiResponse {
    const ns = def.namespaced ? rp.namespace : undefined;
    const sub = rp.subresource;
    if (sub) return this.subresource(req, def, rp, opts);
    switch (req.method) {
      case 'GET': {
        if (rp.name !== undefined) {
          const obj = this.rest.get(def, ns, rp.name);
          return this.present(req, def, obj);
        }
        if (queryBool(req, 'watch')) return this.watch(req, def, ns);
        return this.list(req, def, ns);
      }
      case 'POST': {
        if (rp.name !== undefined) throw errors.methodNotSupported(def.group, def.plural, 'create');
        const body = this.body(req, def, opts);
        const created = this.rest.create(def, ns, body, opts);
        return json(201, created);
      }
      case 'PUT': {
        if (rp.name === undefined) throw errors.methodNotSupported(def.group, def.plural, 'update');
        const body = this.body(req, def, opts);
        const old = this.rest.tryGet(def, ns, rp.name);
        if (!old) {
          // PUT of a missing object creates it for kinds that allow create-on-update (not built-ins).
          throw errors.notFound(def.group, def.plural, rp.name);
        }
        const updated = this.rest.update(def, ns, rp.name, body, opts);
        return json(200, updated);
      }
      case 'PATCH': {
        if (rp.name === undefined) throw errors.methodNotSupported(def.group, def.plural, 'patch');
        return this.patch(req, def, ns, rp.name, opts);
      }
      case 'DELETE': {
        const delOpts = this.deleteOptions(req);
        if (rp.name === undefined) return this.deleteCollection(req, def, ns, delOpts, opts);
        const res = this.rest.delete(def, ns, rp.name, delOpts, opts);
        if (res.deleted && !returnsDeletedObject(def)) {
          return json(200, {
            kind: 'Status',
            apiVersion: 'v1',
            metadata: {},
            status: 'Success',
            details: { name: rp.name, group: def.group || undefined, kind: def.plural, uid: res.object.metadata!.uid },
          });
        }
        return json(200, res.object);
      }
    }
    throw errors.methodNotSupported(def.group, def.plural, String(req.method).toLowerCase());
  }

  private subresource(req: ApiRequest, def: ResourceDef, rp: ResourcePath, opts: RequestOptions): ApiResponse {
    const ns = def.namespaced ? rp.namespace : undefined;
    const name = rp.name!;
    const sub = rp.subresource!;
    const has = (def.subresources as Record<string, unknown> | undefined)?.[sub];
    if (!has) return statusResponse(errors.pathNotFound());
    switch (sub) {
      case 'status':
        if (req.method === 'GET') return this.present(req, def, this.rest.get(def, ns, name));
        if (req.method === 'PUT') return json(200, this.rest.update(def, ns, name, this.body(req, def, opts), opts, 'status'));
        if (req.method === 'PATCH') return this.patch(req, def, ns, name, opts, 'status');
        break;
      case 'finalize':
        if (req.method === 'PUT') return json(200, this.subresources.finalize!(this.rest, def, name, this.body(req, def, opts), opts));
        break;
      case 'scale': {
        const scale = def.subresources!.scale!;
        if (req.method === 'GET') return json(200, scaleOf(def, scale, this.rest.get(def, ns, name)));
        if (req.method === 'PUT' || req.method === 'PATCH') {
          return json(200, applyScale(this.rest, def, scale, ns, name, req, opts, (cur) => this.decodeScaleChange(req, cur)));
        }
        break;
      }
      case 'binding':
        if (req.method === 'POST') return json(201, bindPod(this.rest, def, ns!, name, this.rawBody(req), opts));
        break;
      default: {
        const handler = this.subresources.handlers?.[sub];
        if (handler) return handler(req, def, rp, opts, this.rest);
        return statusResponse(errors.pathNotFound());
      }
    }
    throw errors.methodNotSupported(def.group, `${def.plural}/${sub}`, req.method.toLowerCase());
  }

  private decodeScaleChange(req: ApiRequest, current: KubeObject): KubeObject {
    if (req.method === 'PUT') return this.rawBody(req) as KubeObject;
    const scaleDef: ResourceDef = { group: 'autoscaling', version: 'v1', kind: 'Scale', plural: 'scale', singular: 'scale', namespaced: true, verbs: [] };
    return patchObject(scaleDef, current, patchTypeOf(header(req, 'content-type')), this.rawBody(req));
  }

  /** Decoded request body for the kind, with strict/warn unknown-field handling. */
  private body(req: ApiRequest, def: ResourceDef, opts: RequestOptions): KubeObject {
    const obj = this.rawBody(req, def.kind) as KubeObject;
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
      throw errors.badRequest(`Object 'Kind' is missing in '${JSON.stringify(obj)}'`);
    }
    return checkDecodedFields(def, obj, opts);
  }

  private rawBody(req: ApiRequest, kind?: string): unknown {
    return decodeBody(req, this.maxBodyBytes, kind);
  }

  private patch(req: ApiRequest, def: ResourceDef, ns: string | undefined, name: string, opts: RequestOptions, sub?: 'status'): ApiResponse {
    const type = patchTypeOf(header(req, 'content-type'));
    if (!type) throw errors.unsupportedMediaType(PATCH_MEDIA_TYPES);
    if (type === 'apply' && this.subresources.apply) {
      const force = queryBool(req, 'force');
      const r = this.subresources.apply(this.rest, def, ns, name, this.rawBody(req), { ...opts, force }, sub);
      return json(r.created ? 201 : 200, r.object);
    }
    if (type === 'apply') {
      const r = applyPatch(this.rest, def, ns, name, req, opts, queryBool(req, 'force'), this.maxBodyBytes, sub);
      return json(r.created ? 201 : 200, r.object);
    }
    const current = this.rest.get(def, ns, name);
    const patched = patchObject(def, current, type, this.rawBody(req), opts.fieldValidation);
    const checked = checkDecodedFields(def, patched, opts);
    const updated = this.rest.update(def, ns, name, checked, opts, sub);
    return json(200, updated);
  }

  private deleteOptions(req: ApiRequest): DeleteOptions {
    let body: Record<string, unknown> = {};
    if (req.body !== undefined && req.body !== '' && !(req.body instanceof Uint8Array && req.body.length === 0)) {
      const b = decodeBody(req, this.maxBodyBytes);
      if (b && typeof b === 'object') body = b as Record<string, unknown>;
    }
    const out: DeleteOptions = {};
    const grace = queryParam(req, 'gracePeriodSeconds') ?? (body.gracePeriodSeconds as number | undefined);
    if (grace !== undefined && grace !== null) out.gracePeriodSeconds = Number(grace);
    const policy = queryParam(req, 'propagationPolicy') ?? (body.propagationPolicy as string | undefined);
    if (policy !== undefined) {
      if (policy !== 'Orphan' && policy !== 'Background' && policy !== 'Foreground') {
        throw new StatusError(
          errors.statusBody(422, 'Invalid', `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan", "nil"`),
        );
      }
      out.propagationPolicy = policy;
    }
    const orphan = queryParam(req, 'orphanDependents') ?? body.orphanDependents;
    if (orphan !== undefined) out.orphanDependents = orphan === true || orphan === 'true';
    if (body.preconditions && typeof body.preconditions === 'object') out.preconditions = body.preconditions as DeleteOptions['preconditions'];
    return out;
  }

  private deleteCollection(req: ApiRequest, def: ResourceDef, ns: string | undefined, delOpts: DeleteOptions, opts: RequestOptions): ApiResponse {
    const list = this.rest.list(def, ns, { labelSelector: queryParam(req, 'labelSelector'), fieldSelector: queryParam(req, 'fieldSelector') });
    const items: KubeObject[] = [];
    for (const o of list.items) {
      try {
        items.push(this.rest.delete(def, o.metadata!.namespace, o.metadata!.name!, delOpts, opts).object);
      } catch (e) {
        if (!(e instanceof StatusError && e.code === 404)) throw e;
      }
    }
    return json(200, { kind: `${def.kind}List`, apiVersion: groupVersion(def), metadata: { resourceVersion: String(this.rest.store.resourceVersion()) }, items });
  }

  private present(req: ApiRequest, def: ResourceDef, obj: KubeObject): ApiResponse {
    const shape = negotiate(header(req, 'accept'));
    if (shape === 'Table') {
      return json(200, toTable(def, [obj], this.clock.now(), { includeObject: includeObjectOf(req), resourceVersion: obj.metadata!.resourceVersion }));
    }
    if (shape === 'PartialObjectMetadata') return json(200, partialObjectMetadata(obj));
    return json(200, obj);
  }

  private list(req: ApiRequest, def: ResourceDef, ns: string | undefined): ApiResponse {
    const limit = queryParam(req, 'limit');
    const res = this.rest.list(def, ns, {
      labelSelector: queryParam(req, 'labelSelector'),
      fieldSelector: queryParam(req, 'fieldSelector'),
      limit: limit ? Number(limit) : undefined,
      continue: queryParam(req, 'continue'),
    });
    const shape = negotiate(header(req, 'accept'));
    if (shape === 'Table') {
      return json(
        200,
        toTable(def, res.items, this.clock.now(), {
          includeObject: includeObjectOf(req),
          resourceVersion: res.resourceVersion,
          continue: res.continue,
          remainingItemCount: res.remainingItemCount,
        }),
      );
    }
    const metadata: Record<string, unknown> = { resourceVersion: res.resourceVersion };
    if (res.continue) metadata.continue = res.continue;
    if (res.remainingItemCount !== undefined) metadata.remainingItemCount = res.remainingItemCount;
    if (shape === 'PartialObjectMetadataList' || shape === 'PartialObjectMetadata') {
      return json(200, { kind: 'PartialObjectMetadataList', apiVersion: 'meta.k8s.io/v1', metadata, items: res.items.map(partialObjectMetadata) });
    }
    return json(200, { kind: `${def.kind}List`, apiVersion: groupVersion(def), metadata, items: res.items });
  }

  private watch(req: ApiRequest, def: ResourceDef, ns: string | undefined): ApiResponse {
    const shape = negotiate(header(req, 'accept'));
    const include = includeObjectOf(req);
    const stream = new PushStream<WatchEvent>();
    const wrap = (o: KubeObject): unknown => {
      if (shape === 'Table') return toTable(def, [o], this.clock.now(), { includeObject: include, resourceVersion: o.metadata!.resourceVersion });
      if (shape === 'PartialObjectMetadata' || shape === 'PartialObjectMetadataList') return partialObjectMetadata(o);
      return o;
    };
    let stop: (() => void) | undefined;
    try {
      stop = this.rest.watch(
        def,
        ns,
        {
          labelSelector: queryParam(req, 'labelSelector'),
          fieldSelector: queryParam(req, 'fieldSelector'),
          resourceVersion: queryParam(req, 'resourceVersion'),
        },
        (type, obj) => stream.push({ type, object: wrap(obj) }),
      );
    } catch (e) {
      if (e instanceof StatusError && e.code === 410) {
        // Like the apiserver: 200 with a single ERROR event carrying the 410 Status, then close.
        stream.push({ type: 'ERROR', object: e.status });
        stream.end();
        return { status: 200, headers: { ...JSON_HEADERS, 'transfer-encoding': 'chunked' }, watch: stream };
      }
      throw e;
    }
    const timers: number[] = [];
    const timeout = queryParam(req, 'timeoutSeconds');
    if (timeout) timers.push(this.clock.setTimeout(() => stream.end(), Number(timeout) * 1000));
    if (queryBool(req, 'allowWatchBookmarks')) {
      const bookmark = () => {
        if (stream.closed) return;
        stream.push({
          type: 'BOOKMARK',
          object: { kind: def.kind, apiVersion: groupVersion(def), metadata: { resourceVersion: String(this.rest.store.resourceVersion()) } },
        });
        timers.push(this.clock.setTimeout(bookmark, 60_000));
      };
      timers.push(this.clock.setTimeout(bookmark, 60_000));
    }
    stream.onClose(() => {
      stop?.();
      for (const t of timers) this.clock.clearTimeout(t);
    });
    return { status: 200, headers: { ...JSON_HEADERS, 'transfer-encoding': 'chunked' }, watch: stream };
  }
}

function includeObjectOf(req: ApiRequest): IncludeObject {
  const v = queryParam(req, 'includeObject');
  return v === 'None' || v === 'Object' ? v : 'Metadata';
}

/** Kinds whose immediate delete answers with the object rather than a Status (ReturnDeletedObject). */
function returnsDeletedObject(def: ResourceDef): boolean {
  return def.group === '' && (def.plural === 'pods' || def.plural === 'services' || def.plural === 'namespaces');
}

export function json(status: number, body: unknown): ApiResponse {
  return { status, headers: { ...JSON_HEADERS }, body };
}

export function statusResponse(e: StatusError): ApiResponse {
  return { status: e.code, headers: { ...JSON_HEADERS }, body: e.status };
}
