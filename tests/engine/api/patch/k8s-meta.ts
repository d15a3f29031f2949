// Hand-built patch metadata for the built-in types the patch tests use (a subset of core/v1 and apps/v1,
// with the x-kubernetes-patch-strategy / -merge-key values of the v1.32 OpenAPI documents).

import { atomicList, mapOf, mergeList, patchMetaOf, setList, struct, type StructDesc } from './meta-builder';

export const objectMetaDesc: StructDesc = {
  labels: mapOf(),
  annotations: mapOf(),
  finalizers: setList(),
  ownerReferences: mergeList('uid'),
  managedFields: atomicList(),
};

export const containerDesc: StructDesc = {
  args: atomicList(),
  command: atomicList(),
  env: mergeList('name'),
  envFrom: atomicList(),
  ports: mergeList('containerPort'),
  volumeMounts: mergeList('mountPath'),
  volumeDevices: mergeList('devicePath'),
  resources: struct({ limits: mapOf(), requests: mapOf() }),
};

export const podSpecDesc: StructDesc = {
  containers: mergeList('name', containerDesc),
  initContainers: mergeList('name', containerDesc),
  ephemeralContainers: mergeList('name', containerDesc),
  imagePullSecrets: mergeList('name'),
  hostAliases: mergeList('ip'),
  volumes: mergeList('name', {}, 'retainKeys'),
  tolerations: atomicList(),
  nodeSelector: mapOf(),
  topologySpreadConstraints: mergeList('topologyKey'),
  schedulingGates: mergeList('name'),
};

export const podTemplateSpecDesc: StructDesc = {
  metadata: struct(objectMetaDesc),
  spec: struct(podSpecDesc),
};

export const deploymentDesc: StructDesc = {
  metadata: struct(objectMetaDesc),
  spec: struct({
    selector: struct({ matchLabels: mapOf(), matchExpressions: atomicList() }),
    template: struct(podTemplateSpecDesc),
    strategy: struct({ rollingUpdate: struct({}) }, 'retainKeys'),
  }),
  status: struct({ conditions: mergeList('type') }),
};

export const podDesc: StructDesc = {
  metadata: struct(objectMetaDesc),
  spec: struct(podSpecDesc),
  status: struct({ conditions: mergeList('type'), podIPs: mergeList('ip') }),
};

export const serviceDesc: StructDesc = {
  metadata: struct(objectMetaDesc),
  spec: struct({ ports: mergeList('port'), selector: mapOf() }),
};

export const configMapDesc: StructDesc = {
  metadata: struct(objectMetaDesc),
  data: mapOf(),
  binaryData: mapOf(),
};

export const deploymentMeta = patchMetaOf(deploymentDesc);
export const podMeta = patchMetaOf(podDesc);
export const serviceMeta = patchMetaOf(serviceDesc);
export const configMapMeta = patchMetaOf(configMapDesc);
