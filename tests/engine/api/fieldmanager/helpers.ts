// Shared by the field-manager tests: schema atoms built by hand (the shapes of structured-merge-diff's test
// schemas), paths and sets written compactly, and a small state machine that replays Apply / ForceApply /
// Update operations the way structured-merge-diff's internal/fixture does.

import { expect } from 'vitest';
import type { Atom, ListType, MapType, StructField } from '../../../../src/engine/api/fieldmanager/schema';
import { fieldElement, keyElement, valueElement, indexElement, pathString, type PathElement } from '../../../../src/engine/api/fieldmanager/path-element';
import { iterate, SetBuilder, type FieldSet } from '../../../../src/engine/api/fieldmanager/fieldset';
import { applyToManaged, Conflicts, recordUpdate, type UpdaterOptions } from '../../../../src/engine/api/fieldmanager/updater';
import type { Managed } from '../../../../src/engine/api/fieldmanager/managed';

// ---- atoms ----

export const STRING: Atom = { scalar: 'string' };
export const NUMERIC: Atom = { scalar: 'numeric' };
export const BOOLEAN: Atom = { scalar: 'boolean' };
export const UNTYPED: Atom = { scalar: 'untyped' };

type Lazy<T> = T | (() => T);
const force = <T>(v: Lazy<T>): T => (typeof v === 'function' ? (v as () => T)() : v);

/** A struct (map with declared fields); `elem` types undeclared keys, `atomic` makes it one leaf. */
export function struct(fields: Record<string, Lazy<Atom>>, opts: { atomic?: boolean; elem?: Lazy<Atom>; defaults?: Record<string, unknown> } = {}): Atom {
  const map: MapType = {
    atomic: !!opts.atomic,
    field(name: string): StructField | undefined {
      if (!Object.prototype.hasOwnProperty.call(fields, name)) return undefined;
      return { type: force(fields[name]), default: opts.defaults?.[name] };
    },
    get elem() {
      return opts.elem === undefined ? undefined : force(opts.elem);
    },
    fieldNames: Object.keys(fields),
  };
  return { map };
}

/** A map of values (`map: elementType`), granular unless atomic. */
export function mapOf(elem: Lazy<Atom>, atomic = false): Atom {
  return struct({}, { elem, atomic });
}

function list(keys: string[], atomic: boolean, elem: Lazy<Atom>): Atom {
  const l: ListType = {
    atomic,
    keys,
    get elem() {
      return force(elem);
    },
  };
  return { list: l };
}

/** `elementRelationship: associative` with keys: a map-list. */
export const listMap = (keys: string[], elem: Lazy<Atom>): Atom => list(keys, false, elem);
/** `elementRelationship: associative` of scalars: a set. */
export const setOf = (elem: Lazy<Atom>): Atom => list([], false, elem);
/** `elementRelationship: atomic`. */
export const atomicList = (elem: Lazy<Atom>): Atom => list([], true, elem);

// ---- paths and sets ----

/** A path element written as SMD's test helpers do: a string is a field, `{k: …}` a key, `{v: …}` a value, `{i: n}` an index. */
export type P = string | { k: Record<string, unknown> } | { v: unknown } | { i: number };

export function pe(p: P): PathElement {
  if (typeof p === 'string') return fieldElement(p);
  if ('k' in p) return keyElement(Object.entries(p.k));
  if ('v' in p) return valueElement(p.v);
  return indexElement(p.i);
}

export function path(...ps: P[]): PathElement[] {
  return ps.map(pe);
}

/** `_NS(...)`: a set of paths. */
export function ns(...paths: P[][]): FieldSet {
  const b = new SetBuilder();
  for (const p of paths) b.insert(path(...p));
  return b.build();
}

/** Every member path of a set, printed (`.list[name="a"].value`). */
export function members(set: FieldSet): string[] {
  const out: string[] = [];
  iterate(set, (p) => out.push(pathString(p)));
  return out.sort();
}

// ---- the fixture ----

export type Op =
  | { apply: string; object: unknown; force?: boolean; conflicts?: [manager: string, path: P[]][] }
  | { update: string; object: unknown };

export interface State {
  live: unknown;
  managed: Managed;
}

/** Replays operations on a fresh state (live: empty object), checking expected conflicts as it goes. */
export function replay(atom: Atom, ops: Op[]): State {
  const o: UpdaterOptions = { atom, apiVersion: 'v1', reset: undefined };
  const state: State = { live: {}, managed: new Map() };
  for (const op of ops) {
    if ('update' in op) {
      recordUpdate(o, state.live, op.object, state.managed, op.update, undefined);
      state.live = op.object;
      continue;
    }
    const managed: Managed = new Map(state.managed);
    try {
      const out = applyToManaged(o, state.live, op.object, managed, op.apply, !!op.force);
      if (op.conflicts) throw new Error(`expected conflicts ${JSON.stringify(op.conflicts)}, the apply succeeded`);
      state.managed = managed;
      if (out.changed) state.live = out.object;
    } catch (e) {
      if (!(e instanceof Conflicts) || !op.conflicts) throw e;
      const got: string[] = [];
      for (const [m, set] of e.byManager) iterate(set, (p) => got.push(`${m} ${pathString(p)}`));
      expect(got.sort()).toEqual(op.conflicts.map(([m, p]) => `${m} ${pathString(path(...p))}`).sort());
    }
  }
  return state;
}

/** The managers of a state as printed member paths, for toEqual. */
export function managedPaths(m: Managed): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [id, st] of m) out[id] = members(st.set);
  return out;
}

export function expectedPaths(m: Record<string, P[][]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [id, paths] of Object.entries(m)) out[id] = paths.map((p) => pathString(path(...p))).sort();
  return out;
}
