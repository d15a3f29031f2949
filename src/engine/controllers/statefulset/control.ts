// One StatefulSet reconcile: split pods into replicas (ordinals in range, missing ones made at the right
// revision) and condemned, then — in order for OrderedReady, all at once for Parallel — create/repair replicas,
// fix claim ownership of condemned pods, delete condemned pods from the highest ordinal, and finally roll the
// update from the highest ordinal down to the partition. Returns the status to record.
// mirrors: pkg/controller/statefulset/stateful_set_control.go (updateStatefulSet, processReplica, processCondemned)

import type { StatefulSetStatus } from 'kubernetes-types/apps/v1';
import type { PodObj } from '../podutil';
import type { RevisionObj } from '../history';
import type { StatefulPodControl } from './pod-control';
import { applyRevision } from './revisions';
import {
  endOrdinal,
  identityMatches,
  inOrdinalRange,
  isCreated,
  isFailed,
  isPending,
  isRunningAndAvailable,
  isRunningAndReady,
  isSucceeded,
  isTerminating,
  isUnavailable,
  newStatefulSetPod,
  ordinalOf,
  podRevision,
  startOrdinal,
  storageMatches,
  type SetObj,
} from './pods';

/** Largest burst of parallel creations or deletions in one sync. */
const MAX_BATCH_SIZE = 500;

export interface ControlResult {
  status: StatefulSetStatus & { replicas: number; availableReplicas: number };
  error?: unknown;
}

/** computeReplicaStatus over pod lists. */
function countInto(status: ControlResult['status'], minReady: number, now: number, current: string, update: string, ...lists: PodObj[][]): void {
  let replicas = 0;
  let ready = 0;
  let available = 0;
  let cur = 0;
  let upd = 0;
  for (const list of lists) {
    for (const p of list) {
      if (isCreated(p)) replicas++;
      if (isRunningAndReady(p)) {
        ready++;
        if (isRunningAndAvailable(p, minReady, now)) available++;
      }
      if (isCreated(p) && !isTerminating(p)) {
        const rev = podRevision(p);
        if (rev === current) cur++;
        if (rev === update) upd++;
      }
    }
  }
  status.replicas = replicas;
  status.readyReplicas = ready;
  status.availableReplicas = available;
  status.currentReplicas = cur;
  status.updatedReplicas = upd;
}

/** newVersionedStatefulSetPod: ordinals below the partition are made at the current revision. */
function versionedPod(set: SetObj, current: RevisionObj, update: RevisionObj, ordinal: number): PodObj {
  const strategy = set.spec?.updateStrategy;
  const partition = strategy?.rollingUpdate?.partition ?? 0;
  const belowPartition =
    ((strategy?.type ?? 'RollingUpdate') === 'RollingUpdate' && !strategy?.rollingUpdate && ordinal < startOrdinal(set) + (set.status?.currentReplicas ?? 0)) ||
    (!!strategy?.rollingUpdate && ordinal < startOrdinal(set) + partition);
  if (belowPartition) return newStatefulSetPod(applyRevision(set, current), ordinal, current.metadata!.name!);
  return newStatefulSetPod(applyRevision(set, update), ordinal, update.metadata!.name!);
}

