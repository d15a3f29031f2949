// Scale.status.selector: the workload's label selector in its string form.

import type { LabelSelector } from 'kubernetes-types/meta/v1';

export function formatSelectorForScale(sel: unknown): string | undefined {
  if (!sel || typeof sel !== 'object') return undefined;
  const ls = sel as LabelSelector;
  const parts: string[] = [];
  for (const k of Object.keys(ls.matchLabels ?? {}).sort()) parts.push(`${k}=${ls.matchLabels![k]}`);
  for (const e of ls.matchExpressions ?? []) {
    if (e.operator === 'In') parts.push(`${e.key} in (${[...(e.values ?? [])].sort().join(',')})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${[...(e.values ?? [])].sort().join(',')})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.sort().join(',');
}
