// Puts schema keys in the order kube-apiserver writes them (kube-openapi's spec.Schema field order,
// extensions last and sorted), so generated and upstream definitions serialize alike. Build-time only.

import type { Schema } from '../types';

const ORDER = [
  '$ref', 'description', 'type', 'nullable', 'format', 'title', 'default', 'maximum', 'minimum', 'uniqueItems',
  'enum', 'required', 'items', 'allOf', 'oneOf', 'anyOf', 'not', 'properties', 'additionalProperties',
];
const RANK = new Map(ORDER.map((k, i) => [k, i]));

function rank(key: string): number {
  return RANK.get(key) ?? (key.startsWith('x-') ? 100 : 50);
}

/** A copy of `s` with keys reordered at every level (property maps keep their sorted order). */
export function canonicalSchema(s: Schema): Schema {
  const keys = Object.keys(s).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const out: Record<string, unknown> = {};
  const src = s as Record<string, unknown>;
  for (const k of keys) {
    const v = src[k];
    if (k === 'properties') {
      const props: Record<string, Schema> = {};
      for (const name of Object.keys(v as object).sort()) props[name] = canonicalSchema((v as Record<string, Schema>)[name]);
      out[k] = props;
    } else if (k === 'items' || (k === 'additionalProperties' && typeof v === 'object')) {
      out[k] = canonicalSchema(v as Schema);
    } else if (k === 'allOf' || k === 'oneOf') {
      out[k] = (v as Schema[]).map(canonicalSchema);
    } else {
      out[k] = v;
    }
  }
  return out as Schema;
}
