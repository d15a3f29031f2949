// The PersistentVolumeClaim block shared by the PVC describer and ephemeral volume templates, and the
// storage helpers (access-mode abbreviations, storage class lookup) PV and PVC describers use.
// mirrors: k8s.io/kubectl/pkg/describe/describe.go (printPersistentVolumeClaim),
//          k8s.io/kubectl/pkg/util/storage/storage.go

import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import { LEVEL_0, LEVEL_1, printAnnotationsMultiline, printLabelsMultiline, type PrefixWriter } from '../printers/index';
import { goList, quantityOf, since } from './util';

const BETA_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/** GetAccessModesAsString: RWO,ROX,RWX,RWOP in that fixed order. */
export function accessModesString(modes: readonly string[] | undefined): string {
  const m = new Set(modes ?? []);
  const out: string[] = [];
  if (m.has('ReadWriteOnce')) out.push('RWO');
  if (m.has('ReadOnlyMany')) out.push('ROX');
  if (m.has('ReadWriteMany')) out.push('RWX');
  if (m.has('ReadWriteOncePod')) out.push('RWOP');
  return out.join(',');
}

/** GetPersistentVolumeClaimClass: the beta annotation first, then spec.storageClassName. */
export function claimClass(pvc: PersistentVolumeClaim): string {
  const ann = pvc.metadata?.annotations ?? {};
  if (BETA_STORAGE_CLASS_ANNOTATION in ann) return ann[BETA_STORAGE_CLASS_ANNOTATION];
  return pvc.spec?.storageClassName ?? '';
}

/** GetPersistentVolumeClass. */
export function volumeClass(pv: PersistentVolume): string {
  const ann = pv.metadata?.annotations ?? {};
  if (BETA_STORAGE_CLASS_ANNOTATION in ann) return ann[BETA_STORAGE_CLASS_ANNOTATION];
  return pv.spec?.storageClassName ?? '';
}

/** printPersistentVolumeClaim; `full` false for an ephemeral volume's claim template. */
export function printPersistentVolumeClaim(w: PrefixWriter, pvc: PersistentVolumeClaim, full: boolean, nowMs = 0): void {
  const m = pvc.metadata ?? {};
  if (full) {
    w.write(LEVEL_0, `Name:\t${m.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${m.namespace ?? ''}\n`);
  }
  w.write(LEVEL_0, `StorageClass:\t${claimClass(pvc)}\n`);
  if (full) {
    if (m.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(m.deletionTimestamp, nowMs)})\n`);
    else w.write(LEVEL_0, `Status:\t${pvc.status?.phase ?? ''}\n`);
  }
  const volumeName = pvc.spec?.volumeName ?? '';
  w.write(LEVEL_0, `Volume:\t${volumeName}\n`);
  printLabelsMultiline(w, 'Labels', m.labels);
  printAnnotationsMultiline(w, 'Annotations', m.annotations);
  if (full) w.write(LEVEL_0, `Finalizers:\t${goList(m.finalizers)}\n`);
  let capacity = '';
  let accessModes = '';
  if (volumeName) {
    accessModes = accessModesString(pvc.status?.accessModes);
    capacity = quantityOf(pvc.status?.capacity as Record<string, string> | undefined, 'storage').toString();
  }
  w.write(LEVEL_0, `Capacity:\t${capacity}\n`);
  w.write(LEVEL_0, `Access Modes:\t${accessModes}\n`);
  if (pvc.spec?.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${pvc.spec.volumeMode}\n`);
  const ds = pvc.spec?.dataSource;
  if (ds) {
    w.write(LEVEL_0, 'DataSource:\n');
    if (ds.apiGroup !== undefined && ds.apiGroup !== null) w.write(LEVEL_1, `APIGroup:\t${ds.apiGroup}\n`);
    w.write(LEVEL_1, `Kind:\t${ds.kind}\n`);
    w.write(LEVEL_1, `Name:\t${ds.name}\n`);
  }
}
