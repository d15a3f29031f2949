// JSON merge patch (RFC 7386, application/merge-patch+json): applying one, and computing one from two objects.
// mirrors: gopkg.in/evanphx/json-patch.v4 merge.go (MergePatch, CreateMergePatch) as kube-apiserver and
// kubectl use it, quirks included: nulls are pruned only from values that replace a non-object.

import { deepEqual, getOwn, goKind, hasOwn, isJsonObject, setOwn, shallowCopy, type JsonObject, type JsonValue } from './json-value';
import { ERR_BAD_JSON_DOC, ERR_BAD_JSON_PATCH, ERR_BAD_MERGE_TYPES, MergePatchError } from './patch-errors';

/**
 * Applies a merge patch to a document as kube-apiserver does. An object patch merges; an array patch
 * becomes the result (nulls inside its objects pruned); null or a scalar is "Invalid JSON Patch".
 * Inputs are not changed; the result shares unchanged subtrees with them.
 */
export function applyMergePatch(doc: unknown, patch: unknown): JsonValue {
  // The checks run in doMergePatch's order: null document, null patch, then non-object cases.
  if (doc === null || doc === undefined) throw new MergePatchError(ERR_BAD_JSON_DOC);
  if (patch === null || patch === undefined) throw new MergePatchError(ERR_BAD_JSON_PATCH);
  if (Array.isArray(patch)) return pruneNulls(patch);
  if (!isJsonObject(patch)) throw new MergePatchError(ERR_BAD_JSON_PATCH);
  if (!isJsonObject(doc)) return pruneNulls(patch); // not a document: the (pruned) patch is the result
  return mergeDocs(doc, patch);
}

function mergeDocs(doc: JsonObject, patch: JsonObject): JsonObject {
  const out = shallowCopy(doc);
  for (const k of Object.keys(patch)) {
    const v = patch[k];
    if (v === null) {
      delete out[k];
      continue;
    }
    const cur = getOwn(out, k);
    if (cur === undefined || cur === null) setOwn(out, k, pruneNulls(v));
    else setOwn(out, k, merge(cur, v));
  }
  return out;
}

function merge(cur: JsonValue, patch: JsonValue): JsonValue {
  if (!isJsonObject(cur)) return pruneNulls(patch);
  if (!isJsonObject(patch)) return patch;
  return mergeDocs(cur, patch);
}

/** Drops null members of objects, at any depth (null array elements stay). Copy on write. */
export function pruneNulls(v: JsonValue): JsonValue {
  if (Array.isArray(v)) {
    let out: JsonValue[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const p = v[i] === null ? null : pruneNulls(v[i]);
      if (p !== v[i] && !out) out = v.slice(0, i);
      if (out) out.push(p);
    }
    return out ?? v;
  }
  if (!isJsonObject(v)) return v;
  let out: JsonObject | undefined;
  const keys = Object.keys(v);
  for (let i = 0; i < keys.length; i++) {
    const cur = v[keys[i]];
    const p = cur === null ? undefined : pruneNulls(cur);
    if (p !== cur && !out) {
      out = {};
      for (let j = 0; j < i; j++) setOwn(out, keys[j], v[keys[j]]);
    }
    if (out && p !== undefined) setOwn(out, keys[i], p);
  }
  return out ?? v;
}

/**
 * The merge patch turning `original` into `modified` (CreateMergePatch): changed and added keys with
 * their new value, removed keys as null, nested objects diffed, arrays replaced whole.
 */
export function createMergePatch(original: unknown, modified: unknown): JsonValue {
  const oArr = Array.isArray(original);
  const mArr = Array.isArray(modified);
  if (oArr && mArr) {
    const o = original as JsonValue[];
    const m = modified as JsonValue[];
    if (o.length !== m.length) throw new MergePatchError(ERR_BAD_JSON_DOC);
    return o.map((item, i) => {
      const mi = m[i];
      if (!isJsonObject(item) || !isJsonObject(mi)) throw new MergePatchError(ERR_BAD_JSON_DOC);
      return getDiff(item, mi);
    });
  }
  if (oArr !== mArr) throw new MergePatchError(ERR_BAD_MERGE_TYPES);
  if (!isJsonObject(original) || !isJsonObject(modified)) throw new MergePatchError(ERR_BAD_JSON_DOC);
  return getDiff(original, modified);
}

function getDiff(a: JsonObject, b: JsonObject): JsonObject {
  const into: JsonObject = {};
  for (const key of Object.keys(b)) {
    const bv = b[key];
    if (!hasOwn(a, key) || goKind(a[key]) !== goKind(bv)) {
      setOwn(into, key, bv);
      continue;
    }
    const av = a[key];
    if (isJsonObject(av)) {
      const d = getDiff(av, bv as JsonObject);
      if (Object.keys(d).length > 0) setOwn(into, key, d);
    } else if (!deepEqual(av, bv)) {
      setOwn(into, key, bv);
    }
  }
  for (const key of Object.keys(a)) if (!hasOwn(b, key)) setOwn(into, key, null);
  return into;
}
