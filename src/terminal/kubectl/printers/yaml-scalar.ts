// How go-yaml v2 decides a string's style: YAML 1.1 resolution (would `true`, `1.5`, `2024-01-01`,
// `~`, `0755` read back as something else?) and the emitter's scalar analysis; plus the natural
// key order of its map sorter.
// mirrors: gopkg.in/yaml.v2 v2.4.0 resolve.go, encode.go (stringv, isBase60Float), emitterc.go
//          (yaml_emitter_analyze_scalar), yamlprivateh.go (is_printable, is_break), sorter.go

const RESOLVE_MAP = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
]);

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

/** strconv.ParseInt/ParseUint(s, 0, 64): base prefixes 0x 0o 0b and leading-0 octal. */
function parseGoInt(s: string, signed: boolean): bigint | null {
  let neg = false;
  let body = s;
  if (body.startsWith('+') || body.startsWith('-')) {
    if (!signed) return null;
    neg = body[0] === '-';
    body = body.slice(1);
  }
  let digits = body;
  let radix = 10;
  const lower = body.toLowerCase();
  if (lower.startsWith('0x')) [radix, digits] = [16, body.slice(2)];
  else if (lower.startsWith('0o')) [radix, digits] = [8, body.slice(2)];
  else if (lower.startsWith('0b')) [radix, digits] = [2, body.slice(2)];
  else if (body.length > 1 && body[0] === '0') [radix, digits] = [8, body.slice(1)];
  const valid = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/ }[radix as 2 | 8 | 10 | 16];
  if (!valid.test(digits)) return null;
  let v = 0n;
  for (const ch of digits) v = v * BigInt(radix) + BigInt(parseInt(ch, 16));
  if (neg) v = -v;
  if (signed ? v > INT64_MAX || v < -INT64_MAX - 1n : v > UINT64_MAX) return null;
  return v;
}

/** strconv.ParseFloat accepts more than the YAML regex (inf, nan, hex floats). */
function isGoFloat(s: string): boolean {
  if (/^[+-]?(inf|infinity|nan)$/i.test(s)) return true;
  if (/^[+-]?0x[0-9a-f]*\.?[0-9a-f]*p[+-]?[0-9]+$/i.test(s)) return /[0-9a-f]/i.test(s.slice(2));
  return /^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(s);
}

/** yaml.v2 parseTimestamp: the formats a plain scalar starting "YYYY-" may resolve to. */
const TS_DATE = '[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}';
const TS_TIME = '[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\\.[0-9]+)?';
const TS_FORMS = [
  new RegExp(`^${TS_DATE}[Tt]${TS_TIME}(Z|[+-][0-9]{2}:[0-9]{2})$`),
  new RegExp(`^${TS_DATE} ${TS_TIME}$`),
  new RegExp(`^${TS_DATE}$`),
];

function isTimestamp(s: string): boolean {
  if (!/^[0-9]{4}-/.test(s)) return false;
  if (!TS_FORMS.some((re) => re.test(s))) return false;
  // time.Parse also checks ranges (month 1-12, day valid for the month, hour < 24, …).
  const [y, mo, d] = s.slice(0, s.search(/[Tt ]|$/)).split('-').map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return false;
  const t = /[Tt ]([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})/.exec(s);
  if (t && (Number(t[1]) > 23 || Number(t[2]) > 59 || Number(t[3]) > 59)) return false;
  const z = /([+-])([0-9]{2}):([0-9]{2})$/.exec(s);
  if (z && t && (Number(z[2]) > 23 || Number(z[3]) > 59)) return false;
  return true;
}

/** True when go-yaml's resolve() reads the plain text back as a string (so plain style may be used). */
export function resolvesToString(s: string): boolean {
  const c = s.length === 0 ? '' : s[0];
  const hint = c === '' ? 'N' : c === '+' || c === '-' ? 'S' : c >= '0' && c <= '9' ? 'D' : 'yYnNtTfFoO~'.includes(c) ? 'M' : c === '.' ? '.' : '';
  if (hint === '') return true;
  if (RESOLVE_MAP.has(s)) return false;
  if (hint === '.') return !isGoFloat(s);
  if (hint === 'D' || hint === 'S') {
    if (isTimestamp(s)) return false;
    const plain = s.replace(/_/g, '');
    if (parseGoInt(plain, true) !== null || parseGoInt(plain, false) !== null) return false;
    if (YAML_STYLE_FLOAT.test(plain) && isGoFloat(plain)) return false;
    // (the 0b/-0b fallbacks upstream are already covered by the base-prefixed parse above)
  }
  return true;
}

/** encode.go isBase60Float: `1:20` must be quoted for YAML 1.1 readers. */
export function isBase60Float(s: string): boolean {
  if (s === '') return false;
  const c = s[0];
  if (!(c === '+' || c === '-' || (c >= '0' && c <= '9')) || !s.includes(':')) return false;
  return BASE60_FLOAT.test(s);
}

