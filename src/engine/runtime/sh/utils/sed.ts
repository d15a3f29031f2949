// sed: addresses (N, $, /re/, ranges, !), commands s (g p N i), d, p, q, Q, y, =, a, i, c, {…},
// h H g G x, n; options -n -e -f -E/-r -i[SUFFIX] -s. Lines stream through.

import { FsError } from '../fs';
import type { CommandImpl } from '../types';
import { getopt, isOptError, optionError, usageTail } from './getopt';
import { eachInput, openErrorText, splitLines } from './io';
import { RegexError, posixToJs } from './regex';

type Addr = { kind: 'line'; n: number } | { kind: 'last' } | { kind: 're'; re: RegExp };

interface Cmd {
  a1: Addr | null;
  a2: Addr | null;
  negate: boolean;
  name: string;
  /** s: regex, replacement, flags; y: maps; a/i/c: text; q: status; {: block. */
  re?: RegExp;
  global?: boolean;
  nth?: number;
  print?: boolean;
  rep?: string;
  text?: string;
  map?: Map<string, string>;
  status?: number;
  block?: Cmd[];
  /** Range state: inside addr1..addr2. */
  active?: boolean;
}

class SedError extends Error {}

class ScriptParser {
  pos = 0;
  constructor(
    private readonly s: string,
    private readonly ere: boolean,
    private readonly bb: boolean,
  ) {}

  private err(gnu: string, busybox: string): never {
    throw new SedError(this.bb ? `sed: ${busybox}` : `sed: -e expression #1, char ${Math.min(this.pos, this.s.length)}: ${gnu}`);
  }

  private skip(): void {
    while (this.pos < this.s.length && /[ \t;\n]/.test(this.s[this.pos])) this.pos++;
  }

  /** Reads up to an unescaped delimiter; returns the raw text. */
  private until(delim: string, what: string): string {
    let out = '';
    while (this.pos < this.s.length) {
      const c = this.s[this.pos];
      if (c === '\\' && this.pos + 1 < this.s.length) {
        const n = this.s[this.pos + 1];
        out += n === delim ? (delim === '/' || !/[.*[\]^$]/.test(n) ? n : '\\' + n) : n === 'n' ? '\n' : '\\' + n;
        this.pos += 2;
        continue;
      }
      if (c === delim) {
        this.pos++;
        return out;
      }
      out += c;
      this.pos++;
    }
    this.pos++;
    if (what === 's') this.err("unterminated `s' command", "unmatched '/'");
    if (what === 'y') this.err("unterminated `y' command", "unmatched '/'");
    this.err('unterminated address regex', "unmatched '/'");
  }

  private regex(src: string, icase: boolean): RegExp {
    try {
      return new RegExp(posixToJs(src, this.ere), icase ? 'gi' : 'g');
    } catch (e) {
      this.err(e instanceof RegexError ? e.message : 'Invalid regex', 'bad regex');
    }
  }

  private addr(): Addr | null {
    const s = this.s;
    const c = s[this.pos];
    if (c === '$') {
      this.pos++;
      return { kind: 'last' };
    }
    if (c >= '0' && c <= '9') {
      const m = /^\d+/.exec(s.slice(this.pos))!;
      this.pos += m[0].length;
      return { kind: 'line', n: Number(m[0]) };
    }
    if (c === '/' || c === '\\') {
      const delim = c === '\\' ? s[++this.pos] : '/';
      this.pos++;
      const src = this.until(delim, 'addr');
      let icase = false;
      if (s[this.pos] === 'I') {
        icase = true;
        this.pos++;
      }
      return { kind: 're', re: this.regex(src, icase) };
    }
    return null;
  }

  private text(): string {
    const s = this.s;
    if (s[this.pos] === '\\') this.pos++;
    if (s[this.pos] === '\n') this.pos++;
    while (s[this.pos] === ' ' || s[this.pos] === '\t') this.pos++;
    let out = '';
    while (this.pos < s.length && s[this.pos] !== '\n') {
      if (s[this.pos] === '\\' && this.pos + 1 < s.length) {
        out += s[this.pos + 1] === '\n' ? '\n' : s[this.pos + 1];
        this.pos += 2;
        continue;
      }
      out += s[this.pos++];
    }
    return out;
  }

