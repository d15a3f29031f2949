// The simulated clock: a timer heap ordered by (due time, sequence). Engine code reads time only here.

import { BinaryHeap } from '../util/heap';

export type TimerId = number;

interface Timer {
  id: TimerId;
  due: number;
  seq: number;
  fn: () => void;
}

function less(a: Timer, b: Timer): boolean {
  return a.due < b.due || (a.due === b.due && a.seq < b.seq);
}

export interface Clock {
  /** Milliseconds since the Unix epoch, simulated. */
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerId;
  clearTimeout(id: TimerId): void;
}

/**
 * A discrete-event clock. Nothing happens until someone calls advance(): in the page a wall-clock
 * driver does so at the chosen speed, headless the runner jumps straight to the next due timer.
 */
export class SimClock implements Clock {
  private current: number;
  private seq = 0;
  private nextId = 1;
  private heap = new BinaryHeap<Timer>(less);
  /** Cancelled ids are skipped when popped; cheaper than removing from the middle of the heap. */
  private live = new Set<TimerId>();
  private draining = false;

  constructor(startMs: number) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  setTimeout(fn: () => void, ms: number): TimerId {
    const id = this.nextId++;
    const due = this.current + Math.max(0, ms);
    this.heap.push({ id, due, seq: this.seq++, fn });
    this.live.add(id);
    return id;
  }

  clearTimeout(id: TimerId): void {
    this.live.delete(id);
  }

  /** Number of timers still scheduled. */
  pending(): number {
    return this.live.size;
  }

  /** Due time of the earliest live timer, if any. */
  nextDue(): number | undefined {
    for (;;) {
      const t = this.heap.peek();
      if (!t) return undefined;
      if (this.live.has(t.id)) return t.due;
      this.heap.pop();
    }
  }

  /** Moves time forward by ms, firing every timer due on the way (including ones scheduled meanwhile). */
  advance(ms: number): void {
    this.advanceTo(this.current + Math.max(0, ms));
  }

  advanceTo(target: number): void {
    if (this.draining) throw new Error('SimClock.advance called from inside a timer');
    this.draining = true;
    try {
      for (;;) {
        const t = this.heap.peek();
        if (!t || t.due > target) break;
        this.heap.pop();
        if (!this.live.delete(t.id)) continue;
        if (t.due > this.current) this.current = t.due;
        t.fn();
      }
      if (target > this.current) this.current = target;
    } finally {
      this.draining = false;
    }
  }

  /** Fires everything due now without moving time. */
  flush(): void {
    this.advanceTo(this.current);
  }

  /** Jumps to the next due timer (if it is not later than limit) and fires all timers due then. */
  step(limit = Infinity): boolean {
    const due = this.nextDue();
    if (due === undefined || due > limit) return false;
    this.advanceTo(due);
    return true;
  }
}
