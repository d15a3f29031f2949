// The scheduling queue: an active heap (priority, then arrival), a backoff set, and the unschedulable pool.
// mirrors: pkg/scheduler/backend/queue/scheduling_queue.go (PriorityQueue)

import { BinaryHeap } from '../util/heap';
import type { PodObj } from './framework';

interface Entry {
  key: string;
  priority: number;
  seq: number;
  attempts: number;
  /** When the pod first became unschedulable (for the 5 minute flush). */
  unschedulableSince?: number;
}

export class SchedulingQueue {
  private heap = new BinaryHeap<Entry>(before);
  private inActive = new Set<string>();
  private backoff = new Map<string, { entry: Entry; until: number }>();
  readonly unschedulable = new Map<string, Entry>();
  private attempts = new Map<string, number>();
  private seq = 0;

  get activeLength(): number {
    return this.heap.size;
  }

  add(pod: PodObj): void {
    const key = keyOf(pod);
    if (this.inActive.has(key)) return;
    this.unschedulable.delete(key);
    this.backoff.delete(key);
    this.push({ key, priority: pod.spec?.priority ?? 0, seq: this.seq++, attempts: this.attempts.get(key) ?? 0 });
  }

  delete(key: string): void {
    this.inActive.delete(key);
    this.unschedulable.delete(key);
    this.backoff.delete(key);
    this.attempts.delete(key);
  }

  has(key: string): boolean {
    return this.inActive.has(key) || this.unschedulable.has(key) || this.backoff.has(key);
  }

  pop(): string | undefined {
    while (this.heap.size) {
      const e = this.heap.pop()!;
      if (!this.inActive.delete(e.key)) continue;
      return e.key;
    }
    return undefined;
  }

  /** A failed attempt: the pod waits in the unschedulable pool until something changes. */
  markUnschedulable(pod: PodObj, now: number): void {
    const key = keyOf(pod);
    const attempts = (this.attempts.get(key) ?? 0) + 1;
    this.attempts.set(key, attempts);
    this.unschedulable.set(key, { key, priority: pod.spec?.priority ?? 0, seq: this.seq++, attempts, unschedulableSince: now });
  }

  /** Backoff duration after n failed attempts: 1 s doubling up to 10 s. */
  static backoffMs(attempts: number): number {
    return Math.min(1000 * 2 ** Math.max(0, attempts - 1), 10_000);
  }

  /** Cluster changed: unschedulable pods go to backoff (or straight to active once backoff has passed). */
  moveAllToActiveOrBackoff(now: number): number {
    let n = 0;
    for (const [key, e] of this.unschedulable) {
      this.unschedulable.delete(key);
      this.backoff.set(key, { entry: e, until: (e.unschedulableSince ?? now) + SchedulingQueue.backoffMs(e.attempts) });
      n++;
    }
    this.flushBackoff(now);
    return n;
  }

  /** Moves pods whose backoff expired to active; returns how many moved. */
  flushBackoff(now: number): number {
    let n = 0;
    for (const [key, b] of this.backoff) {
      if (b.until > now) continue;
      this.backoff.delete(key);
      this.push({ ...b.entry, seq: this.seq++ });
      n++;
    }
    return n;
  }

  /** Pods unschedulable for longer than maxMs go back to active (podMaxInUnschedulablePodsDuration). */
  flushUnschedulableLeftover(now: number, maxMs: number): number {
    let n = 0;
    for (const [key, e] of this.unschedulable) {
      if (now - (e.unschedulableSince ?? now) < maxMs) continue;
      this.unschedulable.delete(key);
      this.push({ ...e, seq: this.seq++ });
      n++;
    }
    return n;
  }

  nextBackoffDue(): number | undefined {
    let min: number | undefined;
    for (const b of this.backoff.values()) if (min === undefined || b.until < min) min = b.until;
    return min;
  }

  forgetAttempts(key: string): void {
    this.attempts.delete(key);
  }

  private push(e: Entry): void {
    this.inActive.add(e.key);
    this.heap.push(e);
  }
}

function before(a: Entry, b: Entry): boolean {
  return a.priority > b.priority || (a.priority === b.priority && a.seq < b.seq);
}

export function keyOf(pod: PodObj): string {
  return `${pod.metadata!.namespace}/${pod.metadata!.name}`;
}
