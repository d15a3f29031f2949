// Table columns and cells for storage classes: `name (default)` for the default class, PROVISIONER,
// RECLAIMPOLICY (Delete), VOLUMEBINDINGMODE (Immediate), ALLOWVOLUMEEXPANSION (false).
// mirrors: pkg/printers/internalversion/printers.go (printStorageClass),
// pkg/apis/storage/util/helpers.go (IsDefaultAnnotation)

import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { TablePrinter } from './types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { DOC } from './descriptions';
import { age } from './format';

function isDefault(sc: StorageClass): boolean {
  const a = sc.metadata?.annotations;
  return (
    a?.['storageclass.kubernetes.io/is-default-class'] === 'true' ||
    a?.['storageclass.beta.kubernetes.io/is-default-class'] === 'true'
  );
}

export const storageClassPrinter: TablePrinter<StorageClass> = {
  columns: [
    NAME_COLUMN,
    column('Provisioner', 'string', DOC['storage/v1 StorageClass.provisioner']),
    column('ReclaimPolicy', 'string', DOC['storage/v1 StorageClass.reclaimPolicy']),
    column('VolumeBindingMode', 'string', DOC['storage/v1 StorageClass.volumeBindingMode']),
    column('AllowVolumeExpansion', 'string', DOC['storage/v1 StorageClass.allowVolumeExpansion']),
    AGE_COLUMN,
  ],
  rows: (sc, now) => [
    [
      isDefault(sc) ? `${sc.metadata?.name ?? ''} (default)` : (sc.metadata?.name ?? ''),
      sc.provisioner ?? '',
      sc.reclaimPolicy ?? 'Delete',
      sc.volumeBindingMode ?? 'Immediate',
      sc.allowVolumeExpansion ?? false,
      age(sc.metadata, now),
    ],
  ],
};
