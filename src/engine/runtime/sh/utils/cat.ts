// cat (-n -b -s -E -T -A) and tee (-a): streaming copies.

import { FsError } from '../fs';
import type { CommandImpl } from '../types';
import { getopt, isOptError, optionError } from './getopt';
import { eachInput, openErrorText } from './io';

export const cat: CommandImpl = async (argv, ctx) => {
  const p = getopt(argv.slice(1), { short: 'nbsETAvet', long: { number: 'n', 'number-nonblank': 'b', 'squeeze-blank': 's', 'show-ends': 'E', 'show-tabs': 'T', 'show-all': 'A' } });
  if (isOptError(p)) return optionError(ctx, 'cat', p);
  const f = new Set(p.opts.map(([k]) => k));
  const numberAll = f.has('n') && !f.has('b');
  const numberNonBlank = f.has('b');
  const ends = f.has('E') || f.has('A') || f.has('e');
  const tabs = f.has('T') || f.has('A') || f.has('t');
  const squeeze = f.has('s');
  const out = ctx.io.stdout;
  const plain = !numberAll && !numberNonBlank && !ends && !tabs && !squeeze;
  let n = 0;
  let lastBlank = false;
  const ok = await eachInput(ctx, 'cat', p.operands, async (input) => {
    if (plain) {
      for (let chunk = await input.read(); chunk !== null; chunk = await input.read()) {
        await out.write(chunk);
        if (ctx.signal.aborted) return 'stop';
      }
      return;
    }
    for (let line = await input.readLine(); line !== null; line = await input.readLine()) {
      const blank = line === '';
      if (squeeze && blank && lastBlank) continue;
      lastBlank = blank;
      let s = tabs ? line.replace(/\t/g, '^I') : line;
      if (ends) s += '$';
      if (numberAll || (numberNonBlank && !blank)) s = `${String(++n).padStart(6)}\t${s}`;
      await out.write(s + '\n');
    }
  });
  return ok ? 0 : 1;
};

/** rev: reverses the characters of each line. */
export const rev: CommandImpl = async (argv, ctx) => {
  const ok = await eachInput(ctx, 'rev', argv.slice(1), async (input) => {
    for (let line = await input.readLine(); line !== null; line = await input.readLine()) await ctx.io.stdout.write([...line].reverse().join('') + '\n');
  });
  return ok ? 0 : 1;
};

export const tee: CommandImpl = async (argv, ctx) => {
  const p = getopt(argv.slice(1), { short: 'ai', long: { append: 'a', 'ignore-interrupts': 'i' } });
  if (isOptError(p)) return optionError(ctx, 'tee', p);
  const append = p.opts.some(([k]) => k === 'a');
  let ok = true;
  const targets: string[] = [];
  for (const f of p.operands) {
    const path = ctx.resolve(f);
    try {
      if (!append) ctx.fs.writeFile(path, '');
      else ctx.fs.writeFile(path, '', { append: true });
      targets.push(path);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      await ctx.io.stderr.write(openErrorText(ctx, 'tee', f, e));
      ok = false;
    }
  }
  for (let chunk = await ctx.io.stdin.read(); chunk !== null; chunk = await ctx.io.stdin.read()) {
    for (const t of targets) ctx.fs.writeFile(t, chunk, { append: true });
    await ctx.io.stdout.write(chunk);
  }
  return ok ? 0 : 1;
};
