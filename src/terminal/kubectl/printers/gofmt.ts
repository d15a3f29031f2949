// Go standard-library formatting that kubectl's printers inherit: fmt %v / %#v, strconv.Quote,
// strconv 'g' floats and Go's byte-wise string order, applied to JSON-like (unstructured) values.
// mirrors: Go src/fmt/print.go, src/strconv/ftoa.go, src/strconv/quote.go (behaviour only)

import { utf8Length } from '../../../engine/util/utf8';

/** A JSON-like value as kubectl holds it after decoding (unstructured content). */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
/** A JSON object; `undefined` members are treated as absent, as JSON.stringify does. */
export interface JsonObject {
  [key: string]: JsonValue | undefined;
}

export function isJsonObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoByte);
}

/** Go compares strings byte-wise (UTF-8); UTF-16 order differs only around surrogates. */
export function compareGoStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (astral code point) sorts after every BMP code point in UTF-8.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** The defined keys of an object in Go's sorted-map order (fmt and encoding/json sort map keys). */
export function sortedKeys(obj: JsonObject): string[] {
  const keys: string[] = [];
  for (const k of Object.keys(obj)) if (obj[k] !== undefined) keys.push(k);
  return keys.sort(compareGoStrings);
}

export { utf8Length } from '../../../engine/util/utf8';

/** The UTF-8 bytes of s (lone surrogates become U+FFFD, as Go would see them). */
export function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    let cp = ch.codePointAt(0) ?? 0xfffd;
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return out;
}

/** Go's s[:n] on the UTF-8 bytes; a cut inside a character leaves U+FFFD, as a terminal shows it. */
export function utf8Prefix(s: string, maxBytes: number): string {
  let n = 0;
  let i = 0;
  for (const ch of s) {
    const w = utf8Length(ch);
    if (n + w > maxBytes) return s.slice(0, i) + (n < maxBytes ? '\ufffd' : '');
    n += w;
    i += ch.length;
  }
  return s;
}

/** A byte of a string, produced by iterating a string (reflect Index on a Go string): a Go uint8. */
export class GoByte {
  constructor(readonly value: number) {}
}

function shortestDigits(n: number): { digits: string; exp: number } {
  // toExponential() without an argument yields the shortest round-trip digits, like Go's shortest mode.
  const [mant, e] = Math.abs(n).toExponential().split('e');
  return { digits: mant.replace('.', ''), exp: Number(e) };
}

/** strconv.FormatFloat(n, 'g', -1, 64), also fmt's %v: exponent form when exp < -4 || exp >= 6 ('1e+06'). */
export function formatFloatG(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const sign = n < 0 ? '-' : '';
  const { digits, exp } = shortestDigits(n);
  if (exp < -4 || exp >= 6) {
    const frac = digits.length > 1 ? '.' + digits.slice(1) : '';
    const ae = Math.abs(exp);
    return `${sign}${digits[0]}${frac}e${exp < 0 ? '-' : '+'}${ae < 10 ? '0' : ''}${ae}`;
  }
  const dp = exp + 1; // digits before the decimal point
  if (dp <= 0) return `${sign}0.${'0'.repeat(-dp)}${digits}`;
  if (dp >= digits.length) return sign + digits + '0'.repeat(dp - digits.length);
  return `${sign}${digits.slice(0, dp)}.${digits.slice(dp)}`;
}

/** A number as Go prints an unstructured value: integers are int64, the rest float64 (%v). */
export function formatGoNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 9.3e18) return BigInt(n).toString();
  return formatFloatG(n);
}

/** Go's type name for a value, as in error messages (`%T`, reflect.Type.String()). */
export function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (v instanceof GoByte) return 'uint8';
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}

/** fmt.Sprint(v) for unstructured values: maps as map[k:v] (sorted), slices as [a b], nil as <nil>. */
export function goSprint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatGoNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof GoByte) return String(v.value);
  if (Array.isArray(v)) return '[' + v.map(goSprint).join(' ') + ']';
  if (isJsonObject(v)) return 'map[' + sortedKeys(v).map((k) => `${k}:${goSprint(v[k])}`).join(' ') + ']';
  return String(v);
}

