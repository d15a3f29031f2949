// Merging a strategic merge patch into a map: $patch on maps, $retainKeys, $setElementOrder lists, parallel
// deletion lists, nulls. Never mutates its inputs; unchanged subtrees are shared with them (copy on write).
// mirrors: k8s.io/apimachinery/pkg/util/strategicpatch/patch.go (mergeMap, mergePatchIntoOriginal,
// applyRetainKeysDirective).

import { goSprint } from './go-format';
import { deepEqual, getOwn, goKind, hasOwn, isJsonObject, setOwn, shallowCopy, type JsonObject, type JsonValue } from './json-value';
import { smpErrors } from './patch-errors';
import { extractRetainKeysPatchStrategy, lookupField } from './patch-lookup';
import type { PatchMeta } from './patch-meta';
import {
  cleanPatchValue,
  DELETE_FROM_PRIMITIVE_LIST_PREFIX,
  extractKey,
  MERGE_DIRECTIVE,
  REPLACE_DIRECTIVE,
  RETAIN_KEYS_DIRECTIVE,
  SET_ELEMENT_ORDER_PREFIX,
} from './smp-directives';
import { mergeSlice, type SliceAlias } from './smp-list';
import {
  DELETE_DIRECTIVE,
  DIRECTIVE_MARKER,
  normalizeElementOrder,
  partitionMapsByPresentInList,
  partitionPrimitivesByPresentInList,
  sliceElementType,
  validatePatchWithSetOrderList,
} from './smp-order';

export interface MergeOptions {
  /** true when applying a patch (server side); false when merging two patches (three-way diff). */
  mergeParallelList: boolean;
  /** true when applying: nulls in values absent from the original are dropped. */
  ignoreUnmatchedNulls: boolean;
}

export const APPLY_OPTIONS: MergeOptions = { mergeParallelList: true, ignoreUnmatchedNulls: true };
export const MERGE_PATCHES_OPTIONS: MergeOptions = { mergeParallelList: false, ignoreUnmatchedNulls: false };

/** Merges `patch` into `original` (null: an empty map) and returns the result. */
export function mergeMap(
  original: JsonObject | null,
  patch: JsonObject,
  meta: PatchMeta,
  opts: MergeOptions,
): JsonObject {
  const directive = getOwn(patch, DIRECTIVE_MARKER);
  if (directive !== undefined) {
    if (directive === REPLACE_DIRECTIVE) {
      const out = shallowCopy(patch);
      delete out[DIRECTIVE_MARKER];
      return out;
    }
    if (directive === DELETE_DIRECTIVE) return {};
    throw smpErrors.badPatchType(directive, patch);
  }

  const out = original ? shallowCopy(original) : {};
  const handled = new Set<string>();
  applyRetainKeysDirective(out, patch, handled, opts);
  mergePatchIntoOriginal(out, patch, handled, meta, opts);

  for (const patchKey of Object.keys(patch)) {
    if (handled.has(patchKey)) continue;
    const patchV = patch[patchKey];
    let k = patchKey;
    let isDeleteList = false;
    if (patchKey.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX)) {
      if (!opts.mergeParallelList) {
        setOwn(out, patchKey, patchV);
        continue;
      }
      const field = extractKey(patchKey, DELETE_FROM_PRIMITIVE_LIST_PREFIX);
      isDeleteList = true;
      if (field !== '') k = field;
    }

    if (patchV === null) {
      delete out[k];
      if (opts.ignoreUnmatchedNulls) continue;
    }

    const origV = getOwn(out, k);
    if (origV === undefined || goKind(origV) !== goKind(patchV)) {
      if (!isDeleteList) {
        const c = cleanPatchValue(patchV, opts.ignoreUnmatchedNulls);
        if (c === undefined) delete out[k];
        else setOwn(out, k, c);
      }
      continue;
    }

    if (isJsonObject(origV)) {
      const f = lookupField(meta, k);
      const { strategy } = extractRetainKeysPatchStrategy(f.strategies);
      const p = patchV as JsonObject;
      setOwn(out, k, strategy !== REPLACE_DIRECTIVE ? mergeMap(origV, p, f.sub, opts) : p);
    } else if (Array.isArray(origV)) {
      const f = lookupField(meta, k);
      const { strategy } = extractRetainKeysPatchStrategy(f.strategies);
      const p = patchV as JsonValue[];
      const merged =
        strategy === MERGE_DIRECTIVE || isDeleteList ? mergeSlice(origV, p, f.sub, f.mergeKey, opts, isDeleteList) : p;
      setOwn(out, k, merged);
    } else {
      setOwn(out, k, patchV);
    }
  }
  return out;
}

