// PodTopologySpread with the system default constraints (hostname maxSkew 3, zone maxSkew 5, ScheduleAnyway)
// for pods owned by a ReplicaSet/StatefulSet/Service: prefer nodes with fewer pods of the same owner.
// Explicit whenUnsatisfiable: DoNotSchedule constraints filter.
// mirrors: pkg/scheduler/framework/plugins/podtopologyspread (simplified: counts per node and per zone label)

import type { TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import type { CycleState, FilterPlugin, ScorePlugin } from '../framework';
import { MAX_NODE_SCORE, unschedulable, unresolvable } from '../framework';
import type { NodeInfo } from '../nodeinfo';
import { selectorFromLabelSelector } from '../../api/selectors/labels';

interface SpreadData {
  /** owner-matching pod count per topology value, per topology key */
  counts: Map<string, ReadonlyMap<string, number>>;
  constraints: TopologySpreadConstraint[];
  soft: TopologySpreadConstraint[];
  /** Smallest count per topology key, computed once per cycle (not once per node). */
  mins: Map<string, number>;
  /** The soft constraints as scoring reads them: key, counts and maxSkew − 1. */
  terms: { key: string; counts: ReadonlyMap<string, number> | undefined; add: number }[];
}

const KEY = 'PodTopologySpread';

/** The last cycle's data: filter and score ask once per node, a Map lookup each time adds up. */
let lastState: CycleState | undefined;
let lastData: SpreadData | undefined;

function data(state: CycleState): SpreadData {
  if (state === lastState) return lastData!;
  let d = state.data.get(KEY) as SpreadData | undefined;
  if (d) {
    lastState = state;
    lastData = d;
    return d;
  }
  const pod = state.pod;
  const explicit = pod.spec?.topologySpreadConstraints ?? [];
  let soft = explicit.filter((c) => c.whenUnsatisfiable === 'ScheduleAnyway');
  const hard = explicit.filter((c) => c.whenUnsatisfiable !== 'ScheduleAnyway');
  const owner = pod.metadata?.ownerReferences?.find((r) => r.controller);
  if (explicit.length === 0 && owner && (owner.kind === 'ReplicaSet' || owner.kind === 'StatefulSet' || owner.kind === 'ReplicationController')) {
    soft = [
      { maxSkew: 3, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway' },
      { maxSkew: 5, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway' },
    ];
  }
  const counts = new Map<string, ReadonlyMap<string, number>>();
  const all = [...hard, ...soft];
  const bySelector = all.find((x) => x.labelSelector);
  if (owner && !bySelector && state.domainCounts) {
    // The scheduler cache keeps these sums up to date: nothing to walk per cycle.
    for (const c of all) counts.set(c.topologyKey, state.domainCounts(owner.uid, c.topologyKey));
  } else if (all.length) {
    // Pods of the same owner (system defaults) or matching the constraint selector, counted by node.
    let perNode: ReadonlyMap<string, number>;
    if (owner && !bySelector && state.ownerCounts) {
      perNode = state.ownerCounts.get(owner.uid) ?? new Map();
    } else {
      const selector = bySelector ? selectorFromLabelSelector(bySelector.labelSelector) : undefined;
      const peers = owner && !bySelector ? state.store.dependents(owner.uid).map((d) => d.object) : state.store.list('pods', pod.metadata!.namespace);
      const m = new Map<string, number>();
      for (const p of peers) {
        const n = (p.spec as { nodeName?: string } | undefined)?.nodeName;
        if (!n || p.metadata!.deletionTimestamp || (selector && !selector.matches(p.metadata!.labels))) continue;
        m.set(n, (m.get(n) ?? 0) + 1);
      }
      perNode = m;
    }
    const nodeOf = state.nodeByName ?? ((name: string) => state.store.get('nodes', undefined, name));
    for (const c of all) {
      const m = new Map<string, number>();
      for (const [nodeName, n] of perNode) {
        const v = nodeOf(nodeName)?.metadata?.labels?.[c.topologyKey] ?? (c.topologyKey === 'kubernetes.io/hostname' ? nodeName : undefined);
        if (v !== undefined) m.set(v, (m.get(v) ?? 0) + n);
      }
      counts.set(c.topologyKey, m);
    }
  }
  const terms = soft.map((c) => ({ key: c.topologyKey, counts: counts.get(c.topologyKey), add: c.maxSkew - 1 }));
  d = { counts, constraints: hard, soft, mins: new Map(), terms };
  state.data.set(KEY, d);
  lastState = state;
  lastData = d;
  return d;
}

function domain(node: NodeInfo, key: string): string | undefined {
  return node.topologyValue(key);
}

function score(state: CycleState, node: NodeInfo): number {
  let s = 0;
  for (const t of data(state).terms) {
    const v = node.topologyValue(t.key);
    if (v === undefined) continue;
    s += (t.counts?.get(v) ?? 0) + t.add;
  }
  return s;
}

export const PodTopologySpread: FilterPlugin & ScorePlugin = {
  name: KEY,
  weight: 2,
  skip(state) {
    return data(state).constraints.length === 0;
  },
  filter(state, node) {
    const d = data(state);
    for (const c of d.constraints) {
      const v = domain(node, c.topologyKey);
      if (v === undefined) return unresolvable("node(s) didn't match pod topology spread constraints (missing required label)");
      const m = d.counts.get(c.topologyKey)!;
      let min = d.mins.get(c.topologyKey);
      if (min === undefined) {
        min = Infinity;
        for (const n of m.values()) min = Math.min(min, n);
        if (min === Infinity) min = 0;
        d.mins.set(c.topologyKey, min);
      }
      if ((m.get(v) ?? 0) + 1 - min > c.maxSkew) return unschedulable("node(s) didn't match pod topology spread constraints");
    }
    return undefined;
  },
  score,
  scoreNodes(state, nodes, out) {
    for (let i = 0; i < nodes.length; i++) out[i] = score(state, nodes[i]);
  },
  normalize(_state, scores) {
    let min = Infinity;
    let max = 0;
    for (const s of scores) {
      min = Math.min(min, s);
      max = Math.max(max, s);
    }
    for (let i = 0; i < scores.length; i++) {
      scores[i] = max === 0 ? MAX_NODE_SCORE : Math.floor((MAX_NODE_SCORE * (max + min - scores[i])) / max);
    }
  },
};
