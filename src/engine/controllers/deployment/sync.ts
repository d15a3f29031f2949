// Shared deployment sync steps: find or create the new ReplicaSet with its revision, proportional
// scaling, history cleanup and status.
// mirrors: pkg/controller/deployment/sync.go

import type { DeploymentStatus } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../api/types';
import type { ControllerContext } from '../context';
import type { Client } from '../client';
import type { WorkQueue } from '../queue';
import { StatusError } from '../../api/errors';
import { computeHash } from './hash';
import { controllerOwnerRef } from '../podutil';
import { deepClone, deepEqual } from '../../store/freeze';
import * as u from './util';
import type { DeployObj, RSObj } from './util';
import { syncRolloutStatus } from './progress';

const SOURCE = { component: 'deployment-controller' };

export class DeploymentSync {
  constructor(
    readonly ctx: ControllerContext,
    readonly client: Client,
    readonly queue: WorkQueue,
  ) {}

  now(): number {
    return this.ctx.clock.now();
  }

  event(d: DeployObj, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.ctx.event(SOURCE, d, type, reason, message);
  }

  /** Returns the new ReplicaSet (created when asked and missing) and all old ones; syncs revision annotations. */
  getAllReplicaSetsAndSyncRevision(d: DeployObj, rsList: RSObj[], createIfNotExisted: boolean): { newRS?: RSObj; oldRSs: RSObj[]; d: DeployObj } {
    const sorted = [...rsList].sort(u.byCreation);
    const existing = sorted.find((rs) => u.equalIgnoreHash(rs.spec?.template, d.spec?.template));
    const oldRSs = sorted.filter((rs) => rs !== existing);
    const r = this.getNewReplicaSet(d, existing, oldRSs, createIfNotExisted);
    return { newRS: r.rs, oldRSs, d: r.d };
  }

