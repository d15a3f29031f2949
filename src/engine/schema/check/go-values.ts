// The value checks that Kubernetes types with their own UnmarshalJSON (or Go's decoder) apply, with
// their exact error texts: resource.Quantity, []byte (base64), metav1.Time (RFC 3339), metav1.Duration.
// mirrors: apimachinery pkg/api/resource/quantity.go (ParseQuantity), Go encoding/base64 decodeQuantum,
// Go time.Parse with layout RFC3339, Go time.ParseDuration.

const QUANTITY_RE = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';
export const ERR_QUANTITY_FORMAT = `quantities must match the regular expression '${QUANTITY_RE}'`;
export const ERR_QUANTITY_SUFFIX = "unable to parse quantity's suffix";

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const SUFFIXES = new Set(['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E']);

/** The error resource.ParseQuantity returns for `str` (already trimmed), or undefined when it parses. */
export function quantityError(str: string): string | undefined {
  if (str.length === 0) return ERR_QUANTITY_FORMAT;
  if (str === '0') return undefined;
  let pos = 0;
  const end = str.length;
  if (str[0] === '-' || str[0] === '+') pos++;
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return undefined;
  while (pos < end && isDigit(str[pos])) pos++;
  if (pos >= end) return undefined;
  if (str[pos] === '.') {
    pos++;
    while (pos < end && isDigit(str[pos])) pos++;
    if (pos >= end) return undefined;
  }
  const suffixStart = pos;
  while (pos < end && 'eEinumkKMGTP'.includes(str[pos])) pos++;
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++;
  while (pos < end && isDigit(str[pos])) pos++;
  if (pos < end) return ERR_QUANTITY_FORMAT;
  const suffix = str.slice(suffixStart);
  if (SUFFIXES.has(suffix)) return undefined;
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?\d+$/.test(suffix.slice(1))) return undefined;
  return ERR_QUANTITY_SUFFIX;
}

const B64 = /[A-Za-z0-9+/]/;

/** Go base64.StdEncoding.Decode's error ("illegal base64 data at input byte N"), or undefined. */
export function base64Error(src: string): string | undefined {
  const bad = (n: number) => `illegal base64 data at input byte ${n}`;
  const isNl = (c: string) => c === '\n' || c === '\r';
  let si = 0;
  while (si < src.length) {
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return undefined;
        return bad(si - j);
      }
      const c = src[si++];
      if (B64.test(c)) continue;
      if (isNl(c)) {
        j--;
        continue;
      }
      if (c !== '=') return bad(si - 1);
      if (j < 2) return bad(si - 1);
      if (j === 2) {
        while (si < src.length && isNl(src[si])) si++;
        if (si === src.length) return bad(src.length);
        if (src[si] !== '=') return bad(si - 1);
        si++;
      }
      while (si < src.length && isNl(src[si])) si++;
      return si < src.length ? bad(si) : undefined;
    }
  }
  return undefined;
}

const RFC3339 = '2006-01-02T15:04:05Z07:00';

function utf8(c: number): number[] {
  if (c < 0x80) return [c];
  if (c < 0x800) return [0xc0 | (c >> 6), 0x80 | (c & 63)];
  if (c < 0x10000) return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)];
  return [0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)];
}

/** Go time package's quote(): '"' and '\\' escaped, bytes outside printable ASCII as \xNN. */
function quote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x20 || c >= 0x80) {
      for (const b of utf8(c)) out += '\\x' + b.toString(16).padStart(2, '0');
    } else {
      out += ch === '"' || ch === '\\' ? '\\' + ch : ch;
    }
  }
  return out + '"';
}

/** The error time.Parse(time.RFC3339, s) returns, or undefined when it parses. */
export function rfc3339Error(value: string): string | undefined {
  const parseErr = (layoutElem: string, valueElem: string) =>
    `parsing time ${quote(value)} as ${quote(RFC3339)}: cannot parse ${quote(valueElem)} as ${quote(layoutElem)}`;
  const rangeErr = (what: string) => `parsing time ${quote(value)}: ${what} out of range`;
  let v = value;
  const num2 = (fixed: boolean): number | undefined => {
    if (!isDigit(v[0])) return undefined;
    if (!isDigit(v[1])) {
      if (fixed) return undefined;
      const n = Number(v[0]);
      v = v.slice(1);
      return n;
    }
    const n = Number(v.slice(0, 2));
    v = v.slice(2);
    return n;
  };
  const lit = (s: string): boolean => {
    if (!v.startsWith(s)) return false;
    v = v.slice(s.length);
    return true;
  };
  // year
  if (v.length < 4 || !isDigit(v[0]) || !/^\d{4}$/.test(v.slice(0, 4))) return parseErr('2006', v);
  const year = Number(v.slice(0, 4));
  v = v.slice(4);
  const fields: [string, string, boolean, number, string][] = [
    ['-', '01', true, 12, 'month'],
    ['-', '02', true, 31, ''],
    ['T', '15', false, 23, 'hour'],
    [':', '04', true, 59, 'minute'],
    [':', '05', true, 59, 'second'],
  ];
  const got: number[] = [];
  for (const [sep, elem, fixed, max, name] of fields) {
    if (!lit(sep)) return parseErr(sep, v);
    const hold = v;
    const n = num2(fixed);
    if (n === undefined) return parseErr(elem, hold);
    if (name && (n > max || (name === 'month' && n === 0))) return rangeErr(name);
    got.push(n);
  }
  if (v.length >= 2 && (v[0] === '.' || v[0] === ',') && isDigit(v[1])) {
    let n = 2;
    while (isDigit(v[n])) n++;
    v = v.slice(n);
  }
  const hold = v;
  if (v[0] === 'Z') v = v.slice(1);
  else {
    if (v.length < 6 || v[3] !== ':' || (v[0] !== '+' && v[0] !== '-') || !/^\d\d$/.test(v.slice(1, 3)) || !/^\d\d$/.test(v.slice(4, 6))) {
      return parseErr('Z07:00', hold);
    }
    v = v.slice(6);
  }
  if (v.length > 0) return `parsing time ${quote(value)}: extra text: ${quote(v)}`;
  const [month, day] = got;
  const daysIn = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (day < 1 || day > daysIn[month - 1]) return rangeErr('day');
  return undefined;
}

const UNITS = new Set(['ns', 'us', 'µs', 'μs', 'ms', 's', 'm', 'h']);

/** The error time.ParseDuration returns, or undefined. */
export function durationError(s: string): string | undefined {
  const invalid = `time: invalid duration ${quote(s)}`;
  let d = s;
  if (d[0] === '-' || d[0] === '+') d = d.slice(1);
  if (d === '0') return undefined;
  if (d === '') return invalid;
  while (d !== '') {
    const num = /^(\d*)(\.\d*)?/.exec(d)!;
    if (num[0] === '' || num[0] === '.') return invalid;
    d = d.slice(num[0].length);
    const unit = /^[^\d.]*/.exec(d)![0];
    if (unit === '') return `time: missing unit in duration ${quote(s)}`;
    if (!UNITS.has(unit)) return `time: unknown unit ${quote(unit)} in duration ${quote(s)}`;
    d = d.slice(unit.length);
  }
  return undefined;
}
