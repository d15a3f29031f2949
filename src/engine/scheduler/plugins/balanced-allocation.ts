// NodeResourcesBalancedAllocation: prefer nodes whose cpu and memory fractions stay close.
// mirrors: pkg/scheduler/framework/plugins/noderesources/balanced_allocation.go

import type { ScorePlugin } from '../framework';
import { MAX_NODE_SCORE } from '../framework';

export const NodeResourcesBalancedAllocation: ScorePlugin = {
  name: 'NodeResourcesBalancedAllocation',
  weight: 1,
  scoreNodes(state, nodes, out) {
    for (let i = 0; i < nodes.length; i++) out[i] = this.score(state, nodes[i]);
  },
  score(state, node) {
    const cpu = Math.min(1, (node.nonZeroRequested.milliCPU + state.requests.nonZeroMilliCPU) / (node.allocatable.milliCPU || 1));
    const mem = Math.min(1, (node.nonZeroRequested.memory + state.requests.nonZeroMemory) / (node.allocatable.memory || 1));
    // Standard deviation of two fractions is |a - b| / 2.
    const std = Math.abs(cpu - mem) / 2;
    return Math.floor((1 - std) * MAX_NODE_SCORE);
  },
};
