// The ReplicaSet controller: keeps the number of active pods matching a ReplicaSet at spec.replicas.
// mirrors: pkg/controller/replicaset/replica_set.go (syncReplicaSet, manageReplicas, slowStartBatch)

import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { KubeObject, Writable } from '../../api/types';
import { Controller, controllerRef, nsName, splitKey, type ControllerContext } from '../context';
import { isPodActive, podFromTemplate, type PodObj } from '../podutil';
import { selectorFromLabelSelector } from '../../api/selectors/labels';
import { claimObjects } from '../claim';
import { podsToDelete } from './ranking';
import { calculateReplicaSetStatus, statusEqual } from './status';
import { StatusError } from '../../api/errors';
import type { Client } from '../client';

export type RSObj = Writable<ReplicaSet> & KubeObject;

/** Creates and deletes at most this many pods per sync (burstReplicas). */
const BURST_REPLICAS = 500;
const SOURCE = { component: 'replicaset-controller' };

export class ReplicaSetController extends Controller {
  readonly name = 'replicaset';
  private readonly client: Client;

  constructor(ctx: ControllerContext) {
    super(ctx);
    this.client = ctx.client('system:serviceaccount:kube-system:replicaset-controller', 'kube-controller-manager');
  }

  start(): void {
    this.watch('replicasets.apps', (e) => this.queue.add(nsName(e.object)));
    this.watch('pods', (e) => {
      const pod = e.object as PodObj;
      const ref = controllerRef(pod);
      const oldRef = e.old ? controllerRef(e.old) : undefined;
      if (oldRef && oldRef.uid !== ref?.uid && oldRef.kind === 'ReplicaSet') this.queue.add(`${pod.metadata!.namespace}/${oldRef.name}`);
      if (ref) {
        if (ref.kind === 'ReplicaSet') this.queue.add(`${pod.metadata!.namespace}/${ref.name}`);
        return;
      }
      // Orphans: any ReplicaSet whose selector matches may adopt it.
      if (e.type === 'DELETED' || pod.metadata!.deletionTimestamp) return;
      for (const rs of this.client.list<RSObj>('replicasets.apps', pod.metadata!.namespace)) {
        if (selectorFromLabelSelector(rs.spec?.selector).matches(pod.metadata!.labels)) this.queue.add(nsName(rs));
      }
    });
  }

  *resyncKeys(): Iterable<string> {
    for (const rs of this.client.list('replicasets.apps')) yield nsName(rs);
  }

  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const rs = this.client.get<RSObj>('replicasets.apps', ns, name);
    if (!rs) return;
    const selector = selectorFromLabelSelector(rs.spec?.selector);
    // Every pod in the namespace that matches or is owned, claimed (adopt / release) like ControllerRefManager.
    const candidates = new Map<string, PodObj>();
    for (const p of this.client.select<PodObj>('pods', ns, selector)) candidates.set(p.metadata!.uid!, p);
    for (const { resource, object } of this.client.store.dependents(rs.metadata!.uid!)) {
      if (resource === 'pods') candidates.set(object.metadata!.uid!, object as PodObj);
    }
    const claimed = claimObjects(this.client, 'pods', rs, selector, [...candidates.values()]) as PodObj[];
    const active = claimed.filter(isPodActive);
    let manageError: unknown;
    if (!rs.metadata!.deletionTimestamp) {
      try {
        this.manageReplicas(active, rs);
      } catch (e) {
        manageError = e;
      }
    }
    const fresh = this.client.get<RSObj>('replicasets.apps', ns, name);
    if (!fresh) return;
    const now = this.ctx.clock.now();
    const status = calculateReplicaSetStatus(fresh, active, manageError, now);
    if (!statusEqual(fresh.status, status)) {
      this.client.updateStatus('replicasets.apps', { ...fresh, status } as KubeObject);
    }
    // Pods that are Ready but not yet available need another look after minReadySeconds.
    const minReady = fresh.spec?.minReadySeconds ?? 0;
    if (minReady > 0 && (status.readyReplicas ?? 0) > (status.availableReplicas ?? 0)) {
      this.queue.addAfter(key, minReady * 1000);
    }
    if (manageError) throw manageError;
  }

  private manageReplicas(active: PodObj[], rs: RSObj): void {
    const diff = active.length - (rs.spec?.replicas ?? 1);
    const ns = rs.metadata!.namespace!;
    if (diff < 0) {
      const want = Math.min(-diff, BURST_REPLICAS);
      // Slow start: 1, 2, 4, … creations; the first failure stops the rest.
      let remaining = want;
      let batch = 1;
      while (remaining > 0) {
        const n = Math.min(batch, remaining);
        for (let i = 0; i < n; i++) {
          const pod = podFromTemplate(rs.spec!.template!, ns, `${rs.metadata!.name}-`, rs);
          try {
            const created = this.client.create<PodObj>('pods', pod);
            this.ctx.event(SOURCE, rs, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata!.name}`);
          } catch (e) {
            const msg = e instanceof StatusError ? e.message : String(e);
            this.ctx.event(SOURCE, rs, 'Warning', 'FailedCreate', `Error creating: ${msg}`);
            throw e;
          }
        }
        remaining -= n;
        batch *= 2;
      }
    } else if (diff > 0) {
      const n = Math.min(diff, BURST_REPLICAS);
      const victims = podsToDelete(active, this.relatedPods(rs), n, this.ctx.clock.now());
      for (const p of victims) {
        try {
          this.client.delete('pods', ns, p.metadata!.name!);
          this.ctx.event(SOURCE, rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata!.name}`);
        } catch (e) {
          const msg = e instanceof StatusError ? e.message : String(e);
          this.ctx.event(SOURCE, rs, 'Warning', 'FailedDelete', `Error deleting: ${msg}`);
          throw e;
        }
      }
    }
  }

  /** Active pods of ReplicaSets owned by the same controller (the deployment): used for node co-location ranking. */
  private relatedPods(rs: RSObj): PodObj[] {
    const owner = controllerRef(rs);
    if (!owner) return [];
    const out: PodObj[] = [];
    for (const { resource, object } of this.client.store.dependents(owner.uid)) {
      if (resource !== 'replicasets.apps') continue;
      for (const d of this.client.store.dependents(object.metadata!.uid!)) {
        if (d.resource === 'pods' && isPodActive(d.object as PodObj)) out.push(d.object as PodObj);
      }
    }
    return out;
  }
}
