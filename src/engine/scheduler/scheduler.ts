// kube-scheduler: takes pending pods one at a time, filters nodes, scores the feasible ones, binds the best;
// failures become FailedScheduling events and a PodScheduled=False condition with the upstream message.
// mirrors: pkg/scheduler/schedule_one.go, framework/types.go (FitError)

import type { Node } from 'kubernetes-types/core/v1';
import type { KubeObject, Writable } from '../api/types';
import type { ControllerContext } from '../controllers/context';
import type { Rng } from '../clock/rng';
import type { Client } from '../controllers/client';
import type { StoreEvent } from '../store/store';
import { SchedulerCache, podRequests, type NodeInfo } from './nodeinfo';
import { SchedulingQueue, keyOf } from './queue';
import type { CycleState, FilterPlugin, PodObj, ScorePlugin, Status } from './framework';
import { NodeUnschedulable } from './plugins/node-unschedulable';
import { NodeName } from './plugins/node-name';
import { TaintToleration } from './plugins/taint-toleration';
import { NodeAffinity } from './plugins/node-affinity';
import { NodePorts } from './plugins/node-ports';
import { NodeResourcesFit } from './plugins/node-resources-fit';
import { NodeResourcesBalancedAllocation } from './plugins/balanced-allocation';
import { PodTopologySpread } from './plugins/pod-topology-spread';
import { ImageLocality } from './plugins/image-locality';
import { VolumeBinding, VolumeBindingPreFilter } from './plugins/volume-binding';
import { bindPod } from '../api/subresources/binding';
import { rfc3339 } from '../util/time';
import { StatusError } from '../api/errors';
import { preemptionMessage, findCandidates, pickCandidate } from './preemption';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';

export const SCHEDULER_NAME = 'default-scheduler';
const SOURCE = { component: SCHEDULER_NAME };
const MAX_UNSCHEDULABLE_MS = 5 * 60 * 1000;

const PRE_FILTERS = [VolumeBindingPreFilter];
const FILTERS: FilterPlugin[] = [NodeUnschedulable, NodeName, TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit, VolumeBinding, PodTopologySpread];
const SCORES: ScorePlugin[] = [TaintToleration, NodeAffinity, NodeResourcesFit, PodTopologySpread, NodeResourcesBalancedAllocation, ImageLocality];

