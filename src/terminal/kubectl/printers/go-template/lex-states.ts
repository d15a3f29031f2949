// The lexer's state functions: text, delimiters with trim markers, comments, and the inside of an
// action (spaces, operators, quotes, raw strings, char constants, numbers, fields, variables, keywords).
// mirrors: Go src/text/template/parse/lex.go (Go 1.23)

import { sprintf } from './fmt';
import { EOF, ItemType, KEY, RIGHT_DELIM, TRIM_MARKER_LEN, countNewlines, hasRightTrimMarker, isSpace } from './item';
import type { Lexer, StateFn } from './lexer';
import { GoInt } from './value';

const LEFT_DELIM = '{{';
const LEFT_COMMENT = '/*';
const RIGHT_COMMENT = '*/';

const ALNUM = /^[\p{L}\p{Nd}_]$/u;

function isAlphaNumeric(r: number): boolean {
  if (r < 0) return false;
  if (r < 0x80) return r === 0x5f || (r >= 0x30 && r <= 0x39) || (r >= 0x41 && r <= 0x5a) || (r >= 0x61 && r <= 0x7a);
  return ALNUM.test(String.fromCodePoint(r));
}

function hasLeftTrimMarker(s: string, at: number): boolean {
  return s.length - at >= 2 && s[at] === '-' && isSpace(s.charCodeAt(at + 1));
}

function isSpaceStr(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\n';
}

/** %#U of a rune, as lexer errors print it. */
function runeU(r: number): string {
  return sprintf('%#U', [new GoInt('int', BigInt(r))]);
}

export function lexText(l: Lexer): StateFn {
  const input = l.text;
  const x = input.indexOf(LEFT_DELIM, l.pos);
  if (x >= 0) {
    if (x > l.pos) {
      l.pos = x;
      let trimLength = 0;
      const delimEnd = l.pos + LEFT_DELIM.length;
      if (hasLeftTrimMarker(input, delimEnd)) {
        let k = l.pos;
        while (k > l.start && isSpaceStr(input[k - 1])) k--;
        trimLength = l.pos - k;
      }
      l.pos -= trimLength;
      l.line += countNewlines(input, l.start, l.pos);
      const item = l.thisItem(ItemType.Text);
      l.pos += trimLength;
      l.ignore();
      if (item.val.length > 0) return l.emitItem(item);
    }
    return lexLeftDelim;
  }
  l.pos = input.length;
  if (l.pos > l.start) {
    l.line += countNewlines(input, l.start, l.pos);
    return l.emit(ItemType.Text);
  }
  return l.emit(ItemType.EOF);
}

function lexLeftDelim(l: Lexer): StateFn {
  const input = l.text;
  l.pos += LEFT_DELIM.length;
  const trimSpace = hasLeftTrimMarker(input, l.pos);
  const afterMarker = trimSpace ? TRIM_MARKER_LEN : 0;
  if (input.startsWith(LEFT_COMMENT, l.pos + afterMarker)) {
    l.pos += afterMarker;
    l.ignore();
    return lexComment;
  }
  const item = l.thisItem(ItemType.LeftDelim);
  l.enterAction();
  l.pos += afterMarker;
  l.ignore();
  return l.emitItem(item);
}

function lexComment(l: Lexer): StateFn {
  const input = l.text;
  l.pos += LEFT_COMMENT.length;
  const x = input.indexOf(RIGHT_COMMENT, l.pos);
  if (x < 0) return l.errorf('unclosed comment');
  l.pos = x + RIGHT_COMMENT.length;
  const [delim, trimSpace] = l.atRightDelim();
  if (!delim) return l.errorf('comment ends before closing delimiter');
  // The comment item is not emitted (no ParseComments mode); only its bookkeeping matters.
  l.thisItem(ItemType.Comment);
  if (trimSpace) l.pos += TRIM_MARKER_LEN;
  l.pos += RIGHT_DELIM.length;
  if (trimSpace) while (isSpaceStr(input[l.pos])) l.pos++;
  l.ignore();
  return lexText;
}

function lexRightDelim(l: Lexer): StateFn {
  const input = l.text;
  const [, trimSpace] = l.atRightDelim();
  if (trimSpace) {
    l.pos += TRIM_MARKER_LEN;
    l.ignore();
  }
  l.pos += RIGHT_DELIM.length;
  const item = l.thisItem(ItemType.RightDelim);
  if (trimSpace) {
    while (isSpaceStr(input[l.pos])) l.pos++;
    l.ignore();
  }
  l.leaveAction();
  return l.emitItem(item);
}

export function lexInsideAction(l: Lexer): StateFn {
  const [delim] = l.atRightDelim();
  if (delim) {
    if (!l.inParens) return lexRightDelim;
    return l.errorf('unclosed left paren');
  }
  const r = l.next();
  if (r === EOF) return l.errorf('unclosed action');
  if (isSpace(r)) {
    l.backup();
    return lexSpace;
  }
  switch (r) {
    case 0x3d: // =
      return l.emit(ItemType.Assign);
    case 0x3a: // :
      if (l.next() !== 0x3d) return l.errorf('expected :=');
      return l.emit(ItemType.Declare);
    case 0x7c: // |
      return l.emit(ItemType.Pipe);
    case 0x22: // "
      return lexQuote;
    case 0x60: // `
      return lexRawQuote;
    case 0x24: // $
      return lexVariable;
    case 0x27: // '
      return lexChar;
    case 0x28: // (
      l.openParen();
      return l.emit(ItemType.LeftParen);
    case 0x29: // )
      if (!l.closeParen()) return l.errorf('unexpected right paren');
      return l.emit(ItemType.RightParen);
  }
  if (r === 0x2e) {
    // ".field" unless a digit follows ('.' can start a number).
    const c = l.text.charCodeAt(l.pos);
    if (l.pos < l.text.length && (c < 0x30 || c > 0x39)) return lexField;
  }
  if (r === 0x2e || r === 0x2b || r === 0x2d || (r >= 0x30 && r <= 0x39)) {
    l.backup();
    return lexNumber;
  }
  if (isAlphaNumeric(r)) {
    l.backup();
    return lexIdentifier;
  }
  if (r <= 0x7f && r >= 0x20 && r < 0x7f) return l.emit(ItemType.Char);
  return l.errorf(`unrecognized character in action: ${runeU(r)}`);
}

