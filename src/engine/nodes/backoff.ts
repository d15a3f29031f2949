// The kubelet's per-container backoff (CrashLoopBackOff and image pulls): 10 s doubling to 300 s,
// forgotten after 600 s without an update.
// mirrors: client-go/util/flowcontrol/backoff.go as the kubelet configures it

export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;

interface Entry {
  delay: number;
  lastUpdate: number;
}

export class Backoff {
  private entries = new Map<string, Entry>();

  constructor(
    private readonly initial = BACKOFF_INITIAL_MS,
    private readonly max = BACKOFF_MAX_MS,
  ) {}

  /** Records a failure observed at eventTime, deciding at now: first sets the initial delay, later ones double. */
  next(key: string, eventTime: number, now: number): number {
    const e = this.entries.get(key);
    if (!e || eventTime - e.lastUpdate > 2 * this.max) {
      this.entries.set(key, { delay: this.initial, lastUpdate: now });
      return this.initial;
    }
    e.delay = Math.min(e.delay * 2, this.max);
    e.lastUpdate = now;
    return e.delay;
  }

  /** IsInBackOffSince: less than the current delay has passed since eventTime (a container's finish). */
  inBackoffSince(key: string, eventTime: number, now: number): boolean {
    const e = this.entries.get(key);
    if (!e || eventTime - e.lastUpdate > 2 * this.max) return false;
    return now - eventTime < e.delay;
  }

  /** IsInBackOffSinceUpdate: less than the current delay has passed since the last failure was recorded. */
  inBackoffSinceUpdate(key: string, now: number): boolean {
    const e = this.entries.get(key);
    if (!e || now - e.lastUpdate > 2 * this.max) return false;
    return now - e.lastUpdate < e.delay;
  }

  delay(key: string): number | undefined {
    return this.entries.get(key)?.delay;
  }

  /** When a key backing off since its last update may retry. */
  readyAt(key: string): number | undefined {
    const e = this.entries.get(key);
    return e ? e.lastUpdate + e.delay : undefined;
  }

  reset(key: string): void {
    this.entries.delete(key);
  }

  clearPrefix(prefix: string): void {
    for (const k of this.entries.keys()) if (k.startsWith(prefix)) this.entries.delete(k);
  }
}

/** Go's time.Duration String for whole seconds (`10s`, `5m0s`) as in the back-off message. */
export function goDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${s % 60}s`;
  return `${Math.floor(m / 60)}h${m % 60}m${s % 60}s`;
}

/** Go's Duration String with millisecond precision: 512ms, 3.215s, 1m2.5s. */
export function goDurationMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${trim((ms / 1000).toFixed(3))}s`;
  const m = Math.floor(ms / 60_000);
  return `${m}m${trim(((ms - m * 60_000) / 1000).toFixed(3))}s`;
}

function trim(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}
