// DefaultPreemption (PostFilter): when a pod fits nowhere, find a node where evicting lower-priority pods
// makes room, pick the best such node, nominate it and delete the victims; otherwise explain why not.
// mirrors: pkg/scheduler/framework/plugins/defaultpreemption, framework/preemption/preemption.go

import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { CycleState, FilterPlugin, PodObj, Status } from './framework';
import type { NodeInfo } from './nodeinfo';
import { selectorFromLabelSelector } from '../api/selectors/labels';

export interface Candidate {
  node: NodeInfo;
  victims: PodObj[];
  pdbViolations: number;
}

function priority(p: PodObj): number {
  return p.spec?.priority ?? 0;
}

/** The diagnosis text when preemption cannot help (also used when no candidate exists). */
export function preemptionMessage(pod: PodObj, numAllNodes: number, statuses: Map<string, Status>): string | undefined {
  if (pod.spec?.preemptionPolicy === 'Never') return 'preemption: not eligible due to preemptionPolicy=Never.';
  let notHelpful = 0;
  let noVictims = 0;
  for (const st of statuses.values()) {
    if (st.code === 'UnschedulableAndUnresolvable') notHelpful++;
    else noVictims++;
  }
  const parts: string[] = [];
  if (notHelpful) parts.push(`${notHelpful} Preemption is not helpful for scheduling`);
  if (noVictims) parts.push(`${noVictims} No preemption victims found for incoming pod`);
  parts.sort();
  return `preemption: 0/${numAllNodes} nodes are available: ${parts.join(', ')}.`;
}

/** Candidates on nodes that failed with a resolvable status. */
export function findCandidates(state: CycleState, nodes: NodeInfo[], statuses: Map<string, Status>, filters: FilterPlugin[], pdbs: PodDisruptionBudget[]): Candidate[] {
  const pod = state.pod;
  const prio = priority(pod);
  const out: Candidate[] = [];
  for (const node of nodes) {
    const st = statuses.get(node.node.metadata!.name!);
    if (!st || st.code !== 'Unschedulable') continue;
    const lower = [...node.pods.values()].filter((p) => priority(p) < prio && !p.metadata?.deletionTimestamp);
    if (lower.length === 0) continue;
    const sim = node.clone();
    for (const v of lower) sim.removePod(v);
    if (!fits(state, sim, filters)) continue;
    // Reprieve as many as possible, highest priority first (PDB-protected ones before others).
    const victims: PodObj[] = [];
    const ordered = [...lower].sort((a, b) => priority(b) - priority(a));
    const violating = ordered.filter((p) => violatesPdb(p, pdbs));
    const nonViolating = ordered.filter((p) => !violatesPdb(p, pdbs));
    let pdbViolations = 0;
    for (const group of [violating, nonViolating]) {
      for (const v of group) {
        sim.addPod(v);
        if (!fits(state, sim, filters)) {
          sim.removePod(v);
          victims.push(v);
          if (group === violating) pdbViolations++;
        }
      }
    }
    if (victims.length) out.push({ node, victims, pdbViolations });
  }
  return out;
}

function fits(state: CycleState, node: NodeInfo, filters: FilterPlugin[]): boolean {
  for (const f of filters) if (f.filter(state, node)) return false;
  return true;
}

function violatesPdb(p: PodObj, pdbs: PodDisruptionBudget[]): boolean {
  for (const pdb of pdbs) {
    if (pdb.metadata?.namespace !== p.metadata?.namespace) continue;
    if (!selectorFromLabelSelector(pdb.spec?.selector).matches(p.metadata?.labels)) continue;
    if ((pdb.status?.disruptionsAllowed ?? 0) <= 0) return true;
  }
  return false;
}

/** pickOneNodeForPreemption: fewest PDB violations, lowest top victim priority, lowest priority sum, fewest victims. */
export function pickCandidate(cands: Candidate[]): Candidate | undefined {
  let best: Candidate | undefined;
  const key = (c: Candidate): number[] => {
    const top = Math.max(...c.victims.map(priority));
    const sum = c.victims.reduce((s, v) => s + priority(v) + 2147483648, 0);
    return [c.pdbViolations, top, sum, c.victims.length];
  };
  for (const c of cands) {
    if (!best) {
      best = c;
      continue;
    }
    const a = key(c);
    const b = key(best);
    for (let i = 0; i < a.length; i++) {
      if (a[i] < b[i]) {
        best = c;
        break;
      }
      if (a[i] > b[i]) break;
    }
  }
  return best;
}