function lexSpace(l: Lexer): StateFn {
  let numSpaces = 0;
  while (isSpace(l.peek())) {
    l.next();
    numSpaces++;
  }
  const input = l.text;
  if (hasRightTrimMarker(input, l.pos - 1) && input.startsWith(RIGHT_DELIM, l.pos - 1 + TRIM_MARKER_LEN)) {
    l.backup();
    if (numSpaces === 1) return lexRightDelim;
  }
  return l.emit(ItemType.Space);
}

function lexIdentifier(l: Lexer): StateFn {
  for (;;) {
    const r = l.next();
    if (isAlphaNumeric(r)) continue;
    l.backup();
    const word = l.text.slice(l.start, l.pos);
    if (!l.atTerminator()) return l.errorf(`bad character ${runeU(r)}`);
    const key = KEY[word];
    if (key !== undefined && key > ItemType.Keyword) {
      if ((key === ItemType.Break && !l.breakOK) || (key === ItemType.Continue && !l.continueOK)) return l.emit(ItemType.Identifier);
      return l.emit(key);
    }
    if (word[0] === '.') return l.emit(ItemType.Field);
    if (word === 'true' || word === 'false') return l.emit(ItemType.Bool);
    return l.emit(ItemType.Identifier);
  }
}

function lexField(l: Lexer): StateFn {
  return lexFieldOrVariable(l, ItemType.Field);
}

function lexVariable(l: Lexer): StateFn {
  if (l.atTerminator()) return l.emit(ItemType.Variable);
  return lexFieldOrVariable(l, ItemType.Variable);
}

function lexFieldOrVariable(l: Lexer, typ: ItemType): StateFn {
  if (l.atTerminator()) return l.emit(typ === ItemType.Variable ? ItemType.Variable : ItemType.Dot);
  let r: number;
  for (;;) {
    r = l.next();
    if (!isAlphaNumeric(r)) {
      l.backup();
      break;
    }
  }
  if (!l.atTerminator()) return l.errorf(`bad character ${runeU(r)}`);
  return l.emit(typ);
}

function lexChar(l: Lexer): StateFn {
  for (;;) {
    let r = l.next();
    if (r === 0x5c) {
      r = l.next();
      if (r !== EOF && r !== 10) continue;
      return l.errorf('unterminated character constant');
    }
    if (r === EOF || r === 10) return l.errorf('unterminated character constant');
    if (r === 0x27) break;
  }
  return l.emit(ItemType.CharConstant);
}

function scanNumber(l: Lexer): boolean {
  l.accept('+-');
  let digits = '0123456789_';
  if (l.accept('0')) {
    if (l.accept('xX')) digits = '0123456789abcdefABCDEF_';
    else if (l.accept('oO')) digits = '01234567_';
    else if (l.accept('bB')) digits = '01_';
  }
  l.acceptRun(digits);
  if (l.accept('.')) l.acceptRun(digits);
  if (digits.length === 10 + 1 && l.accept('eE')) {
    l.accept('+-');
    l.acceptRun('0123456789_');
  }
  if (digits.length === 16 + 6 + 1 && l.accept('pP')) {
    l.accept('+-');
    l.acceptRun('0123456789_');
  }
  l.accept('i');
  if (isAlphaNumeric(l.peek())) {
    l.next();
    return false;
  }
  return true;
}

function lexNumber(l: Lexer): StateFn {
  if (!scanNumber(l)) return l.errorf(`bad number syntax: ${sprintf('%q', [l.text.slice(l.start, l.pos)])}`);
  const sign = l.peek();
  if (sign === 0x2b || sign === 0x2d) {
    if (!scanNumber(l) || l.text[l.pos - 1] !== 'i') return l.errorf(`bad number syntax: ${sprintf('%q', [l.text.slice(l.start, l.pos)])}`);
    return l.emit(ItemType.Complex);
  }
  return l.emit(ItemType.Number);
}

function lexQuote(l: Lexer): StateFn {
  for (;;) {
    let r = l.next();
    if (r === 0x5c) {
      r = l.next();
      if (r !== EOF && r !== 10) continue;
      return l.errorf('unterminated quoted string');
    }
    if (r === EOF || r === 10) return l.errorf('unterminated quoted string');
    if (r === 0x22) break;
  }
  return l.emit(ItemType.String);
}

function lexRawQuote(l: Lexer): StateFn {
  for (;;) {
    const r = l.next();
    if (r === EOF) return l.errorf('unterminated raw quoted string');
    if (r === 0x60) break;
  }
  return l.emit(ItemType.RawString);
}
