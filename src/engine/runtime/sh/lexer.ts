// Tokenizer: turns source text into operator and word tokens, reading here-document bodies after
// each newline. Words come out already split into parts (quotes, $-expansions) by words.ts.

import type { HereDoc, Script, Word } from './ast';
import { ShellSyntaxError } from './errors';
import { WordScanner } from './words';

export interface Token {
  readonly t: 'word' | 'op' | 'eof';
  /** The operator text ('\n' for a newline); '' for words and end of input. */
  readonly op: string;
  readonly word: Word | null;
  /** The descriptor number written right before a redirection operator (`2>`), else null. */
  readonly fd: number | null;
  readonly start: number;
  readonly end: number;
}

/** Parses `$(…)` bodies: given the source and the index after `$(`, returns the script and the index after `)`. */
export type SubstParser = (src: string, pos: number) => { script: Script; end: number };

const OPERATORS = [
  ';;&', '&>>', '<<-', '<<<',
  '&&', '||', ';;', ';&', '|&', '<<', '>>', '<&', '>&', '<>', '>|', '&>',
  ';', '&', '|', '<', '>', '(', ')',
];

interface PendingHeredoc {
  doc: HereDoc;
  strip: boolean;
  line: number;
}

export class Lexer {
  pos: number;
  private readonly words: WordScanner;
  private pending: PendingHeredoc[] = [];
  private readonly newlines: number[] = [];
  readonly warnings: string[] = [];

  constructor(
    readonly src: string,
    start: number,
    subst: SubstParser,
    /** isComplete mode: a trailing backslash means "more input follows". */
    readonly partial = false,
  ) {
    this.pos = start;
    this.words = new WordScanner(src, subst, (p) => this.lineAt(p), partial);
    for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) this.newlines.push(i);
  }

  /** 1-based line number of a source index. */
  lineAt(pos: number): number {
    const nl = this.newlines;
    let lo = 0;
    let hi = nl.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (nl[mid] < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  }

  hasPendingHeredocs(): boolean {
    return this.pending.length > 0;
  }

  /** Registers a here-document whose body starts after the next newline. */
  addHeredoc(doc: HereDoc, strip: boolean, line: number): void {
    this.pending.push({ doc, strip, line });
  }

  /** Skips blanks, line continuations and a comment; returns the next significant character. */
  skipBlanks(): string {
    const src = this.src;
    for (;;) {
      const c = src[this.pos];
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && src[this.pos + 1] === '\n') {
        this.pos += 2;
        if (this.partial && this.pos >= src.length) throw new ShellSyntaxError({ kind: 'eof', expecting: null }, this.lineAt(this.pos));
      }
      else if (c === '#') {
        const nl = src.indexOf('\n', this.pos);
        this.pos = nl < 0 ? src.length : nl;
      } else return c ?? '';
    }
  }

  /** True when the source continues with `s` right at the current position (after blanks). */
  peekIs(s: string): boolean {
    this.skipBlanks();
    return this.src.startsWith(s, this.pos);
  }

  next(): Token {
    const src = this.src;
    const c = this.skipBlanks();
    const start = this.pos;
    if (start >= src.length) {
      if (this.pending.length) this.readHeredocs();
      return { t: 'eof', op: '', word: null, fd: null, start, end: start };
    }
    if (c === '\n') {
      this.pos++;
      if (this.pending.length) this.readHeredocs();
      return { t: 'op', op: '\n', word: null, fd: null, start, end: start + 1 };
    }
    // A descriptor number glued to a redirection operator: `2>`, `10<`.
    if (c >= '0' && c <= '9') {
      let i = start;
      while (src[i] >= '0' && src[i] <= '9') i++;
      if ((src[i] === '<' || src[i] === '>') && i - start <= 4) {
        const fd = Number(src.slice(start, i));
        this.pos = i;
        const op = this.matchOperator();
        if (op) return { t: 'op', op, word: null, fd, start, end: this.pos };
        this.pos = start;
      }
    }
    const op = this.matchOperator();
    if (op) return { t: 'op', op, word: null, fd: null, start, end: this.pos };
    const { word, end } = this.words.scanWord(start);
    this.pos = end;
    return { t: 'word', op: '', word, fd: null, start, end };
  }

  private matchOperator(): string | null {
    const src = this.src;
    const c = src[this.pos];
    if (c !== ';' && c !== '&' && c !== '|' && c !== '<' && c !== '>' && c !== '(' && c !== ')') return null;
    for (const op of OPERATORS) {
      if (src.startsWith(op, this.pos)) {
        this.pos += op.length;
        return op;
      }
    }
    return null;
  }

  /** Raw text up to the matching `))` of an arithmetic command; the index is after `((`. */
  scanArith(): Word {
    const { word, end } = this.words.scanArith(this.pos);
    this.pos = end;
    return word;
  }

  /** Raw text of a `[[ x =~ regex ]]` operand: up to blank at paren depth 0. */
  scanRegexWord(): Word | null {
    this.skipBlanks();
    const { word, end } = this.words.scanRegex(this.pos);
    if (!word) return null;
    this.pos = end;
    return word;
  }

  private readHeredocs(): void {
    const src = this.src;
    for (const h of this.pending) {
      let body = '';
      let found = false;
      while (this.pos < src.length) {
        let nl = src.indexOf('\n', this.pos);
        if (nl < 0) nl = src.length;
        let line = src.slice(this.pos, nl);
        this.pos = Math.min(nl + 1, src.length);
        if (h.strip) line = line.replace(/^\t+/, '');
        if (line === h.doc.delimiter) {
          found = true;
          break;
        }
        body += line + '\n';
      }
      if (!found) {
        // bash runs what it has and warns; for isComplete this means "keep reading".
        if (this.throwOnOpenHeredoc) throw new ShellSyntaxError({ kind: 'eof', expecting: null }, this.lineAt(this.pos));
        this.warnings.push(
          `here-document at line ${h.line} delimited by end-of-file (wanted \`${h.doc.delimiter}')`,
        );
      }
      h.doc.body = h.doc.quoted ? literalWord(body) : this.words.scanHeredocBody(body);
    }
    this.pending = [];
  }

  /** Set by isComplete: an unterminated here-document means the input is not complete yet. */
  throwOnOpenHeredoc = false;
}

export function literalWord(text: string): Word {
  return { parts: text ? [{ type: 'sq', text }] : [], raw: text, literal: text };
}
