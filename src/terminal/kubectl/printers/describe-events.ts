// The `Events:` table every describer ends with (DescribeEvents), shared by all kinds.
// mirrors: k8s.io/kubectl/pkg/describe/describe.go (DescribeEvents), pkg/util/event/sorted_event_list.go

import { translateTimestampSince } from '../../../engine/util/duration';
import { goSort } from './gosort';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefix-writer';

export interface DescribedEvent {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  series?: { count?: number; lastObservedTime?: string | null } | null;
  source?: { component?: string; host?: string };
  /** core/v1 Event.ReportingController is serialised as "reportingComponent". */
  reportingComponent?: string;
}

function time(ts: string | null | undefined): number {
  const t = ts ? Date.parse(ts) : NaN;
  return Number.isNaN(t) ? -Infinity : t; // the zero time sorts first
}

/** DescribeEvents: `Events:  <none>`, or the table sorted by last timestamp (Go's unstable sort). */
export function describeEvents(events: DescribedEvent[], w: PrefixWriter, nowMs: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const items = events.slice();
  goSort({
    len: items.length,
    less: (i, j) => time(items[i].lastTimestamp) < time(items[j].lastTimestamp),
    swap: (i, j) => {
      [items[i], items[j]] = [items[j], items[i]];
    },
  });
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of items) {
    let first = translateTimestampSince(e.eventTime ?? undefined, nowMs);
    if (!e.eventTime) first = translateTimestampSince(e.firstTimestamp ?? undefined, nowMs);
    let interval: string;
    if (e.series) {
      interval = `${translateTimestampSince(e.series.lastObservedTime ?? undefined, nowMs)} (x${e.series.count ?? 0} over ${first})`;
    } else if ((e.count ?? 0) > 1) {
      interval = `${translateTimestampSince(e.lastTimestamp ?? undefined, nowMs)} (x${e.count} over ${first})`;
    } else {
      interval = first;
    }
    const source = e.source?.component || e.reportingComponent || '';
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`);
  }
}
