// date: the simulated now() in UTC, default `Mon Jan  2 15:04:05 UTC 2006`, +FORMAT (strftime),
// -u, -d/--date (@epoch or an ISO-like date), -I[spec], -R.

import type { CommandImpl } from '../types';
import { getopt, isOptError, optionError, q } from './getopt';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const p2 = (n: number): string => String(n).padStart(2, '0');

function dayOfYear(d: Date): number {
  return Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
}

/** ISO 8601 week number and week-based year. */
function isoWeek(d: Date): { week: number; year: number } {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const y = t.getUTCFullYear();
  return { week: Math.ceil(((t.getTime() - Date.UTC(y, 0, 1)) / 86_400_000 + 1) / 7), year: y };
}

/** strftime for UTC. */
export function strftime(fmt: string, ms: number): string {
  const d = new Date(ms);
  const Y = d.getUTCFullYear();
  const mo = d.getUTCMonth();
  const day = d.getUTCDate();
  const H = d.getUTCHours();
  const M = d.getUTCMinutes();
  const S = d.getUTCSeconds();
  const wd = d.getUTCDay();
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c !== '%' || i + 1 >= fmt.length) {
      out += c;
      continue;
    }
    let f = fmt[++i];
    if (f === ':' && fmt[i + 1] === 'z') {
      out += '+00:00';
      i++;
      continue;
    }
    let noPad = false;
    if (f === '-') {
      noPad = true;
      f = fmt[++i];
    }
    const num = (n: number, w = 2, padc = '0'): string => (noPad ? String(n) : String(n).padStart(w, padc));
    switch (f) {
      case 'Y': out += Y; break;
      case 'C': out += num(Math.floor(Y / 100)); break;
      case 'y': out += num(Y % 100); break;
      case 'm': out += num(mo + 1); break;
      case 'd': out += num(day); break;
      case 'e': out += num(day, 2, ' '); break;
      case 'H': out += num(H); break;
      case 'k': out += num(H, 2, ' '); break;
      case 'I': out += num(H % 12 || 12); break;
      case 'l': out += num(H % 12 || 12, 2, ' '); break;
      case 'M': out += num(M); break;
      case 'S': out += num(S); break;
      case 'N': out += String((ms % 1000) * 1_000_000).padStart(9, '0'); break;
      case 'p': out += H < 12 ? 'AM' : 'PM'; break;
      case 'P': out += H < 12 ? 'am' : 'pm'; break;
      case 'a': out += DAYS[wd].slice(0, 3); break;
      case 'A': out += DAYS[wd]; break;
      case 'b': case 'h': out += MONTHS[mo].slice(0, 3); break;
      case 'B': out += MONTHS[mo]; break;
      case 'j': out += num(dayOfYear(d), 3); break;
      case 'u': out += wd || 7; break;
      case 'w': out += wd; break;
      case 'U': out += num(Math.floor((dayOfYear(d) + 6 - wd) / 7)); break;
      case 'W': out += num(Math.floor((dayOfYear(d) + 6 - ((wd + 6) % 7)) / 7)); break;
      case 'V': out += num(isoWeek(d).week); break;
      case 'G': out += isoWeek(d).year; break;
      case 's': out += Math.floor(ms / 1000); break;
      case 'Z': out += 'UTC'; break;
      case 'z': out += '+0000'; break;
      case 'D': out += `${p2(mo + 1)}/${p2(day)}/${p2(Y % 100)}`; break;
      case 'F': out += `${Y}-${p2(mo + 1)}-${p2(day)}`; break;
      case 'T': out += `${p2(H)}:${p2(M)}:${p2(S)}`; break;
      case 'R': out += `${p2(H)}:${p2(M)}`; break;
      case 'r': out += `${p2(H % 12 || 12)}:${p2(M)}:${p2(S)} ${H < 12 ? 'AM' : 'PM'}`; break;
      case 'c': out += strftime('%a %b %e %H:%M:%S %Y', ms); break;
      case 'x': out += strftime('%m/%d/%y', ms); break;
      case 'X': out += strftime('%H:%M:%S', ms); break;
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case '%': out += '%'; break;
      default: out += '%' + f;
    }
  }
  return out;
}

/** `@SECONDS`, `YYYY-MM-DD[ T]HH:MM[:SS][Z]`, `YYYY-MM-DD`, or `now`. */
function parseDate(s: string, now: number): number | null {
  const t = s.trim();
  if (t === '' || t === 'now') return now;
  if (t.startsWith('@')) {
    const n = Number(t.slice(1));
    return Number.isFinite(n) ? n * 1000 : null;
  }
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(Z|UTC)?$/.exec(t);
  if (!m) return null;
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
}

export const date: CommandImpl = async (argv, ctx) => {
  const p = getopt(argv.slice(1), {
    short: 'ud:I::Rr:',
    long: { utc: 'u', universal: 'u', 'date=': 'd', 'iso-8601?': 'I', 'rfc-2822': 'R', 'rfc-email': 'R', 'reference=': 'r' },
  });
  if (isOptError(p)) return optionError(ctx, 'date', p);
  let when = ctx.now();
  let format = '%a %b %e %H:%M:%S %Z %Y';
  for (const [k, v] of p.opts) {
    if (k === 'd') {
      const t = parseDate(v, ctx.now());
      if (t === null) {
        await ctx.io.stderr.write(`date: invalid date ${q(ctx, v)}\n`);
        return 1;
      }
      when = t;
    } else if (k === 'r') {
      const st = ctx.fs.stat(ctx.resolve(v));
      if (!st) {
        await ctx.io.stderr.write(`date: ${v}: No such file or directory\n`);
        return 1;
      }
      when = st.mtime;
    } else if (k === 'I') format = v.startsWith('s') ? '%Y-%m-%dT%H:%M:%S%:z' : v.startsWith('m') ? '%Y-%m-%dT%H:%M%:z' : v.startsWith('h') ? '%Y-%m-%dT%H%:z' : '%Y-%m-%d';
    else if (k === 'R') format = '%a, %d %b %Y %H:%M:%S %z';
  }
  for (const op of p.operands) {
    if (op.startsWith('+')) format = op.slice(1);
    else {
      await ctx.io.stderr.write(`date: invalid date ${q(ctx, op)}\n`);
      return 1;
    }
  }
  await ctx.io.stdout.write(strftime(format, when) + '\n');
  return 0;
};
