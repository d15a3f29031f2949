// The Deployment controller: claims ReplicaSets, then scales, rolls out (RollingUpdate or Recreate),
// cleans up history and reports status and conditions.
// mirrors: pkg/controller/deployment/deployment_controller.go (syncDeployment)

import type { KubeObject } from '../../api/types';
import { Controller, controllerRef, nsName, splitKey, type ControllerContext } from '../context';
import { selectorFromLabelSelector } from '../../api/selectors/labels';
import { claimObjects } from '../claim';
import type { Client } from '../client';
import { DeploymentSync } from './sync';
import { rolloutRolling } from './rolling';
import { rolloutRecreate } from './recreate';
import { type DeployObj, type RSObj, condition, newCondition, setCondition, PAUSED_REASON, RESUMED_REASON, desiredReplicasAnnotation, activeReplicaSets, replicas } from './util';
import type { PodObj } from '../podutil';

export class DeploymentController extends Controller {
  readonly name = 'deployment';
  readonly client: Client;

  constructor(ctx: ControllerContext) {
    super(ctx);
    this.client = ctx.client('system:serviceaccount:kube-system:deployment-controller', 'kube-controller-manager');
  }

  start(): void {
    this.watch('deployments.apps', (e) => this.queue.add(nsName(e.object)));
    this.watch('replicasets.apps', (e) => {
      const rs = e.object;
      const ref = controllerRef(rs);
      const oldRef = e.old ? controllerRef(e.old) : undefined;
      if (oldRef && oldRef.uid !== ref?.uid && oldRef.kind === 'Deployment') this.queue.add(`${rs.metadata!.namespace}/${oldRef.name}`);
      if (ref) {
        if (ref.kind === 'Deployment') this.queue.add(`${rs.metadata!.namespace}/${ref.name}`);
        return;
      }
      if (e.type === 'DELETED') return;
      for (const d of this.client.list<DeployObj>('deployments.apps', rs.metadata!.namespace)) {
        if (selectorFromLabelSelector(d.spec?.selector).matches(rs.metadata!.labels)) this.queue.add(nsName(d));
      }
    });
    // Recreate waits for old pods to be gone: pod deletions wake the owning deployment.
    this.watch('pods', (e) => {
      if (e.type !== 'DELETED') return;
      const ref = controllerRef(e.object);
      if (!ref || ref.kind !== 'ReplicaSet') return;
      const rs = this.client.get<RSObj>('replicasets.apps', e.object.metadata!.namespace, ref.name);
      const dref = rs && controllerRef(rs);
      if (dref?.kind === 'Deployment') {
        const d = this.client.get<DeployObj>('deployments.apps', rs!.metadata!.namespace, dref.name);
        if (d?.spec?.strategy?.type === 'Recreate') this.queue.add(nsName(d));
      }
    });
  }

  *resyncKeys(): Iterable<string> {
    for (const d of this.client.list('deployments.apps')) yield nsName(d);
  }

  sync(key: string): void {
    const [ns, name] = splitKey(key);
    let d = this.client.get<DeployObj>('deployments.apps', ns, name);
    if (!d) return;
    const s = new DeploymentSync(this.ctx, this.client, this.queue);
    const rsList = this.replicaSetsFor(d);
    if (d.metadata!.deletionTimestamp) {
      s.syncStatusOnly(d, rsList);
      return;
    }
    d = this.checkPausedConditions(d);
    if (d.spec?.paused) {
      s.sync(d, rsList);
      return;
    }
    if (this.isScalingEvent(s, d, rsList)) {
      d = this.client.get<DeployObj>('deployments.apps', ns, name)!;
      s.sync(d, this.replicaSetsFor(d));
      return;
    }
    d = this.client.get<DeployObj>('deployments.apps', ns, name)!;
    if (d.spec?.strategy?.type === 'Recreate') rolloutRecreate(s, d, this.replicaSetsFor(d), this.podsByReplicaSet(d));
    else rolloutRolling(s, d, this.replicaSetsFor(d));
  }

  private replicaSetsFor(d: DeployObj): RSObj[] {
    const selector = selectorFromLabelSelector(d.spec?.selector);
    const candidates = new Map<string, KubeObject>();
    for (const rs of this.client.select('replicasets.apps', d.metadata!.namespace, selector)) candidates.set(rs.metadata!.uid!, rs);
    for (const { resource, object } of this.client.store.dependents(d.metadata!.uid!)) {
      if (resource === 'replicasets.apps') candidates.set(object.metadata!.uid!, object);
    }
    return claimObjects(this.client, 'replicasets.apps', d, selector, [...candidates.values()]) as RSObj[];
  }

  /** Pods (terminating ones included) grouped by their ReplicaSet uid: Recreate waits on them. */
  private podsByReplicaSet(d: DeployObj): Map<string, PodObj[]> {
    const out = new Map<string, PodObj[]>();
    for (const rs of this.replicaSetsFor(d)) {
      const pods: PodObj[] = [];
      for (const dep of this.client.store.dependents(rs.metadata!.uid!)) if (dep.resource === 'pods') pods.push(dep.object as PodObj);
      out.set(rs.metadata!.uid!, pods);
    }
    return out;
  }

  private checkPausedConditions(d: DeployObj): DeployObj {
    if ((d.spec?.progressDeadlineSeconds ?? 600) === 2147483647) return d;
    const cond = condition(d.status, 'Progressing');
    if (cond?.reason === 'ProgressDeadlineExceeded') return d;
    const pausedCondExists = cond?.reason === PAUSED_REASON;
    const now = this.ctx.clock.now();
    const status = { ...(d.status ?? {}) };
    let needsUpdate = false;
    if (d.spec?.paused && !pausedCondExists) {
      setCondition(status, newCondition('Progressing', 'Unknown', PAUSED_REASON, 'Deployment is paused', now));
      needsUpdate = true;
    } else if (!d.spec?.paused && pausedCondExists) {
      setCondition(status, newCondition('Progressing', 'Unknown', RESUMED_REASON, 'Deployment is resumed', now));
      needsUpdate = true;
    }
    if (!needsUpdate) return d;
    return this.client.updateStatus<DeployObj>('deployments.apps', { ...d, status } as KubeObject);
  }

  private isScalingEvent(s: DeploymentSync, d: DeployObj, rsList: RSObj[]): boolean {
    const { newRS, oldRSs } = s.getAllReplicaSetsAndSyncRevision(d, rsList, false);
    for (const rs of activeReplicaSets([...oldRSs, newRS])) {
      const desired = desiredReplicasAnnotation(rs);
      if (desired === undefined) continue;
      if (desired !== replicas(d)) return true;
    }
    return false;
  }
}