  parse(endAtBrace = false): Cmd[] {
    const cmds: Cmd[] = [];
    for (;;) {
      this.skip();
      if (this.pos >= this.s.length) {
        if (endAtBrace) this.err('unmatched `{\'', 'missing }');
        return cmds;
      }
      if (this.s[this.pos] === '}') {
        if (!endAtBrace) this.err("unexpected `}'", "unexpected '}'");
        this.pos++;
        return cmds;
      }
      const a1 = this.addr();
      let a2: Addr | null = null;
      if (a1 && this.s[this.pos] === ',') {
        this.pos++;
        a2 = this.addr();
        if (!a2) this.err('unexpected `,\'', 'bad address');
      }
      while (this.s[this.pos] === ' ') this.pos++;
      let negate = false;
      if (this.s[this.pos] === '!') {
        negate = true;
        this.pos++;
        while (this.s[this.pos] === ' ') this.pos++;
      }
      const name = this.s[this.pos++];
      if (name === undefined) this.err('missing command', 'missing command');
      const cmd: Cmd = { a1, a2, negate, name };
      switch (name) {
        case 's': {
          const delim = this.s[this.pos++];
          const re = this.until(delim, 's');
          cmd.rep = this.until(delim, 's');
          let icase = false;
          for (;;) {
            const f = this.s[this.pos];
            if (f === 'g') cmd.global = true;
            else if (f === 'p') cmd.print = true;
            else if (f === 'i' || f === 'I') icase = true;
            else if (f !== undefined && f >= '0' && f <= '9') {
              const m = /^\d+/.exec(this.s.slice(this.pos))!;
              cmd.nth = Number(m[0]);
              this.pos += m[0].length - 1;
            } else if (f === undefined || /[ \t;\n}]/.test(f)) break;
            else this.err("unknown option to `s'", 'bad option in substitution expression');
            this.pos++;
          }
          cmd.re = this.regex(re, icase);
          break;
        }
        case 'y': {
          const delim = this.s[this.pos++];
          const from = [...this.until(delim, 'y')];
          const to = [...this.until(delim, 'y')];
          if (from.length !== to.length) this.err("strings for `y' command are different lengths", 'strings for y command are different lengths');
          cmd.map = new Map(from.map((c, i) => [c, to[i]]));
          break;
        }
        case 'a': case 'i': case 'c':
          cmd.text = this.text();
          break;
        case 'q': case 'Q': {
          while (this.s[this.pos] === ' ') this.pos++;
          const m = /^\d+/.exec(this.s.slice(this.pos));
          cmd.status = m ? Number(m[0]) : 0;
          if (m) this.pos += m[0].length;
          break;
        }
        case '{':
          cmd.block = this.parse(true);
          break;
        case 'd': case 'D': case 'p': case 'P': case '=': case 'h': case 'H': case 'g': case 'G': case 'x': case 'n': case 'N':
          break;
        case '#':
          while (this.pos < this.s.length && this.s[this.pos] !== '\n') this.pos++;
          continue;
        default:
          this.err(`unknown command: \`${name}'`, `unsupported command ${name}`);
      }
      cmds.push(cmd);
    }
  }
}

/** Expands & and \1…\9 in a replacement. */
function substitute(rep: string, m: RegExpExecArray): string {
  let out = '';
  for (let i = 0; i < rep.length; i++) {
    const c = rep[i];
    if (c === '&') out += m[0];
    else if (c === '\\' && i + 1 < rep.length) {
      const n = rep[++i];
      if (n >= '0' && n <= '9') out += m[Number(n)] ?? '';
      else if (n === 'n') out += '\n';
      else if (n === 't') out += '\t';
      else out += n;
    } else out += c;
  }
  return out;
}

interface Run {
  out: string[];
  quit: number | null;
  printAtQuit: boolean;
  hold: string;
}

export const sed: CommandImpl = async (argv, ctx) => {
  const p = getopt(argv.slice(1), {
    short: 'ne:f:Eri::su',
    long: { quiet: 'n', silent: 'n', 'expression=': 'e', 'file=': 'f', 'regexp-extended': 'E', 'in-place?': 'i', separate: 's', unbuffered: 'u', debug: 'D', posix: 'P' },
  });
  if (isOptError(p)) return optionError(ctx, 'sed', p);
  let quiet = false;
  let ere = false;
  let inPlace: string | null = null;
  const scripts: string[] = [];
  for (const [k, v] of p.opts) {
    if (k === 'n') quiet = true;
    else if (k === 'E' || k === 'r') ere = true;
    else if (k === 'e') scripts.push(v);
    else if (k === 'i') inPlace = v;
    else if (k === 'f') {
      try {
        scripts.push(ctx.fs.readFile(ctx.resolve(v)).replace(/\n$/, ''));
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        await ctx.io.stderr.write(`sed: couldn't open file ${v}: ${e.message}\n`);
        return 1;
      }
    }
  }
  const operands = p.operands.slice();
  if (!scripts.length) {
    if (!operands.length) {
      if (ctx.flavor === 'busybox') await usageTail(ctx, 'sed');
      else await ctx.io.stderr.write('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n');
      return 1;
    }
    scripts.push(operands.shift()!);
  }
  let program: Cmd[];
  try {
    program = new ScriptParser(scripts.join('\n'), ere, ctx.flavor === 'busybox').parse();
  } catch (e) {
    if (!(e instanceof SedError)) throw e;
    await ctx.io.stderr.write(e.message + '\n');
    return 1;
  }
  if (inPlace !== null) {
    let st = 0;
    for (const f of operands) {
      const path = ctx.resolve(f);
      let text: string;
      try {
        text = ctx.fs.readFile(path);
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        await ctx.io.stderr.write(openErrorText(ctx, 'sed', f, e));
        st = 1;
        continue;
      }
      const lines = splitLines(text);
      const run: Run = { out: [], quit: null, printAtQuit: true, hold: '' };
      for (let i = 0; i < lines.length && run.quit === null; i++) execLine(program, lines[i], i + 1, i === lines.length - 1, quiet, run, lines, i);
      if (inPlace) ctx.fs.writeFile(path + inPlace, text);
      ctx.fs.writeFile(path, run.out.join(''));
    }
    return st;
  }
  const run: Run = { out: [], quit: null, printAtQuit: true, hold: '' };
  // Reading all input first lets `$` be known; inputs are small in the playground.
  const lines: string[] = [];
  const ok = await eachInput(ctx, 'sed', operands, async (input) => {
    lines.push(...splitLines(await input.readAll()));
  });
  for (let i = 0; i < lines.length && run.quit === null; i++) {
    execLine(program, lines[i], i + 1, i === lines.length - 1, quiet, run, lines, i);
    if (run.out.length) {
      await ctx.io.stdout.write(run.out.join(''));
      run.out = [];
    }
  }
  return run.quit ?? (ok ? 0 : ctx.flavor === 'busybox' ? 1 : 2);
};

