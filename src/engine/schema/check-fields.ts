// Strict field validation of a request object against its kind's schema, as kube-apiserver's decoder
// does for fieldValidation=Strict|Warn: unknown and duplicate fields with their paths, the first type
// mismatch, and values a type's own UnmarshalJSON rejects. The caller composes the HTTP Status, e.g.
// `Deployment in version "v1" cannot be handled as a Deployment: <message>` (BadRequest).
// mirrors: apimachinery pkg/runtime/serializer/json/json.go (strict unmarshal), sigs.k8s.io/json.

import { DecodeState, type DecodeError, type StrictFieldError } from './check/decode-state';
import { definitionNode } from './check/nodes';
import { prune, walkValue } from './check/walk-value';
import { JsonWalker } from './check/walk-json';
import { schemaFor } from './registry';

export type { DecodeError, StrictFieldError } from './check/decode-state';

export interface FieldCheckResult<T = unknown> {
  /**
   * Set when decoding itself fails: a type mismatch (the first one) or a value rejected by the type
   * (quantity, time, base64, int-or-string). The request fails with this whatever fieldValidation is,
   * and the strict errors are not reported.
   */
  error?: DecodeError;
  /** Unknown / duplicate fields in decoding order (at most 100): an error with Strict, warnings with Warn. */
  strict: StrictFieldError[];
  /** Convenience: `error.message` when there is one (0 or 1 entries). */
  typeErrors: string[];
  /** Convenience: paths of the unknown fields among `strict`. */
  unknownFields: string[];
  /**
   * checkFields only: a copy of the object without its unknown fields — what the apiserver keeps when
   * fieldValidation is Warn or Ignore. Undefined when nothing was dropped (use the input as is).
   */
  pruned?: T;
}

/** 'unknown field "spec.foo"' / 'duplicate field "metadata.name"': one strict error as the apiserver words it. */
export function strictErrorText(e: StrictFieldError): string {
  return `${e.type} field ${JSON.stringify(e.path)}`;
}

/**
 * The decode error message the apiserver puts after "cannot be handled as a <Kind>: " with
 * fieldValidation=Strict, or undefined when the object decodes cleanly.
 */
export function fieldCheckMessage(r: FieldCheckResult): string | undefined {
  if (r.error) return r.error.message;
  if (r.strict.length === 0) return undefined;
  return 'strict decoding error: ' + r.strict.map(strictErrorText).join(', ');
}

/** Checks a parsed object (one walk). Undefined when the kind has no schema. Duplicates are not visible here. */
export function checkFields<T>(group: string, version: string, kind: string, obj: T): FieldCheckResult<T> | undefined {
  const found = schemaFor(group, version, kind);
  if (!found) return undefined;
  const st = new DecodeState();
  walkValue(definitionNode(found.name), obj, st);
  const r: FieldCheckResult<T> = result(st);
  if (st.droppedKeys && !r.error) r.pruned = prune(obj, st.droppedKeys) as T;
  return r;
}

/**
 * Checks a JSON request body as text: also reports duplicate fields and uses the exact number literals.
 * Throws a SyntaxError on malformed JSON. Undefined when the kind has no schema.
 */
export function checkFieldsJson(group: string, version: string, kind: string, json: string): FieldCheckResult | undefined {
  const found = schemaFor(group, version, kind);
  if (!found) return undefined;
  const st = new DecodeState();
  new JsonWalker(json, st).run(definitionNode(found.name));
  return result(st);
}

function result<T>(st: DecodeState): FieldCheckResult<T> {
  const error = st.fatal ?? st.saved;
  const r: FieldCheckResult<T> = {
    strict: st.strict,
    typeErrors: error ? [error.message] : [],
    unknownFields: st.strict.filter((e) => e.type === 'unknown').map((e) => e.path),
  };
  if (error) r.error = error;
  return r;
}
