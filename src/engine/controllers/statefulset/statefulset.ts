// The StatefulSet controller: claims the set's pods (selector and `<set>-<ordinal>` name), reconciles them
// through updateStatefulSet, records status (completing a rolling update when every replica is updated and
// ready) and trims revision history.
// mirrors: pkg/controller/statefulset/stateful_set.go, stateful_set_control.go (UpdateStatefulSet,
//          updateStatefulSetStatus), stateful_set_utils.go (inconsistentStatus, completeRollingUpdate)

import type { StatefulSetStatus } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../api/types';
import { Controller, controllerRef, nsName, splitKey, type ControllerContext } from '../context';
import { isConflict, isNotFound, type Client } from '../client';
import type { PodObj } from '../podutil';
import { selectorFromLabelSelector } from '../../api/selectors/labels';
import { claimObjects } from '../claim';
import { deepEqual } from '../../store/freeze';
import { StatefulPodControl } from './pod-control';
import { updateStatefulSet, type ControlResult } from './control';
import { statefulSetRevisions, truncateHistory } from './revisions';
import { isMemberOf, type SetObj } from './pods';

const RESOURCE = 'statefulsets.apps';

export class StatefulSetController extends Controller {
  readonly name = 'statefulset';
  private readonly client: Client;
  private readonly podControl: StatefulPodControl;

  constructor(ctx: ControllerContext) {
    super(ctx);
    this.client = ctx.client('system:serviceaccount:kube-system:statefulset-controller', 'kube-controller-manager');
    this.podControl = new StatefulPodControl(ctx, this.client);
  }

  start(): void {
    this.watch(RESOURCE, (e) => this.queue.add(nsName(e.object)));
    this.watch('pods', (e) => {
      const pod = e.object;
      const ns = pod.metadata!.namespace!;
      const ref = controllerRef(pod);
      const oldRef = e.old ? controllerRef(e.old) : undefined;
      if (oldRef && oldRef.uid !== ref?.uid && oldRef.kind === 'StatefulSet') this.queue.add(`${ns}/${oldRef.name}`);
      if (ref) {
        if (ref.kind === 'StatefulSet') this.queue.add(`${ns}/${ref.name}`);
        return;
      }
      // Orphans: a set whose selector matches may adopt the pod (looked for when it appears or its labels change).
      if (e.type === 'DELETED' || pod.metadata!.deletionTimestamp) return;
      if (e.type === 'MODIFIED' && !oldRef && deepEqual(e.old?.metadata?.labels, pod.metadata!.labels)) return;
      for (const set of this.client.list<SetObj>(RESOURCE, ns)) {
        if (selectorFromLabelSelector(set.spec?.selector).matches(pod.metadata!.labels)) this.queue.add(nsName(set));
      }
    });
  }

  *resyncKeys(): Iterable<string> {
    for (const s of this.client.list(RESOURCE)) yield nsName(s);
  }

  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const set = this.client.get<SetObj>(RESOURCE, ns, name);
    if (!set) return;
    const pods = this.podsFor(set);
    const { current, update, collisionCount } = statefulSetRevisions(this.client, set);
    const now = this.ctx.clock.now();
    const result = updateStatefulSet(this.podControl, set, current, update, collisionCount, pods, now);
    this.updateStatus(set, result);
    truncateHistory(this.client, set, pods, current, update);
    if (result.error !== undefined) throw result.error;
    // Pods Ready but not yet available need another look after minReadySeconds.
    const minReady = set.spec?.minReadySeconds ?? 0;
    if (minReady > 0 && result.status.availableReplicas !== (set.spec?.replicas ?? 1)) this.queue.addAfter(key, minReady * 1000);
  }

  /** getPodsForStatefulSet: pods matching the selector and named like the set's members, adopted or released. */
  private podsFor(set: SetObj): PodObj[] {
    const selector = selectorFromLabelSelector(set.spec?.selector);
    const candidates = new Map<string, KubeObject>();
    for (const p of this.client.select('pods', set.metadata!.namespace, selector)) {
      if (isMemberOf(set, p as PodObj)) candidates.set(p.metadata!.uid!, p);
    }
    for (const d of this.client.store.dependents(set.metadata!.uid!)) {
      if (d.resource === 'pods') candidates.set(d.object.metadata!.uid!, d.object);
    }
    const members: KubeObject[] = [];
    for (const p of candidates.values()) {
      if (isMemberOf(set, p as PodObj)) members.push(p);
      else if (controllerRef(p)?.uid === set.metadata!.uid && !set.metadata!.deletionTimestamp) this.release(set, p);
    }
    return claimObjects(this.client, 'pods', set, selector, members) as PodObj[];
  }

  /** An owned pod whose name no longer makes it a member is released (its controller reference dropped). */
  private release(set: SetObj, pod: KubeObject): void {
    const refs = (pod.metadata!.ownerReferences ?? []).filter((r) => r.uid !== set.metadata!.uid);
    const meta = { ...pod.metadata!, ownerReferences: refs };
    if (refs.length === 0) delete (meta as { ownerReferences?: unknown }).ownerReferences;
    try {
      this.client.update('pods', { ...pod, metadata: meta });
    } catch (e) {
      if (!isConflict(e) && !isNotFound(e)) throw e;
    }
  }

  private updateStatus(set: SetObj, result: ControlResult): void {
    const s = result.status;
    const replicas = set.spec?.replicas ?? 1;
    // completeRollingUpdate
    if ((set.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate' && s.updatedReplicas === replicas && s.readyReplicas === replicas && s.replicas === replicas) {
      s.currentReplicas = s.updatedReplicas;
      s.currentRevision = s.updateRevision;
    }
    const old: StatefulSetStatus = set.status ?? { replicas: 0 };
    const inconsistent =
      (s.observedGeneration ?? 0) > (old.observedGeneration ?? 0) ||
      s.replicas !== (old.replicas ?? 0) ||
      (s.currentReplicas ?? 0) !== (old.currentReplicas ?? 0) ||
      (s.readyReplicas ?? 0) !== (old.readyReplicas ?? 0) ||
      (s.updatedReplicas ?? 0) !== (old.updatedReplicas ?? 0) ||
      (s.currentRevision ?? '') !== (old.currentRevision ?? '') ||
      (s.availableReplicas ?? 0) !== (old.availableReplicas ?? 0) ||
      (s.updateRevision ?? '') !== (old.updateRevision ?? '');
    if (!inconsistent) return;
    const fresh = this.client.get<SetObj>(RESOURCE, set.metadata!.namespace, set.metadata!.name!);
    if (!fresh) return;
    this.client.updateStatus(RESOURCE, { ...fresh, status: wireStatus(s, old) } as KubeObject);
  }
}

/** The status as Go serialises it: omitempty counters and revisions dropped when zero. */
function wireStatus(s: ControlResult['status'], old: StatefulSetStatus): StatefulSetStatus {
  const out: Record<string, unknown> = { replicas: s.replicas, availableReplicas: s.availableReplicas };
  if (s.observedGeneration) out.observedGeneration = s.observedGeneration;
  if (s.readyReplicas) out.readyReplicas = s.readyReplicas;
  if (s.currentReplicas) out.currentReplicas = s.currentReplicas;
  if (s.updatedReplicas) out.updatedReplicas = s.updatedReplicas;
  if (s.currentRevision) out.currentRevision = s.currentRevision;
  if (s.updateRevision) out.updateRevision = s.updateRevision;
  out.collisionCount = s.collisionCount ?? 0;
  if (old.conditions?.length) out.conditions = old.conditions;
  return out as unknown as StatefulSetStatus;
}
