// The OpenAPI v3 document kube-apiserver serves for one group-version (/openapi/v3/api/v1,
// /openapi/v3/apis/<group>/<version>): paths for every resource and subresource, shaped like upstream's
// (operationIds, parameters, PATCH bodies with x-kubernetes-group-version-kind — what makes kubectl send
// fieldValidation=Strict and build strategic merge patches), plus the components of registry.ts.
// mirrors: staging/src/k8s.io/apiserver/pkg/endpoints/installer.go (registerResourceHandlers).

import { componentsFor, findGroupVersion } from '../registry';
import type { SchemaMap } from '../types';
import {
  assemblePath, bodyOf, DELETE_BODY, type Method, NAMESPACE_PARAM, objectResponses, operation, type Operation,
  optionParams, type Parameter, PATCH_BODY, pathParam, type PathItem, PRETTY_PARAM, streamResponses, stringResponses,
} from './operations';

export interface OpenApiSubresource {
  name: string;
  kind: string;
  group: string;
  version: string;
  verbs: string[];
}

export interface OpenApiResource {
  plural: string;
  kind: string;
  namespaced: boolean;
  verbs: string[];
  subresources: OpenApiSubresource[];
}

export interface OpenApiDocument {
  openapi: '3.0.0';
  info: { title: string; version: string };
  paths: Record<string, PathItem>;
  components: { schemas: SchemaMap };
}

export interface DocumentOptions {
  /** info.version; the apiserver puts its gitVersion there. */
  serverVersion?: string;
}

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';
/** Resources whose DELETE answers with the deleted object rather than a Status (ReturnDeletedObject). */
const DELETE_RETURNS_OBJECT = new Set([
  'v1/persistentvolumeclaims', 'v1/persistentvolumes', 'v1/pods', 'v1/podtemplates', 'v1/resourcequotas',
  'v1/serviceaccounts', 'v1/services', 'storage.k8s.io/v1/csidrivers', 'storage.k8s.io/v1/csinodes',
  'storage.k8s.io/v1/storageclasses', 'storage.k8s.io/v1/volumeattachments',
]);
const PROXY_METHODS: Method[] = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];
const STREAM_METHODS: Method[] = ['get', 'post'];

/** 'rbac.authorization.k8s.io' + 'v1' → 'RbacAuthorizationV1'; core → 'CoreV1'. */
function gvToken(group: string, version: string): string {
  const parts = group === '' ? ['core'] : group.replace(/\.k8s\.io$/, '').split('.');
  return parts.map(cap).join('') + cap(version);
}

/** The operations' tag: 'core_v1', 'apps_v1', 'rbacAuthorization_v1'. */
function gvTag(group: string, version: string): string {
  const token = gvToken(group, version).slice(0, -version.length);
  return token.charAt(0).toLowerCase() + token.slice(1) + '_' + version;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** ' a ', ' an ', or ' ' for plural-looking nouns ('Endpoints'), as the installer words descriptions. */
function article(noun: string): string {
  if (!noun.endsWith('ss') && noun.endsWith('s')) return ' ';
  return 'AEIOUaeiou'.includes(noun[0]) ? ' an ' : ' a ';
}

/** The full document for `groupVersion` ('v1', 'apps/v1') serving `resources`. */
export function buildOpenApiDocument(groupVersion: string, resources: readonly OpenApiResource[], opts: DocumentOptions = {}): OpenApiDocument {
  const gv = findGroupVersion(groupVersion);
  if (!gv) throw new Error(`no schemas for group-version ${groupVersion}`);
  const prefix = gv.group === '' ? `/api/${gv.version}` : `/apis/${gv.group}/${gv.version}`;
  const paths: Record<string, PathItem> = {};
  const ctx: Ctx = { group: gv.group, version: gv.version, pkg: gv.pkg, prefix, token: gvToken(gv.group, gv.version), tags: [gvTag(gv.group, gv.version)], paths };
  paths[prefix + '/'] = {
    get: operation({
      tags: ctx.tags,
      description: 'get available resources',
      operationId: `get${ctx.token}APIResources`,
      responses: objectResponses(META + 'APIResourceList', ['200']),
    }),
  };
  for (const r of resources) addResource(ctx, r);
  const sorted: Record<string, PathItem> = {};
  for (const p of Object.keys(paths).sort()) sorted[p] = paths[p];
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: opts.serverVersion ?? 'v1.32.4' },
    paths: sorted,
    components: { schemas: componentsFor(groupVersion) },
  };
}

