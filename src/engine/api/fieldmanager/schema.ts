// The structural schema field management walks: for each OpenAPI definition, whether a value is a
// scalar, a list (atomic, a set, or a map keyed by x-kubernetes-list-map-keys / the patch merge key) or
// a map (granular struct, atomic struct, or a map of values), built lazily from the served definitions.
// mirrors: kube-openapi pkg/schemaconv/openapi.go, smd.go; structured-merge-diff/v4 schema/elements.go

import { definition, schemaFor } from '../../schema/index';
import type { Schema } from '../../schema/types';

export type ScalarKind = 'numeric' | 'string' | 'boolean' | 'untyped';

export interface ListType {
  /** Atomic lists are one leaf; associative ones are tracked per item. */
  readonly atomic: boolean;
  /** Key fields of an associative list of maps; empty for a set of scalars. */
  readonly keys: readonly string[];
  readonly elem: Atom;
}

export interface StructField {
  readonly type: Atom;
  /** The field's schema default (key fields may be omitted when they have one). */
  readonly default?: unknown;
}

export interface MapType {
  readonly atomic: boolean;
  /** Declared fields (struct); lookups by name. */
  field(name: string): StructField | undefined;
  /** Type of undeclared keys; undefined for a struct that declares all its fields. */
  readonly elem: Atom | undefined;
  /** Names of the declared fields (zero values, EnsureNamedFieldsAreMembers). */
  readonly fieldNames: readonly string[];
  /** The Go zero value of the type as the apiserver's typed objects carry it (see zero.ts). */
  readonly definitionName?: string;
}

/** One type: the alternatives a value may take (untyped schemas allow several, picked by the value). */
export interface Atom {
  readonly scalar?: ScalarKind;
  readonly list?: ListType;
  readonly map?: MapType;
}

const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const RAW_EXTENSION = 'io.k8s.apimachinery.pkg.runtime.RawExtension';
const REF = '#/components/schemas/';

/** Scalars, lists and maps of anything, each one leaf (`__untyped_atomic_`). */
export const UNTYPED_ATOMIC: Atom = (() => {
  const a = { scalar: 'untyped' as ScalarKind } as { scalar: ScalarKind; list?: ListType; map?: MapType };
  a.list = { atomic: true, keys: [], elem: a };
  a.map = { atomic: true, field: () => undefined, elem: a, fieldNames: [] };
  return a;
})();

/** Scalars, atomic lists and granular maps of anything (`__untyped_deduced_`, schemaless kinds). */
export const DEDUCED: Atom = (() => {
  const a = { scalar: 'untyped' as ScalarKind } as { scalar: ScalarKind; list?: ListType; map?: MapType };
  a.list = { atomic: true, keys: [], elem: UNTYPED_ATOMIC };
  a.map = { atomic: false, field: () => undefined, elem: a, fieldNames: [] };
  return a;
})();

const named = new Map<string, Atom>();

/** The atom of a definition by name, memoized (definitions can refer to themselves). */
export function namedAtom(name: string): Atom {
  let a = named.get(name);
  if (a) return a;
  if (name === QUANTITY) a = { scalar: 'untyped' };
  else if (name === RAW_EXTENSION) a = UNTYPED_ATOMIC;
  else {
    const s = definition(name);
    a = s ? parseSchema(s, false, name) : DEDUCED;
  }
  named.set(name, a);
  return a;
}

/** The root atom of a kind; schemaless kinds (custom resources, Scale) are deduced. */
export function kindAtom(group: string, version: string, kind: string): Atom {
  const s = schemaFor(group, version, kind);
  return s ? namedAtom(s.name) : DEDUCED;
}

function parseSchema(s: Schema, preserveUnknown: boolean, name?: string): Atom {
  preserveUnknown ||= (s as { 'x-kubernetes-preserve-unknown-fields'?: boolean })['x-kubernetes-preserve-unknown-fields'] === true;
  switch (s.type ?? '') {
    case '':
      return { scalar: 'untyped', list: parseList(s, preserveUnknown), map: parseObject(s, preserveUnknown, name) };
    case 'object':
      return { map: parseObject(s, preserveUnknown, name) };
    case 'array':
      return { list: parseList(s, preserveUnknown) };
    case 'integer':
    case 'number':
      return { scalar: 'numeric' };
    case 'boolean':
      return { scalar: 'boolean' };
    case 'string':
      return { scalar: !s.format || s.format === 'byte' ? 'string' : 'untyped' };
  }
  return { scalar: 'untyped' };
}

