// printf FORMAT [ARG]...: C conversions (%s %b %c %d %i %u %o %x %X %e %f %g %%), flags, width,
// precision and `*`, backslash escapes; the format is reused while arguments remain.

import type { CommandContext, CommandImpl } from '../types';
import { echoEscapes } from './echo';

const CONV = /%([-+ 0#]*)(\*|\d+)?(?:\.(\*|\d*))?([sbcdiuoxXeEfFgG%])/y;

/** Escapes in the format string itself (\n, \t, \\, \NNN octal, \xHH). */
function formatEscapes(s: string): string {
  return s.replace(/\\([\\"abfnrtv]|[0-7]{1,3}|x[0-9a-fA-F]{1,2})/g, (_m, e: string) => {
    const simple: Record<string, string> = { '\\': '\\', '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
    if (e in simple) return simple[e];
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    return String.fromCharCode(parseInt(e, 8) & 0xff);
  });
}

class Printer {
  errors = 0;
  constructor(private readonly ctx: CommandContext) {}

  async invalid(arg: string): Promise<void> {
    this.errors++;
    // printf is a shell builtin in both shells, so the shell's name prefixes its messages.
    if (this.ctx.flavor === 'busybox') await this.ctx.io.stderr.write(`sh: invalid number '${arg}'\n`);
    else await this.ctx.io.stderr.write(`bash: printf: ${arg}: invalid number\n`);
  }

  async integer(arg: string | undefined): Promise<bigint> {
    if (arg === undefined || arg === '') return 0n;
    if (/^['"]/.test(arg)) return BigInt(arg.codePointAt(1) ?? 0);
    const m = /^\s*([-+]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(arg);
    if (!m) {
      await this.invalid(arg);
      return 0n;
    }
    const v = BigInt(m[2].length > 1 && m[2][0] === '0' && !/[xX]/.test(m[2]) ? '0o' + m[2].slice(1) : m[2]) * (m[1] === '-' ? -1n : 1n);
    if (m[0].length !== arg.length) {
      await this.invalid(arg);
      return this.ctx.flavor === 'busybox' ? 0n : v;
    }
    return v;
  }

  async float(arg: string | undefined): Promise<number> {
    if (arg === undefined || arg === '') return 0;
    const v = Number(arg);
    if (Number.isNaN(v)) {
      await this.invalid(arg);
      const m = /^\s*[-+]?\d*\.?\d+(e[-+]?\d+)?/i.exec(arg);
      return m ? Number(m[0]) : 0;
    }
    return v;
  }
}

function pad(s: string, flags: string, width: number, numeric: boolean): string {
  if (s.length >= width) return s;
  if (flags.includes('-')) return s.padEnd(width);
  if (numeric && flags.includes('0')) {
    const sign = /^[-+ ]/.test(s) ? s[0] : '';
    return sign + s.slice(sign.length).padStart(width - sign.length, '0');
  }
  return s.padStart(width);
}

/** toFixed with C's rounding: exact ties go to the even digit (printf '%.1f' 2.25 → 2.2). */
function fixed(v: number, prec: number): string {
  const s = v.toFixed(prec);
  const more = Math.abs(v).toFixed(Math.min(100, prec + 40));
  const tail = more.slice(more.indexOf('.') + 1 + prec);
  if (!/^50*$/.test(tail)) return s;
  const down = (Math.sign(v) * (Math.abs(Number(more.slice(0, more.length - tail.length))))).toFixed(prec);
  const lastDigit = Number(down.replace(/\D/g, '').slice(-1));
  return lastDigit % 2 === 0 ? down : s;
}

function cFloat(v: number, conv: string, prec: number, flags: string): string {
  let s: string;
  const lower = conv.toLowerCase();
  if (!Number.isFinite(v)) s = Number.isNaN(v) ? 'nan' : v < 0 ? '-inf' : 'inf';
  else if (lower === 'f') s = fixed(v, prec);
  else if (lower === 'e') s = v.toExponential(prec).replace(/e([+-])(\d)$/, 'e$10$2');
  else {
    const p = prec === 0 ? 1 : prec;
    const exp = v === 0 ? 0 : Math.floor(Math.log10(Math.abs(v)));
    if (exp < -4 || exp >= p) s = v.toExponential(p - 1).replace(/\.?0+e/, 'e').replace(/e([+-])(\d)$/, 'e$10$2');
    else s = flags.includes('#') ? v.toFixed(Math.max(0, p - 1 - exp)) : String(Number(v.toFixed(Math.max(0, p - 1 - exp))));
  }
  if (conv === conv.toUpperCase()) s = s.toUpperCase();
  if (v >= 0 && flags.includes('+')) s = '+' + s;
  else if (v >= 0 && flags.includes(' ')) s = ' ' + s;
  return s;
}

export const printf: CommandImpl = async (argv, ctx) => {
  const args = argv.slice(1);
  if (args[0] === '--') args.shift();
  if (!args.length) {
    await ctx.io.stderr.write(ctx.flavor === 'busybox' ? 'sh: usage: printf FORMAT [ARGUMENT...]\n' : 'printf: usage: printf [-v var] format [arguments]\n');
    return 2;
  }
  const format = formatEscapes(args[0]);
  const values = args.slice(1);
  const p = new Printer(ctx);
  let out = '';
  let ai = 0;
  for (;;) {
    let consumed = false;
    let stop = false;
    let i = 0;
    while (i < format.length) {
      const pct = format.indexOf('%', i);
      if (pct < 0) {
        out += format.slice(i);
        break;
      }
      out += format.slice(i, pct);
      CONV.lastIndex = pct;
      const m = CONV.exec(format);
      if (!m) {
        out += '%';
        i = pct + 1;
        continue;
      }
      i = CONV.lastIndex;
      const [, flags, w, pr, conv] = m;
      if (conv === '%') {
        out += '%';
        continue;
      }
      const next = (): string | undefined => {
        consumed = true;
        return values[ai++];
      };
      const width = w === '*' ? Number(await p.integer(next())) : Number(w ?? 0);
      const precStr = pr === '*' ? String(await p.integer(next())) : pr;
      const prec = precStr === undefined ? -1 : Number(precStr || 0);
      const arg = next();
      switch (conv) {
        case 's': {
          const s = arg ?? '';
          out += pad(prec >= 0 ? s.slice(0, prec) : s, flags, width, false);
          break;
        }
        case 'b': {
          const r = echoEscapes(arg ?? '');
          out += pad(r.text, flags, width, false);
          if (r.stop) stop = true;
          break;
        }
        case 'c':
          out += pad((arg ?? '').slice(0, 1), flags, width, false);
          break;
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': {
          let v = await p.integer(arg);
          if (conv === 'u' && v < 0n) v += 1n << 64n;
          let s: string;
          if (conv === 'o') s = (flags.includes('#') && v !== 0n ? '0' : '') + v.toString(8);
          else if (conv === 'x' || conv === 'X') {
            if (v < 0n) v += 1n << 64n;
            s = (flags.includes('#') && v !== 0n ? '0x' : '') + v.toString(16);
            if (conv === 'X') s = s.toUpperCase();
          } else {
            s = (v < 0n ? -v : v).toString();
            if (prec >= 0) s = s.padStart(prec, '0');
            s = (v < 0n ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + s;
          }
          out += pad(s, prec >= 0 ? flags.replace('0', '') : flags, width, true);
          break;
        }
        default:
          out += pad(cFloat(await p.float(arg), conv, prec < 0 ? 6 : prec, flags), flags, width, true);
      }
      if (stop) break;
    }
    if (stop || !consumed || ai >= values.length) break;
  }
  await ctx.io.stdout.write(out);
  return p.errors ? 1 : 0;
};
