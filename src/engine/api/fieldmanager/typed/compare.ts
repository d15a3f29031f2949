// The fields an update sets (added or modified) and removes between two versions of an object
// (TypedValue.Compare). Built bottom-up straight into canonical sets; identical subtrees (references a
// stored object shares with its update) are skipped without a walk, so a status write compares only the
// status. Metadata system fields (stripped from every manager anyway) and the endpoint's reset field
// (status on the main resource, spec on /status) are not compared at all.
// mirrors: structured-merge-diff/v4 typed/compare.go

import { fieldElement, type PathElement } from '../path-element';
import { pick, DEDUCED, type Atom, type ListType } from '../schema';
import { EMPTY, makeRoot, makeSlot, type FieldSet } from '../fieldset';
import { compareElements } from '../path-element';
import { deepEqual } from '../../../store/freeze';
import { itemElement, isMap } from './items';

export interface Comparison {
  /** Added or modified fields (Comparison.Added ∪ Comparison.Modified). */
  changed: FieldSet;
  removed: FieldSet;
}

/** ObjectMeta fields no manager owns (stripMetaManager), never compared. */
const META_SYSTEM = new Set(['name', 'namespace', 'creationTimestamp', 'selfLink', 'uid', 'clusterName', 'generation', 'managedFields', 'resourceVersion']);

type Entries = [PathElement, FieldSet][];

function byElement(a: [PathElement, FieldSet], b: [PathElement, FieldSet]): number {
  return compareElements(a[0], b[0]);
}

class Walker {
  /** The removed slot of the last compare() call (a second return value without allocation). */
  removed: FieldSet | undefined;

  constructor(private readonly skipRoot: string | undefined) {}

  /** Returns the changed slot of one value pair; `undefined` is an absent field, `null` an explicit null. */
  compare(atom: Atom, l: unknown, r: unknown, depth: number, inMeta: boolean): FieldSet | undefined {
    this.removed = undefined;
    if (l === r) return undefined;
    const kl = pick(atom, l);
    const kr = pick(atom, r);
    if (kl !== kr || kl === 'scalar' || kl === undefined) return this.leaf(l, r);
    return kl === 'list' ? this.list(atom.list!, l, r) : this.map(atom, l, r, depth, inMeta);
  }

  private entry(t: NonNullable<Atom['map']>, k: string, a: unknown, b: unknown, depth: number, inMeta: boolean, changed: Entries, removed: Entries): void {
    const root = depth === 0;
    if (root ? k === 'apiVersion' || k === 'kind' || k === this.skipRoot : inMeta && META_SYSTEM.has(k)) return;
    const c = this.compare(t.field(k)?.type ?? t.elem ?? DEDUCED, a, b, depth + 1, root && k === 'metadata');
    const d = this.removed;
    if (c) changed.push([fieldElement(k), c]);
    if (d) removed.push([fieldElement(k), d]);
  }

  private leaf(l: unknown, r: unknown): FieldSet | undefined {
    if (l === undefined) return EMPTY;
    if (r === undefined) {
      this.removed = EMPTY;
      return undefined;
    }
    return deepEqual(l, r) ? undefined : EMPTY;
  }

  /** The slots of a container from its children's, with the container itself a member when added/removed. */
  private finish(l: unknown, r: unknown, changed: Entries, removed: Entries): FieldSet | undefined {
    if (changed.length > 1) changed.sort(byElement);
    if (removed.length > 1) removed.sort(byElement);
    this.removed = makeSlot(r === undefined, removed);
    return makeSlot(l === undefined, changed);
  }

  private list(t: ListType, l: unknown, r: unknown): FieldSet | undefined {
    const ll = Array.isArray(l) ? l : undefined;
    const rl = Array.isArray(r) ? r : undefined;
    if (t.atomic || ((!ll || ll.length === 0) && (!rl || rl.length === 0))) return this.leaf(l, r);
    let lv: Map<PathElement, unknown[]>;
    let rv: Map<PathElement, unknown[]>;
    try {
      lv = index(t, ll);
      rv = index(t, rl);
    } catch {
      // Items without keys (never stored by a validating server): the list is compared whole.
      return this.leaf(l, r);
    }
    const changed: Entries = [];
    const removed: Entries = [];
    for (const [pe, a] of lv) this.item(t, pe, a, rv.get(pe), changed, removed);
    for (const [pe, b] of rv) if (!lv.has(pe)) this.item(t, pe, undefined, b, changed, removed);
    return this.finish(l, r, changed, removed);
  }

  private item(t: ListType, pe: PathElement, a: unknown[] | undefined, b: unknown[] | undefined, changed: Entries, removed: Entries): void {
    let c: FieldSet | undefined;
    let d: FieldSet | undefined;
    if ((a && a.length >= 2) || (b && b.length >= 2)) {
      // Duplicated keys: the items are compared as one leaf.
      if (a && b) c = deepEqual(a, b) ? undefined : EMPTY;
      else if (a) d = EMPTY;
      else c = EMPTY;
    } else {
      c = this.compare(t.elem, a?.[0], b?.[0], 1, false);
      d = this.removed;
    }
    if (c) changed.push([pe, c]);
    if (d) removed.push([pe, d]);
  }

  private map(atom: Atom, l: unknown, r: unknown, depth: number, inMeta: boolean): FieldSet | undefined {
    const t = atom.map!;
    const lm = isMap(l) ? l : undefined;
    const rm = isMap(r) ? r : undefined;
    if (t.atomic || (isEmptyMap(lm) && isEmptyMap(rm))) return this.leaf(l, r);
    const changed: Entries = [];
    const removed: Entries = [];
    if (lm) {
      for (const k in lm) {
        const a = lm[k];
        const b = rm?.[k];
        if (a !== b) this.entry(t, k, a, b, depth, inMeta, changed, removed);
      }
    }
    if (rm) {
      for (const k in rm) {
        if (lm && k in lm) continue;
        const b = rm[k];
        if (b !== undefined) this.entry(t, k, undefined, b, depth, inMeta, changed, removed);
      }
    }
    // The metadata struct itself is stripped from every manager: never a member.
    if (inMeta) return this.finish(l ?? null, r ?? null, changed, removed);
    return this.finish(l, r, changed, removed);
  }
}

function isEmptyMap(m: Record<string, unknown> | undefined): boolean {
  if (!m) return true;
  for (const k in m) if (m[k] !== undefined) return false;
  return true;
}

function index(t: ListType, items: unknown[] | undefined): Map<PathElement, unknown[]> {
  const out = new Map<PathElement, unknown[]>();
  if (!items) return out;
  for (const item of items) {
    const pe = itemElement(t, item);
    const prev = out.get(pe);
    if (prev) prev.push(item);
    else out.set(pe, [item]);
  }
  return out;
}

/** A root set from a slot (the root is never a member). */
function rootOf(slot: FieldSet | undefined): FieldSet {
  if (!slot) return EMPTY;
  const entries: Entries = [];
  for (const k in slot) if (k !== '.') entries.push([k, slot[k]]);
  return makeRoot(entries);
}

/**
 * Compares two objects of a kind; `skipRootField` is a top-level field left out (the endpoint resets
 * it). Metadata system fields, apiVersion and kind are never compared.
 */
export function compare(atom: Atom, lhs: unknown, rhs: unknown, skipRootField?: string): Comparison {
  const w = new Walker(skipRootField);
  const changed = w.compare(atom, lhs, rhs, 0, false);
  return { changed: rootOf(changed), removed: rootOf(w.removed) };
}
