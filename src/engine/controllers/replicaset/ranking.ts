// Which pods a ReplicaSet deletes first when scaling down.
// mirrors: pkg/controller/controller_utils.go (ActivePodsWithRanks.Less), replica_set.go getPodsToDelete

import type { PodObj } from '../podutil';
import { isPodReady, podCondition } from '../podutil';

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

export function podsToDelete(active: PodObj[], related: PodObj[], n: number, now: number): PodObj[] {
  if (n >= active.length) return active;
  // Rank: number of related active pods on the same node (more co-located → deleted first).
  const onNode = new Map<string, number>();
  for (const p of related.length ? related : active) {
    const node = p.spec?.nodeName;
    if (node) onNode.set(node, (onNode.get(node) ?? 0) + 1);
  }
  const ranked = active.map((p) => ({ p, rank: p.spec?.nodeName ? onNode.get(p.spec.nodeName) ?? 0 : 0 }));
  ranked.sort((a, b) => compare(a.p, a.rank, b.p, b.rank, now));
  return ranked.slice(0, n).map((x) => x.p);
}

/** Negative when a should be deleted before b. */
function compare(a: PodObj, ra: number, b: PodObj, rb: number, now: number): number {
  // 1. Unassigned < assigned.
  const aa = !!a.spec?.nodeName;
  const ba = !!b.spec?.nodeName;
  if (aa !== ba) return aa ? 1 : -1;
  // 2. Pending < Unknown < Running.
  const pa = PHASE_RANK[a.status?.phase ?? 'Pending'] ?? 0;
  const pb = PHASE_RANK[b.status?.phase ?? 'Pending'] ?? 0;
  if (pa !== pb) return pa - pb;
  // 3. Not ready < ready.
  const ra1 = isPodReady(a);
  const rb1 = isPodReady(b);
  if (ra1 !== rb1) return ra1 ? 1 : -1;
  // 4. Lower pod-deletion-cost first.
  const ca = deletionCost(a);
  const cb = deletionCost(b);
  if (ca !== cb) return ca - cb;
  // 5. More related pods on the node first.
  if (ra !== rb) return rb - ra;
  // 6. Ready more recently first (log-scale buckets of time since ready).
  if (ra1 && rb1) {
    const ta = readyBucket(a, now);
    const tb = readyBucket(b, now);
    if (ta !== tb) return ta - tb;
  }
  // 7. More restarts first (log buckets).
  const xa = restartBucket(a);
  const xb = restartBucket(b);
  if (xa !== xb) return xb - xa;
  // 8. Newer first.
  const na = Date.parse(a.metadata!.creationTimestamp!);
  const nb = Date.parse(b.metadata!.creationTimestamp!);
  if (na !== nb) return nb - na;
  return a.metadata!.uid! < b.metadata!.uid! ? -1 : a.metadata!.uid! > b.metadata!.uid! ? 1 : 0;
}

function deletionCost(p: PodObj): number {
  const v = p.metadata?.annotations?.['controller.kubernetes.io/pod-deletion-cost'];
  const n = v === undefined ? 0 : Number(v);
  return Number.isInteger(n) ? n : 0;
}

function readyBucket(p: PodObj, now: number): number {
  const t = Date.parse(podCondition(p, 'Ready')?.lastTransitionTime ?? '');
  if (Number.isNaN(t)) return 0;
  const secs = Math.max(0, (now - t) / 1000);
  return secs < 1 ? 0 : Math.floor(Math.log2(secs)) + 1;
}

function restartBucket(p: PodObj): number {
  let max = 0;
  for (const c of p.status?.containerStatuses ?? []) max = Math.max(max, c.restartCount ?? 0);
  return max === 0 ? 0 : Math.floor(Math.log2(max)) + 1;
}
