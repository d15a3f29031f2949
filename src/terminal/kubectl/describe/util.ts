// Small formatting and fetching helpers the describers share: Go time formats, label selectors as
// kubectl prints them, `%v` of slices, quantities, and lists that follow `continue` like kubectl's
// FollowContinue.
// mirrors: k8s.io/kubectl/pkg/describe/describe.go (printBool, stringOrNone, getPodsInChunks),
//          apimachinery pkg/apis/meta/v1/helpers.go (LabelSelectorAsSelector, FormatLabelSelector)

import type { LabelSelector, OwnerReference } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../../engine/api/types';
import { parseQuantity, Quantity, tryParseQuantity } from '../../../engine/util/quantity';
import { humanDuration } from '../../../engine/util/duration';
import { compareGoStrings } from '../printers/gofmt';
import type { DescribeContext } from './types';
import { statusBody, type Status } from '../../../engine/api/errors';
import { isStatus, ServerError } from '../errors';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function parseTs(ts: string | null | undefined): Date | undefined {
  if (!ts) return undefined;
  const ms = Date.parse(ts);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/** time.Format(time.RFC1123Z) in UTC (kubeplay's zone); an unset time is Go's zero time. */
export function rfc1123z(ts: string | null | undefined): string {
  const d = parseTs(ts);
  if (!d) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  return `${DAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`;
}

/** time.Time.String() in UTC: `2025-01-02 03:04:05 +0000 UTC` (sub-second digits trimmed of zeros). */
export function goTimeString(ts: string | null | undefined): string {
  if (!ts) return '0001-01-01 00:00:00 +0000 UTC';
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(?:\.(\d+))?/.exec(ts);
  if (!m) return '0001-01-01 00:00:00 +0000 UTC';
  const frac = (m[3] ?? '').replace(/0+$/, '');
  return `${m[1]} ${m[2]}${frac ? '.' + frac : ''} +0000 UTC`;
}

/** translateTimestampSince: the human age of a timestamp, `<unknown>` when unset. */
export function since(ts: string | null | undefined, nowMs: number): string {
  const d = parseTs(ts);
  return d ? humanDuration(nowMs - d.getTime()) : '<unknown>';
}

/** fmt's %v of a []string: `[a b c]` (nil and empty print `[]`). */
export function goList(items: readonly unknown[] | null | undefined): string {
  return `[${(items ?? []).map((i) => String(i)).join(' ')}]`;
}

/** fmt's %v of a map[string]string: `map[k:v …]` with sorted keys. */
export function goMap(m: Record<string, string> | null | undefined): string {
  const keys = Object.keys(m ?? {}).sort(compareGoStrings);
  return `map[${keys.map((k) => `${k}:${m![k]}`).join(' ')}]`;
}

export function printBool(v: boolean | undefined | null): string {
  return v ? 'True' : 'False';
}

/** printBoolPtr: True/False, or `<unset>` for a nil pointer. */
export function printBoolPtr(v: boolean | undefined | null): string {
  return v === undefined || v === null ? '<unset>' : printBool(v);
}

export function stringOrNone(s: string | undefined | null): string {
  return s ? s : '<none>';
}

/** IntOrString.String(). */
export function intOrString(v: number | string | undefined | null): string {
  if (v === undefined || v === null) return '<nil>';
  return String(v);
}

/** A Requirement's String(), values sorted as upstream normalises them on output. */
function requirement(key: string, op: string, values: readonly string[]): string {
  switch (op) {
    case 'In':
      return `${key} in (${[...values].sort(compareGoStrings).join(',')})`;
    case 'NotIn':
      return `${key} notin (${[...values].sort(compareGoStrings).join(',')})`;
    case 'Exists':
      return key;
    case 'DoesNotExist':
      return `!${key}`;
    default:
      return `${key}=${values[0] ?? ''}`;
  }
}

/** LabelSelectorAsSelector(ls).String(): requirements sorted by key; nil and empty give "". */
export function selectorString(ls: LabelSelector | null | undefined): string {
  if (!ls) return '';
  const reqs: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries(ls.matchLabels ?? {})) reqs.push({ key: k, text: requirement(k, 'Equals', [v]) });
  for (const e of ls.matchExpressions ?? []) reqs.push({ key: e.key, text: requirement(e.key, e.operator, e.values ?? []) });
  // sort.Sort(ByKey): keys are unique in practice, so stability does not matter.
  reqs.sort((a, b) => compareGoStrings(a.key, b.key));
  return reqs.map((r) => r.text).join(',');
}

