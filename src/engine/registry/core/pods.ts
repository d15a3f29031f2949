// Pods: strategy (status on create, graceful deletion), field selectors and the by-node index.
// mirrors: pkg/registry/core/pod/strategy.go

import type { Pod, Container } from 'kubernetes-types/core/v1';
import type { ResourceDef } from '../types';
import { ALL_VERBS } from '../verbs';
import type { KubeObject, Writable } from '../../api/types';

type PodObj = Writable<Pod> & KubeObject;

export const pods: ResourceDef<PodObj> = {
  group: '',
  version: 'v1',
  kind: 'Pod',
  plural: 'pods',
  singular: 'pod',
  shortNames: ['po'],
  namespaced: true,
  categories: ['all'],
  verbs: ALL_VERBS,
  subresources: { attach: true, binding: true, ephemeralcontainers: true, eviction: true, exec: true, log: true, portforward: true, proxy: true, status: true },
  indexes: [{ name: 'spec.nodeName', values: (o) => (o as PodObj).spec?.nodeName || undefined }],
  fields: {
    'spec.nodeName': (p) => p.spec?.nodeName ?? '',
    'spec.restartPolicy': (p) => p.spec?.restartPolicy ?? '',
    'spec.schedulerName': (p) => p.spec?.schedulerName ?? '',
    'spec.serviceAccountName': (p) => p.spec?.serviceAccountName ?? '',
    'spec.hostNetwork': (p) => String(!!p.spec?.hostNetwork),
    'status.phase': (p) => p.status?.phase ?? '',
    'status.podIP': (p) => p.status?.podIP ?? '',
    'status.nominatedNodeName': (p) => p.status?.nominatedNodeName ?? '',
  },
  prepareForCreate(pod) {
    const gated = (pod.spec?.schedulingGates?.length ?? 0) > 0;
    pod.status = { phase: 'Pending', qosClass: qosClass(pod) };
    if (gated) {
      pod.status.conditions = [
        { type: 'PodScheduled', status: 'False', reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates', lastProbeTime: null as unknown as string, lastTransitionTime: null as unknown as string },
      ];
    }
  },
  prepareForUpdate(pod, old) {
    pod.status = old.status;
    if (pod.status === undefined) delete pod.status;
  },
  gracePeriod(pod, requested) {
    if (!pod.spec?.nodeName) return 0;
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return 0;
    if (requested !== undefined) return Math.max(0, requested);
    return pod.spec.terminationGracePeriodSeconds ?? 30;
  },
};

/** QoS class (pkg/apis/core/helper/qos): Guaranteed, Burstable or BestEffort. */
export function qosClass(pod: Pod): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers: Container[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  let anyRequestOrLimit = false;
  let guaranteed = true;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    for (const r of ['cpu', 'memory']) {
      if (req[r] !== undefined || lim[r] !== undefined) anyRequestOrLimit = true;
      if (lim[r] === undefined) guaranteed = false;
      else if (req[r] !== undefined && String(req[r]) !== String(lim[r])) guaranteed = false;
    }
  }
  if (!anyRequestOrLimit) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
