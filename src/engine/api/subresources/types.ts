// Hooks for subresources served by parts of the engine outside the REST store (kubelet logs, eviction, …).

import type { ResourceDef } from '../../registry/types';
import type { ApiRequest, ApiResponse, KubeObject } from '../types';
import type { ResourcePath } from '../request';
import type { Rest } from '../rest/rest';
import type { RequestOptions } from '../rest/context';

/** A resource of an API group served outside the registry (an aggregated API such as metrics.k8s.io). */
export interface ExternalResource {
  name: string;
  singularName: string;
  namespaced: boolean;
  kind: string;
  verbs: string[];
  shortNames?: string[];
}

/** One version of an API group served outside the registry. */
export interface ExternalGroup {
  name: string;
  version: string;
  resources: ExternalResource[];
}

export type SubresourceHandler = (req: ApiRequest, def: ResourceDef, rp: ResourcePath, opts: RequestOptions, rest: Rest) => ApiResponse;

export interface Subresources {
  /** By subresource name: log, eviction, exec, attach, … */
  handlers?: Record<string, SubresourceHandler>;
  /** /openapi/v3 documents: '' is the index, 'api/v1', 'apis/apps/v1', … */
  openapi?: (path: string) => unknown | undefined;
  /** Groups served outside the registry (metrics.k8s.io): answer the request or return undefined. */
  external?: (req: ApiRequest, rp: ResourcePath) => ApiResponse | undefined;
  /** APIResourceList for such groups. */
  groupVersion?: (group: string, version: string) => unknown | undefined;
  /** Such groups as discovery lists them (`/apis`, aggregated discovery, `/apis/<group>`). */
  externalGroups?: () => readonly ExternalGroup[];
  /** namespaces/finalize. */
  finalize?: (rest: Rest, def: ResourceDef, name: string, body: KubeObject, opts: RequestOptions) => KubeObject;
  /** Server-side apply. */
  apply?: (
    rest: Rest,
    def: ResourceDef,
    namespace: string | undefined,
    name: string,
    body: unknown,
    opts: RequestOptions & { force: boolean },
    subresource?: 'status',
  ) => { object: KubeObject; created: boolean };
}
