// The DaemonSet controller: one pod per eligible node (pinned with node affinity on metadata.name and the
// DaemonSet tolerations), rolling updates with maxUnavailable/maxSurge, status counts and revisions.
// mirrors: pkg/controller/daemon/daemon_controller.go, update.go, util/daemonset_util.go

import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod, Toleration } from 'kubernetes-types/core/v1';
import type { KubeObject, Writable } from '../../api/types';
import { Controller, controllerRef, nsName, splitKey, type ControllerContext } from '../context';
import type { Client } from '../client';
import { isPodActive, isPodAvailable, isPodReady, podFromTemplate, type PodObj } from '../podutil';
import { selectorFromLabelSelector } from '../../api/selectors/labels';
import { claimObjects } from '../claim';
import { ensureRevision, truncateHistory } from '../history';
import { tolerates } from '../../scheduler/plugins/taint-toleration';
import { matchTerm } from '../../scheduler/plugins/node-affinity';
import { scaledValue } from '../deployment/util';
import { deepEqual } from '../../store/freeze';
import { StatusError } from '../../api/errors';

type DSObj = Writable<DaemonSet> & KubeObject;
type NodeObj = Node & KubeObject;
const SOURCE = { component: 'daemonset-controller' };

/** The tolerations every daemon pod gets (AddOrUpdateDaemonPodTolerations). */
export function daemonTolerations(hostNetwork: boolean): Toleration[] {
  const t: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ];
  if (hostNetwork) t.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  return t;
}

export class DaemonSetController extends Controller {
  readonly name = 'daemonset';
  private readonly client: Client;

  constructor(ctx: ControllerContext) {
    super(ctx);
    this.client = ctx.client('system:serviceaccount:kube-system:daemon-set-controller', 'kube-controller-manager');
  }

  start(): void {
    this.watch('daemonsets.apps', (e) => this.queue.add(nsName(e.object)));
    this.watch('pods', (e) => {
      const ref = controllerRef(e.object);
      if (ref?.kind === 'DaemonSet') this.queue.add(`${e.object.metadata!.namespace}/${ref.name}`);
    });
    this.watch('nodes', (e) => {
      const o = e.old as NodeObj | undefined;
      const n = e.object as NodeObj;
      if (e.type === 'MODIFIED' && o && deepEqual(o.metadata?.labels, n.metadata?.labels) && deepEqual(o.spec?.taints, n.spec?.taints) && o.spec?.unschedulable === n.spec?.unschedulable) return;
      for (const ds of this.client.list('daemonsets.apps')) this.queue.add(nsName(ds));
    });
  }

  *resyncKeys(): Iterable<string> {
    for (const ds of this.client.list('daemonsets.apps')) yield nsName(ds);
  }

