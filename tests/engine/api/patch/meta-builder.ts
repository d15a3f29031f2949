// Builds PatchMeta by hand for tests, from a nested plain description (the schema-driven one lives in
// src/engine/schema). The description is plain data, so a test can also print or compare it.

import type { FieldPatchMeta, PatchMeta } from '../../../../src/engine/api/patch/patch-meta';

export interface FieldDesc {
  strategies?: string[];
  mergeKey?: string;
  shape?: FieldPatchMeta['shape'];
  /** Fields of the nested struct, of the list items, or of the map values. */
  elem?: StructDesc;
}
export type StructDesc = { [field: string]: FieldDesc };

const built = new WeakMap<StructDesc, PatchMeta>();

/** PatchMeta of a struct described by `desc`; undescribed fields are unknown (no metadata). Cycles are fine. */
export function patchMetaOf(desc: StructDesc): PatchMeta {
  const known = built.get(desc);
  if (known) return known;
  const fields = new Map<string, FieldPatchMeta>();
  const meta: PatchMeta = { field: (name) => fields.get(name) };
  built.set(desc, meta);
  for (const [name, f] of Object.entries(desc)) {
    const fm: FieldPatchMeta = { strategies: f.strategies ?? [], shape: f.shape ?? 'unknown' };
    if (f.mergeKey) fm.mergeKey = f.mergeKey;
    if (f.elem) fm.elem = patchMetaOf(f.elem);
    fields.set(name, fm);
  }
  return meta;
}

/** A nested struct field, optionally with a strategy such as 'retainKeys' or 'replace'. */
export const struct = (elem: StructDesc = {}, ...strategies: string[]): FieldDesc => ({ shape: 'object', strategies, elem });
/** A list of structs merged by `mergeKey` (patchStrategy merge, plus e.g. 'retainKeys'). */
export const mergeList = (mergeKey: string, elem: StructDesc = {}, ...more: string[]): FieldDesc => ({
  shape: 'array',
  strategies: ['merge', ...more],
  mergeKey,
  elem,
});
/** A list of scalars with patchStrategy merge (set union, $deleteFromPrimitiveList). */
export const setList = (): FieldDesc => ({ shape: 'array', strategies: ['merge'] });
/** A list replaced as a whole (no patch strategy). */
export const atomicList = (elem?: StructDesc): FieldDesc => ({ shape: 'array', strategies: [], elem });
/** A map (additionalProperties); values are structs when `elem` is given. */
export const mapOf = (elem?: StructDesc): FieldDesc => ({ shape: 'map', strategies: [], elem });
export const scalar = (): FieldDesc => ({ shape: 'primitive', strategies: [] });
