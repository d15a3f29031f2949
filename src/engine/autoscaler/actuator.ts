// Removing a node the autoscaler chose: the ToBeDeletedByClusterAutoscaler taint, evictions of its pods
// (through the eviction API, so budgets hold), a wait for them to be gone (2 minutes at most), then the
// node goes; the events on the node, its pods and the status ConfigMap are the real autoscaler's.
// mirrors: cluster-autoscaler/core/scaledown/actuation (actuator.go, drain.go), utils/taints

import type { Node, Taint } from 'kubernetes-types/core/v1';
import type { KubeObject, Writable } from '../api/types';
import type { Client } from '../controllers/client';
import { StatusError } from '../api/errors';
import type { AutoscalerHost } from './cluster-autoscaler';
import type { Removable } from './scale-down';
import type { NodeObj, PodObj } from './simulator';

export const TO_BE_DELETED_TAINT = 'ToBeDeletedByClusterAutoscaler';
/** How long a drain may take (MaxPodEvictionTime) and how often it is checked. */
const MAX_POD_EVICTION_MS = 2 * 60_000;
const DRAIN_POLL_MS = 5_000;
/** --max-graceful-termination-sec */
const MAX_GRACEFUL_TERMINATION_S = 600;

export interface ActuatorHooks {
  event(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string): void;
  /** The status ConfigMap (events about scale-downs go there too). */
  statusMap(): KubeObject;
  /** False once the autoscaler is disabled: drains in flight stop. */
  active(): boolean;
}

export class ScaleDownActuator {
  readonly deleting = new Set<string>();
  draining = false;
  lastDelete = -Infinity;
  lastFailure = -Infinity;

  constructor(
    private readonly host: AutoscalerHost,
    private readonly client: Client,
    private readonly hooks: ActuatorHooks,
  ) {}

  private get clock() {
    return this.host.ctx.clock;
  }

  /** Taints the node, evicts its pods (if any), waits for them, then deletes the node. */
  deleteNode(r: Removable, now: number): void {
    const node = this.client.get<NodeObj>('nodes', undefined, r.name);
    if (!node) return;
    this.deleting.add(r.name);
    const taint: Taint = { key: TO_BE_DELETED_TAINT, value: String(Math.floor(now / 1000)), effect: 'NoSchedule' };
    const tainted = this.setTaint(node, taint);
    this.hooks.event(tainted ?? node, 'Normal', 'ScaleDown', 'marked the node as toBeDeleted/unschedulable');
    if (r.podsToMove.length === 0) {
      this.finish(r.name, false);
      return;
    }
    this.draining = true;
    for (const p of r.podsToMove) {
      this.hooks.event(p, 'Normal', 'ScaleDown', 'deleting pod for node scale down');
      this.evict(p);
    }
    const deadline = now + MAX_POD_EVICTION_MS;
    const check = () => {
      if (!this.hooks.active()) {
        this.deleting.delete(r.name);
        this.draining = false;
        return;
      }
      const left = r.podsToMove.filter((p) => this.client.get<PodObj>('pods', p.metadata!.namespace, p.metadata!.name!)?.metadata!.uid === p.metadata!.uid);
      if (left.length === 0) {
        this.finish(r.name, true);
        return;
      }
      if (this.clock.now() >= deadline) {
        this.fail(r.name);
        return;
      }
      // Pods a budget kept: ask again.
      for (const p of left) this.evict(p);
      this.clock.setTimeout(check, DRAIN_POLL_MS);
    };
    this.clock.setTimeout(check, DRAIN_POLL_MS);
  }

  private evict(p: PodObj): void {
    const grace = Math.min(p.spec?.terminationGracePeriodSeconds ?? 30, MAX_GRACEFUL_TERMINATION_S);
    const ns = p.metadata!.namespace!;
    const name = p.metadata!.name!;
    const cur = this.client.get<PodObj>('pods', ns, name);
    if (!cur || cur.metadata!.uid !== p.metadata!.uid || cur.metadata!.deletionTimestamp) return;
    this.host.handle({
      method: 'POST',
      path: `/api/v1/namespaces/${ns}/pods/${name}/eviction`,
      headers: { 'content-type': 'application/json' },
      body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace: ns }, deleteOptions: { gracePeriodSeconds: grace } },
    });
  }

  private finish(name: string, drained: boolean): void {
    const node = this.client.get<NodeObj>('nodes', undefined, name);
    this.host.removeNode(name);
    this.deleting.delete(name);
    this.draining = false;
    this.lastDelete = this.clock.now();
    const map = this.hooks.statusMap();
    if (drained) this.hooks.event(map, 'Normal', 'ScaleDown', `Scale-down: node ${name} removed with drain`);
    else this.hooks.event(map, 'Normal', 'ScaleDownEmpty', `Scale-down: empty node ${name} removed`);
    if (node) this.hooks.event(node, 'Normal', 'ScaleDown', 'nodes removed by cluster autoscaler');
  }

  private fail(name: string): void {
    this.deleting.delete(name);
    this.draining = false;
    this.lastFailure = this.clock.now();
    const node = this.client.get<NodeObj>('nodes', undefined, name);
    if (!node) return;
    this.hooks.event(node, 'Warning', 'ScaleDownFailed', 'failed to drain the node, aborting ScaleDown');
    this.setTaint(node, undefined);
  }

  /** Adds the ToBeDeleted taint, or removes it (taint undefined). */
  private setTaint(node: NodeObj, taint: Taint | undefined): NodeObj | undefined {
    const taints = (node.spec?.taints ?? []).filter((t) => t.key !== TO_BE_DELETED_TAINT);
    if (taint) taints.push(taint);
    const next = { ...node, spec: { ...node.spec, taints } } as Writable<Node> & KubeObject;
    if (taints.length === 0) delete next.spec!.taints;
    try {
      return this.client.update<NodeObj>('nodes', next);
    } catch (e) {
      if (e instanceof StatusError) return undefined;
      throw e;
    }
  }
}
