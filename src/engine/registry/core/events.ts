// core/v1 Events: field selectors on the involved object (describe's Events section) and an index for them.

import type { Event } from 'kubernetes-types/core/v1';
import type { ResourceDef } from '../types';
import { ALL_VERBS } from '../verbs';
import type { KubeObject, Writable } from '../../api/types';

type EventObj = Writable<Event> & KubeObject;

export const events: ResourceDef<EventObj> = {
  group: '',
  version: 'v1',
  kind: 'Event',
  plural: 'events',
  singular: 'event',
  shortNames: ['ev'],
  namespaced: true,
  verbs: ALL_VERBS,
  indexes: [{ name: 'involvedObject.name', values: (o) => (o as EventObj).involvedObject?.name }],
  fields: {
    'involvedObject.kind': (e) => e.involvedObject?.kind ?? '',
    'involvedObject.namespace': (e) => e.involvedObject?.namespace ?? '',
    'involvedObject.name': (e) => e.involvedObject?.name ?? '',
    'involvedObject.uid': (e) => e.involvedObject?.uid ?? '',
    'involvedObject.apiVersion': (e) => e.involvedObject?.apiVersion ?? '',
    'involvedObject.resourceVersion': (e) => e.involvedObject?.resourceVersion ?? '',
    'involvedObject.fieldPath': (e) => e.involvedObject?.fieldPath ?? '',
    reason: (e) => e.reason ?? '',
    reportingComponent: (e) => e.reportingComponent ?? '',
    source: (e) => e.source?.component ?? '',
    type: (e) => e.type ?? '',
  },
};
