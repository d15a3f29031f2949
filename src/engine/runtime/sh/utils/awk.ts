// awk, the interpreter: records and fields (FS, OFS, NR, NF, FILENAME), patterns and actions,
// arrays, string and math builtins, printf. Enough for `kubectl get pods | awk '{print $1}'` and kin.

import { FsError } from '../fs';
import type { CommandContext, CommandImpl } from '../types';
import { AwkParser, AwkSyntaxError, type Expr, type Rule, type Stmt } from './awk-parse';
import { getopt, isOptError, optionError, usageTail } from './getopt';
import { eachInput } from './io';
import { RegexError, posixToJs } from './regex';

/** A string that came from input: compares as a number when it looks like one. */
class StrNum {
  constructor(readonly s: string) {}
}
type Val = number | string | StrNum;

const NUMERIC = /^\s*[-+]?(\d+\.?\d*([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?)\s*$/;

function toNum(v: Val): number {
  if (typeof v === 'number') return v;
  const s = typeof v === 'string' ? v : v.s;
  const m = /^\s*[-+]?(\d+\.?\d*([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?)/.exec(s);
  return m ? Number(m[0]) : 0;
}

function numStr(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return String(n);
  return String(Number(n.toPrecision(6)));
}

function toStr(v: Val): string {
  return typeof v === 'number' ? numStr(v) : typeof v === 'string' ? v : v.s;
}

function isNumeric(v: Val): boolean {
  return typeof v === 'number' || (v instanceof StrNum && NUMERIC.test(v.s));
}

function truthy(v: Val): boolean {
  if (typeof v === 'number') return v !== 0;
  if (v instanceof StrNum && NUMERIC.test(v.s)) return toNum(v) !== 0;
  return toStr(v) !== '';
}

class Next {}
class Exit {
  constructor(readonly status: number) {}
}
class LoopCtl {
  constructor(readonly kind: 'break' | 'continue') {}
}

/** %d %i %o %x %X %u %c %s %e %f %g with flags, width, precision. */
export function awkSprintf(fmt: string, args: Val[]): string {
  let ai = 0;
  return fmt.replace(/%([-+ 0#]*)(\*|\d+)?(?:\.(\*|\d+))?([diouxXcseEfgG%])/g, (_m, flags: string, w?: string, p?: string, conv?: string) => {
    if (conv === '%') return '%';
    const width = w === '*' ? toNum(args[ai++] ?? 0) : Number(w ?? 0);
    const prec = p === '*' ? toNum(args[ai++] ?? 0) : p === undefined ? -1 : Number(p);
    const a = args[ai++] ?? '';
    let s: string;
    switch (conv) {
      case 'd': case 'i': case 'u': s = String(Math.trunc(toNum(a))); break;
      case 'o': s = Math.trunc(toNum(a)).toString(8); break;
      case 'x': s = Math.trunc(toNum(a)).toString(16); break;
      case 'X': s = Math.trunc(toNum(a)).toString(16).toUpperCase(); break;
      case 'c': s = typeof a === 'number' ? String.fromCharCode(a) : toStr(a).slice(0, 1); break;
      case 's': s = toStr(a); if (prec >= 0) s = s.slice(0, prec); break;
      case 'e': case 'E': s = toNum(a).toExponential(prec < 0 ? 6 : prec).replace(/e([+-])(\d)$/, 'e$10$2'); if (conv === 'E') s = s.toUpperCase(); break;
      case 'f': s = toNum(a).toFixed(prec < 0 ? 6 : prec); break;
      default: s = String(Number(toNum(a).toPrecision(prec <= 0 ? 6 : prec)));
    }
    if (flags.includes('+') && /^[dieEfgG]$/.test(conv!) && !s.startsWith('-')) s = '+' + s;
    if (s.length >= width) return s;
    if (flags.includes('-')) return s.padEnd(width);
    if (flags.includes('0') && conv !== 's' && conv !== 'c') return (s[0] === '-' || s[0] === '+' ? s[0] + s.slice(1).padStart(width - 1, '0') : s.padStart(width, '0'));
    return s.padStart(width);
  });
}

class Awk {
  vars = new Map<string, Val>();
  arrays = new Map<string, Map<string, Val>>();
  fields: Val[] = [new StrNum('')];
  out = '';
  rand = 1;

  constructor(
    private readonly ctx: CommandContext,
    private readonly regex: (s: string) => RegExp,
  ) {
    this.vars.set('FS', ' ').set('OFS', ' ').set('ORS', '\n').set('NR', 0).set('NF', 0).set('FNR', 0).set('SUBSEP', '\x1c').set('RSTART', 0).set('RLENGTH', -1).set('FILENAME', '');
  }

  setRecord(line: string): void {
    this.fields = [new StrNum(line), ...this.split(line, toStr(this.vars.get('FS')!)).map((s) => new StrNum(s))];
    this.vars.set('NF', this.fields.length - 1);
  }

  split(s: string, fs: string): string[] {
    if (fs === ' ') {
      const t = s.trim();
      return t ? t.split(/[ \t\n]+/) : [];
    }
    if (s === '') return [];
    if (fs.length === 1 && fs !== '\\') return s.split(fs);
    return s.split(new RegExp(posixToJs(fs, true)));
  }

  private rebuild(): void {
    this.fields[0] = new StrNum(this.fields.slice(1).map(toStr).join(toStr(this.vars.get('OFS')!)));
  }

  array(name: string): Map<string, Val> {
    let a = this.arrays.get(name);
    if (!a) this.arrays.set(name, (a = new Map()));
    return a;
  }

  private key(keys: Expr[]): string {
    return keys.map((k) => toStr(this.eval(k))).join(toStr(this.vars.get('SUBSEP')!));
  }

  private getField(i: number): Val {
    return this.fields[i] ?? '';
  }

  private setField(i: number, v: Val): void {
    if (i === 0) {
      this.setRecord(toStr(v));
      return;
    }
    while (this.fields.length <= i) this.fields.push('');
    this.fields[i] = v;
    this.vars.set('NF', this.fields.length - 1);
    this.rebuild();
  }

  private assign(target: Expr, v: Val): Val {
    if (target.k === 'var') {
      this.vars.set(target.name, v);
      if (target.name === 'NF') {
        this.fields.length = Math.max(1, toNum(v) + 1);
        this.rebuild();
      }
    } else if (target.k === 'field') this.setField(toNum(this.eval(target.e)), v);
    else if (target.k === 'idx') this.array(target.name).set(this.key(target.keys), v);
    return v;
  }

  private matchRe(e: Expr, s: string): boolean {
    const re = e.k === 're' ? e.re : this.regex(toStr(this.eval(e)));
    re.lastIndex = 0;
    return re.test(s);
  }

  eval(e: Expr): Val {
    switch (e.k) {
      case 'num': return e.v;
      case 'str': return e.v;
      case 're': return this.matchRe(e, toStr(this.fields[0])) ? 1 : 0;
      case 'group': return this.eval(e.e);
      case 'var': return this.vars.get(e.name) ?? '';
      case 'field': return this.getField(toNum(this.eval(e.e)));
      case 'idx': {
        const a = this.array(e.name);
        const k = this.key(e.keys);
        if (!a.has(k)) a.set(k, '');
        return a.get(k)!;
      }
      case 'in': return this.array(e.name).has(this.key(e.key)) ? 1 : 0;
      case 'assign': {
        const v = this.eval(e.e);
        if (e.op === '=') return this.assign(e.target, typeof v === 'number' || typeof v === 'string' ? v : v);
        const cur = toNum(this.eval(e.target));
        return this.assign(e.target, this.arith(e.op[0], cur, toNum(v)));
      }
      case 'incdec': {
        const cur = toNum(this.eval(e.target));
        const next = e.op === '++' ? cur + 1 : cur - 1;
        this.assign(e.target, next);
        return e.prefix ? next : cur;
      }
      case 'cond': return truthy(this.eval(e.c)) ? this.eval(e.a) : this.eval(e.b);
      case 'un': {
        const v = this.eval(e.e);
        return e.op === '!' ? (truthy(v) ? 0 : 1) : e.op === '-' ? -toNum(v) : toNum(v);
      }
      case 'bin': return this.binary(e.op, e.a, e.b);
      case 'call': return this.call(e.name, e.args);
    }
  }

  private arith(op: string, a: number, b: number): number {
    switch (op) {
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '/':
        if (b === 0) throw new AwkSyntaxError('division by zero');
        return a / b;
      case '%':
        if (b === 0) throw new AwkSyntaxError('division by zero in %');
        return a % b;
      default: return a ** b;
    }
  }

  private binary(op: string, ea: Expr, eb: Expr): Val {
    if (op === '&&') return truthy(this.eval(ea)) && truthy(this.eval(eb)) ? 1 : 0;
    if (op === '||') return truthy(this.eval(ea)) || truthy(this.eval(eb)) ? 1 : 0;
    if (op === '~' || op === '!~') {
      const m = this.matchRe(eb, toStr(this.eval(ea)));
      return (op === '~') === m ? 1 : 0;
    }
    const a = this.eval(ea);
    const b = this.eval(eb);
    if (op === 'concat') return toStr(a) + toStr(b);
    if (['<', '<=', '>', '>=', '==', '!='].includes(op)) {
      let c: number;
      if (isNumeric(a) && isNumeric(b)) c = toNum(a) - toNum(b);
      else {
        const x = toStr(a);
        const y = toStr(b);
        c = x < y ? -1 : x > y ? 1 : 0;
      }
      const r = op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : op === '>=' ? c >= 0 : op === '==' ? c === 0 : c !== 0;
      return r ? 1 : 0;
    }
    return this.arith(op, toNum(a), toNum(b));
  }

  private call(name: string, args: Expr[]): Val {
    const s = (i: number): string => toStr(args[i] ? this.eval(args[i]) : this.fields[0]);
    const n = (i: number): number => toNum(this.eval(args[i]));
    switch (name) {
      case 'length': {
        const a = args[0];
        if (a && a.k === 'var' && this.arrays.has(a.name)) return this.arrays.get(a.name)!.size;
        return [...s(0)].length;
      }
      case 'substr': {
        const str = s(0);
        const start = Math.round(n(1));
        const len = args.length > 2 ? Math.round(n(2)) : Infinity;
        const from = Math.max(1, start);
        const to = len === Infinity ? str.length + 1 : start + len;
        return to <= from ? '' : str.slice(from - 1, to - 1);
      }
      case 'index': return s(0).indexOf(s(1)) + 1;
      case 'split': {
        const target = args[1];
        if (!target || target.k !== 'var') throw new AwkSyntaxError('split: second argument must be an array');
        const parts = this.split(s(0), args[2] ? (args[2].k === 're' ? args[2].re.source : s(2)) : toStr(this.vars.get('FS')!));
        const a = new Map<string, Val>();
        parts.forEach((p, i) => a.set(String(i + 1), new StrNum(p)));
        this.arrays.set(target.name, a);
        return parts.length;
      }
      case 'sub':
      case 'gsub': {
        const re = args[0].k === 're' ? args[0].re : this.regex(s(0));
        const repl = s(1);
        const target = args[2] ?? ({ k: 'field', e: { k: 'num', v: 0 } } as Expr);
        const src = toStr(this.eval(target));
        let count = 0;
        const flags = re.flags.includes('g') ? re.flags : re.flags + 'g';
        const out = src.replace(new RegExp(re.source, flags), (m) => {
          if (name === 'sub' && count > 0) return m;
          count++;
          return repl.replace(/\\\\|\\&|&/g, (x) => (x === '&' ? m : x === '\\&' ? '&' : '\\'));
        });
        if (count) this.assign(target, out);
        return count;
      }
      case 'match': {
        const re = args[1].k === 're' ? args[1].re : this.regex(s(1));
        re.lastIndex = 0;
        const m = re.exec(s(0));
        this.vars.set('RSTART', m ? m.index + 1 : 0).set('RLENGTH', m ? m[0].length : -1);
        return m ? m.index + 1 : 0;
      }
      case 'toupper': return s(0).toUpperCase();
      case 'tolower': return s(0).toLowerCase();
      case 'sprintf': return awkSprintf(s(0), args.slice(1).map((a) => this.eval(a)));
      case 'int': return Math.trunc(n(0));
      case 'sqrt': return Math.sqrt(n(0));
      case 'exp': return Math.exp(n(0));
      case 'log': return Math.log(n(0));
      case 'sin': return Math.sin(n(0));
      case 'cos': return Math.cos(n(0));
      case 'atan2': return Math.atan2(n(0), n(1));
      case 'rand':
        // Deterministic, like the simulation: a fixed-seed LCG.
        this.rand = (this.rand * 1103515245 + 12345) & 0x7fffffff;
        return this.rand / 0x80000000;
      case 'srand': {
        const prev = this.rand;
        this.rand = args.length ? n(0) : 0;
        return prev;
      }
      case 'close': case 'fflush': case 'system': return 0;
    }
    throw new AwkSyntaxError(`function ${name} never defined`);
  }

  exec(stmts: Stmt[]): void {
    for (const st of stmts) this.stmt(st);
  }

  private stmt(st: Stmt): void {
    switch (st.k) {
      case 'print': {
        let text: string;
        if (st.printf) text = st.args.length ? awkSprintf(toStr(this.eval(st.args[0])), st.args.slice(1).map((a) => this.eval(a))) : '';
        else {
          const parts = st.args.length ? st.args.map((a) => {
            const v = this.eval(a);
            return typeof v === 'number' ? numStr(v) : toStr(v);
          }) : [toStr(this.fields[0])];
          text = parts.join(toStr(this.vars.get('OFS')!)) + toStr(this.vars.get('ORS')!);
        }
        if (st.dest) {
          const path = this.ctx.resolve(toStr(this.eval(st.dest.e)));
          const opened = this.opened.has(path);
          this.ctx.fs.writeFile(path, text, { append: st.dest.append || opened });
          this.opened.add(path);
        } else this.out += text;
        return;
      }
      case 'expr': this.eval(st.e); return;
      case 'if':
        if (truthy(this.eval(st.c))) this.stmt(st.a);
        else if (st.b) this.stmt(st.b);
        return;
      case 'while':
        while (truthy(this.eval(st.c))) if (this.loopBody(st.body)) break;
        return;
      case 'do':
        do if (this.loopBody(st.body)) break; while (truthy(this.eval(st.c)));
        return;
      case 'for':
        for (st.init && this.eval(st.init); !st.c || truthy(this.eval(st.c)); st.step && this.eval(st.step)) if (this.loopBody(st.body)) break;
        return;
      case 'forin':
        for (const k of [...this.array(st.arr).keys()]) {
          this.vars.set(st.v, new StrNum(k));
          if (this.loopBody(st.body)) break;
        }
        return;
      case 'block': this.exec(st.body); return;
      case 'next': throw new Next();
      case 'exit': throw new Exit(st.e ? toNum(this.eval(st.e)) : 0);
      case 'break': throw new LoopCtl('break');
      case 'continue': throw new LoopCtl('continue');
      case 'delete':
        if (st.keys) this.array(st.name).delete(this.key(st.keys));
        else this.arrays.delete(st.name);
        return;
    }
  }

  readonly opened = new Set<string>();

  /** Runs a loop body; true means break. */
  private loopBody(body: Stmt): boolean {
    try {
      this.stmt(body);
      return false;
    } catch (e) {
      if (e instanceof LoopCtl) return e.kind === 'break';
      throw e;
    }
  }

  matches(r: Rule): boolean {
    if (r.pattern === null) return true;
    if (r.pattern === 'BEGIN' || r.pattern === 'END') return false;
    return truthy(this.eval(r.pattern));
  }

  runRules(rules: Rule[]): void {
    for (const r of rules) {
      if (r.pattern === 'BEGIN' || r.pattern === 'END' || !this.matches(r)) continue;
      if (r.action) this.exec(r.action);
      else this.out += toStr(this.fields[0]) + toStr(this.vars.get('ORS')!);
    }
  }
}

function assignment(awk: Awk, s: string): boolean {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/.exec(s);
  if (!m) return false;
  awk.vars.set(m[1], new StrNum(m[2].replace(/\\n/g, '\n').replace(/\\t/g, '\t')));
  return true;
}

export const awk: CommandImpl = async (argv, ctx) => {
  const p = getopt(argv.slice(1), { short: 'F:v:f:', long: { 'field-separator=': 'F', 'assign=': 'v', 'file=': 'f' } });
  if (isOptError(p)) return optionError(ctx, 'awk', p, 2);
  const regexCache = new Map<string, RegExp>();
  const regex = (s: string): RegExp => {
    let r = regexCache.get(s);
    if (!r) regexCache.set(s, (r = new RegExp(posixToJs(s, true))));
    return r;
  };
  const a = new Awk(ctx, regex);
  let program: string | null = null;
  for (const [k, v] of p.opts) {
    if (k === 'F') a.vars.set('FS', v === 't' ? '\t' : v.replace(/\\t/g, '\t'));
    else if (k === 'v') assignment(a, v);
    else if (k === 'f') {
      try {
        program = ctx.fs.readFile(ctx.resolve(v));
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        await ctx.io.stderr.write(`awk: can't open file ${v}\n`);
        return 2;
      }
    }
  }
  const operands = p.operands.slice();
  if (program === null) {
    if (!operands.length) {
      if (ctx.flavor === 'busybox') await usageTail(ctx, 'awk');
      else await ctx.io.stderr.write('usage: awk [-F value] [-v var=value] [--] \'program text\' [file ...]\n');
      return 2;
    }
    program = operands.shift()!;
  }
  let rules: Rule[];
  try {
    rules = new AwkParser(program, regex).program();
  } catch (e) {
    if (!(e instanceof AwkSyntaxError) && !(e instanceof RegexError)) throw e;
    await ctx.io.stderr.write(`awk: ${e.message}\n`);
    return 2;
  }
  const flush = async (): Promise<void> => {
    if (a.out) {
      await ctx.io.stdout.write(a.out);
      a.out = '';
    }
  };
  let status = 0;
  try {
    try {
      for (const r of rules) if (r.pattern === 'BEGIN' && r.action) a.exec(r.action);
      await flush();
      const hasMain = rules.some((r) => r.pattern !== 'BEGIN');
      if (hasMain) {
        const files = operands.filter((o) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(o));
        let ok = true;
        if (!files.length) ok = await readInput(ctx, a, rules, ['-'], flush);
        else {
          for (const o of operands) {
            if (assignment(a, o)) continue;
            ok = (await readInput(ctx, a, rules, [o], flush)) && ok;
          }
        }
        if (!ok) status = 2;
      }
    } catch (e) {
      if (!(e instanceof Exit)) throw e;
      status = e.status;
    }
    for (const r of rules) if (r.pattern === 'END' && r.action) a.exec(r.action);
  } catch (e) {
    if (e instanceof Exit) status = e.status;
    else if (e instanceof AwkSyntaxError) {
      await flush();
      await ctx.io.stderr.write(`awk: ${e.message}\n`);
      return 2;
    } else throw e;
  }
  await flush();
  return status;
};

async function readInput(ctx: CommandContext, a: Awk, rules: Rule[], names: string[], flush: () => Promise<void>): Promise<boolean> {
  return eachInput(ctx, 'awk', names, async (input, name) => {
    a.vars.set('FILENAME', name === '-' ? '' : name).set('FNR', 0);
    for (let line = await input.readLine(); line !== null; line = await input.readLine()) {
      a.vars.set('NR', toNum(a.vars.get('NR')!) + 1).set('FNR', toNum(a.vars.get('FNR')!) + 1);
      a.setRecord(line);
      try {
        a.runRules(rules);
      } catch (e) {
        if (!(e instanceof Next)) throw e;
      }
      await flush();
    }
  });
}
