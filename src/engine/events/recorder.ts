// Records core/v1 Events the way client-go's recorder does: one Event per (source, object, type, reason,
// message), later repeats bump count and lastTimestamp of the same Event; the apiserver drops events after
// the event TTL (1 h).
// mirrors: client-go/tools/record (EventCorrelator), pkg/registry/core/event (TTL)

import type { Event, ObjectReference } from 'kubernetes-types/core/v1';
import type { Client } from '../controllers/client';
import type { Clock } from '../clock/clock';
import type { KubeObject, Writable } from '../api/types';
import { rfc3339 } from '../util/time';
import { StatusError } from '../api/errors';

export interface EventSource {
  component: string;
  host?: string;
}

const EVENT_TTL_MS = 60 * 60 * 1000;
/** The correlator forgets a repeat key after 10 minutes without it. */
const DEDUP_WINDOW_MS = 10 * 60 * 1000;
/** Distinct messages per object and reason before they are combined (maxEvents of the aggregator). */
const MAX_SIMILAR = 10;

export class EventRecorder {
  /** correlation key → event name, namespace and when it was last seen. */
  private seen = new Map<string, { name: string; namespace: string; last: number }>();
  private lastNano = 0n;
  private similar = new Map<string, { since: number; first: string; others?: Set<string> }>();
  private pruneAt = 50_000;
  /** Events in the order their lastTimestamp was set (a repeat appends again): expiry pops from the front. */
  private expiry: { at: number; namespace: string; name: string }[] = [];
  private expiryHead = 0;
  enabled = true;

  constructor(
    private readonly client: Client,
    private readonly clock: Clock,
  ) {}

  event(source: EventSource, obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string): void {
    if (!this.enabled) return;
    const ref = referenceTo(obj, fieldPath);
    const namespace = ref.namespace || 'default';
    const now = this.clock.now();
    // EventAggregator: more than 10 distinct messages for the same object/reason within 10 minutes are
    // combined into one event that keeps counting.
    const aggKey = [source.component, source.host ?? '', ref.kind, ref.namespace ?? '', ref.name, ref.uid, type, reason].join('\0');
    let agg = this.similar.get(aggKey);
    if (!agg || now - agg.since > DEDUP_WINDOW_MS) this.similar.set(aggKey, (agg = { since: now, first: message }));
    else if (message !== agg.first) (agg.others ??= new Set()).add(message);
    if (1 + (agg.others?.size ?? 0) > MAX_SIMILAR) message = `(combined from similar events): ${message}`;
    const key = [source.component, source.host ?? '', ref.kind, ref.namespace ?? '', ref.name, ref.uid, ref.fieldPath ?? '', type, reason, message.startsWith('(combined') ? 'combined' : message].join('\0');
    const hit = this.seen.get(key);
    if (hit && now - hit.last < DEDUP_WINDOW_MS) {
      const cur = this.client.get<Writable<Event> & KubeObject>('events', hit.namespace, hit.name);
      if (cur) {
        hit.last = now;
        const next = { ...cur, count: (cur.count ?? 1) + 1, lastTimestamp: rfc3339(now), message } as KubeObject;
        try {
          this.client.update('events', next);
          this.expiry.push({ at: now, namespace: hit.namespace, name: hit.name });
        } catch {
          // Events are best effort, as in client-go.
        }
        return;
      }
    }
    // Names are <object>.<unix nanos in hex>; keep them unique within one simulated instant.
    let nano = BigInt(Math.floor(now)) * 1_000_000n;
    if (nano <= this.lastNano) nano = this.lastNano + 1n;
    this.lastNano = nano;
    const name = `${ref.name}.${nano.toString(16)}`;
    const ts = rfc3339(now);
    const ev: Writable<Event> & KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: ref,
      reason,
      message,
      source: source.host ? { component: source.component, host: source.host } : { component: source.component },
      firstTimestamp: ts,
      lastTimestamp: ts,
      count: 1,
      type,
      eventTime: null as unknown as string,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    try {
      this.client.createFresh('events', ev);
      this.seen.set(key, { name, namespace, last: now });
      this.expiry.push({ at: now, namespace, name });
    } catch (e) {
      // A terminating namespace refuses new events; that is fine. Anything else is a bug.
      if (!(e instanceof StatusError && e.code === 403)) throw e;
    }
    // Forget stale correlation keys now and then (not on every event: that would be quadratic).
    if (this.seen.size > this.pruneAt) {
      this.prune(now);
      this.pruneAt = Math.max(50_000, this.seen.size * 2);
    }
  }

  private prune(now: number): void {
    for (const [k, v] of this.seen) if (now - v.last >= DEDUP_WINDOW_MS) this.seen.delete(k);
    for (const [k, v] of this.similar) if (now - v.since >= DEDUP_WINDOW_MS) this.similar.delete(k);
  }

  /** Deletes events whose last occurrence is older than the TTL (the apiserver's --event-ttl). */
  expire(): void {
    const cutoff = this.clock.now() - EVENT_TTL_MS;
    while (this.expiryHead < this.expiry.length && this.expiry[this.expiryHead].at < cutoff) {
      const { namespace, name } = this.expiry[this.expiryHead++];
      const e = this.client.get<Writable<Event> & KubeObject>('events', namespace, name);
      if (!e) continue;
      // A later repeat has its own entry further on.
      const t = Date.parse(e.lastTimestamp ?? e.eventTime ?? e.metadata!.creationTimestamp!);
      if (t < cutoff) this.client.delete('events', namespace, name);
    }
    if (this.expiryHead > 4096 && this.expiryHead * 2 > this.expiry.length) {
      this.expiry = this.expiry.slice(this.expiryHead);
      this.expiryHead = 0;
    }
  }
}

export function referenceTo(obj: KubeObject, fieldPath?: string): ObjectReference {
  const m = obj.metadata!;
  const ref: ObjectReference = { kind: obj.kind, namespace: m.namespace, name: m.name, uid: m.uid, apiVersion: obj.apiVersion, resourceVersion: m.resourceVersion };
  if (!m.namespace) delete ref.namespace;
  if (fieldPath) ref.fieldPath = fieldPath;
  return ref;
}
