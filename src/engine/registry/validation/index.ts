// Create/update validation for every built-in kind: one validate<Kind>(obj, old?) per kind and a
// dispatch by kind. `old` is given on update. Errors are upstream's field errors; turn them into the
// 422 with invalidStatus() from api/validation/field-errors.

import type { FieldError } from '../../api/validation/field-errors';
import { withoutObjectMetaErrors } from '../../api/validation/metadata';
import { nameIsDNS1035Label, nameIsDNSLabel, nameIsDNSSubdomain, validatePathSegmentName, type NameValidator } from '../../api/validation/names';
import { validateDaemonSet, validateDeployment, validateReplicaSet, validateStatefulSet } from './apps';
import { validateCronJob, validateJob } from './batch';
import { validateHorizontalPodAutoscaler, validateLease, validatePodDisruptionBudget, validatePriorityClass, validateStorageClass } from './autoscaling-policy';
import { validateConfigMap, validateSecret, validateServiceAccount } from './config';
import { validateEndpoints, validateEvent, validateNamespace, validateNode, validateReplicationController } from './core';
import { validateEndpointSlice, validateIngress, validateNetworkPolicy } from './networking';
import { validateLimitRange, validatePersistentVolume, validatePersistentVolumeClaim, validateResourceQuota } from './quota-storage';
import { validateClusterRole, validateClusterRoleBinding, validateRole, validateRoleBinding } from './rbac';
import { validatePod, validatePodTemplate } from './pod';
import { validateService } from './service';

export * from './apps';
export * from './batch';
export * from './autoscaling-policy';
export * from './config';
export * from './core';
export * from './networking';
export * from './quota-storage';
export * from './rbac';
export * from './pod';
export * from './service';
export { validatePodSpec, validatePodTemplateSpec } from './pod-spec';
export { cronScheduleError } from './cron';
export { findQuantityError, cannotBeHandledMessage } from './decode';

type Validator = (obj: unknown, old?: unknown) => FieldError[];

/** Each validator takes its own typed object; the table erases the type, keyed by kind. */
function entry<T>(fn: (obj: T, old?: T) => FieldError[]): Validator {
  return fn as Validator;
}

const VALIDATORS: Record<string, Validator> = {
  Pod: entry(validatePod),
  PodTemplate: entry(validatePodTemplate),
  Service: entry(validateService),
  Namespace: entry(validateNamespace),
  Node: entry(validateNode),
  ConfigMap: entry(validateConfigMap),
  Secret: entry(validateSecret),
  Event: entry(validateEvent),
  ServiceAccount: entry(validateServiceAccount),
  PersistentVolume: entry(validatePersistentVolume),
  PersistentVolumeClaim: entry(validatePersistentVolumeClaim),
  Endpoints: entry(validateEndpoints),
  ResourceQuota: entry(validateResourceQuota),
  LimitRange: entry(validateLimitRange),
  ReplicationController: entry(validateReplicationController),
  Deployment: entry(validateDeployment),
  ReplicaSet: entry(validateReplicaSet),
  DaemonSet: entry(validateDaemonSet),
  StatefulSet: entry(validateStatefulSet),
  Job: entry(validateJob),
  CronJob: entry(validateCronJob),
  HorizontalPodAutoscaler: entry(validateHorizontalPodAutoscaler),
  PodDisruptionBudget: entry(validatePodDisruptionBudget),
  Ingress: entry(validateIngress),
  NetworkPolicy: entry(validateNetworkPolicy),
  StorageClass: entry(validateStorageClass),
  Lease: entry(validateLease),
  EndpointSlice: entry(validateEndpointSlice),
  PriorityClass: entry(validatePriorityClass),
  Role: entry(validateRole),
  ClusterRole: entry(validateClusterRole),
  RoleBinding: entry(validateRoleBinding),
  ClusterRoleBinding: entry(validateClusterRoleBinding),
};

export interface ValidateObjectOptions {
  /**
   * false: leave out the generic ObjectMeta errors, for a caller that validates metadata itself with
   * validateObjectMetaCreate/Update (pass it nameValidatorFor(kind)). Kind-specific metadata rules
   * (CronJob names ≤ 52, mirror-pod annotations, reserved PriorityClass names...) are kept.
   */
  objectMeta?: boolean;
}

/** Validates an object of `kind` (default: obj.kind); [] for kinds without a validator. */
export function validateObject(
  obj: { kind?: string },
  old?: { kind?: string },
  kind = obj.kind ?? '',
  opts: ValidateObjectOptions = {},
): FieldError[] {
  const v = VALIDATORS[kind];
  if (!v) return [];
  const errs = v(obj, old);
  return opts.objectMeta === false ? withoutObjectMetaErrors(errs) : errs;
}

const NAME_VALIDATORS: Record<string, NameValidator> = {
  Service: nameIsDNS1035Label,
  Namespace: nameIsDNSLabel,
  StatefulSet: nameIsDNSLabel,
  Role: validatePathSegmentName,
  ClusterRole: validatePathSegmentName,
  RoleBinding: validatePathSegmentName,
  ClusterRoleBinding: validatePathSegmentName,
};

/** The name rule ValidateObjectMeta applies to a kind (DNS-1123 subdomain unless listed). */
export function nameValidatorFor(kind: string): NameValidator {
  return NAME_VALIDATORS[kind] ?? nameIsDNSSubdomain;
}

export function hasValidator(kind: string): boolean {
  return kind in VALIDATORS;
}
