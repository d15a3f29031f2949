import { describe, expect, it } from 'vitest';
import type { Event } from 'kubernetes-types/core/v1';
import type { Event as EventsV1Event } from 'kubernetes-types/events/v1';
import { eventPrinter, eventsV1Printer } from '../../../src/engine/printers/event';
import { NOW, ago, d, m } from './fixtures';

const base = {
  involvedObject: { kind: 'Deployment', name: 'Deployment Name', fieldPath: 'spec.containers{foo}' },
  reason: 'Event Reason',
  message: 'Message Data',
  type: 'Warning',
};

// Columns: LAST SEEN, TYPE, REASON, OBJECT, SUBOBJECT, SOURCE, MESSAGE, FIRST SEEN, COUNT, NAME
describe('event rows (upstream TestPrintEvent)', () => {
  const cases: [string, Event, unknown[]][] = [
    [
      'basic',
      {
        ...base,
        metadata: { name: 'event1' },
        involvedObject: { kind: 'Pod', name: 'Pod Name', fieldPath: 'spec.containers{foo}' },
        source: { component: 'kubelet' },
        firstTimestamp: ago(d(3)),
        lastTimestamp: ago(d(2)),
        count: 6,
        type: 'Normal',
      },
      ['2d', 'Normal', 'Event Reason', 'pod/Pod Name', 'spec.containers{foo}', 'kubelet', 'Message Data', '3d', 6, 'event1'],
    ],
    [
      'source with host',
      { ...base, metadata: { name: 'event2' }, source: { component: 'kubelet', host: 'Node1' }, firstTimestamp: ago(d(3)), lastTimestamp: ago(d(2)), count: 6 },
      ['2d', 'Warning', 'Event Reason', 'deployment/Deployment Name', 'spec.containers{foo}', 'kubelet, Node1', 'Message Data', '3d', 6, 'event2'],
    ],
    [
      'no firstTimestamp: eventTime',
      { ...base, metadata: { name: 'event3' }, source: { component: 'kubelet', host: 'Node1' }, eventTime: ago(d(3)), lastTimestamp: ago(d(3)), count: 1 },
      ['3d', 'Warning', 'Event Reason', 'deployment/Deployment Name', 'spec.containers{foo}', 'kubelet, Node1', 'Message Data', '3d', 1, 'event3'],
    ],
    [
      'no lastTimestamp: first seen',
      { ...base, metadata: { name: 'event4' }, source: { component: 'kubelet', host: 'Node1' }, eventTime: ago(d(3)), firstTimestamp: ago(d(3)), count: 1 },
      ['3d', 'Warning', 'Event Reason', 'deployment/Deployment Name', 'spec.containers{foo}', 'kubelet, Node1', 'Message Data', '3d', 1, 'event4'],
    ],
    [
      'series: lastObservedTime and series count',
      {
        ...base,
        metadata: { name: 'event6' },
        source: { component: 'kubelet', host: 'Node1' },
        series: { count: 2, lastObservedTime: '2025-01-13T12:00:00.000000Z' },
        eventTime: '2025-01-12T11:59:59.123456Z',
      },
      ['2d', 'Warning', 'Event Reason', 'deployment/Deployment Name', 'spec.containers{foo}', 'kubelet, Node1', 'Message Data', '3d', 2, 'event6'],
    ],
    [
      'singleton without count counts 1',
      { ...base, metadata: { name: 'event7' }, source: { component: 'kubelet', host: 'Node1' }, eventTime: ago(d(3)) },
      ['3d', 'Warning', 'Event Reason', 'deployment/Deployment Name', 'spec.containers{foo}', 'kubelet, Node1', 'Message Data', '3d', 1, 'event7'],
    ],
    [
      'empty source: reportingComponent / reportingInstance',
      { ...base, metadata: { name: 'event2' }, reportingComponent: 'kubelet', reportingInstance: 'test', firstTimestamp: ago(d(3)), lastTimestamp: ago(d(2)), count: 6 },
      ['2d', 'Warning', 'Event Reason', 'deployment/Deployment Name', 'spec.containers{foo}', 'kubelet, test', 'Message Data', '3d', 6, 'event2'],
    ],
    [
      'no times at all; object without name; message trimmed',
      { metadata: { name: 'e' }, involvedObject: { kind: 'Node' }, message: '  hi \n', type: 'Normal', reason: 'R' },
      ['<unknown>', 'Normal', 'R', 'node', '', '', 'hi', '<unknown>', 1, 'e'],
    ],
  ];
  it.each(cases)('%s', (_n, e, want) => {
    expect(eventPrinter.rows(e, NOW)).toEqual([want]);
  });
});

describe('events.k8s.io/v1 events', () => {
  it('maps regarding/note/deprecated* onto the same columns', () => {
    const e: EventsV1Event = {
      metadata: { name: 'web.1' },
      eventTime: '2025-01-15T11:55:00.000000Z',
      regarding: { kind: 'Pod', name: 'web' },
      note: 'Pulled image',
      reason: 'Pulled',
      type: 'Normal',
      reportingController: 'kubelet',
      reportingInstance: 'node-1',
      deprecatedCount: 3,
      deprecatedFirstTimestamp: ago(m(10)),
      deprecatedLastTimestamp: ago(m(2)),
    };
    expect(eventsV1Printer.rows(e, NOW)).toEqual([['2m', 'Normal', 'Pulled', 'pod/web', '', 'kubelet, node-1', 'Pulled image', '10m', 3, 'web.1']]);
  });
});
