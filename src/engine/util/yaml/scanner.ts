// The YAML scanner: characters to tokens, with libyaml's simple-key, indentation and flow-level bookkeeping.
// mirrors: go-yaml v2 scannerc.go (fetch_more_tokens, fetch_next_token, simple keys, roll/unroll indent)

import { Reader } from './reader';
import { YamlFailure } from './errors';
import { Tok, type Mark, type Token, type TokenType } from './types';
import { isBlank, isBlankZ, isBreak, isBreakZ, isZ } from './chars';
import { scanBlockScalar, scanFlowScalar, scanPlainScalar } from './scan-scalars';
import { scanAnchor, scanDirective, scanTag } from './scan-tags';

interface SimpleKey {
  possible: boolean;
  required: boolean;
  tokenNumber: number;
  mark: Mark;
}

const MAX_FLOW_LEVEL = 10000;
const MAX_INDENTS = 10000;

export class Scanner {
  readonly r: Reader;
  private tokens: Token[] = [];
  private head = 0;
  /** Tokens handed to the parser so far. */
  tokensParsed = 0;
  private tokenAvailable = false;
  private streamStartProduced = false;
  streamEndProduced = false;
  indent = -1;
  private indents: number[] = [];
  simpleKeyAllowed = false;
  private simpleKeys: SimpleKey[] = [];
  private simpleKeysByTok = new Map<number, number>();
  flowLevel = 0;

  constructor(text: string) {
    this.r = new Reader(text);
  }

  /** A scanner error: the problem is marked where the scanner stands. */
  error(context: string, contextMark: Mark, problem: string): never {
    throw new YamlFailure('scanner', problem, this.r.mark(), context, contextMark);
  }

  /** The next token without consuming it (libyaml's PEEK_TOKEN). */
  peek(): Token {
    if (!this.tokenAvailable) this.fetchMoreTokens();
    return this.tokens[this.head];
  }

  /** Consumes the token `peek` returned (libyaml's SKIP_TOKEN). */
  skipToken(): void {
    this.tokenAvailable = false;
    this.tokensParsed++;
    this.streamEndProduced = this.tokens[this.head].type === Tok.StreamEnd;
    this.head++;
    // Drop consumed tokens now and then so the queue stays short.
    if (this.head > 64 && this.head * 2 > this.tokens.length) {
      this.tokens = this.tokens.slice(this.head);
      this.head = 0;
    }
  }

  private fetchMoreTokens(): void {
    for (;;) {
      if (this.head !== this.tokens.length) {
        // More tokens are needed only while the head token may still turn out to be a simple key.
        const i = this.simpleKeysByTok.get(this.tokensParsed);
        if (i === undefined) break;
        if (!this.simpleKeyIsValid(this.simpleKeys[i])) break;
      }
      this.fetchNextToken();
    }
    this.tokenAvailable = true;
  }

  private fetchNextToken(): void {
    const r = this.r;
    r.cache(1);
    if (!this.streamStartProduced) return this.fetchStreamStart();
    this.scanToNextToken();
    this.unrollIndent(r.column);
    r.cache(4);
    const c = r.at();
    if (isZ(c)) return this.fetchStreamEnd();
    if (r.column === 0 && c === 0x25 /* % */) return this.fetchDirective();
    if (r.column === 0 && c === 0x2d && r.at(1) === 0x2d && r.at(2) === 0x2d && isBlankZ(r.at(3))) {
      return this.fetchDocumentIndicator(Tok.DocumentStart);
    }
    if (r.column === 0 && c === 0x2e && r.at(1) === 0x2e && r.at(2) === 0x2e && isBlankZ(r.at(3))) {
      return this.fetchDocumentIndicator(Tok.DocumentEnd);
    }
    switch (c) {
      case 0x5b: return this.fetchFlowCollectionStart(Tok.FlowSequenceStart); // [
      case 0x7b: return this.fetchFlowCollectionStart(Tok.FlowMappingStart); // {
      case 0x5d: return this.fetchFlowCollectionEnd(Tok.FlowSequenceEnd); // ]
      case 0x7d: return this.fetchFlowCollectionEnd(Tok.FlowMappingEnd); // }
      case 0x2c: return this.fetchFlowEntry(); // ,
    }
    const next = r.at(1);
    if (c === 0x2d && isBlankZ(next)) return this.fetchBlockEntry();
    if (c === 0x3f && (this.flowLevel > 0 || isBlankZ(next))) return this.fetchKey();
    if (c === 0x3a && (this.flowLevel > 0 || isBlankZ(next))) return this.fetchValue();
    if (c === 0x2a) return this.fetchAnchor(Tok.Alias); // *
    if (c === 0x26) return this.fetchAnchor(Tok.Anchor); // &
    if (c === 0x21) return this.fetchTag(); // !
    if (c === 0x7c && this.flowLevel === 0) return this.fetchBlockScalar(true); // |
    if (c === 0x3e && this.flowLevel === 0) return this.fetchBlockScalar(false); // >
    if (c === 0x27) return this.fetchFlowScalar(true); // '
    if (c === 0x22) return this.fetchFlowScalar(false); // "
    if (
      !(isBlankZ(c) || INDICATORS.has(c)) ||
      (c === 0x2d && !isBlank(next)) ||
      (this.flowLevel === 0 && (c === 0x3f || c === 0x3a) && !isBlankZ(next))
    ) {
      return this.fetchPlainScalar();
    }
    this.error('while scanning for the next token', r.mark(), 'found character that cannot start any token');
  }

