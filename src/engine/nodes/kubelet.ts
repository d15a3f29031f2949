// A virtual node's kubelet: registers the Node, renews its Lease, reports node status, runs the pods bound
// to it, and can be powered off, partitioned from the API server and started again (chaos).
// mirrors: pkg/kubelet/kubelet.go, kubelet_node_status.go, nodelease

import type { Node } from 'kubernetes-types/core/v1';
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { KubeObject, Writable } from '../api/types';
import type { StoreEvent } from '../store/store';
import type { Client } from '../controllers/client';
import { buildNode, nodeConditions, internalIP, type NodeObj, type NodeShape } from './node-object';
import { PodWorker, type PodObj } from './pod-worker';
import { ImagePuller } from './image-puller';
import { Backoff } from './backoff';
import type { KubeletDeps } from './types';
import { rfc3339, microTime } from '../util/time';
import { deepEqual, shareUnchanged } from '../store/freeze';
import { StatusError } from '../api/errors';
import { parseImage } from '../runtime/images';
import { MemFS } from '../runtime/sh/memfs';

const LEASE_DURATION_S = 40;
const LEASE_RENEW_MS = 10_000;
const NODE_STATUS_UPDATE_MS = 10_000;
const NODE_STATUS_REPORT_MS = 5 * 60_000;

export class Kubelet {
  readonly name: string;
  readonly client: Client;
  readonly images: ImagePuller;
  readonly backoff = new Backoff();
  readonly pullBackoff = new Backoff();
  readonly workers = new Map<string, PodWorker>();
  /** Powered on (containers can run). */
  up = true;
  /** Reachable from the API server (not partitioned). */
  connected = true;
  hostIP?: string;
  private leaseTimer?: number;
  private statusTimer?: number;
  private lastStatusReport = 0;
  private readonly ipBase: string;
  private nextIP = 2;
  private usedIPs = new Map<string, number>();
  private bootId: string;
  private readonly machineId: string;
  private readyTransition = 0;

  constructor(
    readonly deps: KubeletDeps,
    readonly shape: NodeShape,
  ) {
    this.name = shape.name;
    this.client = deps.ctx.client(`system:node:${shape.name}`, 'kubelet');
    this.images = new ImagePuller(deps.clock);
    this.ipBase = shape.podCIDR.split('.').slice(0, 3).join('.');
    this.bootId = deps.rng.uuid();
    this.machineId = deps.rng.uuid().replace(/-/g, '');
  }

  /** Images already on the node (kind preloads the control-plane and add-on images). */
  preload(images: string[]): void {
    for (const i of images) {
      const ref = parseImage(i);
      if (ref) this.images.present.set(ref.full, 0);
    }
  }

  /** Registers the Node (or takes over an existing one) and starts heartbeats. */
  register(): void {
    const now = this.deps.clock.now();
    this.readyTransition = now;
    const existing = this.client.get<NodeObj>('nodes', undefined, this.name);
    const built = buildNode(this.shape, now, this.bootId, this.machineId);
    this.hostIP = internalIP(built);
    if (!existing) {
      this.client.create('nodes', built);
    } else {
      const status = { ...built.status, conditions: nodeConditions(rfc3339(now), true, rfc3339(now)), images: existing.status?.images };
      if (!status.images) delete status.images;
      this.client.updateStatus('nodes', { ...existing, status } as KubeObject);
    }
    this.lastStatusReport = now;
    this.startupEvents(!!existing);
    this.renewLease();
    this.scheduleStatus();
  }

  /** The kubelet's node reference uses the node name as uid (that is what real kubelets record). */
  private nodeRef(): KubeObject {
    return { apiVersion: 'v1', kind: 'Node', metadata: { name: this.name, uid: this.name } };
  }

  nodeEvent(type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.deps.ctx.event({ component: 'kubelet', host: this.name }, this.nodeRef(), type, reason, message);
  }

