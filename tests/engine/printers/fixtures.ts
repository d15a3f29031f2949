// Shared time helpers for the printer tests: a fixed simulated "now" and timestamps relative to it.

export const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** RFC3339 timestamp `ms` before NOW (negative = in the future). */
export function ago(ms: number): string {
  return new Date(NOW - ms).toISOString().replace('.000Z', 'Z');
}

export const s = (n: number) => n * SECOND;
export const m = (n: number) => n * MINUTE;
export const h = (n: number) => n * HOUR;
export const d = (n: number) => n * DAY;
