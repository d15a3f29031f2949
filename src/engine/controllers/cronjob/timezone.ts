// Wall-clock time in an IANA time zone for the CronJob schedule: instants to local wall time (as a UTC-based
// number of ms) and back, Go's time.LoadLocation check, and RFC3339 with the zone's offset. Uses the
// ECMAScript Intl time zone data; UTC needs none.

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatter(tz: string): Intl.DateTimeFormat | null {
  let f = formatters.get(tz);
  if (f !== undefined) return f;
  try {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    f = null;
  }
  formatters.set(tz, f);
  return f;
}

function isUTC(tz: string | undefined): boolean {
  return !tz || tz === 'UTC';
}

/**
 * time.LoadLocation: "" and "UTC" are UTC; "Local" is the controller-manager's zone (UTC here); otherwise an
 * IANA name, case as published. Returns the Go error text for unknown names.
 */
export function loadLocationError(tz: string): string | undefined {
  if (isUTC(tz) || tz === 'Local') return undefined;
  const f = formatter(tz);
  if (!f) return `unknown time zone ${tz}`;
  // Intl accepts any letter case; the zoneinfo files Go reads do not (aliases resolve to other names).
  const resolved = f.resolvedOptions().timeZone;
  if (resolved.toLowerCase() === tz.toLowerCase() ? resolved !== tz : tz === tz.toLowerCase()) return `unknown time zone ${tz}`;
  return undefined;
}

/** The local wall time at an instant, encoded as the UTC ms with the same calendar fields. */
export function toWall(ms: number, tz: string | undefined): number {
  if (isUTC(tz) || tz === 'Local') return ms;
  const f = formatter(tz!);
  if (!f) return ms;
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(ms)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const sub = ((ms % 1000) + 1000) % 1000;
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) + sub;
}

/** The instant whose wall time is `wall`; in a DST gap the result's wall time differs (callers check). */
export function fromWall(wall: number, tz: string | undefined): number {
  if (isUTC(tz) || tz === 'Local') return wall;
  const o1 = toWall(wall, tz) - wall;
  const t1 = wall - o1;
  const o2 = toWall(t1, tz) - t1;
  if (o1 === o2) return t1;
  const t2 = wall - o2;
  return toWall(t2, tz) === wall ? t2 : t1;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** time.Format(time.RFC3339) of the instant in the zone: `2025-01-01T01:00:00+01:00`, `Z` for offset 0. */
export function rfc3339InZone(ms: number, tz: string | undefined): string {
  const wall = toWall(ms, tz);
  const d = new Date(Math.floor(wall / 1000) * 1000);
  const base = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const offMin = Math.round((wall - ms) / 60000);
  if (offMin === 0) return `${base}Z`;
  const sign = offMin < 0 ? '-' : '+';
  const a = Math.abs(offMin);
  return `${base}${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** time.RFC1123Z in UTC: `Wed, 01 Jan 2025 00:01:00 +0000`. */
export function rfc1123zUTC(ms: number): string {
  const d = new Date(Math.floor(ms / 1000) * 1000);
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}
