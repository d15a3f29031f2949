// cut (-d -f -c -b -s --complement --output-delimiter) and tr (sets with ranges, escapes and
// [:classes:], -d, -s, -c).

import type { CommandContext, CommandImpl } from '../types';
import { getopt, isOptError, optionError, q, usageError } from './getopt';
import { eachInput } from './io';

type Range = [number, number];

async function parseList(ctx: CommandContext, spec: string, what: string): Promise<Range[] | number> {
  const out: Range[] = [];
  for (const part of spec.split(/[,\s]/)) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || part === '' || part === '-') {
      if (ctx.flavor === 'busybox') await ctx.io.stderr.write(`cut: invalid number '${part}'\n`);
      else return usageError(ctx, 'cut', `invalid ${what} value ${q(ctx, part)}`);
      return 1;
    }
    const a = m[1] ? Number(m[1]) : 1;
    const b = m[2] ? (m[3] ? Number(m[3]) : Infinity) : a;
    if (a === 0 || b === 0) {
      if (ctx.flavor === 'busybox') return 1;
      return usageError(ctx, 'cut', `${what === 'field' ? 'fields' : 'byte/character positions'} are numbered from 1`);
    }
    if (b < a) return usageError(ctx, 'cut', 'invalid decreasing range');
    out.push([a, b]);
  }
  return out;
}

const inList = (ranges: Range[], n: number): boolean => ranges.some(([a, b]) => n >= a && n <= b);

export const cut: CommandImpl = async (argv, ctx) => {
  const p = getopt(argv.slice(1), {
    short: 'b:c:d:f:sn',
    long: { 'bytes=': 'b', 'characters=': 'c', 'delimiter=': 'd', 'fields=': 'f', 'only-delimited': 's', complement: 'C', 'output-delimiter=': 'O' },
  });
  if (isOptError(p)) return optionError(ctx, 'cut', p);
  let mode: 'b' | 'c' | 'f' | null = null;
  let listSpec = '';
  let delim = '\t';
  let delimGiven = false;
  let onlyDelimited = false;
  let complement = false;
  let outDelim: string | null = null;
  for (const [k, v] of p.opts) {
    if (k === 'b' || k === 'c' || k === 'f') {
      if (mode !== null) return usageError(ctx, 'cut', ctx.flavor === 'busybox' ? 'only one type of list may be specified' : 'only one list may be specified');
      mode = k;
      listSpec = v;
    } else if (k === 'd') {
      if (v.length !== 1) return usageError(ctx, 'cut', 'the delimiter must be a single character');
      delim = v;
      delimGiven = true;
    } else if (k === 's') onlyDelimited = true;
    else if (k === 'C') complement = true;
    else if (k === 'O') outDelim = v;
  }
  if (mode === null) {
    if (ctx.flavor === 'busybox') {
      await ctx.io.stderr.write('cut: expected a list of bytes, characters, or fields\n');
      return 1;
    }
    return usageError(ctx, 'cut', 'you must specify a list of bytes, characters, or fields');
  }
  if (delimGiven && mode !== 'f') return usageError(ctx, 'cut', 'an input delimiter may be specified only when operating on fields');
  const ranges = await parseList(ctx, listSpec, mode === 'f' ? 'field' : 'byte/character position');
  if (typeof ranges === 'number') return ranges;
  const sel = (n: number): boolean => inList(ranges, n) !== complement;
  const od = outDelim ?? (mode === 'f' ? delim : '');
  const out = ctx.io.stdout;
  const ok = await eachInput(ctx, 'cut', p.operands, async (input) => {
    for (let line = await input.readLine(); line !== null; line = await input.readLine()) {
      if (mode === 'f') {
        if (!line.includes(delim)) {
          if (!onlyDelimited) await out.write(line + '\n');
          continue;
        }
        const parts = line.split(delim);
        await out.write(parts.filter((_, i) => sel(i + 1)).join(od) + '\n');
      } else {
        const chars = [...line];
        let s = '';
        let prevSel = false;
        for (let i = 0; i < chars.length; i++) {
          if (sel(i + 1)) {
            if (outDelim !== null && s && !prevSel) s += outDelim;
            s += chars[i];
            prevSel = true;
          } else prevSel = false;
        }
        await out.write(s + '\n');
      }
    }
  });
  return ok ? 0 : 1;
};

