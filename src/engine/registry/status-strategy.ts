// Strategy helpers shared by kinds: initial status on create, status kept on spec writes.

import type { KubeObject } from '../api/types';
import { initialStatus } from './defaults/status';

export function resetStatus(obj: KubeObject): void {
  const s = initialStatus(obj.kind ?? '');
  if (s !== undefined) obj.status = s;
  else delete obj.status;
}

export function keepOldStatus(obj: KubeObject, old: KubeObject): void {
  obj.status = old.status;
  if (obj.status === undefined) delete obj.status;
}

/** A kind with a status subresource: status reset on create, kept on main-resource writes. */
export const withStatus = { prepareForCreate: resetStatus, prepareForUpdate: keepOldStatus } as const;
