// Which definitions are API kinds: their x-kubernetes-group-version-kind lists, which ones embed TypeMeta,
// and the roots each group-version's document starts from. Build-time only.

import type { SchemaGroupVersion } from '../group-versions';
import type { GroupVersionKind } from '../types';

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';

/** Definitions every document carries because its paths return or accept them. */
export const META_ROOTS = [
  META + 'APIResourceList',
  META + 'DeleteOptions',
  META + 'Patch',
  META + 'Status',
  META + 'WatchEvent',
];

export interface KindTables {
  gvks: Map<string, GroupVersionKind[]>;
  typeMeta: Set<string>;
}

/** GVK extensions and TypeMeta embedding for the served group-versions (aggregated APIs excluded). */
export function kindTables(gvs: readonly SchemaGroupVersion[]): KindTables {
  const gvks = new Map<string, GroupVersionKind[]>();
  const typeMeta = new Set<string>();
  const add = (def: string, gvk: GroupVersionKind) => {
    const list = gvks.get(def);
    if (list) list.push(gvk);
    else gvks.set(def, [gvk]);
    typeMeta.add(def);
  };
  for (const gv of gvs) {
    for (const kind of gv.kinds) add(`${gv.pkg}.${kind}`, { group: gv.group, kind, version: gv.version });
    for (const kind of gv.listKinds ?? gv.kinds) {
      add(`${gv.pkg}.${kind}List`, { group: gv.group, kind: kind + 'List', version: gv.version });
    }
  }
  add(META + 'APIResourceList', { group: '', kind: 'APIResourceList', version: 'v1' });
  add(META + 'Status', { group: '', kind: 'Status', version: 'v1' });
  // The apiserver registers these two in every group-version it serves.
  const all = [...gvs]
    .filter((gv) => !gv.pkg.startsWith('io.k8s.metrics.'))
    .sort((a, b) => (a.group === b.group ? cmp(a.version, b.version) : cmp(a.group, b.group)));
  for (const kind of ['DeleteOptions', 'WatchEvent']) {
    for (const gv of all) add(META + kind, { group: gv.group, kind, version: gv.version });
  }
  typeMeta.delete(META + 'WatchEvent');
  return { gvks, typeMeta };
}

/** Definitions a group-version's document is built from (before following $refs). */
export function documentRoots(gv: SchemaGroupVersion): string[] {
  const roots = gv.kinds.map((k) => `${gv.pkg}.${k}`);
  for (const k of gv.listKinds ?? gv.kinds) roots.push(`${gv.pkg}.${k}List`);
  return [...roots, ...(gv.extraRoots ?? []), ...META_ROOTS];
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
