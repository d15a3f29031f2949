// The simulated clock as the page shows it: the worker reports its state a few times a second; in
// between, the display runs on at the current speed so the seconds tick smoothly.

import type { ClockState } from '../../worker/protocol';

export function formatUptime(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`;
}

export class ClockModel {
  state = $state.raw<ClockState>({ now: 0, startedAt: 0, speed: 1, paused: true });
  /** Simulated now, advanced locally between reports. */
  now = $state(0);
  private receivedAt = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  update(s: ClockState): void {
    // Never run the display backwards because a report raced the local estimate.
    const estimate = this.estimate();
    this.state = s;
    this.receivedAt = performance.now();
    this.now = s.paused || s.now >= estimate || estimate - s.now > 5000 ? s.now : estimate;
    this.timer ??= setInterval(() => (this.now = Math.max(this.now, this.estimate())), 200);
  }

  private estimate(): number {
    const s = this.state;
    if (!s.now) return 0;
    if (s.paused) return s.now;
    // Cap the extrapolation: a busy engine may fall behind wall time × speed.
    return s.now + Math.min(performance.now() - this.receivedAt, 1000) * s.speed;
  }

  get uptime(): string {
    return formatUptime(this.now - this.state.startedAt);
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
