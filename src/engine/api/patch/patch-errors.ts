// Errors of the patch algorithms, worded as upstream, each with the Status kube-apiserver answers for it.
// mirrors: k8s.io/apimachinery/pkg/util/mergepatch/errors.go, gopkg.in/evanphx/json-patch.v4 error texts,
// and staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go (which status each error becomes).

import { goSprint, goSprintS, goTypeName } from './go-format';

/** The parts of a metav1.Status the API server derives from a patch error. */
export interface PatchErrorStatus {
  code: number;
  /** metav1.StatusReason; '' for errors that are not API statuses (the server answers 500 with no reason). */
  reason: string;
  message: string;
  /** Present (and empty) on the generic 422, which NewGenericServerResponse builds with empty details. */
  details?: Record<string, never>;
}

/** NewGenericServerResponse(422, …) keeps none of the library's text. */
export const GENERIC_INVALID_MESSAGE = 'the server rejected our request due to an error in our request';

export abstract class PatchError extends Error {
  /** How kube-apiserver reports this error when it arises while serving a PATCH. */
  abstract get status(): PatchErrorStatus;
}

/** RFC 6902 problems. `phase` says whether decoding the operations or applying them failed. */
export class JsonPatchError extends PatchError {
  override name = 'JsonPatchError';
  constructor(
    message: string,
    readonly phase: 'decode' | 'apply' | 'too-large',
  ) {
    super(message);
  }
  get status(): PatchErrorStatus {
    switch (this.phase) {
      case 'decode':
        return { code: 400, reason: 'BadRequest', message: this.message };
      case 'too-large':
        return { code: 413, reason: 'RequestEntityTooLarge', message: `Request entity too large: ${this.message}` };
      default:
        // patch.go: NewGenericServerResponse(StatusUnprocessableEntity, …, err.Error(), …) drops err.Error().
        return { code: 422, reason: 'Invalid', message: GENERIC_INVALID_MESSAGE, details: {} };
    }
  }
}

/** json-patch v4 MergePatch errors (ErrBadJSONPatch → 400, anything else → 500). */
export class MergePatchError extends PatchError {
  override name = 'MergePatchError';
  get status(): PatchErrorStatus {
    if (this.message === ERR_BAD_JSON_PATCH) return { code: 400, reason: 'BadRequest', message: this.message };
    return { code: 500, reason: '', message: this.message };
  }
}

export const ERR_BAD_JSON_PATCH = 'Invalid JSON Patch';
export const ERR_BAD_JSON_DOC = 'Invalid JSON Document';
export const ERR_BAD_MERGE_TYPES = 'Mismatched JSON Documents';

/** Strategic merge patch errors; `kind` selects the status mapping of interpretStrategicMergePatchError. */
export type SmpErrorKind = 'bad-request' | 'invalid' | 'internal';

export class StrategicMergePatchError extends PatchError {
  override name = 'StrategicMergePatchError';
  constructor(
    message: string,
    readonly kind: SmpErrorKind = 'internal',
  ) {
    super(message);
  }
  get status(): PatchErrorStatus {
    switch (this.kind) {
      case 'bad-request':
        return { code: 400, reason: 'BadRequest', message: this.message };
      case 'invalid':
        return { code: 422, reason: 'Invalid', message: GENERIC_INVALID_MESSAGE, details: {} };
      default:
        return { code: 500, reason: '', message: this.message };
    }
  }
}

// The sentinel errors of k8s.io/apimachinery/pkg/util/mergepatch.
export const smpErrors = {
  badJSONDoc: () => new StrategicMergePatchError('invalid JSON document', 'bad-request'),
  noListOfLists: () => new StrategicMergePatchError('lists of lists are not supported', 'invalid'),
  badPatchFormatForPrimitiveList: () =>
    new StrategicMergePatchError('invalid patch format of primitive list', 'bad-request'),
  badPatchFormatForRetainKeys: () => new StrategicMergePatchError('invalid patch format of retainKeys', 'bad-request'),
  badPatchFormatForSetElementOrderList: () =>
    new StrategicMergePatchError('invalid patch format of setElementOrder list', 'bad-request'),
  unsupportedStrategicMergePatchFormat: () =>
    new StrategicMergePatchError('strategic merge patch format is not supported', 'bad-request'),
  noMergeKey: (m: unknown, key: string) =>
    new StrategicMergePatchError(`map: ${goSprint(m)} does not contain declared merge key: ${key}`),
  /** ErrBadArgType(expected, actual): expected is named by its Go type. */
  badArgType: (expected: 'map' | 'slice', actual: unknown) =>
    new StrategicMergePatchError(
      `expected a ${expected === 'map' ? 'map[string]interface {}' : '[]interface {}'}, but received a ${goTypeName(actual)}`,
    ),
  badPatchType: (directive: unknown, m: unknown) =>
    new StrategicMergePatchError(`unknown patch type: ${goSprintS(directive)} in map: ${goSprint(m)}`),
  other: (message: string) => new StrategicMergePatchError(message),
};

/** ErrPreconditionFailed: the computed patch touches a key the caller required unchanged. */
export class PreconditionFailedError extends PatchError {
  override name = 'PreconditionFailedError';
  constructor(patch: unknown) {
    super(`precondition failed for: ${goSprint(patch)}`);
  }
  get status(): PatchErrorStatus {
    return { code: 500, reason: '', message: this.message };
  }
}

/** ErrConflict: three-way patch changes keys that were changed differently in the live object. */
export class PatchConflictError extends PatchError {
  override name = 'PatchConflictError';
  constructor(patchYaml: string, currentYaml: string) {
    super(`patch:\n${patchYaml}\nconflicts with changes made from original to current:\n${currentYaml}\n`);
  }
  get status(): PatchErrorStatus {
    return { code: 500, reason: '', message: this.message };
  }
}
