// ReplicaSet status from its active pods, and the ReplicaFailure condition on create/delete errors.
// mirrors: pkg/controller/replicaset/replica_set_utils.go (calculateStatus)

import type { ReplicaSetCondition, ReplicaSetStatus } from 'kubernetes-types/apps/v1';
import type { RSObj } from './replicaset';
import { isPodAvailable, isPodReady, type PodObj } from '../podutil';
import { selectorFromSet } from '../../api/selectors/labels';
import { deepEqual } from '../../store/freeze';
import { rfc3339 } from '../../util/time';

export function calculateReplicaSetStatus(rs: RSObj, active: PodObj[], manageError: unknown, now: number): ReplicaSetStatus {
  const template = selectorFromSet(rs.spec?.template?.metadata?.labels);
  let fully = 0;
  let ready = 0;
  let available = 0;
  const minReady = rs.spec?.minReadySeconds ?? 0;
  for (const p of active) {
    if (template.matches(p.metadata!.labels)) fully++;
    if (isPodReady(p)) {
      ready++;
      if (isPodAvailable(p, minReady, now)) available++;
    }
  }
  const status: ReplicaSetStatus = { replicas: active.length };
  let conditions: ReplicaSetCondition[] = [...(rs.status?.conditions ?? [])];
  const failure = conditions.find((c) => c.type === 'ReplicaFailure');
  if (manageError && !failure) {
    const diff = active.length - (rs.spec?.replicas ?? 1);
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
    const message = manageError instanceof Error ? manageError.message : String(manageError);
    conditions.push({ type: 'ReplicaFailure', status: 'True', lastTransitionTime: rfc3339(now), reason, message });
  } else if (!manageError && failure) {
    conditions = conditions.filter((c) => c.type !== 'ReplicaFailure');
  }
  if (fully) status.fullyLabeledReplicas = fully;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  status.observedGeneration = rs.metadata!.generation;
  if (conditions.length) status.conditions = conditions;
  return status;
}

export function statusEqual(a: unknown, b: unknown): boolean {
  return deepEqual(a ?? {}, b ?? {});
}
