// Table columns and cells for persistent volumes: CAPACITY, ACCESS MODES, RECLAIM POLICY, STATUS
// (Terminating while deleted), CLAIM, STORAGECLASS, VOLUMEATTRIBUTESCLASS, REASON, wide VOLUMEMODE.
// mirrors: pkg/printers/internalversion/printers.go (printPersistentVolume),
// pkg/apis/core/helper/helpers.go (GetAccessModesAsString, GetPersistentVolumeClass)

import type { PersistentVolume } from 'kubernetes-types/core/v1';
import type { TablePrinter } from './types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { DOC } from './descriptions';
import { age } from './format';
import { quantityOrZero } from './quantity';

/** The beta annotation that predates storageClassName still wins when present. */
export const BETA_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/** Access modes in the fixed order RWO,ROX,RWX,RWOP. */
export function accessModesString(modes: string[] | undefined): string {
  const has = new Set(modes ?? []);
  const out: string[] = [];
  if (has.has('ReadWriteOnce')) out.push('RWO');
  if (has.has('ReadOnlyMany')) out.push('ROX');
  if (has.has('ReadWriteMany')) out.push('RWX');
  if (has.has('ReadWriteOncePod')) out.push('RWOP');
  return out.join(',');
}

function storageClass(pv: PersistentVolume): string {
  const annotations = pv.metadata?.annotations;
  if (annotations && BETA_STORAGE_CLASS_ANNOTATION in annotations) return annotations[BETA_STORAGE_CLASS_ANNOTATION]!;
  return pv.spec?.storageClassName ?? '';
}

export const persistentVolumePrinter: TablePrinter<PersistentVolume> = {
  columns: [
    NAME_COLUMN,
    column('Capacity', 'string', DOC['core/v1 PersistentVolumeSpec.capacity']),
    column('Access Modes', 'string', DOC['core/v1 PersistentVolumeSpec.accessModes']),
    column('Reclaim Policy', 'string', DOC['core/v1 PersistentVolumeSpec.persistentVolumeReclaimPolicy']),
    column('Status', 'string', DOC['core/v1 PersistentVolumeStatus.phase']),
    column('Claim', 'string', DOC['core/v1 PersistentVolumeSpec.claimRef']),
    column('StorageClass', 'string', 'StorageClass of the pv'),
    column('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pv'),
    column('Reason', 'string', DOC['core/v1 PersistentVolumeStatus.reason']),
    AGE_COLUMN,
    column('VolumeMode', 'string', DOC['core/v1 PersistentVolumeSpec.volumeMode'], 1),
  ],
  rows(pv, now) {
    const spec = pv.spec ?? {};
    const claim = spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : '';
    return [
      [
        pv.metadata?.name ?? '',
        quantityOrZero(spec.capacity?.['storage']),
        accessModesString(spec.accessModes),
        spec.persistentVolumeReclaimPolicy ?? '',
        pv.metadata?.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? ''),
        claim,
        storageClass(pv),
        spec.volumeAttributesClassName ?? '<unset>',
        pv.status?.reason ?? '',
        age(pv.metadata, now),
        spec.volumeMode ?? '<unset>',
      ],
    ];
  },
};