/** The emitter's verdict on a scalar's text (yaml_emitter_analyze_scalar). */
export interface ScalarAnalysis {
  multiline: boolean;
  flowPlainAllowed: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

/** is_printable on a code point (4-byte UTF-8 characters count as not printable). */
export function isPrintable(cp: number): boolean {
  return cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff);
}

export function isBreak(cp: number): boolean {
  return cp === 0x0d || cp === 0x0a || cp === 0x85 || cp === 0x2028 || cp === 0x2029;
}

function isBlank(cp: number | undefined): boolean {
  return cp === 0x20 || cp === 0x09;
}

export function analyzeScalar(text: string): ScalarAnalysis {
  const n = text.length;
  if (n === 0) {
    return { multiline: false, flowPlainAllowed: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  }
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  if (text.startsWith('---') || text.startsWith('...')) {
    blockIndicators = true;
    flowIndicators = true;
  }
  let precededByWhitespace = true;
  for (let i = 0; i < n; ) {
    const c = text.codePointAt(i) ?? 0;
    const w = c > 0xffff ? 2 : 1;
    const last = i + w >= n;
    const followedByWhitespace = last || isBlank(text.charCodeAt(i + w));
    if (i === 0) {
      if (c < 0x80 && FIRST_INDICATORS.includes(String.fromCharCode(c))) {
        flowIndicators = true;
        blockIndicators = true;
      } else if (c === 0x3f || c === 0x3a) { // ? :
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      } else if (c === 0x2d && followedByWhitespace) { // -
        flowIndicators = true;
        blockIndicators = true;
      }
    } else if (c === 0x2c || c === 0x3f || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d) {
      flowIndicators = true;
    } else if (c === 0x3a) {
      flowIndicators = true;
      if (followedByWhitespace) blockIndicators = true;
    } else if (c === 0x23 && precededByWhitespace) {
      flowIndicators = true;
      blockIndicators = true;
    }
    if (!isPrintable(c)) specialCharacters = true; // emitter.unicode is on: no ASCII restriction
    if (c === 0x20) {
      if (i === 0) leadingSpace = true;
      if (last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlank(c) || isBreak(c) || c === 0;
    i += w;
  }
  const a: ScalarAnalysis = { multiline: lineBreaks, flowPlainAllowed: true, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.flowPlainAllowed = a.blockPlainAllowed = false;
  if (trailingSpace) a.blockAllowed = false;
  if (breakSpace) a.flowPlainAllowed = a.blockPlainAllowed = a.singleQuotedAllowed = false;
  if (spaceBreak || specialCharacters) a.flowPlainAllowed = a.blockPlainAllowed = a.singleQuotedAllowed = a.blockAllowed = false;
  if (lineBreaks) a.flowPlainAllowed = a.blockPlainAllowed = false;
  if (flowIndicators) a.flowPlainAllowed = false;
  if (blockIndicators) a.blockPlainAllowed = false;
  return a;
}

const FIRST_INDICATORS = '#,[]{}&*!|>\'"%@`';

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;
const ASCII = /^[\x00-\x7f]*$/;

function isLetter(cp: number): boolean {
  return cp < 0x80 ? (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) : LETTER.test(String.fromCodePoint(cp));
}

function isDigit(cp: number): boolean {
  return cp < 0x80 ? cp >= 0x30 && cp <= 0x39 : DIGIT.test(String.fromCodePoint(cp));
}

/** keyList.Less for string keys: letters before other characters, digit runs compared as numbers. */
export function yamlKeyLess(a: string, b: string): boolean {
  // Go compares runes; for ASCII keys (nearly all) the UTF-16 units are the runes.
  if (ASCII.test(a) && ASCII.test(b)) return keyLess(a.length, b.length, (i) => a.charCodeAt(i), (i) => b.charCodeAt(i));
  const ar = Array.from(a, (c) => c.codePointAt(0) ?? 0);
  const br = Array.from(b, (c) => c.codePointAt(0) ?? 0);
  return keyLess(ar.length, br.length, (i) => ar[i], (i) => br[i]);
}

function keyLess(alen: number, blen: number, A: (i: number) => number, B: (i: number) => number): boolean {
  for (let i = 0; i < alen && i < blen; i++) {
    const x = A(i);
    const y = B(i);
    if (x === y) continue;
    const al = isLetter(x);
    const bl = isLetter(y);
    if (al && bl) return x < y;
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (x === 0x30 || y === 0x30) {
      for (let j = i - 1; j >= 0 && isDigit(A(j)); j--) {
        if (A(j) !== 0x30) {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < alen && isDigit(A(ai)); ai++) an = an * 10 + (A(ai) - 0x30);
    let bi = i;
    for (; bi < blen && isDigit(B(bi)); bi++) bn = bn * 10 + (B(bi) - 0x30);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return x < y;
  }
  return alen < blen;
}
