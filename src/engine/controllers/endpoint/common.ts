// Shared by the Endpoints and EndpointSlice controllers: which pods back a Service, their ports.
// mirrors: pkg/controller/util/endpoint/controller_utils.go (ShouldPodBeInEndpoints, FindPort)

import type { Pod, Service, ServicePort } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';
import type { Client } from '../client';
import { selectorFromSet } from '../../api/selectors/labels';
import { isPodReady } from '../podutil';

export type SvcObj = Service & KubeObject;
export type PodObj = Pod & KubeObject;

/** Pods selected by a Service that can be endpoints (have an IP, not terminal). */
export function servicePods(client: Client, svc: SvcObj, includeTerminating: boolean): PodObj[] {
  const sel = svc.spec?.selector;
  if (!sel) return [];
  const pods = client.select<PodObj>('pods', svc.metadata!.namespace, selectorFromSet(sel));
  return pods.filter((p) => {
    if (!p.status?.podIP) return false;
    const phase = p.status.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return false;
    if (p.metadata!.deletionTimestamp && !includeTerminating) return false;
    return true;
  });
}

/** The container port a service port targets on a pod (named target ports resolve per pod). */
export function findPort(pod: PodObj, sp: ServicePort): number | undefined {
  const tp = sp.targetPort ?? sp.port;
  if (typeof tp === 'number') return tp;
  if (/^\d+$/.test(tp)) return Number(tp);
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) if (p.name === tp && (p.protocol ?? 'TCP') === (sp.protocol ?? 'TCP')) return p.containerPort;
  }
  return undefined;
}

export function podReady(p: PodObj, svc: SvcObj): boolean {
  return !!svc.spec?.publishNotReadyAddresses || isPodReady(p);
}

/** Services in the namespace whose selector matches the pod's labels (old or new). */
export function servicesForPod(client: Client, pod: KubeObject, old?: KubeObject): SvcObj[] {
  const out: SvcObj[] = [];
  for (const s of client.list<SvcObj>('services', pod.metadata!.namespace)) {
    const sel = s.spec?.selector;
    if (!sel) continue;
    const set = selectorFromSet(sel);
    if (set.matches(pod.metadata!.labels) || (old && set.matches(old.metadata!.labels))) out.push(s);
  }
  return out;
}
