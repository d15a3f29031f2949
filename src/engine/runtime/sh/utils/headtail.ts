// head (-n N, -N, -n -N, -c N) and tail (-n N, -n +N, -N, +N, -c N, -f on files).

import { FsError } from '../fs';
import type { InputStream } from '../streams';
import type { CommandContext, CommandImpl } from '../types';
import { getopt, isOptError, optionError, q } from './getopt';
import { eachInput, openErrorText } from './io';

/** Rewrites the obsolete `-5` / `+5` forms into `-n 5` / `-n +5`. */
function legacyCount(args: string[], allowPlus: boolean): string[] {
  const a = args[0];
  if (a && (/^-\d+$/.test(a) || (allowPlus && /^\+\d+$/.test(a)))) return ['-n', a[0] === '+' ? a : a.slice(1), ...args.slice(1)];
  return args;
}

async function badCount(ctx: CommandContext, util: string, what: 'lines' | 'bytes', v: string): Promise<number> {
  if (ctx.flavor === 'busybox') await ctx.io.stderr.write(`${util}: invalid number '${v}'\n`);
  else await ctx.io.stderr.write(`${util}: invalid number of ${what}: ${q(ctx, v)}\n`);
  return 1;
}

const NUM = /^[-+]?\d+$/;

export const head: CommandImpl = async (argv, ctx) => {
  const p = getopt(legacyCount(argv.slice(1), false), { short: 'n:c:qv', long: { 'lines=': 'n', 'bytes=': 'c', quiet: 'q', silent: 'q', verbose: 'v' } });
  if (isOptError(p)) return optionError(ctx, 'head', p);
  let lines = 10;
  let bytes = -1;
  let headers: boolean | null = null;
  for (const [k, v] of p.opts) {
    if (k === 'n' || k === 'c') {
      if (!NUM.test(v)) return badCount(ctx, 'head', k === 'n' ? 'lines' : 'bytes', v);
      if (k === 'n') {
        lines = Number(v);
        bytes = -1;
      } else bytes = Number(v);
    } else if (k === 'q') headers = false;
    else if (k === 'v') headers = true;
  }
  const show = headers ?? p.operands.length > 1;
  let first = true;
  const out = ctx.io.stdout;
  const ok = await eachInput(ctx, 'head', p.operands, async (input, name) => {
    if (show) await out.write(`${first ? '' : '\n'}==> ${name === '-' ? 'standard input' : name} <==\n`);
    first = false;
    if (bytes >= 0) {
      const all = await input.readAll();
      await out.write(all.slice(0, bytes));
      return;
    }
    if (lines < 0) {
      // -n -N: everything but the last N lines.
      const text = await input.readAll();
      const parts = text.split('\n');
      const trailing = text.endsWith('\n');
      if (trailing) parts.pop();
      const keep = parts.slice(0, Math.max(0, parts.length + lines));
      await out.write(keep.map((l) => l + '\n').join(''));
      return;
    }
    for (let i = 0; i < lines; i++) {
      const line = await input.readLine();
      if (line === null) break;
      await out.write(line + '\n');
    }
  });
  return ok ? 0 : 1;
};

