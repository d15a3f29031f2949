// The Cluster Autoscaler (opt-in, one node group of workers): every 10 s it adds nodes for pods that are
// unschedulable for lack of resources (after a provisioning delay), and removes nodes that have been
// underused with movable pods for 10 minutes (actuator.ts drains and deletes them). Events and the status
// ConfigMap follow the real cluster-autoscaler.
// mirrors: cluster-autoscaler/core/static_autoscaler.go (RunOnce), clusterstate (status)

import type { ConfigMap, Node } from 'kubernetes-types/core/v1';
import type { ApiRequest, ApiResponse, KubeObject, Writable } from '../api/types';
import type { ControllerContext } from '../controllers/context';
import type { Client } from '../controllers/client';
import { StatusError } from '../api/errors';
import { parseTime } from '../util/time';
import { holdsResources, occupy, schedulable, slotFor, type NodeObj, type PodObj, type Slot } from './simulator';
import { planScaleUp, reasonsMessage } from './scale-up';
import { findRemovable, type PDBObj, type Removable } from './scale-down';
import { ScaleDownActuator, TO_BE_DELETED_TAINT } from './actuator';
import { LAST_UPDATED_ANNOTATION, STATUS_CONFIGMAP, goTimeString, statusYaml, type AutoscalerStatus, type NodeCounts, type Transition } from './status';

export interface AutoscalerOptions {
  min: number;
  max: number;
  nodeCpu: string;
  nodeMemory: string;
  nodePods: number;
}

/** What the autoscaler needs from the cluster (Cluster provides all of it). */
export interface AutoscalerHost {
  ctx: ControllerContext;
  handle(req: ApiRequest): ApiResponse;
  addNode(o: { name: string; cpu?: string; memory?: string; pods?: number }): unknown;
  removeNode(name: string): void;
}

export { TO_BE_DELETED_TAINT } from './actuator';

export const NODE_GROUP = 'workers';
const SOURCE = { component: 'cluster-autoscaler' };
const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane';

/** --scan-interval */
const SCAN_INTERVAL_MS = 10_000;
/** How long the cloud takes to boot a VM and its kubelet to register. */
export const PROVISION_MS = 60_000;
/** --scale-down-unneeded-time, --scale-down-delay-after-add */
const UNNEEDED_MS = 10 * 60_000;
const DELAY_AFTER_ADD_MS = 10 * 60_000;
/** --scale-down-delay-after-delete defaults to the scan interval; after a failure, 3 minutes. */
const DELAY_AFTER_DELETE_MS = SCAN_INTERVAL_MS;
const DELAY_AFTER_FAILURE_MS = 3 * 60_000;
/** --scale-down-utilization-threshold */
const UTILIZATION_THRESHOLD = 0.5;
/** --max-empty-bulk-delete */
const MAX_EMPTY_BULK_DELETE = 10;

interface Requested {
  name: string;
  requestedAt: number;
  timer: number;
}

export class ClusterAutoscaler {
  private opts?: AutoscalerOptions;
  private timer?: number;
  private readonly client: Client;
  private requested: Requested[] = [];
  private unneededSince = new Map<string, number>();
  private lastScaleUp = -Infinity;
  private transitions = new Map<string, { status: string; since: number }>();
  private lastStatus?: AutoscalerStatus;

  private readonly actuator: ScaleDownActuator;

  constructor(private readonly host: AutoscalerHost) {
    this.client = host.ctx.client('system:serviceaccount:kube-system:cluster-autoscaler', 'cluster-autoscaler');
    this.actuator = new ScaleDownActuator(host, this.client, {
      event: (obj, type, reason, message) => this.event(obj, type, reason, message),
      statusMap: () => this.statusMap(),
      active: () => this.opts !== undefined,
    });
  }

  /** Nodes being drained or deleted. */
  private get deleting(): ReadonlySet<string> {
    return this.actuator.deleting;
  }

  get enabled(): boolean {
    return this.opts !== undefined;
  }

