// Shapes of the generated protobuf bundle (scripts/gen-proto.ts → generated/k8s-proto.json).

/** Go types with their own JSON form (MarshalJSON) instead of their protobuf message shape. */
export type SpecialKind = 'time' | 'microtime' | 'duration' | 'rawjson' | 'intorstring' | 'quantity' | 'stringslice';

/** What the Go struct tag says about a field, where protobuf alone cannot tell. */
export interface FieldFacts {
  /** The JSON name, when it differs from the protobuf field name. */
  json?: string;
  /** An embedded struct (`json:",inline"`) whose fields belong to the parent object. */
  inline?: boolean;
  /** A scalar written even when zero: a pointer (`*int32`) or a field without omitempty. */
  keepZero?: boolean;
}

export interface ProtoBundle {
  '//': string;
  sources: string[];
  /** Message full name (no leading dot) → special JSON form. */
  special: Record<string, SpecialKind>;
  /** Message full name → protobuf field name → facts (only fields with something to say). */
  fields: Record<string, Record<string, FieldFacts>>;
  /** protobufjs INamespace JSON. */
  descriptor: { nested?: Record<string, unknown> };
}
