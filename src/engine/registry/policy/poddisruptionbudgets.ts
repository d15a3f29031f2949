// PodDisruptionBudgets: how many pods of a set may be disrupted voluntarily (drain, eviction).
import type { ResourceDef } from '../types';
import { ALL_VERBS } from '../verbs';
import { withStatus } from '../status-strategy';

export const poddisruptionbudgets: ResourceDef = {
  group: 'policy', version: 'v1', kind: 'PodDisruptionBudget', plural: 'poddisruptionbudgets', singular: 'poddisruptionbudget', shortNames: ['pdb'],
  namespaced: true, verbs: ALL_VERBS, subresources: { status: true }, generation: true, ...withStatus,
};
