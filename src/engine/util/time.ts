// Timestamps as the API writes them: RFC3339 UTC with second precision, MicroTime with microseconds.

let lastSecond = NaN;
let lastText = '';

export function rfc3339(ms: number): string {
  const sec = Math.floor(ms / 1000);
  if (sec !== lastSecond) {
    lastSecond = sec;
    lastText = new Date(sec * 1000).toISOString().replace('.000Z', 'Z');
  }
  return lastText;
}

export function microTime(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2025-01-02T03:04:05.123Z
  return iso.slice(0, 19) + '.' + iso.slice(20, 23) + '000Z';
}

/** Parses an RFC3339 timestamp to ms (NaN when invalid). */
export function parseTime(s: string | undefined | null): number {
  if (!s) return NaN;
  return Date.parse(s);
}
