// NodeResourcesFit: requests must fit allocatable minus what is requested; LeastAllocated scoring.
// mirrors: pkg/scheduler/framework/plugins/noderesources/fit.go, least_allocated.go

import type { FilterPlugin, ScorePlugin, Status } from '../framework';
import { MAX_NODE_SCORE } from '../framework';

export const NodeResourcesFit: FilterPlugin & ScorePlugin = {
  name: 'NodeResourcesFit',
  weight: 1,
  filter(state, node) {
    const r = state.requests;
    const reasons: string[] = [];
    if (node.pods.size + 1 > node.allocatable.pods) reasons.push('Too many pods');
    const check = (name: string, req: number, used: number, alloc: number) => {
      if (req === 0) return;
      // v1.32 reports Unschedulable even when the request exceeds the whole node (Unresolvable came in 1.34).
      if (req > alloc - used) reasons.push(`Insufficient ${name}`);
    };
    check('cpu', r.milliCPU, node.requested.milliCPU, node.allocatable.milliCPU);
    check('memory', r.memory, node.requested.memory, node.allocatable.memory);
    check('ephemeral-storage', r.ephemeralStorage, node.requested.ephemeralStorage, node.allocatable.ephemeralStorage);
    for (const [k, v] of Object.entries(r.scalar ?? {})) check(k, v, node.requested.scalar[k] ?? 0, node.allocatable.scalar?.[k] ?? 0);
    if (reasons.length === 0) return undefined;
    const s: Status = { code: 'Unschedulable', reasons };
    return s;
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
