// DefaultStorageClass: claims without storageClassName get the cluster's default class.
// mirrors: plugin/pkg/admission/storage/storageclass/setdefault

import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { AdmissionPlugin } from './chain';

export const DefaultStorageClass: AdmissionPlugin = {
  name: 'DefaultStorageClass',
  resources: ['persistentvolumeclaims'],
  admit(op, _def, obj, _old, ctx) {
    if (op !== 'CREATE') return;
    const pvc = obj as PersistentVolumeClaim;
    if (pvc.spec?.storageClassName !== undefined && pvc.spec.storageClassName !== null) return;
    if (pvc.spec?.volumeName) return;
    let def: StorageClass | undefined;
    for (const sc of ctx.store.list('storageclasses.storage.k8s.io') as Iterable<StorageClass>) {
      if (sc.metadata?.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true') {
        if (!def || (sc.metadata!.creationTimestamp ?? '') > (def.metadata!.creationTimestamp ?? '')) def = sc;
      }
    }
    if (def) pvc.spec = { ...pvc.spec, storageClassName: def.metadata!.name };
  },
};
