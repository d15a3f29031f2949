// Conditional expressions: `test` / `[` (POSIX argument-count rules, -a/-o/!/parentheses) and bash's
// `[[ … ]]` (no splitting, pattern ==, regex =~, && || <>), with bash and busybox error texts.

import type { CondArg } from '../ast';
import { arith, expandPattern, expandWord } from '../expand';
import type { FileSystem } from '../fs';
import { resolvePath } from '../fs';
import type { Interp } from '../interpreter';
import { compilePattern } from '../pattern';
import type { Fd } from '../redirect';
import type { OutputStream } from '../streams';
import { ereToRegExp } from '../utils/regex';

export class TestError {
  constructor(
    readonly bash: string,
    readonly busybox: string,
  ) {}
}

const UNARY = new Set(['-e', '-f', '-d', '-s', '-r', '-w', '-x', '-L', '-h', '-b', '-c', '-p', '-S', '-n', '-z', '-t', '-g', '-u', '-k', '-O', '-G', '-N', '-a']);
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

export interface FileView {
  readonly fs: FileSystem;
  readonly cwd: string;
}

export function unaryTest(op: string, arg: string, f: FileView): boolean {
  if (op === '-n') return arg !== '';
  if (op === '-z') return arg === '';
  if (op === '-t') return false;
  const path = resolvePath(f.cwd, arg);
  if (arg === '') return false;
  const st = op === '-L' || op === '-h' ? f.fs.lstat(path) : f.fs.stat(path);
  if (!st) return false;
  switch (op) {
    case '-e': case '-a': return true;
    case '-f': return st.type === 'file';
    case '-d': return st.type === 'dir';
    case '-s': return st.size > 0;
    case '-r': return true;
    case '-w': return !st.readOnly;
    case '-x': return (st.mode & 0o111) !== 0 || st.type === 'dir';
    case '-L': case '-h': return st.type === 'symlink';
    case '-c': return st.type === 'device';
    case '-k': return (st.mode & 0o1000) !== 0;
    case '-O': case '-G': return true;
    default: return false;
  }
}

function integer(s: string): bigint {
  const t = s.trim();
  if (!/^[-+]?\d+$/.test(t)) throw new TestError(`${s}: integer expression expected`, `${s}: bad number`);
  return BigInt(t);
}

export function binaryTest(op: string, a: string, b: string, f: FileView): boolean {
  switch (op) {
    case '=': case '==': return a === b;
    case '!=': return a !== b;
    case '<': return a < b;
    case '>': return a > b;
    case '-nt': case '-ot': {
      const x = f.fs.stat(resolvePath(f.cwd, a));
      const y = f.fs.stat(resolvePath(f.cwd, b));
      if (op === '-nt') return !!x && (!y || x.mtime > y.mtime);
      return !!y && (!x || x.mtime < y.mtime);
    }
    case '-ef': return resolvePath(f.cwd, a) === resolvePath(f.cwd, b) && !!f.fs.stat(resolvePath(f.cwd, a));
  }
  const x = integer(a);
  const y = integer(b);
  switch (op) {
    case '-eq': return x === y;
    case '-ne': return x !== y;
    case '-lt': return x < y;
    case '-le': return x <= y;
    case '-gt': return x > y;
    default: return x >= y;
  }
}

/** `test ARGS` / `[ ARGS ]` (the `]` already removed). Returns 0 true, 1 false; throws TestError (status 2). */
export function evalTest(args: string[], f: FileView): number {
  const p = new TestParser(args, f);
  if (args.length === 0) return 1;
  const v = p.posix(0, args.length);
  return v ? 0 : 1;
}

class TestParser {
  constructor(
    private readonly a: string[],
    private readonly f: FileView,
  ) {}

  private err(bash: string, busybox: string): never {
    throw new TestError(bash, busybox);
  }

  /** Evaluates a[i..j) with POSIX's rules for up to four arguments, else the general grammar. */
  posix(i: number, j: number): boolean {
    const a = this.a;
    const n = j - i;
    if (n === 1) return a[i] !== '';
    if (n === 2) {
      if (a[i] === '!') return a[i + 1] === '';
      if (UNARY.has(a[i])) return unaryTest(a[i], a[i + 1], this.f);
      this.err(`${a[i]}: unary operator expected`, `${a[i + 1]}: unknown operand`);
    }
    if (n === 3) {
      if (BINARY.has(a[i + 1])) return binaryTest(a[i + 1], a[i], a[i + 2], this.f);
      if (a[i + 1] === '-a') return a[i] !== '' && a[i + 2] !== '';
      if (a[i + 1] === '-o') return a[i] !== '' || a[i + 2] !== '';
      if (a[i] === '!') return !this.posix(i + 1, j);
      if (a[i] === '(' && a[j - 1] === ')') return a[i + 1] !== '';
      this.err(`${a[i + 1]}: binary operator expected`, `${a[i + 1]}: unknown operand`);
    }
    if (n === 4) {
      if (a[i] === '!') return !this.posix(i + 1, j);
      if (a[i] === '(' && a[j - 1] === ')') return this.posix(i + 1, j - 1);
    }
    const g = new General(a.slice(i, j), this.f);
    const v = g.or();
    if (g.pos < g.args.length) this.err('too many arguments', `${g.args[g.pos]}: unknown operand`);
    return v;
  }
}

/** The -a/-o/!/( ) grammar for longer expressions. */
class General {
  pos = 0;

  constructor(
    readonly args: string[],
    private readonly f: FileView,
  ) {}

