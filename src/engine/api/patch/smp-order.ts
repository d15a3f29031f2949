// Element order and list helpers of strategic merge patch: $setElementOrder first, then patch order,
// then live order; element-type checks; scalar sorting as upstream does it (by the %v text).
// mirrors: k8s.io/apimachinery/pkg/util/strategicpatch/patch.go (normalizeElementOrder, mergeSortedSlice,
// normalizeSliceOrder, partition*, validatePatchWithSetOrderList, sliceElementType, sortScalars).

import { compareGoStrings, goSprint } from './go-format';
import { getOwn, goKind, hasOwn, isJsonObject, type GoKind, type JsonObject, type JsonValue } from './json-value';
import { smpErrors } from './patch-errors';

export const DIRECTIVE_MARKER = '$patch';
export const DELETE_DIRECTIVE = 'delete';

/** The value an element is identified by: its merge-key value for maps (nil when absent), else itself. */
function identity(item: JsonValue, mergeKey: string, isMap: boolean): unknown {
  if (!isMap) return item;
  if (!isJsonObject(item)) return null;
  const v = getOwn(item, mergeKey);
  return v === undefined ? null : v;
}

/** First index of each identity in `list` (Go's index() scans from the front). */
function indexOf(list: readonly JsonValue[], mergeKey: string, isMap: boolean): Map<unknown, number> {
  const idx = new Map<unknown, number>();
  for (let i = 0; i < list.length; i++) {
    const id = identity(list[i], mergeKey, isMap);
    if (!idx.has(id)) idx.set(id, i);
  }
  return idx;
}

/** Every element of the lists must be a map holding the merge key. */
export function validateMergeKeyInLists(mergeKey: string, ...lists: readonly (readonly JsonValue[])[]): void {
  for (const list of lists) {
    for (const item of list) {
      if (!isJsonObject(item)) throw smpErrors.badArgType('map', item);
      if (!hasOwn(item, mergeKey)) throw smpErrors.noMergeKey(item, mergeKey);
    }
  }
}

function isDeleteDirective(item: JsonValue): boolean {
  return isJsonObject(item) && getOwn(item, DIRECTIVE_MARKER) === DELETE_DIRECTIVE;
}

/** Sorts `toSort` by the position of each element in `order`; $patch: delete items go last. */
export function normalizeSliceOrder(
  toSort: readonly JsonValue[],
  order: readonly JsonValue[],
  mergeKey: string,
  isMap: boolean,
): JsonValue[] {
  let items: JsonValue[] = toSort.slice();
  let toDelete: JsonValue[] = [];
  if (isMap) {
    validateMergeKeyInLists(mergeKey, toSort, order);
    toDelete = items.filter(isDeleteDirective);
    if (toDelete.length > 0) items = items.filter((x) => !isDeleteDirective(x));
  }
  const idx = indexOf(order, mergeKey, isMap);
  const pos = items.map((x) => idx.get(identity(x, mergeKey, isMap)) ?? -1);
  if (pos.every((p) => p >= 0)) {
    const perm = items.map((_, i) => i).sort((a, b) => pos[a] - pos[b]); // Array#sort is stable
    items = perm.map((i) => items[i]);
  } else {
    items = goInsertionSortByOrder(items, pos);
  }
  return toDelete.length > 0 ? items.concat(toDelete) : items;
}

/**
 * sort.SliceStable with upstream's comparator when some elements are missing from the order list:
 * "less" is then true whenever either side is missing, which is not a strict order. Go's stable sort is
 * an insertion sort for up to 20 elements, reproduced here (element lists are that short in practice).
 */
function goInsertionSortByOrder(items: JsonValue[], pos: number[]): JsonValue[] {
  const a = items.slice();
  const p = pos.slice();
  const less = (i: number, j: number) => (p[i] >= 0 && p[j] >= 0 ? p[i] < p[j] : true);
  for (let i = 1; i < a.length; i++) {
    for (let j = i; j > 0 && less(j, j - 1); j--) {
      [a[j], a[j - 1]] = [a[j - 1], a[j]];
      [p[j], p[j - 1]] = [p[j - 1], p[j]];
    }
  }
  return a;
}

