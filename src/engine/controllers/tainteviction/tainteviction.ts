// The taint eviction controller: pods on nodes with NoExecute taints they do not tolerate are deleted,
// at once or after their tolerationSeconds (300 s for not-ready/unreachable by default).
// mirrors: pkg/controller/tainteviction/taint_eviction.go

import type { Node, Taint, Toleration } from 'kubernetes-types/core/v1';
import type { KubeObject, Writable } from '../../api/types';
import { Controller, type ControllerContext } from '../context';
import type { Client } from '../client';
import type { PodObj } from '../podutil';
import { toleratesTaint } from '../../scheduler/plugins/taint-toleration';
import { isConflict, isNotFound } from '../client';
import { rfc3339 } from '../../util/time';

const SOURCE = { component: 'taint-eviction-controller' };

export class TaintEvictionController extends Controller {
  readonly name = 'tainteviction';
  private readonly client: Client;
  /** pod uid → timer of its scheduled eviction */
  private scheduled = new Map<string, { timer: number; at: number }>();

  constructor(ctx: ControllerContext) {
    super(ctx);
    this.client = ctx.client('system:serviceaccount:kube-system:node-controller', 'kube-controller-manager');
  }

  start(): void {
    this.watch('nodes', (e) => {
      if (e.type === 'DELETED') return;
      const before = noExecute(e.old as Node | undefined);
      const after = noExecute(e.object as Node);
      if (JSON.stringify(before) !== JSON.stringify(after)) this.queue.add(`node/${e.object.metadata!.name}`);
    });
    this.watch('pods', (e) => {
      const pod = e.object as PodObj;
      if (e.type === 'DELETED') {
        this.cancel(pod.metadata!.uid!);
        return;
      }
      const node = pod.spec?.nodeName;
      if (node && (e.type === 'ADDED' || (e.old as PodObj | undefined)?.spec?.nodeName !== node)) this.queue.add(`pod/${pod.metadata!.namespace}/${pod.metadata!.name}`);
    });
  }

  *resyncKeys(): Iterable<string> {
    for (const n of this.client.list('nodes')) yield `node/${n.metadata!.name}`;
  }

  sync(key: string): void {
    if (key.startsWith('node/')) {
      const name = key.slice(5);
      const node = this.client.get<Node & KubeObject>('nodes', undefined, name);
      const taints = noExecute(node);
      for (const pod of this.client.store.listByIndex('pods', 'spec.nodeName', name) as PodObj[]) this.handlePod(pod, taints);
      return;
    }
    const [, ns, name] = key.split('/');
    const pod = this.client.get<PodObj>('pods', ns, name);
    if (!pod?.spec?.nodeName) return;
    const node = this.client.get<Node & KubeObject>('nodes', undefined, pod.spec.nodeName);
    this.handlePod(pod, noExecute(node));
  }

  private handlePod(pod: PodObj, taints: Taint[]): void {
    const uid = pod.metadata!.uid!;
    if (pod.metadata!.deletionTimestamp) {
      this.cancel(uid);
      return;
    }
    if (taints.length === 0) {
      this.cancel(uid);
      return;
    }
    const tols: Toleration[] = (pod.spec?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'NoExecute');
    let minSeconds = Infinity;
    for (const taint of taints) {
      const matching = tols.filter((t) => toleratesTaint(t, taint));
      if (matching.length === 0) {
        minSeconds = 0;
        break;
      }
      for (const t of matching) if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) minSeconds = Math.min(minSeconds, Math.max(0, t.tolerationSeconds));
    }
    if (minSeconds === Infinity) {
      this.cancel(uid);
      return;
    }
    const added = Math.min(...taints.map((t) => Date.parse(t.timeAdded ?? '') || this.ctx.clock.now()));
    const at = Math.max(this.ctx.clock.now(), added + minSeconds * 1000);
    const cur = this.scheduled.get(uid);
    if (cur && cur.at === at) return;
    this.cancel(uid);
    const ns = pod.metadata!.namespace!;
    const name = pod.metadata!.name!;
    const timer = this.ctx.clock.setTimeout(() => {
      this.scheduled.delete(uid);
      if (this.queue.paused) return;
      this.evict(ns, name, uid);
    }, at - this.ctx.clock.now());
    this.scheduled.set(uid, { timer, at });
  }

  private evict(ns: string, name: string, uid: string): void {
    const pod = this.client.get<PodObj>('pods', ns, name);
    if (!pod || pod.metadata!.uid !== uid || pod.metadata!.deletionTimestamp) return;
    this.ctx.event(SOURCE, pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${ns}/${name}`);
    const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget');
    conditions.unshift({ type: 'DisruptionTarget', status: 'True', lastProbeTime: null as unknown as string, lastTransitionTime: rfc3339(this.ctx.clock.now()), reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' });
    try {
      this.client.updateStatus('pods', { ...pod, status: { ...pod.status, conditions } } as KubeObject);
    } catch (e) {
      if (!isConflict(e) && !isNotFound(e)) throw e;
    }
    this.client.delete('pods', ns, name, { preconditions: { uid } });
  }

  private cancel(uid: string): void {
    const s = this.scheduled.get(uid);
    if (!s) return;
    this.ctx.clock.clearTimeout(s.timer);
    this.scheduled.delete(uid);
  }
}

function noExecute(node: Node | undefined): Taint[] {
  return (node?.spec?.taints ?? []).filter((t) => t.effect === 'NoExecute');
}

export type { Writable };
