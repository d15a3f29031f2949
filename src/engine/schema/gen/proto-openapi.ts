// Generates OpenAPI v3 definitions from Kubernetes generated.proto messages, following openapi-gen's
// rules: JSON field names, descriptions from comments, `+marker` lines as x-kubernetes-* extensions,
// required fields, enforced defaults, refs wrapped in allOf when they have siblings. Build-time only.
// mirrors: k8s.io/kube-openapi pkg/generators/openapi.go, pkg/builder3/util/util.go (WrapRefs).
// Proto lacks two Go facts (pointer vs value, `omitempty`); see `pointerish` for how they are guessed.

import type { GroupVersionKind, Schema } from '../types';
import { REF_PREFIX } from '../types';
import { commentDescription, commentMarkers, marker } from './comments';
import type { ProtoField, ProtoFile, ProtoMessage } from './proto-parse';
import {
  CUSTOM_JSON_TYPES, INLINE_FIELDS, isSliceWrapper, JSON_NAME_OVERRIDES, OMITEMPTY_FIELDS, OPAQUE_OBJECT_TYPES,
} from './special-types';

const SCALARS: Record<string, { type: string; format?: string; zero: unknown }> = {
  string: { type: 'string', zero: '' },
  int32: { type: 'integer', format: 'int32', zero: 0 },
  int64: { type: 'integer', format: 'int64', zero: 0 },
  uint32: { type: 'integer', format: 'int32', zero: 0 },
  uint64: { type: 'integer', format: 'int64', zero: 0 },
  bool: { type: 'boolean', zero: false },
  double: { type: 'number', format: 'double', zero: 0 },
  float: { type: 'number', format: 'float', zero: 0 },
};

/** `+default=ref(Constant)` values used by the protos (Go constants are not in proto). */
const DEFAULT_REFS: Record<string, unknown> = {
  AzureDataDiskCachingReadWrite: 'ReadWrite',
  AzureSharedBlobDisk: 'Shared',
  AzureDedicatedBlobDisk: 'Dedicated',
};

/** Proto package 'k8s.io.api.apps.v1' + message → definition 'io.k8s.api.apps.v1.Deployment'. */
export function protoToDefinition(fqProtoName: string): string {
  if (!fqProtoName.startsWith('k8s.io.')) throw new Error(`unexpected proto name ${fqProtoName}`);
  return 'io.k8s.' + fqProtoName.slice('k8s.io.'.length);
}

export function definitionToProto(def: string): string {
  return 'k8s.io.' + def.slice('io.k8s.'.length);
}

export interface ProtoGenOptions {
  /** x-kubernetes-group-version-kind per definition name. */
  gvks: Map<string, GroupVersionKind[]>;
  /** Definitions whose Go struct embeds TypeMeta (they get `apiVersion` and `kind`). */
  typeMeta: Set<string>;
}

interface Located {
  pkg: string;
  msg: ProtoMessage;
}

export class ProtoSchemaGenerator {
  private readonly messages = new Map<string, Located>();
  private readonly cache = new Map<string, Schema>();
  private readonly explicit = new Map<string, Set<string>>();
  private readonly typeMetaProps: Record<string, Schema>;

  constructor(
    files: readonly ProtoFile[],
    private readonly opts: ProtoGenOptions,
  ) {
    for (const f of files) for (const msg of f.messages) this.messages.set(`${f.package}.${msg.name}`, { pkg: f.package, msg });
    const tm = this.locate('k8s.io.apimachinery.pkg.apis.meta.v1.TypeMeta');
    this.typeMetaProps = {};
    for (const field of tm.msg.fields) {
      this.typeMetaProps[field.name] = { description: commentDescription(field.comments), type: 'string' };
    }
  }

  /** The `apiVersion` and `kind` properties that embedding TypeMeta adds. */
  typeMetaProperties(): Record<string, Schema> {
    return this.typeMetaProps;
  }

  has(def: string): boolean {
    return this.messages.has(definitionToProto(def));
  }

  /** The definition of one message, by definition name. */
  definition(def: string): Schema {
    let s = this.cache.get(def);
    if (!s) {
      s = this.build(def);
      this.cache.set(def, s);
    }
    return s;
  }

  /** Properties of `def` whose default comes from a `+default=` marker rather than from Go zero values. */
  explicitDefaults(def: string): ReadonlySet<string> {
    this.definition(def);
    return this.explicit.get(def) ?? new Set();
  }

