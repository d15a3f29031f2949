// Loads the generated definitions (one JSON file per Go package) and answers lookups: a definition by
// name, the definition of a group/version/kind, and the `components.schemas` of a served document.
// Files are static imports for now; each is self-contained per package, so a worker can lazy-load later.

import apimachinery from './generated/apimachinery.json';
import appsV1 from './generated/apps.v1.json';
import authenticationV1 from './generated/authentication.v1.json';
import authorizationV1 from './generated/authorization.v1.json';
import autoscalingV1 from './generated/autoscaling.v1.json';
import autoscalingV2 from './generated/autoscaling.v2.json';
import batchV1 from './generated/batch.v1.json';
import coordinationV1 from './generated/coordination.v1.json';
import coreV1 from './generated/core.v1.json';
import discoveryV1 from './generated/discovery.v1.json';
import eventsV1 from './generated/events.v1.json';
import metricsV1beta1 from './generated/metrics.v1beta1.json';
import networkingV1 from './generated/networking.v1.json';
import nodeV1 from './generated/node.v1.json';
import policyV1 from './generated/policy.v1.json';
import rbacV1 from './generated/rbac.v1.json';
import schedulingV1 from './generated/scheduling.v1.json';
import storageV1 from './generated/storage.v1.json';
import { definitionPackage, groupVersionKey, packageFile, SCHEMA_GROUP_VERSIONS, type SchemaGroupVersion } from './group-versions';
import { REF_PREFIX, type Schema, type SchemaMap } from './types';

const FILES: Record<string, SchemaMap> = {
  apimachinery: apimachinery as unknown as SchemaMap,
  'apps.v1': appsV1 as unknown as SchemaMap,
  'authentication.v1': authenticationV1 as unknown as SchemaMap,
  'authorization.v1': authorizationV1 as unknown as SchemaMap,
  'autoscaling.v1': autoscalingV1 as unknown as SchemaMap,
  'autoscaling.v2': autoscalingV2 as unknown as SchemaMap,
  'batch.v1': batchV1 as unknown as SchemaMap,
  'coordination.v1': coordinationV1 as unknown as SchemaMap,
  'core.v1': coreV1 as unknown as SchemaMap,
  'discovery.v1': discoveryV1 as unknown as SchemaMap,
  'events.v1': eventsV1 as unknown as SchemaMap,
  'metrics.v1beta1': metricsV1beta1 as unknown as SchemaMap,
  'networking.v1': networkingV1 as unknown as SchemaMap,
  'node.v1': nodeV1 as unknown as SchemaMap,
  'policy.v1': policyV1 as unknown as SchemaMap,
  'rbac.v1': rbacV1 as unknown as SchemaMap,
  'scheduling.v1': schedulingV1 as unknown as SchemaMap,
  'storage.v1': storageV1 as unknown as SchemaMap,
};

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';
const DOCUMENT_META_ROOTS = ['APIResourceList', 'DeleteOptions', 'Patch', 'Status', 'WatchEvent'].map((k) => META + k);

/** A definition by its name ('io.k8s.api.apps.v1.Deployment'), or undefined. */
export function definition(name: string): Schema | undefined {
  let file: string;
  try {
    file = packageFile(definitionPackage(name));
  } catch {
    return undefined;
  }
  return FILES[file]?.[name];
}

/** The definition a `$ref` points at. */
export function resolveRef(ref: string): Schema | undefined {
  return ref.startsWith(REF_PREFIX) ? definition(ref.slice(REF_PREFIX.length)) : undefined;
}

let gvkIndex: Map<string, string> | undefined;

function gvkKey(group: string, version: string, kind: string): string {
  return `${group}/${version}/${kind}`;
}

/** Name and schema of the definition whose x-kubernetes-group-version-kind lists group/version/kind. */
export function schemaFor(group: string, version: string, kind: string): { name: string; schema: Schema } | undefined {
  if (!gvkIndex) {
    gvkIndex = new Map();
    for (const defs of Object.values(FILES)) {
      for (const [name, s] of Object.entries(defs)) {
        for (const gvk of s['x-kubernetes-group-version-kind'] ?? []) gvkIndex.set(gvkKey(gvk.group, gvk.version, gvk.kind), name);
      }
    }
  }
  const name = gvkIndex.get(gvkKey(group, version, kind));
  if (!name) return undefined;
  return { name, schema: definition(name)! };
}

/** Served group-versions: 'v1', 'apps/v1', …, 'metrics.k8s.io/v1beta1'. */
export function groupVersions(): string[] {
  return SCHEMA_GROUP_VERSIONS.map((gv) => groupVersionKey(gv.group, gv.version));
}

export function findGroupVersion(groupVersion: string): SchemaGroupVersion | undefined {
  return SCHEMA_GROUP_VERSIONS.find((gv) => groupVersionKey(gv.group, gv.version) === groupVersion);
}

const components = new Map<string, SchemaMap>();

/**
 * `components.schemas` of the document served for a group-version ('v1', 'apps/v1'): its kinds, their
 * lists, subresource kinds and the meta types, closed over $ref, keys sorted as upstream. Cached.
 */
export function componentsFor(groupVersion: string): SchemaMap {
  const cached = components.get(groupVersion);
  if (cached) return cached;
  const gv = findGroupVersion(groupVersion);
  if (!gv) throw new Error(`no schemas for group-version ${groupVersion}`);
  const roots: string[] = [];
  for (const kind of gv.kinds) roots.push(`${gv.pkg}.${kind}`);
  for (const kind of gv.listKinds ?? gv.kinds) roots.push(`${gv.pkg}.${kind}List`);
  roots.push(...(gv.extraRoots ?? []));
  if (!gv.pkg.startsWith('io.k8s.metrics.')) roots.push(...DOCUMENT_META_ROOTS);
  const names = new Set<string>();
  const stack = roots.filter((r) => definition(r) !== undefined);
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (names.has(name)) continue;
    names.add(name);
    pushRefs(definition(name), stack);
  }
  const out: SchemaMap = {};
  for (const name of [...names].sort()) {
    const s = definition(name);
    if (s) out[name] = s;
  }
  components.set(groupVersion, out);
  return out;
}

function pushRefs(s: unknown, out: string[]): void {
  if (Array.isArray(s)) {
    for (const x of s) pushRefs(x, out);
  } else if (s !== null && typeof s === 'object') {
    for (const [k, v] of Object.entries(s)) {
      if (k === '$ref' && typeof v === 'string') out.push(v.slice(REF_PREFIX.length));
      else if (typeof v === 'object') pushRefs(v, out);
    }
  }
}
