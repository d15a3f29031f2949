// The node lifecycle controller: watches kubelet heartbeats (Lease and node status); a node silent for the
// grace period gets Unknown conditions, its pods become not Ready, and it is tainted unreachable/not-ready
// (NoSchedule and NoExecute) so the taint eviction controller can move its pods.
// mirrors: pkg/controller/nodelifecycle/node_lifecycle_controller.go (monitorNodeHealth, tainting passes)

import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Node, NodeCondition, Taint } from 'kubernetes-types/core/v1';
import type { KubeObject, Writable } from '../../api/types';
import { Controller, type ControllerContext } from '../context';
import type { Client } from '../client';
import { rfc3339 } from '../../util/time';
import { isConflict, isNotFound } from '../client';
import type { PodObj } from '../podutil';

type NodeObj = Writable<Node> & KubeObject;

/** node-monitor-period and node-monitor-grace-period (50 s in 1.32). */
export const MONITOR_PERIOD_MS = 5_000;
export const GRACE_PERIOD_MS = 50_000;
/** Unhealthy nodes are tainted for eviction at most this often (--node-eviction-rate 0.1/s). */
const EVICTION_INTERVAL_MS = 10_000;

export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
const SOURCE = { component: 'node-controller' };

export class NodeLifecycleController extends Controller {
  readonly name = 'nodelifecycle';
  private readonly client: Client;
  /** Nodes queued for NoExecute tainting, in order (the rate-limited eviction queue). */
  private taintQueue: string[] = [];
  private lastTainting = -Infinity;
  private timer?: number;

  constructor(ctx: ControllerContext) {
    super(ctx);
    this.client = ctx.client('system:serviceaccount:kube-system:node-controller', 'kube-controller-manager');
  }

  start(): void {
    for (const n of this.client.list('nodes')) this.registered(n);
    this.watch('nodes', (e) => {
      // Handlers must not write: the RegisteredNode event goes out right after this write.
      if (e.type === 'ADDED') this.ctx.clock.setTimeout(() => this.registered(e.object), 0);
      if (e.type !== 'DELETED') this.queue.add(e.object.metadata!.name!);
    });
    const tick = () => {
      this.timer = this.ctx.clock.setTimeout(tick, MONITOR_PERIOD_MS);
      if (this.queue.paused) return;
      for (const n of this.client.list('nodes')) this.queue.add(n.metadata!.name!);
    };
    this.timer = this.ctx.clock.setTimeout(tick, MONITOR_PERIOD_MS);
  }

  private registered(n: KubeObject): void {
    this.ctx.event(SOURCE, n, 'Normal', 'RegisteredNode', `Node ${n.metadata!.name} event: Registered Node ${n.metadata!.name} in Controller`);
  }

  *resyncKeys(): Iterable<string> {
    for (const n of this.client.list('nodes')) yield n.metadata!.name!;
  }

  sync(name: string): void {
    const node = this.client.get<NodeObj>('nodes', undefined, name);
    if (!node) return;
    const now = this.ctx.clock.now();
    const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
    const lease = this.client.get<Lease & KubeObject>('leases.coordination.k8s.io', 'kube-node-lease', name);
    const heartbeat = Math.max(Date.parse(ready?.lastHeartbeatTime ?? '') || 0, Date.parse(lease?.spec?.renewTime ?? '') || 0, Date.parse(node.metadata!.creationTimestamp!) || 0);
    let current = node;
    if (ready && ready.status !== 'Unknown' && now - heartbeat > GRACE_PERIOD_MS) {
      current = this.markUnknown(node, now) ?? node;
    }
    this.syncTaints(current, now);
  }

  /** All conditions Unknown (NodeStatusUnknown), pods not Ready. */
  private markUnknown(node: NodeObj, now: number): NodeObj | undefined {
    const ts = rfc3339(now);
    const types = ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'];
    const conditions: NodeCondition[] = (node.status?.conditions ?? []).map((c) =>
      types.includes(c.type) && c.status !== 'Unknown'
        ? { ...c, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: ts }
        : c,
    );
    let updated: NodeObj;
    try {
      updated = this.client.updateStatus<NodeObj>('nodes', { ...node, status: { ...node.status, conditions } } as KubeObject);
    } catch (e) {
      if (isConflict(e) || isNotFound(e)) return undefined;
      throw e;
    }
    this.ctx.event(SOURCE, node, 'Normal', 'NodeNotReady', `Node ${node.metadata!.name} status is now: NodeNotReady`);
    this.markPodsNotReady(node.metadata!.name!, now);
    return updated;
  }