/**
 * Interleaves server-only items (left) into patch items (right), both already sorted. A server-only item
 * goes first only when both are in the live list and it comes before the patch item there.
 */
function mergeSortedSlice(
  left: JsonValue[],
  right: JsonValue[],
  serverOrder: readonly JsonValue[],
  mergeKey: string,
  isMap: boolean,
): JsonValue[] {
  const idx = indexOf(serverOrder, mergeKey, isMap);
  const out: JsonValue[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = idx.get(identity(left[i], mergeKey, isMap));
      const ri = idx.get(identity(right[j], mergeKey, isMap));
      if (li !== undefined && ri !== undefined && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

/** Orders `patch` items by `patchOrder`, server-only items by `serverOrder`, then interleaves them. */
export function normalizeElementOrder(
  patch: readonly JsonValue[],
  serverOnly: readonly JsonValue[],
  patchOrder: readonly JsonValue[],
  serverOrder: readonly JsonValue[],
  mergeKey: string,
  isMap: boolean,
): JsonValue[] {
  const p = normalizeSliceOrder(patch, patchOrder, mergeKey, isMap);
  const s = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, isMap);
  return mergeSortedSlice(s, p, serverOrder, mergeKey, isMap);
}

/** Splits scalars into those present in `partitionBy` and the rest (order kept). */
export function partitionPrimitivesByPresentInList(
  list: readonly JsonValue[],
  partitionBy: readonly JsonValue[],
): [JsonValue[], JsonValue[]] {
  const inPatch = new Set<unknown>(partitionBy);
  const patch: JsonValue[] = [];
  const serverOnly: JsonValue[] = [];
  for (const v of list) (inPatch.has(v) ? patch : serverOnly).push(v);
  return [patch, serverOnly];
}

/**
 * Finds maps by merge-key value in `list` the way findMapInSliceBasedOnKeyValue scans it: the first
 * match wins, and a non-map element met before any match is an error.
 */
export class MergeKeyIndex {
  private readonly first = new Map<unknown, number>();
  private readonly badIndex: number;
  constructor(list: readonly JsonValue[], mergeKey: string) {
    let bad = -1;
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      if (!isJsonObject(item)) {
        bad = i;
        break;
      }
      if (hasOwn(item, mergeKey) && !this.first.has(item[mergeKey])) this.first.set(item[mergeKey], i);
    }
    this.badIndex = bad;
  }
  /** Index of the first map whose merge key equals `value`, or -1. */
  find(value: unknown): number {
    const i = this.first.get(value);
    if (i !== undefined) return i;
    if (this.badIndex >= 0) throw smpErrors.other(`value for key ${this.badIndex} is not a map`);
    return -1;
  }
}

/** Splits maps into those whose merge key appears in `partitionBy` and the rest (order kept). */
export function partitionMapsByPresentInList(
  list: readonly JsonValue[],
  partitionBy: readonly JsonValue[],
  mergeKey: string,
): [JsonValue[], JsonValue[]] {
  const index = new MergeKeyIndex(partitionBy, mergeKey);
  const patch: JsonValue[] = [];
  const serverOnly: JsonValue[] = [];
  for (const v of list) {
    if (!isJsonObject(v)) throw smpErrors.badArgType('map', v);
    if (!hasOwn(v, mergeKey)) throw smpErrors.noMergeKey(v, mergeKey);
    (index.find(v[mergeKey]) >= 0 ? patch : serverOnly).push(v);
  }
  return [patch, serverOnly];
}

/** The common element kind of the lists; lists of lists, mixed kinds and all-empty lists are errors. */
export function sliceElementType(...lists: readonly (readonly JsonValue[] | undefined)[]): GoKind {
  let prev: GoKind | undefined;
  for (const list of lists) {
    if (!list) continue;
    for (const v of list) {
      const k = goKind(v);
      if (prev === undefined) {
        prev = k;
        if (k === 'slice') throw smpErrors.noListOfLists();
      } else if (prev !== k) {
        throw smpErrors.other(`list element types are not identical: ${goSprint(lists.map((l) => l ?? []))}`);
      }
    }
  }
  if (prev === undefined) throw smpErrors.other('no elements in any of the given slices');
  return prev;
}

/**
 * sort.Sort by a text key with upstream's Less (a <= b). For up to 12 elements Go's pdqsort is an
 * insertion sort, which with "<=" puts equal keys in reverse order of appearance; reproduced exactly
 * there, and kept as the rule for longer lists. Returns a new array.
 */
export function goSortByText<T>(list: readonly T[], text: (v: T) => string): T[] {
  const keyed = list.map((v) => [text(v), v] as const).sort((a, b) => compareGoStrings(a[0], b[0]));
  const out: T[] = [];
  for (let i = 0; i < keyed.length; ) {
    let j = i + 1;
    while (j < keyed.length && keyed[j][0] === keyed[i][0]) j++;
    for (let k = j - 1; k >= i; k--) out.push(keyed[k][1]);
    i = j;
  }
  return out;
}

/** Sorts scalars by their %v text, as SortableSliceOfScalars does (returns a new array). */
export function sortScalars(list: readonly JsonValue[]): JsonValue[] {
  return goSortByText(list, goSprint);
}

/**
 * deduplicateScalars, including its order: each duplicate is overwritten by the current last element,
 * so duplicates reorder what follows them. Without duplicates the list is returned as is.
 */
export function deduplicateScalars(list: readonly JsonValue[]): JsonValue[] {
  if (new Set(list).size === list.length) return list.slice();
  const s = list.slice();
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (s[i] === s[j]) {
        s[j] = s[length];
        s.length = length;
        length--;
        j--;
      }
    }
  }
  return s;
}