interface Ctx {
  group: string;
  version: string;
  pkg: string;
  prefix: string;
  token: string;
  tags: string[];
  paths: Record<string, PathItem>;
}

function addResource(ctx: Ctx, r: OpenApiResource): void {
  const kindDef = `${ctx.pkg}.${r.kind}`;
  const listDef = `${ctx.pkg}.${r.kind}List`;
  const gvk = { group: ctx.group, version: ctx.version, kind: r.kind };
  const verbs = new Set(r.verbs);
  const scope = r.namespaced ? 'Namespaced' : '';
  const base = r.namespaced ? `${ctx.prefix}/namespaces/{namespace}/${r.plural}` : `${ctx.prefix}/${r.plural}`;
  const scopeParams = r.namespaced ? [NAMESPACE_PARAM] : [];
  const nameParam = pathParam('name', `name of the ${r.kind}`);
  const op = (o: Omit<Operation, 'tags'>): Operation => operation({ tags: ctx.tags, ...o });
  const withPretty = (...lists: Parameter[][]) => [...lists.flat(), PRETTY_PARAM];
  const listParams = optionParams('ListOptions');

  // Collection: list, create, deletecollection.
  const collection: Partial<Record<Method, Operation>> = {};
  const listDescription = `${verbs.has('watch') ? 'list or watch' : 'list'} objects of kind ${r.kind}`;
  if (verbs.has('list')) {
    collection.get = op({
      description: listDescription,
      operationId: `list${ctx.token}${scope}${r.kind}`,
      parameters: withPretty(scopeParams, listParams),
      responses: streamResponses(listDef),
      'x-kubernetes-action': 'list',
      'x-kubernetes-group-version-kind': gvk,
    });
  }
  if (verbs.has('create')) {
    collection.post = op({
      description: `create${article(r.kind)}${r.kind}`,
      operationId: `create${ctx.token}${scope}${r.kind}`,
      parameters: withPretty(scopeParams, optionParams('CreateOptions')),
      requestBody: bodyOf(kindDef, true),
      responses: objectResponses(kindDef, ['200', '201', '202']),
      'x-kubernetes-action': 'post',
      'x-kubernetes-group-version-kind': gvk,
    });
  }
  if (verbs.has('deletecollection')) {
    collection.delete = op({
      description: `delete collection of ${r.kind}`,
      operationId: `delete${ctx.token}Collection${scope}${r.kind}`,
      parameters: withPretty(scopeParams, optionParams('DeleteOptions'), optionParams('ListOptions', ['watch', 'allowWatchBookmarks'])),
      requestBody: DELETE_BODY,
      responses: objectResponses(META + 'Status', ['200']),
      'x-kubernetes-action': 'deletecollection',
      'x-kubernetes-group-version-kind': gvk,
    });
  }
  addPath(ctx, base, collection);

  // One object: get, update, delete, patch.
  const item: Partial<Record<Method, Operation>> = {};
  const itemParams = [nameParam, ...scopeParams];
  if (verbs.has('get')) {
    item.get = op({
      description: `read the specified ${r.kind}`,
      operationId: `read${ctx.token}${scope}${r.kind}`,
      parameters: withPretty(itemParams),
      responses: objectResponses(kindDef, ['200']),
      'x-kubernetes-action': 'get',
      'x-kubernetes-group-version-kind': gvk,
    });
  }
  if (verbs.has('update')) item.put = replaceOp(ctx, `replace the specified ${r.kind}`, `replace${ctx.token}${scope}${r.kind}`, itemParams, kindDef, gvk);
  if (verbs.has('delete')) {
    const key = `${ctx.group ? ctx.group + '/' : ''}${ctx.version}/${r.plural}`;
    item.delete = op({
      description: `delete${article(r.kind)}${r.kind}`,
      operationId: `delete${ctx.token}${scope}${r.kind}`,
      parameters: withPretty(itemParams, optionParams('DeleteOptions')),
      requestBody: DELETE_BODY,
      responses: objectResponses(DELETE_RETURNS_OBJECT.has(key) ? kindDef : META + 'Status', ['200', '202']),
      'x-kubernetes-action': 'delete',
      'x-kubernetes-group-version-kind': gvk,
    });
  }
  if (verbs.has('patch')) item.patch = patchOp(ctx, `partially update the specified ${r.kind}`, `patch${ctx.token}${scope}${r.kind}`, itemParams, kindDef, gvk);
  addPath(ctx, `${base}/{name}`, item);

  // Deprecated watch paths and the all-namespaces list.
  const watchParams = [...listParams, PRETTY_PARAM];
  if (verbs.has('watch')) {
    const watchResponses = streamResponses(META + 'WatchEvent');
    const watchBase = r.namespaced ? `${ctx.prefix}/watch/namespaces/{namespace}/${r.plural}` : `${ctx.prefix}/watch/${r.plural}`;
    addPath(ctx, watchBase, {
      get: op({
        description: `watch individual changes to a list of ${r.kind}. deprecated: use the 'watch' parameter with a list operation instead.`,
        operationId: `watch${ctx.token}${scope}${r.kind}List`,
        parameters: [...scopeParams, ...watchParams],
        responses: watchResponses,
        'x-kubernetes-action': 'watchlist',
        'x-kubernetes-group-version-kind': gvk,
      }),
    });
    addPath(ctx, `${watchBase}/{name}`, {
      get: op({
        description: `watch changes to an object of kind ${r.kind}. deprecated: use the 'watch' parameter with a list operation instead, filtered to a single item with the 'fieldSelector' parameter.`,
        operationId: `watch${ctx.token}${scope}${r.kind}`,
        parameters: [...itemParams, ...watchParams],
        responses: watchResponses,
        'x-kubernetes-action': 'watch',
        'x-kubernetes-group-version-kind': gvk,
      }),
    });
    if (r.namespaced) {
      addPath(ctx, `${ctx.prefix}/watch/${r.plural}`, {
        get: op({
          description: `watch individual changes to a list of ${r.kind}. deprecated: use the 'watch' parameter with a list operation instead.`,
          operationId: `watch${ctx.token}${r.kind}ListForAllNamespaces`,
          parameters: watchParams,
          responses: watchResponses,
          'x-kubernetes-action': 'watchlist',
          'x-kubernetes-group-version-kind': gvk,
        }),
      });
    }
  }
  if (r.namespaced && verbs.has('list')) {
    addPath(ctx, `${ctx.prefix}/${r.plural}`, {
      get: op({
        description: listDescription,
        operationId: `list${ctx.token}${r.kind}ForAllNamespaces`,
        parameters: watchParams,
        responses: streamResponses(listDef),
        'x-kubernetes-action': 'list',
        'x-kubernetes-group-version-kind': gvk,
      }),
    });
  }

  for (const sub of r.subresources) addSubresource(ctx, r, sub, `${base}/{name}/${sub.name}`, scopeParams);
}