  /** Whether a daemon pod should run on the node (nodeSelector, required affinity, NoSchedule/NoExecute taints). */
  private shouldRun(ds: DSObj, node: NodeObj): boolean {
    const spec = ds.spec!.template!.spec!;
    const labels = node.metadata?.labels ?? {};
    for (const [k, v] of Object.entries(spec.nodeSelector ?? {})) if (labels[k] !== v) return false;
    const terms = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
    if (terms && !terms.some((t) => matchTerm(t, node))) return false;
    const tols = [...(spec.tolerations ?? []), ...daemonTolerations(!!spec.hostNetwork)];
    for (const taint of node.spec?.taints ?? []) {
      if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
      if (!tolerates(tols, taint)) return false;
    }
    return true;
  }

  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const ds = this.client.get<DSObj>('daemonsets.apps', ns, name);
    if (!ds || ds.metadata!.deletionTimestamp) return;
    const selector = selectorFromLabelSelector(ds.spec?.selector);
    const candidates = new Map<string, KubeObject>();
    for (const p of this.client.select('pods', ns, selector)) candidates.set(p.metadata!.uid!, p);
    for (const d of this.client.store.dependents(ds.metadata!.uid!)) if (d.resource === 'pods') candidates.set(d.object.metadata!.uid!, d.object);
    const pods = (claimObjects(this.client, 'pods', ds, selector, [...candidates.values()]) as PodObj[]).filter((p) => !p.metadata!.deletionTimestamp);
    const { hash } = ensureRevision(this.client, ds, ds.spec!.template!, ds.spec!.template!.metadata?.labels ?? {});
    const byNode = new Map<string, PodObj[]>();
    for (const p of pods) {
      const n = nodeOf(p);
      if (!n) continue;
      const list = byNode.get(n) ?? [];
      list.push(p);
      byNode.set(n, list);
    }
    const nodes = [...this.client.list<NodeObj>('nodes')].sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1));
    const toCreate: string[] = [];
    const toDelete: PodObj[] = [];
    let desired = 0;
    const now = this.ctx.clock.now();
    const minReady = ds.spec?.minReadySeconds ?? 0;
    const strategy = ds.spec?.updateStrategy;
    const rolling = (strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
    const eligible: string[] = [];
    for (const node of nodes) if (this.shouldRun(ds, node)) eligible.push(node.metadata!.name!);
    desired = eligible.length;
    // maxSurge and maxUnavailable scale against the nodes that should run a pod, rounding up; both 0 → 1 unavailable.
    const maxSurge = rolling ? scaledValue(strategy?.rollingUpdate?.maxSurge, desired, true, '0') : 0;
    let maxUnavailable = rolling ? scaledValue(strategy?.rollingUpdate?.maxUnavailable, desired, true, '1') : 0;
    if (rolling && maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
    const eligibleSet = new Set(eligible);
    // podsShouldBeOnNode: one pod per eligible node (during a surge, one old and one new), none elsewhere.
    for (const node of nodes) {
      const nodeName = node.metadata!.name!;
      const here = byNode.get(nodeName) ?? [];
      if (!eligibleSet.has(nodeName)) {
        toDelete.push(...here);
        continue;
      }
      const failed = here.filter((p) => p.status?.phase === 'Failed');
      toDelete.push(...failed);
      const alive = here.filter((p) => p.status?.phase !== 'Failed');
      if (alive.length === 0) {
        toCreate.push(nodeName);
        continue;
      }
      if (alive.length > 1) {
        const fresh = alive.filter((p) => p.metadata!.labels?.['controller-revision-hash'] === hash);
        const stale = alive.filter((p) => p.metadata!.labels?.['controller-revision-hash'] !== hash);
        if (maxSurge > 0 && fresh.length && stale.length) {
          // Keep the newest of each while the new one comes up; extras go.
          toDelete.push(...fresh.slice(1), ...stale.slice(1));
        } else toDelete.push(...alive.slice(1));
      }
    }
    if (rolling) this.rollingUpdate(eligible, byNode, hash, minReady, now, maxSurge, maxUnavailable, toCreate, toDelete);
    for (const nodeName of toCreate) this.createPod(ds, nodeName, hash);
    for (const p of toDelete) {
      this.client.delete('pods', p.metadata!.namespace, p.metadata!.name!);
      this.ctx.event(SOURCE, ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata!.name}`);
    }
    this.updateStatus(ds, pods, nodes, hash, desired);
    truncateHistory(this.client, ds, ds.spec?.revisionHistoryLimit ?? 10, new Set(pods.map((p) => p.metadata!.labels?.['controller-revision-hash'] ?? '')), `${ds.metadata!.name}-${hash}`);
    if (minReady > 0 && pods.some((p) => isPodReady(p) && !isPodAvailable(p, minReady, now))) this.queue.addAfter(key, minReady * 1000);
  }

  /** update.go rollingUpdate: without surge, delete old pods within maxUnavailable; with it, create the new pod first. */
  private rollingUpdate(
    eligible: string[],
    byNode: Map<string, PodObj[]>,
    hash: string,
    minReady: number,
    now: number,
    maxSurge: number,
    maxUnavailable: number,
    toCreate: string[],
    toDelete: PodObj[],
  ): void {
    const deleting = new Set(toDelete);
    const split = (nodeName: string) => {
      const pods = (byNode.get(nodeName) ?? []).filter((p) => !deleting.has(p) && p.status?.phase !== 'Failed');
      return {
        fresh: pods.find((p) => p.metadata!.labels?.['controller-revision-hash'] === hash),
        old: pods.find((p) => p.metadata!.labels?.['controller-revision-hash'] !== hash),
      };
    };
    if (maxSurge === 0) {
      let unavailable = 0;
      const replace: PodObj[] = [];
      const candidates: PodObj[] = [];
      for (const nodeName of eligible) {
        const { fresh, old } = split(nodeName);
        if ((!fresh && !old) || (fresh && old)) unavailable++;
        else if (fresh) {
          if (!isPodAvailable(fresh, minReady, now)) unavailable++;
        } else if (old) {
          if (!isPodAvailable(old, minReady, now)) replace.push(old);
          else if (unavailable < maxUnavailable) candidates.push(old);
        }
      }
      const room = Math.min(Math.max(0, maxUnavailable - unavailable), candidates.length);
      toDelete.push(...replace, ...candidates.slice(0, room));
      return;
    }
    let surging = 0;
    const allowed: string[] = [];
    const candidates: string[] = [];
    for (const nodeName of eligible) {
      const { fresh, old } = split(nodeName);
      if (!old) continue;
      if (!fresh) {
        if (!isPodAvailable(old, minReady, now)) allowed.push(nodeName);
        else if (surging < maxSurge) candidates.push(nodeName);
        continue;
      }
      if (!isPodAvailable(fresh, minReady, now)) {
        surging++;
        continue;
      }
      toDelete.push(old);
    }
    const room = Math.min(Math.max(0, maxSurge - surging), candidates.length);
    for (const n of [...allowed, ...candidates.slice(0, room)]) if (!toCreate.includes(n)) toCreate.push(n);
  }

  private createPod(ds: DSObj, nodeName: string, hash: string): void {
    const template = ds.spec!.template!;
    const pod = podFromTemplate(template, ds.metadata!.namespace!, `${ds.metadata!.name}-`, ds);
    pod.metadata!.labels = { ...(pod.metadata!.labels ?? {}), 'controller-revision-hash': hash, 'pod-template-generation': String(ds.metadata!.generation ?? 1) };
    const spec = { ...(pod.spec as Pod['spec'])! };
    const tols = [...(spec.tolerations ?? [])];
    for (const t of daemonTolerations(!!spec.hostNetwork)) if (!tols.some((x) => x.key === t.key && x.effect === t.effect)) tols.push(t);
    spec.tolerations = tols;
    spec.affinity = {
      ...(spec.affinity ?? {}),
      nodeAffinity: {
        ...(spec.affinity?.nodeAffinity ?? {}),
        requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }] },
      },
    };
    pod.spec = spec;
    try {
      const created = this.client.create<PodObj>('pods', pod);
      this.ctx.event(SOURCE, ds, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata!.name}`);
    } catch (e) {
      if (e instanceof StatusError) {
        this.ctx.event(SOURCE, ds, 'Warning', 'FailedCreate', `Error creating: ${e.message}`);
        return;
      }
      throw e;
    }
  }

  private updateStatus(ds: DSObj, pods: PodObj[], nodes: NodeObj[], hash: string, desired: number): void {
    const now = this.ctx.clock.now();
    const minReady = ds.spec?.minReadySeconds ?? 0;
    let current = 0;
    let misscheduled = 0;
    let ready = 0;
    let available = 0;
    let updated = 0;
    const active = new Map<string, PodObj[]>();
    for (const p of pods) {
      const n = nodeOf(p);
      if (!n || !isPodActive(p)) continue;
      const list = active.get(n);
      if (list) list.push(p);
      else active.set(n, [p]);
    }
    for (const node of nodes) {
      const here = active.get(node.metadata!.name!);
      if (!here) continue;
      if (this.shouldRun(ds, node)) {
        current++;
        // The updated pod counts when there is one (during a surge both may run).
        const p = here.find((x) => x.metadata!.labels?.['controller-revision-hash'] === hash) ?? here[0];
        if (isPodReady(p)) {
          ready++;
          if (isPodAvailable(p, minReady, now)) available++;
        }
        if (p.metadata!.labels?.['controller-revision-hash'] === hash) updated++;
      } else misscheduled++;
    }
    const status: Record<string, unknown> = {
      currentNumberScheduled: current,
      desiredNumberScheduled: desired,
      numberMisscheduled: misscheduled,
      numberReady: ready,
      observedGeneration: ds.metadata!.generation,
    };
    if (available) status.numberAvailable = available;
    if (desired - available > 0) status.numberUnavailable = desired - available;
    if (updated) status.updatedNumberScheduled = updated;
    const cur = this.client.get<DSObj>('daemonsets.apps', ds.metadata!.namespace, ds.metadata!.name!);
    if (!cur || deepEqual(cur.status, status)) return;
    this.client.updateStatus('daemonsets.apps', { ...cur, status } as KubeObject);
  }
}

/** The node a daemon pod is bound to or pinned to (before scheduling). */
function nodeOf(p: PodObj): string | undefined {
  if (p.spec?.nodeName) return p.spec.nodeName;
  const terms = p.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const t of terms) for (const f of t.matchFields ?? []) if (f.key === 'metadata.name' && f.operator === 'In') return f.values?.[0];
  return undefined;
}
