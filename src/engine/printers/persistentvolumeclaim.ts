// Table columns and cells for persistent volume claims: STATUS (Terminating while deleted), VOLUME, and
// CAPACITY / ACCESS MODES only once bound to a volume; wide VOLUMEMODE.
// mirrors: pkg/printers/internalversion/printers.go (printPersistentVolumeClaim),
// pkg/apis/core/helper/helpers.go (GetPersistentVolumeClaimClass)

import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { TablePrinter } from './types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { DOC } from './descriptions';
import { age } from './format';
import { accessModesString, BETA_STORAGE_CLASS_ANNOTATION } from './persistentvolume';
import { quantityOrZero } from './quantity';

function storageClass(pvc: PersistentVolumeClaim): string {
  const annotations = pvc.metadata?.annotations;
  if (annotations && BETA_STORAGE_CLASS_ANNOTATION in annotations) return annotations[BETA_STORAGE_CLASS_ANNOTATION]!;
  return pvc.spec?.storageClassName ?? '';
}

export const persistentVolumeClaimPrinter: TablePrinter<PersistentVolumeClaim> = {
  columns: [
    NAME_COLUMN,
    column('Status', 'string', DOC['core/v1 PersistentVolumeClaimStatus.phase']),
    column('Volume', 'string', DOC['core/v1 PersistentVolumeClaimSpec.volumeName']),
    column('Capacity', 'string', DOC['core/v1 PersistentVolumeClaimStatus.capacity']),
    column('Access Modes', 'string', DOC['core/v1 PersistentVolumeClaimStatus.accessModes']),
    column('StorageClass', 'string', 'StorageClass of the pvc'),
    column('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pvc'),
    AGE_COLUMN,
    column('VolumeMode', 'string', DOC['core/v1 PersistentVolumeClaimSpec.volumeMode'], 1),
  ],
  rows(pvc, now) {
    const volumeName = pvc.spec?.volumeName ?? '';
    const bound = volumeName !== '';
    return [
      [
        pvc.metadata?.name ?? '',
        pvc.metadata?.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? ''),
        volumeName,
        bound ? quantityOrZero(pvc.status?.capacity?.['storage']) : '',
        bound ? accessModesString(pvc.status?.accessModes) : '',
        storageClass(pvc),
        pvc.spec?.volumeAttributesClassName ?? '<unset>',
        age(pvc.metadata, now),
        pvc.spec?.volumeMode ?? '<unset>',
      ],
    ];
  },
};