/** $retainKeys: keys of the original missing from the list are cleared; the patch may only set listed keys. */
function applyRetainKeysDirective(out: JsonObject, patch: JsonObject, handled: Set<string>, opts: MergeOptions): void {
  const retainKeys = getOwn(patch, RETAIN_KEYS_DIRECTIVE);
  if (retainKeys === undefined) return;
  handled.add(RETAIN_KEYS_DIRECTIVE);
  if (!opts.mergeParallelList) {
    const inOriginal = getOwn(out, RETAIN_KEYS_DIRECTIVE);
    if (inOriginal === undefined) setOwn(out, RETAIN_KEYS_DIRECTIVE, retainKeys);
    else if (!deepEqual(inOriginal, retainKeys)) {
      throw smpErrors.other(
        `${goSprint(inOriginal)} and ${goSprint(retainKeys)} are not deep equal: this may happen when calculating the 3-way diff patch`,
      );
    }
    return;
  }
  if (!Array.isArray(retainKeys)) throw smpErrors.badPatchFormatForRetainKeys();
  const keep = new Set<unknown>(retainKeys);
  for (const k of Object.keys(patch)) {
    if (k === RETAIN_KEYS_DIRECTIVE || patch[k] === null) continue;
    if (k.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX) || k.startsWith(SET_ELEMENT_ORDER_PREFIX)) continue;
    if (!keep.has(k)) throw smpErrors.badPatchFormatForRetainKeys();
  }
  for (const k of Object.keys(out)) if (!keep.has(k)) delete out[k];
}

/**
 * Handles every $setElementOrder/<field> with its list: merges the list, then orders it by
 * $setElementOrder, patch order and live order. When merging patches, the directive is carried over.
 */
function mergePatchIntoOriginal(
  out: JsonObject,
  patch: JsonObject,
  handled: Set<string>,
  meta: PatchMeta,
  opts: MergeOptions,
): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER_PREFIX)) continue;
    handled.add(key);
    const setOrder = patch[key];
    if (!opts.mergeParallelList) {
      const inOriginal = getOwn(out, key);
      if (inOriginal === undefined) setOwn(out, key, setOrder);
      else if (!deepEqual(inOriginal, setOrder)) throw smpErrors.badPatchFormatForSetElementOrderList();
    }
    if (!Array.isArray(setOrder)) throw smpErrors.badArgType('slice', setOrder);
    const field = extractKey(key, SET_ELEMENT_ORDER_PREFIX);
    const originalList = getOwn(out, field);
    const patchList = hasOwn(patch, field) ? patch[field] : undefined;
    if (originalList !== undefined && !Array.isArray(originalList)) throw smpErrors.badArgType('slice', originalList);
    if (patchList !== undefined && !Array.isArray(patchList)) throw smpErrors.badArgType('slice', patchList);
    const f = lookupField(meta, field);
    const { strategy } = extractRetainKeysPatchStrategy(f.strategies);
    validatePatchWithSetOrderList(patchList ?? [], setOrder, f.mergeKey);

    let merged: JsonValue[];
    let serverOrder = originalList ?? [];
    if (originalList !== undefined && patchList === undefined) merged = originalList;
    else if (originalList === undefined && patchList !== undefined) merged = cleanPatchValue(patchList, false) as JsonValue[];
    else if (originalList !== undefined && patchList !== undefined) {
      if (strategy === MERGE_DIRECTIVE) {
        const alias: SliceAlias = {};
        merged = mergeSlice(originalList, patchList, f.sub, f.mergeKey, opts, false, alias);
        serverOrder = alias.original ?? originalList;
      } else merged = patchList;
    } else continue;

    const [patchItems, serverOnly] =
      f.mergeKey === ''
        ? partitionPrimitivesByPresentInList(merged, setOrder)
        : partitionMapsByPresentInList(merged, setOrder, f.mergeKey);
    const kind = sliceElementType(originalList, patchList);
    setOwn(
      out,
      field,
      normalizeElementOrder(patchItems, serverOnly, setOrder, serverOrder, f.mergeKey, kind === 'map'),
    );
    if (patchList !== undefined) handled.add(field);
  }
}