/** metav1.FormatLabelSelector: the selector string, `<none>` when it selects everything or nothing. */
export function formatLabelSelector(ls: LabelSelector | null | undefined): string {
  return selectorString(ls) || '<none>';
}

/** labels.SelectorFromSet(m).String(): sorted `k=v`. */
export function setSelectorString(m: Record<string, string> | null | undefined): string {
  return Object.keys(m ?? {})
    .sort(compareGoStrings)
    .map((k) => `${k}=${m![k]}`)
    .join(',');
}

/** metav1.GetControllerOf. */
export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  return (obj.metadata?.ownerReferences ?? []).find((r) => r.controller === true);
}

/** printController: `Kind/name` of the controlling owner, or "". */
export function printController(obj: KubeObject): string {
  const c = controllerOf(obj);
  return c ? `${c.kind}/${c.name}` : '';
}

/** A quantity as Quantity.String() prints it; "0" for a missing value. */
export function quantityString(v: string | number | undefined | null): string {
  if (v === undefined || v === null) return '0';
  const q = tryParseQuantity(v);
  return q ? q.toString() : String(v);
}

/** A ResourceList entry as a Quantity (the zero quantity when absent). */
export function quantityOf(list: Record<string, string> | undefined | null, name: string): Quantity {
  const v = list?.[name];
  if (v === undefined) return Quantity.ZERO;
  return tryParseQuantity(v) ?? Quantity.ZERO;
}

export { parseQuantity, Quantity };

/** The REST path of a resource, for the related objects a describer fetches with typed clients. */
export function apiPath(groupVersion: string, resource: string, namespace?: string, name?: string): string {
  let p = groupVersion.includes('/') ? `/apis/${groupVersion}` : `/api/${groupVersion}`;
  if (namespace) p += `/namespaces/${encodeURIComponent(namespace)}`;
  p += `/${resource}`;
  if (name !== undefined) p += `/${encodeURIComponent(name)}`;
  return p;
}

export interface ListResult<T> {
  items: T[];
  /** The failed answer's status code and message, when the list could not be read. */
  error?: { code: number; message: string; reason?: string; status: Status };
}

/** The server's failure as the error kubectl reports (`Error from server (Reason): …`). */
export function serverError(error: { status: Status }): ServerError {
  return new ServerError(error.status);
}

function asStatus(body: unknown, code: number): Status {
  if (isStatus(body)) return body;
  return statusBody(code, undefined, typeof body === 'string' && body ? body : `the server responded with the status code ${code} but did not return more information`);
}

/** GET a collection in chunks of --chunk-size, following `continue` tokens (`chunked` false: one plain List). */
export async function listAll<T = KubeObject>(ctx: DescribeContext, path: string, query: Record<string, string> = {}, chunked = true): Promise<ListResult<T>> {
  const items: T[] = [];
  let cont = '';
  for (;;) {
    const q: Record<string, string> = { ...query };
    if (chunked && ctx.settings.chunkSize > 0) q.limit = String(ctx.settings.chunkSize);
    if (cont) q.continue = cont;
    const res = await ctx.k.request({ method: 'GET', path, query: q });
    if (res.status !== 200) {
      const status = asStatus(res.body, res.status);
      return { items, error: { code: res.status, message: status.message ?? '', reason: status.reason, status } };
    }
    const body = res.body as { items?: T[]; metadata?: { continue?: string } };
    items.push(...(body.items ?? []));
    cont = body.metadata?.continue ?? '';
    if (!cont) return { items };
  }
}

/** GET one object; undefined with the error message when it cannot be read. */
export async function getObject<T = KubeObject>(ctx: DescribeContext, path: string): Promise<{ obj?: T; error?: string; code?: number }> {
  const res = await ctx.k.request({ method: 'GET', path });
  if (res.status === 200) return { obj: res.body as T };
  return { error: asStatus(res.body, res.status).message ?? '', code: res.status };
}
