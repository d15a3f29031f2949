// The events of an object, as describe fetches them (involvedObject field selector), oldest first.

import type { Event } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../engine/api/types';
import type { DescribeContext } from './types';
import type { DescribedEvent } from '../printers/index';

export async function fetchEvents(ctx: DescribeContext, obj: KubeObject): Promise<DescribedEvent[]> {
  const k = ctx.k;
  const evInfo = await k.mapper.lookup('events');
  const m = obj.metadata!;
  const fs = [`involvedObject.name=${m.name}`, `involvedObject.namespace=${m.namespace ?? ''}`, `involvedObject.uid=${m.uid}`];
  if (!m.namespace) fs[1] = 'involvedObject.namespace=';
  const res = await k.request({ method: 'GET', path: k.resourcePath(evInfo, m.namespace || undefined), query: { fieldSelector: fs.join(',') } });
  if (res.status !== 200) return [];
  const items = ((res.body as { items?: Event[] }).items ?? []) as DescribedEvent[];
  return sortEvents(items);
}

/** SortableEvents: by last timestamp (eventTime fallback), stable. */
export function sortEvents<T extends DescribedEvent>(items: T[]): T[] {
  const t = (e: DescribedEvent) => {
    const ev = e as unknown as Event;
    return Date.parse(ev.lastTimestamp ?? ev.eventTime ?? ev.firstTimestamp ?? '') || 0;
  };
  return [...items].sort((a, b) => t(a) - t(b));
}
