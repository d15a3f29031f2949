// Pod predicates shared by controllers: active, ready, available (Ready for minReadySeconds).
// mirrors: pkg/api/v1/pod/util.go, pkg/controller/controller_utils.go

import type { Pod, PodCondition, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject, Writable } from '../api/types';

export type PodObj = Writable<Pod> & KubeObject;

export function isPodActive(p: Pod): boolean {
  const phase = p.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !p.metadata?.deletionTimestamp;
}

export function isPodTerminating(p: Pod): boolean {
  return !!p.metadata?.deletionTimestamp;
}

export function podCondition(p: Pod, type: string): PodCondition | undefined {
  return p.status?.conditions?.find((c) => c.type === type);
}

export function isPodReady(p: Pod): boolean {
  return podCondition(p, 'Ready')?.status === 'True';
}

/** Ready for at least minReadySeconds at now (ms). */
export function isPodAvailable(p: Pod, minReadySeconds: number, now: number): boolean {
  const c = podCondition(p, 'Ready');
  if (c?.status !== 'True') return false;
  if (minReadySeconds <= 0) return true;
  const t = Date.parse(c.lastTransitionTime ?? '');
  return !Number.isNaN(t) && t + minReadySeconds * 1000 <= now;
}

/** The pod a workload controller creates from its template. */
export function podFromTemplate(
  template: PodTemplateSpec,
  namespace: string,
  generateName: string,
  owner: KubeObject,
): PodObj {
  const tm = template.metadata ?? {};
  const meta: PodObj['metadata'] = { generateName, namespace };
  if (tm.labels) meta.labels = { ...tm.labels };
  if (tm.annotations) meta.annotations = { ...tm.annotations };
  if (tm.finalizers) meta.finalizers = [...tm.finalizers];
  meta.ownerReferences = [controllerOwnerRef(owner)];
  return { apiVersion: 'v1', kind: 'Pod', metadata: meta, spec: template.spec as Pod['spec'] };
}

export function controllerOwnerRef(owner: KubeObject) {
  return {
    apiVersion: owner.apiVersion!,
    kind: owner.kind!,
    name: owner.metadata!.name!,
    uid: owner.metadata!.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}
