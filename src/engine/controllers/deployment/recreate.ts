// Recreate: scale every old ReplicaSet to zero, wait until no old pod remains, then scale up the new one.
// mirrors: pkg/controller/deployment/recreate.go

import type { DeploymentSync } from './sync';
import * as u from './util';
import type { DeployObj, RSObj } from './util';
import type { PodObj } from '../podutil';

export function rolloutRecreate(s: DeploymentSync, d: DeployObj, rsList: RSObj[], podMap: Map<string, PodObj[]>): void {
  let r = s.getAllReplicaSetsAndSyncRevision(d, rsList, false);
  d = r.d;
  const activeOld = u.activeReplicaSets(r.oldRSs);
  let scaledDown = false;
  for (const rs of activeOld) if (s.scaleReplicaSetAndRecordEvent(rs, 0, d).scaled) scaledDown = true;
  if (scaledDown) {
    s.syncRolloutStatus([...r.oldRSs, r.newRS], r.newRS, d);
    return;
  }
  if (oldPodsRunning(r.newRS, s.refresh(r.oldRSs), podMap)) {
    s.syncRolloutStatus([...r.oldRSs, r.newRS], r.newRS, d);
    return;
  }
  if (!r.newRS) {
    r = s.getAllReplicaSetsAndSyncRevision(d, rsList, true);
    d = r.d;
  }
  if (r.newRS) s.scaleReplicaSetAndRecordEvent(s.refreshOne(r.newRS)!, u.replicas(d), d);
  const fresh = s.refreshDeployment(d);
  if (u.deploymentComplete(fresh, fresh.status ?? {})) s.cleanupDeployment(s.refresh(r.oldRSs), fresh);
  s.syncRolloutStatus([...r.oldRSs, r.newRS], r.newRS, fresh);
}

function oldPodsRunning(newRS: RSObj | undefined, oldRSs: RSObj[], podMap: Map<string, PodObj[]>): boolean {
  if (u.sumStatus(oldRSs, 'replicas') > 0) return true;
  for (const [uid, pods] of podMap) {
    if (newRS && newRS.metadata!.uid === uid) continue;
    for (const p of pods) {
      const phase = p.status?.phase;
      if (phase === 'Failed' || phase === 'Succeeded') continue;
      return true;
    }
  }
  return false;
}
