// PVC protection: a deleted claim keeps its finalizer (stays Terminating) while a pod still uses it.
// mirrors: pkg/controller/volume/pvcprotection

import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';
import { Controller, nsName, splitKey, type ControllerContext } from '../context';
import type { Client } from '../client';
import { isConflict, isNotFound } from '../client';

const FINALIZER = 'kubernetes.io/pvc-protection';

export class PVCProtectionController extends Controller {
  readonly name = 'pvc-protection';
  private readonly client: Client;

  constructor(ctx: ControllerContext) {
    super(ctx);
    this.client = ctx.client('system:serviceaccount:kube-system:pvc-protection-controller', 'kube-controller-manager');
  }

  start(): void {
    this.watch('persistentvolumeclaims', (e) => {
      if (e.type !== 'DELETED' && e.object.metadata!.deletionTimestamp) this.queue.add(nsName(e.object));
    });
    this.watch('pods', (e) => {
      const pod = e.object as Pod;
      const gone = e.type === 'DELETED' || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
      if (!gone) return;
      for (const v of pod.spec?.volumes ?? []) if (v.persistentVolumeClaim) this.queue.add(`${pod.metadata!.namespace}/${v.persistentVolumeClaim.claimName}`);
    });
  }

  *resyncKeys(): Iterable<string> {
    for (const c of this.client.list('persistentvolumeclaims')) if (c.metadata!.deletionTimestamp) yield nsName(c);
  }

  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const pvc = this.client.get<PersistentVolumeClaim & KubeObject>('persistentvolumeclaims', ns, name);
    if (!pvc || !pvc.metadata!.deletionTimestamp || !(pvc.metadata!.finalizers ?? []).includes(FINALIZER)) return;
    for (const pod of this.client.list<Pod & KubeObject>('pods', ns)) {
      if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') continue;
      if ((pod.spec?.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === name)) return;
    }
    const fin = pvc.metadata!.finalizers!.filter((f) => f !== FINALIZER);
    try {
      this.client.update('persistentvolumeclaims', { ...pvc, metadata: { ...pvc.metadata, finalizers: fin.length ? fin : undefined } } as KubeObject);
    } catch (e) {
      if (!isConflict(e) && !isNotFound(e)) throw e;
    }
  }
}
