// Word expansion: tilde, parameters (with ${…} operators), command substitution, arithmetic, field
// splitting on IFS, pathname expansion and quote removal, in the order POSIX gives.

import type { ParamPart, Script, Word, WordPart } from './ast';
import { ArithError, evaluateArith } from './arith';
import { ExpansionError } from './control';
import type { FileSystem } from './fs';
import { braceExpand } from './brace';
import { glob } from './glob';
import { hasGlobChars, quotePattern, removeAffix, replacePattern } from './pattern';

/** What expansion needs from the interpreter. */
export interface ExpandHost {
  /** A variable or special parameter ($?, $#, $$, $!, $-, $0, $1…); undefined when unset. */
  getVar(name: string): string | undefined;
  /** Assigns (for ${v:=x} and arithmetic); throws ExpansionError for read-only variables. */
  setVar(name: string, value: string): void;
  positional(): readonly string[];
  commandSubst(body: Script): Promise<string>;
  readonly fs: FileSystem;
  readonly cwd: string;
  readonly nounset: boolean;
  readonly noglob: boolean;
  /** bash's {a,b} and {1..3}; busybox ash has none. */
  readonly braceExpansion: boolean;
}

const DEFAULT_IFS = ' \t\n';

/** Builds fields from expanded pieces; `curPat` is the same text with quoted glob characters escaped. */
class Fields {
  readonly out: string[] = [];
  readonly pats: (string | null)[] = [];
  private cur = '';
  private curPat = '';
  private glob = false;
  private started = false;
  private pendingBreak = false;

  constructor(
    /** Split unquoted expansion results on IFS (false for assignments, patterns, here-documents). */
    private readonly split: boolean,
    private readonly ifs: string,
  ) {}

  private breakIfPending(): void {
    if (this.pendingBreak) {
      this.pendingBreak = false;
      if (this.started) this.push();
    }
  }

  private push(): void {
    this.out.push(this.cur);
    this.pats.push(this.glob ? this.curPat : null);
    this.cur = '';
    this.curPat = '';
    this.glob = false;
    this.started = false;
  }

  quoted(s: string): void {
    this.breakIfPending();
    this.cur += s;
    this.curPat += quotePattern(s);
    this.started = true;
  }

  /** Unquoted text that is never split (the literal parts of a word). */
  literal(s: string): void {
    if (!s) return;
    this.breakIfPending();
    this.cur += s;
    this.curPat += s;
    if (!this.glob && hasGlobChars(s)) this.glob = true;
    this.started = true;
  }

  /** An unquoted expansion result: split on IFS (when splitting) and glob-active. */
  expanded(s: string): void {
    if (!this.split || this.ifs === '') return this.literal(s);
    const ifs = this.ifs;
    let run = '';
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      if (ifs.includes(c)) {
        if (run) {
          this.literal(run);
          run = '';
        }
        if (c === ' ' || c === '\t' || c === '\n') this.pendingBreak = true;
        else {
          // A non-blank separator always ends a field, even an empty one.
          this.pendingBreak = false;
          this.started = true;
          this.push();
        }
      } else run += c;
    }
    if (run) this.literal(run);
  }

  /** An empty "" still makes a field. */
  markStarted(): void {
    this.breakIfPending();
    this.started = true;
  }

  /** Between the words of "$@". */
  hardBreak(): void {
    if (!this.split) {
      this.quoted(' ');
      return;
    }
    this.pendingBreak = false;
    this.push();
    this.started = true;
  }

  /** Between the words of an unquoted $@ / $*. */
  softBreak(): void {
    if (!this.split) this.literal(' ');
    else this.pendingBreak = true;
  }

  finish(): void {
    if (this.started) this.push();
  }

  /** The single result of a non-splitting expansion. */
  joined(): string {
    return this.out.length <= 1 ? (this.out[0] ?? '') : this.out.join(' ');
  }

  joinedPattern(): string {
    return this.out.length === 0 ? '' : this.pats.map((p, i) => p ?? quotePattern(this.out[i])).join(' ');
  }
}

function ifsOf(host: ExpandHost): string {
  return host.getVar('IFS') ?? DEFAULT_IFS;
}

/** Expands command words: may produce zero, one or many fields. */
export async function expandWords(words: readonly Word[], host: ExpandHost): Promise<string[]> {
  const out: string[] = [];
  for (const word of words) {
    if (word.literal !== null) {
      out.push(word.literal);
      continue;
    }
    for (const w of host.braceExpansion ? braceExpand(word) : [word]) await expandOne(w, host, out);
  }
  return out;
}

async function expandOne(w: Word, host: ExpandHost, out: string[]): Promise<void> {
  const f = new Fields(true, ifsOf(host));
  await expandParts(w.parts, false, f, host, false);
  f.finish();
  for (let i = 0; i < f.out.length; i++) {
    const pat = f.pats[i];
    if (pat !== null && !host.noglob) {
      const matches = glob(pat, host.fs, host.cwd);
      if (matches.length) {
        out.push(...matches);
        continue;
      }
    }
    out.push(f.out[i]);
  }
}


/** Expands to one string without splitting or globbing (assignments, redirection targets, here-documents). */
export async function expandWord(w: Word, host: ExpandHost): Promise<string> {
  if (w.literal !== null) return w.literal;
  const f = new Fields(false, ifsOf(host));
  await expandParts(w.parts, false, f, host, false);
  f.finish();
  return f.joined();
}

