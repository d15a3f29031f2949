// NodeUnschedulable: cordoned nodes take no pods unless the pod tolerates the unschedulable taint.
// mirrors: pkg/scheduler/framework/plugins/nodeunschedulable

import type { FilterPlugin } from '../framework';
import { unresolvable } from '../framework';
import { tolerates } from './taint-toleration';

export const NodeUnschedulable: FilterPlugin = {
  name: 'NodeUnschedulable',
  filter(state, node) {
    if (!node.node.spec?.unschedulable) return undefined;
    const ok = tolerates(state.pod.spec?.tolerations ?? [], { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' });
    return ok ? undefined : unresolvable('node(s) were unschedulable');
  },
};
