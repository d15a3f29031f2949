// `kubectl describe namespace|resourcequota|limitrange`: a namespace with its quotas and limit ranges
// merged into tables, and each quota or limit range on its own.
// mirrors: k8s.io/kubectl/pkg/describe/describe.go (describeNamespace, DescribeResourceQuotas,
//          DescribeLimitRanges, describeLimitRangeSpec, describeQuota, helpTextForResourceQuotaScope)

import type { LimitRange, LimitRangeSpec, Namespace, ResourceQuota } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../engine/api/types';
import { compareGoStrings } from '../printers/gofmt';
import { goSortSlice } from '../printers/gosort';
import { describeString, LEVEL_0, LEVEL_1, printAnnotationsMultiline, printLabelsMultiline, type PrefixWriter } from '../printers/index';
import type { Describer } from './types';
import { apiPath, listAll, Quantity, quantityOf, rfc1123z, serverError } from './util';

const SCOPE_HELP: Record<string, string> = {
  Terminating: 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
  NotTerminating: 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
  BestEffort: 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
  NotBestEffort: 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
};

export const describeNamespace: Describer = async (ctx, obj) => {
  const ns = obj as Namespace & KubeObject;
  const name = ns.metadata?.name ?? '';
  // A 404 means the server has no such resource: the section is left out.
  const quotas = await listAll<ResourceQuota>(ctx, apiPath('v1', 'resourcequotas', name));
  if (quotas.error && quotas.error.code !== 404) throw serverError(quotas.error);
  const limits = await listAll<LimitRange>(ctx, apiPath('v1', 'limitranges', name));
  if (limits.error && limits.error.code !== 404) throw serverError(limits.error);
  return describeString((w) => {
    const m = ns.metadata ?? {};
    w.write(LEVEL_0, `Name:\t${name}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
    if (ns.status?.conditions?.length) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
      for (const c of ns.status.conditions) w.write(LEVEL_1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
    }
    if (!quotas.error) {
      w.write(LEVEL_0, '\n');
      describeResourceQuotas(quotas.items, w);
    }
    if (!limits.error) {
      w.write(LEVEL_0, '\n');
      describeLimitRanges(limits.items, w);
    }
  });
};

function sortedScopes(q: ResourceQuota): string[] {
  return [...(q.spec?.scopes ?? [])].sort(compareGoStrings);
}

function describeResourceQuotas(quotas: ResourceQuota[], w: PrefixWriter): void {
  if (quotas.length === 0) {
    w.write(LEVEL_0, 'No resource quota.\n');
    return;
  }
  goSortSlice(quotas, (a, b) => compareGoStrings(a.metadata?.name ?? '', b.metadata?.name ?? '') < 0);
  w.write(LEVEL_0, 'Resource Quotas\n');
  for (const q of quotas) {
    w.write(LEVEL_1, `Name:\t${q.metadata?.name ?? ''}\n`);
    const scopes = sortedScopes(q);
    if (scopes.length) {
      w.write(LEVEL_1, `Scopes:\t${scopes.join(', ')}\n`);
      for (const s of scopes) if (SCOPE_HELP[s]) w.write(LEVEL_1, `* ${SCOPE_HELP[s]}\n`);
    }
    w.write(LEVEL_1, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_1, '--------\t---\t---\n');
    const hard = (q.status?.hard ?? {}) as Record<string, string>;
    const used = (q.status?.used ?? {}) as Record<string, string>;
    for (const r of Object.keys(hard).sort(compareGoStrings)) w.write(LEVEL_1, `${r}\t${quantityOf(used, r).toString()}\t${quantityOf(hard, r).toString()}\n`);
  }
}

/** describeLimitRangeSpec: one row per limit type and resource (upstream's order is a Go map's; ours is sorted). */
function describeLimitRangeSpec(spec: LimitRangeSpec | undefined, prefix: string, w: PrefixWriter): void {
  for (const item of spec?.limits ?? []) {
    const lists = [item.min, item.max, item.defaultRequest, item.default, item.maxLimitRequestRatio].map((l) => (l ?? {}) as Record<string, string>);
    const names = new Set<string>();
    for (const l of lists) for (const k of Object.keys(l)) names.add(k);
    for (const r of [...names].sort(compareGoStrings)) {
      const cells = lists.map((l) => (r in l ? quantityOf(l, r).toString() : '-'));
      w.write(LEVEL_0, `${prefix}${item.type}\t${r}\t${cells.join('\t')}\n`);
    }
  }
}

function describeLimitRanges(items: LimitRange[], w: PrefixWriter): void {
  if (items.length === 0) {
    w.write(LEVEL_0, 'No LimitRange resource.\n');
    return;
  }
  w.write(LEVEL_0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(LEVEL_0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  for (const lr of items) describeLimitRangeSpec(lr.spec, ' ', w);
}

export const describeLimitRange: Describer = async (_ctx, obj) => {
  const lr = obj as LimitRange & KubeObject;
  return describeString((w) => {
    w.write(LEVEL_0, `Name:\t${lr.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${lr.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
    w.write(LEVEL_0, '----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
    describeLimitRangeSpec(lr.spec, '', w);
  });
};

export const describeResourceQuota: Describer = async (_ctx, obj) => {
  const q = obj as ResourceQuota & KubeObject;
  return describeString((w) => {
    w.write(LEVEL_0, `Name:\t${q.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${q.metadata?.namespace ?? ''}\n`);
    const scopes = sortedScopes(q);
    if (scopes.length) {
      w.write(LEVEL_0, `Scopes:\t${scopes.join(', ')}\n`);
      for (const s of scopes) if (SCOPE_HELP[s]) w.write(LEVEL_0, ` * ${SCOPE_HELP[s]}\n`);
    }
    w.write(LEVEL_0, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_0, '--------\t----\t----\n');
    const hard = (q.status?.hard ?? {}) as Record<string, string>;
    const used = (q.status?.used ?? {}) as Record<string, string>;
    for (const r of Object.keys(hard).sort(compareGoStrings)) {
      const h = quantityOf(hard, r);
      let u = quantityOf(used, r);
      // A used value in another format is re-rendered in the hard value's (resource.NewQuantity).
      if (u.format !== h.format) u = new Quantity(BigInt(u.value()) * 1_000_000_000n, h.format);
      w.write(LEVEL_0, `${r}\t${u.toString()}\t${h.toString()}\n`);
    }
  });
};
