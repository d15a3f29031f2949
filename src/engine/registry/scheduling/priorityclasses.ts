// PriorityClasses (scheduling.k8s.io/v1): pod priority and preemption.
import type { ResourceDef } from '../types';
import { ALL_VERBS } from '../verbs';

export const priorityclasses: ResourceDef = {
  group: 'scheduling.k8s.io', version: 'v1', kind: 'PriorityClass', plural: 'priorityclasses', singular: 'priorityclass', shortNames: ['pc'],
  namespaced: false, verbs: ALL_VERBS,
};
