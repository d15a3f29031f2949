// LimitRanger: container defaults from LimitRanges (default / defaultRequest) and min/max/ratio checks.
// mirrors: plugin/pkg/admission/limitranger/admission.go

import type { Container, LimitRange, Pod, PodSpec } from 'kubernetes-types/core/v1';
import type { AdmissionPlugin } from './chain';
import { forbidden } from '../api/errors';
import { parseQuantity } from '../util/quantity';

export const LimitRanger: AdmissionPlugin = {
  name: 'LimitRanger',
  resources: ['pods'],
  admit(op, _def, obj, _old, ctx) {
    if (op !== 'CREATE') return;
    const pod = obj as Pod;
    const ranges = [...ctx.store.list('limitranges', pod.metadata?.namespace)] as LimitRange[];
    if (ranges.length === 0) return;
    const set: string[] = [];
    const spec = { ...(pod.spec as PodSpec) };
    const apply = (c: Container): Container => {
      const requests: Record<string, string> = { ...((c.resources?.requests as Record<string, string>) ?? {}) };
      const limits: Record<string, string> = { ...((c.resources?.limits as Record<string, string>) ?? {}) };
      for (const lr of ranges) {
        for (const item of lr.spec?.limits ?? []) {
          if (item.type !== 'Container') continue;
          for (const [r, q] of Object.entries(item.default ?? {})) {
            if (limits[r] === undefined) {
              limits[r] = String(q);
              set.push(`${r} limit for container ${c.name}`);
            }
          }
          for (const [r, q] of Object.entries(item.defaultRequest ?? {})) {
            if (requests[r] === undefined) {
              requests[r] = limits[r] !== undefined && !(r in (item.defaultRequest ?? {})) ? limits[r] : String(q);
              set.push(`${r} request for container ${c.name}`);
            }
          }
        }
      }
      // Requests default to limits when only limits are set (done by defaulting already for explicit limits).
      for (const [r, q] of Object.entries(limits)) if (requests[r] === undefined) requests[r] = q;
      const resources: Record<string, unknown> = {};
      if (Object.keys(limits).length) resources.limits = limits;
      if (Object.keys(requests).length) resources.requests = requests;
      return { ...c, resources };
    };
    spec.containers = (spec.containers ?? []).map(apply);
    if (spec.initContainers) spec.initContainers = spec.initContainers.map(apply);
    pod.spec = spec as Pod['spec'];
    if (set.length) {
      const order = ['cpu request', 'memory request', 'cpu limit', 'memory limit'];
      set.sort((a, b) => order.findIndex((o) => a.startsWith(o)) - order.findIndex((o) => b.startsWith(o)));
      obj.metadata!.annotations = { ...(obj.metadata!.annotations ?? {}), 'kubernetes.io/limit-ranger': `LimitRanger plugin set: ${set.join('; ')}` };
    }
  },
  validate(op, def, obj, _old, ctx) {
    if (op !== 'CREATE') return;
    const pod = obj as Pod;
    const ranges = [...ctx.store.list('limitranges', pod.metadata?.namespace)] as LimitRange[];
    const errs: string[] = [];
    for (const lr of ranges) {
      for (const item of lr.spec?.limits ?? []) {
        if (item.type !== 'Container') continue;
        for (const c of pod.spec?.containers ?? []) {
          for (const [r, min] of Object.entries(item.min ?? {})) {
            const req = c.resources?.requests?.[r];
            if (req !== undefined && parseQuantity(String(req)).cmp(parseQuantity(String(min))) < 0) errs.push(`minimum ${r} usage per Container is ${min}, but request is ${req}`);
          }
          for (const [r, max] of Object.entries(item.max ?? {})) {
            const lim = c.resources?.limits?.[r];
            if (lim === undefined) errs.push(`maximum ${r} usage per Container is ${max}.  No limit is specified`);
            else if (parseQuantity(String(lim)).cmp(parseQuantity(String(max))) > 0) errs.push(`maximum ${r} usage per Container is ${max}, but limit is ${lim}`);
          }
        }
      }
    }
    if (errs.length) throw forbidden(def.group, def.plural, pod.metadata?.name ?? '', `[${errs.join(', ')}]`);
  },
};
