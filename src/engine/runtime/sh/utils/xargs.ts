// xargs: builds command lines from stdin items (blank-separated with quotes, -0, -d, -I per line),
// -n N, -r, -t; runs them through the shell's program lookup.

import { emptyInput } from '../streams';
import type { CommandImpl } from '../types';
import { getopt, isOptError, optionError, q } from './getopt';

/** Splits xargs input: blanks separate, quotes group, backslash escapes. */
function items(text: string): string[] | string {
  const out: string[] = [];
  let cur = '';
  let has = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"') {
      const close = text.indexOf(c, i + 1);
      const nl = text.indexOf('\n', i + 1);
      if (close < 0 || (nl >= 0 && nl < close)) return c === "'" ? 'single' : 'double';
      cur += text.slice(i + 1, close);
      has = true;
      i = close;
    } else if (c === '\\' && i + 1 < text.length) {
      cur += text[++i];
      has = true;
    } else if (c === ' ' || c === '\t' || c === '\n') {
      if (has) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (has) out.push(cur);
  return out;
}

export const xargs: CommandImpl = async (argv, ctx) => {
  const p = getopt(argv.slice(1), { short: '0d:I:i::n:L:rtpxs:P:E:e::a:', long: { null: '0', 'delimiter=': 'd', 'max-args=': 'n', 'no-run-if-empty': 'r', verbose: 't', 'replace?': 'i', 'max-procs=': 'P', 'arg-file=': 'a' }, stopAtOperand: true });
  if (isOptError(p)) return optionError(ctx, 'xargs', p);
  let replace: string | null = null;
  let maxArgs = Infinity;
  let noRunEmpty = false;
  let trace = false;
  let delim: string | null = null;
  let input: string | null = null;
  for (const [k, v] of p.opts) {
    if (k === '0') delim = '\0';
    else if (k === 'd') delim = v;
    else if (k === 'I') replace = v;
    else if (k === 'i') replace = v || '{}';
    else if (k === 'n' || k === 'L') maxArgs = Math.max(1, Number(v));
    else if (k === 'r') noRunEmpty = true;
    else if (k === 't') trace = true;
    else if (k === 'a') input = ctx.fs.readFile(ctx.resolve(v));
  }
  const cmd = p.operands.length ? p.operands : ['echo'];
  const text = input ?? (await ctx.io.stdin.readAll());
  let list: string[];
  if (replace !== null) list = text.split('\n').filter((l) => l.trim() !== '');
  else if (delim !== null) list = text.split(delim).filter((s, i, a) => s !== '' || i < a.length - 1);
  else {
    const r = items(text);
    if (typeof r === 'string') {
      await ctx.io.stderr.write(ctx.flavor === 'busybox' ? `xargs: unmatched ${r} quote\n` : `xargs: unmatched ${r} quote; by default quotes are special to xargs unless you use the -0 option\n`);
      return 1;
    }
    list = r;
  }
  if (!ctx.hasProgram(cmd[0])) {
    await ctx.io.stderr.write(`xargs: ${cmd[0]}: No such file or directory\n`);
    return 127;
  }
  const runs: string[][] = [];
  if (replace !== null) for (const item of list) runs.push(cmd.map((a) => a.split(replace!).join(item)));
  else if (!list.length) {
    if (!noRunEmpty && ctx.flavor === 'terminal') runs.push(cmd);
  } else for (let i = 0; i < list.length; i += maxArgs === Infinity ? list.length : maxArgs) runs.push([...cmd, ...list.slice(i, i + (maxArgs === Infinity ? list.length : maxArgs))]);
  let status = 0;
  for (const r of runs) {
    if (ctx.signal.aborted) break;
    if (trace) await ctx.io.stderr.write(r.join(' ') + '\n');
    const st = await ctx.exec(r, { io: { stdin: emptyInput() } });
    if (st === 255) {
      await ctx.io.stderr.write(`xargs: ${q(ctx, r[0])}: exited with status 255; aborting\n`);
      return 124;
    }
    if (st !== 0) status = st > 128 ? 125 : 123;
  }
  return status;
};