export class Scheduler {
  readonly cache: SchedulerCache;
  readonly queue = new SchedulingQueue();
  private readonly client: Client;
  private nextStartNodeIndex = 0;
  /** Pods nominated to a node by preemption (uid → pod with status.nominatedNodeName). */
  private nominated = new Map<string, PodObj>();
  private scheduled = false;
  private running = true;
  private flushTimer?: number;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly rng: Rng,
  ) {
    this.client = ctx.client('system:kube-scheduler', 'kube-scheduler');
    this.cache = new SchedulerCache(ctx.store);
  }

  start(): void {
    for (const p of this.client.list<PodObj>('pods')) if (this.wants(p)) this.queue.add(p);
    this.ctx.store.watch('pods', {}, (e) => this.onPod(e));
    this.ctx.store.watch('nodes', {}, (e) => this.onNode(e));
    this.schedule();
    this.periodicFlush();
  }

  get isRunning(): boolean {
    return this.running;
  }

  stop(): void {
    this.running = false;
  }

  resume(): void {
    this.running = true;
    for (const p of this.client.list<PodObj>('pods')) if (this.wants(p)) this.queue.add(p);
    this.schedule();
  }

  private wants(p: PodObj): boolean {
    return !p.spec?.nodeName && !p.metadata?.deletionTimestamp && (p.spec?.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME && (p.spec?.schedulingGates?.length ?? 0) === 0 && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed';
  }

  private onPod(e: StoreEvent): void {
    const p = e.object as PodObj;
    if (e.type === 'DELETED' || p.spec?.nodeName || !p.status?.nominatedNodeName) this.nominated.delete(p.metadata!.uid!);
    else this.nominated.set(p.metadata!.uid!, p);
    if (e.type === 'DELETED') {
      this.queue.delete(keyOf(p));
      if (p.spec?.nodeName) this.clusterChanged();
      return;
    }
    if (this.wants(p)) {
      // A new pending pod, or a spec change (tolerations, gates removed) worth another try.
      if (e.type === 'ADDED' || !this.queue.has(keyOf(p)) || specChanged(e)) this.queue.add(p);
      this.schedule();
    } else {
      this.queue.delete(keyOf(p));
      // A pod leaving a node frees room.
      const old = e.old as PodObj | undefined;
      if (old?.spec?.nodeName && (p.metadata?.deletionTimestamp || p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') && !(old.metadata?.deletionTimestamp || old.status?.phase === 'Succeeded' || old.status?.phase === 'Failed')) {
        this.clusterChanged();
      }
    }
  }

  private onNode(e: StoreEvent): void {
    const n = e.object as Writable<Node> & KubeObject;
    const o = e.old as (Writable<Node> & KubeObject) | undefined;
    if (e.type === 'DELETED') return;
    if (e.type === 'ADDED' || !o || nodeSchedulingChanged(o, n)) this.clusterChanged();
  }

  private clusterChanged(): void {
    if (this.queue.unschedulable.size === 0) return;
    this.queue.moveAllToActiveOrBackoff(this.ctx.clock.now());
    this.schedule();
    this.scheduleBackoffFlush();
  }

  private backoffTimer?: number;
  private scheduleBackoffFlush(): void {
    const due = this.queue.nextBackoffDue();
    if (due === undefined || this.backoffTimer !== undefined) return;
    this.backoffTimer = this.ctx.clock.setTimeout(() => {
      this.backoffTimer = undefined;
      if (this.queue.flushBackoff(this.ctx.clock.now())) this.schedule();
      this.scheduleBackoffFlush();
    }, Math.max(0, due - this.ctx.clock.now()));
  }

  private periodicFlush(): void {
    // flushUnschedulablePodsLeftover runs every 30 s; backoff completion every second upstream.
    this.flushTimer = this.ctx.clock.setTimeout(() => {
      if (this.queue.flushUnschedulableLeftover(this.ctx.clock.now(), MAX_UNSCHEDULABLE_MS)) this.schedule();
      this.periodicFlush();
    }, 30_000);
  }

  private schedule(): void {
    if (this.scheduled || !this.running) return;
    this.scheduled = true;
    this.ctx.clock.setTimeout(() => {
      this.scheduled = false;
      this.drain();
    }, 0);
  }

  private drain(): void {
    while (this.running) {
      const key = this.queue.pop();
      if (key === undefined) break;
      const [ns, name] = key.split('/');
      const pod = this.client.get<PodObj>('pods', ns, name);
      if (!pod || !this.wants(pod)) continue;
      this.scheduleOne(pod);
    }
  }

  private readonly nodeByName = (name: string) => this.cache.nodes.get(name)?.node;
  private readonly domainCounts = (ownerUid: string, key: string) => this.cache.domainCounts(ownerUid, key);

  /** One scheduling cycle and its binding. */
  scheduleOne(pod: PodObj): void {
    const nodes = this.cache.list();
    const state: CycleState = { pod, requests: podRequests(pod), store: this.ctx.store, ownerCounts: this.cache.ownerCounts, domainCounts: this.domainCounts, nodeByName: this.nodeByName, data: new Map() };
    if (nodes.length === 0) {
      this.fail(pod, 'no nodes available to schedule pods', undefined);
      return;
    }
    for (const pf of PRE_FILTERS) {
      const st = pf.preFilter(state);
      if (st) {
        // A PreFilter failure rejects every node with the same message.
        this.fail(pod, `0/${nodes.length} nodes are available: ${st.reasons[0]}. preemption: 0/${nodes.length} nodes are available: ${nodes.length} Preemption is not helpful for scheduling.`, undefined);
        return;
      }
    }
    const { feasible, statuses } = this.findFeasible(state, nodes);
    if (feasible.length === 0) {
      const msg = fitErrorMessage(nodes.length, statuses);
      if (pod.spec?.preemptionPolicy !== 'Never' && this.preempt(pod, state, nodes, statuses)) {
        this.fail(pod, msg, statuses);
        return;
      }
      const pre = preemptionMessage(pod, nodes.length, statuses);
      this.fail(pod, pre ? `${msg} ${pre}` : msg, statuses);
      return;
    }
    const host = feasible.length === 1 ? feasible[0] : this.selectHost(state, feasible);
    const nodeName = host.node.metadata!.name!;
    this.selectNodeForClaims(pod, nodeName);
    this.cache.assume(pod, nodeName);
    try {
      bindPod(this.client.rest, this.client.def('pods'), pod.metadata!.namespace!, pod.metadata!.name!, { target: { kind: 'Node', name: nodeName } }, { trusted: true, user: this.client.user });
    } catch (e) {
      this.cache.forget(pod);
      if (e instanceof StatusError) {
        this.ctx.event(SOURCE, pod, 'Warning', 'FailedScheduling', `Binding rejected: ${e.message}`);
        return;
      }
      throw e;
    }
    this.queue.forgetAttempts(keyOf(pod));
    this.ctx.event(SOURCE, pod, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata!.namespace}/${pod.metadata!.name} to ${nodeName}`);
  }

  /** Preemption: nominate a node and delete lower-priority victims there. True when it happened. */
  private preempt(pod: PodObj, state: CycleState, nodes: NodeInfo[], statuses: Map<string, Status>): boolean {
    const pdbs = [...this.client.list<PodDisruptionBudget>('poddisruptionbudgets.policy')];
    const cand = pickCandidate(findCandidates(state, nodes, statuses, FILTERS, pdbs));
    if (!cand) return false;
    const nodeName = cand.node.node.metadata!.name!;
    for (const v of cand.victims) {
      const conditions = (v.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget');
      conditions.unshift({ type: 'DisruptionTarget', status: 'True', lastProbeTime: null as unknown as string, lastTransitionTime: rfc3339(this.ctx.clock.now()), reason: 'PreemptionByScheduler', message: `${SCHEDULER_NAME}: preempting to accommodate a higher priority pod` });
      try {
        this.client.updateStatus('pods', { ...v, status: { ...v.status, conditions } } as KubeObject);
      } catch {
        // gone already
      }
      this.client.delete('pods', v.metadata!.namespace, v.metadata!.name!);
      this.ctx.event(SOURCE, v, 'Normal', 'Preempted', `Preempted by pod ${pod.metadata!.uid} on node ${nodeName}`);
    }
    const fresh = this.client.get<PodObj>('pods', pod.metadata!.namespace, pod.metadata!.name!);
    if (fresh) {
      try {
        this.client.updateStatus('pods', { ...fresh, status: { ...fresh.status, nominatedNodeName: nodeName } } as KubeObject);
      } catch {
        // the next cycle retries
      }
    }
    return true;
  }

  /** WaitForFirstConsumer claims learn the chosen node (the provisioner creates the volume there). */
  private selectNodeForClaims(pod: PodObj, nodeName: string): void {
    const ns = pod.metadata!.namespace!;
    for (const v of pod.spec?.volumes ?? []) {
      const claim = v.persistentVolumeClaim?.claimName;
      if (!claim) continue;
      const pvc = this.client.get<KubeObject>('persistentvolumeclaims', ns, claim);
      if (!pvc || (pvc.spec as { volumeName?: string } | undefined)?.volumeName || pvc.metadata!.annotations?.['volume.kubernetes.io/selected-node']) continue;
      try {
        this.client.update('persistentvolumeclaims', { ...pvc, metadata: { ...pvc.metadata, annotations: { ...pvc.metadata!.annotations, 'volume.kubernetes.io/selected-node': nodeName } } });
      } catch {
        // The claim changed meanwhile; the PV controller copes either way.
      }
    }
  }

  /** The node with pods nominated to it (of at least this pod's priority) counted as if running there. */
  private withNominated(state: CycleState, node: NodeInfo): NodeInfo {
    if (this.nominated.size === 0) return node;
    const prio = state.pod.spec?.priority ?? 0;
    let sim: NodeInfo | undefined;
    for (const p of this.nominated.values()) {
      if (p.status?.nominatedNodeName !== node.node.metadata!.name || p.metadata!.uid === state.pod.metadata!.uid) continue;
      if ((p.spec?.priority ?? 0) < prio) continue;
      sim ??= node.clone();
      sim.addPod(p);
    }
    return sim ?? node;
  }

  private findFeasible(state: CycleState, nodes: NodeInfo[]): { feasible: NodeInfo[]; statuses: Map<string, Status> } {
    // The nominated node (after preemption) is evaluated first and taken if it fits.
    // Filters that cannot reject a node for this pod are left out of the per-node loop (PreFilter Skip).
    const filters: FilterPlugin[] = [];
    for (const f of FILTERS) if (!f.skip?.(state)) filters.push(f);
    const nominatedName = state.pod.status?.nominatedNodeName;
    if (nominatedName) {
      const n = nodes.find((x) => x.node.metadata!.name === nominatedName);
      if (n && !runFilters(filters, state, this.withNominated(state, n))) return { feasible: [n], statuses: new Map() };
    }
    const want = numFeasibleNodesToFind(nodes.length);
    const feasible: NodeInfo[] = [];
    const statuses = new Map<string, Status>();
    const n = nodes.length;
    let processed = 0;
    for (let i = 0; i < n && feasible.length < want; i++) {
      const node = nodes[(this.nextStartNodeIndex + i) % n];
      processed++;
      const st = runFilters(filters, state, this.withNominated(state, node));
      if (st) statuses.set(node.node.metadata!.name!, st);
      else feasible.push(node);
    }
    this.nextStartNodeIndex = (this.nextStartNodeIndex + processed) % n;
    return { feasible, statuses };
  }

  private selectHost(state: CycleState, nodes: NodeInfo[]): NodeInfo {
    const n = nodes.length;
    const totals = new Float64Array(n);
    // One scores array for every plugin (normalize works in place): no closure or array per plugin.
    const scores = new Array<number>(n);
    for (const p of SCORES) {
      if (p.skipScore?.(state)) continue;
      p.preScore?.(state, nodes);
      if (p.scoreNodes) p.scoreNodes(state, nodes, scores);
      else for (let i = 0; i < n; i++) scores[i] = p.score(state, nodes[i]);
      p.normalize?.(state, scores);
      const w = p.weight;
      for (let i = 0; i < n; i++) totals[i] += scores[i] * w;
    }
    // Highest total; ties broken uniformly at random (reservoir sampling, seeded).
    let best = 0;
    let ties = 1;
    for (let i = 1; i < n; i++) {
      if (totals[i] > totals[best]) {
        best = i;
        ties = 1;
      } else if (totals[i] === totals[best]) {
        ties++;
        if (this.rng.int(ties) === 0) best = i;
      }
    }
    return nodes[best];
  }

  private fail(pod: PodObj, message: string, _statuses: Map<string, Status> | undefined): void {
    this.queue.markUnschedulable(pod, this.ctx.clock.now());
    this.ctx.event(SOURCE, pod, 'Warning', 'FailedScheduling', message);
    const cond = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    if (cond?.status === 'False' && cond.reason === 'Unschedulable' && cond.message === message) return;
    const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
    conditions.push({
      type: 'PodScheduled',
      status: 'False',
      lastProbeTime: null as unknown as string,
      lastTransitionTime: cond?.status === 'False' ? cond.lastTransitionTime : rfc3339(this.ctx.clock.now()),
      reason: 'Unschedulable',
      message,
    });
    try {
      this.client.updateStatus('pods', { ...pod, status: { ...pod.status, conditions } } as KubeObject);
    } catch {
      // The pod changed or went away; the next event brings it back.
    }
  }
}

function runFilters(filters: FilterPlugin[], state: CycleState, node: NodeInfo): Status | undefined {
  for (const f of filters) {
    const st = callFilter(f, state, node);
    if (st) return { ...st, plugin: f.name };
  }
  return undefined;
}

/**
 * f.filter(state, node), with the hot plugins called by name: a call through the loop variable goes to a
 * different function every time (no inlining, a lookup per call), while each branch here always calls the
 * same one. Runs for every node of every cycle.
 */
function callFilter(f: FilterPlugin, state: CycleState, node: NodeInfo): Status | undefined {
  if (f === NodeUnschedulable) return NodeUnschedulable.filter(state, node);
  if (f === TaintToleration) return TaintToleration.filter(state, node);
  if (f === NodeResourcesFit) return NodeResourcesFit.filter(state, node);
  return f.filter(state, node);
}

/** percentageOfNodesToScore (adaptive): all nodes under 100, else 50 − n/125 percent, at least 5 % and 100 nodes. */
export function numFeasibleNodesToFind(numAllNodes: number): number {
  if (numAllNodes < 100) return numAllNodes;
  let percentage = 50 - Math.floor(numAllNodes / 125);
  if (percentage < 5) percentage = 5;
  const n = Math.floor((numAllNodes * percentage) / 100);
  return Math.max(n, 100);
}

/** FitError.Error(): `0/N nodes are available: <count> <reason>, … .` with reasons sorted as strings. */
export function fitErrorMessage(numAllNodes: number, statuses: Map<string, Status>): string {
  const reasons = new Map<string, number>();
  for (const st of statuses.values()) for (const r of st.reasons) reasons.set(r, (reasons.get(r) ?? 0) + 1);
  const parts = [...reasons].map(([r, n]) => `${n} ${r}`).sort();
  let msg = `0/${numAllNodes} nodes are available:`;
  if (parts.length) msg += ` ${parts.join(', ')}.`;
  return msg;
}

function specChanged(e: StoreEvent): boolean {
  const o = e.old as PodObj | undefined;
  const n = e.object as PodObj;
  return !!o && (o.spec !== n.spec || o.metadata?.labels !== n.metadata?.labels);
}

function nodeSchedulingChanged(o: Node, n: Node): boolean {
  if (o.spec?.unschedulable !== n.spec?.unschedulable) return true;
  if (JSON.stringify(o.spec?.taints ?? []) !== JSON.stringify(n.spec?.taints ?? [])) return true;
  if (JSON.stringify(o.metadata?.labels ?? {}) !== JSON.stringify(n.metadata?.labels ?? {})) return true;
  if (JSON.stringify(o.status?.allocatable ?? {}) !== JSON.stringify(n.status?.allocatable ?? {})) return true;
  const ready = (x: Node) => x.status?.conditions?.find((c) => c.type === 'Ready')?.status;
  return ready(o) !== ready(n);
}
