// The PersistentVolume controller with a local-path dynamic provisioner: binds claims to matching volumes,
// provisions `pvc-<uid>` volumes for classes with a provisioner (Immediate at once, WaitForFirstConsumer once the
// scheduler picked a node), and releases/deletes volumes when claims go away (reclaim policy).
// mirrors: pkg/controller/volume/persistentvolume/pv_controller.go, sig-storage-lib-external-provisioner

import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { KubeObject, Writable } from '../../api/types';
import { Controller, nsName, splitKey, type ControllerContext } from '../context';
import type { Client } from '../client';
import { isConflict, isNotFound } from '../client';
import { parseQuantity } from '../../util/quantity';
import { StatusError } from '../../api/errors';

type PVCObj = Writable<PersistentVolumeClaim> & KubeObject;
type PVObj = Writable<PersistentVolume> & KubeObject;
type SCObj = StorageClass & KubeObject;

export const SELECTED_NODE = 'volume.kubernetes.io/selected-node';
const PROVISION_MS = 1_500;
const SOURCE = { component: 'persistentvolume-controller' };

export class PersistentVolumeController extends Controller {
  readonly name = 'persistentvolume-binder';
  private readonly client: Client;
  private provisioning = new Set<string>();

  constructor(ctx: ControllerContext) {
    super(ctx);
    this.client = ctx.client('system:serviceaccount:kube-system:persistent-volume-binder', 'kube-controller-manager');
  }

  start(): void {
    this.watch('persistentvolumeclaims', (e) => {
      this.queue.add(`claim/${nsName(e.object)}`);
      // A claim that goes releases its volume.
      const vol = (e.object as PVCObj).spec?.volumeName;
      if (e.type === 'DELETED' && vol) this.queue.add(`volume/${vol}`);
    });
    this.watch('persistentvolumes', (e) => {
      this.queue.add(`volume/${e.object.metadata!.name}`);
      const ref = (e.object as PVObj).spec?.claimRef;
      if (ref?.namespace && ref.name) this.queue.add(`claim/${ref.namespace}/${ref.name}`);
    });
  }

  *resyncKeys(): Iterable<string> {
    for (const c of this.client.list('persistentvolumeclaims')) yield `claim/${nsName(c)}`;
    for (const v of this.client.list('persistentvolumes')) yield `volume/${v.metadata!.name}`;
  }

  sync(key: string): void {
    if (key.startsWith('claim/')) this.syncClaim(key.slice(6));
    else this.syncVolume(key.slice(7));
  }

