// Recursive-descent parser for the POSIX shell grammar plus the bash bits people type ([[ ]], (( )),
// function, |&, <<<). Produces the immutable tree of ast.ts; parseCached() memoises by source text.

import type {
  AndOr, Assignment, CaseItem, Command, CompoundCommand, CondArg, FunctionDef, IfClause, List,
  Pipeline, Redirect, RedirectOp, Script, SimpleCommand, Word,
} from './ast';
import { ShellSyntaxError } from './errors';
import { Lexer, type Token } from './lexer';
import { makeWord } from './words';

const LIST_END_WORDS = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);
const LIST_END_OPS = new Set([')', ';;', ';&', ';;&']);
const REDIRECT_OPS = new Set(['<', '>', '>>', '>|', '<>', '<&', '>&', '&>', '&>>', '<<', '<<-', '<<<']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ASSIGN = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/;

export class Parser {
  readonly lex: Lexer;
  tok: Token;

  constructor(
    readonly src: string,
    start = 0,
    /** isComplete mode: any construct cut short by the end of input is reported as incomplete. */
    readonly partial = false,
  ) {
    this.lex = new Lexer(src, start, (s, p) => parseSubstitution(s, p, partial), partial);
    this.lex.throwOnOpenHeredoc = partial;
    this.tok = this.lex.next();
  }

  /** Re-positions at a source index (splitCommands walks a script one command line at a time). */
  reset(pos: number): void {
    this.lex.pos = pos;
    this.tok = this.lex.next();
  }

  advance(): void {
    this.tok = this.lex.next();
  }

  /** The word that would close the construct being parsed (busybox names it at end of input). */
  private closers: string[] = [];

  private fail(tok: Token = this.tok, expecting: string | null = null): never {
    const line = this.lex.lineAt(tok.start);
    if (tok.t === 'eof') throw new ShellSyntaxError({ kind: 'eof', expecting: expecting ?? this.closers[this.closers.length - 1] ?? null }, line);
    const text = tok.t === 'word' ? tok.word!.raw : tok.op === '\n' ? 'newline' : tok.op;
    throw new ShellSyntaxError({ kind: 'token', token: text }, line);
  }

  /** The current token is the unquoted word `w` (reserved words are recognised only where a command starts). */
  isReserved(w: string): boolean {
    const t = this.tok;
    if (t.t !== 'word') return false;
    const p = t.word!.parts;
    return p.length === 1 && p[0].type === 'lit' && p[0].text === w;
  }

  atEof(): boolean {
    return this.tok.t === 'eof';
  }

  isOp(op: string): boolean {
    return this.tok.t === 'op' && this.tok.op === op;
  }

  private skipNewlines(): void {
    while (this.isOp('\n')) this.advance();
  }

  private expect(w: string): void {
    if (!this.isReserved(w)) this.fail(this.tok, w);
    this.advance();
  }

  private atListEnd(): boolean {
    const t = this.tok;
    if (t.t === 'eof') return true;
    if (t.t === 'op') return LIST_END_OPS.has(t.op);
    for (const w of LIST_END_WORDS) if (this.isReserved(w)) return true;
    return false;
  }

  /** Whole program: commands until end of input. */
  parseProgram(): Script {
    const body = this.list();
    if (this.tok.t !== 'eof') this.fail();
    return { body, warnings: this.lex.warnings };
  }

  /** One command line: and-or lists up to a newline (with its here-documents) or end of input. */
  parseLine(): List {
    const items: AndOr[] = [];
    while (this.tok.t !== 'eof' && !this.isOp('\n')) {
      const item = this.andOrItem();
      items.push(item);
      if (item.background || this.isOp(';')) {
        if (this.isOp(';')) this.advance();
        continue;
      }
      if (!this.atEof() && !this.isOp('\n')) this.fail();
    }
    return { items };
  }

  list(): List {
    const items: AndOr[] = [];
    this.skipNewlines();
    while (!this.atListEnd()) {
      items.push(this.andOrItem());
      if (this.isOp(';') || this.isOp('\n')) this.advance();
      else if (!items[items.length - 1].background && !this.atListEnd()) this.fail();
      this.skipNewlines();
    }
    return { items };
  }

  /** A list that must not be empty, to be closed by `closer`. */
  private nonEmptyList(closer: string): List {
    this.closers.push(closer);
    try {
      const l = this.list();
      if (l.items.length === 0) this.fail();
      return l;
    } finally {
      this.closers.pop();
    }
  }

  /** An and-or list with its `&` if any (the `;`/newline after it is left to the caller). */
  private andOrItem(): AndOr {
    const start = this.tok.start;
    const first = this.pipeline();
    const rest: { op: '&&' | '||'; pipeline: Pipeline }[] = [];
    let end = this.tok.start;
    while (this.isOp('&&') || this.isOp('||')) {
      const op = this.tok.op as '&&' | '||';
      this.advance();
      this.skipNewlines();
      rest.push({ op, pipeline: this.pipeline() });
      end = this.tok.start;
    }
    const source = this.src.slice(start, end).trimEnd();
    if (this.isOp('&')) {
      this.advance();
      return { first, rest, background: true, source };
    }
    return { first, rest, background: false, source };
  }

  private pipeline(): Pipeline {
    let negated = false;
    if (this.isReserved('!')) {
      negated = true;
      this.advance();
    }
    const commands = [this.command()];
    const stderrToo: boolean[] = [];
    while (this.isOp('|') || this.isOp('|&')) {
      stderrToo.push(this.tok.op === '|&');
      this.advance();
      this.skipNewlines();
      commands.push(this.command());
    }
    return { negated, commands, stderrToo };
  }

  private command(): Command {
    const t = this.tok;
    const line = this.lex.lineAt(t.start);
    if (t.t === 'eof') this.fail();
    if (t.t === 'op') {
      if (t.op === '(') {
        if (this.src[t.end] === '(') return this.arithCommand(line);
        this.advance();
        const body = this.nonEmptyList(')');
        if (!this.isOp(')')) this.fail(this.tok, ')');
        this.advance();
        return this.withRedirects({ type: 'subshell', body, redirects: [], line });
      }
      if (REDIRECT_OPS.has(t.op)) return this.simpleCommand();
      this.fail();
    }
    const w = t.word!;
    if (w.parts.length === 1 && w.parts[0].type === 'lit') {
      switch (w.parts[0].text) {
        case 'if': return this.ifCommand(line);
        case 'while': case 'until': return this.whileCommand(w.parts[0].text, line);
        case 'for': return this.forCommand(line);
        case 'case': return this.caseCommand(line);
        case '{': {
          this.advance();
          const body = this.nonEmptyList('}');
          this.expect('}');
          return this.withRedirects({ type: 'group', body, redirects: [], line });
        }
        case '[[': return this.condCommand(line);
        case 'function': return this.functionKeyword(line);
        case 'then': case 'else': case 'elif': case 'fi': case 'do': case 'done': case 'esac': case '}':
          this.fail();
      }
      if (NAME.test(w.parts[0].text) && this.lex.peekIs('(')) return this.functionDef(w.parts[0].text, line);
    }
    return this.simpleCommand();
  }

  private withRedirects(c: CompoundCommand): CompoundCommand {
    const redirects: Redirect[] = [];
    while (this.tok.t === 'op' && REDIRECT_OPS.has(this.tok.op)) redirects.push(this.redirect());
    return redirects.length ? { ...c, redirects } : c;
  }

  private simpleCommand(): SimpleCommand {
    const line = this.lex.lineAt(this.tok.start);
    const assigns: Assignment[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (;;) {
      const t = this.tok;
      if (t.t === 'op' && REDIRECT_OPS.has(t.op)) {
        redirects.push(this.redirect());
        continue;
      }
      if (t.t !== 'word') break;
      const a = words.length === 0 ? assignment(t.word!) : null;
      if (a) assigns.push(a);
      else words.push(t.word!);
      this.advance();
    }
    if (!assigns.length && !words.length && !redirects.length) this.fail();
    return { type: 'simple', assigns, words, redirects, line };
  }

  private redirect(): Redirect {
    const { op, fd } = this.tok;
    const line = this.lex.lineAt(this.tok.start);
    this.advance();
    const t = this.tok;
    if (t.t !== 'word') {
      // bash names the newline even at end of input here.
      if (t.t === 'eof' && !this.partial) throw new ShellSyntaxError({ kind: 'token', token: 'newline', atEof: true }, line);
      this.fail();
    }
    const target = t.word!;
    let heredoc: Redirect['heredoc'] = null;
    if (op === '<<' || op === '<<-') {
      const quoted = target.parts.some((p) => p.type !== 'lit');
      heredoc = { delimiter: unquote(target), quoted, body: makeWord([], '') };
      this.lex.addHeredoc(heredoc, op === '<<-', line);
    }
    this.advance();
    return { fd, op: op as RedirectOp, target, heredoc };
  }

  private ifCommand(line: number): CompoundCommand {
    const clauses: IfClause[] = [];
    this.advance();
    let cond = this.nonEmptyList('then');
    this.expect('then');
    clauses.push({ cond, body: this.nonEmptyList('fi') });
    let elseBody: List | null = null;
    for (;;) {
      if (this.isReserved('elif')) {
        this.advance();
        cond = this.nonEmptyList('then');
        this.expect('then');
        clauses.push({ cond, body: this.nonEmptyList('fi') });
      } else if (this.isReserved('else')) {
        this.advance();
        elseBody = this.nonEmptyList('fi');
      } else break;
    }
    this.expect('fi');
    return this.withRedirects({ type: 'if', clauses, elseBody, redirects: [], line });
  }

  private whileCommand(kind: string, line: number): CompoundCommand {
    this.advance();
    const cond = this.nonEmptyList('do');
    this.expect('do');
    const body = this.nonEmptyList('done');
    this.expect('done');
    return this.withRedirects({ type: kind as 'while' | 'until', cond, body, redirects: [], line });
  }

  private forCommand(line: number): CompoundCommand {
    this.advance();
    if (this.isOp('(') && this.src[this.tok.end] === '(') {
      this.lex.pos = this.tok.end + 1;
      const all = this.lex.scanArith();
      this.advance();
      const [init, cond, step] = splitArith(all);
      if (this.isOp(';')) this.advance();
      this.skipNewlines();
      this.expect('do');
      const body = this.nonEmptyList('done');
      this.expect('done');
      return this.withRedirects({ type: 'arithfor', init, cond, step, body, redirects: [], line });
    }
    if (this.tok.t !== 'word') this.fail();
    const name = this.tok.word!.raw;
    this.advance();
    let items: Word[] | null = null;
    this.skipNewlines();
    if (this.isReserved('in')) {
      this.advance();
      items = [];
      while (this.tok.t === 'word') {
        items.push(this.tok.word!);
        this.advance();
      }
      if (!this.isOp(';') && !this.isOp('\n')) this.fail();
      this.advance();
    } else if (this.isOp(';')) this.advance();
    this.skipNewlines();
    this.expect('do');
    const body = this.nonEmptyList('done');
    this.expect('done');
    return this.withRedirects({ type: 'for', name, items, body, redirects: [], line });
  }

  private caseCommand(line: number): CompoundCommand {
    this.advance();
    if (this.tok.t !== 'word') this.fail();
    const word = this.tok.word!;
    this.advance();
    this.skipNewlines();
    this.expect('in');
    this.skipNewlines();
    const items: CaseItem[] = [];
    while (!this.isReserved('esac')) {
      if (this.isOp('(')) this.advance();
      const patterns: Word[] = [];
      for (;;) {
        if (this.tok.t !== 'word') this.fail();
        patterns.push(this.tok.word!);
        this.advance();
        if (!this.isOp('|')) break;
        this.advance();
      }
      if (!this.isOp(')')) this.fail();
      this.advance();
      this.closers.push('esac');
      const body = this.list();
      this.closers.pop();
      let term: CaseItem['term'] = ';;';
      if (this.isOp(';;') || this.isOp(';&') || this.isOp(';;&')) {
        term = this.tok.op as CaseItem['term'];
        this.advance();
        this.skipNewlines();
      } else if (!this.isReserved('esac')) this.fail(this.tok, 'esac');
      items.push({ patterns, body, term });
    }
    this.advance();
    return this.withRedirects({ type: 'case', word, items, redirects: [], line });
  }

  private condCommand(line: number): CompoundCommand {
    this.advance();
    const args: CondArg[] = [];
    for (;;) {
      const t = this.tok;
      if (t.t === 'eof') this.fail(t, ']]');
      if (this.isReserved(']]')) break;
      if (t.t === 'op') {
        if (t.op !== '\n') args.push({ op: t.op });
        this.advance();
        continue;
      }
      const w = t.word!;
      const lit = w.parts.length === 1 && w.parts[0].type === 'lit' ? w.parts[0].text : null;
      if (lit === '=~') {
        args.push({ op: '=~' });
        const re = this.lex.scanRegexWord();
        if (re) args.push({ word: re });
      } else if (lit === '!' || lit === '-a' || lit === '-o') args.push({ op: lit });
      else args.push({ word: w });
      this.advance();
    }
    this.advance();
    return this.withRedirects({ type: 'cond', args, redirects: [], line });
  }

  private arithCommand(line: number): CompoundCommand {
    this.lex.pos = this.tok.end + 1;
    const expr = this.lex.scanArith();
    this.advance();
    return this.withRedirects({ type: 'arithcmd', expr, redirects: [], line });
  }

  private functionKeyword(line: number): FunctionDef {
    this.advance();
    if (this.tok.t !== 'word') this.fail();
    const name = this.tok.word!.raw;
    if (this.lex.peekIs('(')) return this.functionDef(name, line);
    this.advance();
    this.skipNewlines();
    return { type: 'function', name, body: this.command(), line };
  }

  /** `name ( ) compound-command`; the current token is the name. */
  private functionDef(name: string, line: number): FunctionDef {
    this.advance(); // (
    this.advance();
    if (!this.isOp(')')) this.fail();
    this.advance();
    this.skipNewlines();
    const body = this.command();
    if (body.type === 'simple' || body.type === 'function') this.fail();
    return { type: 'function', name, body, line };
  }
}

function assignment(w: Word): Assignment | null {
  const first = w.parts[0];
  if (!first || first.type !== 'lit') return null;
  const m = ASSIGN.exec(first.text);
  if (!m) return null;
  const restText = first.text.slice(m[0].length);
  const parts = restText ? [{ type: 'lit' as const, text: restText }, ...w.parts.slice(1)] : w.parts.slice(1);
  const value = makeWord(parts, w.raw.slice(m[0].length));
  return { name: m[1], append: m[2] === '+', value };
}

/** The delimiter of a here-document after quote removal. */
function unquote(w: Word): string {
  let s = '';
  const walk = (parts: Word['parts']): void => {
    for (const p of parts) {
      if (p.type === 'lit' || p.type === 'sq') s += p.text;
      else if (p.type === 'dq') walk(p.parts);
      else if (p.type === 'param') s += p.raw;
      else if (p.type === 'tilde') s += '~' + p.user;
    }
  };
  walk(w.parts);
  return s;
}

/** Splits the text of `for ((a; b; c))` into its three expressions. */
function splitArith(w: Word): [Word, Word, Word] {
  const pieces = w.raw.split(';');
  while (pieces.length < 3) pieces.push('');
  const mk = (s: string): Word => {
    const lex = new Lexer(`${s}))`, 0, parseSubstitution, false);
    return lex.scanArith();
  };
  return [mk(pieces[0]), mk(pieces[1]), mk(pieces.slice(2).join(';'))];
}


/** Parses the body of `$(…)` starting at pos; returns the script and the index after `)`. */
export function parseSubstitution(src: string, pos: number, partial = false): { script: Script; end: number } {
  const p = new Parser(src, pos, partial);
  const body = p.list();
  if (!p.isOp(')')) {
    if (p.tok.t === 'eof') throw new ShellSyntaxError({ kind: 'match', char: ')' }, p.lex.lineAt(p.tok.start));
    throw new ShellSyntaxError({ kind: 'token', token: p.tok.t === 'word' ? p.tok.word!.raw : p.tok.op === '\n' ? 'newline' : p.tok.op }, p.lex.lineAt(p.tok.start));
  }
  return { script: { body, warnings: p.lex.warnings }, end: p.tok.end };
}


/** Parses a whole script; throws ShellSyntaxError. */
export function parse(src: string): Script {
  return new Parser(src).parseProgram();
}

const CACHE_LIMIT = 2000;
const cache = new Map<string, Script | ShellSyntaxError>();

/**
 * parse() memoised by source text: exec probes and container commands run the same few scripts
 * thousands of times. Returns the error instead of throwing so failures are cached too.
 */
export function parseCached(src: string): Script | ShellSyntaxError {
  let r = cache.get(src);
  if (r) return r;
  try {
    r = parse(src);
  } catch (e) {
    if (!(e instanceof ShellSyntaxError)) throw e;
    r = e;
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(src, r);
  return r;
}
