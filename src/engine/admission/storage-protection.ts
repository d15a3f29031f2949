// StorageObjectInUseProtection: every claim and volume gets its protection finalizer, so it outlives its use.
// mirrors: plugin/pkg/admission/storage/storageobjectinuseprotection

import type { AdmissionPlugin } from './chain';

export const StorageObjectInUseProtection: AdmissionPlugin = {
  name: 'StorageObjectInUseProtection',
  resources: ['persistentvolumeclaims', 'persistentvolumes'],
  admit(op, def, obj) {
    if (op !== 'CREATE') return;
    const f = def.plural === 'persistentvolumes' ? 'kubernetes.io/pv-protection' : 'kubernetes.io/pvc-protection';
    const meta = obj.metadata!;
    if (!(meta.finalizers ?? []).includes(f)) meta.finalizers = [...(meta.finalizers ?? []), f];
  },
};