/** Expands to a pattern: quoted characters are escaped so only unquoted `*?[` are special. */
export async function expandPattern(w: Word, host: ExpandHost): Promise<string> {
  if (w.literal !== null) return quotePattern(w.literal);
  const f = new Fields(false, ifsOf(host));
  await expandParts(w.parts, false, f, host, false);
  f.finish();
  return f.joinedPattern();
}

async function expandParts(parts: readonly WordPart[], quoted: boolean, f: Fields, host: ExpandHost, argMode: boolean): Promise<void> {
  for (const p of parts) {
    switch (p.type) {
      case 'lit':
        if (quoted) f.quoted(p.text);
        else if (argMode) f.expanded(p.text);
        else f.literal(p.text);
        break;
      case 'sq':
        f.quoted(p.text);
        break;
      case 'dq':
        // "$@" with no positional parameters makes no field at all.
        if (!(host.positional().length === 0 && p.parts.length > 0 && p.parts.every((q) => q.type === 'param' && q.name === '@' && q.op === ''))) f.markStarted();
        await expandParts(p.parts, true, f, host, false);
        break;
      case 'tilde':
        f.quoted(tilde(p.user, host));
        break;
      case 'param':
        await expandParam(p, quoted, f, host);
        break;
      case 'cmdsub': {
        const s = await host.commandSubst(p.body);
        if (quoted) f.quoted(s);
        else f.expanded(s);
        break;
      }
      case 'arith': {
        const v = arith(await expandWord(p.expr, host), host).toString();
        if (quoted) f.quoted(v);
        else f.expanded(v);
        break;
      }
    }
  }
}

function tilde(user: string, host: ExpandHost): string {
  if (user === '') return host.getVar('HOME') ?? '/root';
  if (user === 'root') return '/root';
  return '~' + user;
}

/** Evaluates arithmetic text, turning its errors into expansion errors. */
export function arith(text: string, host: ExpandHost): bigint {
  try {
    return evaluateArith(text, {
      get: (n) => host.getVar(n),
      set: (n, v) => host.setVar(n, v),
    });
  } catch (e) {
    if (e instanceof ArithError) throw new ExpansionError(e.message, e.busybox);
    throw e;
  }
}

async function expandParam(p: ParamPart, quoted: boolean, f: Fields, host: ExpandHost): Promise<void> {
  const add = (s: string): void => (quoted ? f.quoted(s) : f.expanded(s));
  const { name, op } = p;
  if (op === 'bad') throw new ExpansionError(`${p.raw}: bad substitution`, 'syntax error: bad substitution');
  if ((name === '@' || name === '*') && (op === '' || op === 'len')) {
    const params = host.positional();
    if (op === 'len') return add(String(params.length));
    if (quoted && name === '*') {
      const ifs = host.getVar('IFS');
      return add(params.join(ifs === undefined ? ' ' : ifs.slice(0, 1)));
    }
    for (let i = 0; i < params.length; i++) {
      if (i > 0) {
        if (quoted) f.hardBreak();
        else f.softBreak();
      }
      add(params[i]);
    }
    return;
  }
  const value = name === '@' || name === '*' ? host.positional().join(' ') : host.getVar(name);
  const colon = op.startsWith(':');
  const missing = value === undefined || (colon && value === '');
  switch (op) {
    case '':
      if (value === undefined && host.nounset && !/^[@*#?$!0-]$/.test(name)) {
        throw new ExpansionError(`${name}: unbound variable`, `${name}: parameter not set`, 127);
      }
      return add(value ?? '');
    case '-':
    case ':-':
      if (missing) return expandParts(p.arg!.parts, quoted, f, host, !quoted);
      return add(value!);
    case '=':
    case ':=':
      if (missing) {
        const s = await expandWord(p.arg!, host);
        host.setVar(name, s);
        return add(s);
      }
      return add(value!);
    case '?':
    case ':?':
      if (missing) {
        const msg = p.arg && p.arg.parts.length ? await expandWord(p.arg, host) : colon ? 'parameter null or not set' : 'parameter not set';
        throw new ExpansionError(`${name}: ${msg}`, `${name}: ${msg}`, 127);
      }
      return add(value!);
    case '+':
    case ':+':
      if (!missing) return expandParts(p.arg!.parts, quoted, f, host, !quoted);
      return;
    case 'len':
      return add(String([...(value ?? '')].length));
    case '#':
    case '##':
    case '%':
    case '%%':
      return add(removeAffix(value ?? '', await expandPattern(p.arg!, host), op));
    case '/':
    case '//':
    case '/#':
    case '/%': {
      const rep = p.arg2 ? await expandWord(p.arg2, host) : '';
      return add(replacePattern(value ?? '', await expandPattern(p.arg!, host), rep, op));
    }
    case 'substr': {
      const s = value ?? '';
      let off = Number(arith(await expandWord(p.arg!, host), host));
      if (off < 0) off = Math.max(0, s.length + off);
      let len = s.length - off;
      if (p.arg2) {
        len = Number(arith(await expandWord(p.arg2, host), host));
        if (len < 0) len = s.length - off + len;
        if (len < 0) throw new ExpansionError(`${p.arg2.raw}: substring expression < 0`, 'syntax error: bad substitution');
      }
      return add(s.substr(off, len));
    }
    case '^^':
      return add((value ?? '').toUpperCase());
    case ',,':
      return add((value ?? '').toLowerCase());
    case '^':
      return add((value ?? '').slice(0, 1).toUpperCase() + (value ?? '').slice(1));
    case ',':
      return add((value ?? '').slice(0, 1).toLowerCase() + (value ?? '').slice(1));
  }
}


