// `kubectl describe pv|pvc|storageclass`: claim binding, capacity, access modes, node affinity and the
// volume source; for claims the pods using them; for classes provisioner, parameters and topologies.
// mirrors: k8s.io/kubectl/pkg/describe/describe.go (describePersistentVolume, printVolumeNodeAffinity,
//          describePersistentVolumeClaim, getPodsForPVC, describeStorageClass, printAllowedTopologies)

import type { PersistentVolume, PersistentVolumeClaim, Pod, VolumeNodeAffinity } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { KubeObject } from '../../../engine/api/types';
import { describeEvents, describeString, formatLabels, LEVEL_0, LEVEL_1, LEVEL_2, printAnnotationsMultiline, printLabelsMultiline, printPodsMultiline, type PrefixWriter } from '../printers/index';
import { fetchEvents } from './events';
import { accessModesString, printPersistentVolumeClaim, volumeClass } from './pvc-common';
import type { Describer } from './types';
import { apiPath, goList, listAll, printBoolPtr, quantityOf, rfc1123z, since, serverError } from './util';
import {
  printAWSElasticBlockStore, printAzureDisk, printAzureFile, printCephFS, printCinder, printCSIPersistent, printFC, printFlex, printFlocker, printGCEPersistentDisk,
  printGlusterfs, printHostPath, printISCSI, printLocal, printNFS, printPhoton, printPortworx, printQuobyte, printRBD, printScaleIO, printStorageOS, printVsphere,
} from './volumes';

type Src = Record<string, unknown>;

/** PersistentVolume sources in the order upstream tests them. */
const PV_SOURCES: [string, (s: Src, w: PrefixWriter) => void][] = [
  ['hostPath', printHostPath],
  ['gcePersistentDisk', printGCEPersistentDisk],
  ['awsElasticBlockStore', printAWSElasticBlockStore],
  ['nfs', printNFS],
  ['iscsi', (s, w) => printISCSI(s, w, true)],
  ['glusterfs', (s, w) => printGlusterfs(s, w, true)],
  ['rbd', (s, w) => printRBD(s, w, true)],
  ['quobyte', printQuobyte],
  ['vsphereVolume', printVsphere],
  ['cinder', (s, w) => printCinder(s, w, true)],
  ['azureDisk', printAzureDisk],
  ['photonPersistentDisk', printPhoton],
  ['portworxVolume', printPortworx],
  ['scaleIO', (s, w) => printScaleIO(s, w, true)],
  ['local', printLocal],
  ['cephfs', (s, w) => printCephFS(s, w, true)],
  ['storageos', printStorageOS],
  ['fc', printFC],
  ['azureFile', (s, w) => printAzureFile(s, w, true)],
  ['flexVolume', (s, w) => printFlex(s, w, true)],
  ['flocker', printFlocker],
  ['csi', printCSIPersistent],
];

function printVolumeNodeAffinity(w: PrefixWriter, affinity: VolumeNodeAffinity | undefined): void {
  w.write(LEVEL_0, 'Node Affinity:\t');
  const required = affinity?.required;
  if (!required) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  w.write(LEVEL_1, 'Required Terms:\t');
  if (!required.nodeSelectorTerms?.length) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  required.nodeSelectorTerms.forEach((term, i) => {
    w.write(LEVEL_2, `Term ${i}:\t`);
    const reqs = term.matchExpressions ?? [];
    if (reqs.length === 0) {
      w.writeLine('<none>');
      return;
    }
    reqs.forEach((r, j) => {
      if (j !== 0) w.write(LEVEL_2, '\t');
      let expr = `${r.key} ${r.operator.toLowerCase()}`;
      if (r.values?.length) expr += ` [${r.values.join(', ')}]`;
      w.write(LEVEL_0, `${expr}\n`);
    });
  });
}

