// Scanning scalars: block (| and >, with chomping and indentation indicators), quoted (' and ", with
// escapes and line folding) and plain (with the indentation and flow rules that end them).
// mirrors: go-yaml v2 scannerc.go (scan_block_scalar, scan_flow_scalar, scan_plain_scalar)

import type { Scanner } from './scanner';
import { Style, Tok, type Mark, type Token } from './types';
import { asHex, chr, isBlank, isBlankZ, isBreak, isBreakZ, isDigit, isHex, isSpace, isTab, isZ } from './chars';

export function scanBlockScalar(s: Scanner, literal: boolean): Token {
  const r = s.r;
  const start = r.mark();
  r.skip();
  r.cache(1);
  let chomping = 0;
  let increment = 0;
  const c = r.at();
  if (c === 0x2b || c === 0x2d) {
    chomping = c === 0x2b ? 1 : -1;
    r.skip();
    r.cache(1);
    if (isDigit(r.at())) {
      if (r.at() === 0x30) s.error('while scanning a block scalar', start, 'found an indentation indicator equal to 0');
      increment = r.at() - 0x30;
      r.skip();
    }
  } else if (isDigit(c)) {
    if (c === 0x30) s.error('while scanning a block scalar', start, 'found an indentation indicator equal to 0');
    increment = c - 0x30;
    r.skip();
    r.cache(1);
    if (r.at() === 0x2b || r.at() === 0x2d) {
      chomping = r.at() === 0x2b ? 1 : -1;
      r.skip();
    }
  }
  r.cache(1);
  while (isBlank(r.at())) {
    r.skip();
    r.cache(1);
  }
  if (r.at() === 0x23) {
    while (!isBreakZ(r.at())) {
      r.skip();
      r.cache(1);
    }
  }
  if (!isBreakZ(r.at())) s.error('while scanning a block scalar', start, 'did not find expected comment or line break');
  if (isBreak(r.at())) {
    r.cache(2);
    r.skipLine();
  }
  const st = { end: r.mark(), indent: 0, breaks: '' };
  if (increment > 0) st.indent = s.indent >= 0 ? s.indent + increment : increment;

  let text = '';
  let leadingBreak = '';
  blockScalarBreaks(s, st, start);
  r.cache(1);
  let leadingBlank = false;
  let trailingBlank = false;
  while (r.column === st.indent && !isZ(r.at())) {
    trailingBlank = isBlank(r.at());
    // A folded line break becomes a space unless a blank line or a more-indented line is involved.
    if (!literal && !leadingBlank && !trailingBlank && leadingBreak.startsWith('\n')) {
      if (st.breaks === '') text += ' ';
    } else text += leadingBreak;
    leadingBreak = '';
    text += st.breaks;
    st.breaks = '';
    leadingBlank = isBlank(r.at());
    const run = r.pos;
    while (!isBreakZ(r.at())) {
      r.skip();
      r.cache(1);
    }
    text += r.sliceFrom(run);
    r.cache(2);
    leadingBreak = r.readLine();
    blockScalarBreaks(s, st, start);
  }
  if (chomping !== -1) text += leadingBreak;
  if (chomping === 1) text += st.breaks;
  return { type: Tok.Scalar, start, end: st.end, value: text, style: literal ? Style.Literal : Style.Folded };
}

/** Eats indentation and empty lines before a block scalar's line; settles an auto-detected indentation. */
function blockScalarBreaks(s: Scanner, st: { end: Mark; indent: number; breaks: string }, start: Mark): void {
  const r = s.r;
  st.end = r.mark();
  let maxIndent = 0;
  for (;;) {
    r.cache(1);
    while ((st.indent === 0 || r.column < st.indent) && isSpace(r.at())) {
      r.skip();
      r.cache(1);
    }
    if (r.column > maxIndent) maxIndent = r.column;
    if ((st.indent === 0 || r.column < st.indent) && isTab(r.at())) {
      s.error('while scanning a block scalar', start, 'found a tab character where an indentation space is expected');
    }
    if (!isBreak(r.at())) break;
    r.cache(2);
    st.breaks += r.readLine();
    st.end = r.mark();
  }
  if (st.indent === 0) {
    st.indent = maxIndent;
    if (st.indent < s.indent + 1) st.indent = s.indent + 1;
    if (st.indent < 1) st.indent = 1;
  }
}

/** The characters a one-letter escape in a double-quoted scalar stands for. */
const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', "'": "'", '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};

