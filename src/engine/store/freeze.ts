// Deep freezing of stored objects: readers share them without copies and cannot corrupt the store.

import { flat } from '../util/strings';

export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  freezeTree(value as object);
  return value;
}

/**
 * Freezes o and every unfrozen object below it; leaves (most values) are tested inline, not called on.
 * String leaves are flattened on the way: stored objects live long, and a concatenated string would keep
 * all its pieces.
 */
function freezeTree(o: object): void {
  Object.freeze(o);
  if (Array.isArray(o)) {
    for (let i = 0; i < o.length; i++) {
      const v: unknown = o[i];
      if (typeof v === 'object') {
        if (v !== null && !Object.isFrozen(v)) freezeTree(v);
      } else if (typeof v === 'string') flat(v);
    }
  } else {
    const r = o as Record<string, unknown>;
    for (const k in r) {
      const v = r[k];
      if (typeof v === 'object') {
        if (v !== null && !Object.isFrozen(v)) freezeTree(v);
      } else if (typeof v === 'string') flat(v);
    }
  }
}

/** A mutable deep copy of JSON data (frozen parts included); faster than structuredClone for plain objects. */
export function deepClone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const n = value.length;
    const out = new Array(n);
    for (let i = 0; i < n; i++) out[i] = deepClone(value[i]);
    return out as unknown as T;
  }
  const out: Record<string, unknown> = {};
  for (const k in value) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = deepClone(v);
  }
  return out as T;
}

/** Structural equality of JSON values (key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let na = 0;
  for (const k in ao) {
    if (ao[k] === undefined) continue;
    na++;
    if (!deepEqual(ao[k], bo[k])) return false;
  }
  let nb = 0;
  for (const k in bo) if (bo[k] !== undefined) nb++;
  return na === nb;
}

/**
 * Structural sharing for a write: replaces the parts of next (a freshly built, unfrozen value) that are
 * identical to old (same values, same keys in the same order) by old's own, already frozen, objects. The
 * result reads exactly like next, but freezing, no-op detection and field-manager comparison then skip
 * the unchanged subtrees by reference. Returns old itself when everything is identical.
 */
export function shareUnchanged<T>(old: unknown, next: T): T {
  if (old === (next as unknown) || old === null || next === null || typeof old !== 'object' || typeof next !== 'object') return next;
  if (Object.isFrozen(next)) return next;
  if (Array.isArray(next)) {
    if (!Array.isArray(old)) return next;
    let same = old.length === next.length;
    for (let i = 0; i < next.length; i++) {
      if (i >= old.length) break;
      const v = shareUnchanged(old[i], next[i]);
      next[i] = v;
      if (v !== old[i]) same = false;
    }
    return same ? (old as T) : next;
  }
  if (Array.isArray(old)) return next;
  const o = old as Record<string, unknown>;
  const n = next as Record<string, unknown>;
  const oldKeys = Object.keys(o);
  let same = true;
  let i = 0;
  for (const k in n) {
    if (Object.prototype.hasOwnProperty.call(o, k)) {
      const v = shareUnchanged(o[k], n[k]);
      n[k] = v;
      if (v !== o[k]) same = false;
    } else same = false;
    if (oldKeys[i++] !== k) same = false;
  }
  return same && i === oldKeys.length ? (old as T) : next;
}