  /** Every definition reachable from `roots` through $ref, roots included. */
  closure(roots: readonly string[]): Set<string> {
    const seen = new Set<string>();
    const stack = [...roots];
    while (stack.length > 0) {
      const name = stack.pop()!;
      if (seen.has(name)) continue;
      seen.add(name);
      collectRefs(this.definition(name), stack);
    }
    return seen;
  }

  private locate(fq: string): Located {
    const found = this.messages.get(fq);
    if (!found) throw new Error(`proto message ${fq} not found`);
    return found;
  }

  /** Resolves a field type name as protoc does: absolute when dotted, else relative to the package. */
  private resolve(typeName: string, pkg: string): string {
    if (typeName.startsWith('.')) return typeName.slice(1);
    let scope = pkg;
    for (;;) {
      const candidate = scope ? `${scope}.${typeName}` : typeName;
      if (this.messages.has(candidate)) return candidate;
      if (!scope) throw new Error(`cannot resolve ${typeName} in ${pkg}`);
      scope = scope.includes('.') ? scope.slice(0, scope.lastIndexOf('.')) : '';
    }
  }

  private build(def: string): Schema {
    const fq = definitionToProto(def);
    const { pkg, msg } = this.locate(fq);
    const description = commentDescription(msg.comments);
    const special = CUSTOM_JSON_TYPES[fq];
    if (special) return { description, ...special.schema };
    if (OPAQUE_OBJECT_TYPES.has(fq)) return { description, type: 'object' };

    const markers = commentMarkers(msg.comments);
    const properties: Record<string, Schema> = {};
    const required: string[] = [];
    if (this.opts.typeMeta.has(def)) Object.assign(properties, this.typeMetaProps);
    let discriminator: string | undefined;
    const unionFields: string[] = [];
    for (const field of msg.fields) {
      if (INLINE_FIELDS.has(`${fq}.${field.name}`)) {
        // openapi-gen walks an embedded struct's members in place of the field.
        const inner = this.definition(protoToDefinition(this.resolve(field.type, pkg)));
        Object.assign(properties, inner.properties);
        required.push(...(inner.required ?? []));
        unionFields.push(...Object.keys(inner.properties ?? {}));
        continue;
      }
      const fm = commentMarkers(field.comments);
      if (OMITEMPTY_FIELDS.has(`${fq}.${field.name}`)) fm.set('optional', ['']);
      const name = JSON_NAME_OVERRIDES[`${fq}.${field.name}`] ?? field.name;
      if (fm.has('unionDiscriminator')) discriminator = name;
      else unionFields.push(name);
      if (!this.isOptional(field, fm)) required.push(name);
      if (explicitDefault(fm) !== undefined) {
        const set = this.explicit.get(def) ?? new Set<string>();
        set.add(name);
        this.explicit.set(def, set);
      }
      properties[name] = this.fieldSchema(field, pkg, fm);
    }
    const out: Schema = { description, type: 'object' };
    if (required.length > 0) out.required = required;
    out.properties = sortKeys(properties);
    const gvk = this.opts.gvks.get(def);
    if (gvk) out['x-kubernetes-group-version-kind'] = gvk;
    const structType = marker(markers, 'structType');
    if (structType === 'atomic' || structType === 'granular') out['x-kubernetes-map-type'] = structType;
    if (markers.has('union') && discriminator) {
      const by: Record<string, string> = {};
      for (const f of unionFields) by[f] = f.charAt(0).toUpperCase() + f.slice(1);
      out['x-kubernetes-unions'] = [{ discriminator, 'fields-to-discriminateBy': by }];
    }
    return out;
  }

  /** openapi-gen: `+required` → required, `+optional` → optional, else optional iff the json tag says omitempty. */
  private isOptional(_field: ProtoField, fm: Map<string, string[]>): boolean {
    if (fm.has('required')) return false;
    // Unmarked fields are without omitempty in ~85% of core/apps fields (measured against upstream).
    return fm.has('optional');
  }

  private fieldSchema(field: ProtoField, pkg: string, fm: Map<string, string[]>): Schema {
    const s: Schema = {};
    const description = commentDescription(field.comments);
    if (description) s.description = description;
    const optional = this.isOptional(field, fm);
    if (field.label === 'optional') {
      const v = this.valueSchema(field.type, pkg);
      Object.assign(s, v.schema);
      const explicit = explicitDefault(fm);
      if (explicit !== undefined) s.default = explicit;
      else if (v.kind === 'scalar' && !optional) s.default = v.zero;
      else if (v.kind === 'struct' && !pointerish(field, fm)) s.default = {};
    } else if (field.label === 'repeated') {
      s.type = 'array';
      s.items = this.elementSchema(field.type, pkg);
    } else {
      s.type = 'object';
      s.additionalProperties = this.elementSchema(field.type, pkg);
    }
    applyFieldMarkers(s, fm);
    return wrapRef(s);
  }

