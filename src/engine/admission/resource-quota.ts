// ResourceQuota admission: a create that would exceed a namespace quota is Forbidden with the upstream
// message; pods without requests/limits for a tracked compute resource are refused ("must specify").
// mirrors: staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota/controller.go

import type { Pod, ResourceQuota } from 'kubernetes-types/core/v1';
import type { AdmissionPlugin } from './chain';
import { forbidden } from '../api/errors';
import { resourceKey } from '../registry/types';
import { usageOf, type Usage } from './quota-usage';
import { parseQuantity, type Quantity } from '../util/quantity';

function fmt(m: Map<string, Quantity>, keys: string[]): string {
  return keys
    .sort()
    .map((k) => `${k}=${m.get(k)!.toString()}`)
    .join(',');
}

export const ResourceQuotaAdmission: AdmissionPlugin = {
  name: 'ResourceQuota',
  validate(op, def, obj, _old, ctx) {
    if (op !== 'CREATE' || !def.namespaced) return;
    const ns = obj.metadata?.namespace;
    if (!ns) return;
    const quotas = [...ctx.store.list('resourcequotas', ns)] as ResourceQuota[];
    if (quotas.length === 0) return;
    const key = resourceKey(def);
    const usage: Usage = usageOf(key, obj);
    if (usage.size === 0) return;
    const charges: { q: ResourceQuota; used: Record<string, string> }[] = [];
    for (const q of quotas.sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1))) {
      const hard = q.spec?.hard ?? {};
      // Pods must state requests/limits for compute resources the quota tracks.
      if (key === 'pods') {
        const missing: string[] = [];
        const pod = obj as Pod;
        for (const r of ['limits.cpu', 'limits.memory', 'requests.cpu', 'requests.memory']) {
          if (!(r in hard) && !(r.startsWith('requests.') && r.slice(9) in hard)) continue;
          const [kind, res] = r.split('.');
          const lacking = (pod.spec?.containers ?? []).filter((c) => (kind === 'limits' ? c.resources?.limits : c.resources?.requests)?.[res] === undefined).map((c) => c.name);
          if (lacking.length) missing.push(`${r} for: ${lacking.join(',')}`);
        }
        if (missing.length) throw forbidden(def.group, def.plural, obj.metadata?.name ?? '', `failed quota: ${q.metadata!.name}: must specify ${missing.join('; ')}`);
      }
      const exceeded: string[] = [];
      const used = new Map<string, Quantity>();
      const limited = new Map<string, Quantity>();
      for (const [r, lim] of Object.entries(hard)) {
        const req = usage.get(r);
        if (!req) continue;
        const cur = parseQuantity(String(q.status?.used?.[r] ?? '0'));
        const max = parseQuantity(String(lim));
        used.set(r, cur);
        limited.set(r, max);
        if (cur.add(req).cmp(max) > 0) exceeded.push(r);
      }
      if (exceeded.length) {
        throw forbidden(
          def.group,
          def.plural,
          obj.metadata?.name ?? '',
          `exceeded quota: ${q.metadata!.name}, requested: ${fmt(usage, exceeded)}, used: ${fmt(used, exceeded)}, limited: ${fmt(limited, exceeded)}`,
        );
      }
      const next: Record<string, string> = { ...((q.status?.used as Record<string, string>) ?? {}) };
      for (const [r, cur] of used) next[r] = cur.add(usage.get(r)!).toString();
      charges.push({ q, used: next });
    }
    // Like the apiserver, admission charges the quota at once (status.used), so a burst of creates is counted.
    if (ctx.dryRun) return;
    for (const { q, used } of charges) {
      ctx.store.update('resourcequotas', { ...q, status: { hard: { ...(q.spec?.hard ?? {}) }, ...(q.status ?? {}), used } } as never);
    }
  },
};
