// Merging an applied configuration into the live object (TypedValue.Merge with "keep the right-hand
// side"): maps key by key, associative lists item by item in the configuration's order with the live
// object's other items kept around them, atomic values replaced whole.
// mirrors: structured-merge-diff/v4 typed/merge.go

import { fieldElement, type PathElement } from '../path-element';
import { pick, DEDUCED, type Atom, type ListType } from '../schema';
import { itemElement, isMap, ValidationError, at } from './items';

/** The merged value; `undefined` stands for Go's nil (no output), `null` for an explicit null. */
export function merge(atom: Atom, lhs: unknown, rhs: unknown): unknown {
  return new Merger().merge(atom, lhs, rhs);
}

class Merger {
  private readonly path: PathElement[] = [];

  merge(atom: Atom, l: unknown, r: unknown): unknown {
    const kind = r === undefined ? pick(atom, l) : pick(atom, r);
    switch (kind) {
      case 'list':
        return this.list(atom.list!, l, r);
      case 'map':
        return this.map(atom, l, r);
    }
    return r !== undefined ? r : l;
  }

  private list(t: ListType, l: unknown, r: unknown): unknown {
    const ll = Array.isArray(l) ? l : undefined;
    const rl = Array.isArray(r) ? r : undefined;
    if (t.atomic || ((!ll || ll.length === 0) && (!rl || rl.length === 0))) return r !== undefined ? r : l;
    if (!ll && !rl) return undefined;
    const rhsPEs: PathElement[] = [];
    const observedRHS = new Map<PathElement, unknown>();
    for (const item of rl ?? []) {
      const pe = this.element(t, item);
      if (observedRHS.has(pe)) throw new ValidationError(at(this.path), `duplicate entries for key ${pe}`);
      observedRHS.set(pe, item);
      rhsPEs.push(pe);
    }
    const lhsPEs: PathElement[] = [];
    const observedLHS = new Map<PathElement, unknown>();
    for (const item of ll ?? []) {
      const pe = this.element(t, item);
      // A duplicated live item merges as null (the live list was invalid).
      observedLHS.set(pe, observedLHS.has(pe) ? null : item);
      lhsPEs.push(pe);
    }
    const sharedOrder = rhsPEs.filter((pe) => observedLHS.has(pe));
    let nextShared: PathElement | undefined = sharedOrder.shift();
    const mergedRHS = new Set<PathElement>();
    const out: unknown[] = [];
    const push = (pe: PathElement, a: unknown, b: unknown) => {
      this.path.push(pe);
      const v = this.merge(t.elem, a, b);
      this.path.pop();
      if (v !== undefined) out.push(v);
    };
    const lLen = lhsPEs.length;
    const rLen = rhsPEs.length;
    for (let lI = 0, rI = 0; lI < lLen || rI < rLen; ) {
      if (lI < lLen && rI < rLen) {
        const pe = lhsPEs[lI];
        if (pe === rhsPEs[rI]) {
          mergedRHS.add(pe);
          push(pe, observedLHS.get(pe), observedRHS.get(pe));
          lI++;
          rI++;
          nextShared = sharedOrder.shift();
          continue;
        }
        // A shared item that comes later in the configuration waits for its turn there.
        if (observedRHS.has(pe) && nextShared !== undefined && nextShared !== pe) {
          lI++;
          continue;
        }
      }
      if (lI < lLen) {
        const pe = lhsPEs[lI];
        if (!observedRHS.has(pe)) {
          push(pe, ll![lI], undefined);
          lI++;
          continue;
        } else if (mergedRHS.has(pe)) lI++;
      }
      if (rI < rLen) {
        const pe = rhsPEs[rI];
        mergedRHS.add(pe);
        push(pe, observedLHS.get(pe), observedRHS.get(pe));
        rI++;
        if (nextShared !== undefined && nextShared === pe) nextShared = sharedOrder.shift();
      }
    }
    return out.length > 0 ? out : undefined;
  }

  private element(t: ListType, item: unknown): PathElement {
    try {
      return itemElement(t, item);
    } catch (e) {
      throw new ValidationError(at(this.path), (e as Error).message);
    }
  }

  private map(atom: Atom, l: unknown, r: unknown): unknown {
    const t = atom.map!;
    const lm = isMap(l) ? l : undefined;
    const rm = isMap(r) ? r : undefined;
    if (t.atomic || (isEmptyMap(lm) && isEmptyMap(rm))) return r !== undefined ? r : l;
    if (!lm && !rm) return undefined;
    const out: Record<string, unknown> = {};
    let n = 0;
    const visit = (k: string, a: unknown, b: unknown) => {
      this.path.push(fieldElement(k));
      const v = this.merge(t.field(k)?.type ?? t.elem ?? DEDUCED, a, b);
      this.path.pop();
      if (v !== undefined) {
        out[k] = v;
        n++;
      }
    };
    if (lm) for (const k in lm) if (lm[k] !== undefined || rm?.[k] !== undefined) visit(k, lm[k], rm?.[k]);
    if (rm) for (const k in rm) if (rm[k] !== undefined && !(lm && k in lm)) visit(k, undefined, rm[k]);
    return n > 0 ? out : undefined;
  }
}

function isEmptyMap(m: Record<string, unknown> | undefined): boolean {
  if (!m) return true;
  for (const k in m) if (m[k] !== undefined) return false;
  return true;
}