export function updateStatefulSet(pc: StatefulPodControl, set: SetObj, current: RevisionObj, update: RevisionObj, collisionCount: number, pods: PodObj[], now: number): ControlResult {
  const updateSet = applyRevision(set, update);
  const minReady = set.spec?.minReadySeconds ?? 0;
  const curName = current.metadata!.name!;
  const updName = update.metadata!.name!;
  const status: ControlResult['status'] = {
    observedGeneration: set.metadata!.generation,
    currentRevision: curName,
    updateRevision: updName,
    collisionCount,
    replicas: 0,
    availableReplicas: 0,
  };
  countInto(status, minReady, now, curName, updName, pods);

  const start = startOrdinal(set);
  const count = set.spec?.replicas ?? 1;
  const replicas: PodObj[] = new Array(count);
  const condemned: PodObj[] = [];
  for (const p of pods) {
    if (inOrdinalRange(p, set)) replicas[ordinalOf(p) - start] = p;
    else if (ordinalOf(p) >= 0) condemned.push(p);
  }
  for (let ord = start; ord <= endOrdinal(set); ord++) {
    if (!replicas[ord - start]) replicas[ord - start] = versionedPod(set, current, update, ord);
  }
  condemned.sort((a, b) => ordinalOf(b) - ordinalOf(a));

  let firstUnhealthy: PodObj | undefined;
  for (const p of replicas) if (!firstUnhealthy && isUnavailable(p, minReady, now)) firstUnhealthy = p;
  for (let i = condemned.length - 1; i >= 0 && !firstUnhealthy; i--) if (isUnavailable(condemned[i], minReady, now)) firstUnhealthy = condemned[i];

  if (set.metadata!.deletionTimestamp) return { status };

  const monotonic = set.spec?.podManagementPolicy !== 'Parallel';
  const finish = (error?: unknown): ControlResult => {
    countInto(status, minReady, now, curName, updName, replicas, condemned);
    return { status, error };
  };

  const processReplica = (i: number): boolean => {
    const pod = replicas[i];
    // Terminal pods are deleted; the replacement comes once the old object is gone.
    if (isFailed(pod) || isSucceeded(pod)) {
      if (!pod.metadata!.deletionTimestamp) pc.deleteStatefulPod(set, pod);
      return true;
    }
    if (!isCreated(pod)) {
      if (pc.podClaimIsStale(set, pod)) return true;
      pc.createStatefulPod(set, pod);
      if (monotonic) return true;
      return false;
    }
    if (isPending(pod)) pc.createMissingClaims(set, pod);
    if (isTerminating(pod) && monotonic) return true;
    if (!isRunningAndReady(pod) && monotonic) return true;
    if (!isRunningAndAvailable(pod, minReady, now) && monotonic) return true;
    let retentionMatch = true;
    try {
      retentionMatch = pc.claimsMatchRetentionPolicy(updateSet, pod);
    } catch {
      retentionMatch = true;
    }
    if (identityMatches(set, pod) && storageMatches(set, pod) && retentionMatch) return false;
    pc.updateStatefulPod(updateSet, pod);
    return false;
  };

  const fixPodClaim = (i: number): boolean => {
    if (!pc.claimsMatchRetentionPolicy(updateSet, condemned[i])) pc.updateClaimsForRetentionPolicy(updateSet, condemned[i]);
    return false;
  };

  const processCondemned = (i: number): boolean => {
    const pod = condemned[i];
    if (isTerminating(pod)) return monotonic;
    if (monotonic && pod !== firstUnhealthy && (!isRunningAndReady(pod) || !isRunningAndAvailable(pod, minReady, now))) return true;
    pc.deleteStatefulPod(set, pod);
    return true;
  };

  try {
    if (runForAll(replicas.length, processReplica, monotonic)) return finish();
    if (runForAll(condemned.length, fixPodClaim, monotonic)) return finish();
    if (runForAll(condemned.length, processCondemned, monotonic)) return finish();
  } catch (e) {
    return finish(e);
  }
  countInto(status, minReady, now, curName, updName, replicas, condemned);

  if (set.spec?.updateStrategy?.type === 'OnDelete') return { status };

  // Rolling update: delete the highest ordinal not at the update revision, one at a time, waiting for
  // the replaced pod to be available again.
  const updateMin = set.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
  for (let target = replicas.length - 1; target >= updateMin; target--) {
    const pod = replicas[target];
    if (podRevision(pod) !== updName && !isTerminating(pod)) {
      try {
        pc.deleteStatefulPod(set, pod);
      } catch (e) {
        return { status, error: e };
      }
      status.currentReplicas = (status.currentReplicas ?? 0) - 1;
      return { status };
    }
    if (isUnavailable(pod, minReady, now)) return { status };
  }
  return { status };
}

/**
 * runForAll: in order, stopping at the first step that asks to (monotonic); or every index in slow-start
 * batches 1, 2, 4 … stopping after a batch with an error (burst). True when the caller must stop here.
 */
function runForAll(n: number, fn: (i: number) => boolean, monotonic: boolean): boolean {
  if (monotonic) {
    for (let i = 0; i < n; i++) if (fn(i)) return true;
    return false;
  }
  let j = 0;
  let remaining = n;
  for (let batch = Math.min(remaining, 1); batch > 0; batch = Math.min(Math.min(2 * batch, remaining), MAX_BATCH_SIZE)) {
    let error: unknown;
    for (let k = 0; k < batch; k++, j++) {
      try {
        fn(j);
      } catch (e) {
        error ??= e;
      }
    }
    if (error !== undefined) throw error;
    remaining -= batch;
  }
  return false;
}
