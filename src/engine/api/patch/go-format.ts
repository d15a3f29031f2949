// Go-style rendering of decoded JSON values: fmt's %v (upstream error texts and sort keys) and type names.

import { isJsonObject } from './json-value';

/**
 * Byte-wise (UTF-8) string order, as Go compares strings. Equals UTF-16 code-unit order except
 * between surrogate pairs (code points above U+FFFF) and U+E000..U+FFFF.
 */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      const xs = x >= 0xd800 && x <= 0xdfff;
      const ys = y >= 0xd800 && y <= 0xdfff;
      if (xs !== ys && (x >= 0xe000 || y >= 0xe000)) return xs ? 1 : -1;
      return x - y;
    }
  }
  return a.length - b.length;
}

const INT64_LIMIT = 2 ** 63;

/** A JSON number as Go prints it with %v: int64 when integral and in range, else float64 (%g, shortest). */
export function goNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < INT64_LIMIT) return String(n === 0 ? 0 : n);
  return goFloat(n);
}

/** strconv.FormatFloat(f, 'g', -1, 64): exponent form when exp < -4 || exp >= 6 (shortest digits). */
export function goFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const [mant, expStr] = n.toExponential().split('e');
  const exp = Number(expStr);
  if (exp < -4 || exp >= 6) {
    const abs = Math.abs(exp);
    return `${mant}e${exp < 0 ? '-' : '+'}${abs < 10 ? '0' : ''}${abs}`;
  }
  return String(n); // JS prints shortest digits in fixed notation for this exponent range, as Go does
}

/** fmt.Sprint / %v of a decoded JSON value: map[k:v ...] with sorted keys, [a b], <nil>. */
export function goSprint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  switch (typeof v) {
    case 'string':
      return v;
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      return goNumber(v);
  }
  if (Array.isArray(v)) return `[${v.map(goSprint).join(' ')}]`;
  if (isJsonObject(v)) {
    const keys = Object.keys(v).sort(compareGoStrings);
    return `map[${keys.map((k) => `${k}:${goSprint(v[k])}`).join(' ')}]`;
  }
  return String(v);
}

/** %s of a value: strings print as is, other kinds the way fmt reports a bad verb (%!s(int64=5)). */
export function goSprintS(v: unknown): string {
  if (v === null || v === undefined) return '%!s(<nil>)';
  switch (typeof v) {
    case 'string':
      return v;
    case 'boolean':
      return `%!s(bool=${v ? 'true' : 'false'})`;
    case 'number':
      return `%!s(${goTypeName(v)}=${goNumber(v)})`;
  }
  if (Array.isArray(v)) return `[${v.map(goSprintS).join(' ')}]`;
  if (isJsonObject(v)) {
    const keys = Object.keys(v).sort(compareGoStrings);
    return `map[${keys.map((k) => `${k}:${goSprintS(v[k])}`).join(' ')}]`;
  }
  return String(v);
}

/** reflect.TypeOf(v).String() for a decoded JSON value; %s of a nil type for null. */
export function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return '%!s(<nil>)';
  if (Array.isArray(v)) return '[]interface {}';
  switch (typeof v) {
    case 'object':
      return 'map[string]interface {}';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(v) && Math.abs(v) < INT64_LIMIT ? 'int64' : 'float64';
  }
  return typeof v;
}

/** Go's strconv.Quote for the common case (JSON string escaping is close enough for error texts). */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}
