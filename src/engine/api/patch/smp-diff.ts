// The strategic merge patch that turns one map into another (client side, kubectl): nulls for removed
// keys, merge lists diffed by merge key with $patch: delete, $deleteFromPrimitiveList, $setElementOrder
// and $retainKeys generated as kubectl v1.32 emits them.
// mirrors: k8s.io/apimachinery/pkg/util/strategicpatch/patch.go (diffMaps, handleMapDiff, handleSliceDiff,
// diffLists, diffListsOfScalars, diffListsOfMaps).

import { compareGoStrings, goSprint } from './go-format';
import { deepEqual, goKind, hasOwn, isJsonObject, setOwn, type JsonObject, type JsonValue } from './json-value';
import { smpErrors } from './patch-errors';
import { extractRetainKeysPatchStrategy, lookupField } from './patch-lookup';
import type { PatchMeta } from './patch-meta';
import {
  DELETE_FROM_PRIMITIVE_LIST_PREFIX,
  MERGE_DIRECTIVE,
  REPLACE_DIRECTIVE,
  RETAIN_KEYS_DIRECTIVE,
  SET_ELEMENT_ORDER_PREFIX,
} from './smp-directives';
import {
  DELETE_DIRECTIVE,
  DIRECTIVE_MARKER,
  deduplicateScalars,
  goSortByText,
  mergeKeyValueEqual,
  normalizeSliceOrder,
  sliceElementType,
  sortScalars,
} from './smp-order';

export interface DiffOptions {
  /** Generate the $setElementOrder parallel lists. */
  setElementOrder?: boolean;
  /** Leave out additions and changes (the deletions half of a three-way patch). */
  ignoreChangesAndAdditions?: boolean;
  /** Leave out deletions (the additions half of a three-way patch). */
  ignoreDeletions?: boolean;
  /** Set internally for fields with the retainKeys strategy. */
  buildRetainKeysDirective?: boolean;
}

/** The patch that yields `modified` when applied to `original`, within the limits the options set. */
export function diffMaps(original: JsonObject, modified: JsonObject, meta: PatchMeta, o: DiffOptions): JsonObject {
  const patch: JsonObject = {};
  const retainKeys: JsonValue[] = [];
  for (const key of Object.keys(modified)) {
    const modifiedValue = modified[key];
    if (o.buildRetainKeysDirective && modifiedValue !== null) retainKeys.push(key);
    if (!hasOwn(original, key)) {
      if (!o.ignoreChangesAndAdditions) setOwn(patch, key, modifiedValue);
      continue;
    }
    const originalValue = original[key];
    if (key === DIRECTIVE_MARKER) {
      if (typeof originalValue !== 'string' || typeof modifiedValue !== 'string') {
        throw smpErrors.other(`invalid value for special key: ${DIRECTIVE_MARKER}`);
      }
      if (originalValue !== modifiedValue) setOwn(patch, key, modifiedValue);
      continue;
    }
    if (goKind(originalValue) !== goKind(modifiedValue)) {
      if (!o.ignoreChangesAndAdditions) setOwn(patch, key, modifiedValue);
      continue;
    }
    if (isJsonObject(originalValue)) {
      handleMapDiff(key, originalValue, modifiedValue as JsonObject, patch, meta, o);
    } else if (Array.isArray(originalValue)) {
      handleSliceDiff(key, originalValue, modifiedValue as JsonValue[], patch, meta, o);
    } else if (!o.ignoreChangesAndAdditions && !deepEqual(originalValue, modifiedValue)) {
      setOwn(patch, key, modifiedValue);
    }
  }
  if (!o.ignoreDeletions) {
    for (const key of Object.keys(original)) if (!hasOwn(modified, key)) setOwn(patch, key, null);
  }
  if (retainKeys.length > 0 && (Object.keys(patch).length > 0 || hasAdditionalNewField(original, modified))) {
    setOwn(patch, RETAIN_KEYS_DIRECTIVE, sortScalars(retainKeys));
  }
  return patch;
}