  private syncClaim(k: string): void {
    const [ns, name] = splitKey(k);
    const pvc = this.client.get<PVCObj>('persistentvolumeclaims', ns, name);
    if (!pvc || pvc.metadata!.deletionTimestamp) return;
    if (pvc.spec?.volumeName) {
      const pv = this.client.get<PVObj>('persistentvolumes', undefined, pvc.spec.volumeName);
      if (!pv) {
        if (pvc.status?.phase !== 'Lost') this.setClaimPhase(pvc, 'Lost');
        return;
      }
      if (pv.spec?.claimRef?.uid === pvc.metadata!.uid && pvc.status?.phase !== 'Bound') this.bindClaim(pvc, pv);
      return;
    }
    // A matching available volume?
    const pv = this.findVolume(pvc);
    if (pv) {
      this.bindVolume(pv, pvc);
      return;
    }
    const scName = pvc.spec?.storageClassName;
    const sc = scName ? this.client.get<SCObj>('storageclasses.storage.k8s.io', undefined, scName) : undefined;
    if (!sc) {
      if (scName) this.ctx.event(SOURCE, pvc, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${scName}" not found`);
      else this.ctx.event(SOURCE, pvc, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set');
      return;
    }
    const wffc = sc.volumeBindingMode === 'WaitForFirstConsumer';
    const node = pvc.metadata!.annotations?.[SELECTED_NODE];
    if (wffc && !node) {
      this.ctx.event(SOURCE, pvc, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding');
      return;
    }
    this.provision(pvc, sc, node);
  }

  private findVolume(pvc: PVCObj): PVObj | undefined {
    const want = parseQuantity(String(pvc.spec?.resources?.requests?.storage ?? '0'));
    const modes = pvc.spec?.accessModes ?? [];
    let best: PVObj | undefined;
    for (const pv of this.client.list<PVObj>('persistentvolumes')) {
      if (pv.status?.phase !== 'Available' || pv.spec?.claimRef && pv.spec.claimRef.uid && pv.spec.claimRef.uid !== pvc.metadata!.uid) continue;
      if (pv.spec?.claimRef && (pv.spec.claimRef.name !== pvc.metadata!.name || pv.spec.claimRef.namespace !== pvc.metadata!.namespace)) continue;
      if ((pv.spec?.storageClassName ?? '') !== (pvc.spec?.storageClassName ?? '')) continue;
      if (!modes.every((m) => (pv.spec?.accessModes ?? []).includes(m))) continue;
      const cap = parseQuantity(String(pv.spec?.capacity?.storage ?? '0'));
      if (cap.cmp(want) < 0) continue;
      if (!best || cap.cmp(parseQuantity(String(best.spec?.capacity?.storage ?? '0'))) < 0) best = pv;
    }
    return best;
  }

  private provision(pvc: PVCObj, sc: SCObj, node: string | undefined): void {
    const key = pvc.metadata!.uid!;
    if (this.provisioning.has(key)) return;
    this.provisioning.add(key);
    const provisioner = sc.provisioner;
    this.ctx.event(SOURCE, pvc, 'Normal', 'ExternalProvisioning', `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`);
    const psrc = { component: `${provisioner}_local-path-provisioner-7d4d9bdcc5-6q8rd_0b4d1c2e-1f3a-4f6e-9a8b-2c3d4e5f6a7b` };
    this.ctx.event(psrc, pvc, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${pvc.metadata!.namespace}/${pvc.metadata!.name}"`);
    this.ctx.clock.setTimeout(() => {
      this.provisioning.delete(key);
      const cur = this.client.get<PVCObj>('persistentvolumeclaims', pvc.metadata!.namespace, pvc.metadata!.name!);
      if (!cur || cur.metadata!.uid !== key || cur.spec?.volumeName) return;
      const pvName = `pvc-${key}`;
      const pv: PVObj = {
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        metadata: { name: pvName, annotations: { 'local.path.provisioner/selected-node': node ?? '', 'pv.kubernetes.io/provisioned-by': provisioner } },
        spec: {
          accessModes: cur.spec?.accessModes ?? ['ReadWriteOnce'],
          capacity: { storage: String(cur.spec?.resources?.requests?.storage ?? '1Gi') },
          claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: cur.metadata!.name, namespace: cur.metadata!.namespace, resourceVersion: cur.metadata!.resourceVersion, uid: key },
          hostPath: { path: `/var/local-path-provisioner/${pvName}_${cur.metadata!.namespace}_${cur.metadata!.name}`, type: 'DirectoryOrCreate' },
          persistentVolumeReclaimPolicy: (sc.reclaimPolicy as 'Delete' | 'Retain' | undefined) ?? 'Delete',
          storageClassName: sc.metadata!.name,
          volumeMode: cur.spec?.volumeMode ?? 'Filesystem',
        },
      };
      if (!node) delete pv.metadata!.annotations!['local.path.provisioner/selected-node'];
      else pv.spec!.nodeAffinity = { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } };
      try {
        const created = this.client.create<PVObj>('persistentvolumes', pv);
        this.ctx.event(psrc, cur, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${pvName}`);
        this.bindVolume(created, cur);
      } catch (e) {
        if (e instanceof StatusError) this.ctx.event(SOURCE, cur, 'Warning', 'ProvisioningFailed', e.message);
        else throw e;
      }
    }, PROVISION_MS);
  }

  private bindVolume(pv: PVObj, pvc: PVCObj): void {
    const claimRef = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: pvc.metadata!.name, namespace: pvc.metadata!.namespace, resourceVersion: pvc.metadata!.resourceVersion, uid: pvc.metadata!.uid };
    try {
      let v = pv;
      if (pv.spec?.claimRef?.uid !== pvc.metadata!.uid) {
        v = this.client.update<PVObj>('persistentvolumes', { ...pv, metadata: { ...pv.metadata, annotations: { ...pv.metadata!.annotations, 'pv.kubernetes.io/bound-by-controller': 'yes' } }, spec: { ...pv.spec, claimRef } } as KubeObject);
      }
      if (v.status?.phase !== 'Bound') v = this.client.updateStatus<PVObj>('persistentvolumes', { ...v, status: { phase: 'Bound', lastPhaseTransitionTime: isoNow(this.ctx.clock.now()) } } as KubeObject);
      const c = this.client.update<PVCObj>('persistentvolumeclaims', {
        ...pvc,
        metadata: { ...pvc.metadata, annotations: { ...pvc.metadata!.annotations, 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes', ...(v.metadata!.annotations?.['pv.kubernetes.io/provisioned-by'] ? { 'volume.beta.kubernetes.io/storage-provisioner': v.metadata!.annotations['pv.kubernetes.io/provisioned-by'], 'volume.kubernetes.io/storage-provisioner': v.metadata!.annotations['pv.kubernetes.io/provisioned-by'] } : {}) } },
        spec: { ...pvc.spec, volumeName: v.metadata!.name },
      } as KubeObject);
      this.bindClaim(c, v);
    } catch (e) {
      if (isConflict(e) || isNotFound(e)) this.queue.addRateLimited(`claim/${nsName(pvc)}`);
      else throw e;
    }
  }

  private bindClaim(pvc: PVCObj, pv: PVObj): void {
    this.client.updateStatus('persistentvolumeclaims', {
      ...pvc,
      status: { phase: 'Bound', accessModes: pv.spec?.accessModes, capacity: pv.spec?.capacity },
    } as KubeObject);
  }

  private setClaimPhase(pvc: PVCObj, phase: string): void {
    this.client.updateStatus('persistentvolumeclaims', { ...pvc, status: { ...pvc.status, phase } } as KubeObject);
  }

  /** A volume whose claim is gone is Released, then deleted (Delete) or kept (Retain). */
  private syncVolume(name: string): void {
    const pv = this.client.get<PVObj>('persistentvolumes', undefined, name);
    if (!pv) return;
    if (pv.metadata!.deletionTimestamp) {
      // pv-protection: the volume goes once no claim uses it.
      const ref = pv.spec?.claimRef;
      const claim = ref ? this.client.get<PVCObj>('persistentvolumeclaims', ref.namespace, ref.name!) : undefined;
      if (!claim || claim.metadata!.uid !== ref?.uid) this.dropFinalizer('persistentvolumes', pv, 'kubernetes.io/pv-protection');
      return;
    }
    const ref = pv.spec?.claimRef;
    if (!ref) {
      if (pv.status?.phase !== 'Available') this.client.updateStatus('persistentvolumes', { ...pv, status: { phase: 'Available', lastPhaseTransitionTime: isoNow(this.ctx.clock.now()) } } as KubeObject);
      return;
    }
    const claim = this.client.get<PVCObj>('persistentvolumeclaims', ref.namespace, ref.name!);
    if (claim && claim.metadata!.uid === ref.uid) return;
    if (!ref.uid) return;
    if (pv.status?.phase === 'Bound') {
      this.client.updateStatus('persistentvolumes', { ...pv, status: { phase: 'Released', lastPhaseTransitionTime: isoNow(this.ctx.clock.now()) } } as KubeObject);
      return;
    }
    if (pv.status?.phase === 'Released' && pv.spec?.persistentVolumeReclaimPolicy === 'Delete') {
      this.client.delete('persistentvolumes', undefined, name);
    }
  }

  private dropFinalizer(resource: string, o: KubeObject, f: string): void {
    const fin = (o.metadata!.finalizers ?? []).filter((x) => x !== f);
    try {
      this.client.update(resource, { ...o, metadata: { ...o.metadata, finalizers: fin.length ? fin : undefined } });
    } catch (e) {
      if (!isConflict(e) && !isNotFound(e)) throw e;
    }
  }
}

function isoNow(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