  private getNewReplicaSet(d: DeployObj, existing: RSObj | undefined, oldRSs: RSObj[], create: boolean): { rs?: RSObj; d: DeployObj } {
    const newRevision = u.maxRevision(oldRSs) + 1;
    if (existing) {
      // Copies of only the levels the checks below may change (a deep copy of both objects on every sync
      // is most of its cost); a write still gets a full copy, as before.
      const rsCopy = copyLevels(existing, ['metadata', 'spec'], ['annotations']);
      const annotationsUpdated = u.setNewReplicaSetAnnotations(d, rsCopy, newRevision, true);
      const minReadyNeedsUpdate = (rsCopy.spec?.minReadySeconds ?? 0) !== (d.spec?.minReadySeconds ?? 0);
      if (annotationsUpdated || minReadyNeedsUpdate) {
        rsCopy.spec!.minReadySeconds = d.spec?.minReadySeconds;
        if (rsCopy.spec!.minReadySeconds === undefined) delete rsCopy.spec!.minReadySeconds;
        return { rs: this.client.update<RSObj>('replicasets.apps', deepClone(rsCopy)), d };
      }
      const dCopy = copyLevels(d, ['metadata', 'status'], ['annotations']);
      let needsUpdate = setDeploymentRevision(dCopy, rsCopy.metadata!.annotations?.[u.REVISION]);
      const status = (dCopy.status ??= {});
      if (u.hasProgressDeadline(d) && !u.condition(status, 'Progressing')) {
        u.setCondition(status, u.newCondition('Progressing', 'True', u.FOUND_NEW_RS_REASON, `Found new replica set "${rsCopy.metadata!.name}"`, this.now()));
        needsUpdate = true;
      }
      if (needsUpdate) d = this.client.updateStatus<DeployObj>('deployments.apps', deepClone(dCopy));
      return { rs: existing, d };
    }
    if (!create) return { d };
    const template = deepClone(d.spec!.template!);
    const hash = computeHash(template, d.status?.collisionCount);
    template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [u.POD_TEMPLATE_HASH]: hash } };
    const selector = deepClone(d.spec!.selector!);
    selector.matchLabels = { ...(selector.matchLabels ?? {}), [u.POD_TEMPLATE_HASH]: hash };
    const newRS: RSObj = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${d.metadata!.name}-${hash}`,
        namespace: d.metadata!.namespace,
        ownerReferences: [controllerOwnerRef(d)],
        labels: { ...template.metadata.labels },
      },
      spec: { replicas: 0, selector, template },
    };
    if (d.spec?.minReadySeconds) newRS.spec!.minReadySeconds = d.spec.minReadySeconds;
    const allRSs = [...oldRSs, newRS];
    const newReplicas = newRSNewReplicas(d, allRSs, newRS);
    newRS.spec!.replicas = newReplicas;
    u.setNewReplicaSetAnnotations(d, newRS, newRevision, false);
    let created: RSObj;
    let alreadyExisted = false;
    try {
      created = this.client.create<RSObj>('replicasets.apps', newRS);
    } catch (e) {
      if (e instanceof StatusError && e.code === 409 && e.reason === 'AlreadyExists') {
        const rs = this.client.get<RSObj>('replicasets.apps', d.metadata!.namespace, newRS.metadata!.name!);
        const owned = rs?.metadata?.ownerReferences?.some((r) => r.uid === d.metadata!.uid && r.controller);
        if (rs && owned && u.equalIgnoreHash(rs.spec?.template, d.spec?.template)) {
          created = rs;
          alreadyExisted = true;
        } else {
          // A hash collision: bump collisionCount so the next sync computes a different name.
          const dCopy = deepClone(d);
          (dCopy.status ??= {}).collisionCount = (d.status?.collisionCount ?? 0) + 1;
          this.client.updateStatus('deployments.apps', dCopy);
          throw e;
        }
      } else {
        const dCopy = deepClone(d);
        const status = (dCopy.status ??= {});
        const msg = `Failed to create new replica set "${newRS.metadata!.name}": ${(e as Error).message}`;
        if (u.hasProgressDeadline(d)) u.setCondition(status, u.newCondition('Progressing', 'False', 'ReplicaSetCreateError', msg, this.now()));
        this.event(d, 'Warning', 'ReplicaSetCreateError', msg);
        this.client.updateStatus('deployments.apps', dCopy);
        throw e;
      }
    }
    if (!alreadyExisted && newReplicas > 0) {
      this.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata!.name} to ${newReplicas}`);
    }
    const dCopy = deepClone(d);
    let needsUpdate = setDeploymentRevision(dCopy, String(newRevision));
    if (!alreadyExisted && u.hasProgressDeadline(d)) {
      u.setCondition((dCopy.status ??= {}), u.newCondition('Progressing', 'True', u.NEW_RS_REASON, `Created new replica set "${created.metadata!.name}"`, this.now()));
      needsUpdate = true;
    }
    if (needsUpdate) d = this.client.updateStatus<DeployObj>('deployments.apps', dCopy);
    return { rs: created, d };
  }

  /** Scales a ReplicaSet and records `Scaled up|down replica set X to N from M`. */
  scaleReplicaSetAndRecordEvent(rs: RSObj, newScale: number, d: DeployObj): { scaled: boolean; rs: RSObj } {
    if (u.specReplicas(rs) === newScale) return { scaled: false, rs };
    const op = u.specReplicas(rs) < newScale ? 'up' : 'down';
    return this.scaleReplicaSet(rs, newScale, d, op);
  }

  scaleReplicaSet(rs: RSObj, newScale: number, d: DeployObj, op: string): { scaled: boolean; rs: RSObj } {
    const sizeNeedsUpdate = u.specReplicas(rs) !== newScale;
    const max = u.replicas(d) + u.maxSurge(d);
    const annotationsNeedUpdate = u.replicasAnnotationsNeedUpdate(rs, u.replicas(d), max);
    if (!sizeNeedsUpdate && !annotationsNeedUpdate) return { scaled: false, rs };
    const oldScale = u.specReplicas(rs);
    const copy = deepClone(rs);
    copy.spec!.replicas = newScale;
    u.setReplicasAnnotations(copy, u.replicas(d), max);
    const updated = this.client.update<RSObj>('replicasets.apps', copy);
    if (sizeNeedsUpdate) this.event(d, 'Normal', 'ScalingReplicaSet', `Scaled ${op} replica set ${rs.metadata!.name} to ${newScale} from ${oldScale}`);
    return { scaled: sizeNeedsUpdate, rs: updated };
  }

  /** Scaling when the deployment's replicas changed (also while paused): proportional across active RSs. */
  scale(d: DeployObj, newRS: RSObj | undefined, oldRSs: RSObj[]): void {
    const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
    if (activeOrLatest) {
      if (u.specReplicas(activeOrLatest) === u.replicas(d)) return;
      this.scaleReplicaSetAndRecordEvent(activeOrLatest, u.replicas(d), d);
      return;
    }
    if (isSaturated(d, newRS)) {
      for (const old of u.activeReplicaSets(oldRSs)) this.scaleReplicaSetAndRecordEvent(old, 0, d);
      return;
    }
    if (!u.isRollingUpdate(d)) return;
    const all = u.activeReplicaSets([...oldRSs, newRS]);
    const allReplicas = u.sumSpec(all);
    const allowed = u.replicas(d) > 0 ? u.replicas(d) + u.maxSurge(d) : 0;
    const toAdd = allowed - allReplicas;
    let op = '';
    if (toAdd > 0) {
      all.sort(u.bySizeNewer);
      op = 'up';
    } else if (toAdd < 0) {
      all.sort(u.bySizeOlder);
      op = 'down';
    }
    let added = 0;
    const sizes = new Map<string, number>();
    for (const rs of all) {
      if (toAdd !== 0) {
        const p = proportion(rs, d, toAdd, added);
        sizes.set(rs.metadata!.name!, u.specReplicas(rs) + p);
        added += p;
      } else sizes.set(rs.metadata!.name!, u.specReplicas(rs));
    }
    all.forEach((rs, i) => {
      const name = rs.metadata!.name!;
      if (i === 0 && toAdd !== 0) sizes.set(name, Math.max(0, sizes.get(name)! + toAdd - added));
      this.scaleReplicaSet(rs, sizes.get(name)!, d, op);
    });
  }

  /** Deletes old ReplicaSets beyond revisionHistoryLimit (only fully scaled-down ones), oldest revision first. */
  cleanupDeployment(oldRSs: RSObj[], d: DeployObj): void {
    const limit = d.spec?.revisionHistoryLimit;
    if (limit === undefined) return;
    const cleanable = oldRSs.filter((rs) => !rs.metadata!.deletionTimestamp);
    const diff = cleanable.length - limit;
    if (diff <= 0) return;
    cleanable.sort(u.byRevision);
    for (let i = 0; i < diff; i++) {
      const rs = cleanable[i];
      if ((rs.status?.replicas ?? 0) !== 0 || u.specReplicas(rs) !== 0 || (rs.metadata!.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
      this.client.delete('replicasets.apps', rs.metadata!.namespace, rs.metadata!.name!);
    }
  }

  /** Paused or scaling: scale, clean up when paused, report status. */
  sync(d: DeployObj, rsList: RSObj[]): void {
    const r = this.getAllReplicaSetsAndSyncRevision(d, rsList, false);
    d = r.d;
    this.scale(d, r.newRS, r.oldRSs);
    const fresh = this.client.get<DeployObj>('deployments.apps', d.metadata!.namespace, d.metadata!.name!) ?? d;
    if (fresh.spec?.paused) this.cleanupDeployment(r.oldRSs, fresh);
    this.syncDeploymentStatus(this.refresh([...r.oldRSs, r.newRS]), this.refreshOne(r.newRS), fresh);
  }

  syncStatusOnly(d: DeployObj, rsList: RSObj[]): void {
    const r = this.getAllReplicaSetsAndSyncRevision(d, rsList, false);
    this.syncDeploymentStatus([...r.oldRSs, r.newRS], r.newRS, r.d);
  }

  syncDeploymentStatus(allRSs: (RSObj | undefined)[], newRS: RSObj | undefined, d: DeployObj): void {
    const status = calculateStatus(allRSs, newRS, d, this.now());
    if (deepEqual(d.status ?? {}, status)) return;
    this.client.updateStatus('deployments.apps', { ...d, status } as KubeObject);
  }

  syncRolloutStatus(allRSs: (RSObj | undefined)[], newRS: RSObj | undefined, d: DeployObj): void {
    syncRolloutStatus(this, this.refresh(allRSs), this.refreshOne(newRS), this.refreshDeployment(d));
  }

  refresh(rss: (RSObj | undefined)[]): RSObj[] {
    const out: RSObj[] = [];
    for (const rs of rss) {
      const f = this.refreshOne(rs);
      if (f) out.push(f);
    }
    return out;
  }

  refreshOne(rs: RSObj | undefined): RSObj | undefined {
    if (!rs) return undefined;
    return this.client.get<RSObj>('replicasets.apps', rs.metadata!.namespace, rs.metadata!.name!) ?? undefined;
  }

  refreshDeployment(d: DeployObj): DeployObj {
    return this.client.get<DeployObj>('deployments.apps', d.metadata!.namespace, d.metadata!.name!) ?? d;
  }
}

/**
 * A copy of o whose top level, the objects under `levels` and metadata's `metaLevels` are fresh (undefined
 * values dropped, as deepClone does); everything deeper is shared with o and must not be written.
 */
function copyLevels<T extends KubeObject>(o: T, levels: string[], metaLevels: string[]): T {
  const top = defined(o as Record<string, unknown>);
  for (const k of levels) {
    const v = top[k];
    if (v && typeof v === 'object') top[k] = defined(v as Record<string, unknown>);
  }
  const meta = top.metadata as Record<string, unknown> | undefined;
  if (meta) {
    for (const k of metaLevels) {
      const v = meta[k];
      if (v && typeof v === 'object') meta[k] = defined(v as Record<string, unknown>);
    }
  }
  return top as T;
}

function defined(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in o) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

function setDeploymentRevision(d: DeployObj, revision: string | undefined): boolean {
  if (revision === undefined) return false;
  const a = (d.metadata!.annotations ??= {});
  if (a[u.REVISION] === revision) return false;
  a[u.REVISION] = revision;
  return true;
}

/** NewRSNewReplicas: how many replicas the new RS may have now. */
export function newRSNewReplicas(d: DeployObj, allRSs: RSObj[], newRS: RSObj): number {
  if (!u.isRollingUpdate(d)) return u.replicas(d);
  const current = u.sumSpec(allRSs);
  const maxTotal = u.replicas(d) + u.maxSurge(d);
  if (current >= maxTotal) return u.specReplicas(newRS);
  const up = Math.min(maxTotal - current, u.replicas(d) - u.specReplicas(newRS));
  return u.specReplicas(newRS) + up;
}

function findActiveOrLatest(newRS: RSObj | undefined, oldRSs: RSObj[]): RSObj | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const olds = [...oldRSs].sort((a, b) => u.byCreation(b, a));
  const all = u.activeReplicaSets([...olds, newRS]);
  if (all.length === 0) return newRS ?? olds[0];
  if (all.length === 1) return all[0];
  return undefined;
}

