// Every kind the API server serves, with its defaulting, validation and table printer attached.
// To add a kind: write registry/<group>/<plural>.ts exporting a ResourceDef and list it here.

import type { ResourceDef } from './types';
import { Registry } from './registry';
import { pods } from './core/pods';
import { namespaces } from './core/namespaces';
import { nodes } from './core/nodes';
import { configmaps, secrets, serviceaccounts, endpoints } from './core/simple';
import { events } from './core/events';
import { services } from './core/services';
import { deployments } from './apps/deployments';
import { replicasets } from './apps/replicasets';
import { leases } from './coordination/leases';
import { daemonsets } from './apps/daemonsets';
import { statefulsets } from './apps/statefulsets';
import { controllerrevisions } from './apps/controllerrevisions';
import { jobs } from './batch/jobs';
import { cronjobs } from './batch/cronjobs';
import { horizontalpodautoscalers } from './autoscaling/horizontalpodautoscalers';
import { horizontalPodAutoscalersV1 } from './autoscaling/hpa-v1';
import { poddisruptionbudgets } from './policy/poddisruptionbudgets';
import { endpointslices } from './discovery/endpointslices';
import { ingresses, ingressclasses, networkpolicies } from './networking/ingresses';
import { persistentvolumeclaims, persistentvolumes } from './core/storage';
import { resourcequotas, limitranges, replicationcontrollers, podtemplates } from './core/policy';
import { storageclasses } from './storage/storageclasses';
import { roles, rolebindings, clusterroles, clusterrolebindings } from './rbac/rbac';
import { priorityclasses } from './scheduling/priorityclasses';
import { selfsubjectaccessreviews, subjectaccessreviews, localsubjectaccessreviews, selfsubjectrulesreviews } from './authorization/reviews';
import * as d from './defaults/index';
import * as v from './validation/index';
import { tablePrinterFor } from '../printers/index';
import type { KubeObject } from '../api/types';
import type { FieldError } from '../api/validation/field-errors';
import { withoutObjectMetaErrors } from '../api/validation/metadata';
import { nameValidatorFor } from './validation/index';

type Hook = { defaults?: (o: never) => void; validate?: (o: never, old?: never) => FieldError[] };

const HOOKS: Record<string, Hook> = {
  Pod: { defaults: d.defaultPod, validate: v.validatePod },
  Namespace: { defaults: d.defaultNamespace, validate: v.validateNamespace },
  Node: { defaults: d.defaultNode, validate: v.validateNode },
  ConfigMap: { defaults: d.defaultConfigMap, validate: v.validateConfigMap },
  Secret: { defaults: d.defaultSecret, validate: v.validateSecret },
  ServiceAccount: { defaults: d.defaultServiceAccount, validate: v.validateServiceAccount },
  Endpoints: { defaults: d.defaultEndpoints, validate: v.validateEndpoints },
  Event: { defaults: d.defaultEvent, validate: v.validateEvent },
  Service: { defaults: d.defaultService, validate: v.validateService },
  Deployment: { defaults: d.defaultDeployment, validate: v.validateDeployment },
  ReplicaSet: { defaults: d.defaultReplicaSet, validate: v.validateReplicaSet },
  Lease: { defaults: d.defaultLease, validate: v.validateLease },
  DaemonSet: { defaults: d.defaultDaemonSet, validate: v.validateDaemonSet },
  StatefulSet: { defaults: d.defaultStatefulSet, validate: v.validateStatefulSet },
  Job: { defaults: d.defaultJob, validate: v.validateJob },
  CronJob: { defaults: d.defaultCronJob, validate: v.validateCronJob },
  HorizontalPodAutoscaler: { defaults: d.defaultHorizontalPodAutoscaler, validate: v.validateHorizontalPodAutoscaler },
  PodDisruptionBudget: { defaults: d.defaultPodDisruptionBudget, validate: v.validatePodDisruptionBudget },
  EndpointSlice: { defaults: d.defaultEndpointSlice, validate: v.validateEndpointSlice },
  Ingress: { defaults: d.defaultIngress, validate: v.validateIngress },
  NetworkPolicy: { defaults: d.defaultNetworkPolicy, validate: v.validateNetworkPolicy },
  PersistentVolumeClaim: { defaults: d.defaultPersistentVolumeClaim, validate: v.validatePersistentVolumeClaim },
  PersistentVolume: { defaults: d.defaultPersistentVolume, validate: v.validatePersistentVolume },
  ResourceQuota: { defaults: d.defaultResourceQuota, validate: v.validateResourceQuota },
  LimitRange: { defaults: d.defaultLimitRange, validate: v.validateLimitRange },
  ReplicationController: { defaults: d.defaultReplicationController, validate: v.validateReplicationController },
  StorageClass: { defaults: d.defaultStorageClass, validate: v.validateStorageClass },
  Role: { defaults: d.defaultRole, validate: v.validateRole },
  RoleBinding: { defaults: d.defaultRoleBinding, validate: v.validateRoleBinding },
  ClusterRole: { defaults: d.defaultClusterRole, validate: v.validateClusterRole },
  ClusterRoleBinding: { defaults: d.defaultClusterRoleBinding, validate: v.validateClusterRoleBinding },
  PriorityClass: { defaults: d.defaultPriorityClass, validate: v.validatePriorityClass },
};

function attach(def: ResourceDef): ResourceDef {
  const hook = HOOKS[def.kind];
  const out: ResourceDef = { ...def };
  if (hook?.defaults && !out.defaults) out.defaults = hook.defaults as (o: KubeObject) => void;
  if (hook?.validate && !out.validate) {
    // Metadata is validated by the REST layer; the kind validators repeat it.
    const validate = hook.validate as (o: KubeObject, old?: KubeObject) => FieldError[];
    out.validate = (o, old) => withoutObjectMetaErrors(validate(o, old));
  }
  out.nameValidator ??= nameValidatorFor(def.kind);
  out.table ??= tablePrinterFor(def.group, def.plural);
  return out;
}

export const ALL_KINDS: ResourceDef[] = [
  pods,
  namespaces,
  nodes,
  configmaps,
  secrets,
  serviceaccounts,
  endpoints,
  events,
  services,
  deployments,
  replicasets,
  leases,
  podtemplates,
  replicationcontrollers,
  resourcequotas,
  limitranges,
  persistentvolumeclaims,
  persistentvolumes,
  daemonsets,
  statefulsets,
  controllerrevisions,
  horizontalpodautoscalers,
  jobs,
  cronjobs,
  endpointslices,
  ingresses,
  ingressclasses,
  networkpolicies,
  poddisruptionbudgets,
  roles,
  rolebindings,
  clusterroles,
  clusterrolebindings,
  priorityclasses,
  storageclasses,
  localsubjectaccessreviews,
  selfsubjectaccessreviews,
  selfsubjectrulesreviews,
  subjectaccessreviews,
].map((k) => attach(k as ResourceDef));

// Versions served by conversion from another version's storage, after the preferred one.
ALL_KINDS.splice(ALL_KINDS.findIndex((d) => d.kind === 'HorizontalPodAutoscaler') + 1, 0, horizontalPodAutoscalersV1(ALL_KINDS.find((d) => d.kind === 'HorizontalPodAutoscaler')!));

export function createRegistry(): Registry {
  return new Registry(ALL_KINDS);
}
