// RollingUpdate: scale the new ReplicaSet up within maxSurge, old ones down within maxUnavailable.
// mirrors: pkg/controller/deployment/rolling.go

import type { DeploymentSync } from './sync';
import { newRSNewReplicas } from './sync';
import * as u from './util';
import type { DeployObj, RSObj } from './util';

export function rolloutRolling(s: DeploymentSync, d: DeployObj, rsList: RSObj[]): void {
  const r = s.getAllReplicaSetsAndSyncRevision(d, rsList, true);
  d = r.d;
  let newRS = r.newRS;
  let oldRSs = r.oldRSs;
  const all = () => [...oldRSs, ...(newRS ? [newRS] : [])];
  if (newRS && reconcileNewReplicaSet(s, all(), newRS, d)) {
    s.syncRolloutStatus(all(), newRS, d);
    return;
  }
  newRS = s.refreshOne(newRS);
  oldRSs = s.refresh(oldRSs);
  if (reconcileOldReplicaSets(s, all(), u.activeReplicaSets(oldRSs), newRS, d)) {
    s.syncRolloutStatus(s.refresh(all()), s.refreshOne(newRS), d);
    return;
  }
  const fresh = s.refreshDeployment(d);
  if (u.deploymentComplete(fresh, fresh.status ?? {})) s.cleanupDeployment(s.refresh(oldRSs), fresh);
  s.syncRolloutStatus(all(), newRS, fresh);
}

function reconcileNewReplicaSet(s: DeploymentSync, allRSs: RSObj[], newRS: RSObj, d: DeployObj): boolean {
  if (u.specReplicas(newRS) === u.replicas(d)) return false;
  if (u.specReplicas(newRS) > u.replicas(d)) return s.scaleReplicaSetAndRecordEvent(newRS, u.replicas(d), d).scaled;
  return s.scaleReplicaSetAndRecordEvent(newRS, newRSNewReplicas(d, allRSs, newRS), d).scaled;
}

function reconcileOldReplicaSets(s: DeploymentSync, allRSs: RSObj[], oldRSs: RSObj[], newRS: RSObj | undefined, d: DeployObj): boolean {
  const oldPods = u.sumSpec(oldRSs);
  if (oldPods === 0) return false;
  const allPods = u.sumSpec(allRSs);
  const minAvailable = u.replicas(d) - u.maxUnavailable(d);
  const newUnavailable = u.specReplicas(newRS) - (newRS?.status?.availableReplicas ?? 0);
  const maxScaledDown = allPods - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const cleaned = cleanupUnhealthyReplicas(s, oldRSs, d, maxScaledDown);
  const all = [...cleaned.oldRSs, ...(newRS ? [newRS] : [])];
  const scaledDown = scaleDownOldReplicaSetsForRollingUpdate(s, all, cleaned.oldRSs, d);
  return cleaned.count + scaledDown > 0;
}

/** Scales down old replicas that are not available, oldest ReplicaSet first. */
function cleanupUnhealthyReplicas(s: DeploymentSync, oldRSs: RSObj[], d: DeployObj, maxCleanup: number): { oldRSs: RSObj[]; count: number } {
  const sorted = [...oldRSs].sort(u.byCreation);
  let total = 0;
  const out: RSObj[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let rs = sorted[i];
    if (total >= maxCleanup) {
      out.push(...sorted.slice(i));
      break;
    }
    if (u.specReplicas(rs) === 0 || u.specReplicas(rs) === (rs.status?.availableReplicas ?? 0)) {
      out.push(rs);
      continue;
    }
    const count = Math.min(maxCleanup - total, u.specReplicas(rs) - (rs.status?.availableReplicas ?? 0));
    const r = s.scaleReplicaSetAndRecordEvent(rs, u.specReplicas(rs) - count, d);
    rs = r.rs;
    total += count;
    out.push(rs);
  }
  return { oldRSs: out, count: total };
}

function scaleDownOldReplicaSetsForRollingUpdate(s: DeploymentSync, allRSs: RSObj[], oldRSs: RSObj[], d: DeployObj): number {
  const minAvailable = u.replicas(d) - u.maxUnavailable(d);
  const available = u.sumStatus(allRSs, 'availableReplicas');
  if (available <= minAvailable) return 0;
  const totalToScaleDown = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(u.byCreation)) {
    if (total >= totalToScaleDown) break;
    if (u.specReplicas(rs) === 0) continue;
    const count = Math.min(u.specReplicas(rs), totalToScaleDown - total);
    s.scaleReplicaSetAndRecordEvent(rs, u.specReplicas(rs) - count, d);
    total += count;
  }
  return total;
}
