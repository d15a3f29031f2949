// Objects as kubectl's typed clients print them: Go struct field order (kind and apiVersion first), map
// keys sorted, HTML characters escaped; compact for the last-applied annotation, indented for -o json.
// mirrors: encoding/json on k8s.io/api structs (what a typed client's JSONPrinter and DefaultJSONEncoder write)

import { goJsonString } from '../printers/json';
import { formatGoNumber } from '../printers/gofmt';
import { KIND_STRUCTS, STRUCT_FIELDS } from './create-struct-order';

interface FieldSpec {
  name: string;
  /** Struct type of the value (or of each element of an array). */
  struct?: string;
  /** A map: keys sorted; values of `struct` type when set. */
  map?: boolean;
  /** An embedded struct whose fields sit in this object. */
  inline?: boolean;
}

const parsed = new Map<string, FieldSpec[]>();

function fieldsOf(struct: string): FieldSpec[] | undefined {
  let out = parsed.get(struct);
  if (out) return out;
  const text = STRUCT_FIELDS[struct];
  if (text === undefined) return undefined;
  out = [];
  for (const tok of text.split(' ').filter(Boolean)) {
    if (tok.startsWith('...')) {
      out.push({ name: '', struct: tok.slice(3), inline: true });
      continue;
    }
    const i = tok.indexOf(':');
    if (i < 0) {
      out.push({ name: tok });
      continue;
    }
    const name = tok.slice(0, i);
    const t = tok.slice(i + 1);
    if (t.startsWith('{')) out.push({ name, map: true, struct: t.length > 2 ? t.slice(1, -1) : undefined });
    else out.push({ name, struct: t });
  }
  parsed.set(struct, out);
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function sortedMap(v: Record<string, unknown>, struct: string | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // Go sorts map keys by their UTF-8 bytes; code-unit order agrees outside surrogate pairs.
  for (const k of Object.keys(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) out[k] = struct ? orderValue(v[k], struct) : v[k];
  return out;
}

function orderValue(v: unknown, struct: string): unknown {
  if (Array.isArray(v)) return v.map((x) => orderValue(x, struct));
  if (!isObject(v)) return v;
  return orderStruct(v, struct);
}

/** Writes the fields of `struct` found in `src` into `out`, in struct order. */
function place(src: Record<string, unknown>, struct: string, out: Record<string, unknown>, used: Set<string>): void {
  for (const f of fieldsOf(struct) ?? []) {
    if (f.inline) {
      place(src, f.struct!, out, used);
      continue;
    }
    if (!(f.name in src) || used.has(f.name)) continue;
    used.add(f.name);
    const v = src[f.name];
    if (f.map && isObject(v)) out[f.name] = sortedMap(v, f.struct);
    else out[f.name] = f.struct ? orderValue(v, f.struct) : v;
  }
}

function orderStruct(src: Record<string, unknown>, struct: string): Record<string, unknown> {
  if (!fieldsOf(struct)) return src;
  const out: Record<string, unknown> = {};
  const used = new Set<string>();
  place(src, struct, out, used);
  // Fields the table does not know keep their place after the known ones.
  for (const k of Object.keys(src)) if (!used.has(k)) out[k] = src[k];
  return out;
}

/** The struct kubectl decodes an object of this apiVersion/kind into, if it is one the table knows. */
export function structFor(apiVersion: string | undefined, kind: string | undefined): string | undefined {
  return KIND_STRUCTS[`${apiVersion ?? ''}/${kind ?? ''}`];
}

/** A copy of a top-level object in typed order: kind, apiVersion, then the struct's fields. */
export function typedOrder<T extends object>(obj: T): T {
  const src = obj as Record<string, unknown>;
  const struct = structFor(src.apiVersion as string | undefined, src.kind as string | undefined);
  if (!struct) return obj;
  const out: Record<string, unknown> = {};
  if ('kind' in src) out.kind = src.kind;
  if ('apiVersion' in src) out.apiVersion = src.apiVersion;
  const rest = orderStruct(src, struct);
  for (const [k, v] of Object.entries(rest)) if (k !== 'kind' && k !== 'apiVersion') out[k] = v;
  return out as T;
}

function write(v: unknown, indent: string | null, cur: string): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goJsonString(v);
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 1e21 ? formatGoNumber(v) : String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const inner = indent === null ? '' : cur + indent;
  const nl = indent === null ? '' : '\n';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[${nl}${v.map((x) => inner + write(x, indent, inner)).join(`,${nl}`)}${nl}${indent === null ? '' : cur}]`;
  }
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  if (entries.length === 0) return '{}';
  const sep = indent === null ? ':' : ': ';
  return `{${nl}${entries.map(([k, x]) => `${inner}${goJsonString(k)}${sep}${write(x, indent, inner)}`).join(`,${nl}`)}${nl}${indent === null ? '' : cur}}`;
}

/** `-o json` of a typed object: struct order, 4-space indent, trailing newline. */
export function typedJsonText(obj: object): string {
  return write(typedOrder(obj), '    ', '') + '\n';
}

/** json.Marshal of a typed object (no trailing newline). */
export function typedCompactJson(obj: object): string {
  return write(typedOrder(obj), null, '');
}

/** json.Marshal of a value as it is (insertion order); for Go structs built in their field order. */
export function goCompactJson(v: unknown): string {
  return write(v, null, '');
}
