// What a pod asks of its node, as kubectl sums it for `describe node` (init containers, restartable
// sidecars, overhead), and the QoS class it shows for a pod without status.qosClass.
// mirrors: k8s.io/kubectl/pkg/util/resource/resource.go (PodRequestsAndLimits),
//          k8s.io/kubectl/pkg/util/qos/qos.go (GetPodQOS)

import type { Container, Pod } from 'kubernetes-types/core/v1';
import { Quantity, tryParseQuantity } from '../../../engine/util/quantity';

export type ResourceMap = Map<string, Quantity>;

function toMap(list: Record<string, unknown> | undefined): ResourceMap {
  const m: ResourceMap = new Map();
  for (const [k, v] of Object.entries(list ?? {})) {
    const q = tryParseQuantity(v);
    if (q) m.set(k, q);
  }
  return m;
}

/** addResourceList: sums into `into`, keeping the first quantity's format (Quantity.Add). */
export function addResources(into: ResourceMap, add: ResourceMap): void {
  for (const [k, q] of add) {
    const cur = into.get(k);
    into.set(k, cur ? cur.add(q) : q);
  }
}

function maxResources(into: ResourceMap, other: ResourceMap): void {
  for (const [k, q] of other) {
    const cur = into.get(k);
    if (!cur || q.cmp(cur) > 0) into.set(k, q);
  }
}

/** max(a, b) per resource, for a container whose status reports resources after a resize. */
function maxOf(a: ResourceMap, b: ResourceMap): ResourceMap {
  const out: ResourceMap = new Map();
  for (const [k, q] of a) {
    const o = b.get(k);
    out.set(k, o && q.cmp(o) <= 0 ? o : q);
  }
  for (const [k, q] of b) if (!out.has(k)) out.set(k, q);
  return out;
}

function isSidecar(c: Container): boolean {
  return c.restartPolicy === 'Always';
}

function podRequests(pod: Pod): ResourceMap {
  const reqs: ResourceMap = new Map();
  const statuses = new Map((pod.status?.containerStatuses ?? []).map((s) => [s.name, s]));
  for (const c of pod.spec?.containers ?? []) {
    let r = toMap(c.resources?.requests);
    const st = statuses.get(c.name) as { resources?: { requests?: Record<string, string> } } | undefined;
    if (st?.resources) {
      const actual = toMap(st.resources.requests);
      r = (pod.status as { resize?: string } | undefined)?.resize === 'Infeasible' ? actual : maxOf(r, actual);
    }
    addResources(reqs, r);
  }
  initContainerTotals(pod, reqs, (c) => c.resources?.requests);
  const overhead = pod.spec?.overhead as Record<string, string> | undefined;
  if (overhead) addResources(reqs, toMap(overhead));
  return reqs;
}

/** Init containers run one at a time, each next to the sidecars started before it. */
function initContainerTotals(pod: Pod, total: ResourceMap, pick: (c: Container) => Record<string, unknown> | undefined): void {
  const sidecars: ResourceMap = new Map();
  const inits: ResourceMap = new Map();
  for (const c of pod.spec?.initContainers ?? []) {
    const own = toMap(pick(c));
    let need: ResourceMap;
    if (isSidecar(c)) {
      addResources(total, own);
      addResources(sidecars, own);
      need = sidecars;
    } else {
      need = new Map();
      addResources(need, own);
      addResources(need, sidecars);
    }
    maxResources(inits, need);
  }
  maxResources(total, inits);
}

function podLimits(pod: Pod): ResourceMap {
  const limits: ResourceMap = new Map();
  for (const c of pod.spec?.containers ?? []) addResources(limits, toMap(c.resources?.limits));
  initContainerTotals(pod, limits, (c) => c.resources?.limits);
  for (const [k, q] of toMap(pod.spec?.overhead as Record<string, string> | undefined)) {
    const cur = limits.get(k);
    if (cur && !cur.isZero()) limits.set(k, cur.add(q));
  }
  return limits;
}

/** PodRequestsAndLimits. */
export function podRequestsAndLimits(pod: Pod): { requests: ResourceMap; limits: ResourceMap } {
  return { requests: podRequests(pod), limits: podLimits(pod) };
}

const QOS_RESOURCES = new Set(['cpu', 'memory']);

/** GetPodQOS: status.qosClass, else computed from requests and limits. */
export function podQOS(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const requests: ResourceMap = new Map();
  const limits: ResourceMap = new Map();
  let guaranteed = true;
  const collect = (into: ResourceMap, list: Record<string, unknown> | undefined) => {
    for (const [k, q] of toMap(list)) if (QOS_RESOURCES.has(k) && q.sign() > 0) into.set(k, into.has(k) ? q.add(into.get(k)!) : q);
  };
  const coversBoth = (list: Record<string, unknown> | undefined) => {
    const m = toMap(list);
    return ['cpu', 'memory'].every((k) => (m.get(k)?.sign() ?? 0) > 0);
  };
  const podLevel = (pod.spec as { resources?: { requests?: Record<string, string>; limits?: Record<string, string> } } | undefined)?.resources;
  if (podLevel) {
    collect(requests, podLevel.requests);
    if (podLevel.limits) {
      collect(limits, podLevel.limits);
      if (!coversBoth(podLevel.limits)) guaranteed = false;
    }
  } else {
    for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
      collect(requests, c.resources?.requests);
      collect(limits, c.resources?.limits);
      if (!coversBoth(c.resources?.limits)) guaranteed = false;
    }
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [k, q] of requests) {
      const l = limits.get(k);
      if (!l || l.cmp(q) !== 0) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