function hasAdditionalNewField(original: JsonObject, modified: JsonObject): boolean {
  for (const k of Object.keys(original)) if (original[k] !== null && !hasOwn(modified, k)) return true;
  return false;
}

function handleMapDiff(
  key: string,
  original: JsonObject,
  modified: JsonObject,
  patch: JsonObject,
  meta: PatchMeta,
  o: DiffOptions,
): void {
  const f = lookupField(meta, key);
  const { retainKeys, strategy } = extractRetainKeysPatchStrategy(f.strategies);
  if (strategy === REPLACE_DIRECTIVE) {
    // Upstream sends replace-strategy maps whole, changed or not.
    if (!o.ignoreChangesAndAdditions) setOwn(patch, key, modified);
    return;
  }
  const value = diffMaps(original, modified, f.sub, { ...o, buildRetainKeysDirective: retainKeys });
  if (Object.keys(value).length > 0) setOwn(patch, key, value);
}

function handleSliceDiff(
  key: string,
  original: JsonValue[],
  modified: JsonValue[],
  patch: JsonObject,
  meta: PatchMeta,
  o: DiffOptions,
): void {
  const f = lookupField(meta, key);
  const { retainKeys, strategy } = extractRetainKeysPatchStrategy(f.strategies);
  if (strategy !== MERGE_DIRECTIVE) {
    if (!o.ignoreChangesAndAdditions && !deepEqual(original, modified)) setOwn(patch, key, modified);
    return;
  }
  const [add, del, order] = diffLists(original, modified, f.sub, f.mergeKey, { ...o, buildRetainKeysDirective: retainKeys });
  if (add.length > 0) setOwn(patch, key, add);
  if (del.length > 0) setOwn(patch, `${DELETE_FROM_PRIMITIVE_LIST_PREFIX}/${key}`, del);
  if (order.length > 0) setOwn(patch, `${SET_ELEMENT_ORDER_PREFIX}/${key}`, order);
}

/** [patch list, parallel deletion list (scalars only), $setElementOrder list] of a merge list. */
function diffLists(
  original: JsonValue[],
  modified: JsonValue[],
  meta: PatchMeta,
  mergeKey: string,
  o: DiffOptions,
): [JsonValue[], JsonValue[], JsonValue[]] {
  if (original.length === 0) {
    if (modified.length === 0 || o.ignoreChangesAndAdditions) return [[], [], []];
    return [modified, [], []];
  }
  const kind = sliceElementType(original, modified);
  if (kind === 'slice') throw smpErrors.noListOfLists();
  if (kind === 'map') {
    const [changes, deletions] = diffListsOfMaps(original, modified, meta, mergeKey, o);
    const ordered = normalizeSliceOrder(changes, modified, mergeKey, true);
    const orderSame = isOrderSame(original, modified, mergeKey);
    const patchList = ordered.concat(deletions);
    let setOrder: JsonValue[] = [];
    if (
      o.setElementOrder &&
      ((!o.ignoreChangesAndAdditions && (patchList.length > 0 || !orderSame)) ||
        (!o.ignoreDeletions && patchList.length > 0))
    ) {
      setOrder = modified.map((v) => {
        const entry: JsonObject = {};
        const id = (v as JsonObject)[mergeKey];
        setOwn(entry, mergeKey, id === undefined ? null : id);
        return entry;
      });
    }
    return [patchList, [], setOrder];
  }
  const [additions, deletions, sortedOriginal] = diffListsOfScalars(original, modified, o);
  const patchList = normalizeSliceOrder(additions, modified, mergeKey, false);
  // Upstream compares `modified` with the original after sorting it in place, so an unchanged but
  // unsorted list still gets a $setElementOrder.
  const setOrder =
    o.setElementOrder &&
    ((!o.ignoreDeletions && deletions.length > 0) ||
      (!o.ignoreChangesAndAdditions && !deepEqual(sortedOriginal, modified)))
      ? modified
      : [];
  return [patchList, deletions, setOrder];
}

