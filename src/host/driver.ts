// Moves simulated time along with wall time (times a speed) for live hosts: the page's worker and
// `kubeplay serve`. The engine never reads the wall clock; this is the one place that does.

export interface Advanceable {
  advance(ms: number): Promise<void>;
}

export class WallClockDriver {
  private timer?: ReturnType<typeof setTimeout>;
  private last = 0;
  private running = false;
  private busy = false;
  private carry = 0;
  speed: number;

  constructor(
    private readonly target: Advanceable,
    opts: { speed?: number; tickMs?: number } = {},
    private readonly tickMs = opts.tickMs ?? 25,
  ) {
    this.speed = opts.speed ?? 1;
  }

  get paused(): boolean {
    return !this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.last = performance.now();
    this.schedule();
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  setSpeed(speed: number): void {
    this.speed = speed;
  }

  /** Advances by a fixed amount of simulated time now (the page's step button). */
  async step(ms: number): Promise<void> {
    await this.target.advance(ms);
  }

  private schedule(): void {
    this.timer = setTimeout(() => void this.tick(), this.tickMs);
  }

  private async tick(): Promise<void> {
    if (!this.running) return;
    const now = performance.now();
    const elapsed = now - this.last;
    this.last = now;
    // The engine's clock counts whole milliseconds; the fraction is carried to the next tick. Time that
    // passes while the engine is still busy is dropped: under load the simulation slows, it never bursts.
    if (!this.busy) this.carry += elapsed * this.speed;
    const whole = Math.floor(this.carry);
    if (!this.busy && whole > 0) {
      this.carry -= whole;
      this.busy = true;
      try {
        await this.target.advance(whole);
      } finally {
        this.busy = false;
      }
    }
    if (this.running) this.schedule();
  }
}
