// Container logs: lines with simulated timestamps, as `kubectl logs` (and --timestamps, -f) reads them.

export interface LogLine {
  time: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

/** Logs kept per container run, bounded like the kubelet's 10 MiB rotation (here by line count). */
const MAX_LINES = 5000;

export class LogBuffer {
  lines: LogLine[] = [];
  private partial: Record<'stdout' | 'stderr', string> = { stdout: '', stderr: '' };
  private followers = new Set<(l: LogLine) => void>();
  private enders = new Set<() => void>();
  /** The process ended: no more lines will come. */
  ended = false;
  dropped = 0;

  write(stream: 'stdout' | 'stderr', text: string, now: number): void {
    const buf = this.partial[stream] + text;
    const parts = buf.split('\n');
    this.partial[stream] = parts.pop()!;
    for (const p of parts) this.push({ time: now, stream, text: p });
  }

  /** Flushes a partial last line (the process ended). */
  close(now: number): void {
    for (const s of ['stdout', 'stderr'] as const) {
      if (this.partial[s]) {
        this.push({ time: now, stream: s, text: this.partial[s] });
        this.partial[s] = '';
      }
    }
  }

  private push(l: LogLine): void {
    this.lines.push(l);
    if (this.lines.length > MAX_LINES) {
      this.lines.splice(0, this.lines.length - MAX_LINES);
      this.dropped++;
    }
    for (const f of this.followers) f(l);
  }

  /** Delivers new lines to fn; onEnd runs when the process ends. Returns the unsubscribe function. */
  follow(fn: (l: LogLine) => void, onEnd?: () => void): () => void {
    if (this.ended) {
      onEnd?.();
      return () => {};
    }
    this.followers.add(fn);
    if (onEnd) this.enders.add(onEnd);
    return () => {
      this.followers.delete(fn);
      if (onEnd) this.enders.delete(onEnd);
    };
  }

  endFollowers(): void {
    this.ended = true;
    this.followers.clear();
    const enders = [...this.enders];
    this.enders.clear();
    for (const e of enders) e();
  }
}
