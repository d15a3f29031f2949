// StorageClasses (storage.k8s.io/v1).
import type { ResourceDef } from '../types';
import { ALL_VERBS } from '../verbs';

export const storageclasses: ResourceDef = {
  group: 'storage.k8s.io', version: 'v1', kind: 'StorageClass', plural: 'storageclasses', singular: 'storageclass', shortNames: ['sc'],
  namespaced: false, verbs: ALL_VERBS,
};
