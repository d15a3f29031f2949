// API discovery: legacy APIVersions / APIGroupList / APIResourceList and aggregated discovery v2.
// mirrors: apiserver/pkg/endpoints/discovery (legacy and aggregated)

import type { Registry } from '../registry/registry';
import type { ResourceDef } from '../registry/types';
import { groupVersion } from '../registry/types';
import type { ExternalGroup } from './subresources/types';

interface SubresourceInfo {
  name: string;
  group: string;
  version: string;
  kind: string;
  verbs: string[];
}

const GET_PATCH_UPDATE = ['get', 'patch', 'update'];

/** The subresources a kind serves, with the kinds and verbs kube-apiserver advertises for them. */
export function subresourcesOf(def: ResourceDef): SubresourceInfo[] {
  const s = def.subresources ?? {};
  const self = { group: def.group, version: def.version, kind: def.kind };
  const out: SubresourceInfo[] = [];
  const add = (name: string, kind: { group: string; version: string; kind: string }, verbs: string[]) =>
    out.push({ name, ...kind, verbs });
  if (s.attach) add('attach', { group: '', version: 'v1', kind: 'PodAttachOptions' }, ['create', 'get']);
  if (s.binding) add('binding', { group: '', version: 'v1', kind: 'Binding' }, ['create']);
  if (s.ephemeralcontainers) add('ephemeralcontainers', self, GET_PATCH_UPDATE);
  if (s.eviction) add('eviction', { group: 'policy', version: 'v1', kind: 'Eviction' }, ['create']);
  if (s.exec) add('exec', { group: '', version: 'v1', kind: 'PodExecOptions' }, ['create', 'get']);
  if (s.finalize) add('finalize', self, ['update']);
  if (s.log) add('log', self, ['get']);
  if (s.portforward) add('portforward', { group: '', version: 'v1', kind: 'PodPortForwardOptions' }, ['create', 'get']);
  if (s.proxy) {
    const kind = def.kind === 'Pod' ? 'PodProxyOptions' : def.kind === 'Node' ? 'NodeProxyOptions' : 'ServiceProxyOptions';
    add('proxy', { group: '', version: 'v1', kind }, ['create', 'delete', 'get', 'patch', 'update']);
  }
  if (s.resize) add('resize', self, GET_PATCH_UPDATE);
  if (s.scale) add('scale', { group: 'autoscaling', version: 'v1', kind: 'Scale' }, GET_PATCH_UPDATE);
  if (s.status) add('status', self, GET_PATCH_UPDATE);
  if (s.token) add('token', { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest' }, ['create']);
  return out;
}

/** A stable pseudo storage-version hash per resource (clients only compare it). */
function storageVersionHash(def: ResourceDef): string {
  let h = 0x811c9dc5;
  const s = `${groupVersion(def)}/${def.kind}`;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  const bytes = [h >>> 24, (h >>> 16) & 255, (h >>> 8) & 255, h & 255, (h * 31) & 255, (h >>> 3) & 255, (h >>> 11) & 255, (h >>> 19) & 255];
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < 6; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += A[n >> 18] + A[(n >> 12) & 63] + A[(n >> 6) & 63] + A[n & 63];
  }
  const n = (bytes[6] << 16) | (bytes[7] << 8);
  return out + A[n >> 18] + A[(n >> 12) & 63] + A[(n >> 6) & 63] + '=';
}

function sortedDefs(defs: readonly ResourceDef[]): ResourceDef[] {
  return [...defs].sort((a, b) => (a.plural < b.plural ? -1 : a.plural > b.plural ? 1 : 0));
}

export function apiVersions(): unknown {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '172.18.0.2:6443' }],
  };
}

export function apiGroupList(registry: Registry, external: readonly ExternalGroup[] = []): unknown {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: [...groupsOf(registry).map((g) => apiGroup(registry, g.name)), ...externalGroupNames(external).map((g) => apiGroup(registry, g, external))],
  };
}

/** Groups served outside the registry, each once, in the order given (aggregated APIs come last). */
function externalGroupNames(external: readonly ExternalGroup[]): string[] {
  return [...new Set(external.map((g) => g.name))];
}

function groupsOf(registry: Registry): { name: string; versions: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const { group, version } of registry.groupVersions()) {
    if (!group) continue;
    const vs = groups.get(group) ?? [];
    if (!vs.includes(version)) vs.push(version);
    groups.set(group, vs);
  }
  return [...groups].map(([name, versions]) => ({ name, versions }));
}

