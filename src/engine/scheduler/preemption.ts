// DefaultPreemption's PostFilter diagnosis text. Victim selection lives with PriorityClass support;
// here: which nodes preemption could not help (unresolvable failures) and which had no lower-priority victims.
// mirrors: pkg/scheduler/framework/plugins/defaultpreemption, framework/preemption/preemption.go

import type { PodObj, Status } from './framework';

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