  /** Slice items and map values: openapi-gen (before 2026) enforces the element's zero value as default. */
  private elementSchema(typeName: string, pkg: string): Schema {
    const v = this.valueSchema(typeName, pkg);
    const s: Schema = { ...v.schema };
    if (v.kind === 'scalar') s.default = v.zero;
    else if (v.kind === 'struct') s.default = {};
    return wrapRef(s);
  }

  private valueSchema(typeName: string, pkg: string): { schema: Schema; kind: 'scalar' | 'struct' | 'custom' | 'slice'; zero?: unknown } {
    if (typeName === 'bytes') return { schema: { type: 'string', format: 'byte' }, kind: 'slice' };
    const scalar = SCALARS[typeName];
    if (scalar) {
      const schema: Schema = { type: scalar.type };
      if (scalar.format) schema.format = scalar.format;
      return { schema, kind: 'scalar', zero: scalar.zero };
    }
    const fq = this.resolve(typeName, pkg);
    const target = this.locate(fq);
    if (isSliceWrapper(target.msg.comments)) {
      const items = target.msg.fields.find((f) => f.name === 'items');
      if (!items || items.label !== 'repeated') throw new Error(`slice wrapper ${fq} without repeated items`);
      return { schema: { type: 'array', items: this.elementSchema(items.type, target.pkg) }, kind: 'slice' };
    }
    const ref = { $ref: REF_PREFIX + protoToDefinition(fq) };
    return { schema: ref, kind: CUSTOM_JSON_TYPES[fq] ? 'custom' : 'struct' };
  }
}

/**
 * Whether the Go field is probably a pointer (proto does not say). Go API conventions make optional
 * struct fields pointers, except the object sections and a few value structs; optional scalars with a
 * documented default are pointers so that the default can apply.
 */
function pointerish(field: ProtoField, fm: Map<string, string[]>): boolean {
  if (!fm.has('optional')) return field.name === 'selector';
  return !VALUE_STRUCT_FIELDS.has(field.name);
}

/** Optional struct fields that are Go values (not pointers) in the API types, so they carry `default: {}`. */
const VALUE_STRUCT_FIELDS = new Set([
  'metadata', 'spec', 'status', 'template', 'strategy', 'updateStrategy', 'resources', 'state', 'lastState',
  'loadBalancer', 'nodeInfo', 'daemonEndpoints', 'kubeletEndpoint',
]);

function explicitDefault(fm: Map<string, string[]>): unknown {
  const raw = marker(fm, 'default');
  if (raw === undefined) return undefined;
  const ref = /^ref\((\w+)\)$/.exec(raw);
  if (ref) return DEFAULT_REFS[ref[1]];
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

function applyFieldMarkers(s: Schema, fm: Map<string, string[]>): void {
  const listType = marker(fm, 'listType');
  if (listType === 'atomic' || listType === 'set' || listType === 'map') s['x-kubernetes-list-type'] = listType;
  const keys = fm.get('listMapKey');
  if (keys) s['x-kubernetes-list-map-keys'] = [...keys];
  const mapType = marker(fm, 'mapType') ?? marker(fm, 'structType');
  if (mapType === 'atomic' || mapType === 'granular') s['x-kubernetes-map-type'] = mapType;
  const mergeKey = marker(fm, 'patchMergeKey');
  if (mergeKey) s['x-kubernetes-patch-merge-key'] = mergeKey;
  const strategy = marker(fm, 'patchStrategy');
  if (strategy) s['x-kubernetes-patch-strategy'] = strategy;
}

/** A $ref may not have siblings in v3: move it into `allOf` when it has any (kube-openapi WrapRefs). */
export function wrapRef(s: Schema): Schema {
  if (s.$ref === undefined || Object.keys(s).length === 1) return s;
  const { $ref, ...rest } = s;
  return { ...rest, allOf: [{ $ref }] };
}

export function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(o).sort()) out[k] = o[k];
  return out;
}

/** Pushes every definition name referenced anywhere inside `s`. */
export function collectRefs(s: unknown, out: string[]): void {
  if (Array.isArray(s)) {
    for (const x of s) collectRefs(x, out);
  } else if (s !== null && typeof s === 'object') {
    for (const [k, v] of Object.entries(s)) {
      if (k === '$ref' && typeof v === 'string') out.push(v.slice(REF_PREFIX.length));
      else if (typeof v === 'object') collectRefs(v, out);
    }
  }
}
