// Strict decoding checks over an already parsed value (object from JSON.parse or YAML): one walk,
// in key order, with the same paths and errors as the apiserver. Duplicate keys cannot be seen here.
// Also notes where unknown fields sit, so that a pruned copy can be made (see prune).

import { compositeMismatch, DecodeState, literal, numberText } from './decode-state';
import { type Node, type StructNode, UINT8 } from './nodes';

export function walkValue(node: Node, value: unknown, st: DecodeState): void {
  if (st.fatal) return;
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    if (compositeMismatch(node, 'array', () => JSON.stringify(value), st)) return;
    const elem = node.k === 'slice' ? node.elem : UINT8;
    for (let i = 0; i < value.length; i++) {
      st.pushIndex(i);
      walkValue(elem, value[i], st);
      if (st.fatal) return;
      st.parts.pop();
    }
    return;
  }
  switch (typeof value) {
    case 'object':
      if (compositeMismatch(node, 'object', () => JSON.stringify(value), st)) return;
      if (node.k === 'struct') walkStruct(node, value as Record<string, unknown>, st);
      else if (node.k === 'map') walkMap(node.elem, value as Record<string, unknown>, st);
      return;
    case 'string':
      literal(node, 'string', value, st);
      return;
    case 'number':
      literal(node, 'number', numberText(value), st);
      return;
    case 'boolean':
      literal(node, 'bool', String(value), st);
      return;
    case 'bigint':
      literal(node, 'number', value.toString(), st);
      return;
    default:
      return;
  }
}

function walkStruct(node: StructNode, obj: Record<string, unknown>, st: DecodeState): void {
  const outerStruct = st.struct;
  const depth = st.fieldStack.length;
  for (const key of Object.keys(obj)) {
    const field = node.fields.get(key);
    if (!field) {
      st.strictError('unknown', key);
      st.dropped(obj, key);
      continue;
    }
    st.fieldStack.push(key);
    st.struct = node.name;
    st.pushKey(key);
    walkValue(field, obj[key], st);
    if (st.fatal) return;
    st.fieldStack.length = depth;
    st.struct = outerStruct;
    st.parts.pop();
  }
}

function walkMap(elem: Node, obj: Record<string, unknown>, st: DecodeState): void {
  for (const key of Object.keys(obj)) {
    st.pushKey(key);
    walkValue(elem, obj[key], st);
    if (st.fatal) return;
    st.parts.pop();
  }
}

/** A copy of `value` without the fields `dropped` lists (per containing object); shares untouched subtrees. */
export function prune(value: unknown, dropped: ReadonlyMap<object, readonly string[]>): unknown {
  const memo = new Map<object, boolean>();
  // Whether an object or any descendant loses a field: only those are copied.
  const touched = (v: unknown): boolean => {
    if (v === null || typeof v !== 'object') return false;
    const known = memo.get(v);
    if (known !== undefined) return known;
    memo.set(v, false);
    let hit = dropped.has(v);
    for (const child of Object.values(v)) if (touched(child)) hit = true;
    memo.set(v, hit);
    return hit;
  };
  const copy = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object' || !touched(v)) return v;
    if (Array.isArray(v)) return v.map(copy);
    const skip = dropped.get(v);
    const out: Record<string, unknown> = {};
    for (const [k, child] of Object.entries(v)) if (!skip?.includes(k)) out[k] = copy(child);
    return out;
  };
  return copy(value);
}
