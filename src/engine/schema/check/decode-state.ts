// What the apiserver's strict JSON decoding reports while it walks a value against its Go type: unknown
// and duplicate fields (all of them, by path), the first type mismatch, or an error from a type's own
// UnmarshalJSON (which stops decoding). Shared by the walker over parsed values and over JSON text.
// mirrors: sigs.k8s.io/json internal/golang/encoding/json decode.go + kubernetes_patch.go (strict field
// paths), Go encoding/json UnmarshalTypeError messages.

import type { Node } from './nodes';
import { base64Error, durationError, quantityError, rfc3339Error } from './go-values';

export interface StrictFieldError {
  type: 'unknown' | 'duplicate';
  /** Path as the apiserver prints it: 'spec.template.spec.containers[0].imagePullPolicyy'. */
  path: string;
}

export interface DecodeError {
  /** The complete message, e.g. 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32'. */
  message: string;
  /** For json type errors: the JSON value kind ('string', 'number 1.5', 'object', …), the Go struct and field path. */
  value?: string;
  struct?: string;
  field?: string;
  goType?: string;
}

export type JsonKind = 'string' | 'number' | 'bool' | 'null' | 'object' | 'array';

const MAX_STRICT_ERRORS = 100;

export class DecodeState {
  /** Strict errors in the order the decoder meets them, deduplicated, at most 100. */
  readonly strict: StrictFieldError[] = [];
  /** First saved type error (decoding continues after it). */
  saved: DecodeError | undefined;
  /** Error returned by a custom UnmarshalJSON: decoding stops. */
  fatal: DecodeError | undefined;
  /** Strict path so far as segments ('spec', '.template', '[0]'); joined only when an error needs it. */
  readonly parts: string[] = [];
  /** Go struct whose field is being decoded, and the JSON names of the struct fields from the root. */
  struct: string | undefined;
  fieldStack: string[] = [];
  private readonly seen = new Set<string>();
  /** Unknown keys per containing object (walks over parsed values only), for pruning. */
  droppedKeys: Map<object, string[]> | undefined;

  dropped(obj: object, key: string): void {
    this.droppedKeys ??= new Map();
    const list = this.droppedKeys.get(obj);
    if (list) list.push(key);
    else this.droppedKeys.set(obj, [key]);
  }

  strictError(type: StrictFieldError['type'], key: string): void {
    if (this.strict.length >= MAX_STRICT_ERRORS) return;
    const path = this.parts.length > 0 ? `${this.parts.join('')}.${key}` : key;
    const id = type + '\0' + path;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.strict.push({ type, path });
  }

  pushKey(key: string): void {
    this.parts.push(this.parts.length > 0 ? '.' + key : key);
  }

  pushIndex(i: number): void {
    this.parts.push(`[${i}]`);
  }

  /** A type error in the current error context (Go's addErrorContext). */
  typeError(value: string, goType: string): DecodeError {
    if (this.struct !== undefined || this.fieldStack.length > 0) {
      const field = this.fieldStack.join('.');
      return {
        message: `json: cannot unmarshal ${value} into Go struct field ${this.struct ?? ''}.${field} of type ${goType}`,
        value,
        struct: this.struct,
        field,
        goType,
      };
    }
    return { message: `json: cannot unmarshal ${value} into Go value of type ${goType}`, value, goType };
  }

  save(err: DecodeError): void {
    if (!this.saved) this.saved = err;
  }

  saveTypeError(value: string, goType: string): void {
    if (!this.saved) this.saved = this.typeError(value, goType);
  }
}

/** Go's value kind text for a number: the JSON literal, as decode.go prints it into integer types. */
export function numberText(n: number): string {
  return String(n).replace(/e\+?/, 'e+').replace('e+-', 'e-');
}

/**
 * Decides a JSON literal (string, number, bool, null) against `node`. `text` is the string's value or
 * the number's literal. Records errors on `st`.
 */
export function literal(node: Node, kind: 'string' | 'number' | 'bool' | 'null', text: string, st: DecodeState): void {
  if (kind === 'null') return; // null leaves any Go value at its zero value
  switch (node.k) {
    case 'raw':
      return;
    case 'string':
      if (kind !== 'string') st.saveTypeError(kind, node.goType);
      return;
    case 'bool':
      if (kind !== 'bool') st.saveTypeError(kind, node.goType);
      return;
    case 'int':
    case 'uint8':
      if (kind !== 'number') st.saveTypeError(kind, node.goType);
      else if (!integerFits(text, node.k === 'uint8' ? 'uint8' : node.bits)) st.saveTypeError('number ' + text, node.goType);
      return;
    case 'float':
      if (kind !== 'number') st.saveTypeError(kind, node.goType);
      return;
    case 'bytes':
      if (kind !== 'string') st.saveTypeError(kind, node.goType);
      else {
        const err = base64Error(text);
        if (err) st.save({ message: err });
      }
      return;
    case 'quantity': {
      const err = quantityError(kind === 'string' ? text.trim() : text);
      if (err) st.fatal = { message: err };
      return;
    }
    case 'intstr':
      if (kind === 'string') return;
      if (kind === 'bool') st.fatal = st.typeError('bool', 'int32');
      else if (!integerFits(text, 32)) st.fatal = st.typeError('number ' + text, 'int32');
      return;
    case 'time':
    case 'duration': {
      if (kind !== 'string') {
        st.fatal = st.typeError(kind, 'string');
        return;
      }
      const err = node.k === 'time' ? rfc3339Error(text) : durationError(text);
      if (err) st.fatal = { message: err };
      return;
    }
    default:
      // struct, map, slice
      st.saveTypeError(kind, node.goType);
  }
}

/** Decides an object or array against a node that cannot hold one; true when it was handled (skipped). */
export function compositeMismatch(node: Node, kind: 'object' | 'array', rawText: () => string, st: DecodeState): boolean {
  switch (node.k) {
    case 'raw':
      return true;
    case 'quantity': {
      const err = quantityError(rawText());
      if (err) st.fatal = { message: err };
      return true;
    }
    case 'intstr':
      st.fatal = st.typeError(kind, 'int32');
      return true;
    case 'time':
    case 'duration':
      st.fatal = st.typeError(kind, 'string');
      return true;
    case 'struct':
    case 'map':
      if (kind === 'object') return false;
      break;
    case 'slice':
    case 'bytes':
      if (kind === 'array') return false;
      break;
  }
  st.saveTypeError(kind, node.goType);
  return true;
}

function integerFits(text: string, bits: 32 | 64 | 'uint8'): boolean {
  if (!/^-?(0|[1-9]\d*)$/.test(text)) return false;
  const n = BigInt(text);
  if (bits === 'uint8') return n >= 0n && n <= 255n;
  const max = bits === 32 ? 2147483647n : 9223372036854775807n;
  return n >= -max - 1n && n <= max;
}
