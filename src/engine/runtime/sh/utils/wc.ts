// wc (-l -w -c -m -L) with GNU's column widths (from the total size of regular files, 7 when
// reading stdin, none for a single count of a single input) or busybox's fixed %9u columns.

import { utf8Length } from '../memfs';
import type { CommandImpl } from '../types';
import { getopt, isOptError, optionError } from './getopt';
import { eachInput } from './io';

interface Counts {
  lines: number;
  words: number;
  chars: number;
  bytes: number;
  maxLine: number;
}

function count(text: string): Counts {
  let lines = 0;
  let words = 0;
  let inWord = false;
  let maxLine = 0;
  let cur = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      lines++;
      if (cur > maxLine) maxLine = cur;
      cur = 0;
    } else cur += c === '\t' ? 8 - (cur % 8) : 1;
    const space = c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\v' || c === '\f';
    if (space) inWord = false;
    else if (!inWord) {
      inWord = true;
      words++;
    }
  }
  if (cur > maxLine) maxLine = cur;
  return { lines, words, chars: [...text].length, bytes: utf8Length(text), maxLine };
}

export const wc: CommandImpl = async (argv, ctx) => {
  const p = getopt(argv.slice(1), { short: 'lwcmL', long: { lines: 'l', words: 'w', bytes: 'c', chars: 'm', 'max-line-length': 'L' } });
  if (isOptError(p)) return optionError(ctx, 'wc', p);
  let sel = new Set(p.opts.map(([k]) => k));
  if (!sel.size) sel = new Set(['l', 'w', 'c']);
  const order: [string, keyof Counts][] = [['l', 'lines'], ['w', 'words'], ['m', 'chars'], ['c', 'bytes'], ['L', 'maxLine']];
  const fields = order.filter(([k]) => sel.has(k)).map(([, f]) => f);
  const rows: { c: Counts; name: string | null }[] = [];
  const total: Counts = { lines: 0, words: 0, chars: 0, bytes: 0, maxLine: 0 };
  let regularBytes = 0;
  let sawStdin = false;
  const ok = await eachInput(ctx, 'wc', p.operands, async (input, name) => {
    const c = count(await input.readAll());
    rows.push({ c, name: p.operands.length ? name : null });
    if (name === '-') sawStdin = true;
    else regularBytes += c.bytes;
    total.lines += c.lines;
    total.words += c.words;
    total.chars += c.chars;
    total.bytes += c.bytes;
    total.maxLine = Math.max(total.maxLine, c.maxLine);
  });
  // One count of one input is printed bare; otherwise columns line up.
  const single = fields.length === 1 && rows.length === 1 && p.operands.length <= 1;
  if (p.operands.length > 1) rows.push({ c: total, name: 'total' });
  let out = '';
  if (ctx.flavor === 'busybox') {
    for (const r of rows) {
      const nums = fields.map((f) => (single ? String(r.c[f]) : String(r.c[f]).padStart(9)));
      out += nums.join(' ') + (r.name !== null ? ' ' + r.name : '') + '\n';
    }
  } else {
    let width = single ? 1 : Math.max(1, String(regularBytes).length);
    if (sawStdin && !single) width = Math.max(width, 7);
    for (const r of rows) {
      out += fields.map((f) => String(r.c[f]).padStart(width)).join(' ') + (r.name !== null ? ' ' + r.name : '') + '\n';
    }
  }
  await ctx.io.stdout.write(out);
  return ok ? 0 : 1;
};