  /** Whether a saved simple key can still be one; a stale required key is an error. */
  private simpleKeyIsValid(key: SimpleKey): boolean {
    if (!key.possible) return false;
    const r = this.r;
    if (key.mark.line < r.line || key.mark.index + 1024 < r.index) {
      if (key.required) this.error('while scanning a simple key', key.mark, "could not find expected ':'");
      key.possible = false;
      return false;
    }
    return true;
  }

  /** Remembers that the token about to be produced may be a simple key. */
  saveSimpleKey(): void {
    const r = this.r;
    const required = this.flowLevel === 0 && this.indent === r.column;
    if (!this.simpleKeyAllowed) return;
    const key: SimpleKey = {
      possible: true,
      required,
      tokenNumber: this.tokensParsed + (this.tokens.length - this.head),
      mark: r.mark(),
    };
    this.removeSimpleKey();
    this.simpleKeys[this.simpleKeys.length - 1] = key;
    this.simpleKeysByTok.set(key.tokenNumber, this.simpleKeys.length - 1);
  }

  removeSimpleKey(): void {
    const i = this.simpleKeys.length - 1;
    const key = this.simpleKeys[i];
    if (key.possible) {
      if (key.required) this.error('while scanning a simple key', key.mark, "could not find expected ':'");
      key.possible = false;
      this.simpleKeysByTok.delete(key.tokenNumber);
    }
  }

  private increaseFlowLevel(): void {
    this.simpleKeys.push({
      possible: false,
      required: false,
      tokenNumber: this.tokensParsed + (this.tokens.length - this.head),
      mark: this.r.mark(),
    });
    this.flowLevel++;
    if (this.flowLevel > MAX_FLOW_LEVEL) {
      this.error('while increasing flow level', this.simpleKeys[this.simpleKeys.length - 1].mark, `exceeded max depth of ${MAX_FLOW_LEVEL}`);
    }
  }

  private decreaseFlowLevel(): void {
    if (this.flowLevel > 0) {
      this.flowLevel--;
      const last = this.simpleKeys.pop() as SimpleKey;
      this.simpleKeysByTok.delete(last.tokenNumber);
    }
  }

  /** Inserts a token at `pos` places after the queue head (-1: at the end). */
  private insertToken(pos: number, token: Token): void {
    if (pos < 0) this.tokens.push(token);
    else this.tokens.splice(this.head + pos, 0, token);
  }

  /** Opens a block collection when the column is deeper than the current indentation. */
  private rollIndent(column: number, number: number, type: TokenType, mark: Mark): void {
    if (this.flowLevel > 0) return;
    if (this.indent < column) {
      this.indents.push(this.indent);
      this.indent = column;
      if (this.indents.length > MAX_INDENTS) {
        this.error('while increasing indent level', this.simpleKeys[this.simpleKeys.length - 1].mark, `exceeded max depth of ${MAX_INDENTS}`);
      }
      this.insertToken(number > -1 ? number - this.tokensParsed : -1, { type, start: mark, end: mark });
    }
  }

  /** Closes block collections deeper than the column. */
  private unrollIndent(column: number): void {
    if (this.flowLevel > 0) return;
    while (this.indent > column) {
      const m = this.r.mark();
      this.insertToken(-1, { type: Tok.BlockEnd, start: m, end: m });
      this.indent = this.indents.pop() as number;
    }
  }

