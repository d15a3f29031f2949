// Sets of field paths, kept in the FieldsV1 shape itself: a frozen trie whose keys are serialized path
// elements and where "." (or an empty node) marks a member. Nodes are hash-consed, so equal subtrees are
// one object: pods of one ReplicaSet share their managedFields, set operations keep untouched subtrees,
// and an unchanged set is the very same object (cheap no-op checks on hot controller paths).
// mirrors: structured-merge-diff/v4 fieldpath/set.go, serialize.go

import { canonicalElement, compareElements, SELF, type PathElement } from './path-element';

/** A FieldsV1 node. At the root: the set. Below: a slot, member when it holds "." or nothing at all. */
export type FieldSet = { readonly [pe: string]: FieldSet };

export const EMPTY: FieldSet = Object.freeze({});

// ---- hash-consing ----

const ids = new WeakMap<FieldSet, number>();
let nextId = 1;
ids.set(EMPTY, 0);
/** Small integers for path elements, so a node's hash is arithmetic rather than string building. */
const elementIds = new Map<PathElement, number>();
/** Hash → the canonical node(s) with that hash. */
const table = new Map<number, FieldSet | FieldSet[]>();
let tableSize = 0;
/** Past this many distinct nodes the tables start over: sharing is an optimisation, not a contract. */
const TABLE_LIMIT = 400_000;

function idOf(n: FieldSet): number {
  const id = ids.get(n);
  if (id === undefined) throw new Error('fieldset: node not interned');
  return id;
}

function elementId(pe: PathElement): number {
  let id = elementIds.get(pe);
  if (id === undefined) {
    id = elementIds.size + 1;
    elementIds.set(pe, id);
  }
  return id;
}

function sameEntries(node: FieldSet, entries: [PathElement, FieldSet][]): boolean {
  let i = 0;
  for (const k in node) {
    const e = entries[i++];
    if (e === undefined || e[0] !== k || e[1] !== node[k]) return false;
  }
  return i === entries.length;
}

/** The canonical node for sorted entries (SELF first when present). */
function intern(entries: [PathElement, FieldSet][]): FieldSet {
  if (entries.length === 0) return EMPTY;
  let h = entries.length;
  for (const [pe, n] of entries) h = Math.imul(h ^ elementId(pe), 0x9e3779b1) ^ Math.imul(idOf(n) + 1, 0x85ebca6b);
  const found = table.get(h);
  if (found !== undefined) {
    if (!Array.isArray(found)) {
      if (sameEntries(found, entries)) return found;
    } else {
      for (const f of found) if (sameEntries(f, entries)) return f;
    }
  }
  if (tableSize >= TABLE_LIMIT) {
    // Element ids stay: nodes already hashed keep their hashes meaningful.
    table.clear();
    tableSize = 0;
  }
  const o: Record<string, FieldSet> = {};
  for (const [pe, n] of entries) o[pe] = n;
  const node = Object.freeze(o);
  ids.set(node, nextId++);
  if (found === undefined || tableSize === 0) table.set(h, node);
  else if (Array.isArray(found)) found.push(node);
  else table.set(h, [found, node]);
  tableSize++;
  return node;
}

/** A slot from its member flag and sorted children; undefined when it holds nothing. */
export function makeSlot(member: boolean, children: [PathElement, FieldSet][]): FieldSet | undefined {
  if (children.length === 0) return member ? EMPTY : undefined;
  if (member) children.unshift([SELF, EMPTY]);
  return intern(children);
}

/** A root set from sorted children. */
export function makeRoot(children: [PathElement, FieldSet][]): FieldSet {
  return children.length === 0 ? EMPTY : intern(children);
}

export function isMember(slot: FieldSet): boolean {
  if (slot[SELF] !== undefined) return true;
  for (const _ in slot) return false;
  return true;
}

export function isEmpty(set: FieldSet): boolean {
  for (const _ in set) return false;
  return true;
}

/** The child elements of a node, in set order. */
export function childKeys(n: FieldSet): PathElement[] {
  const keys = Object.keys(n);
  return keys.length && keys[0] === SELF ? keys.slice(1) : keys;
}

/**
 * The canonical form of FieldsV1 JSON from anywhere (a client, a copy): validated, sorted, interned, as
 * Set.FromJSON reads it — elements of unknown types are dropped, and a node left without children is a
 * member. Returns undefined when it is not a valid FieldsV1 document.
 */
