// The Cluster Autoscaler's scheduling simulation: free capacity per node (existing, upcoming or a template
// node), whether a pod fits (resources, node selector / required affinity, taints), with the scheduler's
// reason texts (`Insufficient cpu`) that end up in NotTriggerScaleUp events.
// mirrors: cluster-autoscaler/simulator (clustersnapshot, scheduling.HintingSimulator) — resources and
// node placement predicates only.

import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/types';
import { podRequests } from '../scheduler/nodeinfo';
import { tolerates } from '../scheduler/plugins/taint-toleration';
import { matchTerm } from '../scheduler/plugins/node-affinity';
import { milliValueOf, valueOf } from '../util/quantity';

export type PodObj = Pod & KubeObject;
export type NodeObj = Node & KubeObject;

/** A node in the simulation: what is left of its allocatable resources. */
export interface Slot {
  name: string;
  node: Node;
  allocCpu: number;
  allocMemory: number;
  allocPods: number;
  cpu: number;
  memory: number;
  pods: number;
}

export function slotFor(node: Node, name = node.metadata?.name ?? ''): Slot {
  const a = node.status?.allocatable ?? node.status?.capacity ?? {};
  const allocCpu = milliValueOf(a.cpu);
  const allocMemory = valueOf(a.memory);
  const allocPods = valueOf(a.pods);
  return { name, node, allocCpu, allocMemory, allocPods, cpu: allocCpu, memory: allocMemory, pods: allocPods };
}

/** Takes an existing pod's requests off its node's slot. */
export function occupy(slot: Slot, pod: Pod): void {
  const r = podRequests(pod);
  slot.cpu -= r.milliCPU;
  slot.memory -= r.memory;
  slot.pods -= 1;
}

/** Why a pod does not fit on a node (scheduler wording), or undefined when it fits. */
export function misfit(pod: Pod, slot: Slot): string[] | undefined {
  const reasons: string[] = [];
  const spec = pod.spec;
  const labels = slot.node.metadata?.labels ?? {};
  let placement = true;
  for (const [k, v] of Object.entries(spec?.nodeSelector ?? {})) if (labels[k] !== v) placement = false;
  const terms = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (terms && !terms.some((t) => matchTerm(t, slot.node))) placement = false;
  if (!placement) reasons.push("node(s) didn't match Pod's node affinity/selector");
  for (const taint of slot.node.spec?.taints ?? []) {
    if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
    if (!tolerates(spec?.tolerations ?? [], taint)) {
      reasons.push(`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`);
      break;
    }
  }
  if (reasons.length) return reasons;
  const r = podRequests(pod);
  if (slot.pods < 1) reasons.push('Too many pods');
  if (r.milliCPU > slot.cpu) reasons.push('Insufficient cpu');
  if (r.memory > slot.memory) reasons.push('Insufficient memory');
  return reasons.length ? reasons : undefined;
}

/** The first slot the pod fits on (placing it there), or undefined. */
export function placeFirstFit(pod: Pod, slots: readonly Slot[], skip?: ReadonlySet<string>): Slot | undefined {
  for (const s of slots) {
    if (skip?.has(s.name)) continue;
    if (!misfit(pod, s)) {
      occupy(s, pod);
      return s;
    }
  }
  return undefined;
}

/** Node usable for new pods: Ready and not cordoned. */
export function schedulable(node: Node): boolean {
  if (node.spec?.unschedulable) return false;
  return node.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
}

/** Pods that hold resources on their node (bound, not finished). */
export function holdsResources(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return !!pod.spec?.nodeName && phase !== 'Succeeded' && phase !== 'Failed';
}

/** Requested share of a node: the larger of CPU and memory, as scale-down judges it. */
export function utilization(slot: Slot): { resource: 'cpu' | 'memory'; value: number } {
  const cpu = slot.allocCpu ? (slot.allocCpu - slot.cpu) / slot.allocCpu : 0;
  const mem = slot.allocMemory ? (slot.allocMemory - slot.memory) / slot.allocMemory : 0;
  return cpu > mem ? { resource: 'cpu', value: cpu } : { resource: 'memory', value: mem };
}
