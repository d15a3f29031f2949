// PersistentVolumeClaims and PersistentVolumes (core/v1).
import type { ResourceDef } from '../types';
import { ALL_VERBS } from '../verbs';
import { withStatus } from '../status-strategy';

export const persistentvolumeclaims: ResourceDef = {
  group: '', version: 'v1', kind: 'PersistentVolumeClaim', plural: 'persistentvolumeclaims', singular: 'persistentvolumeclaim', shortNames: ['pvc'],
  namespaced: true, verbs: ALL_VERBS, subresources: { status: true },
  prepareForCreate: (o) => void (o.status = { phase: 'Pending' }),
  prepareForUpdate: withStatus.prepareForUpdate,
};

export const persistentvolumes: ResourceDef = {
  group: '', version: 'v1', kind: 'PersistentVolume', plural: 'persistentvolumes', singular: 'persistentvolume', shortNames: ['pv'],
  namespaced: false, verbs: ALL_VERBS, subresources: { status: true },
  prepareForCreate: (o) => void (o.status = { phase: 'Pending' }),
  prepareForUpdate: withStatus.prepareForUpdate,
};