export function adopt(json: unknown): FieldSet | undefined {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return undefined;
  if (ids.has(json as FieldSet)) return json as FieldSet;
  try {
    return adoptNode(json as Record<string, unknown>, true);
  } catch {
    return undefined;
  }
}

function adoptNode(o: Record<string, unknown>, root: boolean): FieldSet | undefined {
  let member = false;
  const byElement = new Map<PathElement, FieldSet>();
  for (const k of Object.keys(o)) {
    const v = o[k];
    if (k === SELF) {
      member = true;
      continue;
    }
    const pe = canonicalElement(k);
    if (pe === null) continue;
    let c: FieldSet | undefined;
    if (v === null) c = EMPTY;
    else if (typeof v !== 'object' || Array.isArray(v)) return undefined;
    else c = ids.has(v as FieldSet) ? (v as FieldSet) : adoptNode(v as Record<string, unknown>, false);
    if (!c) return undefined;
    // Two spellings of one element (`i:1`, `i:01`) read into one node.
    const prev = byElement.get(pe);
    byElement.set(pe, prev ? unionSlot(prev, c) : c);
  }
  const children = [...byElement].sort((a, b) => compareElements(a[0], b[0]));
  if (root) return makeRoot(children);
  return makeSlot(member || children.length === 0, children) ?? EMPTY;
}

// ---- set algebra (slots hold member flag + children; roots ignore the flag) ----

function entries(n: FieldSet): [PathElement, FieldSet][] {
  const out: [PathElement, FieldSet][] = [];
  for (const k in n) if (k !== SELF) out.push([k, n[k]]);
  return out;
}

function unionChildren(a: FieldSet, b: FieldSet): [PathElement, FieldSet][] {
  const ka = childKeys(a);
  const kb = childKeys(b);
  const out: [PathElement, FieldSet][] = [];
  let i = 0;
  let j = 0;
  while (i < ka.length || j < kb.length) {
    const c = i >= ka.length ? 1 : j >= kb.length ? -1 : compareElements(ka[i], kb[j]);
    if (c < 0) {
      out.push([ka[i], a[ka[i]]]);
      i++;
    } else if (c > 0) {
      out.push([kb[j], b[kb[j]]]);
      j++;
    } else {
      out.push([ka[i], unionSlot(a[ka[i]], b[kb[j]])]);
      i++;
      j++;
    }
  }
  return out;
}

function unionSlot(a: FieldSet, b: FieldSet): FieldSet {
  if (a === b) return a;
  return makeSlot(isMember(a) || isMember(b), unionChildren(a, b))!;
}

export function union(a: FieldSet, b: FieldSet): FieldSet {
  if (a === b || isEmpty(b)) return a;
  if (isEmpty(a)) return b;
  return makeRoot(unionChildren(a, b));
}

function intersectChildren(a: FieldSet, b: FieldSet): [PathElement, FieldSet][] {
  // Walk the node with fewer keys; both are in set order, so the result is too.
  const [small, big] = Object.keys(a).length <= Object.keys(b).length ? [a, b] : [b, a];
  const out: [PathElement, FieldSet][] = [];
  for (const k in small) {
    if (k === SELF) continue;
    const other = big[k];
    if (other === undefined) continue;
    const s = intersectSlot(small[k], other);
    if (s) out.push([k, s]);
  }
  return out;
}

function intersectSlot(a: FieldSet, b: FieldSet): FieldSet | undefined {
  if (a === b) return a;
  return makeSlot(isMember(a) && isMember(b), intersectChildren(a, b));
}

export function intersection(a: FieldSet, b: FieldSet): FieldSet {
  if (a === b) return a;
  if (isEmpty(a) || isEmpty(b)) return EMPTY;
  return makeRoot(intersectChildren(a, b));
}

/** Children of a minus b's; undefined when nothing changed (the caller keeps a). */
function differenceChildren(a: FieldSet, b: FieldSet): [PathElement, FieldSet][] | undefined {
  let out: [PathElement, FieldSet][] | undefined;
  let i = 0;
  for (const k in a) {
    if (k === SELF) continue;
    const other = b[k];
    const cur = a[k];
    const next = other === undefined ? cur : differenceSlot(cur, other);
    if (next !== cur && !out) out = entries(a).slice(0, i);
    if (out && next) out.push([k, next]);
    i++;
  }
  return out;
}

function differenceSlot(a: FieldSet, b: FieldSet): FieldSet | undefined {
  if (a === b) return undefined;
  const ma = isMember(a);
  const member = ma && !isMember(b);
  const children = differenceChildren(a, b);
  if (member === ma && !children) return a;
  return makeSlot(member, children ?? entries(a));
}

