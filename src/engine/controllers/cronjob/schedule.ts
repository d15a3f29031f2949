// Cron schedules as the CronJob controller evaluates them (robfig/cron v3 ParseStandard): five fields with
// ranges, steps, lists and month/day names, `@hourly`-style descriptors, `@every <duration>`, an optional
// `TZ=`/`CRON_TZ=` prefix; Next() finds the first matching second after a time in the schedule's zone.
// mirrors: github.com/robfig/cron/v3 parser.go (getRange, parseDescriptor), spec.go (SpecSchedule.Next,
//          dayMatches), constantdelay.go

import { cronScheduleError } from '../../registry/validation/cron';
import { fromWall, toWall } from './timezone';

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MINUTES: Bounds = { min: 0, max: 59 };
const HOURS: Bounds = { min: 0, max: 23 };
const DOM: Bounds = { min: 1, max: 31 };
const MONTHS: Bounds = { min: 1, max: 12, names: { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 } };
const DOW: Bounds = { min: 0, max: 6, names: { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } };

/** One field: which values match, and whether it was `*`/`?` (matters for day-of-month vs day-of-week). */
interface Field {
  bits: boolean[];
  star: boolean;
}

export interface Schedule {
  /** The next activation strictly after `ms`, or undefined when none within five years. */
  next(ms: number): number | undefined;
  /** The zone the fields are read in (undefined: UTC, the controller-manager's zone). */
  readonly location?: string;
}

class ScheduleError extends Error {}

function parseInt10(s: string, names?: Record<string, number>): number {
  const named = names?.[s.toLowerCase()];
  if (named !== undefined) return named;
  if (!/^[+-]?\d+$/.test(s)) throw new ScheduleError(s);
  return Number(s);
}

function parseField(expr: string, b: Bounds): Field {
  const f: Field = { bits: new Array(b.max + 1).fill(false), star: false };
  for (const part of expr.split(',')) {
    if (part === '') continue;
    const [range, stepText] = part.split('/');
    const lowHigh = range.split('-');
    let start: number;
    let end: number;
    let star = false;
    if (lowHigh[0] === '*' || lowHigh[0] === '?') {
      start = b.min;
      end = b.max;
      star = true;
    } else {
      start = parseInt10(lowHigh[0], b.names);
      end = lowHigh.length > 1 ? parseInt10(lowHigh[1], b.names) : start;
    }
    let step = 1;
    if (stepText !== undefined) {
      step = parseInt10(stepText);
      // "N/step" means "N-max/step".
      if (lowHigh.length === 1) end = b.max;
      if (step > 1) star = false;
    }
    if (start < b.min || end > b.max || start > end || step <= 0) throw new ScheduleError(part);
    for (let v = start; v <= end; v += step) f.bits[v] = true;
    if (star) f.star = true;
  }
  return f;
}

function all(b: Bounds, star: boolean): Field {
  const f: Field = { bits: new Array(b.max + 1).fill(false), star };
  for (let v = b.min; v <= b.max; v++) f.bits[v] = true;
  return f;
}

function only(b: Bounds, v: number): Field {
  const f: Field = { bits: new Array(b.max + 1).fill(false), star: false };
  f.bits[v] = true;
  return f;
}

interface Spec {
  minute: Field;
  hour: Field;
  dom: Field;
  month: Field;
  dow: Field;
}

const DESCRIPTORS: Record<string, () => Spec> = {
  '@yearly': () => ({ minute: only(MINUTES, 0), hour: only(HOURS, 0), dom: only(DOM, 1), month: only(MONTHS, 1), dow: all(DOW, true) }),
  '@annually': () => DESCRIPTORS['@yearly'](),
  '@monthly': () => ({ minute: only(MINUTES, 0), hour: only(HOURS, 0), dom: only(DOM, 1), month: all(MONTHS, true), dow: all(DOW, true) }),
  '@weekly': () => ({ minute: only(MINUTES, 0), hour: only(HOURS, 0), dom: all(DOM, true), month: all(MONTHS, true), dow: only(DOW, 0) }),
  '@daily': () => ({ minute: only(MINUTES, 0), hour: only(HOURS, 0), dom: all(DOM, true), month: all(MONTHS, true), dow: all(DOW, true) }),
  '@midnight': () => DESCRIPTORS['@daily'](),
  '@hourly': () => ({ minute: only(MINUTES, 0), hour: all(HOURS, true), dom: all(DOM, true), month: all(MONTHS, true), dow: all(DOW, true) }),
};

