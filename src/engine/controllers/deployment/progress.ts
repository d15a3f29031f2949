// Rollout status: Progressing/Available conditions, progress deadline, requeue of stuck deployments.
// mirrors: pkg/controller/deployment/progress.go (syncRolloutStatus, requeueStuckDeployment)

import type { DeploymentCondition } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../api/types';
import type { DeploymentSync } from './sync';
import { calculateStatus } from './sync';
import { deepEqual } from '../../store/freeze';
import * as u from './util';
import type { DeployObj, RSObj } from './util';

export function syncRolloutStatus(s: DeploymentSync, allRSs: RSObj[], newRS: RSObj | undefined, d: DeployObj): void {
  const now = s.now();
  const status = calculateStatus(allRSs, newRS, d, now);
  if (!u.hasProgressDeadline(d)) u.removeCondition(status, 'Progressing');
  const current = u.condition(d.status, 'Progressing');
  const isComplete = (status.replicas ?? 0) === (status.updatedReplicas ?? 0) && current?.reason === u.NEW_RS_AVAILABLE_REASON;
  if (u.hasProgressDeadline(d) && !isComplete) {
    if (u.deploymentComplete(d, status)) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata!.name}" has successfully progressed.` : `Deployment "${d.metadata!.name}" has successfully progressed.`;
      u.setCondition(status, u.newCondition('Progressing', 'True', u.NEW_RS_AVAILABLE_REASON, msg, now));
    } else if (u.deploymentProgressing(d, status)) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata!.name}" is progressing.` : `Deployment "${d.metadata!.name}" is progressing.`;
      let c: DeploymentCondition = u.newCondition('Progressing', 'True', u.RS_UPDATED_REASON, msg, now);
      if (current) {
        if (current.status === 'True') c = { ...c, lastTransitionTime: current.lastTransitionTime };
        u.removeCondition(status, 'Progressing');
      }
      status.conditions = [...(status.conditions ?? []), c];
    } else if (u.deploymentTimedOut(d, status, now)) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata!.name}" has timed out progressing.` : `Deployment "${d.metadata!.name}" has timed out progressing.`;
      u.setCondition(status, u.newCondition('Progressing', 'False', u.TIMED_OUT_REASON, msg, now));
    }
  }
  const failure = replicaFailure(allRSs, newRS);
  if (failure) u.setCondition(status, failure);
  else u.removeCondition(status, 'ReplicaFailure');
  if (deepEqual(d.status ?? {}, status)) {
    requeueStuckDeployment(s, d, status, now);
    return;
  }
  const updated = s.client.updateStatus<DeployObj>('deployments.apps', { ...d, status } as KubeObject);
  requeueStuckDeployment(s, updated, status, now);
}

function replicaFailure(allRSs: RSObj[], newRS: RSObj | undefined): DeploymentCondition | undefined {
  const fromRS = (rs: RSObj | undefined) => rs?.status?.conditions?.find((c) => c.type === 'ReplicaFailure');
  const c = fromRS(newRS) ?? allRSs.map(fromRS).find((x) => x);
  if (!c) return undefined;
  return { type: 'ReplicaFailure', status: c.status, lastUpdateTime: c.lastTransitionTime, lastTransitionTime: c.lastTransitionTime, reason: c.reason, message: c.message };
}

/** A deployment still progressing gets another sync when its deadline would pass. */
function requeueStuckDeployment(s: DeploymentSync, d: DeployObj, status: { conditions?: DeploymentCondition[] }, now: number): void {
  const c = u.condition(status, 'Progressing');
  if (!u.hasProgressDeadline(d) || !c) return;
  if (c.reason === u.NEW_RS_AVAILABLE_REASON || c.reason === u.TIMED_OUT_REASON || u.deploymentComplete(d, status)) return;
  if (c.status !== 'True') return;
  const after = Date.parse(c.lastUpdateTime ?? '') + d.spec!.progressDeadlineSeconds! * 1000 - now;
  const key = `${d.metadata!.namespace}/${d.metadata!.name}`;
  if (after < 1000) s.queue.addAfter(key, 1000);
  else s.queue.addAfter(key, after + 1000);
}