export function apiGroup(registry: Registry, group: string, external: readonly ExternalGroup[] = []): unknown | undefined {
  let g = groupsOf(registry).find((x) => x.name === group);
  if (!g) {
    const versions = external.filter((x) => x.name === group).map((x) => x.version);
    if (versions.length) g = { name: group, versions };
  }
  if (!g) return undefined;
  const versions = g.versions.map((v) => ({ groupVersion: `${group}/${v}`, version: v }));
  return { kind: 'APIGroup', apiVersion: 'v1', name: group, versions, preferredVersion: versions[0] };
}

export function apiResourceList(registry: Registry, group: string, version: string): unknown | undefined {
  const defs = registry.all().filter((d) => d.group === group && d.version === version);
  if (defs.length === 0) return undefined;
  const resources: unknown[] = [];
  for (const d of sortedDefs(defs)) {
    const r: Record<string, unknown> = {
      name: d.plural,
      singularName: d.singular,
      namespaced: d.namespaced,
      kind: d.kind,
      verbs: d.verbs,
    };
    if (d.shortNames?.length) r.shortNames = d.shortNames;
    if (d.categories?.length) r.categories = d.categories;
    r.storageVersionHash = storageVersionHash(d);
    resources.push(r);
    for (const s of subresourcesOf(d)) {
      const sr: Record<string, unknown> = { name: `${d.plural}/${s.name}`, singularName: '', namespaced: d.namespaced };
      // A subresource of another group-version names both (pods/eviction → policy, v1).
      if (s.group !== d.group || s.version !== d.version) {
        sr.group = s.group;
        sr.version = s.version;
      }
      sr.kind = s.kind;
      sr.verbs = s.verbs;
      resources.push(sr);
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources };
}

/** APIResourceList of a group-version served outside the registry. */
export function externalResourceList(external: readonly ExternalGroup[], group: string, version: string): unknown | undefined {
  const g = external.find((x) => x.name === group && x.version === version);
  if (!g) return undefined;
  const resources = g.resources.map((r) => {
    const out: Record<string, unknown> = { name: r.name, singularName: r.singularName, namespaced: r.namespaced, kind: r.kind, verbs: r.verbs };
    if (r.shortNames?.length) out.shortNames = r.shortNames;
    return out;
  });
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: `${group}/${version}`, resources };
}

/** Aggregated discovery (apidiscovery.k8s.io/v2): legacy=true for /api, false for /apis. */
export function aggregatedDiscovery(registry: Registry, legacy: boolean, external: readonly ExternalGroup[] = []): unknown {
  const byGroup = new Map<string, Map<string, ResourceDef[]>>();
  for (const d of registry.all()) {
    if (legacy !== (d.group === '')) continue;
    let versions = byGroup.get(d.group);
    if (!versions) byGroup.set(d.group, (versions = new Map()));
    let defs = versions.get(d.version);
    if (!defs) versions.set(d.version, (defs = []));
    defs.push(d);
  }
  const items: unknown[] = [...byGroup].map(([group, versions]) => ({
    metadata: { name: group, creationTimestamp: null },
    versions: [...versions].map(([version, defs]) => ({
      version,
      resources: sortedDefs(defs).map((d) => {
        const r: Record<string, unknown> = {
          resource: d.plural,
          responseKind: { group: d.group, version: d.version, kind: d.kind },
          scope: d.namespaced ? 'Namespaced' : 'Cluster',
          singularResource: d.singular,
          verbs: d.verbs,
        };
        if (d.shortNames?.length) r.shortNames = d.shortNames;
        if (d.categories?.length) r.categories = d.categories;
        const subs = subresourcesOf(d);
        if (subs.length) {
          r.subresources = subs.map((s) => ({
            subresource: s.name,
            responseKind: { group: s.group, version: s.version, kind: s.kind },
            verbs: s.verbs,
          }));
        }
        return r;
      }),
      freshness: 'Current',
    })),
  }));
  if (!legacy) {
    for (const name of externalGroupNames(external)) {
      items.push({
        metadata: { name, creationTimestamp: null },
        versions: external
          .filter((g) => g.name === name)
          .map((g) => ({
            version: g.version,
            resources: g.resources.map((r) => {
              const out: Record<string, unknown> = {
                resource: r.name,
                responseKind: { group: g.name, version: g.version, kind: r.kind },
                scope: r.namespaced ? 'Namespaced' : 'Cluster',
                singularResource: r.singularName,
                verbs: r.verbs,
              };
              if (r.shortNames?.length) out.shortNames = r.shortNames;
              return out;
            }),
            freshness: 'Current',
          })),
      });
    }
  }
  return { kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {}, items };
}

export const AGGREGATED_DISCOVERY_CONTENT_TYPE = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';
