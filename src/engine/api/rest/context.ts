// Per-request options and collected warnings, shared by every REST verb.

import type { UserInfo } from '../types';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export interface RequestOptions {
  user?: UserInfo;
  dryRun?: boolean;
  fieldManager?: string;
  fieldValidation?: FieldValidation;
  /** Warnings for the `Warning:` response header (299 "…"). */
  warnings?: string[];
  /** Internal writers (controllers, kubelets) skip defaulting of objects that are already defaulted. */
  trusted?: boolean;
  /** The caller built the object for this write alone and shares no part of it: no private copy needed. */
  fresh?: boolean;
  /** The request's User-Agent: names the field manager when fieldManager is empty. */
  userAgent?: string;
  /** A write through the scale subresource (recorded as such in metadata.managedFields). */
  subresource?: 'scale';
  /** Server-side apply already computed metadata.managedFields for this write. */
  managedFieldsSet?: boolean;
}

export const clusterAdmin: UserInfo = { username: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] };
