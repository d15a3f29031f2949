// grep: BRE (default), -E, -F; -i -v -c -n -o -w -x -q -s -l -L -h -H -m N -A/-B/-C N, several
// patterns (-e, -f, newlines). Streams line by line, so it works behind `kubectl get -w`.

import { FsError } from '../fs';
import type { CommandContext, CommandImpl } from '../types';
import { getopt, isOptError, optionError, usageTail } from './getopt';
import { eachInput, splitLines } from './io';
import { RegexError, escapeRegExp, posixToJs } from './regex';

interface Opts {
  invert: boolean;
  count: boolean;
  number: boolean;
  only: boolean;
  quiet: boolean;
  filesWith: boolean;
  filesWithout: boolean;
  names: boolean;
  max: number;
  after: number;
  before: number;
}

function buildRegex(patterns: string[], mode: 'G' | 'E' | 'F', icase: boolean, word: boolean, line: boolean): RegExp {
  const parts = patterns.map((p) => (mode === 'F' ? escapeRegExp(p) : posixToJs(p, mode === 'E')));
  let src = parts.length === 1 ? parts[0] : parts.map((s) => `(?:${s})`).join('|');
  if (word) src = `(?<![A-Za-z0-9_])(?:${src})(?![A-Za-z0-9_])`;
  if (line) src = `^(?:${src})$`;
  return new RegExp(src, icase ? 'gi' : 'g');
}

export const grep: CommandImpl = async (argv, ctx) => {
  const p = getopt(argv.slice(1), {
    short: 'ivcEFGnowxqsle:f:LhHm:A:B:C:rRzZUaI',
    long: {
      'ignore-case': 'i', 'invert-match': 'v', count: 'c', 'extended-regexp': 'E', 'fixed-strings': 'F', 'basic-regexp': 'G',
      'line-number': 'n', 'only-matching': 'o', 'word-regexp': 'w', 'line-regexp': 'x', quiet: 'q', silent: 'q', 'no-messages': 's',
      'files-with-matches': 'l', 'files-without-match': 'L', 'regexp=': 'e', 'file=': 'f', 'no-filename': 'h', 'with-filename': 'H',
      'max-count=': 'm', 'after-context=': 'A', 'before-context=': 'B', 'context=': 'C', 'color?': '#', 'colour?': '#',
    },
  });
  if (isOptError(p)) return optionError(ctx, 'grep', p, 2);
  let mode: 'G' | 'E' | 'F' = 'G';
  let icase = false;
  let word = false;
  let wholeLine = false;
  let withName: boolean | null = null;
  const patterns: string[] = [];
  let havePatterns = false;
  const o: Opts = { invert: false, count: false, number: false, only: false, quiet: false, filesWith: false, filesWithout: false, names: false, max: -1, after: 0, before: 0 };
  for (const [k, v] of p.opts) {
    switch (k) {
      case 'i': icase = true; break;
      case 'v': o.invert = true; break;
      case 'c': o.count = true; break;
      case 'E': mode = 'E'; break;
      case 'F': mode = 'F'; break;
      case 'G': mode = 'G'; break;
      case 'n': o.number = true; break;
      case 'o': o.only = true; break;
      case 'w': word = true; break;
      case 'x': wholeLine = true; break;
      case 'q': o.quiet = true; break;
      case 's': break;
      case 'l': o.filesWith = true; break;
      case 'L': o.filesWithout = true; break;
      case 'h': withName = false; break;
      case 'H': withName = true; break;
      case 'e': patterns.push(...v.split('\n')); havePatterns = true; break;
      case 'f': {
        try {
          patterns.push(...splitLines(ctx.fs.readFile(ctx.resolve(v))));
          havePatterns = true;
        } catch (e) {
          if (!(e instanceof FsError)) throw e;
          await ctx.io.stderr.write(`grep: ${v}: ${e.message}\n`);
          return 2;
        }
        break;
      }
      case 'm': o.max = Number(v); break;
      case 'A': o.after = Number(v); break;
      case 'B': o.before = Number(v); break;
      case 'C': o.after = o.before = Number(v); break;
    }
  }
  const operands = p.operands.slice();
  if (!havePatterns) {
    if (!operands.length) {
      await usageTail(ctx, 'grep');
      return 2;
    }
    patterns.push(...operands.shift()!.split('\n'));
  }
  let re: RegExp;
  try {
    re = buildRegex(patterns, mode, icase, word, wholeLine);
  } catch (e) {
    const msg = e instanceof RegexError ? e.message : 'Invalid regular expression';
    await ctx.io.stderr.write(ctx.flavor === 'busybox' ? `grep: bad regex '${patterns.join('\n')}': ${msg}\n` : `grep: ${msg}\n`);
    return 2;
  }
  o.names = withName ?? operands.length > 1;
  let matchedAny = false;
  let stopAll = false;
  const ok = await eachInput(ctx, 'grep', operands, async (input, name) => {
    const n = await grepStream(ctx, input, re, o, name === '-' ? '(standard input)' : name);
    if (n > 0) matchedAny = true;
    if (o.quiet && n > 0) {
      stopAll = true;
      return 'stop';
    }
  });
  if (o.quiet && matchedAny) return 0;
  if (!ok && !stopAll) return 2;
  return matchedAny ? 0 : 1;
};

async function grepStream(ctx: CommandContext, input: import('../streams').InputStream, re: RegExp, o: Opts, name: string): Promise<number> {
  const out = ctx.io.stdout;
  const prefix = (lineNo: number, sep: string): string => (o.names ? name + sep : '') + (o.number ? lineNo + sep : '');
  let count = 0;
  let lineNo = 0;
  let afterLeft = 0;
  let lastPrinted = 0;
  const before: { no: number; text: string }[] = [];
  const context = o.after > 0 || o.before > 0;
  const listOnly = o.quiet || o.filesWith || o.filesWithout || o.count;
  for (let line = await input.readLine(); line !== null; line = await input.readLine()) {
    lineNo++;
    re.lastIndex = 0;
    const hit = re.test(line) !== o.invert;
    if (!hit) {
      if (afterLeft > 0 && !listOnly) {
        afterLeft--;
        await out.write(prefix(lineNo, '-') + line + '\n');
        lastPrinted = lineNo;
      } else if (o.before > 0) {
        before.push({ no: lineNo, text: line });
        if (before.length > o.before) before.shift();
      }
      continue;
    }
    count++;
    if (o.quiet) return count;
    if (!listOnly) {
      if (context && lastPrinted > 0 && (before.length ? before[0].no : lineNo) > lastPrinted + 1) await out.write('--\n');
      for (const b of before) await out.write(prefix(b.no, '-') + b.text + '\n');
      before.length = 0;
      if (o.only && !o.invert) {
        re.lastIndex = 0;
        let s = '';
        for (const m of line.matchAll(re)) if (m[0]) s += prefix(lineNo, ':') + m[0] + '\n';
        await out.write(s);
      } else await out.write(prefix(lineNo, ':') + line + '\n');
      lastPrinted = lineNo;
      afterLeft = o.after;
    }
    if (o.max >= 0 && count >= o.max) break;
    if (o.filesWith) break;
  }
  if (o.count) await out.write((o.names ? name + ':' : '') + count + '\n');
  if (o.filesWith && count > 0) await out.write(name + '\n');
  if (o.filesWithout && count === 0) await out.write(name + '\n');
  return count;
}
