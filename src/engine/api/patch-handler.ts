// PATCH: picks the patch type from Content-Type and applies it to the current object.

import type { ResourceDef } from '../registry/types';
import type { KubeObject } from './types';
import * as errors from './errors';
import { applyJsonPatch } from './patch/json-patch';
import { applyMergePatch } from './patch/merge-patch';
import { applyStrategicMergePatch } from './patch/strategic-merge-patch';
import { patchMetaFor } from '../schema/index';

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

export function patchObject(def: ResourceDef, current: KubeObject, type: PatchType | undefined, patch: unknown): KubeObject {
  if (patch === undefined) throw errors.badRequest('empty patch');
  switch (type) {
    case 'json':
      if (!Array.isArray(patch)) throw errors.badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
      return applyJsonPatch(current, patch) as KubeObject;
    case 'merge':
      return applyMergePatch(current, patch) as KubeObject;
    case 'strategic':
      return applyStrategicMergePatch(current, patch as Record<string, unknown>, patchMetaFor(def.group, def.version, def.kind)) as KubeObject;
  }
  throw errors.unsupportedMediaType(PATCH_MEDIA_TYPES);
}