/** a minus b, not recursive: removing `.spec` as a member leaves `.spec.replicas` (Set.Difference). */
export function difference(a: FieldSet, b: FieldSet): FieldSet {
  if (a === b) return EMPTY;
  if (isEmpty(a) || isEmpty(b)) return a;
  const children = differenceChildren(a, b);
  return children ? makeRoot(children) : a;
}

/** a minus every path under a member of b (Set.RecursiveDifference, used by field filters). */
export function recursiveDifference(a: FieldSet, b: FieldSet): FieldSet {
  if (isEmpty(a) || isEmpty(b)) return a;
  const children = recursiveDifferenceChildren(a, b);
  return children ? makeRoot(children) : a;
}

function recursiveDifferenceChildren(a: FieldSet, b: FieldSet): [PathElement, FieldSet][] | undefined {
  let out: [PathElement, FieldSet][] | undefined;
  let i = 0;
  for (const k in a) {
    if (k === SELF) continue;
    const other = b[k];
    const cur = a[k];
    let next: FieldSet | undefined = cur;
    if (other !== undefined) {
      if (isMember(other)) next = undefined;
      else {
        const children = recursiveDifferenceChildren(cur, other);
        next = children ? makeSlot(isMember(cur), children) : cur;
      }
    }
    if (next !== cur && !out) out = entries(a).slice(0, i);
    if (out && next) out.push([k, next]);
    i++;
  }
  return out;
}

/** Whether the path is a member of the set. */
export function has(set: FieldSet, path: readonly PathElement[]): boolean {
  if (path.length === 0) return false;
  let n: FieldSet | undefined = set;
  for (const pe of path) {
    n = n[pe];
    if (n === undefined) return false;
  }
  return isMember(n);
}

/** The paths below an element (Set.WithPrefix). */
export function withPrefix(set: FieldSet, pe: PathElement): FieldSet {
  const slot = set[pe];
  if (!slot) return EMPTY;
  const children = entries(slot);
  return makeRoot(children);
}

/** A set of one path. */
export function singleton(path: readonly PathElement[]): FieldSet {
  let n: FieldSet = EMPTY;
  for (let i = path.length - 1; i >= 0; i--) n = i === 0 ? makeRoot([[path[i], n]]) : makeSlot(false, [[path[i], n]])!;
  return n;
}

/** Every member path, in set order: a node's members first, then its children's (Set.Iterate). */
export function iterate(set: FieldSet, fn: (path: PathElement[]) => void, prefix: PathElement[] = []): void {
  const keys = childKeys(set);
  for (const k of keys) if (isMember(set[k])) fn([...prefix, k]);
  for (const k of keys) {
    const c = set[k];
    if (childKeys(c).length) iterate(c, fn, [...prefix, k]);
  }
}

/** Number of member paths (tests, diagnostics). */
export function size(set: FieldSet): number {
  let n = 0;
  iterate(set, () => n++);
  return n;
}

/** A mutable trie the walkers fill, turned into a canonical set once. */
export class SetBuilder {
  private member = false;
  private kids: Map<PathElement, SetBuilder> | undefined;

  child(pe: PathElement): SetBuilder {
    this.kids ??= new Map();
    let c = this.kids.get(pe);
    if (!c) {
      c = new SetBuilder();
      this.kids.set(pe, c);
    }
    return c;
  }

  /** Makes this node's own path a member. */
  mark(): void {
    this.member = true;
  }

  insert(path: readonly PathElement[], upTo = path.length): void {
    if (upTo === 0) return;
    let n: SetBuilder = this;
    for (let i = 0; i < upTo; i++) n = n.child(path[i]);
    n.member = true;
  }

  /** Merges an existing set below this node. */
  addSet(set: FieldSet): void {
    for (const k of childKeys(set)) {
      const slot = set[k];
      const c = this.child(k);
      if (isMember(slot)) c.member = true;
      c.addSet(slot);
    }
  }

  private buildChildren(): [PathElement, FieldSet][] {
    const out: [PathElement, FieldSet][] = [];
    if (!this.kids) return out;
    const keys = [...this.kids.keys()].sort(compareElements);
    for (const k of keys) {
      const s = this.kids.get(k)!.buildSlot();
      if (s) out.push([k, s]);
    }
    return out;
  }

  private buildSlot(): FieldSet | undefined {
    return makeSlot(this.member, this.buildChildren());
  }

  build(): FieldSet {
    return makeRoot(this.buildChildren());
  }
}
