// What strategic merge patch needs to know about a field: its patch strategy and merge key.
// Implemented from the generated schemas (src/engine/schema); tests may build one by hand.

export interface FieldPatchMeta {
  /** x-kubernetes-patch-strategy split on ',': e.g. ['merge'], ['merge', 'retainKeys'], ['replace']. */
  strategies: string[];
  /** x-kubernetes-patch-merge-key, for lists of objects merged by key. */
  mergeKey?: string;
  /** x-kubernetes-list-type: 'atomic' | 'set' | 'map' (server-side apply). */
  listType?: 'atomic' | 'set' | 'map';
  /** x-kubernetes-list-map-keys, with listType 'map'. */
  listMapKeys?: string[];
  /** x-kubernetes-map-type: 'atomic' | 'granular'. */
  mapType?: 'atomic' | 'granular';
  /** 'object' | 'array' | 'map' (object with additionalProperties) | 'primitive' | 'unknown'. */
  shape: 'object' | 'array' | 'map' | 'primitive' | 'unknown';
  /** Meta of the element: list items for arrays, values for maps, or the nested struct for objects. */
  elem?: PatchMeta;
}

/** Patch metadata for the fields of one struct (object) schema. */
export interface PatchMeta {
  /** Undefined when the field is not declared in the schema (treated as a plain field). */
  field(name: string): FieldPatchMeta | undefined;
}

/** A PatchMeta that knows nothing: every list is replaced, every map merged (like a CRD without schema). */
export const emptyPatchMeta: PatchMeta = { field: () => undefined };