  or(): boolean {
    let v = this.and();
    while (this.args[this.pos] === '-o') {
      this.pos++;
      const r = this.and();
      v = v || r;
    }
    return v;
  }

  private and(): boolean {
    let v = this.not();
    while (this.args[this.pos] === '-a') {
      this.pos++;
      const r = this.not();
      v = v && r;
    }
    return v;
  }

  private not(): boolean {
    if (this.args[this.pos] === '!') {
      this.pos++;
      return !this.not();
    }
    return this.primary();
  }

  private primary(): boolean {
    const a = this.args;
    const t = a[this.pos];
    if (t === undefined) throw new TestError('argument expected', 'argument expected');
    if (t === '(') {
      this.pos++;
      const v = this.or();
      if (a[this.pos] !== ')') throw new TestError("`)' expected", 'closing paren expected');
      this.pos++;
      return v;
    }
    if (BINARY.has(a[this.pos + 1] ?? '') && this.pos + 2 < a.length) {
      this.pos += 3;
      return binaryTest(a[this.pos - 2], t, a[this.pos - 1], this.f);
    }
    if (UNARY.has(t) && this.pos + 1 < a.length) {
      this.pos += 2;
      return unaryTest(t, a[this.pos - 1], this.f);
    }
    this.pos++;
    return t !== '';
  }
}

/** `[[ … ]]`: evaluated lazily so `[[ -n $x && … ]]` short-circuits. Returns 0, 1, or 2 on error. */
export async function evalCond(sh: Interp, args: readonly CondArg[], fds: Fd[]): Promise<number> {
  const c = new Cond(sh, args);
  try {
    const v = await c.or();
    if (c.pos < args.length) throw new TestError('syntax error in conditional expression', 'syntax error in conditional expression');
    return v ? 0 : 1;
  } catch (e) {
    if (!(e instanceof TestError)) throw e;
    await sh.err(sh.flavor === 'busybox' ? e.busybox : e.bash, undefined, fds[2] as OutputStream);
    return 2;
  }
}

class Cond {
  pos = 0;

  constructor(
    private readonly sh: Interp,
    private readonly args: readonly CondArg[],
  ) {}

  private opAt(i: number): string | null {
    const a = this.args[i];
    if (!a) return null;
    if ('op' in a) return a.op;
    return a.word.parts.length === 1 && a.word.parts[0].type === 'lit' ? a.word.parts[0].text : null;
  }

  private async str(i: number): Promise<string> {
    const a = this.args[i];
    if (!a) throw new TestError('unexpected argument to conditional binary operator', 'syntax error');
    if ('op' in a) return a.op;
    return expandWord(a.word, this.sh);
  }

  async or(): Promise<boolean> {
    let v = await this.and();
    while (this.opAt(this.pos) === '||') {
      this.pos++;
      if (v) await this.skip(() => this.and());
      else v = await this.and();
    }
    return v;
  }

  private async and(): Promise<boolean> {
    let v = await this.not();
    while (this.opAt(this.pos) === '&&') {
      this.pos++;
      if (!v) await this.skip(() => this.not());
      else v = await this.not();
    }
    return v;
  }

  /** Parses an operand without its side effects mattering (its value is not needed). */
  private async skip(fn: () => Promise<boolean>): Promise<void> {
    await fn();
  }

  private async not(): Promise<boolean> {
    if (this.opAt(this.pos) === '!' && 'op' in this.args[this.pos]) {
      this.pos++;
      return !(await this.not());
    }
    return this.primary();
  }

  private async primary(): Promise<boolean> {
    const args = this.args;
    const first = args[this.pos];
    if (!first) throw new TestError('unexpected end of conditional expression', 'syntax error');
    if ('op' in first && first.op === '(') {
      this.pos++;
      const v = await this.or();
      if (this.opAt(this.pos) !== ')') throw new TestError("expected `)'", 'syntax error');
      this.pos++;
      return v;
    }
    const op = this.opAt(this.pos + 1);
    if (op !== null && (BINARY.has(op) || op === '=~') && this.pos + 2 < args.length) {
      const left = await this.str(this.pos);
      const rhs = args[this.pos + 2];
      this.pos += 3;
      if (op === '==' || op === '=' || op === '!=') {
        const pat = 'word' in rhs ? await expandPattern(rhs.word, this.sh) : rhs.op;
        const m = compilePattern(pat).test(left);
        return op === '!=' ? !m : m;
      }
      if (op === '=~') {
        const src = 'word' in rhs ? await expandWord(rhs.word, this.sh) : rhs.op;
        try {
          return ereToRegExp(src).test(left);
        } catch {
          return false;
        }
      }
      const right = 'word' in rhs ? await expandWord(rhs.word, this.sh) : rhs.op;
      if (op.startsWith('-') && op !== '-nt' && op !== '-ot' && op !== '-ef') {
        // [[ ]] evaluates integer operands arithmetically: unset names are 0.
        const x = arith(left, this.sh);
        const y = arith(right, this.sh);
        return binaryTest(op, String(x), String(y), this.sh);
      }
      return binaryTest(op, left, right, this.sh);
    }
    const u = this.opAt(this.pos);
    if (u !== null && UNARY.has(u) && 'word' in first && this.pos + 1 < args.length) {
      const operand = await this.str(this.pos + 1);
      this.pos += 2;
      return unaryTest(u, operand, this.sh);
    }
    this.pos++;
    return (await this.str(this.pos - 1)) !== '';
  }
}