  get options(): AutoscalerOptions | undefined {
    return this.opts;
  }

  /** Starts (or reconfigures) the autoscaler: the status map says Initializing until the first loop. */
  enable(opts: AutoscalerOptions): void {
    const first = !this.opts;
    this.opts = { ...opts };
    if (!first) return;
    const now = this.clock.now();
    this.writeStatus({ time: now, autoscalerStatus: 'Initializing' });
    this.timer = this.clock.setTimeout(() => this.loop(), SCAN_INTERVAL_MS);
  }

  /** Stops it: no more loops, nodes being provisioned are cancelled, the status map is deleted. */
  disable(): void {
    if (!this.opts) return;
    this.opts = undefined;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    for (const r of this.requested) this.clock.clearTimeout(r.timer);
    this.requested = [];
    this.unneededSince.clear();
    this.transitions.clear();
    this.lastStatus = undefined;
    this.client.delete('configmaps', 'kube-system', STATUS_CONFIGMAP);
  }

  /** The latest status document (undefined when disabled). */
  status(): AutoscalerStatus | undefined {
    return this.lastStatus;
  }

  /** A summary for `kubeplay autoscaler status` (undefined when disabled). */
  info(): { settings: AutoscalerOptions; registered: number; ready: number; target: number; scaleUp: string; scaleDown: string; candidates: number } | undefined {
    if (!this.opts) return undefined;
    const g = this.lastStatus?.nodeGroups?.[0];
    if (!g) {
      const group = this.groupOf([...this.client.list<NodeObj>('nodes')]);
      return { settings: { ...this.opts }, registered: group.length, ready: group.length, target: group.length, scaleUp: 'Initializing', scaleDown: 'Initializing', candidates: 0 };
    }
    const c = g.health.counts;
    return { settings: { ...this.opts }, registered: c.registeredTotal, ready: c.ready, target: g.health.target, scaleUp: g.scaleUp.status, scaleDown: g.scaleDown.status, candidates: g.scaleDown.candidates };
  }

  private get clock() {
    return this.host.ctx.clock;
  }

  private event(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.host.ctx.event(SOURCE, obj, type, reason, message);
  }

