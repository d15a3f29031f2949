// ResourceQuotas, LimitRanges, PodTemplates and ReplicationControllers (core/v1).
import type { ResourceDef } from '../types';
import { ALL_VERBS } from '../verbs';
import { withStatus, keepOldStatus } from '../status-strategy';

export const resourcequotas: ResourceDef = {
  group: '', version: 'v1', kind: 'ResourceQuota', plural: 'resourcequotas', singular: 'resourcequota', shortNames: ['quota'],
  namespaced: true, verbs: ALL_VERBS, subresources: { status: true },
  prepareForCreate: (o) => void (o.status = {}),
  prepareForUpdate: keepOldStatus,
};

export const limitranges: ResourceDef = {
  group: '', version: 'v1', kind: 'LimitRange', plural: 'limitranges', singular: 'limitrange', shortNames: ['limits'],
  namespaced: true, verbs: ALL_VERBS,
};

export const replicationcontrollers: ResourceDef = {
  group: '', version: 'v1', kind: 'ReplicationController', plural: 'replicationcontrollers', singular: 'replicationcontroller', shortNames: ['rc'],
  namespaced: true, categories: ['all'], verbs: ALL_VERBS,
  subresources: { scale: { specReplicasPath: ['spec', 'replicas'], statusReplicasPath: ['status', 'replicas'] }, status: true },
  generation: true, ...withStatus,
};

export const podtemplates: ResourceDef = {
  group: '', version: 'v1', kind: 'PodTemplate', plural: 'podtemplates', singular: 'podtemplate',
  namespaced: true, verbs: ALL_VERBS,
};
