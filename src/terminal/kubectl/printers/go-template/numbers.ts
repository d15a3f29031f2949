// Template literals: number constants held under every type that fits (Go's ideal constants, via
// strconv.ParseInt/ParseUint/ParseFloat rules: 0x/0o/0b prefixes, underscores, hex floats), char
// constants, and string unquoting.
// mirrors: Go src/text/template/parse/node.go (newNumber), src/strconv/atoi.go, atof.go, quote.go

import { unquoteExtend } from '../gofmt';
import { NumberNode } from './node';
import { quote } from './strconv';

const UINT64_MAX = (1n << 64n) - 1n;
const INT64_CUTOFF = 1n << 63n;

/** strconv's underscoreOK: underscores only between digits (or after a base prefix). */
function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'bBoOxX'.includes(s[1])) {
    i = 2;
    saw = '0';
    hex = s[1] === 'x' || s[1] === 'X';
  }
  for (; i < s.length; i++) {
    const c = s[i];
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** ParseUint(s, 0, 64); null on a syntax or range error. */
function parseUint(s0: string): bigint | null {
  if (s0 === '') return null;
  let s = s0;
  let base = 10n;
  if (s[0] === '0') {
    const p = s[1]?.toLowerCase();
    if (s.length >= 3 && (p === 'b' || p === 'o' || p === 'x')) {
      base = p === 'b' ? 2n : p === 'o' ? 8n : 16n;
      s = s.slice(2);
    } else {
      base = 8n;
      s = s.slice(1);
    }
  }
  let n = 0n;
  let underscores = false;
  for (const c of s) {
    if (c === '_') {
      underscores = true;
      continue;
    }
    const lc = c.toLowerCase();
    let d: bigint;
    if (c >= '0' && c <= '9') d = BigInt(c.charCodeAt(0) - 48);
    else if (lc >= 'a' && lc <= 'z') d = BigInt(lc.charCodeAt(0) - 87);
    else return null;
    if (d >= base) return null;
    n = n * base + d;
    if (n > UINT64_MAX) return null;
  }
  if (underscores && !underscoreOK(s0)) return null;
  return n;
}

/** ParseInt(s, 0, 64). */
function parseInt64(s: string): bigint | null {
  if (s === '') return null;
  let neg = false;
  if (s[0] === '+') s = s.slice(1);
  else if (s[0] === '-') {
    neg = true;
    s = s.slice(1);
  }
  const un = parseUint(s);
  if (un === null) return null;
  if (!neg && un >= INT64_CUTOFF) return null;
  if (neg && un > INT64_CUTOFF) return null;
  return neg ? -un : un;
}

const DEC_FLOAT = /^[+-]?(?=\.?[0-9])[0-9_]*(\.[0-9_]*)?([eE][+-]?[0-9][0-9_]*)?$/;
const HEX_FLOAT = /^([+-]?)0[xX]([0-9a-fA-F_]*)(?:\.([0-9a-fA-F_]*))?[pP]([+-]?[0-9][0-9_]*)$/;

/** ParseFloat(s, 64); null on a syntax error or overflow (±Inf). */
export function parseFloat64(s: string): number | null {
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(s);
  if (special) {
    if (special[2].toLowerCase() === 'nan') return special[1] ? null : NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  if (s.includes('_') && !underscoreOK(s)) return null;
  let f: number;
  const hex = HEX_FLOAT.exec(s);
  if (hex) {
    const intDigits = hex[2].replace(/_/g, '');
    const fracDigits = (hex[3] ?? '').replace(/_/g, '');
    if (intDigits + fracDigits === '') return null;
    const mant = BigInt('0x' + (intDigits + fracDigits || '0'));
    const scale = Number(hex[4].replace(/_/g, '')) - 4 * fracDigits.length;
    f = scale >= 0 ? Number(mant) * 2 ** scale : Number(mant) / 2 ** -scale;
    if (hex[1] === '-') f = -f;
  } else if (DEC_FLOAT.test(s)) {
    f = Number(s.replace(/_/g, ''));
  } else return null;
  if (!Number.isFinite(f)) return null;
  return f;
}

function fitsInt64(f: number): boolean {
  return Number.isInteger(f) && f >= -9223372036854775808 && f < 9223372036854775808;
}

function fitsUint64(f: number): boolean {
  return Number.isInteger(f) && f >= 0 && f < 18446744073709551616;
}

function simplifyComplex(n: NumberNode): void {
  n.isFloat = n.complex[1] === 0;
  if (!n.isFloat) return;
  n.float64 = n.complex[0];
  n.isInt = fitsInt64(n.float64);
  if (n.isInt) n.int64 = BigInt(n.float64);
  n.isUint = fitsUint64(n.float64);
  if (n.isUint) n.uint64 = BigInt(n.float64);
}

/** strconv.UnquoteChar(s, quote): the first (possibly escaped) character and the rest; null on error. */
export function unquoteChar(s: string, q: string): { value: number; tail: string } | null {
  if (s === '') return null;
  const c = s.codePointAt(0)!;
  if (String.fromCodePoint(c) === q) return null;
  if (c !== 0x5c) {
    const w = c > 0xffff ? 2 : 1;
    return { value: c, tail: s.slice(w) };
  }
  if (s.length <= 1) return null;
  const e = s[1];
  let rest = s.slice(2);
  const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };
  if (simple[e] !== undefined) return { value: simple[e], tail: rest };
  if (e === 'x' || e === 'u' || e === 'U') {
    const w = e === 'x' ? 2 : e === 'u' ? 4 : 8;
    const digits = rest.slice(0, w);
    if (!new RegExp(`^[0-9a-fA-F]{${w}}$`).test(digits)) return null;
    const v = parseInt(digits, 16);
    if (e !== 'x' && (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))) return null;
    return { value: v, tail: rest.slice(w) };
  }
  if (e >= '0' && e <= '7') {
    const digits = s.slice(1, 4);
    if (!/^[0-7]{3}$/.test(digits)) return null;
    const v = parseInt(digits, 8);
    if (v > 255) return null;
    rest = s.slice(4);
    return { value: v, tail: rest };
  }
  if (e === "'" || e === '"') return e === q ? { value: e.charCodeAt(0), tail: rest } : null;
  return null;
}

