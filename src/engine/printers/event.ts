// Table columns and cells for events (core/v1 and events.k8s.io/v1): LAST SEEN from lastTimestamp, else
// firstTimestamp, else eventTime, or the series' lastObservedTime; OBJECT `kind/name`; wide source and count.
// mirrors: pkg/printers/internalversion/printers.go (printEvent, formatEventSource, translateMicroTimestampSince)

import type { Event } from 'kubernetes-types/core/v1';
import type { Event as EventsV1Event } from 'kubernetes-types/events/v1';
import type { TablePrinter } from './types';
import { NAME_COLUMN, column } from './columns';
import { DOC } from './descriptions';
import { translateTimestampSince } from '../util/duration';

export const eventColumns = [
  column('Last Seen', 'string', DOC['core/v1 Event.lastTimestamp']),
  column('Type', 'string', DOC['core/v1 Event.type']),
  column('Reason', 'string', DOC['core/v1 Event.reason']),
  column('Object', 'string', DOC['core/v1 Event.involvedObject']),
  column('Subobject', 'string', DOC['core/v1 ObjectReference.fieldPath'], 1),
  column('Source', 'string', DOC['core/v1 Event.source'], 1),
  column('Message', 'string', DOC['core/v1 Event.message']),
  column('First Seen', 'string', DOC['core/v1 Event.firstTimestamp'], 1),
  column('Count', 'string', DOC['core/v1 Event.count'], 1),
  { ...NAME_COLUMN, priority: 1 },
];

/** Source component/host, falling back to reportingController/reportingInstance; ", " between them. */
function formatEventSource(e: Event): string {
  const component = e.source?.component || e.reportingComponent || '';
  const instance = e.source?.host || e.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

export function eventCells(e: Event, now: number): unknown[] {
  let firstSeen = translateTimestampSince(e.firstTimestamp, now);
  if (!e.firstTimestamp) firstSeen = translateTimestampSince(e.eventTime, now);
  let lastSeen = e.lastTimestamp ? translateTimestampSince(e.lastTimestamp, now) : firstSeen;
  let count = e.count ?? 0;
  if (e.series) {
    lastSeen = translateTimestampSince(e.series.lastObservedTime, now);
    count = e.series.count ?? 0;
  } else if (count === 0) {
    count = 1; // singleton events have no count in the events.k8s.io API
  }
  const kind = (e.involvedObject?.kind ?? '').toLowerCase();
  const target = e.involvedObject?.name ? `${kind}/${e.involvedObject.name}` : kind;
  return [
    lastSeen,
    e.type ?? '',
    e.reason ?? '',
    target,
    e.involvedObject?.fieldPath ?? '',
    formatEventSource(e),
    (e.message ?? '').trim(),
    firstSeen,
    count,
    e.metadata?.name ?? '',
  ];
}

export const eventPrinter: TablePrinter<Event> = {
  columns: eventColumns,
  rows: (e, now) => [eventCells(e, now)],
};

/** events.k8s.io/v1 Event in core/v1 field names (what the apiserver's internal type holds). */
export function eventsV1ToCore(e: EventsV1Event): Event {
  return {
    metadata: e.metadata ?? {},
    involvedObject: e.regarding ?? {},
    reason: e.reason,
    message: e.note,
    source: e.deprecatedSource,
    firstTimestamp: e.deprecatedFirstTimestamp,
    lastTimestamp: e.deprecatedLastTimestamp,
    count: e.deprecatedCount,
    type: e.type,
    eventTime: e.eventTime,
    series: e.series,
    action: e.action,
    related: e.related,
    reportingComponent: e.reportingController,
    reportingInstance: e.reportingInstance,
  };
}

export const eventsV1Printer: TablePrinter<EventsV1Event> = {
  columns: eventColumns,
  rows: (e, now) => [eventCells(eventsV1ToCore(e), now)],
};