export const describePersistentVolume: Describer = async (ctx, obj) => {
  const pv = obj as PersistentVolume & KubeObject;
  const events = await fetchEvents(ctx, obj, 'PersistentVolume');
  const m = pv.metadata ?? {};
  const spec = pv.spec ?? {};
  return describeString((w) => {
    w.write(LEVEL_0, `Name:\t${m.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, `Finalizers:\t${goList(m.finalizers)}\n`);
    w.write(LEVEL_0, `StorageClass:\t${volumeClass(pv)}\n`);
    if (m.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(m.deletionTimestamp, ctx.now)})\n`);
    else w.write(LEVEL_0, `Status:\t${pv.status?.phase ?? ''}\n`);
    w.write(LEVEL_0, `Claim:\t${spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : ''}\n`);
    w.write(LEVEL_0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ''}\n`);
    w.write(LEVEL_0, `Access Modes:\t${accessModesString(spec.accessModes)}\n`);
    if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
    w.write(LEVEL_0, `Capacity:\t${quantityOf(spec.capacity as Record<string, string> | undefined, 'storage').toString()}\n`);
    printVolumeNodeAffinity(w, spec.nodeAffinity);
    w.write(LEVEL_0, `Message:\t${pv.status?.message ?? ''}\n`);
    w.write(LEVEL_0, 'Source:\n');
    const src = spec as unknown as Src;
    const printer = PV_SOURCES.find(([f]) => src[f] !== undefined && src[f] !== null);
    if (printer) printer[1](src[printer[0]] as Src, w);
    else w.write(LEVEL_1, '<unknown>\n');
    if (events) describeEvents(events, w, ctx.now);
  });
};

/** getPodsForPVC: pods mounting the claim, then pods owning it (generic ephemeral volumes). */
async function podsForClaim(ctx: Parameters<Describer>[0], pvc: PersistentVolumeClaim): Promise<Pod[]> {
  const res = await listAll<Pod>(ctx, apiPath('v1', 'pods', pvc.metadata?.namespace));
  if (res.error) throw serverError(res.error);
  const pods: Pod[] = [];
  for (const pod of res.items) {
    for (const v of pod.spec?.volumes ?? []) if (v.persistentVolumeClaim?.claimName === pvc.metadata?.name) pods.push(pod);
  }
  for (const owner of pvc.metadata?.ownerReferences ?? []) {
    if (owner.kind !== 'Pod') continue;
    const pod = res.items.find((p) => p.metadata?.uid === owner.uid);
    if (!pod || pods.some((p) => p.metadata?.uid === pod.metadata?.uid)) continue;
    pods.push(pod);
  }
  return pods;
}

export const describePersistentVolumeClaim: Describer = async (ctx, obj) => {
  const pvc = obj as PersistentVolumeClaim & KubeObject;
  const pods = await podsForClaim(ctx, pvc);
  const events = await fetchEvents(ctx, obj, 'PersistentVolumeClaim');
  return describeString((w) => {
    printPersistentVolumeClaim(w, pvc, true, ctx.now);
    printPodsMultiline(w, 'Used By', pods.map((p) => p.metadata?.name ?? ''));
    const conditions = pvc.status?.conditions ?? [];
    if (conditions.length) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123z(c.lastProbeTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
      }
    }
    if (events) describeEvents(events, w, ctx.now);
  });
};

const DEFAULT_CLASS_ANNOTATIONS = ['storageclass.kubernetes.io/is-default-class', 'storageclass.beta.kubernetes.io/is-default-class'];

export const describeStorageClass: Describer = async (ctx, obj) => {
  const sc = obj as StorageClass & KubeObject;
  const events = await fetchEvents(ctx, obj, 'StorageClass');
  const m = sc.metadata ?? {};
  return describeString((w) => {
    w.write(LEVEL_0, `Name:\t${m.name ?? ''}\n`);
    const isDefault = DEFAULT_CLASS_ANNOTATIONS.some((a) => m.annotations?.[a] === 'true');
    w.write(LEVEL_0, `IsDefaultClass:\t${isDefault ? 'Yes' : 'No'}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(m.annotations)}\n`);
    w.write(LEVEL_0, `Provisioner:\t${sc.provisioner}\n`);
    w.write(LEVEL_0, `Parameters:\t${formatLabels(sc.parameters)}\n`);
    w.write(LEVEL_0, `AllowVolumeExpansion:\t${printBoolPtr(sc.allowVolumeExpansion)}\n`);
    if (!sc.mountOptions?.length) w.write(LEVEL_0, 'MountOptions:\t<none>\n');
    else {
      w.write(LEVEL_0, 'MountOptions:\n');
      for (const o of sc.mountOptions) w.write(LEVEL_1, `${o}\n`);
    }
    if (sc.reclaimPolicy) w.write(LEVEL_0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`);
    if (sc.volumeBindingMode) w.write(LEVEL_0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`);
    if (sc.allowedTopologies) {
      w.write(LEVEL_0, 'AllowedTopologies:\t');
      if (sc.allowedTopologies.length === 0) w.writeLine('<none>');
      else {
        w.writeLine('');
        sc.allowedTopologies.forEach((term, i) => {
          w.write(LEVEL_1, `Term ${i}:\t`);
          const reqs = term.matchLabelExpressions ?? [];
          if (reqs.length === 0) {
            w.writeLine('<none>');
            return;
          }
          reqs.forEach((r, j) => {
            if (j !== 0) w.write(LEVEL_1, '\t');
            let expr = `${r.key} in`;
            if (r.values?.length) expr += ` [${r.values.join(', ')}]`;
            w.write(LEVEL_0, `${expr}\n`);
          });
        });
      }
    }
    if (events) describeEvents(events, w, ctx.now);
  });
};