/** Checks that the patch list's items (deletions aside) appear in $setElementOrder, in the same order. */
export function validatePatchWithSetOrderList(
  patchList: readonly JsonValue[],
  setOrderList: readonly JsonValue[],
  mergeKey: string,
): void {
  if (setOrderList.length === 0 || patchList.length === 0) return;
  let nonDelete: readonly JsonValue[] = patchList;
  if (mergeKey !== '') {
    for (const v of patchList) if (!isJsonObject(v)) throw smpErrors.badArgType('map', v);
    nonDelete = patchList.filter((v) => !isDeleteDirective(v));
  }
  let p = 0;
  let s = 0;
  while (p < nonDelete.length && s < setOrderList.length) {
    const item = nonDelete[p];
    if (isJsonObject(item) && hasOwn(item, DIRECTIVE_MARKER)) {
      p++;
      continue;
    }
    if (mergeKeyValueEqual(item, setOrderList[s], mergeKey)) p++;
    s++;
  }
  if (p < nonDelete.length && s >= setOrderList.length) {
    throw smpErrors.other(
      `The order in patch list:\n${goSprint(patchList)}\n doesn't match $setElementOrder list:\n${goSprint(setOrderList)}\n`,
    );
  }
}

/** Whether two elements have the same identity (the items themselves when there is no merge key). */
export function mergeKeyValueEqual(left: JsonValue, right: JsonValue, mergeKey: string): boolean {
  if (mergeKey === '') return left === right;
  if (!isJsonObject(left)) throw smpErrors.badArgType('map', left);
  if (!isJsonObject(right)) throw smpErrors.badArgType('map', right);
  if (!hasOwn(left, mergeKey)) throw smpErrors.noMergeKey(left, mergeKey);
  if (!hasOwn(right, mergeKey)) throw smpErrors.noMergeKey(right, mergeKey);
  return (left as JsonObject)[mergeKey] === (right as JsonObject)[mergeKey];
}
