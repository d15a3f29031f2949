// Scale-down planning: nodes of the group whose requests are under 50 % of allocatable and whose pods can
// all move (replicated, no local storage, not kube-system without a budget, budgets allow it) to the
// other nodes in a simulation, each removal reserving the room it uses.
// mirrors: cluster-autoscaler/core/scaledown/eligibility (utilization), simulator/drain.go and
// simulator/drainability/rules (replicated, system, local storage, PDB, safe-to-evict), simulator/cluster.go

import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { KubeObject } from '../api/types';
import { selectorFromLabelSelector } from '../api/selectors/labels';
import { controllerRef } from '../controllers/context';
import { placeFirstFit, schedulable, utilization, type PodObj, type Slot } from './simulator';

export const SAFE_TO_EVICT = 'cluster-autoscaler.kubernetes.io/safe-to-evict';
export const SCALE_DOWN_DISABLED = 'cluster-autoscaler.kubernetes.io/scale-down-disabled';
const MIRROR = 'kubernetes.io/config.mirror';

export type PDBObj = PodDisruptionBudget & KubeObject;

export interface Removable {
  name: string;
  /** Pods that have to be evicted first (none: an empty node). */
  podsToMove: PodObj[];
}

/** Pods that stay with the node (DaemonSet and static pods) are neither moved nor blocking. */
export function staysWithNode(pod: PodObj): boolean {
  if (pod.metadata?.annotations?.[MIRROR] !== undefined) return true;
  return controllerRef(pod)?.kind === 'DaemonSet';
}

/** Why a pod keeps its node (drainability rules), or undefined if it can be moved. */
export function blocksRemoval(pod: PodObj, pdbs: readonly PDBObj[]): string | undefined {
  const safe = pod.metadata?.annotations?.[SAFE_TO_EVICT];
  const covering = pdbs.filter((b) => b.metadata!.namespace === pod.metadata!.namespace && selectorFromLabelSelector(b.spec?.selector).matches(pod.metadata!.labels));
  if (covering.some((b) => (b.status?.disruptionsAllowed ?? 0) < 1)) return 'NotEnoughPdb';
  if (safe === 'true') return undefined;
  if (safe === 'false') return 'NotSafeToEvictAnnotation';
  if (!controllerRef(pod)) return 'NotReplicated';
  if (pod.metadata!.namespace === 'kube-system' && covering.length === 0) return 'UnmovableKubeSystemPod';
  if ((pod.spec?.volumes ?? []).some((v) => v.emptyDir || v.hostPath)) return 'LocalStorageRequested';
  return undefined;
}

/**
 * Underused, drainable nodes of the group that the rest of the cluster can absorb, in the order given.
 * slots: free capacity of every node (pods already placed); pods: each node's pods.
 */
export function findRemovable(
  group: readonly string[],
  slots: Map<string, Slot>,
  pods: Map<string, PodObj[]>,
  pdbs: readonly PDBObj[],
  threshold: number,
  skip: ReadonlySet<string>,
): Removable[] {
  const out: Removable[] = [];
  const removed = new Set<string>(skip);
  const targets = [...slots.values()].filter((s) => schedulable(s.node));
  /** Pods the simulation already moved onto a node: they would have to move again. */
  const received = new Map<string, PodObj[]>();
  for (const name of group) {
    const slot = slots.get(name);
    if (!slot || removed.has(name)) continue;
    if (slot.node.metadata?.annotations?.[SCALE_DOWN_DISABLED] === 'true') continue;
    if (utilization(slot).value >= threshold) continue;
    const movable = [...(pods.get(name) ?? []).filter((p) => !staysWithNode(p)), ...(received.get(name) ?? [])];
    if (movable.some((p) => blocksRemoval(p, pdbs))) continue;
    // Try the moves on copies so a failed node leaves the snapshot untouched.
    const trial = targets.map((s) => ({ ...s }));
    const skipSet = new Set([...removed, name]);
    const moves: [string, PodObj][] = [];
    if (
      !movable.every((p) => {
        const to = placeFirstFit(p, trial, skipSet);
        if (to) moves.push([to.name, p]);
        return !!to;
      })
    ) {
      continue;
    }
    for (const t of trial) Object.assign(slots.get(t.name)!, { cpu: t.cpu, memory: t.memory, pods: t.pods });
    for (const [to, p] of moves) received.set(to, [...(received.get(to) ?? []), p]);
    removed.add(name);
    out.push({ name, podsToMove: (pods.get(name) ?? []).filter((p) => !staysWithNode(p)) });
  }
  return out;
}
