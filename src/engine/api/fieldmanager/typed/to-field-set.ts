// The set of fields a value sets: every scalar, atomic list or map, associative list item, empty or null
// struct field and map entry (TypedValue.ToFieldSet) — what an applier claims with its configuration.
// mirrors: structured-merge-diff/v4 typed/tofieldset.go

import { fieldElement } from '../path-element';
import { pick, DEDUCED, type Atom } from '../schema';
import { SetBuilder, type FieldSet } from '../fieldset';
import { itemElement, isMap } from './items';

export function toFieldSet(atom: Atom, value: unknown): FieldSet {
  const root = new SetBuilder();
  walk(atom, value, root);
  return root.build();
}

function walk(atom: Atom, v: unknown, node: SetBuilder): void {
  switch (pick(atom, v)) {
    case 'scalar':
      node.mark();
      return;
    case 'list': {
      const t = atom.list!;
      if (t.atomic) {
        node.mark();
        return;
      }
      if (!Array.isArray(v)) return;
      // Items that appear more than once are owned whole, without descending.
      const pes = v.map((item) => itemElement(t, item));
      const counts = new Map<string, number>();
      for (const pe of pes) counts.set(pe, (counts.get(pe) ?? 0) + 1);
      for (let i = 0; i < v.length; i++) {
        const c = node.child(pes[i]);
        if (counts.get(pes[i])! === 1) walk(t.elem, v[i], c);
        c.mark();
      }
      return;
    }
    case 'map': {
      const t = atom.map!;
      if (t.atomic) {
        node.mark();
        return;
      }
      if (!isMap(v)) return;
      for (const k in v) {
        const val = v[k];
        if (val === undefined) continue;
        const declared = t.field(k);
        const c = node.child(fieldElement(k));
        walk(declared?.type ?? t.elem ?? DEDUCED, val, c);
        if (val === null || (isMap(val) && isEmptyMap(val)) || !declared) c.mark();
      }
      return;
    }
  }
}

function isEmptyMap(o: Record<string, unknown>): boolean {
  for (const k in o) if (o[k] !== undefined) return false;
  return true;
}

