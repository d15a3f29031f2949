// The scheduling framework's shapes: plugin statuses with upstream reason texts, cycle state, plugin kinds.
// mirrors: pkg/scheduler/framework/interface.go

import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject, Writable } from '../api/types';
import type { NodeInfo, PodRequests } from './nodeinfo';
import type { Store } from '../store/store';

export type PodObj = Writable<Pod> & KubeObject;

export type Code = 'Unschedulable' | 'UnschedulableAndUnresolvable' | 'Error';

export interface Status {
  code: Code;
  reasons: string[];
  plugin?: string;
}

export function unschedulable(...reasons: string[]): Status {
  return { code: 'Unschedulable', reasons };
}

export function unresolvable(...reasons: string[]): Status {
  return { code: 'UnschedulableAndUnresolvable', reasons };
}

/** Per-cycle data shared by plugins (computed once per pod). */
export interface CycleState {
  pod: PodObj;
  requests: PodRequests;
  store: Store;
  /** Assigned, non-terminating pods per controller uid and node (the scheduler cache's index). */
  ownerCounts?: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Assigned pods of an owner per topology domain (the cache's ownerCounts summed by a node label). */
  domainCounts?: (ownerUid: string, topologyKey: string) => ReadonlyMap<string, number>;
  /** Node objects by name, from the scheduler cache. */
  nodeByName?: (name: string) => KubeObject | undefined;
  /** Plugin-private precomputed data. */
  data: Map<string, unknown>;
}

export interface PreFilterPlugin {
  name: string;
  preFilter(state: CycleState): Status | undefined;
}

export interface FilterPlugin {
  name: string;
  filter(state: CycleState, node: NodeInfo): Status | undefined;
  /**
   * True when the filter cannot reject any node for this pod (PreFilter's Skip status upstream): the cycle
   * then does not call it per node.
   */
  skip?(state: CycleState): boolean;
}

export interface ScorePlugin {
  name: string;
  weight: number;
  preScore?(state: CycleState, nodes: NodeInfo[]): void;
  /** True when every node scores 0 for this pod and normalize keeps it 0: the plugin adds nothing. */
  skipScore?(state: CycleState): boolean;
  score(state: CycleState, node: NodeInfo): number;
  /**
   * score() for every node into out[i]. Each plugin has its own loop so the call inside it goes to one
   * function (V8 inlines it); one shared loop over all plugins dispatches every call through a lookup.
   */
  scoreNodes?(state: CycleState, nodes: NodeInfo[], out: number[]): void;
  /** Scales raw scores into 0–100 in place. */
  normalize?(state: CycleState, scores: number[]): void;
}

export const MAX_NODE_SCORE = 100;

/** Scales scores so the best is 100 (or reversed: lowest raw score gets 100). */
export function defaultNormalize(scores: number[], reverse: boolean): void {
  let max = 0;
  for (const s of scores) max = Math.max(max, s);
  if (max === 0) {
    if (reverse) for (let i = 0; i < scores.length; i++) scores[i] = MAX_NODE_SCORE;
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    let s = Math.floor((MAX_NODE_SCORE * scores[i]) / max);
    if (reverse) s = MAX_NODE_SCORE - s;
    scores[i] = s;
  }
}
