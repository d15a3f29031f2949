// Page-side figures for `?bench=` (issue 9): frames per second of the page while the cluster converges,
// and keystroke echo latency (key event → xterm rendered the echo). Exposed on window.__kubeplayBench
// for scripts/bench-page.mjs.

export interface PageFigures {
  fps: number;
  /** Frames slower than 50 ms in the last second. */
  longFrames: number;
  keyLatencyMs: { count: number; p50: number; p95: number; max: number };
}

class KeyLatency {
  private pending: number[] = [];
  private samples: number[] = [];

  /** `at`: the key event's timeStamp (same clock as performance.now()). */
  keystroke(at = performance.now()): void {
    this.pending.push(at);
    if (this.pending.length > 64) this.pending.shift();
  }

  rendered(): void {
    if (!this.pending.length) return;
    const now = performance.now();
    for (const t of this.pending) this.samples.push(now - t);
    this.pending = [];
    if (this.samples.length > 2000) this.samples.splice(0, this.samples.length - 2000);
  }

  figures(): PageFigures['keyLatencyMs'] {
    const s = [...this.samples].sort((a, b) => a - b);
    const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : 0);
    return { count: s.length, p50: at(0.5), p95: at(0.95), max: s.length ? s[s.length - 1] : 0 };
  }

  reset(): void {
    this.samples = [];
    this.pending = [];
  }
}

export const keyLatency = new KeyLatency();

/** Counts animation frames; fps over the last full second. */
export function startFrameMeter(onSecond: (fps: number, longFrames: number) => void): () => void {
  let frames = 0;
  let long = 0;
  let last = performance.now();
  let windowStart = last;
  let raf = 0;
  const tick = (t: number) => {
    frames++;
    if (t - last > 50) long++;
    last = t;
    if (t - windowStart >= 1000) {
      onSecond((frames * 1000) / (t - windowStart), long);
      frames = 0;
      long = 0;
      windowStart = t;
    }
    raf = requestAnimationFrame(tick);
  };
  raf = requestAnimationFrame(tick);
  return () => cancelAnimationFrame(raf);
}
