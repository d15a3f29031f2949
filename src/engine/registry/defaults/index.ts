// Scheme defaulting for every built-in kind: one default<Kind>(obj) per kind and a dispatch by kind.
// mirrors: runtime.Scheme.Default with the SetObjectDefaults_* functions registered per group/version

import { defaultDaemonSet, defaultDeployment, defaultReplicaSet, defaultStatefulSet } from './apps';
import { defaultCronJob, defaultJob } from './batch';
import {
  defaultConfigMap,
  defaultEndpoints,
  defaultEvent,
  defaultLimitRange,
  defaultNamespace,
  defaultNode,
  defaultPersistentVolume,
  defaultPersistentVolumeClaim,
  defaultReplicationController,
  defaultResourceQuota,
  defaultSecret,
  defaultServiceAccount,
} from './core';
import {
  defaultClusterRole,
  defaultClusterRoleBinding,
  defaultEndpointSlice,
  defaultHorizontalPodAutoscaler,
  defaultIngress,
  defaultLease,
  defaultNetworkPolicy,
  defaultPodDisruptionBudget,
  defaultPriorityClass,
  defaultRole,
  defaultRoleBinding,
  defaultStorageClass,
} from './other';
import { defaultPod, defaultPodTemplateSpec } from './pod';
import { defaultService } from './service';

export * from './apps';
export * from './batch';
export * from './core';
export * from './other';
export * from './pod';
export * from './service';
export { initialStatus, defaultStatus } from './status';
export { defaultResourceList, canonicalQuantityField, canonicalQuantityMap } from './quantities';

type Defaulter = (obj: unknown) => void;

/** Each defaulter takes its own typed object; the table erases the type, keyed by kind. */
function entry<T>(fn: (obj: T) => void): Defaulter {
  return fn as Defaulter;
}

const DEFAULTERS: Record<string, Defaulter> = {
  Pod: entry(defaultPod),
  PodTemplate: entry((pt: { template?: Parameters<typeof defaultPodTemplateSpec>[0] }) => defaultPodTemplateSpec(pt.template)),
  Service: entry(defaultService),
  Namespace: entry(defaultNamespace),
  Node: entry(defaultNode),
  ConfigMap: entry(defaultConfigMap),
  Secret: entry(defaultSecret),
  Event: entry(defaultEvent),
  ServiceAccount: entry(defaultServiceAccount),
  PersistentVolume: entry(defaultPersistentVolume),
  PersistentVolumeClaim: entry(defaultPersistentVolumeClaim),
  Endpoints: entry(defaultEndpoints),
  ResourceQuota: entry(defaultResourceQuota),
  LimitRange: entry(defaultLimitRange),
  ReplicationController: entry(defaultReplicationController),
  Deployment: entry(defaultDeployment),
  ReplicaSet: entry(defaultReplicaSet),
  DaemonSet: entry(defaultDaemonSet),
  StatefulSet: entry(defaultStatefulSet),
  Job: entry(defaultJob),
  CronJob: entry(defaultCronJob),
  HorizontalPodAutoscaler: entry(defaultHorizontalPodAutoscaler),
  PodDisruptionBudget: entry(defaultPodDisruptionBudget),
  Ingress: entry(defaultIngress),
  NetworkPolicy: entry(defaultNetworkPolicy),
  StorageClass: entry(defaultStorageClass),
  Lease: entry(defaultLease),
  EndpointSlice: entry(defaultEndpointSlice),
  PriorityClass: entry(defaultPriorityClass),
  Role: entry(defaultRole),
  ClusterRole: entry(defaultClusterRole),
  RoleBinding: entry(defaultRoleBinding),
  ClusterRoleBinding: entry(defaultClusterRoleBinding),
};

/** Applies the scheme defaults of `kind` (default: obj.kind) to a fresh object; unknown kinds are left as they are. */
export function defaultObject(obj: { kind?: string }, kind = obj.kind ?? ''): void {
  DEFAULTERS[kind]?.(obj);
}

/** Whether defaulting is known for a kind. */
export function hasDefaulter(kind: string): boolean {
  return kind in DEFAULTERS;
}