function isSaturated(d: DeployObj, rs: RSObj | undefined): boolean {
  if (!rs) return false;
  return u.desiredReplicasAnnotation(rs) === u.replicas(d) && (rs.status?.availableReplicas ?? 0) === u.replicas(d);
}

function proportion(rs: RSObj, d: DeployObj, toAdd: number, added: number): number {
  if (u.specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

function replicaSetFraction(rs: RSObj, d: DeployObj): number {
  if (u.replicas(d) === 0) return -u.specReplicas(rs);
  const deploymentReplicas = u.replicas(d) + u.maxSurge(d);
  const annotated = u.maxReplicasAnnotation(rs) ?? d.status?.replicas ?? 0;
  const newSize = annotated === 0 ? 0 : (u.specReplicas(rs) * deploymentReplicas) / annotated;
  return Math.round(newSize) - u.specReplicas(rs);
}

export function calculateStatus(allRSs: (RSObj | undefined)[], newRS: RSObj | undefined, d: DeployObj, now: number): DeploymentStatus {
  const available = u.sumStatus(allRSs, 'availableReplicas');
  const total = u.sumSpec(allRSs);
  const unavailable = Math.max(0, total - available);
  const status: DeploymentStatus = {};
  const gen = d.metadata!.generation;
  if (gen) status.observedGeneration = gen;
  const rep = u.sumStatus(allRSs, 'replicas');
  if (rep) status.replicas = rep;
  const upd = u.sumStatus([newRS], 'replicas');
  if (upd) status.updatedReplicas = upd;
  const ready = u.sumStatus(allRSs, 'readyReplicas');
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  if (unavailable) status.unavailableReplicas = unavailable;
  if (d.status?.conditions) status.conditions = [...d.status.conditions];
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  if (available >= u.replicas(d) - u.maxUnavailable(d)) {
    u.setCondition(status, u.newCondition('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', now));
  } else {
    u.setCondition(status, u.newCondition('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', now));
  }
  return status;
}