  private statusMap(): KubeObject {
    return this.client.get<KubeObject>('configmaps', 'kube-system', STATUS_CONFIGMAP) ?? { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: STATUS_CONFIGMAP, namespace: 'kube-system' } };
  }

  private loop(): void {
    if (!this.opts) return;
    this.timer = this.clock.setTimeout(() => this.loop(), SCAN_INTERVAL_MS);
    try {
      this.runOnce(this.opts, this.clock.now());
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
    }
  }

  private groupOf(nodes: readonly NodeObj[]): NodeObj[] {
    return nodes.filter((n) => n.metadata!.labels?.[CONTROL_PLANE_LABEL] === undefined).sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1));
  }

  private template(o: AutoscalerOptions): () => Slot {
    const node: Node = {
      metadata: { name: 'template-node-for-' + NODE_GROUP, labels: { 'kubernetes.io/arch': 'amd64', 'kubernetes.io/os': 'linux' } },
      status: { allocatable: { cpu: o.nodeCpu, memory: o.nodeMemory, pods: String(o.nodePods) }, conditions: [{ type: 'Ready', status: 'True' }] },
    };
    return () => slotFor(node);
  }

  private runOnce(o: AutoscalerOptions, now: number): void {
    const nodes = [...this.client.list<NodeObj>('nodes')];
    const group = this.groupOf(nodes);
    const slots = new Map<string, Slot>();
    for (const n of nodes) slots.set(n.metadata!.name!, slotFor(n));
    const podsByNode = new Map<string, PodObj[]>();
    const pending: PodObj[] = [];
    for (const p of this.client.list<PodObj>('pods')) {
      if (holdsResources(p)) {
        const slot = slots.get(p.spec!.nodeName!);
        if (slot) occupy(slot, p);
        const list = podsByNode.get(p.spec!.nodeName!);
        if (list) list.push(p);
        else podsByNode.set(p.spec!.nodeName!, [p]);
      } else if (unschedulableForResources(p)) pending.push(p);
    }
    pending.sort((a, b) => parseTime(a.metadata!.creationTimestamp as string) - parseTime(b.metadata!.creationTimestamp as string) || (a.metadata!.name! < b.metadata!.name! ? -1 : 1));

    // Scale-up.
    const existing = [...slots.values()].filter((s) => schedulable(s.node) && !this.deleting.has(s.name) && !hasTaint(s.node, TO_BE_DELETED_TAINT));
    const template = this.template(o);
    const upcoming = this.requested.map(() => template());
    const registered = group.filter((n) => !this.deleting.has(n.metadata!.name!)).length;
    const target = registered + this.requested.length;
    const plan = planScaleUp(pending, existing, upcoming, template, Math.max(0, o.max - target));
    let scaledUp = false;
    if (plan.newNodes > 0) {
      scaledUp = true;
      const newSize = target + plan.newNodes;
      const info = `[{${NODE_GROUP} ${target}->${newSize} (max: ${o.max})}]`;
      this.event(this.statusMap(), 'Normal', 'ScaledUpGroup', `Scale-up: setting group ${NODE_GROUP} size to ${newSize} instead of ${target} (max: ${o.max})`);
      const taken = new Set([...nodes.map((n) => n.metadata!.name!), ...this.requested.map((r) => r.name)]);
      for (let i = 0; i < plan.newNodes; i++) this.requestNode(nextName(taken), o, now);
      for (const p of plan.triggering) this.event(p, 'Normal', 'TriggeredScaleUp', `pod triggered scale-up: ${info}`);
      this.lastScaleUp = now;
    } else {
      for (const { pod, reasons } of plan.noScaleUp) {
        this.event(pod, 'Normal', 'NotTriggerScaleUp', `pod didn't trigger scale-up (it wouldn't fit if a new node is added): ${reasonsMessage(reasons)}`);
      }
    }

    // Scale-down: track unneeded nodes always, act only outside the cool-downs.
    const pdbs = [...this.client.list<PDBObj>('poddisruptionbudgets.policy')];
    const names = group.map((n) => n.metadata!.name!).filter((n) => !this.deleting.has(n));
    const removable = findRemovable(names, slots, podsByNode, pdbs, UTILIZATION_THRESHOLD, this.deleting);
    const still = new Set(removable.map((r) => r.name));
    for (const k of [...this.unneededSince.keys()]) if (!still.has(k)) this.unneededSince.delete(k);
    for (const r of removable) if (!this.unneededSince.has(r.name)) this.unneededSince.set(r.name, now);
    const cooldown =
      scaledUp || this.actuator.draining || now < this.lastScaleUp + DELAY_AFTER_ADD_MS || now < this.actuator.lastDelete + DELAY_AFTER_DELETE_MS || now < this.actuator.lastFailure + DELAY_AFTER_FAILURE_MS;
    if (!cooldown) this.scaleDown(removable, registered - o.min, now);

    this.writeStatus(this.buildStatus(o, now, nodes, group, removable.length));
  }

  private requestNode(name: string, o: AutoscalerOptions, now: number): void {
    const r: Requested = { name, requestedAt: now, timer: 0 };
    r.timer = this.clock.setTimeout(() => {
      this.requested = this.requested.filter((x) => x !== r);
      if (!this.opts) return;
      this.host.addNode({ name, cpu: o.nodeCpu, memory: o.nodeMemory, pods: o.nodePods });
    }, PROVISION_MS);
    this.requested.push(r);
  }

  private scaleDown(removable: Removable[], allowed: number, now: number): void {
    if (allowed <= 0) return;
    const ready = removable.filter((r) => now - (this.unneededSince.get(r.name) ?? now) >= UNNEEDED_MS);
    const empty = ready.filter((r) => r.podsToMove.length === 0).slice(0, Math.min(MAX_EMPTY_BULK_DELETE, allowed));
    if (empty.length) {
      for (const r of empty) this.startDeletion(r, now);
      return;
    }
    const drain = ready.find((r) => r.podsToMove.length > 0);
    if (drain) this.startDeletion(drain, now);
  }

  private startDeletion(r: Removable, now: number): void {
    this.unneededSince.delete(r.name);
    this.actuator.deleteNode(r, now);
  }

  private transition(key: string, status: string, now: number): Transition {
    let t = this.transitions.get(key);
    if (!t || t.status !== status) this.transitions.set(key, (t = { status, since: now }));
    return { status, lastProbeTime: now, lastTransitionTime: t.since };
  }

  private buildStatus(o: AutoscalerOptions, now: number, nodes: readonly NodeObj[], group: readonly NodeObj[], candidates: number): AutoscalerStatus {
    const count = (list: readonly NodeObj[], unregistered: number): NodeCounts => {
      const ready = list.filter((n) => n.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True').length;
      const beingDeleted = list.filter((n) => this.deleting.has(n.metadata!.name!)).length;
      return { registeredTotal: list.length, ready, notStarted: 0, beingDeleted, unready: list.length - ready, longUnregistered: 0, unregistered };
    };
    const up = this.requested.length ? 'InProgress' : 'NoActivity';
    const down = candidates ? 'CandidatesPresent' : 'NoCandidates';
    const target = group.filter((n) => !this.deleting.has(n.metadata!.name!)).length + this.requested.length;
    return {
      time: now,
      autoscalerStatus: 'Running',
      clusterWide: {
        health: { ...this.transition('cw/health', 'Healthy', now), counts: count(nodes, this.requested.length) },
        scaleUp: this.transition('cw/up', up, now),
        scaleDown: { ...this.transition('cw/down', down, now), candidates },
      },
      nodeGroups: [
        {
          name: NODE_GROUP,
          health: { ...this.transition('ng/health', 'Healthy', now), counts: count(group, this.requested.length), target, minSize: o.min, maxSize: o.max },
          scaleUp: this.transition('ng/up', up, now),
          scaleDown: { ...this.transition('ng/down', down, now), candidates },
        },
      ],
    };
  }

  private writeStatus(s: AutoscalerStatus): void {
    this.lastStatus = s;
    const stamp = goTimeString(s.time);
    const cur = this.client.get<Writable<ConfigMap> & KubeObject>('configmaps', 'kube-system', STATUS_CONFIGMAP);
    try {
      if (!cur) {
        this.client.create('configmaps', {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: STATUS_CONFIGMAP, namespace: 'kube-system', annotations: { [LAST_UPDATED_ANNOTATION]: stamp } },
          data: { status: statusYaml(s) },
        });
        return;
      }
      this.client.update('configmaps', {
        ...cur,
        metadata: { ...cur.metadata, annotations: { ...cur.metadata!.annotations, [LAST_UPDATED_ANNOTATION]: stamp } },
        data: { ...cur.data, status: statusYaml(s) },
      });
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
    }
  }
}

/** Pending pods the scheduler gave up on because no node had room. */
function unschedulableForResources(p: PodObj): boolean {
  if (p.spec?.nodeName || p.metadata?.deletionTimestamp || p.status?.phase !== 'Pending') return false;
  const c = p.status?.conditions?.find((x) => x.type === 'PodScheduled');
  if (c?.status !== 'False' || c.reason !== 'Unschedulable') return false;
  return /Insufficient |Too many pods/.test(c.message ?? '');
}

function hasTaint(node: Node, key: string): boolean {
  return (node.spec?.taints ?? []).some((t) => t.key === key);
}

/** The next free `worker-N`. */
function nextName(taken: Set<string>): string {
  for (let i = 1; ; i++) {
    const name = `worker-${i}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}
