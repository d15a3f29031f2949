// Public surface of the patch package: JSON patch, JSON merge patch, strategic merge patch, patch creation.

export type { FieldPatchMeta, PatchMeta } from './patch-meta';
export { emptyPatchMeta } from './patch-meta';
export type { JsonObject, JsonPrimitive, JsonValue } from './json-value';
export { deepEqual, deepFreeze, isJsonObject } from './json-value';
export { applyJsonPatch, decodeJsonPatch, MAX_JSON_PATCH_OPERATIONS, type JsonPatchOperation } from './json-patch';
export { applyMergePatch, createMergePatch } from './merge-patch';
export { applyStrategicMergePatch, mergeStrategicMergePatches } from './strategic-merge-patch';
export {
  APPLY_PRECONDITIONS,
  createThreeWayJsonMergePatch,
  createThreeWayMergePatch,
  createTwoWayMergePatch,
  isEmptyPatch,
  requireKeyUnchanged,
  requireMetadataKeyUnchanged,
  type PreconditionFunc,
} from './create-patch';
export { hasConflicts, mergingMapsHaveConflicts } from './patch-conflicts';
export { stableStringify } from './stable-stringify';
export {
  GENERIC_INVALID_MESSAGE,
  JsonPatchError,
  MergePatchError,
  PatchConflictError,
  PatchError,
  PreconditionFailedError,
  StrategicMergePatchError,
  type PatchErrorStatus,
} from './patch-errors';
