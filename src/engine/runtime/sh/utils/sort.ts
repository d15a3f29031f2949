// sort (-n -r -u -k POS1[,POS2] -t C -h -f -b -s -o FILE -c) and uniq (-c -d -u -i -f -s -w).

import { FsError } from '../fs';
import type { CommandImpl } from '../types';
import { getopt, isOptError, optionError, q } from './getopt';
import { eachInput, openErrorText, splitLines } from './io';

interface Key {
  startField: number;
  startChar: number;
  endField: number;
  endChar: number;
  flags: string;
}

function parseKey(spec: string): Key | null {
  const m = /^(\d+)(?:\.(\d+))?([bdfhnrgMV]*)(?:,(\d+)(?:\.(\d+))?([bdfhnrgMV]*))?$/.exec(spec);
  if (!m || m[1] === '0') return null;
  return { startField: +m[1], startChar: m[2] ? +m[2] : 1, endField: m[4] ? +m[4] : 0, endChar: m[5] ? +m[5] : 0, flags: (m[3] ?? '') + (m[6] ?? '') };
}

/** Field boundaries: with -t the separator, else runs of blanks start each field. */
function fields(line: string, sep: string | null): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (sep !== null) {
    let s = 0;
    for (;;) {
      const i = line.indexOf(sep, s);
      if (i < 0) {
        out.push({ start: s, end: line.length });
        return out;
      }
      out.push({ start: s, end: i });
      s = i + 1;
    }
  }
  let i = 0;
  while (i < line.length) {
    const start = i;
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
    while (i < line.length && line[i] !== ' ' && line[i] !== '\t') i++;
    out.push({ start, end: i });
  }
  return out;
}

function keyText(line: string, k: Key, sep: string | null): string {
  const f = fields(line, sep);
  const sf = f[k.startField - 1];
  if (!sf) return '';
  let start = sf.start + k.startChar - 1;
  if (k.flags.includes('b') || sep === null) {
    while (start < line.length && (line[start] === ' ' || line[start] === '\t') && k.startChar === 1) start++;
  }
  let end = line.length;
  if (k.endField) {
    const ef = f[k.endField - 1];
    if (ef) end = k.endChar ? Math.min(ef.start + k.endChar, ef.end) : ef.end;
  }
  return line.slice(start, Math.max(start, end));
}

const SUFFIX = 'KMGTPEZY';

function numeric(s: string, human: boolean): number {
  const m = /^\s*(-?(?:\d+\.?\d*|\.\d+))([KMGTPEZYk]?)/.exec(s);
  if (!m) return 0;
  let v = Number(m[1]);
  if (human && m[2]) v *= 1024 ** (SUFFIX.indexOf(m[2].toUpperCase()) + 1);
  return v;
}

