// The text/template lexer: pulls items one at a time for the parser, tracking positions (string
// indexes; ErrorContext turns them into Go's byte columns) and line numbers.
// mirrors: Go src/text/template/parse/lex.go (Go 1.23: no goroutine, items pulled on demand)

import { EOF, ItemType, RIGHT_DELIM, TRIM_MARKER_LEN, countNewlines, hasRightTrimMarker, isSpace, type Item } from './item';
import { lexInsideAction, lexText } from './lex-states';

export type StateFn = ((l: Lexer) => StateFn) | null;

export class Lexer {
  pos = 0;
  start = 0;
  private atEOF = false;
  private parenDepth = 0;
  line = 1;
  startLine = 1;
  private item: Item = { typ: ItemType.EOF, pos: 0, val: 'EOF', line: 1 };
  private insideAction = false;

  constructor(
    private input: string,
    readonly breakOK = true,
    readonly continueOK = true,
  ) {}

  next(): number {
    if (this.pos >= this.input.length) {
      this.atEOF = true;
      return EOF;
    }
    const r = this.input.codePointAt(this.pos)!;
    this.pos += r > 0xffff ? 2 : 1;
    if (r === 10) this.line++;
    return r;
  }

  peek(): number {
    const r = this.next();
    this.backup();
    return r;
  }

  backup(): void {
    if (!this.atEOF && this.pos > 0) {
      const lo = this.input.charCodeAt(this.pos - 1);
      const pair = lo >= 0xdc00 && lo <= 0xdfff && this.pos > 1 && (this.input.charCodeAt(this.pos - 2) & 0xfc00) === 0xd800;
      this.pos -= pair ? 2 : 1;
      if (lo === 10) this.line--;
    }
  }

  /** The item from start to pos; advances start (and its line) to pos. */
  thisItem(t: ItemType): Item {
    const i: Item = { typ: t, pos: this.start, val: this.input.slice(this.start, this.pos), line: this.startLine };
    this.start = this.pos;
    this.startLine = this.line;
    return i;
  }

  emit(t: ItemType): StateFn {
    return this.emitItem(this.thisItem(t));
  }

  emitItem(i: Item): StateFn {
    this.item = i;
    return null;
  }

  ignore(): void {
    this.line += countNewlines(this.input, this.start, this.pos);
    this.start = this.pos;
    this.startLine = this.line;
  }

  accept(valid: string): boolean {
    const r = this.next();
    if (r >= 0 && valid.includes(String.fromCodePoint(r))) return true;
    this.backup();
    return false;
  }

  acceptRun(valid: string): void {
    for (;;) {
      const r = this.next();
      if (r < 0 || !valid.includes(String.fromCodePoint(r))) break;
    }
    this.backup();
  }

  errorf(msg: string): StateFn {
    this.item = { typ: ItemType.Error, pos: this.start, val: msg, line: this.startLine };
    this.start = 0;
    this.pos = 0;
    this.input = '';
    return null;
  }

  nextItem(): Item {
    this.item = { typ: ItemType.EOF, pos: this.pos, val: 'EOF', line: this.startLine };
    let state: StateFn = this.insideAction ? lexInsideAction : lexText;
    while (state) state = state(this);
    return this.item;
  }

  get text(): string {
    return this.input;
  }

  atRightDelim(): [boolean, boolean] {
    if (hasRightTrimMarker(this.input, this.pos) && this.input.startsWith(RIGHT_DELIM, this.pos + TRIM_MARKER_LEN)) return [true, true];
    if (this.input.startsWith(RIGHT_DELIM, this.pos)) return [true, false];
    return [false, false];
  }

  atTerminator(): boolean {
    const r = this.peek();
    if (isSpace(r)) return true;
    switch (r) {
      case EOF:
      case 0x2e: // .
      case 0x2c: // ,
      case 0x7c: // |
      case 0x3a: // :
      case 0x29: // )
      case 0x28: // (
        return true;
    }
    return this.input.startsWith(RIGHT_DELIM, this.pos);
  }

  enterAction(): void {
    this.insideAction = true;
    this.parenDepth = 0;
  }

  leaveAction(): void {
    this.insideAction = false;
  }

  openParen(): void {
    this.parenDepth++;
  }

  /** Returns false when the parens went negative. */
  closeParen(): boolean {
    return --this.parenDepth >= 0;
  }

  get inParens(): boolean {
    return this.parenDepth !== 0;
  }
}
