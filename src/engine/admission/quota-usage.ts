// What an object counts against a ResourceQuota: object counts and compute/storage requests and limits.
// mirrors: pkg/quota/v1/evaluator/core (pods, services, persistentvolumeclaims, object count)

import type { Pod, PersistentVolumeClaim, ResourceQuota, Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/types';
import { parseQuantity, type Quantity } from '../util/quantity';

export type Usage = Map<string, Quantity>;

const COUNTED: Record<string, string> = {
  pods: 'pods',
  services: 'services',
  configmaps: 'configmaps',
  secrets: 'secrets',
  persistentvolumeclaims: 'persistentvolumeclaims',
  replicationcontrollers: 'replicationcontrollers',
  resourcequotas: 'resourcequotas',
};

function add(u: Usage, k: string, q: Quantity | string | number): void {
  const v = typeof q === 'object' ? q : parseQuantity(String(q));
  const cur = u.get(k);
  u.set(k, cur ? cur.add(v) : v);
}

/** Whether a pod still counts (terminal pods do not). */
function podCounts(p: Pod): boolean {
  return p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed';
}

export function usageOf(resourceKey: string, o: KubeObject): Usage {
  const u: Usage = new Map();
  const group = resourceKey.includes('.') ? resourceKey.slice(resourceKey.indexOf('.') + 1) : '';
  const plural = resourceKey.split('.')[0];
  add(u, group ? `count/${plural}.${group}` : `count/${plural}`, 1);
  if (COUNTED[resourceKey]) add(u, COUNTED[resourceKey], 1);
  if (resourceKey === 'pods') {
    const pod = o as Pod;
    if (!podCounts(pod)) return new Map();
    for (const c of pod.spec?.containers ?? []) {
      for (const [r, q] of Object.entries(c.resources?.requests ?? {})) {
        add(u, `requests.${r}`, String(q));
        if (r === 'cpu' || r === 'memory' || r === 'ephemeral-storage') add(u, r, String(q));
      }
      for (const [r, q] of Object.entries(c.resources?.limits ?? {})) add(u, `limits.${r}`, String(q));
    }
  }
  if (resourceKey === 'services') {
    const t = (o as Service).spec?.type;
    if (t === 'NodePort') add(u, 'services.nodeports', (o as Service).spec?.ports?.length ?? 0);
    if (t === 'LoadBalancer') {
      add(u, 'services.loadbalancers', 1);
      add(u, 'services.nodeports', (o as Service).spec?.ports?.length ?? 0);
    }
  }
  if (resourceKey === 'persistentvolumeclaims') {
    const pvc = o as PersistentVolumeClaim;
    const st = pvc.spec?.resources?.requests?.storage;
    if (st !== undefined) add(u, 'requests.storage', String(st));
    if (pvc.spec?.storageClassName) {
      add(u, `${pvc.spec.storageClassName}.storageclass.storage.k8s.io/persistentvolumeclaims`, 1);
      if (st !== undefined) add(u, `${pvc.spec.storageClassName}.storageclass.storage.k8s.io/requests.storage`, String(st));
    }
  }
  return u;
}

/** Resources a quota constrains that this kind of object can use. */
export function constrained(quota: ResourceQuota, u: Usage): string[] {
  return Object.keys(quota.spec?.hard ?? {}).filter((k) => u.has(k) || k === 'requests.cpu' || k === 'requests.memory' || k === 'limits.cpu' || k === 'limits.memory' || k === 'cpu' || k === 'memory');
}

export { add as addUsage };
