// Priority: resolves priorityClassName to spec.priority (and preemptionPolicy), the global default class,
// and refuses unknown classes.
// mirrors: plugin/pkg/admission/priority/admission.go

import type { Pod, PodSpec } from 'kubernetes-types/core/v1';
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import type { AdmissionPlugin } from './chain';
import { forbidden } from '../api/errors';

export const Priority: AdmissionPlugin = {
  name: 'Priority',
  resources: ['pods'],
  admit(op, _def, obj, _old, ctx) {
    if (op !== 'CREATE') return;
    const pod = obj as Pod;
    const spec = pod.spec as PodSpec | undefined;
    if (!spec) return;
    let className = spec.priorityClassName;
    let pc: PriorityClass | undefined;
    if (className) {
      pc = ctx.store.get('priorityclasses.scheduling.k8s.io', undefined, className) as PriorityClass | undefined;
      if (!pc) throw forbidden('', 'pods', pod.metadata?.name ?? '', `no PriorityClass with name ${className} was found`);
    } else {
      for (const c of ctx.store.list('priorityclasses.scheduling.k8s.io') as Iterable<PriorityClass>) {
        if (c.globalDefault) {
          pc = c;
          className = c.metadata!.name;
        }
      }
    }
    const value = pc?.value ?? 0;
    if (spec.priority !== undefined && spec.priority !== null && spec.priority !== value && pc) {
      throw forbidden('', 'pods', pod.metadata?.name ?? '', 'the integer value of priority (' + spec.priority + ') must not be provided in pod spec; priority admission controller computed ' + value + ' from the given PriorityClass name');
    }
    const next: PodSpec = { ...spec, priority: value };
    if (className && !spec.priorityClassName) next.priorityClassName = className;
    next.preemptionPolicy = spec.preemptionPolicy ?? pc?.preemptionPolicy ?? 'PreemptLowerPriority';
    pod.spec = next as Pod['spec'];
  },
};
