// PATCH: picks the patch type from Content-Type and applies it to the current object; patch errors
// become the Status the apiserver answers with.

import type { ResourceDef } from '../registry/types';
import type { KubeObject } from './types';
import * as errors from './errors';
import { applyJsonPatch, decodeJsonPatch } from './patch/json-patch';
import { applyMergePatch } from './patch/merge-patch';
import { applyStrategicMergePatch } from './patch/strategic-merge-patch';
import { PatchError } from './patch/patch-errors';
import { patchMetaFor, schemaFor } from '../schema/index';
import { deepClone } from '../store/freeze';
import type { FieldValidation, RequestOptions } from './rest/context';
import type { Rest } from './rest/rest';
import type { ApiRequest } from './types';
import { serverSideApply, type ApplyResult } from './fieldmanager/index';

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

export const PATCH_MEDIA_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/apply-patch+yaml',
  'application/strategic-merge-patch+json',
];

export function patchTypeOf(contentType: string | undefined): PatchType | undefined {
  const ct = (contentType ?? '').split(';')[0].trim().toLowerCase();
  switch (ct) {
    case 'application/json-patch+json':
      return 'json';
    case 'application/merge-patch+json':
      return 'merge';
    case 'application/strategic-merge-patch+json':
      return 'strategic';
    case 'application/apply-patch+yaml':
    case 'application/apply-patch+cbor':
      return 'apply';
  }
  return undefined;
}

export function patchObject(def: ResourceDef, current: KubeObject, type: PatchType | undefined, patch: unknown, fieldValidation: FieldValidation = 'Warn'): KubeObject {
  if (patch === undefined) throw errors.badRequest('the server rejected our request due to an error in our request');
  try {
    let out: unknown;
    switch (type) {
      case 'json':
        out = applyJsonPatch(current, decodeJsonPatch(patch, fieldValidation));
        break;
      case 'merge':
        out = applyMergePatch(current, patch);
        break;
      case 'strategic':
        // Strategic merge needs a schema: kinds without one (custom resources) refuse it.
        if (!schemaFor(def.group, def.version, def.kind) && def.kind !== 'Scale') throw errors.unsupportedMediaType(PATCH_MEDIA_TYPES.filter((t) => t !== 'application/strategic-merge-patch+json'));
        out = applyStrategicMergePatch(current, patch as Record<string, unknown>, patchMetaFor(def.group, def.version, def.kind));
        break;
      default:
        throw errors.unsupportedMediaType(PATCH_MEDIA_TYPES);
    }
    // Results share structure with the (frozen) current object; the caller mutates.
    return deepClone(out as KubeObject);
  } catch (e) {
    if (e instanceof PatchError) {
      const s = e.status;
      const status = errors.statusBody(s.code, s.reason || undefined, s.message, s.details as errors.StatusDetails | undefined);
      throw new errors.StatusError(status);
    }
    throw e;
  }
}

/**
 * PATCH with application/apply-patch+yaml: server-side apply of the request's configuration, creating
 * the object when it does not exist (`created`: answer 201). See fieldmanager/apply.ts.
 */
export function applyPatch(
  rest: Rest,
  def: ResourceDef,
  namespace: string | undefined,
  name: string,
  req: ApiRequest,
  opts: RequestOptions,
  force: boolean,
  maxBodyBytes: number,
  subresource?: 'status',
): ApplyResult {
  return serverSideApply(rest, def, namespace, name, req, opts, force, maxBodyBytes, subresource);
}