  private markPodsNotReady(nodeName: string, now: number): void {
    const ts = rfc3339(now);
    for (const pod of this.client.store.listByIndex('pods', 'spec.nodeName', nodeName) as PodObj[]) {
      const conds = pod.status?.conditions ?? [];
      const ready = conds.find((c) => c.type === 'Ready');
      if (!ready || ready.status === 'False') continue;
      const next = conds.map((c) => (c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: ts } : c));
      try {
        this.client.updateStatus('pods', { ...pod, status: { ...pod.status, conditions: next } } as KubeObject);
      } catch (e) {
        if (!isConflict(e) && !isNotFound(e)) throw e;
      }
      this.ctx.event(SOURCE, pod, 'Warning', 'NodeNotReady', 'Node is not ready');
    }
  }

  /** NoSchedule taints mirror the Ready condition at once; NoExecute ones go through the eviction rate limiter. */
  private syncTaints(node: NodeObj, now: number): void {
    const ready = node.status?.conditions?.find((c) => c.type === 'Ready')?.status;
    const want: Taint[] = [];
    if (ready === 'Unknown') want.push({ key: TAINT_UNREACHABLE, effect: 'NoSchedule' });
    else if (ready === 'False') want.push({ key: TAINT_NOT_READY, effect: 'NoSchedule' });
    const taints = node.spec?.taints ?? [];
    const managed = (t: Taint) => t.key === TAINT_UNREACHABLE || t.key === TAINT_NOT_READY;
    const existingNoExec = taints.filter((t) => managed(t) && t.effect === 'NoExecute');
    const name = node.metadata!.name!;
    let noExec: Taint[] = existingNoExec;
    if (ready === 'True' || ready === undefined) {
      noExec = [];
      this.taintQueue = this.taintQueue.filter((n) => n !== name);
    } else {
      const key = ready === 'Unknown' ? TAINT_UNREACHABLE : TAINT_NOT_READY;
      if (!existingNoExec.some((t) => t.key === key)) {
        // Swap an existing NoExecute taint of the other kind at once; new ones wait for the rate limiter.
        if (existingNoExec.length) noExec = [{ key, effect: 'NoExecute', timeAdded: rfc3339(now) }];
        else if (this.mayTaint(name, now)) noExec = [{ key, effect: 'NoExecute', timeAdded: rfc3339(now) }];
      }
    }
    const keep = taints.filter((t) => !managed(t));
    const next = [...keep, ...want.map((w) => taints.find((t) => t.key === w.key && t.effect === w.effect) ?? w), ...noExec];
    if (JSON.stringify(next) === JSON.stringify(taints)) return;
    const spec = { ...node.spec, taints: next.length ? next : undefined };
    if (!spec.taints) delete spec.taints;
    try {
      this.client.update('nodes', { ...node, spec } as KubeObject);
    } catch (e) {
      if (!isConflict(e) && !isNotFound(e)) throw e;
      this.queue.addAfter(name, 100);
    }
  }

  /** The eviction rate limiter: one node per interval, in the order they became unhealthy. */
  private mayTaint(name: string, now: number): boolean {
    if (!this.taintQueue.includes(name)) this.taintQueue.push(name);
    if (this.taintQueue[0] !== name || now - this.lastTainting < EVICTION_INTERVAL_MS) {
      this.queue.addAfter(name, Math.max(1000, EVICTION_INTERVAL_MS - (now - this.lastTainting)));
      return false;
    }
    this.taintQueue.shift();
    this.lastTainting = now;
    if (this.taintQueue.length) this.queue.addAfter(this.taintQueue[0], EVICTION_INTERVAL_MS);
    return true;
  }
}
