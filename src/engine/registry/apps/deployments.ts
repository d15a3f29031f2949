// Deployments: generation on spec or annotation changes, status kept on spec writes, scale subresource.
// mirrors: pkg/registry/apps/deployment/strategy.go

import type { ResourceDef } from '../types';
import { ALL_VERBS } from '../verbs';
import type { KubeObject } from '../../api/types';
import { initialStatus } from '../defaults/status';

export const deployments: ResourceDef = {
  group: 'apps',
  version: 'v1',
  kind: 'Deployment',
  plural: 'deployments',
  singular: 'deployment',
  shortNames: ['deploy'],
  namespaced: true,
  categories: ['all'],
  verbs: ALL_VERBS,
  subresources: { scale: { specReplicasPath: ['spec', 'replicas'], statusReplicasPath: ['status', 'replicas'], labelSelectorPath: ['spec', 'selector'] }, status: true },
  generation: true,
  generationOnAnnotations: true,
  prepareForCreate: clearStatus,
  prepareForUpdate: keepStatus,
};

export function clearStatus(obj: KubeObject): void {
  obj.status = initialStatus(obj.kind ?? '') ?? {};
}

export function keepStatus(obj: KubeObject, old: KubeObject): void {
  obj.status = old.status;
  if (obj.status === undefined) delete obj.status;
}
