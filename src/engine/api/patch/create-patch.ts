// Client-side patch computation as kubectl does it: two-way strategic patches (edit, set, rollout restart),
// three-way strategic patches (apply with the last-applied annotation) and the JSON merge patch variants.
// mirrors: k8s.io/apimachinery/pkg/util/strategicpatch/patch.go (CreateTwoWayMergePatch,
// CreateThreeWayMergePatch), k8s.io/apimachinery/pkg/util/jsonmergepatch/patch.go, and the precondition
// helpers of k8s.io/apimachinery/pkg/util/mergepatch/util.go. Serialise results with stableStringify.

import { goSprint } from './go-format';
import { getOwn, isJsonObject, setOwn, type JsonObject, type JsonValue } from './json-value';
import { applyMergePatch, createMergePatch } from './merge-patch';
import { hasConflicts, mergingMapsHaveConflicts, toYaml } from './patch-conflicts';
import { MergePatchError, PatchConflictError, PreconditionFailedError, smpErrors } from './patch-errors';
import type { PatchMeta } from './patch-meta';
import { diffMaps } from './smp-diff';
import { MERGE_PATCHES_OPTIONS, mergeMap } from './smp-merge';

export { createMergePatch } from './merge-patch';

/** A check on a computed patch; false fails the computation (mergepatch.PreconditionFunc). */
export type PreconditionFunc = (patch: JsonObject) => boolean;

/** Fails when the patch sets `key` at the top level (i.e. its value changed). */
export function requireKeyUnchanged(key: string): PreconditionFunc {
  return (patch) => getOwn(patch, key) === undefined;
}

/** Fails when the patch sets metadata.<key>. */
export function requireMetadataKeyUnchanged(key: string): PreconditionFunc {
  return (patch) => {
    const metadata = getOwn(patch, 'metadata');
    return !isJsonObject(metadata) || getOwn(metadata, key) === undefined;
  };
}

/** kubectl apply's preconditions for JSON merge patches: apiVersion, kind and name must not change. */
export const APPLY_PRECONDITIONS: readonly PreconditionFunc[] = [
  requireKeyUnchanged('apiVersion'),
  requireKeyUnchanged('kind'),
  requireMetadataKeyUnchanged('name'),
];

/** A JSON object input; null/undefined (an empty document) count as {}. */
function asMap(v: unknown): JsonObject {
  if (v === null || v === undefined) return {};
  if (!isJsonObject(v)) throw smpErrors.badJSONDoc();
  return v;
}

function checkPreconditions(patch: JsonObject, preconditions: readonly PreconditionFunc[]): void {
  for (const fn of preconditions) if (!fn(patch)) throw new PreconditionFailedError(patch);
}

/**
 * The strategic merge patch that turns `original` into `modified` (with $setElementOrder lists), as
 * kubectl edit / set image / rollout restart send it.
 */
export function createTwoWayMergePatch(
  original: unknown,
  modified: unknown,
  meta: PatchMeta,
  preconditions: readonly PreconditionFunc[] = [],
): JsonObject {
  const patch = diffMaps(asMap(original), asMap(modified), meta, { setElementOrder: true });
  checkPreconditions(patch, preconditions);
  return patch;
}

/**
 * kubectl apply's patch: deletions from `original` (the last-applied configuration) to `modified` (the
 * new manifest), plus additions and changes from `current` (the live object) to `modified`. With
 * overwrite=false, keys changed differently in `current` since `original` are a PatchConflictError.
 * An empty result ({}) means there is nothing to send ("unchanged").
 */
export function createThreeWayMergePatch(
  original: unknown,
  modified: unknown,
  current: unknown,
  meta: PatchMeta,
  overwrite = true,
  preconditions: readonly PreconditionFunc[] = [],
): JsonObject {
  const orig = asMap(original);
  const mod = asMap(modified);
  const cur = asMap(current);
  const delta = diffMaps(cur, mod, meta, { ignoreDeletions: true, setElementOrder: true });
  const deletions = diffMaps(orig, mod, meta, { setElementOrder: true, ignoreChangesAndAdditions: true });
  const patch = mergeMap(deletions, delta, meta, MERGE_PATCHES_OPTIONS);
  checkPreconditions(patch, preconditions);
  if (!overwrite) {
    const changed = diffMaps(orig, cur, meta, {});
    if (mergingMapsHaveConflicts(patch, changed, meta)) throw new PatchConflictError(toYaml(patch), toYaml(changed));
  }
  return patch;
}

/** Keeps only the nulls (deletions) or only the non-nulls (additions and changes) of a merge patch. */
function keepOrDeleteNull(m: JsonObject, keepNull: boolean): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(m)) {
    const val = m[key];
    if (val === null) {
      if (keepNull) setOwn(out, key, null);
    } else if (isJsonObject(val)) {
      if (Object.keys(val).length === 0) {
        if (!keepNull) setOwn(out, key, val); // an explicitly empty map is a value, not an empty patch
        continue;
      }
      const sub = keepOrDeleteNull(val, keepNull);
      if (Object.keys(sub).length > 0) setOwn(out, key, sub);
    } else if (!keepNull) {
      setOwn(out, key, val);
    }
  }
  return out;
}

/**
 * The JSON merge patch kubectl apply sends for types without strategic metadata (custom resources):
 * additions and changes from `current` to `modified`, deletions from `original` to `modified`.
 * A failed precondition is a plain error in upstream (not PreconditionFailed), mirrored here.
 */
export function createThreeWayJsonMergePatch(
  original: unknown,
  modified: unknown,
  current: unknown,
  preconditions: readonly PreconditionFunc[] = [],
): JsonObject {
  const orig = asJsonDoc(original);
  const mod = asJsonDoc(modified);
  const cur = asJsonDoc(current);
  const addAndChange = keepOrDeleteNull(createMergePatch(cur, mod) as JsonObject, false);
  const deletions = keepOrDeleteNull(createMergePatch(orig, mod) as JsonObject, true);
  if (hasConflicts(addAndChange, deletions)) throw new PatchConflictError(toYaml(addAndChange), toYaml(deletions));
  const patch = applyMergePatch(deletions, addAndChange) as JsonObject;
  for (const fn of preconditions) {
    if (!fn(patch)) throw new MergePatchError(`precondition failed for: ${goSprint(patch)}`);
  }
  return patch;
}

function asJsonDoc(v: unknown): JsonObject {
  if (v === null || v === undefined) return {};
  if (!isJsonObject(v)) throw new MergePatchError('Invalid JSON Document');
  return v;
}

/** Whether a computed patch is empty, i.e. kubectl would print "unchanged" and send nothing. */
export function isEmptyPatch(patch: JsonValue): boolean {
  return isJsonObject(patch) && Object.keys(patch).length === 0;
}
