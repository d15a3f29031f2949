// Cluster snapshots for persistence: the store's objects, the simulated clock and the machines' power
// state, plus the terminal's history and home files. Restoring boots a cluster, swaps the store's
// contents for the snapshot's (level-based controllers reconcile whatever is there), then starts a kubelet
// per node that re-runs the pods bound to it. Built on public engine APIs only; see the report for the
// engine API (Cluster.snapshot()/restore()) that would make this exact.

import type { Node, Pod } from 'kubernetes-types/core/v1';
import { createCluster, type Cluster } from '../engine/cluster';
import type { KubeObject } from '../engine/api/types';

export const SNAPSHOT_FORMAT = 'kubeplay-snapshot';
/** Bump when the stored shape or the engine's object model changes incompatibly. */
export const SNAPSHOT_VERSION = 1;

export interface MachineState {
  name: string;
  up: boolean;
  connected: boolean;
}

export interface ClusterSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: number;
  /** Simulated time when saved, and when the cluster was created. */
  now: number;
  startedAt: number;
  speed: number;
  paused: boolean;
  /** Every stored object, oldest resourceVersion first. */
  objects: { resource: string; object: KubeObject }[];
  machines: MachineState[];
  history: string[];
  files: { path: string; text: string }[];
}

export class SnapshotError extends Error {}

export interface SnapshotExtras {
  startedAt: number;
  speed: number;
  paused: boolean;
  history: string[];
  files: { path: string; text: string }[];
}

export function takeSnapshot(cluster: Cluster, extras: SnapshotExtras): ClusterSnapshot {
  const objects: { resource: string; object: KubeObject; rv: number }[] = [];
  for (const resource of cluster.store.resources()) {
    for (const object of cluster.store.list(resource)) objects.push({ resource, object, rv: Number(object.metadata?.resourceVersion ?? 0) });
  }
  objects.sort((a, b) => a.rv - b.rv);
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    now: cluster.clock.now(),
    startedAt: extras.startedAt,
    speed: extras.speed,
    paused: extras.paused,
    objects: objects.map(({ resource, object }) => ({ resource, object })),
    machines: [...cluster.kubelets].map(([name, k]) => ({ name, up: k.up, connected: k.connected })),
    history: extras.history,
    files: extras.files,
  };
}

/** Checks the shape before anything is touched; throws SnapshotError with a reason for the notice. */
export function validateSnapshot(s: unknown, knownResources: ReadonlySet<string>): ClusterSnapshot {
  const snap = s as Partial<ClusterSnapshot> | null;
  if (!snap || typeof snap !== 'object' || snap.format !== SNAPSHOT_FORMAT) throw new SnapshotError('the saved data is not a kubeplay snapshot');
  if (snap.version !== SNAPSHOT_VERSION) throw new SnapshotError(`the saved cluster is from an incompatible version (${String(snap.version)})`);
  if (typeof snap.now !== 'number' || !Number.isFinite(snap.now) || !Array.isArray(snap.objects) || !Array.isArray(snap.machines)) {
    throw new SnapshotError('the saved cluster is damaged');
  }
  for (const o of snap.objects) {
    if (!o || typeof o.resource !== 'string' || !o.object || typeof o.object !== 'object' || typeof o.object.metadata?.name !== 'string') {
      throw new SnapshotError('the saved cluster is damaged');
    }
    if (!knownResources.has(o.resource)) throw new SnapshotError(`the saved cluster has objects this version does not know (${o.resource})`);
  }
  return snap as ClusterSnapshot;
}

function capacity(node: Node | undefined): { cpu?: string; memory?: string; pods?: number } {
  const c = node?.status?.capacity ?? {};
  return { cpu: c.cpu, memory: c.memory, pods: c.pods ? Number(c.pods) : undefined };
}

/** Builds a running cluster from a validated snapshot. Throws if the engine rejects its objects. */
export function restoreSnapshot(snap: ClusterSnapshot, opts: { seed?: number } = {}): Cluster {
  const c = createCluster({ nodes: 0, startTime: snap.now, settleMs: 0, seed: opts.seed });
  // Restoring is not news: keep the booted cluster's bookkeeping events out of the timeline.
  c.ctx.recorder.enabled = false;
  try {
    for (const resource of c.store.resources()) {
      for (const o of [...c.store.list(resource)]) c.store.delete(resource, o.metadata?.namespace, o.metadata!.name!);
    }
    const wanted = new Set(snap.machines.map((m) => m.name));
    for (const [name, k] of [...c.kubelets]) {
      if (wanted.has(name)) continue;
      k.stop();
      c.kubelets.delete(name);
    }
    for (const { resource, object } of snap.objects) c.store.create(resource, structuredClone(object));
    for (const m of snap.machines) {
      let k = c.kubelets.get(m.name);
      if (!k) {
        const node = c.store.get('nodes', undefined, m.name) as Node | undefined;
        k = c.addNode({ name: m.name, ...capacity(node) });
        const pods = k.assignedPods() as Pod[];
        // The node had these images before the reload; re-running its pods should not pull again.
        k.preload(pods.flatMap((p) => [...(p.spec?.initContainers ?? []), ...(p.spec?.containers ?? [])].map((x) => x.image ?? '')).filter(Boolean));
        for (const p of pods) k.onPod({ type: 'ADDED', resource: 'pods', object: p as KubeObject, rv: 0 });
      }
      if (!m.connected) k.partition();
      if (!m.up) k.powerOff();
    }
  } finally {
    c.ctx.recorder.enabled = true;
  }
  return c;
}
