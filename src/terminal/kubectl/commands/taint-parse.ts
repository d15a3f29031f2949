// Taint arguments (`key=value:Effect`, `key:Effect-`, `key-`) and how kubectl merges them into a node's
// taints, with its error texts.
// mirrors: kubectl/pkg/cmd/taint/utils.go

import { isQualifiedName, isValidLabelValue } from '../../../engine/api/validation/names';

export interface Taint {
  key: string;
  value?: string;
  effect?: string;
  timeAdded?: string;
}

export class TaintError extends Error {}

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** Taint.ToString(): `key=value:effect`, `key:effect`, `key=value:`, `key`. */
export function taintString(t: Taint): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}:` : t.key;
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

function parseTaint(st: string): Taint {
  const parts = st.split(':');
  let key: string;
  let value = '';
  let effect = '';
  if (parts.length === 1) {
    key = parts[0];
  } else if (parts.length === 2) {
    effect = parts[1];
    if (!EFFECTS.includes(effect)) throw new TaintError(`invalid taint effect: ${effect}, unsupported taint effect`);
    const kv = parts[0].split('=');
    if (kv.length > 2) throw new TaintError(`invalid taint spec: ${st}`);
    key = kv[0];
    if (kv.length === 2) {
      value = kv[1];
      const errs = isValidLabelValue(value);
      if (errs.length) throw new TaintError(`invalid taint spec: ${st}, ${errs.join('; ')}`);
    }
  } else {
    throw new TaintError(`invalid taint spec: ${st}`);
  }
  const errs = isQualifiedName(key);
  if (errs.length) throw new TaintError(`invalid taint spec: ${st}, ${errs.join('; ')}`);
  return { key, value, effect };
}

/** parseTaints: the taints to add and to remove. */
export function parseTaints(specs: string[]): { add: Taint[]; remove: Taint[] } {
  const add: Taint[] = [];
  const remove: Taint[] = [];
  const seen = new Map<string, Set<string>>();
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const t = parseTaint(spec.slice(0, -1));
      remove.push({ key: t.key, effect: t.effect });
      continue;
    }
    const t = parseTaint(spec);
    if (!t.effect) throw new TaintError(`invalid taint spec: ${spec}`);
    const keys = seen.get(t.effect) ?? new Set<string>();
    // %v of the Go struct: {key value effect <nil>}.
    if (keys.has(t.key)) throw new TaintError(`duplicated taints with the same key and effect: {${t.key} ${t.value} ${t.effect} <nil>}`);
    keys.add(t.key);
    seen.set(t.effect, keys);
    add.push(t);
  }
  return { add, remove };
}

function matches(a: Taint, b: Taint): boolean {
  return a.key === b.key && (a.effect ?? '') === (b.effect ?? '');
}

/** checkIfTaintsAlreadyExists: keys of new taints whose key and effect are already on the node. */
export function existingTaintKeys(old: Taint[], add: Taint[]): string {
  const out: string[] = [];
  for (const t of add) for (const o of old) if (t.key === o.key && (t.effect ?? '') === (o.effect ?? '')) out.push(t.key);
  return out.join(',');
}

/** reorganizeTaints: the node's new taints, the operation word, and `taint "x" not found` errors. */
export function reorganizeTaints(old: Taint[], overwrite: boolean, add: Taint[], remove: Taint[]): { operation: string; taints: Taint[]; errors: string[] } {
  let taints: Taint[] = add.map((t) => ({ ...t }));
  for (const o of old) if (!taints.some((t) => matches(t, o))) taints.push(o);
  const added = old.length !== taints.length;
  const errors: string[] = [];
  // Like kubectl, only the last removal's outcome counts as "deleted".
  let removed = false;
  for (const r of remove) {
    const before = taints.length;
    taints = r.effect ? taints.filter((t) => !matches(r, t)) : taints.filter((t) => t.key !== r.key);
    removed = taints.length !== before;
    if (!removed) errors.push(`taint "${taintString(r)}" not found`);
  }
  const operation = (added && removed) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { operation, taints, errors };
}

/** The typed Taint's JSON: key, value (omitempty), effect, timeAdded (omitempty). */
export function taintJson(t: Taint): Taint {
  const o: Taint = { key: t.key };
  if (t.value) o.value = t.value;
  o.effect = t.effect ?? '';
  if (t.timeAdded) o.timeAdded = t.timeAdded;
  return o;
}
