// kubectl's RESTMapper: what a type argument (po, pods, deploy.apps, Deployment) refers to, from discovery.
// mirrors: client-go/restmapper (shortcut expansion, priority of groups), cli-runtime resource builder

import type { ApiClient } from '../api-client';

export interface ResourceInfo {
  group: string;
  version: string;
  /** Plural resource name. */
  resource: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  subresources: string[];
}

export function groupVersionOf(r: { group: string; version: string }): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

/** `deployments.apps` / `pods` — how kubectl names a resource in messages. */
export function qualifiedResource(r: { group: string; resource: string }): string {
  return r.group ? `${r.resource}.${r.group}` : r.resource;
}

/** `deployment.apps` / `pod` — kind in lower case with the group, as in `deployment.apps/web created`. */
export function kindGroup(r: { group: string; kind: string }): string {
  return r.group ? `${r.kind.toLowerCase()}.${r.group}` : r.kind.toLowerCase();
}

export class UnknownResourceError extends Error {
  constructor(readonly type: string) {
    super(`the server doesn't have a resource type "${type}"`);
  }
}

/** Discovery-backed lookups, fetched once per session (like kubectl's discovery cache). */
export class RESTMapper {
  private resources?: ResourceInfo[];
  private groupOrder: string[] = [];

  constructor(private readonly client: ApiClient) {}

  invalidate(): void {
    this.resources = undefined;
  }

  async all(): Promise<ResourceInfo[]> {
    if (this.resources) return this.resources;
    const accept = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';
    const out: ResourceInfo[] = [];
    const order: string[] = [];
    for (const path of ['/api', '/apis']) {
      const res = await this.client.request({ method: 'GET', path, query: { timeout: '32s' }, headers: { accept } });
      if (res.status !== 200) continue;
      const body = res.body as { kind?: string; items?: DiscoveryGroup[] };
      if (body.kind !== 'APIGroupDiscoveryList') continue;
      for (const g of body.items ?? []) {
        order.push(g.metadata.name);
        // The first version listed is the preferred one.
        const v = g.versions[0];
        if (!v) continue;
        for (const versions of g.versions) {
          for (const r of versions.resources) {
            out.push({
              group: g.metadata.name,
              version: versions.version,
              resource: r.resource,
              singular: r.singularResource ?? r.resource,
              kind: r.responseKind?.kind ?? '',
              namespaced: r.scope === 'Namespaced',
              shortNames: r.shortNames ?? [],
              categories: r.categories ?? [],
              verbs: r.verbs ?? [],
              subresources: (r.subresources ?? []).map((s) => s.subresource),
            });
          }
        }
      }
    }
    this.groupOrder = order;
    this.resources = out;
    return out;
  }

  /** Preferred version only, in discovery order. */
  async preferred(): Promise<ResourceInfo[]> {
    const all = await this.all();
    const seen = new Set<string>();
    const out: ResourceInfo[] = [];
    const preferredVersion = new Map<string, string>();
    for (const r of all) if (!preferredVersion.has(r.group)) preferredVersion.set(r.group, r.version);
    for (const r of all) {
      if (preferredVersion.get(r.group) !== r.version) continue;
      const k = `${r.group}/${r.resource}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(r);
    }
    return out;
  }

  /**
   * Resolves a type argument: plural, singular, short name or kind, optionally with `.group` or
   * `.version.group`. Core and well-known groups win ties, like kubectl's priority RESTMapper.
   */
  async lookup(arg: string): Promise<ResourceInfo> {
    const list = await this.preferred();
    const lower = arg.toLowerCase();
    const match = (r: ResourceInfo, name: string) =>
      r.resource === name || r.singular === name || r.shortNames.includes(name) || r.kind.toLowerCase() === name;
    // Unqualified first.
    let hits = list.filter((r) => match(r, lower));
    if (hits.length === 0 && lower.includes('.')) {
      const [name, ...rest] = lower.split('.');
      const suffix = rest.join('.');
      hits = list.filter((r) => match(r, name) && (r.group === suffix || `${r.version}.${r.group}` === suffix || (suffix === 'v1' && r.group === '' && r.version === 'v1')));
      if (hits.length === 0) {
        const all = await this.all();
        hits = all.filter((r) => match(r, name) && (r.group === suffix || `${r.version}.${r.group}` === suffix));
      }
    }
    if (hits.length === 0) throw new UnknownResourceError(arg);
    // Exact plural/singular/short beats kind match; earlier groups win (core first).
    hits.sort((a, b) => rank(a, lower) - rank(b, lower) || this.groupRank(a.group) - this.groupRank(b.group));
    return hits[0];
  }

  private groupRank(g: string): number {
    const i = this.groupOrder.indexOf(g);
    return i < 0 ? 1000 : i;
  }

  /** All resources in a category (`all` → pods, services, deployments, …). */
  async category(name: string): Promise<ResourceInfo[]> {
    return (await this.preferred()).filter((r) => r.categories.includes(name));
  }

  async forKind(apiVersion: string, kind: string): Promise<ResourceInfo | undefined> {
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
    return (await this.all()).find((r) => r.group === group && r.version === version && r.kind === kind);
  }

  async groupKnown(group: string): Promise<boolean> {
    await this.all();
    return this.groupOrder.includes(group);
  }
}

function rank(r: ResourceInfo, name: string): number {
  if (r.resource === name) return 0;
  if (r.singular === name) return 1;
  if (r.shortNames.includes(name)) return 2;
  return 3;
}

interface DiscoveryGroup {
  metadata: { name: string };
  versions: {
    version: string;
    resources: {
      resource: string;
      responseKind?: { group: string; version: string; kind: string };
      scope: string;
      singularResource?: string;
      verbs?: string[];
      shortNames?: string[];
      categories?: string[];
      subresources?: { subresource: string }[];
    }[];
  }[];
}
