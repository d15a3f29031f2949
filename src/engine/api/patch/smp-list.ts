// Merging two lists with the merge strategy: scalars as a set, maps by merge key with $patch: delete /
// replace items, then ordered by patch order and live order.
// mirrors: k8s.io/apimachinery/pkg/util/strategicpatch/patch.go (mergeSlice, mergeSliceWithSpecialElements,
// mergeSliceWithoutSpecialElements, deleteMatchingEntries).

import { getOwn, hasOwn, isJsonObject, type JsonObject, type JsonValue } from './json-value';
import { smpErrors } from './patch-errors';
import type { PatchMeta } from './patch-meta';
import { MERGE_DIRECTIVE, REPLACE_DIRECTIVE } from './smp-directives';
import { mergeMap, type MergeOptions } from './smp-merge';
import {
  DELETE_DIRECTIVE,
  DIRECTIVE_MARKER,
  MergeKeyIndex,
  normalizeElementOrder,
  partitionMapsByPresentInList,
  partitionPrimitivesByPresentInList,
  sliceElementType,
} from './smp-order';

/**
 * Upstream deletes list items in place and appends new ones into the freed capacity, so the caller's
 * view of the original list (used by $setElementOrder as the live order) changes: deleted slots are
 * filled by later items and then by appended ones. `original` receives that view, computed for a list
 * whose capacity equals its length (as objects decoded by the API server have).
 */
export interface SliceAlias {
  original?: JsonValue[];
}

/** Merges two lists with the merge strategy (or applies a parallel deletion list). */
export function mergeSlice(
  original: JsonValue[],
  patch: JsonValue[],
  meta: PatchMeta,
  mergeKey: string,
  opts: MergeOptions,
  isDeleteList: boolean,
  alias?: SliceAlias,
): JsonValue[] {
  if (original.length === 0 && patch.length === 0) return original;
  const kind = sliceElementType(original, patch);
  let merged: JsonValue[];
  let base = original;
  let patchItems = patch;
  if (kind !== 'map') {
    if (opts.mergeParallelList && isDeleteList) {
      const toDelete = new Set<unknown>(patch);
      return original.filter((v) => !toDelete.has(v));
    }
    merged = Array.from(new Set<JsonValue>(original.concat(patch)));
  } else {
    // The error names the schema of the items; built-in types report the Go kind "struct".
    if (mergeKey === '') throw smpErrors.other('cannot merge lists without merge key for struct');
    const backing = original.slice();
    let replaced: boolean;
    [base, patchItems, replaced] = mergeSliceWithSpecialElements(original, patch, mergeKey, backing);
    merged = mergeSliceWithoutSpecialElements(base, patchItems, mergeKey, meta, opts);
    if (alias) {
      // Appended items land in the slots deletions freed (capacity = original length).
      if (!replaced) for (let i = base.length; i < merged.length && i < backing.length; i++) backing[i] = merged[i];
      alias.original = backing;
    }
  }
  const [inPatch, serverOnly] =
    mergeKey === ''
      ? partitionPrimitivesByPresentInList(merged, patchItems)
      : partitionMapsByPresentInList(merged, patchItems, mergeKey);
  return normalizeElementOrder(inPatch, serverOnly, patchItems, base, mergeKey, kind === 'map');
}

/**
 * Applies $patch: delete / replace items; returns the new original, the patch without them and whether
 * a replace directive was found. `backing` mirrors the in-place deletions on the original's storage.
 */
function mergeSliceWithSpecialElements(
  original: JsonValue[],
  patch: JsonValue[],
  mergeKey: string,
  backing: JsonValue[],
): [JsonValue[], JsonValue[], boolean] {
  const plain: JsonValue[] = [];
  let base = original;
  let replace = false;
  for (const v of patch) {
    const item = v as JsonObject;
    const directive = getOwn(item, DIRECTIVE_MARKER);
    if (directive === undefined) {
      plain.push(v);
    } else if (directive === DELETE_DIRECTIVE) {
      if (!hasOwn(item, mergeKey)) throw smpErrors.noMergeKey(item, mergeKey);
      const value = item[mergeKey];
      const kept = base.filter((o) => !(isJsonObject(o) && hasOwn(o, mergeKey) && o[mergeKey] === value));
      if (kept.length !== base.length) deleteInPlace(backing, base.length, mergeKey, value);
      base = kept;
    } else if (directive === REPLACE_DIRECTIVE) {
      replace = true; // keep scanning: the other directive items are dropped too
    } else if (directive === MERGE_DIRECTIVE) {
      throw smpErrors.other('merging lists cannot yet be specified in the patch');
    } else {
      throw smpErrors.badPatchType(directive, item);
    }
  }
  return replace ? [plain, [], true] : [base, plain, false];
}

/** deleteMatchingEntries on Go storage: each removal shifts the rest of the view left by one. */
function deleteInPlace(backing: JsonValue[], len: number, mergeKey: string, value: JsonValue): void {
  for (let i = 0; i < len; ) {
    const o = backing[i];
    if (isJsonObject(o) && hasOwn(o, mergeKey) && o[mergeKey] === value) {
      for (let j = i; j < len - 1; j++) backing[j] = backing[j + 1];
      len--;
    } else i++;
  }
}

/** Merges each patch item into the original item with the same merge key, or appends it. */
function mergeSliceWithoutSpecialElements(
  original: JsonValue[],
  patch: JsonValue[],
  mergeKey: string,
  meta: PatchMeta,
  opts: MergeOptions,
): JsonValue[] {
  if (patch.length === 0) return original;
  const out = original.slice();
  const index = new MergeKeyIndex(out, mergeKey);
  const appended = new Map<unknown, number>();
  for (const v of patch) {
    const item = v as JsonObject;
    if (!hasOwn(item, mergeKey)) throw smpErrors.noMergeKey(item, mergeKey);
    const value = item[mergeKey];
    let at = index.find(value);
    if (at < 0) at = appended.get(value) ?? -1;
    if (at >= 0) {
      out[at] = mergeMap(out[at] as JsonObject, item, meta, opts);
    } else {
      appended.set(value, out.length);
      out.push(v); // appended as sent: upstream neither drops nulls nor directives here
    }
  }
  return out;
}