/** strconv.Unquote of a "…" or `…` literal (raw strings lose their carriage returns); null on error. */
export function unquoteString(quoted: string): string | null {
  if (quoted.length >= 2 && quoted[0] === '`' && quoted[quoted.length - 1] === '`') {
    const body = quoted.slice(1, -1);
    if (body.includes('`')) return null;
    return body.replace(/\r/g, '');
  }
  if (quoted[0] !== '"') return null;
  return unquoteExtend(quoted);
}

/** Splits "re±imi" at the sign that starts the imaginary part. */
function splitComplex(text: string): [string, string] | null {
  for (let i = text.length - 2; i > 0; i--) {
    const c = text[i];
    if ((c === '+' || c === '-') && !/[eEpP]/.test(text[i - 1])) return [text.slice(0, i), text.slice(i, -1)];
  }
  return null;
}

/** newNumber: a NumberNode, or the parse error text. */
export function newNumber(pos: number, text: string, kind: 'char' | 'complex' | 'number'): NumberNode | string {
  const n = new NumberNode(pos, text);
  if (kind === 'char') {
    const r = unquoteChar(text.slice(1), text[0]);
    if (!r) return 'invalid syntax';
    if (r.tail !== "'") return `malformed character constant: ${text}`;
    n.int64 = n.uint64 = BigInt(r.value);
    n.float64 = r.value;
    n.isInt = n.isUint = n.isFloat = true;
    return n;
  }
  if (kind === 'complex') {
    const parts = splitComplex(text);
    const re = parts ? parseFloat64(parts[0]) : null;
    const im = parts ? parseFloat64(parts[1]) : null;
    if (re === null || im === null) return `illegal number syntax: ${quote(text)}`;
    n.isComplex = true;
    n.complex = [re, im];
    simplifyComplex(n);
    return n;
  }
  if (text.endsWith('i')) {
    const f = parseFloat64(text.slice(0, -1));
    if (f !== null) {
      n.isComplex = true;
      n.complex = [0, f];
      simplifyComplex(n);
      return n;
    }
  }
  const u = parseUint(text);
  if (u !== null) {
    n.isUint = true;
    n.uint64 = u;
  }
  const i = parseInt64(text);
  if (i !== null) {
    n.isInt = true;
    n.int64 = i;
    if (i === 0n) {
      n.isUint = true;
      n.uint64 = u ?? 0n;
    }
  }
  if (n.isInt) {
    n.isFloat = true;
    n.float64 = Number(n.int64);
  } else if (n.isUint) {
    n.isFloat = true;
    n.float64 = Number(n.uint64);
  } else {
    const f = parseFloat64(text);
    if (f !== null) {
      if (!/[.eEpP]/.test(text)) return `integer overflow: ${quote(text)}`;
      n.isFloat = true;
      n.float64 = f;
      if (!n.isInt && fitsInt64(f)) {
        n.isInt = true;
        n.int64 = BigInt(f);
      }
      if (!n.isUint && fitsUint64(f)) {
        n.isUint = true;
        n.uint64 = BigInt(f);
      }
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) return `illegal number syntax: ${quote(text)}`;
  return n;
}