function compareBy(a: string, b: string, flags: string): number {
  if (flags.includes('n') || flags.includes('h') || flags.includes('g')) {
    const d = numeric(a, flags.includes('h')) - numeric(b, flags.includes('h'));
    return d < 0 ? -1 : d > 0 ? 1 : 0;
  }
  if (flags.includes('f')) {
    a = a.toUpperCase();
    b = b.toUpperCase();
  }
  if (flags.includes('b')) {
    a = a.trimStart();
    b = b.trimStart();
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

export const sort: CommandImpl = async (argv, ctx) => {
  const p = getopt(argv.slice(1), {
    short: 'nrubfhgsMcCdizVk:t:o:S:T:',
    long: { 'numeric-sort': 'n', reverse: 'r', unique: 'u', 'ignore-leading-blanks': 'b', 'ignore-case': 'f', 'human-numeric-sort': 'h', 'general-numeric-sort': 'g', stable: 's', 'key=': 'k', 'field-separator=': 't', 'output=': 'o', check: 'c', 'version-sort': 'V' },
  });
  if (isOptError(p)) return optionError(ctx, 'sort', p, 2);
  let global = '';
  let reverse = false;
  let unique = false;
  let stable = false;
  let check = false;
  let sep: string | null = null;
  let output: string | null = null;
  const keys: Key[] = [];
  for (const [k, v] of p.opts) {
    if ('nbfhgMdiV'.includes(k)) global += k;
    else if (k === 'r') reverse = true;
    else if (k === 'u') unique = true;
    else if (k === 's') stable = true;
    else if (k === 'c' || k === 'C') check = true;
    else if (k === 'o') output = v;
    else if (k === 't') {
      if (v.length !== 1) {
        await ctx.io.stderr.write(ctx.flavor === 'busybox' ? 'sort: bad field specification\n' : `sort: multi-character tab ${q(ctx, v)}\n`);
        return 2;
      }
      sep = v;
    } else if (k === 'k') {
      const key = parseKey(v);
      if (!key) {
        await ctx.io.stderr.write(ctx.flavor === 'busybox' ? `sort: bad field specification\n` : `sort: invalid number at field start: invalid count at start of ${q(ctx, v)}\n`);
        return 2;
      }
      keys.push(key);
    }
  }
  const lines: string[] = [];
  const ok = await eachInput(ctx, 'sort', p.operands, async (input) => {
    lines.push(...splitLines(await input.readAll()));
  });
  if (!ok) return 2;
  const cmp = (a: string, b: string): number => {
    if (keys.length) {
      for (const k of keys) {
        const flags = k.flags.replace('r', '') || global;
        let d = compareBy(keyText(a, k, sep), keyText(b, k, sep), flags);
        if (k.flags.includes('r')) d = -d;
        if (d) return reverse ? -d : d;
      }
    } else {
      const d = compareBy(a, b, global);
      if (d) return reverse ? -d : d;
    }
    if (stable || unique) return 0;
    const d = a < b ? -1 : a > b ? 1 : 0;
    return reverse ? -d : d;
  };
  if (check) {
    for (let i = 1; i < lines.length; i++) {
      if (cmp(lines[i - 1], lines[i]) > 0 || (unique && cmp(lines[i - 1], lines[i]) === 0)) {
        await ctx.io.stderr.write(`sort: ${p.operands[0] ?? '-'}:${i + 1}: disorder: ${lines[i]}\n`);
        return 1;
      }
    }
    return 0;
  }
  const sorted = lines.slice().sort(cmp);
  const out: string[] = [];
  for (const l of sorted) if (!unique || !out.length || cmp(out[out.length - 1], l) !== 0) out.push(l);
  const text = out.map((l) => l + '\n').join('');
  if (output !== null) {
    try {
      ctx.fs.writeFile(ctx.resolve(output), text);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      await ctx.io.stderr.write(openErrorText(ctx, 'sort', output, e));
      return 2;
    }
    return 0;
  }
  await ctx.io.stdout.write(text);
  return 0;
};

export const uniq: CommandImpl = async (argv, ctx) => {
  const p = getopt(argv.slice(1), { short: 'cduif:s:w:z', long: { count: 'c', repeated: 'd', unique: 'u', 'ignore-case': 'i', 'skip-fields=': 'f', 'skip-chars=': 's', 'check-chars=': 'w' } });
  if (isOptError(p)) return optionError(ctx, 'uniq', p);
  const o = new Map(p.opts);
  const showCount = o.has('c');
  const onlyDup = o.has('d');
  const onlyUniq = o.has('u');
  const skipFields = Number(o.get('f') ?? 0);
  const skipChars = Number(o.get('s') ?? 0);
  const checkChars = o.has('w') ? Number(o.get('w')) : Infinity;
  const icase = o.has('i');
  const keyOf = (l: string): string => {
    let s = l;
    for (let i = 0; i < skipFields; i++) s = s.replace(/^[ \t]*[^ \t]*/, '');
    s = s.slice(skipChars);
    if (checkChars !== Infinity) s = s.slice(0, checkChars);
    return icase ? s.toLowerCase() : s;
  };
  const out = ctx.io.stdout;
  let prev: string | null = null;
  let prevKey = '';
  let n = 0;
  const flush = async (): Promise<void> => {
    if (prev === null) return;
    if ((onlyDup && n < 2) || (onlyUniq && n > 1)) return;
    await out.write((showCount ? `${String(n).padStart(7)} ` : '') + prev + '\n');
  };
  const ok = await eachInput(ctx, 'uniq', p.operands.slice(0, 1), async (input) => {
    for (let line = await input.readLine(); line !== null; line = await input.readLine()) {
      const k = keyOf(line);
      if (prev !== null && k === prevKey) {
        n++;
        continue;
      }
      await flush();
      prev = line;
      prevKey = k;
      n = 1;
    }
  });
  await flush();
  return ok ? 0 : 1;
};
