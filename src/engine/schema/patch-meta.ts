// PatchMeta (what strategic merge patch and server-side apply need per field) read from the schemas:
// x-kubernetes-patch-strategy / -patch-merge-key / -list-type / -list-map-keys / -map-type, walking
// $ref/allOf, array items and additionalProperties. Struct metas are cached per definition.
// mirrors: k8s.io/apimachinery/pkg/util/strategicpatch PatchMetaFromOpenAPIV3.

import type { FieldPatchMeta, PatchMeta } from '../api/patch/patch-meta';
import { emptyPatchMeta } from '../api/patch/patch-meta';
import { definition, schemaFor } from './registry';
import { REF_PREFIX, type Schema } from './types';

const structMetas = new Map<string, StructPatchMeta>();

/** PatchMeta of a kind's top-level object; `emptyPatchMeta` for kinds without a schema (CRDs). */
export function patchMetaFor(group: string, version: string, kind: string): PatchMeta {
  const found = schemaFor(group, version, kind);
  return found ? structMeta(found.name) : emptyPatchMeta;
}

/** PatchMeta of a definition by name, e.g. 'io.k8s.api.core.v1.PodSpec'. */
export function patchMetaForDefinition(name: string): PatchMeta {
  return definition(name) ? structMeta(name) : emptyPatchMeta;
}

function structMeta(name: string): StructPatchMeta {
  let m = structMetas.get(name);
  if (!m) {
    m = new StructPatchMeta(definition(name) ?? {});
    structMetas.set(name, m);
  }
  return m;
}

class StructPatchMeta implements PatchMeta {
  private readonly fields = new Map<string, FieldPatchMeta | undefined>();

  constructor(private readonly schema: Schema) {}

  field(name: string): FieldPatchMeta | undefined {
    if (this.fields.has(name)) return this.fields.get(name);
    const prop = this.schema.properties?.[name];
    const meta = prop ? fieldMeta(prop) : undefined;
    this.fields.set(name, meta);
    return meta;
  }
}

function refName(s: Schema): string | undefined {
  const ref = s.$ref ?? s.allOf?.[0]?.$ref;
  return ref?.startsWith(REF_PREFIX) ? ref.slice(REF_PREFIX.length) : undefined;
}

function fieldMeta(prop: Schema): FieldPatchMeta {
  const meta: FieldPatchMeta = {
    strategies: prop['x-kubernetes-patch-strategy']?.split(',') ?? [],
    shape: 'unknown',
  };
  if (prop['x-kubernetes-patch-merge-key']) meta.mergeKey = prop['x-kubernetes-patch-merge-key'];
  if (prop['x-kubernetes-list-type']) meta.listType = prop['x-kubernetes-list-type'];
  if (prop['x-kubernetes-list-map-keys']) meta.listMapKeys = prop['x-kubernetes-list-map-keys'];
  if (prop['x-kubernetes-map-type']) meta.mapType = prop['x-kubernetes-map-type'];
  const { shape, elem, mapType } = describe(prop);
  meta.shape = shape;
  if (elem) meta.elem = elem;
  if (!meta.mapType && mapType) meta.mapType = mapType;
  return meta;
}

interface Described {
  shape: FieldPatchMeta['shape'];
  elem?: PatchMeta;
  mapType?: 'atomic' | 'granular';
}

function describe(s: Schema): Described {
  const ref = refName(s);
  if (ref) {
    const target = definition(ref);
    if (!target) return { shape: 'unknown' };
    if (target.properties) {
      return { shape: 'object', elem: structMeta(ref), mapType: target['x-kubernetes-map-type'] };
    }
    // Quantity, IntOrString, Time…: scalars in JSON. RawExtension, FieldsV1: free-form objects.
    return { shape: target.type === 'object' ? 'unknown' : 'primitive' };
  }
  if (s.type === 'array') return { shape: 'array', elem: s.items ? elementMeta(s.items) : undefined };
  if (s.type === 'object') {
    if (typeof s.additionalProperties === 'object') return { shape: 'map', elem: elementMeta(s.additionalProperties) };
    return { shape: 'unknown' };
  }
  if (s.type === 'string' || s.type === 'integer' || s.type === 'number' || s.type === 'boolean') return { shape: 'primitive' };
  return { shape: 'unknown' };
}

/** Items of a list or values of a map: a struct's PatchMeta when they are structs. */
function elementMeta(s: Schema): PatchMeta | undefined {
  const ref = refName(s);
  return ref && definition(ref)?.properties ? structMeta(ref) : undefined;
}
