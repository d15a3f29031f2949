// ReplicaSets: generation on spec changes, status kept on spec writes, scale subresource.
// mirrors: pkg/registry/apps/replicaset/strategy.go

import type { ResourceDef } from '../types';
import { ALL_VERBS } from '../verbs';
import { clearStatus, keepStatus } from './deployments';

export const replicasets: ResourceDef = {
  group: 'apps',
  version: 'v1',
  kind: 'ReplicaSet',
  plural: 'replicasets',
  singular: 'replicaset',
  shortNames: ['rs'],
  namespaced: true,
  categories: ['all'],
  verbs: ALL_VERBS,
  subresources: { scale: { specReplicasPath: ['spec', 'replicas'], statusReplicasPath: ['status', 'replicas'], labelSelectorPath: ['spec', 'selector'] }, status: true },
  generation: true,
  prepareForCreate: clearStatus,
  prepareForUpdate: keepStatus,
};
