// Decoding plan for strict field checks: each schema compiled once into the Go type it stands for
// (struct with fields by exact JSON name, map, slice, scalar, or a type with its own UnmarshalJSON),
// with the type names Go's json errors print ('v1.DeploymentSpec', '[]v1.Container', 'int32').

import { definition } from '../registry';
import { REF_PREFIX, type Schema } from '../types';

export type Node =
  | StructNode
  | { k: 'map'; elem: Node; goType: string }
  | { k: 'slice'; elem: Node; goType: string }
  | { k: 'string'; goType: string }
  | { k: 'int'; bits: 32 | 64; goType: string }
  | { k: 'uint8'; goType: string }
  | { k: 'float'; goType: string }
  | { k: 'bool'; goType: string }
  /** []byte: base64 in a JSON string. */
  | { k: 'bytes'; goType: string }
  /** Types with their own UnmarshalJSON. */
  | { k: 'quantity' | 'intstr' | 'time' | 'duration'; goType: string }
  /** Anything goes (RawExtension, FieldsV1, free-form objects). */
  | { k: 'raw'; goType: string };

export interface StructNode {
  k: 'struct';
  /** Go type name without package, as json errors print the containing struct: 'DeploymentSpec'. */
  name: string;
  goType: string;
  fields: Map<string, Node>;
}

const CUSTOM: Record<string, Node['k']> = {
  'io.k8s.apimachinery.pkg.api.resource.Quantity': 'quantity',
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': 'intstr',
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': 'time',
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': 'time',
  'io.k8s.apimachinery.pkg.apis.meta.v1.Duration': 'duration',
  'io.k8s.apimachinery.pkg.runtime.RawExtension': 'raw',
  'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1': 'raw',
};

const STRING: Node = { k: 'string', goType: 'string' };
const RAW: Node = { k: 'raw', goType: 'interface {}' };
const structs = new Map<string, StructNode>();

/** 'io.k8s.api.apps.v1.DeploymentSpec' → 'v1.DeploymentSpec' (Go package name, then type). */
export function goTypeName(def: string): string {
  const dot = def.lastIndexOf('.');
  const pkg = def.slice(def.lastIndexOf('.', dot - 1) + 1, dot);
  return `${pkg}.${def.slice(dot + 1)}`;
}

/** The decoding plan of a definition (structs are cached and shared, so recursion is fine). */
export function definitionNode(def: string): Node {
  const custom = CUSTOM[def];
  if (custom) return { k: custom, goType: goTypeName(def) } as Node;
  const cached = structs.get(def);
  if (cached) return cached;
  const s = definition(def);
  if (!s?.properties) return { k: 'raw', goType: goTypeName(def) };
  const node: StructNode = { k: 'struct', name: def.slice(def.lastIndexOf('.') + 1), goType: goTypeName(def), fields: new Map() };
  structs.set(def, node);
  for (const [name, prop] of Object.entries(s.properties)) node.fields.set(name, schemaNode(prop));
  return node;
}

function schemaNode(s: Schema): Node {
  const ref = s.$ref ?? s.allOf?.[0]?.$ref;
  if (ref) return definitionNode(ref.slice(REF_PREFIX.length));
  switch (s.type) {
    case 'string':
      return s.format === 'byte' ? { k: 'bytes', goType: '[]uint8' } : STRING;
    case 'integer':
      return s.format === 'int32' ? { k: 'int', bits: 32, goType: 'int32' } : { k: 'int', bits: 64, goType: 'int64' };
    case 'number':
      return { k: 'float', goType: s.format === 'float' ? 'float32' : 'float64' };
    case 'boolean':
      return { k: 'bool', goType: 'bool' };
    case 'array': {
      const elem = s.items ? schemaNode(s.items) : RAW;
      return { k: 'slice', elem, goType: '[]' + elem.goType };
    }
    case 'object': {
      if (typeof s.additionalProperties !== 'object') return RAW;
      const elem = schemaNode(s.additionalProperties);
      // Every map of quantities in the API is a named v1.ResourceList.
      const goType = elem.k === 'quantity' ? 'v1.ResourceList' : 'map[string]' + elem.goType;
      return { k: 'map', elem, goType };
    }
    default:
      return RAW;
  }
}

/** Elements of a []byte that arrives as a JSON array. */
export const UINT8: Node = { k: 'uint8', goType: 'uint8' };
