// StatefulSets: ordered pods with stable names; scale and status subresources.
import type { ResourceDef } from '../types';
import { ALL_VERBS } from '../verbs';
import { withStatus } from '../status-strategy';

export const statefulsets: ResourceDef = {
  group: 'apps', version: 'v1', kind: 'StatefulSet', plural: 'statefulsets', singular: 'statefulset', shortNames: ['sts'],
  namespaced: true, categories: ['all'], verbs: ALL_VERBS,
  subresources: { scale: { specReplicasPath: ['spec', 'replicas'], statusReplicasPath: ['status', 'replicas'], labelSelectorPath: ['spec', 'selector'] }, status: true },
  generation: true, ...withStatus,
};