function matches(a: Addr, line: string, n: number, last: boolean): boolean {
  if (a.kind === 'line') return n === a.n;
  if (a.kind === 'last') return last;
  a.re.lastIndex = 0;
  return a.re.test(line);
}

function selected(c: Cmd, line: string, n: number, last: boolean): boolean {
  let hit: boolean;
  if (!c.a1) hit = true;
  else if (!c.a2) hit = matches(c.a1, line, n, last);
  else if (c.active) {
    hit = true;
    if (c.a2.kind === 'line' ? n >= c.a2.n : matches(c.a2, line, n, last)) c.active = false;
  } else if (matches(c.a1, line, n, last)) {
    hit = true;
    c.active = !(c.a2.kind === 'line' && c.a2.n <= n) && !(c.a2.kind === 'last' && last);
  } else hit = false;
  return hit !== c.negate;
}

/** Runs the program on one line; appends output to run.out. Mutates range state and hold space. */
function execLine(program: Cmd[], line: string, n: number, last: boolean, quiet: boolean, run: Run, lines: string[], idx: number): void {
  const state = { ps: line, deleted: false, appended: [] as string[], n, idx, last };
  const walk = (cmds: Cmd[]): boolean => {
    for (const c of cmds) {
      if (!selected(c, state.ps, state.n, state.last)) continue;
      switch (c.name) {
        case '{':
          if (!walk(c.block!)) return false;
          break;
        case 's': {
          const re = c.re!;
          const src = state.ps;
          const target = c.nth ?? 1;
          re.lastIndex = 0;
          let out = '';
          let from = 0;
          let count = 0;
          let replaced = false;
          for (let m = re.exec(src); m !== null; m = re.exec(src)) {
            count++;
            if (count >= target && (c.global || count === target)) {
              out += src.slice(from, m.index) + substitute(c.rep!, m);
              from = m.index + m[0].length;
              replaced = true;
              if (!c.global) break;
            }
            if (m[0] === '') re.lastIndex++;
          }
          if (replaced) {
            state.ps = out + src.slice(from);
            if (c.print) run.out.push(state.ps + '\n');
          }
          break;
        }
        case 'y':
          state.ps = [...state.ps].map((ch) => c.map!.get(ch) ?? ch).join('');
          break;
        case 'd':
        case 'D':
          state.deleted = true;
          return false;
        case 'p':
          run.out.push(state.ps + '\n');
          break;
        case 'P':
          run.out.push(state.ps.split('\n')[0] + '\n');
          break;
        case '=':
          run.out.push(`${state.n}\n`);
          break;
        case 'a':
          state.appended.push(c.text! + '\n');
          break;
        case 'i':
          run.out.push(c.text! + '\n');
          break;
        case 'c':
          if (!c.a2 || !c.active) run.out.push(c.text! + '\n');
          state.deleted = true;
          return false;
        case 'h': run.hold = state.ps; break;
        case 'H': run.hold += '\n' + state.ps; break;
        case 'g': state.ps = run.hold; break;
        case 'G': state.ps += '\n' + run.hold; break;
        case 'x': [state.ps, run.hold] = [run.hold, state.ps]; break;
        case 'n':
          if (!quiet) run.out.push(state.ps + '\n');
          if (state.idx + 1 >= lines.length) {
            state.deleted = true;
            run.quit = 0;
            return false;
          }
          state.idx++;
          state.n++;
          state.ps = lines[state.idx];
          state.last = state.idx === lines.length - 1;
          lines[state.idx] = '\0sed-consumed';
          break;
        case 'N':
          if (state.idx + 1 >= lines.length) break;
          state.idx++;
          state.n++;
          state.ps += '\n' + lines[state.idx];
          state.last = state.idx === lines.length - 1;
          lines[state.idx] = '\0sed-consumed';
          break;
        case 'q':
          run.quit = c.status!;
          return false;
        case 'Q':
          run.quit = c.status!;
          state.deleted = true;
          return false;
      }
    }
    return true;
  };
  if (line === '\0sed-consumed') return;
  walk(program);
  if (!state.deleted && !quiet) run.out.push(state.ps + '\n');
  run.out.push(...state.appended);
}
