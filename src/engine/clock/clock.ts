// The simulated clock: a timer heap ordered by (due time, sequence). Engine code reads time only here.

export type TimerId = number;

interface Timer {
  id: TimerId;
  due: number;
  seq: number;
  fn: () => void;
}

/** A min-heap keyed by (due, seq): equal due times fire in the order they were scheduled. */
class TimerHeap {
  private items: Timer[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): Timer | undefined {
    return this.items[0];
  }

  push(t: Timer): void {
    const a = this.items;
    a.push(t);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(a[i], a[p])) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }

  pop(): Timer | undefined {
    const a = this.items;
    if (a.length === 0) return undefined;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && less(a[l], a[m])) m = l;
        if (r < a.length && less(a[r], a[m])) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
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
  private heap = new TimerHeap();
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
