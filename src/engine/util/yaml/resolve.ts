// What a scalar means: YAML 1.1 as go-yaml v2 reads it (y/yes/on/off booleans, ~ and null, Go integer
// syntax with 0x/0o/0b/leading-0 octal and underscores, floats, .inf/.nan) and explicit !!tags.
// mirrors: go-yaml v2 resolve.go (resolve, resolveTable, resolveMap); Go strconv.ParseInt/ParseUint/ParseFloat

import { failf } from './errors';
import { isTimestamp } from './timestamp';
import { GoBig, GoFloat, type GoValue } from './values';

const LONG = 'tag:yaml.org,2002:';
export const TAG = {
  null: `${LONG}null`, bool: `${LONG}bool`, str: `${LONG}str`, int: `${LONG}int`, float: `${LONG}float`,
  timestamp: `${LONG}timestamp`, seq: `${LONG}seq`, map: `${LONG}map`, binary: `${LONG}binary`, merge: `${LONG}merge`,
} as const;

export const shortTag = (tag: string): string => (tag.startsWith(LONG) ? `!!${tag.slice(LONG.length)}` : tag);

const RESOLVABLE = new Set<string>(['', TAG.str, TAG.bool, TAG.int, TAG.float, TAG.null, TAG.timestamp]);

const MAP = new Map<string, { tag: string; value: GoValue }>();
const add = (tag: string, value: GoValue, words: string) => {
  for (const w of words.split(' ')) MAP.set(w, { tag, value });
};
add(TAG.bool, true, 'y Y yes Yes YES true True TRUE on On ON');
add(TAG.bool, false, 'n N no No NO false False FALSE off Off OFF');
add(TAG.null, null, '~ null Null NULL');
MAP.set('', { tag: TAG.null, value: null });
add(TAG.float, new GoFloat(NaN), '.nan .NaN .NAN');
add(TAG.float, new GoFloat(Infinity), '.inf .Inf .INF +.inf +.Inf +.INF');
add(TAG.float, new GoFloat(-Infinity), '-.inf -.Inf -.INF');

/** The first character's class: sign, digit, a word in the map, or a dot. */
function hint(c: string): string {
  if (c === '+' || c === '-') return 'S';
  if (c >= '0' && c <= '9') return 'D';
  if ('yYnNtTfFoO~'.includes(c)) return 'M';
  if (c === '.') return '.';
  return '';
}

export interface Resolved {
  tag: string;
  value: GoValue;
}

/** resolve(tag, text): the resolved tag and value; an explicit tag the text does not fit is an error. */
export function resolve(tag: string, text: string): Resolved {
  if (!RESOLVABLE.has(tag)) return { tag, value: text };
  const r = resolveText(tag, text);
  if (tag === '' || tag === r.tag || tag === TAG.str) return r;
  if (tag === TAG.float && r.tag === TAG.int && typeof r.value === 'number') return { tag: TAG.float, value: new GoFloat(r.value) };
  if (tag === TAG.float && r.tag === TAG.int && r.value instanceof GoBig && !r.value.unsigned) {
    return { tag: TAG.float, value: new GoFloat(Number(r.value.v)) };
  }
  return failf(`cannot decode ${shortTag(r.tag)} \`${text}\` as a ${shortTag(tag)}`);
}

function resolveText(tag: string, text: string): Resolved {
  const h = text === '' ? 'N' : hint(text[0]);
  if (h !== '' && tag !== TAG.str && tag !== TAG.binary) {
    const m = MAP.get(text);
    if (m) return m;
    if (h === '.') {
      const f = parseGoFloat(text);
      if (f !== undefined) return { tag: TAG.float, value: new GoFloat(f) };
    } else if (h === 'D' || h === 'S') {
      if ((tag === '' || tag === TAG.timestamp) && isTimestamp(text)) return { tag: TAG.timestamp, value: text };
      const plain = text.replace(/_/g, '');
      const i = parseGoInt(plain);
      if (i !== undefined) return { tag: TAG.int, value: intValue(i, false) };
      const u = parseGoUint(plain);
      if (u !== undefined) return { tag: TAG.int, value: intValue(u, true) };
      if (YAML_FLOAT.test(plain)) {
        const f = Number(plain);
        if (Number.isFinite(f)) return { tag: TAG.float, value: new GoFloat(f) };
      }
    }
  }
  return { tag: TAG.str, value: text };
}

const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function intValue(v: bigint, unsigned: boolean): GoValue {
  if (unsigned) return new GoBig(v, true);
  return v <= MAX_SAFE && v >= -MAX_SAFE ? Number(v) : new GoBig(v, false);
}

const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

/** strconv.ParseInt(s, 0, 64). */
export function parseGoInt(s: string): bigint | undefined {
  let body = s;
  let neg = false;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    body = s.slice(1);
  }
  const u = parseGoUint(body);
  if (u === undefined) return undefined;
  if (!neg && u > INT64_MAX) return undefined;
  if (neg && u > INT64_MAX + 1n) return undefined;
  return neg ? -u : u;
}

/** strconv.ParseUint(s, 0, 64): 0x, 0o, 0b prefixes and a leading 0 for octal. */
export function parseGoUint(s: string): bigint | undefined {
  if (s === '') return undefined;
  let base = 10;
  let digits = s;
  if (s[0] === '0') {
    const p = s.length >= 3 ? s[1].toLowerCase() : '';
    if (p === 'b') base = 2;
    else if (p === 'o') base = 8;
    else if (p === 'x') base = 16;
    else base = 8;
    digits = base === 8 && p !== 'o' ? s.slice(1) : s.slice(2);
  }
  let n = 0n;
  const b = BigInt(base);
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    const l = c | 0x20;
    const d = c >= 0x30 && c <= 0x39 ? c - 0x30 : l >= 0x61 && l <= 0x7a ? l - 0x61 + 10 : 99;
    if (d >= base) return undefined;
    n = n * b + BigInt(d);
    if (n > UINT64_MAX) return undefined;
  }
  return n;
}

/**
 * strconv.ParseFloat(s, 64) for text starting with '.': decimal digits, an optional exponent, and
 * underscores only between digits; out of range is an error.
 */
function parseGoFloat(s: string): number | undefined {
  if (!/^[+-]?(?:[0-9_]*\.?[0-9_]*)(?:[eE][+-]?[0-9][0-9_]*)?$/.test(s)) return undefined;
  if (!/[0-9]/.test(s.split(/[eE]/)[0])) return undefined;
  if (s.includes('_') && !underscoreOK(s)) return undefined;
  const f = Number(s.replace(/_/g, ''));
  return Number.isFinite(f) ? f : undefined;
}

/** Go's rule for underscores in number literals: only between digits. */
function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s[0] === '+' || s[0] === '-') i = 1;
  for (; i < s.length; i++) {
    const c = s[i];
    if (c >= '0' && c <= '9') {
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
