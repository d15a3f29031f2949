// Applying a strategic merge patch (PATCH with application/strategic-merge-patch+json) to an object.
// mirrors: k8s.io/apimachinery/pkg/util/strategicpatch/patch.go (StrategicMergeMapPatchUsingLookupPatchMeta)
// and the body checks of staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go.
//
// Kept as upstream does it, on purpose: a new list item merged into a merge list is appended exactly
// as sent (nulls and nested directives included), and a map with "$patch: replace" or a list without
// merge strategy is taken as sent. The real server then decodes into the Go type, which drops unknown
// keys such as a stray "$patch" (or rejects them with fieldValidation=Strict); do that in the caller.

import { goKind, isJsonObject, type JsonObject } from './json-value';
import { StrategicMergePatchError } from './patch-errors';
import type { PatchMeta } from './patch-meta';
import { APPLY_OPTIONS, MERGE_PATCHES_OPTIONS, mergeMap } from './smp-merge';

const GO_JSON_KIND: Record<string, string> = {
  slice: 'array',
  string: 'string',
  bool: 'bool',
  number: 'number',
};

/**
 * Applies `patch` to `original` as kube-apiserver does for a strategic merge patch. `original` is not
 * changed; the result shares unchanged subtrees with `original` and `patch` (treat all as immutable).
 * A null patch changes nothing. Throws StrategicMergePatchError (see its `status`).
 */
export function applyStrategicMergePatch(original: unknown, patch: unknown, meta: PatchMeta): JsonObject {
  const orig = original === null || original === undefined ? null : original;
  if (orig !== null && !isJsonObject(orig)) {
    throw new StrategicMergePatchError('invalid JSON document', 'bad-request');
  }
  if (patch === null || patch === undefined) return orig ?? {};
  if (!isJsonObject(patch)) {
    // kjson.UnmarshalCaseSensitivePreserveInts(body, &map[string]interface{}{}) → NewBadRequest(err.Error())
    throw new StrategicMergePatchError(
      `json: cannot unmarshal ${GO_JSON_KIND[goKind(patch)]} into Go value of type map[string]interface {}`,
      'bad-request',
    );
  }
  return mergeMap(orig, patch, meta, APPLY_OPTIONS);
}

/**
 * Merges strategic merge patches into one (later ones win), keeping nulls and parallel lists, so that
 * applying the result equals applying each in turn. mirrors MergeStrategicMergeMapPatchUsingLookupPatchMeta.
 */
export function mergeStrategicMergePatches(meta: PatchMeta, ...patches: JsonObject[]): JsonObject {
  let merged: JsonObject = {};
  for (const p of patches) merged = mergeMap(merged, p, meta, MERGE_PATCHES_OPTIONS);
  return merged;
}
