// The disruption controller: PodDisruptionBudget status (expected, healthy, desired healthy, disruptions
// allowed) from the pods a budget selects and their controllers' scale.
// mirrors: pkg/controller/disruption/disruption.go

import type { PodDisruptionBudget, PodDisruptionBudgetStatus } from 'kubernetes-types/policy/v1';
import type { KubeObject, Writable } from '../../api/types';
import { Controller, controllerRef, nsName, splitKey, type ControllerContext } from '../context';
import type { Client } from '../client';
import { selectorFromLabelSelector } from '../../api/selectors/labels';
import { isPodReady, type PodObj } from '../podutil';
import { scaledValue } from '../deployment/util';
import { deepEqual } from '../../store/freeze';
import { rfc3339 } from '../../util/time';
import { isConflict, isNotFound } from '../client';

type PDBObj = Writable<PodDisruptionBudget> & KubeObject;

export class DisruptionController extends Controller {
  readonly name = 'disruption';
  private readonly client: Client;

  constructor(ctx: ControllerContext) {
    super(ctx);
    this.client = ctx.client('system:serviceaccount:kube-system:disruption-controller', 'kube-controller-manager');
  }

  start(): void {
    this.watch('poddisruptionbudgets.policy', (e) => this.queue.add(nsName(e.object)));
    this.watch('pods', (e) => {
      for (const pdb of this.client.list<PDBObj>('poddisruptionbudgets.policy', e.object.metadata!.namespace)) {
        const sel = selectorFromLabelSelector(pdb.spec?.selector);
        if (sel.matches(e.object.metadata!.labels) || (e.old && sel.matches(e.old.metadata!.labels))) this.queue.add(nsName(pdb));
      }
    });
  }

  *resyncKeys(): Iterable<string> {
    for (const p of this.client.list('poddisruptionbudgets.policy')) yield nsName(p);
  }

  /** Pods a budget covers (active ones). */
  pods(pdb: PDBObj): PodObj[] {
    const sel = selectorFromLabelSelector(pdb.spec?.selector);
    return this.client.select<PodObj>('pods', pdb.metadata!.namespace, sel).filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
  }

  /** Expected pod count: the scale of the pods' controllers (for percentages / maxUnavailable) or the pod count. */
  private expected(pdb: PDBObj, pods: PodObj[]): number {
    const owners = new Map<string, number>();
    for (const p of pods) {
      const ref = controllerRef(p);
      if (!ref) continue;
      let scale: number | undefined;
      const ns = p.metadata!.namespace;
      if (ref.kind === 'ReplicaSet') {
        const rs = this.client.get<KubeObject>('replicasets.apps', ns, ref.name);
        const dref = rs && controllerRef(rs);
        const d = dref?.kind === 'Deployment' ? this.client.get<KubeObject>('deployments.apps', ns, dref.name) : undefined;
        scale = ((d ?? rs)?.spec as { replicas?: number } | undefined)?.replicas;
        owners.set((d ?? rs)!.metadata!.uid!, scale ?? 0);
      } else if (ref.kind === 'StatefulSet' || ref.kind === 'ReplicationController') {
        const o = this.client.get<KubeObject>(ref.kind === 'StatefulSet' ? 'statefulsets.apps' : 'replicationcontrollers', ns, ref.name);
        if (o) owners.set(o.metadata!.uid!, (o.spec as { replicas?: number } | undefined)?.replicas ?? 1);
      }
    }
    if (owners.size === 0) return pods.length;
    let n = 0;
    for (const v of owners.values()) n += v;
    return n;
  }

  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const pdb = this.client.get<PDBObj>('poddisruptionbudgets.policy', ns, name);
    if (!pdb) return;
    const pods = this.pods(pdb);
    const healthy = pods.filter((p) => !p.metadata!.deletionTimestamp && isPodReady(p)).length;
    let expected = pods.length;
    let desired: number;
    if (pdb.spec?.maxUnavailable !== undefined) {
      expected = this.expected(pdb, pods);
      desired = Math.max(0, expected - scaledValue(pdb.spec.maxUnavailable, expected, true, '0'));
    } else {
      const min = pdb.spec?.minAvailable ?? 1;
      if (typeof min === 'string' && min.endsWith('%')) {
        expected = this.expected(pdb, pods);
        desired = scaledValue(min, expected, true, '0');
      } else desired = typeof min === 'number' ? min : Number.parseInt(min, 10) || 0;
    }
    const allowed = Math.max(0, healthy - desired);
    const old: PodDisruptionBudgetStatus = pdb.status ?? ({} as PodDisruptionBudgetStatus);
    const now = rfc3339(this.ctx.clock.now());
    const sufficient = allowed > 0;
    const prevCond = old.conditions?.find((c) => c.type === 'DisruptionAllowed');
    const cond = {
      type: 'DisruptionAllowed',
      status: sufficient ? 'True' : 'False',
      reason: sufficient ? 'SufficientPods' : 'InsufficientPods',
      message: '',
      observedGeneration: pdb.metadata!.generation,
      lastTransitionTime: prevCond && prevCond.status === (sufficient ? 'True' : 'False') ? prevCond.lastTransitionTime : now,
    };
    const status: PodDisruptionBudgetStatus = {
      observedGeneration: pdb.metadata!.generation,
      disruptionsAllowed: allowed,
      currentHealthy: healthy,
      desiredHealthy: desired,
      expectedPods: expected,
      conditions: [cond],
    };
    if (old.disruptedPods && Object.keys(old.disruptedPods).length) status.disruptedPods = old.disruptedPods;
    if (deepEqual(old, status)) return;
    try {
      this.client.updateStatus('poddisruptionbudgets.policy', { ...pdb, status } as KubeObject);
    } catch (e) {
      if (!isConflict(e) && !isNotFound(e)) throw e;
      this.queue.addRateLimited(key);
    }
  }
}

/** The eviction check: the refusal message when evicting the pod would violate a budget. */
export function evictionViolation(client: Client, pod: KubeObject): string | undefined {
  if ((pod.status as { phase?: string } | undefined)?.phase === 'Succeeded' || (pod.status as { phase?: string } | undefined)?.phase === 'Failed') return undefined;
  if (!isPodReady(pod as PodObj)) return undefined;
  const budgets = [...client.list<PDBObj>("poddisruptionbudgets.policy", pod.metadata!.namespace)].filter((b) => selectorFromLabelSelector(b.spec?.selector).matches(pod.metadata!.labels));
  if (budgets.length > 1) return 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.';
  const pdb = budgets[0];
  if (!pdb) return undefined;
  if ((pdb.status?.observedGeneration ?? 0) < (pdb.metadata!.generation ?? 0)) return 'Cannot evict pod as it would violate the pod\'s disruption budget.';
  if ((pdb.status?.disruptionsAllowed ?? 0) <= 0) {
    return `Cannot evict pod as it would violate the pod's disruption budget.`;
  }
  // Spend one disruption now so concurrent evictions see it (the controller recomputes later).
  const status = { ...pdb.status, disruptionsAllowed: (pdb.status!.disruptionsAllowed ?? 1) - 1, disruptedPods: { ...(pdb.status?.disruptedPods ?? {}), [pod.metadata!.name!]: rfc3339(Date.parse(pod.metadata!.creationTimestamp!)) } };
  client.updateStatus('poddisruptionbudgets.policy', { ...pdb, status } as KubeObject);
  return undefined;
}