const CLASSES: Record<string, string> = {
  alpha: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', digit: '0123456789',
  lower: 'abcdefghijklmnopqrstuvwxyz', upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', space: ' \t\n\r\v\f', blank: ' \t',
  punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~', xdigit: '0123456789ABCDEFabcdef',
};
CLASSES.alnum = CLASSES.alpha + CLASSES.digit;

/** Expands a tr set into its characters. */
function expandSet(s: string): string[] {
  const raw: string[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '[' && s[i + 1] === ':') {
      const close = s.indexOf(':]', i + 2);
      const cls = close > 0 ? CLASSES[s.slice(i + 2, close)] : undefined;
      if (cls) {
        raw.push(...cls.split('').map((c) => '\0' + c));
        i = close + 1;
        continue;
      }
    }
    if (s[i] === '\\' && i + 1 < s.length) {
      const n = s[++i];
      const esc: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', a: '\x07', b: '\b', f: '\f', v: '\v' };
      if (/[0-7]/.test(n)) {
        const m = /^[0-7]{1,3}/.exec(s.slice(i))![0];
        raw.push(String.fromCharCode(parseInt(m, 8)));
        i += m.length - 1;
      } else raw.push(esc[n] ?? n);
      continue;
    }
    raw.push(s[i]);
  }
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i].replace(/^\0/, '');
    if (raw[i + 1] === '-' && i + 2 < raw.length) {
      const end = raw[i + 2].replace(/^\0/, '');
      for (let x = c.charCodeAt(0); x <= end.charCodeAt(0); x++) out.push(String.fromCharCode(x));
      i += 2;
    } else out.push(c);
  }
  return out;
}

export const tr: CommandImpl = async (argv, ctx) => {
  const p = getopt(argv.slice(1), { short: 'cCdst', long: { complement: 'c', delete: 'd', 'squeeze-repeats': 's', 'truncate-set1': 't' } });
  if (isOptError(p)) return optionError(ctx, 'tr', p);
  const f = new Set(p.opts.map(([k]) => (k === 'C' ? 'c' : k)));
  const del = f.has('d');
  const squeeze = f.has('s');
  const comp = f.has('c');
  const [s1, s2] = p.operands;
  if (s1 === undefined) return usageError(ctx, 'tr', ctx.flavor === 'busybox' ? null : 'missing operand');
  if (s2 === undefined && !del && !squeeze) {
    if (ctx.flavor === 'busybox') return usageError(ctx, 'tr', null);
    await ctx.io.stderr.write(`tr: missing operand after ${q(ctx, s1)}\nTwo strings must be given when translating.\n`);
    return usageError(ctx, 'tr', null);
  }
  const set1 = new Set(expandSet(s1));
  const inSet1 = (c: string): boolean => set1.has(c) !== comp;
  const set2 = s2 !== undefined ? expandSet(s2) : [];
  const map = new Map<string, string>();
  if (!del && s2 !== undefined && !comp) {
    const a = expandSet(s1);
    for (let i = 0; i < a.length; i++) map.set(a[i], set2[Math.min(i, set2.length - 1)] ?? a[i]);
  }
  const set2Chars = new Set(set2);
  // -s squeezes runs of the last set given: SET2 when there is one, else SET1.
  const squeezable = s2 !== undefined ? (c: string): boolean => set2Chars.has(c) : inSet1;
  const text = await ctx.io.stdin.readAll();
  let out = '';
  let last = '';
  for (const c of text) {
    let o = c;
    if (del && inSet1(c)) continue;
    if (!del && s2 !== undefined) {
      if (comp && inSet1(c)) o = set2[set2.length - 1] ?? c;
      else if (!comp) o = map.get(c) ?? c;
    }
    if (squeeze && o === last && squeezable(o)) continue;
    out += o;
    last = o;
  }
  await ctx.io.stdout.write(out);
  return 0;
};
