// Records core/v1 Events the way client-go's recorder does: one Event per (source, object, type, reason,
// message), later repeats bump count and lastTimestamp of the same Event; the apiserver drops events after
// the event TTL (1 h).
// mirrors: client-go/tools/record (EventCorrelator), pkg/registry/core/event (TTL)

import type { Event, ObjectReference } from 'kubernetes-types/core/v1';
import type { Client } from '../controllers/client';
import type { Clock } from '../clock/clock';
import type { KubeObject, Writable } from '../api/types';
import { rfc3339 } from '../util/time';
import { flat } from '../util/strings';
import { StatusError } from '../api/errors';

export interface EventSource {
  component: string;
  host?: string;
}

const EVENT_TTL_MS = 60 * 60 * 1000;
const TWO32 = 2 ** 32;
/** The correlator forgets a repeat key after 10 minutes without it. */
const DEDUP_WINDOW_MS = 10 * 60 * 1000;
/** Distinct messages per object and reason before they are combined (maxEvents of the aggregator). */
const MAX_SIMILAR = 10;

/** What the correlator remembers about one object as seen from one source. */
interface Correlation {
  /** type + reason → the aggregator's record (distinct messages since `since`). */
  similar: Map<string, { since: number; first: string; others?: Set<string> }>;
  /** fieldPath + type + reason + message → event name, namespace and when it was last seen. */
  seen: Map<string, { name: string; namespace: string; last: number }>;
}

export class EventRecorder {
  /**
   * Correlation state per source and object (component, host, kind, namespace, name, uid): the object part
   * of every key is hashed and stored once, the per-event parts go to small maps.
   */
  private byObject = new Map<string, Correlation>();
  /** Entries in all `seen` maps: the count that triggers pruning. */
  private seenCount = 0;
  /** The last event name's unix nanoseconds as two 32-bit halves (no BigInt per event). */
  private lastHi = 0;
  private lastLo = 0;
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
    // Template strings rather than [...].join: no array per event (`?? ''` as join renders undefined).
    // Flat: the keys are hashed at once and kept for minutes (a rope would keep every piece).
    const objKey = flat(`${source.component}\0${source.host ?? ''}\0${ref.kind ?? ''}\0${ref.namespace ?? ''}\0${ref.name ?? ''}\0${ref.uid ?? ''}`);
    let corr = this.byObject.get(objKey);
    if (!corr) this.byObject.set(objKey, (corr = { similar: new Map(), seen: new Map() }));
    const aggKey = flat(`${type}\0${reason ?? ''}`);
    let agg = corr.similar.get(aggKey);
    if (!agg || now - agg.since > DEDUP_WINDOW_MS) corr.similar.set(aggKey, (agg = { since: now, first: message }));
    else if (message !== agg.first) (agg.others ??= new Set()).add(message);
    if (1 + (agg.others?.size ?? 0) > MAX_SIMILAR) message = `(combined from similar events): ${message}`;
    const key = flat(`${ref.fieldPath ?? ''}\0${type}\0${reason ?? ''}\0${message.startsWith('(combined') ? 'combined' : message}`);
    const hit = corr.seen.get(key);
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
    const name = `${ref.name}.${this.nextNanoHex(now)}`;
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
      if (!hit) this.seenCount++;
      corr.seen.set(key, { name, namespace, last: now });
      this.expiry.push({ at: now, namespace, name });
    } catch (e) {
      // A terminating namespace refuses new events; that is fine. Anything else is a bug.
      if (!(e instanceof StatusError && e.code === 403)) throw e;
    }
    // Forget stale correlation keys now and then (not on every event: that would be quadratic).
    if (this.seenCount > this.pruneAt) {
      this.prune(now);
      this.pruneAt = Math.max(50_000, this.seenCount * 2);
    }
  }

  /** max(now in unix nanoseconds, last + 1) in hex: names stay unique within one simulated instant. */
  private nextNanoHex(now: number): string {
    // ms * 1e6 exactly, split into 32-bit halves: ms = a * 2^16 + b with a * 1e6 < 2^53.
    const ms = Math.floor(now);
    const a = Math.floor(ms / 65536);
    const b = ms - a * 65536;
    const x = a * 1_000_000;
    let hi = Math.floor(x / 65536);
    let lo = (x - hi * 65536) * 65536 + b * 1_000_000;
    hi += Math.floor(lo / TWO32);
    lo %= TWO32;
    if (hi < this.lastHi || (hi === this.lastHi && lo <= this.lastLo)) {
      hi = this.lastHi;
      lo = this.lastLo + 1;
      if (lo === TWO32) {
        hi++;
        lo = 0;
      }
    }
    this.lastHi = hi;
    this.lastLo = lo;
    return hi === 0 ? lo.toString(16) : hi.toString(16) + lo.toString(16).padStart(8, '0');
  }

  private prune(now: number): void {
    for (const [objKey, c] of this.byObject) {
      for (const [k, v] of c.seen) {
        if (now - v.last < DEDUP_WINDOW_MS) continue;
        c.seen.delete(k);
        this.seenCount--;
      }
      for (const [k, v] of c.similar) if (now - v.since >= DEDUP_WINDOW_MS) c.similar.delete(k);
      if (c.seen.size === 0 && c.similar.size === 0) this.byObject.delete(objKey);
    }
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
  // Built without `delete` (which would turn the stored object into a slow dictionary); same keys, same order.
  const ref: ObjectReference = m.namespace
    ? { kind: obj.kind, namespace: m.namespace, name: m.name, uid: m.uid, apiVersion: obj.apiVersion, resourceVersion: m.resourceVersion }
    : { kind: obj.kind, name: m.name, uid: m.uid, apiVersion: obj.apiVersion, resourceVersion: m.resourceVersion };
  if (fieldPath) ref.fieldPath = fieldPath;
  return ref;
}
