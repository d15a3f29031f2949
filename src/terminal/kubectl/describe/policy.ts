// `kubectl describe pdb|priorityclass`: a disruption budget's bound, selector and status counts, and a
// priority class's value and preemption policy.
// mirrors: k8s.io/kubectl/pkg/describe/describe.go (describePodDisruptionBudgetV1, describePriorityClass)

import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import type { KubeObject } from '../../../engine/api/types';
import { describeEvents, describeString, formatLabels, LEVEL_0, LEVEL_2 } from '../printers/index';
import { fetchEvents } from './events';
import type { Describer } from './types';
import { formatLabelSelector, intOrString } from './util';

export const describePodDisruptionBudget: Describer = async (ctx, obj) => {
  const pdb = obj as PodDisruptionBudget & KubeObject;
  const events = await fetchEvents(ctx, obj, 'PodDisruptionBudget');
  const m = pdb.metadata ?? {};
  const spec = pdb.spec ?? {};
  const st = pdb.status;
  return describeString((w) => {
    w.write(LEVEL_0, `Name:\t${m.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${m.namespace ?? ''}\n`);
    if (spec.minAvailable !== undefined && spec.minAvailable !== null) w.write(LEVEL_0, `Min available:\t${intOrString(spec.minAvailable)}\n`);
    else if (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) w.write(LEVEL_0, `Max unavailable:\t${intOrString(spec.maxUnavailable)}\n`);
    w.write(LEVEL_0, spec.selector ? `Selector:\t${formatLabelSelector(spec.selector)}\n` : 'Selector:\t<unset>\n');
    w.write(LEVEL_0, 'Status:\n');
    w.write(LEVEL_2, `Allowed disruptions:\t${st?.disruptionsAllowed ?? 0}\n`);
    w.write(LEVEL_2, `Current:\t${st?.currentHealthy ?? 0}\n`);
    w.write(LEVEL_2, `Desired:\t${st?.desiredHealthy ?? 0}\n`);
    w.write(LEVEL_2, `Total:\t${st?.expectedPods ?? 0}\n`);
    if (events) describeEvents(events, w, ctx.now);
  });
};

export const describePriorityClass: Describer = async (ctx, obj) => {
  const pc = obj as PriorityClass & KubeObject;
  const events = await fetchEvents(ctx, obj, 'PriorityClass');
  return describeString((w) => {
    w.write(LEVEL_0, `Name:\t${pc.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Value:\t${pc.value}\n`);
    w.write(LEVEL_0, `GlobalDefault:\t${pc.globalDefault === true}\n`);
    // The server defaults preemptionPolicy; upstream dereferences it.
    w.write(LEVEL_0, `PreemptionPolicy:\t${pc.preemptionPolicy ?? 'PreemptLowerPriority'}\n`);
    w.write(LEVEL_0, `Description:\t${pc.description ?? ''}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(pc.metadata?.annotations)}\n`);
    if (events) describeEvents(events, w, ctx.now);
  });
};
