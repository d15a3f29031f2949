// Go's text conventions the YAML path shows through: strconv.FormatFloat 'g' (float32 keys, %v floats),
// fmt's %#v for decoded values (in error messages), strconv.Quote, and UTF-8 decoding with U+FFFD per bad byte.
// mirrors: Go strconv/ftoa.go, strconv/quote.go, fmt/print.go, unicode/utf8

/** Go's shortest 'g' formatting of a float; bits 32 rounds to float32 first, as FormatFloat(f, 'g', -1, 32). */
export function formatFloatG(f: number, bits: 32 | 64): string {
  if (bits === 32) f = Math.fround(f);
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  const neg = f < 0 || Object.is(f, -0);
  const a = Math.abs(f);
  let exp = 0;
  let digits = '0';
  if (a !== 0) {
    const e = shortestExponential(a, bits);
    const [m, x] = e.split('e');
    digits = m.replace('.', '');
    exp = Number(x);
  }
  let out: string;
  if (exp < -4 || exp >= 6) {
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const ax = Math.abs(exp);
    out = `${digits[0]}${frac}e${exp < 0 ? '-' : '+'}${ax < 10 ? '0' : ''}${ax}`;
  } else {
    const dp = exp + 1;
    if (dp <= 0) out = `0.${'0'.repeat(-dp)}${digits}`;
    else if (dp >= digits.length) out = digits + '0'.repeat(dp - digits.length);
    else out = `${digits.slice(0, dp)}.${digits.slice(dp)}`;
  }
  return neg ? `-${out}` : out;
}

/** The shortest decimal (as toExponential text) that reads back as the same float32 or float64. */
function shortestExponential(a: number, bits: 32 | 64): string {
  if (bits === 64) return a.toExponential();
  for (let p = 1; p < 17; p++) {
    const s = a.toExponential(p - 1);
    if (Math.fround(Number(s)) === a) return s;
  }
  return a.toExponential();
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** strconv.Quote: a double-quoted Go string literal. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    switch (ch) {
      case '"': out += '\\"'; continue;
      case '\\': out += '\\\\'; continue;
      case '\x07': out += '\\a'; continue;
      case '\b': out += '\\b'; continue;
      case '\f': out += '\\f'; continue;
      case '\n': out += '\\n'; continue;
      case '\r': out += '\\r'; continue;
      case '\t': out += '\\t'; continue;
      case '\v': out += '\\v'; continue;
    }
    if (PRINTABLE.test(ch)) out += ch;
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (c < 0x10000) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += `\\U${c.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

/** Decodes UTF-8 as Go does when it meets bad bytes: each byte of an invalid sequence is one U+FFFD. */
export function goUtf8Decode(b: ArrayLike<number>): string {
  let out = '';
  let i = 0;
  const cont = (j: number, lo = 0x80, hi = 0xbf) => j < b.length && b[j] >= lo && b[j] <= hi;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      out += String.fromCharCode(c);
      i++;
    } else if (c >= 0xc2 && c <= 0xdf && cont(i + 1)) {
      out += String.fromCodePoint(((c & 0x1f) << 6) | (b[i + 1] & 0x3f));
      i += 2;
    } else if (c >= 0xe0 && c <= 0xef && cont(i + 1, c === 0xe0 ? 0xa0 : 0x80, c === 0xed ? 0x9f : 0xbf) && cont(i + 2)) {
      out += String.fromCodePoint(((c & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f));
      i += 3;
    } else if (c >= 0xf0 && c <= 0xf4 && cont(i + 1, c === 0xf0 ? 0x90 : 0x80, c === 0xf4 ? 0x8f : 0xbf) && cont(i + 2) && cont(i + 3)) {
      out += String.fromCodePoint(((c & 0x07) << 18) | ((b[i + 1] & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6) | (b[i + 3] & 0x3f));
      i += 4;
    } else {
      out += '\ufffd';
      i++;
    }
  }
  return out;
}
