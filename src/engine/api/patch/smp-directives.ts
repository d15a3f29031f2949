// Strategic merge patch directives ($patch, $retainKeys, $setElementOrder, $deleteFromPrimitiveList) and the
// clean-up of patch values taken as is. mirrors: k8s.io/apimachinery/pkg/util/strategicpatch/patch.go
// (directive constants, extractKey, removeDirectives, discardNullValuesFromPatch).

import { getOwn, isJsonObject, setOwn, type JsonObject, type JsonValue } from './json-value';
import { smpErrors } from './patch-errors';
import { DIRECTIVE_MARKER } from './smp-order';

export const REPLACE_DIRECTIVE = 'replace';
export const MERGE_DIRECTIVE = 'merge';
export const RETAIN_KEYS_DIRECTIVE = '$retainKeys';
export const DELETE_FROM_PRIMITIVE_LIST_PREFIX = '$deleteFromPrimitiveList';
export const SET_ELEMENT_ORDER_PREFIX = '$setElementOrder';

/** Splits "$prefix/field" into "field"; any other shape is the prefix's format error. */
export function extractKey(s: string, prefix: string): string {
  const slash = s.indexOf('/');
  if (slash < 0 || s.slice(0, slash) !== prefix) {
    if (prefix === DELETE_FROM_PRIMITIVE_LIST_PREFIX) throw smpErrors.badPatchFormatForPrimitiveList();
    if (prefix === SET_ELEMENT_ORDER_PREFIX) throw smpErrors.badPatchFormatForSetElementOrderList();
    throw smpErrors.other(`fail to find unknown prefix "${prefix}" in ${s}\n`);
  }
  return s.slice(slash + 1);
}

/**
 * A value taken from the patch as is (the original has nothing to merge it with): maps holding $patch and
 * list items holding $patch are dropped; with `discardNulls`, null members of maps go too.
 * Returns undefined when the value itself is to be dropped.
 */
export function cleanPatchValue(v: JsonValue, discardNulls: boolean): JsonValue | undefined {
  if (Array.isArray(v)) {
    let out: JsonValue[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const c = cleanPatchValue(v[i], discardNulls);
      if (c !== v[i] && !out) out = v.slice(0, i);
      if (out && c !== undefined) out.push(c);
    }
    return out ?? v;
  }
  if (!isJsonObject(v)) return v;
  let out: JsonObject | undefined;
  const keys = Object.keys(v);
  // discardNullValuesFromPatch runs before removeDirectives, so "$patch": null does not drop the map.
  const marker = getOwn(v, DIRECTIVE_MARKER);
  if (marker !== undefined && !(discardNulls && marker === null)) return undefined;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const cur = v[k];
    const c = cur === null && discardNulls ? undefined : cleanPatchValue(cur, discardNulls);
    if (c !== cur && !out) {
      out = {};
      for (let j = 0; j < i; j++) setOwn(out, keys[j], v[keys[j]]);
    }
    if (out && c !== undefined) setOwn(out, k, c);
  }
  return out ?? v;
}
