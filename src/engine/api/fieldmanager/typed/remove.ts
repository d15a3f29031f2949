// Removing a set of fields from a value (TypedValue.RemoveItems), used when an applier stops applying
// fields it owned, and widening a set with the struct fields that lead to its members
// (Set.EnsureNamedFieldsAreMembers) so that whole emptied structs go too.
// mirrors: structured-merge-diff/v4 typed/remove.go, fieldpath/set.go (EnsureNamedFieldsAreMembers)

import { fieldElement, type PathElement } from '../path-element';
import { pick, DEDUCED, type Atom } from '../schema';
import { childKeys, isEmpty, isMember, makeRoot, makeSlot, type FieldSet } from '../fieldset';
import { itemElement, isMap } from './items';

/** The value without the fields in the set; `undefined` is Go's nil, left as null by the caller's parent. */
export function removeItems(atom: Atom, value: unknown, toRemove: FieldSet): unknown {
  if (isEmpty(toRemove)) return value;
  switch (pick(atom, value)) {
    case 'scalar':
      return value;
    case 'list': {
      const t = atom.list!;
      if (!Array.isArray(value) || value.length === 0 || t.atomic) return undefined;
      const out: unknown[] = [];
      for (let item of value) {
        let pe: PathElement;
        try {
          pe = itemElement(t, item);
        } catch {
          out.push(item);
          continue;
        }
        const slot = toRemove[pe];
        if (slot !== undefined) {
          if (isMember(slot)) continue;
          // A slot that is not a member holds only children: it is the subset below the item.
          item = removeItems(t.elem, item, slot);
        }
        out.push(item === undefined ? null : item);
      }
      return out.length > 0 ? out : undefined;
    }
    case 'map': {
      const t = atom.map!;
      if (!isMap(value) || t.atomic) return undefined;
      const out: Record<string, unknown> = {};
      let n = 0;
      for (const k in value) {
        let v = value[k];
        if (v === undefined) continue;
        const pe = fieldElement(k);
        const slot = toRemove[pe];
        if (slot !== undefined) {
          if (isMember(slot)) continue;
          v = removeItems(t.field(k)?.type ?? t.elem ?? DEDUCED, v, slot);
        }
        out[k] = v === undefined ? null : v;
        n++;
      }
      return n > 0 ? out : undefined;
    }
  }
  return value;
}

/** The set with every declared struct field that has members below it made a member itself. */
export function ensureNamedFieldsAreMembers(set: FieldSet, atom: Atom): FieldSet {
  return makeRoot(ensureChildren(set, atom));
}

function ensureChildren(node: FieldSet, atom: Atom): [PathElement, FieldSet][] {
  const out: [PathElement, FieldSet][] = [];
  for (const k of childKeys(node)) {
    const slot = node[k];
    let type: Atom | undefined;
    let named = false;
    if (k.startsWith('f:') && atom.map) {
      const f = atom.map.field(k.slice(2));
      named = f !== undefined;
      type = f?.type ?? atom.map.elem;
    } else if (k.startsWith('k:') && atom.list) type = atom.list.elem;
    const children = ensureChildren(slot, type ?? EMPTY_ATOM);
    out.push([k, makeSlot(isMember(slot) || (named && children.length > 0), children) ?? slot]);
  }
  return out;
}

const EMPTY_ATOM: Atom = {};
