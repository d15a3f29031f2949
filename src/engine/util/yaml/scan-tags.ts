// Scanning %YAML/%TAG directives, anchors, aliases and tags (with URI escapes).
// mirrors: go-yaml v2 scannerc.go (scan_directive, scan_anchor, scan_tag, scan_tag_handle, scan_tag_uri)

import type { Scanner } from './scanner';
import { Tok, type Mark, type Token, type TokenType } from './types';
import { goUtf8Decode } from './gofmt';
import { asHex, isAlpha, isBlank, isBlankZ, isBreak, isBreakZ, isDigit, isHex } from './chars';

export function scanDirective(s: Scanner): Token {
  const r = s.r;
  const start = r.mark();
  r.skip();
  const name = scanDirectiveName(s, start);
  let token: Token;
  if (name === 'YAML') {
    const [major, minor] = scanVersionDirectiveValue(s, start);
    token = { type: Tok.VersionDirective, start, end: r.mark(), major, minor };
  } else if (name === 'TAG') {
    const [handle, prefix] = scanTagDirectiveValue(s, start);
    token = { type: Tok.TagDirective, start, end: r.mark(), value: handle, prefix };
  } else {
    s.error('while scanning a directive', start, 'found unknown directive name');
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
  if (!isBreakZ(r.at())) s.error('while scanning a directive', start, 'did not find expected comment or line break');
  if (isBreak(r.at())) {
    r.cache(2);
    r.skipLine();
  }
  return token;
}

function scanDirectiveName(s: Scanner, start: Mark): string {
  const r = s.r;
  r.cache(1);
  let name = '';
  while (isAlpha(r.at())) {
    name += r.read();
    r.cache(1);
  }
  if (name === '') s.error('while scanning a directive', start, 'could not find expected directive name');
  if (!isBlankZ(r.at())) s.error('while scanning a directive', start, 'found unexpected non-alphabetical character');
  return name;
}

function scanVersionDirectiveValue(s: Scanner, start: Mark): [number, number] {
  const r = s.r;
  r.cache(1);
  while (isBlank(r.at())) {
    r.skip();
    r.cache(1);
  }
  const major = scanVersionDirectiveNumber(s, start);
  if (r.at() !== 0x2e) s.error('while scanning a %YAML directive', start, "did not find expected digit or '.' character");
  r.skip();
  return [major, scanVersionDirectiveNumber(s, start)];
}

function scanVersionDirectiveNumber(s: Scanner, start: Mark): number {
  const r = s.r;
  r.cache(1);
  let value = 0;
  let length = 0;
  while (isDigit(r.at())) {
    length++;
    if (length > 2) s.error('while scanning a %YAML directive', start, 'found extremely long version number');
    value = value * 10 + (r.at() - 0x30);
    r.skip();
    r.cache(1);
  }
  if (length === 0) s.error('while scanning a %YAML directive', start, 'did not find expected version number');
  return value;
}

function scanTagDirectiveValue(s: Scanner, start: Mark): [string, string] {
  const r = s.r;
  r.cache(1);
  while (isBlank(r.at())) {
    r.skip();
    r.cache(1);
  }
  const handle = scanTagHandle(s, true, start);
  r.cache(1);
  if (!isBlank(r.at())) s.error('while scanning a %TAG directive', start, 'did not find expected whitespace');
  while (isBlank(r.at())) {
    r.skip();
    r.cache(1);
  }
  const prefix = scanTagUri(s, true, '', start);
  r.cache(1);
  if (!isBlankZ(r.at())) s.error('while scanning a %TAG directive', start, 'did not find expected whitespace or line break');
  return [handle, prefix];
}

/** Characters that may follow an anchor or alias name. */
const AFTER_ANCHOR = new Set(Array.from('?:,]}%@`', (ch) => ch.charCodeAt(0)));

export function scanAnchor(s: Scanner, type: TokenType): Token {
  const r = s.r;
  const start = r.mark();
  r.skip();
  r.cache(1);
  let name = '';
  while (isAlpha(r.at())) {
    name += r.read();
    r.cache(1);
  }
  const end = r.mark();
  if (name === '' || !(isBlankZ(r.at()) || AFTER_ANCHOR.has(r.at()))) {
    s.error(type === Tok.Anchor ? 'while scanning an anchor' : 'while scanning an alias', start, 'did not find expected alphabetic or numeric character');
  }
  return { type, start, end, value: name };
}

export function scanTag(s: Scanner): Token {
  const r = s.r;
  const start = r.mark();
  r.cache(2);
  let handle: string;
  let suffix: string;
  if (r.at(1) === 0x3c /* < */) {
    // Verbatim: !<uri>
    handle = '';
    r.skip();
    r.skip();
    suffix = scanTagUri(s, false, '', start);
    if (r.at() !== 0x3e) s.error('while scanning a tag', start, "did not find the expected '>'");
    r.skip();
  } else {
    handle = scanTagHandle(s, false, start);
    if (handle.length > 1 && handle.endsWith('!')) {
      suffix = scanTagUri(s, false, '', start);
    } else {
      // Not a named handle after all: what was read is the start of the suffix of "!".
      suffix = scanTagUri(s, false, handle, start);
      handle = '!';
      if (suffix === '') {
        suffix = handle;
        handle = '';
      }
    }
  }
  r.cache(1);
  if (!isBlankZ(r.at())) s.error('while scanning a tag', start, 'did not find expected whitespace or line break');
  return { type: Tok.Tag, start, end: r.mark(), value: handle, suffix };
}

function tagError(s: Scanner, directive: boolean, start: Mark, problem: string): never {
  return s.error(directive ? 'while parsing a %TAG directive' : 'while parsing a tag', start, problem);
}

function scanTagHandle(s: Scanner, directive: boolean, start: Mark): string {
  const r = s.r;
  r.cache(1);
  if (r.at() !== 0x21) tagError(s, directive, start, "did not find expected '!'");
  let handle = r.read();
  r.cache(1);
  while (isAlpha(r.at())) {
    handle += r.read();
    r.cache(1);
  }
  if (r.at() === 0x21) handle += r.read();
  else if (directive && handle !== '!') tagError(s, directive, start, "did not find expected '!'");
  return handle;
}

const URI_CHARS = new Set(Array.from(";/?:@&=+$,.!~*'()[]%", (ch) => ch.charCodeAt(0)));

function scanTagUri(s: Scanner, directive: boolean, head: string, start: Mark): string {
  const r = s.r;
  let uri = head.length > 1 ? head.slice(1) : '';
  let hasTag = head.length > 0;
  r.cache(1);
  while (isAlpha(r.at()) || URI_CHARS.has(r.at())) {
    if (r.at() === 0x25) uri += scanUriEscapes(s, directive, start);
    else uri += r.read();
    r.cache(1);
    hasTag = true;
  }
  if (!hasTag) tagError(s, directive, start, 'did not find expected tag URI');
  return uri;
}

/** %XX escapes forming one UTF-8 character. */
function scanUriEscapes(s: Scanner, directive: boolean, start: Mark): string {
  const r = s.r;
  const bytes: number[] = [];
  let w = 1024;
  while (w > 0) {
    r.cache(3);
    if (!(r.at() === 0x25 && isHex(r.at(1)) && isHex(r.at(2)))) tagError(s, directive, start, 'did not find URI escaped octet');
    const octet = (asHex(r.at(1)) << 4) + asHex(r.at(2));
    if (w === 1024) {
      w = octet < 0x80 ? 1 : (octet & 0xe0) === 0xc0 ? 2 : (octet & 0xf0) === 0xe0 ? 3 : (octet & 0xf8) === 0xf0 ? 4 : 0;
      if (w === 0) tagError(s, directive, start, 'found an incorrect leading UTF-8 octet');
    } else if ((octet & 0xc0) !== 0x80) tagError(s, directive, start, 'found an incorrect trailing UTF-8 octet');
    bytes.push(octet);
    r.skip();
    r.skip();
    r.skip();
    w--;
  }
  return goUtf8Decode(bytes);
}
