// The API group-versions kubeplay serves schemas for: their Go package (definition-name prefix) and kinds.
// Used by the generator (which definitions to emit) and at runtime (which files make up a document).

export interface SchemaGroupVersion {
  /** '' for the core group. */
  group: string;
  version: string;
  /** Definition-name prefix of the Go package, e.g. 'io.k8s.api.apps.v1'. */
  pkg: string;
  /** Top-level kinds registered in this group-version, without their List kinds. */
  kinds: string[];
  /** Kinds that have a List kind (`<Kind>List`); defaults to every kind. */
  listKinds?: string[];
  /** Definitions of other packages that this group-version's paths return (subresource kinds). */
  extraRoots?: string[];
}

const API = 'io.k8s.api.';

/** Served group-versions, in the order discovery lists them. */
export const SCHEMA_GROUP_VERSIONS: readonly SchemaGroupVersion[] = [
  {
    group: '',
    version: 'v1',
    pkg: API + 'core.v1',
    kinds: [
      'Binding', 'ComponentStatus', 'ConfigMap', 'Endpoints', 'Event', 'LimitRange', 'Namespace', 'Node',
      'PersistentVolume', 'PersistentVolumeClaim', 'Pod', 'PodTemplate', 'ReplicationController', 'ResourceQuota',
      'Secret', 'Service', 'ServiceAccount',
    ],
    listKinds: [
      'ComponentStatus', 'ConfigMap', 'Endpoints', 'Event', 'LimitRange', 'Namespace', 'Node', 'PersistentVolume',
      'PersistentVolumeClaim', 'Pod', 'PodTemplate', 'ReplicationController', 'ResourceQuota', 'Secret', 'Service',
      'ServiceAccount',
    ],
    extraRoots: [API + 'autoscaling.v1.Scale', API + 'policy.v1.Eviction', API + 'authentication.v1.TokenRequest'],
  },
  {
    group: 'apps',
    version: 'v1',
    pkg: API + 'apps.v1',
    kinds: ['ControllerRevision', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'],
    extraRoots: [API + 'autoscaling.v1.Scale'],
  },
  { group: 'autoscaling', version: 'v1', pkg: API + 'autoscaling.v1', kinds: ['HorizontalPodAutoscaler', 'Scale'], listKinds: ['HorizontalPodAutoscaler'] },
  { group: 'autoscaling', version: 'v2', pkg: API + 'autoscaling.v2', kinds: ['HorizontalPodAutoscaler'] },
  { group: 'batch', version: 'v1', pkg: API + 'batch.v1', kinds: ['CronJob', 'Job'] },
  {
    group: 'networking.k8s.io',
    version: 'v1',
    pkg: API + 'networking.v1',
    kinds: ['Ingress', 'IngressClass', 'NetworkPolicy'],
  },
  { group: 'policy', version: 'v1', pkg: API + 'policy.v1', kinds: ['Eviction', 'PodDisruptionBudget'], listKinds: ['PodDisruptionBudget'] },
  {
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    pkg: API + 'rbac.v1',
    kinds: ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'],
  },
  {
    group: 'storage.k8s.io',
    version: 'v1',
    pkg: API + 'storage.v1',
    kinds: ['CSIDriver', 'CSINode', 'CSIStorageCapacity', 'StorageClass', 'VolumeAttachment'],
  },
  { group: 'discovery.k8s.io', version: 'v1', pkg: API + 'discovery.v1', kinds: ['EndpointSlice'] },
  { group: 'coordination.k8s.io', version: 'v1', pkg: API + 'coordination.v1', kinds: ['Lease'] },
  { group: 'scheduling.k8s.io', version: 'v1', pkg: API + 'scheduling.v1', kinds: ['PriorityClass'] },
  { group: 'events.k8s.io', version: 'v1', pkg: API + 'events.v1', kinds: ['Event'] },
  { group: 'node.k8s.io', version: 'v1', pkg: API + 'node.v1', kinds: ['RuntimeClass'] },
  {
    group: 'authorization.k8s.io',
    version: 'v1',
    pkg: API + 'authorization.v1',
    kinds: ['LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview', 'SubjectAccessReview'],
    listKinds: [],
  },
  {
    group: 'authentication.k8s.io',
    version: 'v1',
    pkg: API + 'authentication.v1',
    kinds: ['SelfSubjectReview', 'TokenRequest', 'TokenReview'],
    listKinds: [],
  },
  {
    group: 'metrics.k8s.io',
    version: 'v1beta1',
    pkg: 'io.k8s.metrics.pkg.apis.metrics.v1beta1',
    kinds: ['NodeMetrics', 'PodMetrics'],
  },
];

/** 'v1' for the core group, '<group>/<version>' otherwise: the key used throughout this module. */
export function groupVersionKey(group: string, version: string): string {
  return group === '' ? version : `${group}/${version}`;
}

/** File (under generated/) holding the definitions of one Go package prefix. */
export function packageFile(pkg: string): string {
  if (pkg.startsWith('io.k8s.apimachinery.')) return 'apimachinery';
  if (pkg.startsWith(API)) return pkg.slice(API.length);
  if (pkg.startsWith('io.k8s.metrics.')) return 'metrics.' + pkg.slice(pkg.lastIndexOf('.') + 1);
  throw new Error(`no schema file for package ${pkg}`);
}

/** Go package prefix of a definition name: everything before the last dot. */
export function definitionPackage(name: string): string {
  return name.slice(0, name.lastIndexOf('.'));
}