  private fetchStreamStart(): void {
    this.indent = -1;
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: this.r.mark() });
    this.simpleKeyAllowed = true;
    this.streamStartProduced = true;
    const m = this.r.mark();
    this.insertToken(-1, { type: Tok.StreamStart, start: m, end: m });
  }

  private fetchStreamEnd(): void {
    const r = this.r;
    // The end of a last line without a break counts as a line.
    if (r.column !== 0) {
      r.column = 0;
      r.line++;
    }
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    const m = r.mark();
    this.insertToken(-1, { type: Tok.StreamEnd, start: m, end: m });
  }

  private fetchDirective(): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, scanDirective(this));
  }

  private fetchDocumentIndicator(type: TokenType): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    const r = this.r;
    const start = r.mark();
    r.skip();
    r.skip();
    r.skip();
    this.insertToken(-1, { type, start, end: r.mark() });
  }

  private fetchFlowCollectionStart(type: TokenType): void {
    this.saveSimpleKey();
    this.increaseFlowLevel();
    this.simpleKeyAllowed = true;
    this.punctuation(type);
  }

  private fetchFlowCollectionEnd(type: TokenType): void {
    this.removeSimpleKey();
    this.decreaseFlowLevel();
    this.simpleKeyAllowed = false;
    this.punctuation(type);
  }

  private fetchFlowEntry(): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.punctuation(Tok.FlowEntry);
  }

  private fetchBlockEntry(): void {
    const r = this.r;
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.error('', r.mark(), 'block sequence entries are not allowed in this context');
      this.rollIndent(r.column, -1, Tok.BlockSequenceStart, r.mark());
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.punctuation(Tok.BlockEntry);
  }

  private fetchKey(): void {
    const r = this.r;
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.error('', r.mark(), 'mapping keys are not allowed in this context');
      this.rollIndent(r.column, -1, Tok.BlockMappingStart, r.mark());
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = this.flowLevel === 0;
    this.punctuation(Tok.Key);
  }

  private fetchValue(): void {
    const r = this.r;
    const key = this.simpleKeys[this.simpleKeys.length - 1];
    if (this.simpleKeyIsValid(key)) {
      // The saved simple key was one: a KEY token goes in before it, and maybe a mapping start.
      this.insertToken(key.tokenNumber - this.tokensParsed, { type: Tok.Key, start: key.mark, end: key.mark });
      this.rollIndent(key.mark.column, key.tokenNumber, Tok.BlockMappingStart, key.mark);
      key.possible = false;
      this.simpleKeysByTok.delete(key.tokenNumber);
      this.simpleKeyAllowed = false;
    } else {
      if (this.flowLevel === 0) {
        if (!this.simpleKeyAllowed) this.error('', r.mark(), 'mapping values are not allowed in this context');
        this.rollIndent(r.column, -1, Tok.BlockMappingStart, r.mark());
      }
      this.simpleKeyAllowed = this.flowLevel === 0;
    }
    this.punctuation(Tok.Value);
  }

  /** A one-character token. */
  private punctuation(type: TokenType): void {
    const r = this.r;
    const start = r.mark();
    r.skip();
    this.insertToken(-1, { type, start, end: r.mark() });
  }

  private fetchAnchor(type: TokenType): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, scanAnchor(this, type));
  }

  private fetchTag(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, scanTag(this));
  }

  private fetchBlockScalar(literal: boolean): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.insertToken(-1, scanBlockScalar(this, literal));
  }

  private fetchFlowScalar(single: boolean): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, scanFlowScalar(this, single));
  }

  private fetchPlainScalar(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insertToken(-1, scanPlainScalar(this));
  }

  /** Skips blanks, comments and line breaks; tabs only where a simple key cannot start (or in flow). */
  private scanToNextToken(): void {
    const r = this.r;
    for (;;) {
      r.cache(1);
      if (r.column === 0 && r.bufferStartsWithBom()) r.skip();
      r.cache(1);
      while (r.at() === 0x20 || ((this.flowLevel > 0 || !this.simpleKeyAllowed) && r.at() === 0x09)) {
        r.skip();
        r.cache(1);
      }
      if (r.at() === 0x23) {
        while (!isBreakZ(r.at())) {
          r.skip();
          r.cache(1);
        }
      }
      if (!isBreak(r.at())) break;
      r.cache(2);
      r.skipLine();
      if (this.flowLevel === 0) this.simpleKeyAllowed = true;
    }
  }
}

/** Characters that cannot start a plain scalar (apart from the '-', '?', ':' cases). */
const INDICATORS = new Set(Array.from('-?:,[]{}#&*!|>\'"%@`', (ch) => ch.charCodeAt(0)));
