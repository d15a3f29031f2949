// /openapi/v3: the index and one document per served group-version, built from the schema source.

import type { Registry } from '../../registry/registry';
import { groupVersion } from '../../registry/types';
import { buildOpenApiDocument, openApiRoot } from '../../schema/index';
import { subresourcesOf } from '../discovery';

export function openApiProvider(registry: Registry): (path: string) => unknown | undefined {
  const cache = new Map<string, unknown>();
  const docFor = (gv: string): unknown => {
    let doc = cache.get(gv);
    if (doc) return doc;
    const resources = registry
      .all()
      .filter((d) => groupVersion(d) === gv)
      .map((d) => ({
        plural: d.plural,
        kind: d.kind,
        namespaced: d.namespaced,
        verbs: d.verbs,
        subresources: subresourcesOf(d).map((s) => ({ name: s.name, kind: s.kind, group: s.group, version: s.version, verbs: s.verbs })),
      }));
    doc = buildOpenApiDocument(gv, resources);
    cache.set(gv, doc);
    return doc;
  };
  const gvs = () => registry.groupVersions().map((g) => (g.group ? `${g.group}/${g.version}` : g.version));
  return (path: string) => {
    if (path === '') {
      const docs: Record<string, unknown> = {};
      for (const gv of gvs()) docs[gv] = docFor(gv);
      return openApiRoot(docs as never);
    }
    const m = /^(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(path);
    if (!m) return undefined;
    const gv = m[1] ?? `${m[2]}/${m[3]}`;
    if (!gvs().includes(gv)) return undefined;
    return docFor(gv);
  };
}
