// HorizontalPodAutoscalers (autoscaling/v2).
import type { ResourceDef } from '../types';
import { ALL_VERBS } from '../verbs';
import { withStatus } from '../status-strategy';

export const horizontalpodautoscalers: ResourceDef = {
  group: 'autoscaling', version: 'v2', kind: 'HorizontalPodAutoscaler', plural: 'horizontalpodautoscalers', singular: 'horizontalpodautoscaler', shortNames: ['hpa'],
  namespaced: true, categories: ['all'], verbs: ALL_VERBS, subresources: { status: true }, generation: true, ...withStatus,
};