function addSubresource(ctx: Ctx, r: OpenApiResource, sub: OpenApiSubresource, path: string, scopeParams: Parameter[]): void {
  const gvk = { group: sub.group, version: sub.version, kind: sub.kind };
  const subPkg = findGroupVersion(sub.group === '' ? sub.version : `${sub.group}/${sub.version}`)?.pkg ?? ctx.pkg;
  const def = `${subPkg}.${sub.kind}`;
  const scope = r.namespaced ? 'Namespaced' : '';
  const suffix = cap(sub.name);
  const params = [pathParam('name', `name of the ${sub.kind}`), ...scopeParams];
  const verbs = new Set(sub.verbs);
  const op = (o: Omit<Operation, 'tags'>): Operation => operation({ tags: ctx.tags, ...o });

  if (sub.kind.endsWith('Options')) {
    // connect: exec, attach, portforward, proxy — plain HTTP handlers with the options as query parameters.
    const methods = sub.name === 'proxy' ? PROXY_METHODS : STREAM_METHODS;
    const query = optionParams(sub.kind);
    const connect = (withPath: boolean) => {
      const ops: Partial<Record<Method, Operation>> = {};
      const extra = withPath ? [pathParam('path', 'path to the resource')] : [];
      for (const m of methods) {
        ops[m] = op({
          description: `connect ${m.toUpperCase()} requests to ${sub.name} of ${r.kind}`,
          operationId: `connect${ctx.token}${cap(m)}${scope}${r.kind}${suffix}${withPath ? 'WithPath' : ''}`,
          parameters: [...params, ...extra, ...query],
          responses: stringResponses(false),
          'x-kubernetes-action': 'connect',
          'x-kubernetes-group-version-kind': gvk,
        });
      }
      return ops;
    };
    addPath(ctx, path, connect(false));
    if (sub.name === 'proxy') addPath(ctx, `${path}/{path}`, connect(true));
    return;
  }

  const ops: Partial<Record<Method, Operation>> = {};
  if (verbs.has('get')) {
    const log = sub.name === 'log';
    ops.get = op({
      description: `read ${sub.name} of the specified ${r.kind}`,
      operationId: `read${ctx.token}${scope}${r.kind}${suffix}`,
      parameters: [...params, ...(log ? optionParams('PodLogOptions') : []), PRETTY_PARAM],
      responses: log ? stringResponses(true) : objectResponses(def, ['200']),
      'x-kubernetes-action': 'get',
      'x-kubernetes-group-version-kind': gvk,
    });
  }
  if (verbs.has('update')) ops.put = replaceOp(ctx, `replace ${sub.name} of the specified ${r.kind}`, `replace${ctx.token}${scope}${r.kind}${suffix}`, params, def, gvk);
  if (verbs.has('create')) {
    ops.post = op({
      description: `create ${sub.name} of${article(r.kind)}${r.kind}`,
      operationId: `create${ctx.token}${scope}${r.kind}${suffix}`,
      parameters: [...params, ...optionParams('CreateOptions'), PRETTY_PARAM],
      requestBody: bodyOf(def, true),
      responses: objectResponses(def, ['200', '201', '202']),
      'x-kubernetes-action': 'post',
      'x-kubernetes-group-version-kind': gvk,
    });
  }
  if (verbs.has('patch')) ops.patch = patchOp(ctx, `partially update ${sub.name} of the specified ${r.kind}`, `patch${ctx.token}${scope}${r.kind}${suffix}`, params, def, gvk);
  addPath(ctx, path, ops);
}

type Gvk = { group: string; version: string; kind: string };

function replaceOp(ctx: Ctx, description: string, operationId: string, params: Parameter[], def: string, gvk: Gvk): Operation {
  return operation({
    tags: ctx.tags,
    description,
    operationId,
    parameters: [...params, ...optionParams('UpdateOptions'), PRETTY_PARAM],
    requestBody: bodyOf(def, true),
    responses: objectResponses(def, ['200', '201']),
    'x-kubernetes-action': 'put',
    'x-kubernetes-group-version-kind': gvk,
  });
}

function patchOp(ctx: Ctx, description: string, operationId: string, params: Parameter[], def: string, gvk: Gvk): Operation {
  return operation({
    tags: ctx.tags,
    description,
    operationId,
    parameters: [...params, ...optionParams('PatchOptions'), PRETTY_PARAM],
    requestBody: PATCH_BODY,
    responses: objectResponses(def, ['200', '201']),
    'x-kubernetes-action': 'patch',
    'x-kubernetes-group-version-kind': gvk,
  });
}

function addPath(ctx: Ctx, path: string, ops: Partial<Record<Method, Operation>>): void {
  if (Object.keys(ops).length === 0) return;
  ctx.paths[path] = assemblePath(ops);
}
