// The /openapi/v3 index: one entry per served document with a content hash in its URL, which kubectl
// uses as a cache key (it refetches a document only when the hash changes).
// mirrors: k8s.io/kube-openapi pkg/handler3 (OpenAPIV3Discovery; upstream hashes with SHA-512).

import { componentsFor } from '../registry';
import type { OpenApiDocument } from './document';

export interface OpenApiRoot {
  paths: Record<string, { serverRelativeURL: string }>;
}

/** Path of a group-version's document under /openapi/v3: 'api/v1', 'apis/apps/v1'. */
export function documentPath(groupVersion: string): string {
  return groupVersion.includes('/') ? `apis/${groupVersion}` : `api/${groupVersion}`;
}

/**
 * 128-bit deterministic hash of a string as 32 upper-case hex digits: four FNV-1a lanes with different
 * offsets, mixed at the end. Not cryptographic; only needs to change when the content does.
 */
export function contentHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  let c = 0x9e3779b9;
  let d = 0x85ebca6b;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    a = Math.imul(a ^ ch, 0x01000193);
    b = Math.imul(b ^ ch, 0x01000193) + i;
    c = Math.imul(c ^ ch, 0x0100019d);
    d = Math.imul(d + ch, 0x5bd1e995) ^ (d >>> 15);
  }
  const mix = (x: number, y: number) => {
    let h = Math.imul(x ^ (y >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  };
  return [mix(a, d), mix(b, a), mix(c, b), mix(d, c)].map((x) => x.toString(16).toUpperCase().padStart(8, '0')).join('');
}

const componentHashes = new Map<string, string>();

function componentsHash(groupVersion: string): string {
  let h = componentHashes.get(groupVersion);
  if (!h) {
    h = contentHash(JSON.stringify(componentsFor(groupVersion)));
    componentHashes.set(groupVersion, h);
  }
  return h;
}

/**
 * The /openapi/v3 index. Given documents, each entry hashes its serialized document; given only
 * group-versions, it hashes their schemas (enough while the served paths only change with the build).
 */
export function openApiRoot(groupVersions: readonly string[] | Readonly<Record<string, OpenApiDocument>>): OpenApiRoot {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  const entries: [string, string][] = Array.isArray(groupVersions)
    ? (groupVersions as readonly string[]).map((gv) => [gv, componentsHash(gv)])
    : Object.entries(groupVersions as Record<string, OpenApiDocument>).map(([gv, doc]) => [gv, contentHash(JSON.stringify(doc))]);
  for (const [gv, hash] of entries.sort((x, y) => (documentPath(x[0]) < documentPath(y[0]) ? -1 : 1))) {
    const path = documentPath(gv);
    paths[path] = { serverRelativeURL: `/openapi/v3/${path}?hash=${hash}` };
  }
  return { paths };
}
