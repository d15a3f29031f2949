// Shared by the validators of the smaller API groups: metadata validation on create or update.

import type { FieldError } from '../../api/validation/field-errors';
import { validateObjectMeta, validateObjectMetaUpdate } from '../../api/validation/metadata';
import { nameIsDNSSubdomain } from '../../api/validation/names';

export function withMeta<T extends { metadata?: Parameters<typeof validateObjectMeta>[0] }>(
  obj: T,
  old: T | undefined,
  namespaced: boolean,
  nameFn = nameIsDNSSubdomain,
): FieldError[] {
  return old ? validateObjectMetaUpdate(obj.metadata, old.metadata) : validateObjectMeta(obj.metadata, namespaced, nameFn);
}
