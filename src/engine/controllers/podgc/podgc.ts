// Pod garbage collection: pods bound to nodes that no longer exist are force-deleted after a 40 s
// quarantine, terminating pods that were never scheduled or sit on out-of-service nodes likewise, and
// terminated pods beyond the threshold (12500) oldest first.
// mirrors: pkg/controller/podgc/gc_controller.go

import type { Node } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';
import { Controller, type ControllerContext } from '../context';
import type { Client } from '../client';
import type { PodObj } from '../podutil';
import { rfc3339 } from '../../util/time';
import { isConflict, isNotFound } from '../client';

const GC_PERIOD_MS = 20_000;
const QUARANTINE_MS = 40_000;
const TERMINATED_THRESHOLD = 12_500;

export class PodGCController extends Controller {
  readonly name = 'podgc';
  private readonly client: Client;
  /** Nodes first seen missing (quarantine start). */
  private missingSince = new Map<string, number>();

  constructor(ctx: ControllerContext) {
    super(ctx);
    this.client = ctx.client('system:serviceaccount:kube-system:pod-garbage-collector', 'kube-controller-manager');
  }

  start(): void {
    const tick = () => {
      this.ctx.clock.setTimeout(tick, GC_PERIOD_MS);
      this.queue.add('gc');
    };
    this.ctx.clock.setTimeout(tick, GC_PERIOD_MS);
  }

  *resyncKeys(): Iterable<string> {
    yield 'gc';
  }

  sync(): void {
    const now = this.ctx.clock.now();
    const nodes = new Map<string, Node & KubeObject>();
    for (const n of this.client.list<Node & KubeObject>('nodes')) nodes.set(n.metadata!.name!, n);
    const terminated: PodObj[] = [];
    const seenMissing = new Set<string>();
    for (const pod of this.client.list<PodObj>('pods')) {
      const nodeName = pod.spec?.nodeName;
      const phase = pod.status?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') terminated.push(pod);
      if (!nodeName) {
        if (pod.metadata!.deletionTimestamp) this.forceDelete(pod, 'PodGC: deleting pod because it was terminating and unscheduled');
        continue;
      }
      const node = nodes.get(nodeName);
      if (!node) {
        seenMissing.add(nodeName);
        const since = this.missingSince.get(nodeName) ?? now;
        this.missingSince.set(nodeName, since);
        if (now - since >= QUARANTINE_MS) this.forceDelete(pod, 'PodGC: node no longer exists');
        continue;
      }
      if (pod.metadata!.deletionTimestamp && outOfService(node) && notReady(node)) this.forceDelete(pod, 'PodGC: node is out of service');
    }
    for (const n of [...this.missingSince.keys()]) if (!seenMissing.has(n)) this.missingSince.delete(n);
    if (terminated.length > TERMINATED_THRESHOLD) {
      terminated.sort((a, b) => Date.parse(a.metadata!.creationTimestamp!) - Date.parse(b.metadata!.creationTimestamp!));
      for (const p of terminated.slice(0, terminated.length - TERMINATED_THRESHOLD)) this.forceDelete(p, '');
    }
  }

  private forceDelete(pod: PodObj, message: string): void {
    if (message && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed') {
      const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget');
      conditions.unshift({ type: 'DisruptionTarget', status: 'True', lastProbeTime: null as unknown as string, lastTransitionTime: rfc3339(this.ctx.clock.now()), reason: 'DeletionByPodGC', message });
      try {
        this.client.updateStatus('pods', { ...pod, status: { ...pod.status, phase: 'Failed', conditions } } as KubeObject);
      } catch (e) {
        if (!isConflict(e) && !isNotFound(e)) throw e;
      }
    }
    this.client.delete('pods', pod.metadata!.namespace, pod.metadata!.name!, { gracePeriodSeconds: 0 });
  }
}

function outOfService(n: Node): boolean {
  return (n.spec?.taints ?? []).some((t) => t.key === 'node.kubernetes.io/out-of-service' && t.effect === 'NoExecute');
}

function notReady(n: Node): boolean {
  return n.status?.conditions?.find((c) => c.type === 'Ready')?.status !== 'True';
}