  private startupEvents(rebooted: boolean): void {
    const n = this.name;
    this.nodeEvent('Normal', 'Starting', 'Starting kubelet.');
    if (rebooted) this.nodeEvent('Warning', 'Rebooted', `Node ${n} has been rebooted, boot id: ${this.bootId}`);
    this.nodeEvent('Normal', 'NodeHasSufficientMemory', `Node ${n} status is now: NodeHasSufficientMemory`);
    this.nodeEvent('Normal', 'NodeHasNoDiskPressure', `Node ${n} status is now: NodeHasNoDiskPressure`);
    this.nodeEvent('Normal', 'NodeHasSufficientPID', `Node ${n} status is now: NodeHasSufficientPID`);
    this.nodeEvent('Normal', 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods');
    this.nodeEvent('Normal', 'NodeReady', `Node ${n} status is now: NodeReady`);
  }

  private renewLease(): void {
    this.leaseTimer = this.deps.clock.setTimeout(() => this.renewLease(), LEASE_RENEW_MS);
    if (!this.up || !this.connected) return;
    const now = this.deps.clock.now();
    const cur = this.client.get<Writable<Lease> & KubeObject>('leases.coordination.k8s.io', 'kube-node-lease', this.name);
    const node = this.client.get<NodeObj>('nodes', undefined, this.name);
    try {
      if (!cur) {
        const lease: Writable<Lease> & KubeObject = {
          apiVersion: 'coordination.k8s.io/v1',
          kind: 'Lease',
          metadata: {
            name: this.name,
            namespace: 'kube-node-lease',
            ownerReferences: node ? [{ apiVersion: 'v1', kind: 'Node', name: this.name, uid: node.metadata!.uid! }] : undefined,
          },
          spec: { holderIdentity: this.name, leaseDurationSeconds: LEASE_DURATION_S, renewTime: microTime(now) },
        };
        if (!lease.metadata!.ownerReferences) delete lease.metadata!.ownerReferences;
        this.client.create('leases.coordination.k8s.io', lease);
      } else {
        this.client.update('leases.coordination.k8s.io', { ...cur, spec: { ...cur.spec, renewTime: microTime(now) } } as KubeObject);
      }
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
    }
  }

  private scheduleStatus(): void {
    this.statusTimer = this.deps.clock.setTimeout(() => {
      this.scheduleStatus();
      this.syncNodeStatus(false);
    }, NODE_STATUS_UPDATE_MS);
  }

  /** Posts node status when something changed, or every nodeStatusReportFrequency (5 min). */
  syncNodeStatus(force: boolean): void {
    if (!this.up || !this.connected) return;
    const node = this.client.get<NodeObj>('nodes', undefined, this.name);
    if (!node) return;
    const now = this.deps.clock.now();
    const images = [...this.images.present.entries()]
      .filter(([, size]) => size > 0)
      .map(([name, size]) => ({ names: [name], sizeBytes: size }))
      .sort((a, b) => b.sizeBytes - a.sizeBytes);
    const oldConds = node.status?.conditions ?? [];
    const readyOld = oldConds.find((c) => c.type === 'Ready');
    // Conditions another controller flipped to Unknown come back to healthy with a new transition time.
    const transition = readyOld?.status === 'True' ? readyOld.lastTransitionTime! : rfc3339(now);
    const report = force || now - this.lastStatusReport >= NODE_STATUS_REPORT_MS || readyOld?.status !== 'True';
    const heartbeat = report ? rfc3339(now) : readyOld?.lastHeartbeatTime ?? rfc3339(now);
    const conditions = nodeConditions(heartbeat, true, transition).map((c) => {
      const prev = oldConds.find((o) => o.type === c.type);
      if (prev && prev.status === c.status) c.lastTransitionTime = prev.lastTransitionTime;
      return c;
    });
    const status = { ...node.status, conditions, images: images.length ? images : undefined, nodeInfo: { ...node.status!.nodeInfo!, bootID: this.bootId } };
    if (!status.images) delete status.images;
    if (!report && deepEqual(status, node.status)) return;
    this.lastStatusReport = now;
    try {
      this.client.updateStatus('nodes', { ...node, status } as KubeObject);
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
    }
  }

  /** A pod bound to this node changed (dispatched by the cluster's pod watch): handled right after the write. */
  onPod(e: StoreEvent): void {
    if (!this.up || !this.connected) return;
    this.deps.clock.setTimeout(() => this.handlePod(e), 0);
  }

  private handlePod(e: StoreEvent): void {
    if (!this.up || !this.connected) return;
    const pod = e.object as PodObj;
    const uid = pod.metadata!.uid!;
    const w = this.workers.get(uid);
    if (e.type === 'DELETED') {
      if (w) {
        w.vanish();
        this.workers.delete(uid);
        this.releaseIP(uid);
      }
      return;
    }
    if (w) {
      w.update(pod);
      return;
    }
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return;
    if (pod.metadata!.deletionTimestamp) {
      // Never started here: nothing to stop.
      this.deletePod(pod);
      return;
    }
    const nw = new PodWorker(this, pod);
    this.workers.set(uid, nw);
    nw.start();
  }

  /** All containers stopped after a graceful delete: remove the pod object (grace 0). */
  podTerminated(w: PodWorker): void {
    this.workers.delete(w.uid);
    this.releaseIP(w.uid);
    this.deletePod(w.pod);
  }

  private deletePod(pod: PodObj): void {
    if (!this.connected) return;
    this.client.delete('pods', pod.metadata!.namespace, pod.metadata!.name!, { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata!.uid } });
  }