function isOrderSame(original: JsonValue[], modified: JsonValue[], mergeKey: string): boolean {
  if (original.length !== modified.length) return false;
  for (let i = 0; i < modified.length; i++) if (!mergeKeyValueEqual(original[i], modified[i], mergeKey)) return false;
  return true;
}

/** Walks both lists sorted by %v text: [additions, deduplicated deletions, the sorted original]. */
function diffListsOfScalars(
  original: JsonValue[],
  modified: JsonValue[],
  o: DiffOptions,
): [JsonValue[], JsonValue[], JsonValue[]] {
  const orig = sortScalars(original);
  const mod = sortScalars(modified);
  const add: JsonValue[] = [];
  const del: JsonValue[] = [];
  let i = 0;
  let j = 0;
  while (i < orig.length || j < mod.length) {
    const cmp =
      i >= orig.length ? 1 : j >= mod.length ? -1 : compareGoStrings(goSprint(orig[i]), goSprint(mod[j]));
    if (cmp === 0) {
      i++;
      j++;
    } else if (cmp > 0) {
      if (!o.ignoreChangesAndAdditions) add.push(mod[j]);
      j++;
    } else {
      if (!o.ignoreDeletions) del.push(orig[i]);
      i++;
    }
  }
  return [add, deduplicateScalars(del), orig];
}

/** Sorts maps by the %v text of their merge key, as sortMergeListsByNameArray does (non-recursive). */
function sortMapsByMergeKey(list: JsonValue[], mergeKey: string): JsonValue[] {
  sliceElementType(list);
  return goSortByText(list, (v) => goSprint(isJsonObject(v) && hasOwn(v, mergeKey) ? v[mergeKey] : null));
}

function mapAndMergeKey(list: JsonValue[], i: number, mergeKey: string): [JsonObject, JsonValue, string] {
  const m = list[i];
  if (!isJsonObject(m)) throw smpErrors.badArgType('map', m);
  if (!hasOwn(m, mergeKey)) throw smpErrors.noMergeKey(m, mergeKey);
  return [m, m[mergeKey], goSprint(m[mergeKey])];
}

/** [changed and added items, $patch: delete directives] between two lists of maps. */
function diffListsOfMaps(
  original: JsonValue[],
  modified: JsonValue[],
  meta: PatchMeta,
  mergeKey: string,
  o: DiffOptions,
): [JsonValue[], JsonValue[]] {
  const patch: JsonValue[] = [];
  const deletions: JsonValue[] = [];
  const orig = sortMapsByMergeKey(original, mergeKey);
  const mod = modified.length === 0 ? modified : sortMapsByMergeKey(modified, mergeKey);
  let i = 0;
  let j = 0;
  while (i < orig.length || j < mod.length) {
    const oe = i < orig.length ? mapAndMergeKey(orig, i, mergeKey) : undefined;
    const me = j < mod.length ? mapAndMergeKey(mod, j, mergeKey) : undefined;
    const cmp = !oe ? 1 : !me ? -1 : compareGoStrings(oe[2], me[2]);
    if (cmp === 0 && oe && me) {
      const value = diffMaps(oe[0], me[0], meta, o);
      if (Object.keys(value).length > 0) {
        setOwn(value, mergeKey, me[1]);
        patch.push(value);
      }
      i++;
      j++;
    } else if (cmp > 0 && me) {
      if (!o.ignoreChangesAndAdditions) patch.push(me[0]);
      j++;
    } else if (oe) {
      if (!o.ignoreDeletions) {
        const directive: JsonObject = {};
        setOwn(directive, mergeKey, oe[1]);
        directive[DIRECTIVE_MARKER] = DELETE_DIRECTIVE;
        deletions.push(directive);
      }
      i++;
    }
  }
  return [patch, deletions];
}
