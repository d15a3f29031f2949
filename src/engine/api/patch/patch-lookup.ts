// Field lookups in a PatchMeta for strategic merge patch (strategy, merge key, and the meta one level down).
// mirrors: k8s.io/apimachinery/pkg/util/strategicpatch/meta.go (LookupPatchMetadataForStruct/ForSlice)
// and extractRetainKeysPatchStrategy. Unlike upstream, unknown fields are not an error: they behave
// like fields without patch metadata (lists replaced, maps merged), as patch-meta.ts specifies.

import { emptyPatchMeta, type FieldPatchMeta, type PatchMeta } from './patch-meta';
import { smpErrors } from './patch-errors';

export interface FieldLookup {
  /** Meta of the nested struct (for maps) or of the list items (for lists). */
  sub: PatchMeta;
  strategies: string[];
  mergeKey: string;
}

const NO_META: FieldLookup = { sub: emptyPatchMeta, strategies: [], mergeKey: '' };
const mapViews = new WeakMap<PatchMeta, PatchMeta>();

/** The meta seen inside a map-shaped field: every key is a value of the element type. */
function mapValuesMeta(elem: PatchMeta | undefined): PatchMeta {
  if (!elem) return emptyPatchMeta;
  let view = mapViews.get(elem);
  if (!view) {
    const valueField: FieldPatchMeta = { strategies: [], shape: 'object', elem };
    view = { field: () => valueField };
    mapViews.set(elem, view);
  }
  return view;
}

/** LookupPatchMetadataForStruct and ForSlice coincide here: `elem` already is the struct or the item meta. */
export function lookupField(meta: PatchMeta, key: string): FieldLookup {
  const f = meta.field(key);
  if (!f) return NO_META;
  const sub = f.shape === 'map' ? mapValuesMeta(f.elem) : (f.elem ?? emptyPatchMeta);
  return { sub, strategies: f.strategies, mergeKey: f.mergeKey ?? '' };
}

export const RETAIN_KEYS_STRATEGY = 'retainKeys';

/** Splits e.g. ['merge', 'retainKeys'] into { retainKeys: true, strategy: 'merge' }. */
export function extractRetainKeysPatchStrategy(strategies: string[]): { retainKeys: boolean; strategy: string } {
  switch (strategies.length) {
    case 0:
      return { retainKeys: false, strategy: '' };
    case 1:
      return strategies[0] === RETAIN_KEYS_STRATEGY
        ? { retainKeys: true, strategy: '' }
        : { retainKeys: false, strategy: strategies[0] };
    case 2:
      if (strategies[0] === RETAIN_KEYS_STRATEGY) return { retainKeys: true, strategy: strategies[1] };
      if (strategies[1] === RETAIN_KEYS_STRATEGY) return { retainKeys: true, strategy: strategies[0] };
  }
  throw smpErrors.other(`unexpected patch strategy: [${strategies.join(' ')}]`);
}
