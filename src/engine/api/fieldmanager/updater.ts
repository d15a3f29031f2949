// Ownership bookkeeping of one write: an update takes the fields it added or changed from every other
// manager; an apply merges the configuration, prunes what the applier stopped applying (unless someone
// else owns it) and fails on fields another manager owns with a different value unless forced.
// mirrors: structured-merge-diff/v4 merge/update.go

import type { Atom } from './schema';
import { difference, EMPTY, intersection, isEmpty, recursiveDifference, singleton, union, type FieldSet } from './fieldset';
import { fieldElement } from './path-element';
import { compare, type Comparison } from './typed/compare';
import { merge } from './typed/merge';
import { toFieldSet } from './typed/to-field-set';
import { ensureNamedFieldsAreMembers, removeItems } from './typed/remove';
import { deepEqual } from '../../store/freeze';
import type { Managed } from './managed';

/** Fields another manager owns that a forced-free apply would change. */
export class Conflicts extends Error {
  constructor(readonly byManager: Map<string, FieldSet>) {
    super('conflicts');
  }
}

export interface UpdaterOptions {
  atom: Atom;
  apiVersion: string;
  /** The top-level field the endpoint resets (status, spec), never owned through it. */
  reset: string | undefined;
}

function resetSet(o: UpdaterOptions): FieldSet {
  return o.reset ? singleton([fieldElement(o.reset)]) : EMPTY;
}

/**
 * Takes what `next` changes from every manager but `workflow` (Updater.update); with force false,
 * fields another manager owns that change are conflicts instead. Mutates `managed`.
 */
export function takeChanges(o: UpdaterOptions, live: unknown, next: unknown, managed: Managed, workflow: string, force: boolean): Comparison {
  const cmp = compare(o.atom, live, next, o.reset);
  const changed = cmp.changed;
  if (isEmpty(changed) && isEmpty(cmp.removed)) return cmp;
  if (!force && !isEmpty(changed)) {
    const conflicts = new Map<string, FieldSet>();
    for (const [id, st] of managed) {
      if (id === workflow) continue;
      const c = intersection(st.set, changed);
      if (!isEmpty(c)) conflicts.set(id, c);
    }
    if (conflicts.size > 0) throw new Conflicts(conflicts);
  }
  for (const [id, st] of [...managed]) {
    if (id === workflow) continue;
    // Others lose what changed (their share of it is exactly the conflict set) and what went away.
    let set = isEmpty(changed) ? st.set : difference(st.set, changed);
    if (!isEmpty(cmp.removed)) set = difference(set, cmp.removed);
    if (set === st.set) continue;
    if (isEmpty(set)) managed.delete(id);
    else managed.set(id, { set, apiVersion: st.apiVersion, applied: st.applied, time: st.time });
  }
  return cmp;
}

/** The manager an update works as before its fields are handed to the writer (managedFieldsUpdater). */
export const CURRENT_OPERATION = 'current-operation';

/**
 * Updater.Update as the managedFieldsUpdater runs it: the write takes what it changed from every manager
 * (its own earlier share included), and when it took anything the writer's entry gets it, with `time`.
 * Returns the fields the write took (empty: no entry changed time). Mutates `managed`.
 */
export function recordUpdate(o: UpdaterOptions, live: unknown, next: unknown, managed: Managed, manager: string, time: string | undefined): FieldSet {
  const took = takeChanges(o, live, next, managed, CURRENT_OPERATION, true).changed;
  if (!isEmpty(took)) {
    const prev = managed.get(manager);
    managed.set(manager, { set: prev ? union(took, prev.set) : took, apiVersion: o.apiVersion, applied: false, time });
  }
  return took;
}

export interface ApplyOutcome {
  /** The merged and pruned object (Go's nils as nulls; a root that lost everything is null). */
  object: unknown;
  /** False when the object equals the live one (Updater.Apply returns nil: no write, no new time). */
  changed: boolean;
}

/** Updater.Apply: merge, claim the configuration's fields, prune, take or conflict. Mutates `managed`. */
export function applyToManaged(o: UpdaterOptions, live: unknown, config: unknown, managed: Managed, manager: string, force: boolean): ApplyOutcome {
  let merged = merge(o.atom, live, config);
  const last = managed.get(manager);
  let set = toFieldSet(o.atom, config);
  if (o.reset) set = recursiveDifference(set, resetSet(o));
  managed.set(manager, { set, apiVersion: o.apiVersion, applied: true, time: last?.time });
  if (last && !isEmpty(last.set)) merged = prune(o.atom, merged, managed, last.set);
  takeChanges(o, live, merged, managed, manager, force);
  if (managed.has(manager) && isEmpty(managed.get(manager)!.set)) managed.delete(manager);
  if (merged === undefined) merged = null;
  return { object: merged, changed: !deepEqual(live, merged) };
}

/**
 * Removes what the applier applied last time and not this time, unless another manager (or this
 * configuration) owns it; fields nobody owned are never removed (addBackOwnedItems, addBackDanglingItems).
 */
function prune(atom: Atom, merged: unknown, managed: Managed, lastSet: FieldSet): unknown {
  const ensure = (s: FieldSet) => ensureNamedFieldsAreMembers(s, atom);
  const last = ensure(lastSet);
  let pruned = removeItems(atom, merged, last);
  let owned: FieldSet | undefined;
  for (const st of managed.values()) owned = owned ? union(owned, st.set) : st.set;
  const mergedSet = ensure(toFieldSet(atom, merged));
  let prunedSet = ensure(toFieldSet(atom, pruned));
  pruned = removeItems(atom, merged, difference(mergedSet, union(prunedSet, ensure(owned ?? EMPTY))));
  prunedSet = ensure(toFieldSet(atom, pruned));
  return removeItems(atom, merged, intersection(difference(mergedSet, prunedSet), last));
}
