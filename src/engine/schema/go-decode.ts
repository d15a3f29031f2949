// Client-side decoding faults kubectl reports before it sends anything: an object's metadata must decode
// into metav1.ObjectMeta (`json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.name of
// type string`); the rest of the object is the server's business.

import { DecodeState } from './check/decode-state';
import { definitionNode, type StructNode } from './check/nodes';
import { walkValue } from './check/walk-value';

let holder: StructNode | undefined;

/** The Go json error for an object's metadata, or undefined when it decodes. */
export function objectMetaFault(obj: unknown): string | undefined {
  const meta = (obj as { metadata?: unknown } | null)?.metadata;
  if (meta === undefined || meta === null) return undefined;
  holder ??= {
    k: 'struct',
    name: 'PartialObjectMetadata',
    goType: 'v1.PartialObjectMetadata',
    fields: new Map([['metadata', definitionNode('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta')]]),
  };
  const st = new DecodeState();
  walkValue(holder, { metadata: meta }, st);
  return (st.fatal ?? st.saved)?.message;
}
