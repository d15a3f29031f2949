// NodeResourcesFit: requests must fit allocatable minus what is requested; LeastAllocated scoring.
// mirrors: pkg/scheduler/framework/plugins/noderesources/fit.go, least_allocated.go

import type { FilterPlugin, ScorePlugin, Status } from '../framework';
import { MAX_NODE_SCORE } from '../framework';

export const NodeResourcesFit: FilterPlugin & ScorePlugin = {
  name: 'NodeResourcesFit',
  weight: 1,
  filter(state, node) {
    const r = state.requests;
    let reasons: string[] | undefined;
    if (node.pods.size + 1 > node.allocatable.pods) (reasons ??= []).push('Too many pods');
    // v1.32 reports Unschedulable even when the request exceeds the whole node (Unresolvable came in 1.34).
    if (r.milliCPU !== 0 && r.milliCPU > node.allocatable.milliCPU - node.requested.milliCPU) (reasons ??= []).push('Insufficient cpu');
    if (r.memory !== 0 && r.memory > node.allocatable.memory - node.requested.memory) (reasons ??= []).push('Insufficient memory');
    if (r.ephemeralStorage !== 0 && r.ephemeralStorage > node.allocatable.ephemeralStorage - node.requested.ephemeralStorage) (reasons ??= []).push('Insufficient ephemeral-storage');
    if (r.scalar) {
      for (const k in r.scalar) {
        const v = r.scalar[k];
        if (v !== 0 && v > (node.allocatable.scalar?.[k] ?? 0) - (node.requested.scalar[k] ?? 0)) (reasons ??= []).push(`Insufficient ${k}`);
      }
    }
    if (!reasons) return undefined;
    const s: Status = { code: 'Unschedulable', reasons };
    return s;
  },
  scoreNodes(state, nodes, out) {
    for (let i = 0; i < nodes.length; i++) out[i] = this.score(state, nodes[i]);
  },
  score(state, node) {
    const cpu = leastAllocated(node.nonZeroRequested.milliCPU + state.requests.nonZeroMilliCPU, node.allocatable.milliCPU);
    const mem = leastAllocated(node.nonZeroRequested.memory + state.requests.nonZeroMemory, node.allocatable.memory);
    return Math.floor((cpu + mem) / 2);
  },
};

function leastAllocated(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.floor(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}
