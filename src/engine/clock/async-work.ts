// Keeps simulated time honest for async code (container shells): a timer that resumes a suspended script
// counts as pending work until the script reaches its next suspension point, and the driver lets that
// work settle (microtasks) before it fires the next timer.

import type { SimClock } from './clock';

export class AsyncWork {
  pending = 0;

  /** Called by a timer that resumes suspended async code. */
  resume(fn: () => void): void {
    this.pending++;
    fn();
  }

  /** Called when resumed async code suspends again (next sleep) or finishes. */
  suspended(): void {
    if (this.pending > 0) this.pending--;
  }

  /** A sleep on the simulated clock for async code; pairs resume/suspend correctly. */
  sleep(clock: SimClock, ms: number, onTimer?: (id: number) => void): Promise<void> {
    this.suspended();
    return new Promise((resolve) => {
      const id = clock.setTimeout(() => this.resume(resolve), ms);
      onTimer?.(id);
    });
  }

  /** Lets resumed async code run up to its next suspension (bounded, in case of a bug). */
  async settle(): Promise<void> {
    for (let i = 0; i < 100_000 && this.pending > 0; i++) await Promise.resolve();
  }
}

/** Advances the clock timer by timer, letting async work settle after each instant. */
export async function advanceAsync(clock: SimClock, work: AsyncWork, ms: number): Promise<void> {
  const target = clock.now() + Math.max(0, ms);
  await work.settle();
  for (;;) {
    const due = clock.nextDue();
    if (due === undefined || due > target) break;
    clock.advanceTo(due);
    await work.settle();
  }
  clock.advanceTo(target);
  await work.settle();
}

/** Advances until cond() holds or limitMs passes; returns whether cond held. */
export async function advanceUntil(clock: SimClock, work: AsyncWork, cond: () => boolean, limitMs: number): Promise<boolean> {
  const target = clock.now() + limitMs;
  await work.settle();
  while (!cond()) {
    const due = clock.nextDue();
    if (due === undefined || due > target) {
      clock.advanceTo(target);
      await work.settle();
      return cond();
    }
    clock.advanceTo(due);
    await work.settle();
  }
  return true;
}