  writePodStatus(pod: PodObj, status: PodObj['status']): void {
    if (deepEqual(pod.status ?? {}, status)) return;
    // Unchanged conditions and container statuses keep the stored objects: the write then freezes and
    // compares only what changed.
    status = shareUnchanged(pod.status, status);
    try {
      this.client.updateStatus('pods', { ...pod, status } as KubeObject);
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
    }
  }

  allocateIP(uid: string): string {
    const existing = this.usedIPs.get(uid);
    if (existing !== undefined) return `${this.ipBase}.${existing}`;
    const taken = new Set(this.usedIPs.values());
    for (let i = 0; i < 253; i++) {
      const n = this.nextIP;
      this.nextIP = this.nextIP >= 254 ? 2 : this.nextIP + 1;
      if (!taken.has(n)) {
        this.usedIPs.set(uid, n);
        return `${this.ipBase}.${n}`;
      }
    }
    return `${this.ipBase}.254`;
  }

  releaseIP(uid: string): void {
    this.usedIPs.delete(uid);
  }

  private hostPaths = new Map<string, MemFS>();

  /** A hostPath directory on this node (survives pods on the node, not the node's removal). */
  hostPath(path: string): MemFS {
    let fs = this.hostPaths.get(path);
    if (!fs) this.hostPaths.set(path, (fs = new MemFS(() => this.deps.clock.now())));
    return fs;
  }

  /** The data of a PersistentVolume. */
  volumeData(pvName: string): MemFS {
    let fs = this.deps.volumeData.get(pvName);
    if (!fs) this.deps.volumeData.set(pvName, (fs = new MemFS(() => this.deps.clock.now())));
    return fs;
  }

  containerID(): string {
    let s = '';
    for (let i = 0; i < 8; i++) s += this.deps.rng.u32().toString(16).padStart(8, '0');
    return s;
  }

  /** Pods bound to this node according to the API. */
  assignedPods(): PodObj[] {
    return this.client.store.listByIndex('pods', 'spec.nodeName', this.name) as PodObj[];
  }

  // ---- chaos ----

  /** Power off: heartbeats stop, every container is gone. */
  powerOff(): void {
    if (!this.up) return;
    this.up = false;
    for (const w of this.workers.values()) w.vanish();
    this.workers.clear();
    this.usedIPs.clear();
    this.images.reset();
  }

  /** Power on: a new boot, node status posted again, assigned pods restarted or cleaned up. */
  powerOn(): void {
    if (this.up) return;
    this.up = true;
    this.bootId = this.deps.rng.uuid();
    if (this.connected) this.resync(true);
  }

  partition(): void {
    this.connected = false;
  }

  heal(): void {
    if (this.connected) return;
    this.connected = true;
    if (this.up) this.resync(false);
  }

  /** After a reboot or a partition: re-list assigned pods and reconcile workers with them. */
  private resync(rebooted: boolean): void {
    if (rebooted) this.startupEvents(true);
    this.syncNodeStatus(true);
    const pods = this.assignedPods();
    const live = new Set(pods.map((p) => p.metadata!.uid!));
    for (const [uid, w] of this.workers) {
      if (!live.has(uid)) {
        w.vanish();
        this.workers.delete(uid);
        this.releaseIP(uid);
      }
    }
    for (const p of pods) {
      const w = this.workers.get(p.metadata!.uid!);
      if (w) {
        w.update(p);
        w.markStatus();
        continue;
      }
      this.handlePod({ type: 'ADDED', resource: 'pods', object: p, rv: 0 });
      if (rebooted) this.workers.get(p.metadata!.uid!)?.markRestartAfterReboot(p);
    }
  }

  stop(): void {
    if (this.leaseTimer !== undefined) this.deps.clock.clearTimeout(this.leaseTimer);
    if (this.statusTimer !== undefined) this.deps.clock.clearTimeout(this.statusTimer);
    this.powerOff();
  }
}

export type { Node };
