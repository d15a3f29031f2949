// Field management for the API server: metadata.managedFields on every write and server-side apply.
// The REST layer calls recordManagedFields where upstream's handlers call the FieldManager; PATCH with
// application/apply-patch+yaml goes to serverSideApply.

import type { ResourceDef } from '../../registry/types';
import type { RequestOptions } from '../rest/context';
import type { KubeObject } from '../types';
import { trackUpdate } from './fieldmanager';
import { managerOrUserAgent } from './apply';

export { serverSideApply, managerOrUserAgent, validateFieldManager, type ApplyResult } from './apply';
export { applyConfig, trackUpdate, LAST_APPLIED_ANNOTATION, type WriteInfo } from './fieldmanager';
export type { ManagedFieldsEntry } from './managed';

/**
 * Sets `obj.metadata.managedFields` for a create (live undefined), update or non-apply patch of `def`
 * (the FieldManager.UpdateNoErrors call of the create/update/patch handlers). `requested` is what the
 * request carried in metadata.managedFields; `subresource` the endpoint written through.
 */
export function recordManagedFields(
  def: ResourceDef,
  live: KubeObject | undefined,
  obj: KubeObject,
  requested: unknown,
  opts: RequestOptions,
  subresource: string | undefined,
  now: number,
): void {
  if (opts.managedFieldsSet || (globalThis as { __noMF?: boolean }).__noMF) return;
  const meta = (obj.metadata ??= {});
  const entries = trackUpdate(def, live, obj, requested, { manager: managerOrUserAgent(opts.fieldManager, opts.userAgent), subresource, now });
  if (entries) meta.managedFields = entries as NonNullable<KubeObject['metadata']>['managedFields'];
  else delete meta.managedFields;
}
