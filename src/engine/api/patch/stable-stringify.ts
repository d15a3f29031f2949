// JSON text exactly as Go's encoding/json writes a decoded value: map keys sorted byte-wise, HTML-safe escapes.
// kubectl sends patches marshalled this way, so this is the wire form of every client-side patch.

import { compareGoStrings } from './go-format';

const NEEDS_ESCAPE = /[<>&\u2028\u2029]/g;
const ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A JSON string literal as Go writes it (\u003c for <, \ufffd for invalid UTF-16). */
export function goJsonString(s: string): string {
  if (/[\ud800-\udfff]/.test(s)) s = s.replace(LONE_SURROGATE, '\ufffd');
  const quoted = JSON.stringify(s);
  NEEDS_ESCAPE.lastIndex = 0;
  return NEEDS_ESCAPE.test(quoted) ? quoted.replace(NEEDS_ESCAPE, (c) => ESCAPES[c]) : quoted;
}

/** Compact JSON with object keys in Go's sorted order; undefined members are skipped like JSON.stringify. */
export function stableStringify(value: unknown): string {
  const parts: string[] = [];
  write(value, parts);
  return parts.join('');
}

function write(v: unknown, out: string[]): void {
  if (v === null || v === undefined) {
    out.push('null');
    return;
  }
  switch (typeof v) {
    case 'string':
      out.push(goJsonString(v));
      return;
    case 'number':
      out.push(Number.isFinite(v) ? JSON.stringify(v) : 'null');
      return;
    case 'boolean':
      out.push(v ? 'true' : 'false');
      return;
    case 'object':
      break;
    default:
      out.push('null');
      return;
  }
  if (Array.isArray(v)) {
    out.push('[');
    for (let i = 0; i < v.length; i++) {
      if (i > 0) out.push(',');
      write(v[i] === undefined ? null : v[i], out);
    }
    out.push(']');
    return;
  }
  const obj = v as Record<string, unknown>;
  const keys = Object.keys(obj).sort(compareGoStrings);
  out.push('{');
  let first = true;
  for (const k of keys) {
    const member = obj[k];
    if (member === undefined) continue;
    if (!first) out.push(',');
    first = false;
    out.push(goJsonString(k), ':');
    write(member, out);
  }
  out.push('}');
}
