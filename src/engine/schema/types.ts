// Types shared by the schema generator and the runtime: OpenAPI v3 schema objects as Kubernetes serves them.

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

/** One OpenAPI v3 schema object, limited to what Kubernetes' built-in type definitions use. */
export interface Schema {
  $ref?: string;
  description?: string;
  type?: string;
  format?: string;
  default?: unknown;
  enum?: unknown[];
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  'x-kubernetes-group-version-kind'?: GroupVersionKind[];
  'x-kubernetes-patch-strategy'?: string;
  'x-kubernetes-patch-merge-key'?: string;
  'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map';
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-map-type'?: 'atomic' | 'granular';
  'x-kubernetes-unions'?: unknown[];
}

/** The `components.schemas` map of one document: definition name → schema. */
export type SchemaMap = Record<string, Schema>;

/** Prefix of every `$ref` in a served v3 document. */
export const REF_PREFIX = '#/components/schemas/';
