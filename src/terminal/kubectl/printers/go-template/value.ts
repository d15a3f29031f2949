// The values a Go template sees when kubectl runs it over an object decoded from JSON into
// map[string]interface{} (apimachinery's json.Unmarshal: whole numbers int64, others float64), plus the
// few typed scalars the template itself makes (constants, len, a byte of a string), and Go's reflect
// kinds, type names and truth over them.
// mirrors: Go src/reflect (Kind, Type.String), src/text/template/exec.go (isTrue, indirectInterface)

/** A JSON object: map[string]interface {}. `undefined` members are absent, as JSON.stringify treats them. */
export interface GoMap {
  [key: string]: GoValue;
}

/**
 * A Go value as the template engine holds it:
 * - `undefined`: the zero reflect.Value (a missing map key, an invalid value; prints `<no value>`);
 * - `null`: a nil interface{} (a JSON null inside a map or slice);
 * - string, boolean; a JS number is a JSON number: int64 when whole and in range, else float64;
 * - arrays are []interface {}, plain objects map[string]interface {};
 * - GoInt / GoFloat / GoComplex: Go-typed scalars made by the template (constants, len, index of a string).
 */
export type GoValue = undefined | null | string | boolean | number | GoValue[] | GoMap | GoInt | GoFloat | GoComplex;

/** The Go-typed scalars a template makes (one base class keeps the map test to one instanceof). */
export abstract class GoScalar {}

/** A Go integer of a type other than a JSON int64: `int` (constants, len, range index) or `uint8`. */
export class GoInt extends GoScalar {
  constructor(
    readonly type: 'int' | 'uint8',
    readonly value: bigint,
  ) {
    super();
  }
}

/** A float64 made by a template constant (`1.0` stays a float, unlike a whole JSON number). */
export class GoFloat extends GoScalar {
  constructor(readonly value: number) {
    super();
  }
}

/** A complex128 constant (`1i`, `1+2i`). */
export class GoComplex extends GoScalar {
  constructor(
    readonly re: number,
    readonly im: number,
  ) {
    super();
  }
}

export type Kind = 'invalid' | 'interface' | 'bool' | 'int' | 'uint' | 'float' | 'complex' | 'string' | 'map' | 'slice';

const INT64_MIN = -9223372036854775808;
const INT64_LIMIT = 9223372036854775808;

/** Whether a JSON number decodes to int64 (whole and in range) rather than float64. */
export function isInt64Number(n: number): boolean {
  return Number.isInteger(n) && n >= INT64_MIN && n < INT64_LIMIT;
}

export function isGoMap(v: GoValue): v is GoMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoScalar);
}

/** reflect.Value.Kind(); a nil interface{} (null) has kind Interface. */
export function kindOf(v: GoValue): Kind {
  if (v === undefined) return 'invalid';
  if (v === null) return 'interface';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return isInt64Number(v) ? 'int' : 'float';
  }
  if (Array.isArray(v)) return 'slice';
  if (v instanceof GoInt) return v.type === 'int' ? 'int' : 'uint';
  if (v instanceof GoFloat) return 'float';
  if (v instanceof GoComplex) return 'complex';
  return 'map';
}

/** reflect.Type.String() of a concrete value; a nil interface{} is `interface {}`. */
export function typeName(v: GoValue): string {
  if (v === undefined) return '<nil>';
  if (v === null) return 'interface {}';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return isInt64Number(v) ? 'int64' : 'float64';
  }
  if (Array.isArray(v)) return '[]interface {}';
  if (v instanceof GoInt) return v.type;
  if (v instanceof GoFloat) return 'float64';
  if (v instanceof GoComplex) return 'complex128';
  return 'map[string]interface {}';
}

/** The integer of an int/uint-kind value (a JSON int64, GoInt). */
export function intValue(v: GoValue): bigint {
  if (typeof v === 'number') return BigInt(v);
  if (v instanceof GoInt) return v.value;
  throw new Error('not an integer');
}

/** The float of a float-kind value. */
export function floatValue(v: GoValue): number {
  if (typeof v === 'number') return v;
  if (v instanceof GoFloat) return v.value;
  throw new Error('not a float');
}

/** A map member, own keys only (`constructor` or `__proto__` are keys like any other). */
export function mapIndex(m: GoMap, key: string): GoValue {
  return Object.prototype.hasOwnProperty.call(m, key) ? m[key] : undefined;
}

/** Len of a map: its defined members. */
export function mapLen(m: GoMap): number {
  let n = 0;
  for (const k in m) if (m[k] !== undefined && Object.prototype.hasOwnProperty.call(m, k)) n++;
  return n;
}

/** indirectInterface: a nil interface{} becomes the zero Value. */
export function indirectInterface(v: GoValue): GoValue {
  return v === null ? undefined : v;
}

/** isTrue: the truth of if/with/and/or/not; `ok` false for values with no truth (none here). */
export function isTrue(v: GoValue): boolean {
  if (v === undefined || v === null) return false;
  switch (typeof v) {
    case 'string':
      return v.length > 0;
    case 'boolean':
      return v;
    case 'number':
      return v !== 0;
  }
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof GoInt) return v.value !== 0n;
  if (v instanceof GoFloat) return v.value !== 0;
  if (v instanceof GoComplex) return v.re !== 0 || v.im !== 0;
  return mapLen(v) > 0;
}