export const tail: CommandImpl = async (argv, ctx) => {
  const p = getopt(legacyCount(argv.slice(1), true), { short: 'n:c:fFqvs:', long: { 'lines=': 'n', 'bytes=': 'c', 'follow?': 'f', quiet: 'q', silent: 'q', verbose: 'v', 'sleep-interval=': 's' } });
  if (isOptError(p)) return optionError(ctx, 'tail', p);
  let count = 10;
  let fromStart = false;
  let bytes = false;
  let follow = false;
  let headers: boolean | null = null;
  for (const [k, v] of p.opts) {
    if (k === 'n' || k === 'c') {
      if (!NUM.test(v)) return badCount(ctx, 'tail', k === 'n' ? 'lines' : 'bytes', v);
      fromStart = v.startsWith('+');
      count = Math.abs(Number(v));
      bytes = k === 'c';
    } else if (k === 'f' || k === 'F') follow = true;
    else if (k === 'q') headers = false;
    else if (k === 'v') headers = true;
  }
  const show = headers ?? p.operands.length > 1;
  const out = ctx.io.stdout;
  let first = true;
  const pick = (text: string): string => {
    if (bytes) return fromStart ? text.slice(Math.max(0, count - 1)) : count === 0 ? '' : text.slice(-count);
    const pieces = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
    const sel = fromStart ? pieces.slice(Math.max(0, count - 1)) : count === 0 ? [] : pieces.slice(-count);
    return sel.join('');
  };
  if (follow && (!p.operands.length || (p.operands.length === 1 && p.operands[0] === '-')) && !bytes && !fromStart) {
    return followStream(ctx, ctx.io.stdin, count);
  }
  const ok = await eachInput(ctx, 'tail', p.operands, async (input: InputStream, name) => {
    if (show) await out.write(`${first ? '' : '\n'}==> ${name === '-' ? 'standard input' : name} <==\n`);
    first = false;
    await out.write(pick(await input.readAll()));
  });
  if (!ok && ctx.flavor === 'busybox' && p.operands.length === 1) {
    await ctx.io.stderr.write('tail: no files\n');
    return 1;
  }
  if (follow && p.operands.length && p.operands.some((f) => f !== '-')) return followFiles(ctx, p.operands.filter((f) => f !== '-'), show);
  return ok ? 0 : 1;
};

/**
 * tail -f on a stream (`kubectl get pods -w | tail -f`): keeps what arrives until the producer
 * pauses, prints the last N lines of it, then passes everything through as it comes.
 */
async function followStream(ctx: CommandContext, input: InputStream, count: number): Promise<number> {
  let text = '';
  let pending: Promise<string | null> | null = null;
  for (;;) {
    pending ??= input.read();
    const idle = Symbol('idle');
    const r = await Promise.race([pending, ctx.sleep(0).then(() => idle)]);
    if (r === idle) break;
    pending = null;
    if (r === null) {
      await ctx.io.stdout.write(lastLines(text, count));
      return 0;
    }
    text += r as string;
  }
  await ctx.io.stdout.write(lastLines(text, count));
  for (;;) {
    const chunk = await (pending ?? input.read());
    pending = null;
    if (chunk === null || ctx.signal.aborted) return 0;
    await ctx.io.stdout.write(chunk);
  }
}

function lastLines(text: string, count: number): string {
  const pieces = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  return count === 0 ? '' : pieces.slice(-count).join('');
}

/** tail -f: polls the files once a second (simulated) and prints what was appended, until stopped. */
async function followFiles(ctx: CommandContext, files: string[], headers: boolean): Promise<number> {
  const sizes = new Map<string, number>();
  for (const f of files) {
    try {
      sizes.set(f, ctx.fs.readFile(ctx.resolve(f)).length);
    } catch {
      sizes.set(f, 0);
    }
  }
  let last = files[files.length - 1];
  while (!ctx.signal.aborted) {
    await ctx.sleep(1000);
    if (ctx.signal.aborted) break;
    for (const f of files) {
      let text: string;
      try {
        text = ctx.fs.readFile(ctx.resolve(f));
      } catch (e) {
        if (e instanceof FsError && sizes.get(f) !== -1) {
          await ctx.io.stderr.write(openErrorText(ctx, 'tail', f, e));
          sizes.set(f, -1);
        }
        continue;
      }
      const prev = Math.max(0, sizes.get(f) ?? 0);
      if (text.length < prev) {
        await ctx.io.stderr.write(`tail: ${f}: file truncated\n`);
        sizes.set(f, 0);
      }
      const from = Math.min(prev, text.length);
      if (text.length > from) {
        if (headers && f !== last) await ctx.io.stdout.write(`\n==> ${f} <==\n`);
        last = f;
        await ctx.io.stdout.write(text.slice(from));
      }
      sizes.set(f, text.length);
    }
  }
  return 0;
}