/** fmt.Sprintf("%#v", v) for unstructured values (used in kubectl's jsonpath error dump). */
export function goSyntax(v: unknown, nested = false): string {
  if (v === null || v === undefined) return nested ? 'interface {}(nil)' : '<nil>';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return formatGoNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof GoByte) return `0x${v.value.toString(16)}`;
  if (Array.isArray(v)) return '[]interface {}{' + v.map((x) => goSyntax(x, true)).join(', ') + '}';
  if (isJsonObject(v)) {
    const parts = sortedKeys(v).map((k) => `${goQuote(k)}:${goSyntax(v[k], true)}`);
    return 'map[string]interface {}{' + parts.join(', ') + '}';
  }
  return String(v);
}

// unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

export function isGoPrint(cp: number): boolean {
  return PRINTABLE.test(String.fromCodePoint(cp));
}

const QUOTE_ESCAPES: Record<number, string> = {
  0x07: '\\a', 0x08: '\\b', 0x0c: '\\f', 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t', 0x0b: '\\v',
};

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** strconv.Quote(s). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    let cp = ch.codePointAt(0) ?? 0xfffd;
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp === 0x22) out += '\\"';
    else if (cp === 0x5c) out += '\\\\';
    else if (cp >= 0x20 && cp < 0x7f) out += ch;
    else if (QUOTE_ESCAPES[cp] !== undefined) out += QUOTE_ESCAPES[cp];
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + hex(cp, 2);
    else if (isGoPrint(cp)) out += String.fromCodePoint(cp);
    else if (cp < 0x10000) out += '\\u' + hex(cp, 4);
    else out += '\\U' + hex(cp, 8);
  }
  return out + '"';
}

/** fmt's %#U: "U+0023 '#'" (the quoted character only when printable). */
export function goUnicodeVerb(cp: number): string {
  const u = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  return isGoPrint(cp) ? `${u} '${String.fromCodePoint(cp)}'` : u;
}

const SIMPLE_ESCAPES: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };

/** jsonpath's UnquoteExtend: strconv.Unquote that also accepts single quotes; null on a syntax error. */
export function unquoteExtend(s: string): string | null {
  const n = s.length;
  if (n < 2) return null;
  const quote = s[0];
  if (quote !== s[n - 1] || (quote !== '"' && quote !== "'")) return null;
  const body = s.slice(1, n - 1);
  if (!body.includes('\\') && !body.includes(quote)) return body;
  const bytes: number[] = [];
  const pushRune = (cp: number) => bytes.push(...utf8Bytes(String.fromCodePoint(cp)));
  for (let i = 0; i < body.length; ) {
    const c = body[i];
    if (c === quote) return null;
    if (c !== '\\') {
      const cp = body.codePointAt(i) ?? 0;
      pushRune(cp);
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    if (i + 1 >= body.length) return null;
    const e = body[i + 1];
    i += 2;
    if (SIMPLE_ESCAPES[e] !== undefined) bytes.push(SIMPLE_ESCAPES[e]);
    else if (e === 'x' || e === 'u' || e === 'U') {
      const w = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const digits = body.slice(i, i + w);
      if (!new RegExp(`^[0-9a-fA-F]{${w}}$`).test(digits)) return null;
      i += w;
      const v = parseInt(digits, 16);
      if (e === 'x') bytes.push(v);
      else if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return null;
      else pushRune(v);
    } else if (e >= '0' && e <= '7') {
      const digits = body.slice(i - 1, i + 2);
      if (!/^[0-7]{3}$/.test(digits)) return null;
      const v = parseInt(digits, 8);
      if (v > 255) return null;
      bytes.push(v);
      i += 2;
    } else if (e === "'" || e === '"') {
      if (e !== quote) return null;
      bytes.push(e.charCodeAt(0));
    } else return null;
  }
  return decodeUtf8(bytes);
}

/** Decodes UTF-8 bytes; invalid sequences become U+FFFD (as Go prints them). */
function decodeUtf8(bytes: number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) {
      out += '\ufffd';
      i++;
      continue;
    }
    let cp = need === 0 ? b : b & (0x3f >> need);
    let ok = i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (c & 0x3f);
    }
    if (!ok || (need === 2 && cp < 0x800) || (need === 3 && (cp < 0x10000 || cp > 0x10ffff)) || (cp >= 0xd800 && cp <= 0xdfff)) {
      out += '\ufffd';
      i++;
      continue;
    }
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}