/** A field's or item's type: a reference (with an x-kubernetes-map-type override) or an inline schema. */
function refAtom(s: Schema, preserveUnknown: boolean): Atom {
  const ref = s.$ref ?? (s.allOf?.length === 1 ? s.allOf[0].$ref : undefined);
  if (ref?.startsWith(REF)) {
    const target = namedAtom(ref.slice(REF.length));
    const mapType = s['x-kubernetes-map-type'];
    if (mapType && target.map) {
      // The field overrides the referenced map's relationship (ObjectReference fields, PodSpec.nodeSelector).
      const atomic = mapType === 'atomic';
      if (target.map.atomic !== atomic) return { ...target, map: withAtomic(target.map, atomic) };
    }
    return target;
  }
  return parseSchema(s, preserveUnknown);
}

function withAtomic(m: MapType, atomic: boolean): MapType {
  return { atomic, field: (n) => m.field(n), get elem() { return m.elem; }, get fieldNames() { return m.fieldNames; }, definitionName: m.definitionName };
}

function parseObject(s: Schema, preserveUnknown: boolean, name?: string): MapType {
  const props = s.properties ?? {};
  const names = Object.keys(props);
  let fields: Map<string, StructField> | undefined;
  const build = (): Map<string, StructField> => {
    fields = new Map();
    for (const n of names) fields.set(n, { type: refAtom(props[n], preserveUnknown), default: props[n].default });
    return fields;
  };
  let elem: Atom | undefined;
  let elemDone = false;
  const ap = s.additionalProperties;
  return {
    atomic: s['x-kubernetes-map-type'] === 'atomic',
    field: (n) => (fields ?? build()).get(n),
    get elem() {
      if (!elemDone) {
        elemDone = true;
        if (ap === undefined || ap === false) elem = preserveUnknown || names.length === 0 ? DEDUCED : undefined;
        else if (ap === true) elem = DEDUCED;
        else elem = refAtom(ap, preserveUnknown);
      }
      return elem;
    },
    fieldNames: names,
    definitionName: name,
  };
}

function parseList(s: Schema, preserveUnknown: boolean): ListType {
  const listType = s['x-kubernetes-list-type'];
  let atomic = true;
  let keys: string[] = [];
  if (listType) {
    atomic = listType !== 'set' && listType !== 'map';
    if (listType === 'map') keys = [...(s['x-kubernetes-list-map-keys'] ?? [])];
  } else {
    const strategy = s['x-kubernetes-patch-strategy'];
    if (strategy === 'merge' || strategy === 'merge,retainKeys') {
      atomic = false;
      const key = s['x-kubernetes-patch-merge-key'];
      if (key) keys = [key];
    }
  }
  let elem: Atom | undefined;
  return {
    atomic,
    keys,
    get elem() {
      return (elem ??= s.items ? refAtom(s.items, preserveUnknown) : UNTYPED_ATOMIC);
    },
  };
}

export type AtomKind = 'map' | 'list' | 'scalar' | undefined;

/** Which alternative of an atom handles a value: the one matching it, else map, scalar, list (deduceAtom + handleAtom). */
export function pick(a: Atom, v: unknown): AtomKind {
  if (v !== null && v !== undefined) {
    if (typeof v === 'object') {
      if (Array.isArray(v)) {
        if (a.list) return 'list';
      } else if (a.map) return 'map';
    } else if (a.scalar) return 'scalar';
  }
  return a.map ? 'map' : a.scalar ? 'scalar' : a.list ? 'list' : undefined;
}

/** The type of a map entry: the declared field's, else the element type (undefined: not declared). */
export function entryType(m: MapType, key: string): Atom | undefined {
  return m.field(key)?.type ?? m.elem;
}
