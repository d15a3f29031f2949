// Cell formatting shared by the table printers: ages, label maps, label selectors, container lists.
// mirrors: pkg/printers/internalversion/printers.go (layoutContainerCells, listWithMoreString, printBoolPtr),
// staging/src/k8s.io/apimachinery/pkg/labels (Set.String, Requirement.String),
// staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go (LabelSelectorAsSelector, FormatLabelSelector)

import type { LabelSelector, ObjectMeta } from 'kubernetes-types/meta/v1';
import type { Container } from 'kubernetes-types/core/v1';
import { translateTimestampSince } from '../util/duration';

/** AGE cell: the object's creationTimestamp relative to now, `<unknown>` when unset. */
export function age(meta: ObjectMeta | undefined, now: number): string {
  return translateTimestampSince(meta?.creationTimestamp, now);
}

/** A timestamp in ms, or undefined for an unset (Go zero) time. */
export function timeMs(timestamp: string | undefined | null): number | undefined {
  if (!timestamp) return undefined;
  const t = Date.parse(timestamp);
  return Number.isNaN(t) ? undefined : t;
}

/** labels.FormatLabels: `k=v` pairs sorted as whole strings, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  if (!labels) return '<none>';
  const pairs = Object.keys(labels).map((k) => `${k}=${labels[k]}`);
  if (pairs.length === 0) return '<none>';
  pairs.sort(compareBytes);
  return pairs.join(',');
}

/** Go string order (bytewise) for the ASCII strings labels are made of. */
export function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * metav1.LabelSelectorAsSelector(...).String(): requirements sorted by key, `k=v`, `k in (a,b)`,
 * `k notin (a,b)`, `k`, `!k`. Nil and empty selectors both print as "". Undefined on an invalid selector.
 */
export function labelSelectorString(selector: LabelSelector | undefined | null): string | undefined {
  if (!selector) return '';
  const reqs: { key: string; text: string }[] = [];
  const matchLabels = selector.matchLabels ?? {};
  for (const key of Object.keys(matchLabels)) reqs.push({ key, text: `${key}=${matchLabels[key]}` });
  for (const expr of selector.matchExpressions ?? []) {
    const values = [...(expr.values ?? [])].sort(compareBytes);
    switch (expr.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) return undefined; // "values: Invalid value: must be specified"
        reqs.push({ key: expr.key, text: `${expr.key} ${expr.operator === 'In' ? 'in' : 'notin'} (${values.join(',')})` });
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) return undefined;
        reqs.push({ key: expr.key, text: expr.operator === 'Exists' ? expr.key : `!${expr.key}` });
        break;
      default:
        return undefined;
    }
  }
  // Array.prototype.sort is stable, like Go's sort for these small inputs.
  reqs.sort((a, b) => compareBytes(a.key, b.key));
  return reqs.map((r) => r.text).join(',');
}

/** metav1.FormatLabelSelector: `<none>` for nil/empty, `<error>` when invalid. */
export function formatLabelSelector(selector: LabelSelector | undefined | null): string {
  const s = labelSelectorString(selector);
  if (s === undefined) return '<error>';
  return s === '' ? '<none>' : s;
}

/** CONTAINERS and IMAGES cells: names and images joined with ",". */
export function layoutContainerCells(containers: Container[] | undefined | null): [string, string] {
  if (!containers || containers.length === 0) return ['', ''];
  return [containers.map((c) => c.name).join(','), containers.map((c) => c.image ?? '').join(',')];
}

/** A list cut to `max` entries with ` + N more...`; `<unset>` when empty. */
export function listWithMoreString(list: string[], more: boolean, count: number, max: number): string {
  const ret = list.join(',');
  if (more) return `${ret} + ${count - max} more...`;
  return ret === '' ? '<unset>' : ret;
}

/** printBoolPtr: "True" / "False", `<unset>` for nil. */
export function printBoolPtr(value: boolean | undefined | null): string {
  if (value === undefined || value === null) return '<unset>';
  return value ? 'True' : 'False';
}

/** intstr.IntOrString.String(). */
export function intOrString(value: number | string): string {
  return typeof value === 'number' ? String(value) : value;
}