export function scanFlowScalar(s: Scanner, single: boolean): Token {
  const r = s.r;
  const start = r.mark();
  r.skip();
  let text = '';
  let leadingBreak = '';
  let trailingBreaks = '';
  let whitespaces = '';
  for (;;) {
    r.cache(4);
    if (r.column === 0 && isDocumentIndicator(r.at(), r.at(1), r.at(2), r.at(3))) {
      s.error('while scanning a quoted scalar', start, 'found unexpected document indicator');
    }
    if (isZ(r.at())) s.error('while scanning a quoted scalar', start, 'found unexpected end of stream');
    let leadingBlanks = false;
    let run = -1;
    while (!isBlankZ(r.at())) {
      const c = r.at();
      const plain = !(c === 0x27 || c === 0x22 || c === 0x5c);
      if (plain) {
        if (run < 0) run = r.pos;
        r.skip();
        r.cache(2);
        continue;
      }
      if (run >= 0) {
        text += r.sliceFrom(run);
        run = -1;
      }
      if (single && c === 0x27 && r.at(1) === 0x27) {
        text += "'";
        r.skip();
        r.skip();
      } else if (single && c === 0x27) break;
      else if (!single && c === 0x22) break;
      else if (!single && c === 0x5c && isBreak(r.at(1))) {
        // An escaped line break: the line is joined without a space.
        r.cache(3);
        r.skip();
        r.skipLine();
        leadingBlanks = true;
        break;
      } else if (!single && c === 0x5c) {
        const e = r.at(1);
        let codeLength = 0;
        if (e === 0x78) codeLength = 2;
        else if (e === 0x75) codeLength = 4;
        else if (e === 0x55) codeLength = 8;
        else {
          const rep = ESCAPES[chr(e)];
          if (rep === undefined) s.error('while parsing a quoted scalar', start, 'found unknown escape character');
          text += rep;
        }
        r.skip();
        r.skip();
        if (codeLength > 0) {
          r.cache(codeLength);
          let value = 0;
          for (let k = 0; k < codeLength; k++) {
            if (!isHex(r.at(k))) s.error('while parsing a quoted scalar', start, 'did not find expected hexdecimal number');
            value = value * 16 + asHex(r.at(k));
          }
          if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) {
            s.error('while parsing a quoted scalar', start, 'found invalid Unicode character escape code');
          }
          text += String.fromCodePoint(value);
          for (let k = 0; k < codeLength; k++) r.skip();
        }
      } else text += r.read();
      r.cache(2);
    }
    if (run >= 0) text += r.sliceFrom(run);
    r.cache(1);
    if (r.at() === (single ? 0x27 : 0x22)) break;
    // Blanks and breaks inside the scalar: folded the way plain scalars are.
    while (isBlank(r.at()) || isBreak(r.at())) {
      if (isBlank(r.at())) {
        if (!leadingBlanks) whitespaces += r.read();
        else r.skip();
      } else {
        r.cache(2);
        if (!leadingBlanks) {
          whitespaces = '';
          leadingBreak = r.readLine();
          leadingBlanks = true;
        } else trailingBreaks += r.readLine();
      }
      r.cache(1);
    }
    if (leadingBlanks) {
      if (leadingBreak.startsWith('\n')) {
        text += trailingBreaks === '' ? ' ' : trailingBreaks;
      } else text += leadingBreak + trailingBreaks;
      trailingBreaks = '';
      leadingBreak = '';
    } else {
      text += whitespaces;
      whitespaces = '';
    }
  }
  r.skip();
  return { type: Tok.Scalar, start, end: r.mark(), value: text, style: single ? Style.SingleQuoted : Style.DoubleQuoted };
}

const isDocumentIndicator = (a: number, b: number, c: number, d: number): boolean =>
  ((a === 0x2d && b === 0x2d && c === 0x2d) || (a === 0x2e && b === 0x2e && c === 0x2e)) && isBlankZ(d);

/** Flow indicators that end a plain scalar inside [ ] or { }. */
const FLOW_STOPS = new Set(Array.from(',?[]{}', (ch) => ch.charCodeAt(0)));

export function scanPlainScalar(s: Scanner): Token {
  const r = s.r;
  let text = '';
  let leadingBreak = '';
  let trailingBreaks = '';
  let whitespaces = '';
  let leadingBlanks = false;
  const indent = s.indent + 1;
  const start = r.mark();
  let end = r.mark();
  for (;;) {
    r.cache(4);
    if (r.column === 0 && isDocumentIndicator(r.at(), r.at(1), r.at(2), r.at(3))) break;
    if (r.at() === 0x23) break;
    let run = -1;
    while (!isBlankZ(r.at())) {
      const c = r.at();
      if ((c === 0x3a && isBlankZ(r.at(1))) || (s.flowLevel > 0 && FLOW_STOPS.has(c))) break;
      if (leadingBlanks || whitespaces !== '') {
        if (leadingBlanks) {
          if (leadingBreak.startsWith('\n')) text += trailingBreaks === '' ? ' ' : trailingBreaks;
          else text += leadingBreak + trailingBreaks;
          trailingBreaks = '';
          leadingBreak = '';
          leadingBlanks = false;
        } else {
          text += whitespaces;
          whitespaces = '';
        }
      }
      if (run < 0) run = r.pos;
      r.skip();
      r.cache(2);
    }
    if (run >= 0) {
      text += r.sliceFrom(run);
      end = r.mark();
    }
    if (!(isBlank(r.at()) || isBreak(r.at()))) break;
    r.cache(1);
    while (isBlank(r.at()) || isBreak(r.at())) {
      if (isBlank(r.at())) {
        if (leadingBlanks && r.column < indent && isTab(r.at())) {
          s.error('while scanning a plain scalar', start, 'found a tab character that violates indentation');
        }
        if (!leadingBlanks) whitespaces += r.read();
        else r.skip();
      } else {
        r.cache(2);
        if (!leadingBlanks) {
          whitespaces = '';
          leadingBreak = r.readLine();
          leadingBlanks = true;
        } else trailingBreaks += r.readLine();
      }
      r.cache(1);
    }
    if (s.flowLevel === 0 && r.column < indent) break;
  }
  // A scalar that ran to the end of its line may be followed by a simple key on the next.
  if (leadingBlanks) s.simpleKeyAllowed = true;
  return { type: Tok.Scalar, start, end, value: text, style: Style.Plain };
}
