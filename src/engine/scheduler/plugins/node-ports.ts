// NodePorts: a pod's hostPorts must be free on the node.
// mirrors: pkg/scheduler/framework/plugins/nodeports

import type { CycleState, FilterPlugin } from '../framework';
import { unschedulable } from '../framework';
import { hostPorts } from '../nodeinfo';

function podPorts(state: CycleState): string[] {
  let ports = state.data.get('NodePorts') as string[] | undefined;
  if (!ports) state.data.set('NodePorts', (ports = hostPorts(state.pod)));
  return ports;
}

export const NodePorts: FilterPlugin = {
  name: 'NodePorts',
  skip(state) {
    return podPorts(state).length === 0;
  },
  filter(state, node) {
    const ports = podPorts(state);
    if (ports.length === 0 || node.usedPorts.size === 0) return undefined;
    for (const p of ports) {
      const [ip, proto, port] = p.split('/');
      for (const used of node.usedPorts.keys()) {
        const [uip, uproto, uport] = used.split('/');
        if (uproto !== proto || uport !== port) continue;
        if (uip === ip || uip === '0.0.0.0' || ip === '0.0.0.0') return unschedulable("node(s) didn't have free ports for the requested pod ports");
      }
    }
    return undefined;
  },
};
