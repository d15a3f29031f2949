// Describers by kind (`group/Kind`); kinds without one use the generic describer like kubectl does for CRs
// (and for Lease, Event, ControllerRevision, PodTemplate, which kubectl has no describer for either).
// mirrors: k8s.io/kubectl/pkg/describe/describe.go (describerMap)

import type { Describer } from './types';
import { genericDescriber } from './generic';
import { describeHorizontalPodAutoscaler } from './autoscaling';
import { describeConfigMap, describeSecret, describeServiceAccount } from './config';
import { describeDeployment } from './deployment';
import { describeCronJob, describeJob } from './jobs';
import { describeLimitRange, describeNamespace, describeResourceQuota } from './namespace';
import { describeIngress, describeIngressClass, describeNetworkPolicy } from './networking';
import { describeNode } from './node';
import { describePodObject } from './pod';
import { describePodDisruptionBudget, describePriorityClass } from './policy';
import { describeBinding, describeRole } from './rbac';
import { describeEndpoints, describeEndpointSlice, describeService } from './service';
import { describePersistentVolume, describePersistentVolumeClaim, describeStorageClass } from './storage';
import { describeDaemonSet, describeReplicaSet, describeReplicationController, describeStatefulSet } from './workloads';

export const DESCRIBERS: Record<string, Describer> = {
  '/Pod': describePodObject,
  '/ReplicationController': describeReplicationController,
  '/Secret': describeSecret,
  '/Service': describeService,
  '/ServiceAccount': describeServiceAccount,
  '/Node': describeNode,
  '/LimitRange': describeLimitRange,
  '/ResourceQuota': describeResourceQuota,
  '/PersistentVolume': describePersistentVolume,
  '/PersistentVolumeClaim': describePersistentVolumeClaim,
  '/Namespace': describeNamespace,
  '/Endpoints': describeEndpoints,
  '/ConfigMap': describeConfigMap,
  'discovery.k8s.io/EndpointSlice': describeEndpointSlice,
  'autoscaling/HorizontalPodAutoscaler': describeHorizontalPodAutoscaler,
  'networking.k8s.io/Ingress': describeIngress,
  'networking.k8s.io/IngressClass': describeIngressClass,
  'networking.k8s.io/NetworkPolicy': describeNetworkPolicy,
  'batch/Job': describeJob,
  'batch/CronJob': describeCronJob,
  'apps/StatefulSet': describeStatefulSet,
  'apps/Deployment': describeDeployment,
  'apps/DaemonSet': describeDaemonSet,
  'apps/ReplicaSet': describeReplicaSet,
  'storage.k8s.io/StorageClass': describeStorageClass,
  'policy/PodDisruptionBudget': describePodDisruptionBudget,
  'rbac.authorization.k8s.io/Role': describeRole,
  'rbac.authorization.k8s.io/ClusterRole': describeRole,
  'rbac.authorization.k8s.io/RoleBinding': describeBinding,
  'rbac.authorization.k8s.io/ClusterRoleBinding': describeBinding,
  'scheduling.k8s.io/PriorityClass': describePriorityClass,
};

export function describerFor(group: string, kind: string): Describer {
  return DESCRIBERS[`${group}/${kind}`] ?? genericDescriber;
}
