// Scale-up planning: which unschedulable pods would run on new nodes of the group, and how many nodes
// (first-fit decreasing bin packing onto template nodes, capped at the group's max size). Pods that fit
// on existing or already-requested nodes do not count; pods that would not fit on a new node either get
// the reasons for NotTriggerScaleUp.
// mirrors: cluster-autoscaler/core/scaleup/orchestrator (ScaleUp), estimator/binpacking_estimator.go,
// processors/status/eventing_scale_up_processor.go (ReasonsMessage)

import { podRequests } from '../scheduler/nodeinfo';
import { misfit, placeFirstFit, type PodObj, type Slot } from './simulator';

/** The skip reason when the group cannot grow (cloudprovider MaxLimitReached). */
export const MAX_LIMIT_REACHED = 'max node group size reached';

export interface ScaleUpPlan {
  /** Nodes to add (0: no scale-up). */
  newNodes: number;
  /** Pods that get a TriggeredScaleUp event. */
  triggering: PodObj[];
  /** Pods that cannot be helped, with the reasons of the one node group considered. */
  noScaleUp: { pod: PodObj; reasons: string[] }[];
}

/**
 * pending: unschedulable pods in creation order; existing/upcoming: free capacity now and on nodes that
 * are being provisioned; template(): a fresh empty node of the group; room: how many nodes may be added.
 */
export function planScaleUp(pending: readonly PodObj[], existing: Slot[], upcoming: Slot[], template: () => Slot, room: number): ScaleUpPlan {
  const plan: ScaleUpPlan = { newNodes: 0, triggering: [], noScaleUp: [] };
  const candidates: PodObj[] = [];
  for (const pod of pending) {
    // The scheduler will place it on an existing node, or it waits for a node already on its way.
    if (placeFirstFit(pod, existing) || placeFirstFit(pod, upcoming)) continue;
    const reasons = misfit(pod, template());
    if (reasons) plan.noScaleUp.push({ pod, reasons });
    else candidates.push(pod);
  }
  if (candidates.length === 0) return plan;
  if (room <= 0) {
    for (const pod of candidates) plan.noScaleUp.push({ pod, reasons: [MAX_LIMIT_REACHED] });
    return plan;
  }
  const probe = template();
  const score = (p: PodObj) => {
    const r = podRequests(p);
    return (probe.allocCpu ? r.milliCPU / probe.allocCpu : 0) + (probe.allocMemory ? r.memory / probe.allocMemory : 0);
  };
  const ordered = candidates.map((p, i) => ({ p, i, s: score(p) })).sort((a, b) => b.s - a.s || a.i - b.i);
  const nodes: Slot[] = [];
  for (const { p } of ordered) {
    if (placeFirstFit(p, nodes)) {
      plan.triggering.push(p);
      continue;
    }
    if (nodes.length >= room) continue;
    const n = template();
    nodes.push(n);
    placeFirstFit(p, [n]);
    plan.triggering.push(p);
  }
  plan.newNodes = nodes.length;
  // Events go out in the pods' original order.
  const order = new Map(pending.map((p, i) => [p, i]));
  plan.triggering.sort((a, b) => order.get(a)! - order.get(b)!);
  return plan;
}

/** `1 Insufficient cpu, 1 Insufficient memory`: each reason counted over the node groups considered (one here). */
export function reasonsMessage(reasons: readonly string[]): string {
  return reasons.map((r) => `1 ${r}`).join(', ');
}
