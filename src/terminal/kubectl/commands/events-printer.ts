// The `kubectl events` table (LAST SEEN, TYPE, REASON, OBJECT, MESSAGE), its intervals like
// `5m (x3 over 10m)`, the sort by last-seen time, and events as the typed Go structs print them.
// mirrors: kubectl/pkg/cmd/events/event_printer.go, kubectl/pkg/cmd/events/events.go (SortableEvents)

import type { KubeObject } from '../../../engine/api/types';
import { escapeTerminal } from '../printers/index';
import { goSort } from '../printers/gosort';
import { humanDuration } from '../../../engine/util/duration';

export interface EventShape {
  metadata?: { namespace?: string };
  involvedObject?: { kind?: string; name?: string };
  reason?: string;
  message?: string;
  type?: string;
  count?: number;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  series?: { count?: number; lastObservedTime?: string | null };
}

function ev(e: KubeObject): EventShape {
  return e as unknown as EventShape;
}

/** A timestamp in ms; Go's zero time for missing ones (they sort first). */
function ms(t: string | null | undefined): number {
  if (!t) return -62135596800000;
  const v = Date.parse(t);
  return Number.isNaN(v) ? -62135596800000 : v;
}

function since(t: string | null | undefined, now: number): string {
  if (!t) return '<unknown>';
  return humanDuration(now - ms(t));
}

/** eventTime(): series.lastObservedTime, else lastTimestamp, else eventTime. */
function eventTime(e: EventShape): number {
  if (e.series) return ms(e.series.lastObservedTime);
  if (e.lastTimestamp) return ms(e.lastTimestamp);
  return ms(e.eventTime);
}

/** sort.Sort(SortableEvents(items)): Go's unstable sort, so ties come out as kubectl's do. */
export function sortEvents(items: KubeObject[]): void {
  goSort({
    len: items.length,
    less: (i, j) => eventTime(ev(items[i])) < eventTime(ev(items[j])),
    swap: (i, j) => {
      const t = items[i];
      items[i] = items[j];
      items[j] = t;
    },
  });
}

/** getInterval: `45s`, or `5m (x3 over 10m)` for repeated events. */
export function eventInterval(e: EventShape, now: number): string {
  const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now);
  if (e.series) return `${since(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
  if ((e.count ?? 0) > 1) return `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`;
  return first;
}

/** EventPrinter: header once, then one tab-separated row per event (fed to kubectl's table tabwriter). */
export class EventPrinter {
  private headerPrinted = false;

  constructor(
    private readonly noHeaders: boolean,
    private readonly allNamespaces: boolean,
  ) {}

  rows(events: KubeObject[], now: number): string {
    let s = '';
    if (!this.noHeaders && !this.headerPrinted) {
      s += `${this.allNamespaces ? 'NAMESPACE\t' : ''}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n`;
      this.headerPrinted = true;
    }
    for (const o of events) {
      const e = ev(o);
      if (this.allNamespaces) s += `${e.metadata?.namespace ?? ''}\t`;
      const obj = `${escapeTerminal(e.involvedObject?.kind ?? '')}/${escapeTerminal(e.involvedObject?.name ?? '')}`;
      s += `${eventInterval(e, now)}\t${escapeTerminal(e.type ?? '')}\t${escapeTerminal(e.reason ?? '')}\t${obj}\t${escapeTerminal((e.message ?? '').trim())}\n`;
    }
    return s;
  }
}

function pick(src: Record<string, unknown> | undefined, order: string[], always: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const s = src ?? {};
  for (const k of order) {
    if (s[k] !== undefined) out[k] = s[k];
    else if (k in always) out[k] = always[k];
  }
  for (const k of Object.keys(s)) if (!(k in out)) out[k] = s[k];
  return out;
}

const META_ORDER = ['name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields'];
const REF_ORDER = ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'];
const EVENT_ORDER = ['kind', 'apiVersion', 'metadata', 'involvedObject', 'reason', 'message', 'source', 'firstTimestamp', 'lastTimestamp', 'count', 'type', 'eventTime', 'series', 'action', 'related', 'reportingComponent', 'reportingInstance'];

/** A core/v1 Event as kubectl's typed client re-encodes it: Go field order, zero structs and times present. */
export function typedEvent(e: KubeObject, keepManagedFields: boolean): KubeObject {
  const raw = e as Record<string, unknown>;
  const meta = pick(raw.metadata as Record<string, unknown>, META_ORDER, { creationTimestamp: null });
  if (!keepManagedFields) delete meta.managedFields;
  const source = pick(raw.source as Record<string, unknown>, ['component', 'host']);
  const out = pick({ ...raw, kind: 'Event', apiVersion: 'v1' }, EVENT_ORDER, {
    metadata: {},
    involvedObject: {},
    source: {},
    firstTimestamp: null,
    lastTimestamp: null,
    eventTime: null,
    reportingComponent: '',
    reportingInstance: '',
  });
  out.metadata = meta;
  out.involvedObject = pick(raw.involvedObject as Record<string, unknown>, REF_ORDER);
  out.source = source;
  if (raw.related) out.related = pick(raw.related as Record<string, unknown>, REF_ORDER);
  if (raw.series) out.series = pick(raw.series as Record<string, unknown>, ['count', 'lastObservedTime']);
  if (!out.count) delete out.count;
  return out as KubeObject;
}
