// A work queue of keys, deduplicated, processed on the simulated clock; failed keys come back with
// per-key exponential backoff (5 ms doubling to 1000 s, like client-go's default controller rate limiter).
// mirrors: client-go/util/workqueue

import type { Clock } from '../clock/clock';

export class WorkQueue {
  private queue: string[] = [];
  private head = 0;
  private queued = new Set<string>();
  private scheduled = false;
  private failures = new Map<string, number>();
  private delayed = new Map<string, { due: number; timer: number }>();
  paused = false;

  constructor(
    private readonly clock: Clock,
    private readonly process: (key: string) => void,
    /** Reports keys whose processing threw (the error is swallowed, the key retried). */
    private readonly onError?: (key: string, err: unknown) => void,
  ) {}

  add(key: string): void {
    if (this.queued.has(key)) return;
    this.queued.add(key);
    this.queue.push(key);
    this.schedule();
  }

  /** Adds the key after ms (the earliest pending request wins). */
  addAfter(key: string, ms: number): void {
    if (ms <= 0) return this.add(key);
    const due = this.clock.now() + ms;
    const cur = this.delayed.get(key);
    if (cur && cur.due <= due) return;
    if (cur) this.clock.clearTimeout(cur.timer);
    const timer = this.clock.setTimeout(() => {
      this.delayed.delete(key);
      this.add(key);
    }, ms);
    this.delayed.set(key, { due, timer });
  }

  /** Retry with backoff after a failure. */
  addRateLimited(key: string): void {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    this.addAfter(key, Math.min(5 * 2 ** n, 1_000_000));
  }

  forget(key: string): void {
    this.failures.delete(key);
  }

  get length(): number {
    return this.queue.length - this.head;
  }

  /** Resumes processing (after a stopped controller-manager starts again). */
  resume(): void {
    this.paused = false;
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.paused) return;
    this.scheduled = true;
    this.clock.setTimeout(() => this.drain(), 0);
  }

  private drain(): void {
    this.scheduled = false;
    // Keys added while draining are processed in the same pass (same instant), in order.
    while (this.head < this.queue.length && !this.paused) {
      const key = this.queue[this.head++];
      this.queued.delete(key);
      try {
        this.process(key);
      } catch (e) {
        this.onError?.(key, e);
        this.addRateLimited(key);
      }
    }
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }
}
