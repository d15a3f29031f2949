// NodeName: a pod with spec.nodeName set only fits that node.
// mirrors: pkg/scheduler/framework/plugins/nodename

import type { FilterPlugin } from '../framework';
import { unresolvable } from '../framework';

export const NodeName: FilterPlugin = {
  name: 'NodeName',
  filter(state, node) {
    const want = state.pod.spec?.nodeName;
    if (!want || want === node.node.metadata!.name) return undefined;
    return unresolvable("node(s) didn't match the requested node name");
  },
  skip(state) {
    return !state.pod.spec?.nodeName;
  },
};
