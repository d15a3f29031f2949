// Parsing of request paths and query parameters into what the REST layer needs.

import type { ApiRequest } from './types';

export interface ResourcePath {
  group: string;
  version: string;
  namespace?: string;
  resource: string;
  name?: string;
  subresource?: string;
}

/** /api/v1/namespaces/ns/pods/name/status → parts; undefined for non-resource paths. */
export function parseResourcePath(path: string): ResourcePath | undefined {
  const segs = path.split('/').filter((s) => s.length > 0).map(decodeURIComponent);
  let group = '';
  let version: string;
  let rest: string[];
  if (segs[0] === 'api' && segs.length >= 3) {
    version = segs[1];
    rest = segs.slice(2);
  } else if (segs[0] === 'apis' && segs.length >= 4) {
    group = segs[1];
    version = segs[2];
    rest = segs.slice(3);
  } else return undefined;
  if (rest[0] === 'watch') rest = rest.slice(1); // legacy /watch/ prefix
  if (rest.length === 0) return undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3 && !(group === '' && rest.length === 3 && (rest[2] === 'status' || rest[2] === 'finalize'))) {
    const [, namespace, resource, name, subresource, ...extra] = rest;
    if (extra.length && subresource !== 'proxy') return undefined;
    return { group, version, namespace, resource, name, subresource };
  }
  const [resource, name, subresource, ...extra] = rest;
  if (extra.length && subresource !== 'proxy') return undefined;
  return { group, version, resource, name, subresource };
}

export function queryParam(req: ApiRequest, key: string): string | undefined {
  const v = req.query?.[key];
  if (Array.isArray(v)) return v[0];
  return v;
}

export function queryAll(req: ApiRequest, key: string): string[] {
  const v = req.query?.[key];
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

export function queryBool(req: ApiRequest, key: string): boolean {
  const v = queryParam(req, key);
  return v === 'true' || v === '1';
}

export function header(req: ApiRequest, name: string): string | undefined {
  return req.headers?.[name.toLowerCase()];
}