const DURATION_UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** time.ParseDuration, in ms. */
function parseGoDuration(s: string): number {
  let rest = s;
  let sign = 1;
  if (rest[0] === '-' || rest[0] === '+') {
    if (rest[0] === '-') sign = -1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  let total = 0;
  const re = /^(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/;
  if (!rest) throw new ScheduleError(s);
  while (rest) {
    const m = re.exec(rest);
    if (!m) throw new ScheduleError(s);
    total += Number(m[1]) * DURATION_UNITS[m[2]];
    rest = rest.slice(m[0].length);
  }
  return sign * total;
}

function dayMatches(s: Spec, wall: Date): boolean {
  const domMatch = s.dom.bits[wall.getUTCDate()];
  const dowMatch = s.dow.bits[wall.getUTCDay()];
  if (s.dom.star || s.dow.star) return domMatch && dowMatch;
  return domMatch || dowMatch;
}

/** SpecSchedule.Next on wall-clock time (UTC fields of `wall`); undefined past the five-year search limit. */
function nextWall(s: Spec, wallStart: number): number | undefined {
  // The upcoming whole second.
  let t = wallStart + 1000 - (((wallStart % 1000) + 1000) % 1000);
  let added = false;
  const d = (): Date => new Date(t);
  const yearLimit = d().getUTCFullYear() + 5;
  wrap: for (;;) {
    if (d().getUTCFullYear() > yearLimit) return undefined;
    while (!s.month.bits[d().getUTCMonth() + 1]) {
      const x = d();
      if (!added) {
        added = true;
        t = Date.UTC(x.getUTCFullYear(), x.getUTCMonth(), 1);
      }
      const y = d();
      t = Date.UTC(y.getUTCFullYear(), y.getUTCMonth() + 1, y.getUTCDate(), y.getUTCHours(), y.getUTCMinutes(), y.getUTCSeconds());
      if (d().getUTCMonth() === 0) continue wrap;
    }
    while (!dayMatches(s, d())) {
      const x = d();
      if (!added) {
        added = true;
        t = Date.UTC(x.getUTCFullYear(), x.getUTCMonth(), x.getUTCDate());
      }
      t += 86_400_000;
      if (d().getUTCDate() === 1) continue wrap;
    }
    while (!s.hour.bits[d().getUTCHours()]) {
      if (!added) {
        added = true;
        t -= t % 3_600_000;
      }
      t += 3_600_000;
      if (d().getUTCHours() === 0) continue wrap;
    }
    while (!s.minute.bits[d().getUTCMinutes()]) {
      if (!added) {
        added = true;
        t -= t % 60_000;
      }
      t += 60_000;
      if (d().getUTCMinutes() === 0) continue wrap;
    }
    // Seconds: only :00 matches in the standard five-field form.
    while (d().getUTCSeconds() !== 0) {
      if (!added) {
        added = true;
        t -= t % 1000;
      }
      t += 1000;
      if (d().getUTCSeconds() === 0) continue wrap;
    }
    return t;
  }
}

class SpecSchedule implements Schedule {
  constructor(
    private readonly spec: Spec,
    readonly location?: string,
  ) {}

  next(ms: number): number | undefined {
    let wall = toWall(ms, this.location);
    // Wall times that do not exist (DST gaps) or that map back before `ms` (DST overlaps) are skipped.
    for (let guard = 0; guard < 1000; guard++) {
      const w = nextWall(this.spec, wall);
      if (w === undefined) return undefined;
      const at = fromWall(w, this.location);
      if (toWall(at, this.location) === w && at > ms) return at;
      wall = w;
    }
    return undefined;
  }
}

class ConstantDelaySchedule implements Schedule {
  constructor(private readonly delayMs: number) {}

  next(ms: number): number {
    return ms + this.delayMs - (((ms % 1000) + 1000) % 1000);
  }
}

/** cron.ParseStandard; throws an Error with robfig's message when the spec does not parse. */
export function parseSchedule(text: string): Schedule {
  const fail = (): never => {
    throw new Error(cronScheduleError(text) ?? `invalid schedule ${JSON.stringify(text)}`);
  };
  let spec = text;
  let location: string | undefined;
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const sp = spec.indexOf(' ');
    const eq = spec.indexOf('=');
    location = sp < 0 ? spec.slice(eq + 1) : spec.slice(eq + 1, sp);
    spec = sp < 0 ? '' : spec.slice(sp).trim();
  }
  try {
    if (spec.startsWith('@every ')) {
      const ms = parseGoDuration(spec.slice('@every '.length));
      // Every(): at least one second, whole seconds only.
      return new ConstantDelaySchedule(Math.max(1000, ms - (ms % 1000)));
    }
    if (spec.startsWith('@')) {
      const d = DESCRIPTORS[spec];
      if (!d) return fail();
      return new SpecSchedule(d(), location);
    }
    const fields = spec.split(/\s+/).filter((f) => f !== '');
    if (fields.length !== 5) return fail();
    return new SpecSchedule(
      { minute: parseField(fields[0], MINUTES), hour: parseField(fields[1], HOURS), dom: parseField(fields[2], DOM), month: parseField(fields[3], MONTHS), dow: parseField(fields[4], DOW) },
      location,
    );
  } catch (e) {
    if (e instanceof ScheduleError) return fail();
    throw e;
  }
}
