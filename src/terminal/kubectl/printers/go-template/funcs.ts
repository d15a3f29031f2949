// The functions a kubectl template can call: text/template's builtins (and, or, not, len, index, slice,
// print*, eq…ge, html, js, urlquery, call) and kubectl's additions (exists, base64decode), each with its
// Go signature so arguments are checked and converted as reflect would.
// mirrors: Go src/text/template/funcs.go; k8s.io/cli-runtime/pkg/printers/template.go

import { compareGoStrings, utf8Bytes, utf8Length } from '../gofmt';
import { evalArgs, htmlEscapeString, jsEscapeString, queryEscape } from './escape';
import { formatValue, sprint, sprintf, sprintln } from './fmt';
import { base64Decode } from './base64';
import { appendedCap } from './slicecap';
import { GoInt, floatValue, indirectInterface, intValue, isTrue, kindOf, mapIndex, mapLen, typeName, type GoValue, type Kind } from './value';

/** An error a function returns (`error calling NAME: MESSAGE`). */
export class FuncError extends Error {}

/** A Go parameter type: reflect.Value, interface{} or string. */
export type ParamType = 'reflect.Value' | 'interface {}' | 'string';

export interface GoFunc {
  params: ParamType[];
  /** The element type of a final `...` parameter. */
  variadic?: ParamType;
  builtin: boolean;
  /** `ifaces[i]`: argument i is a reflect.Value of static type interface {} (only `slice` looks). */
  call(args: GoValue[], ifaces: readonly boolean[]): GoValue;
}

const V: ParamType = 'reflect.Value';
const ANY: ParamType = 'interface {}';

type BasicKind = 'bool' | 'complex' | 'int' | 'float' | 'string' | 'uint' | 'invalid';

function basicKind(v: GoValue): BasicKind {
  const k: Kind = kindOf(v);
  return k === 'bool' || k === 'complex' || k === 'int' || k === 'float' || k === 'string' || k === 'uint' ? k : 'invalid';
}

function indexArg(index: GoValue, cap: number): number {
  const k = kindOf(index);
  if (k === 'invalid') throw new FuncError('cannot index slice/array with nil');
  if (k !== 'int' && k !== 'uint') throw new FuncError(`cannot index slice/array with type ${typeName(index)}`);
  const x = intValue(index);
  if (x < 0n || x > BigInt(cap)) throw new FuncError(`index out of range: ${x}`);
  return Number(x);
}

function index(args: GoValue[]): GoValue {
  let item = indirectInterface(args[0]);
  if (item === undefined) throw new FuncError('index of untyped nil');
  for (const raw of args.slice(1)) {
    const idx = indirectInterface(raw);
    if (item === null) throw new FuncError('index of nil pointer');
    const k = kindOf(item);
    if (k === 'slice' || k === 'string') {
      const len = typeof item === 'string' ? utf8Length(item) : (item as GoValue[]).length;
      const x = indexArg(idx, len);
      if (typeof item === 'string') {
        if (x >= len) throw new FuncError('reflect: string index out of range');
        item = new GoInt('uint8', BigInt(utf8Bytes(item)[x]));
      } else {
        if (x >= len) throw new FuncError('reflect: slice index out of range');
        item = (item as GoValue[])[x] ?? null;
      }
    } else if (k === 'map') {
      if (idx === undefined) throw new FuncError('value is nil; should be of type string');
      if (typeof idx !== 'string') throw new FuncError(`value has type ${typeName(idx)}; should be string`);
      const got = mapIndex(item as Record<string, GoValue>, idx);
      item = got === undefined ? null : got;
    } else throw new FuncError(`can't index item of type ${typeName(item)}`);
  }
  return item;
}

function decodeBytes(bytes: number[]): string {
  return new TextDecoder().decode(new Uint8Array(bytes));
}

// slice, unlike index, does not unwrap its index arguments: a map or slice element is an interface {}.
function slice(args: GoValue[], ifaces: readonly boolean[]): GoValue {
  const item = indirectInterface(args[0]);
  if (item === undefined) throw new FuncError('slice of untyped nil');
  const indexes = args.slice(1);
  if (indexes.length > 3) throw new FuncError(`too many slice indexes: ${indexes.length}`);
  let len: number;
  let cap: number;
  if (typeof item === 'string') {
    if (indexes.length === 3) throw new FuncError('cannot 3-index slice a string');
    len = cap = utf8Length(item);
  } else if (Array.isArray(item)) {
    len = item.length;
    cap = appendedCap(len);
  } else throw new FuncError(`can't slice item of type ${typeName(item)}`);
  const idx = [0, len, 0];
  indexes.forEach((x, i) => {
    if (ifaces[i + 1] && x !== undefined) throw new FuncError('cannot index slice/array with type interface {}');
    idx[i] = indexArg(x, cap);
  });
  if (idx[0] > idx[1]) throw new FuncError(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1] > idx[2]) throw new FuncError(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (typeof item === 'string') return decodeBytes(utf8Bytes(item).slice(idx[0], idx[1]));
  // Past the length (up to the capacity) the backing array holds nil interfaces.
  const out = item.slice(idx[0], idx[1]);
  while (out.length < idx[1] - idx[0]) out.push(null);
  return out;
}

function length(args: GoValue[]): GoValue {
  const item = args[0];
  if (item === null) throw new FuncError('len of nil pointer');
  if (item === undefined) throw new FuncError('reflect: call of reflect.Value.Type on zero Value');
  if (typeof item === 'string') return new GoInt('int', BigInt(utf8Length(item)));
  if (Array.isArray(item)) return new GoInt('int', BigInt(item.length));
  if (kindOf(item) === 'map') return new GoInt('int', BigInt(mapLen(item as Record<string, GoValue>)));
  throw new FuncError(`len of type ${typeName(item)}`);
}

const BAD_COMPARISON_TYPE = 'invalid type for comparison';
const BAD_COMPARISON = 'incompatible types for comparison';

function eq(args: GoValue[]): boolean {
  const arg1 = indirectInterface(args[0]);
  if (args.length < 2) throw new FuncError('missing argument for comparison');
  const k1 = basicKind(arg1);
  for (const raw of args.slice(1)) {
    const arg = indirectInterface(raw);
    const k2 = basicKind(arg);
    let truth = false;
    if (k1 !== k2) {
      if (k1 === 'int' && k2 === 'uint') truth = intValue(arg1) >= 0n && intValue(arg1) === intValue(arg);
      else if (k1 === 'uint' && k2 === 'int') truth = intValue(arg) >= 0n && intValue(arg1) === intValue(arg);
      else if (arg1 !== undefined && arg !== undefined) throw new FuncError(BAD_COMPARISON);
    } else {
      switch (k1) {
        case 'bool':
        case 'string':
          truth = arg1 === arg;
          break;
        case 'int':
        case 'uint':
          truth = intValue(arg1) === intValue(arg);
          break;
        case 'float':
          truth = floatValue(arg1) === floatValue(arg);
          break;
        case 'complex': {
          const [a, b] = [arg1 as { re: number; im: number }, arg as { re: number; im: number }];
          truth = a.re === b.re && a.im === b.im;
          break;
        }
        default: {
          const ka = kindOf(arg1);
          const kb = kindOf(arg);
          if (ka !== kb && ka !== 'invalid' && kb !== 'invalid') {
            throw new FuncError(`non-comparable types ${formatValue(arg1, 's')}: ${typeName(arg1)}, ${typeName(arg)}: ${formatValue(arg, 'v')}`);
          }
          if (arg1 === undefined || arg === undefined) truth = (arg1 === undefined) === (arg === undefined);
          else throw new FuncError(`non-comparable type ${formatValue(arg, 's')}: ${typeName(arg)}`);
        }
      }
    }
    if (truth) return true;
  }
  return false;
}

function lt(args: GoValue[]): boolean {
  const arg1 = indirectInterface(args[0]);
  const k1 = basicKind(arg1);
  if (k1 === 'invalid') throw new FuncError(BAD_COMPARISON_TYPE);
  const arg2 = indirectInterface(args[1]);
  const k2 = basicKind(arg2);
  if (k2 === 'invalid') throw new FuncError(BAD_COMPARISON_TYPE);
  if (k1 !== k2) {
    if (k1 === 'int' && k2 === 'uint') return intValue(arg1) < 0n || intValue(arg1) < intValue(arg2);
    if (k1 === 'uint' && k2 === 'int') return intValue(arg2) >= 0n && intValue(arg1) < intValue(arg2);
    throw new FuncError(BAD_COMPARISON);
  }
  switch (k1) {
    case 'bool':
    case 'complex':
      throw new FuncError(BAD_COMPARISON_TYPE);
    case 'float':
      return floatValue(arg1) < floatValue(arg2);
    case 'string':
      return compareGoStrings(arg1 as string, arg2 as string) < 0;
    default:
      return intValue(arg1) < intValue(arg2);
  }
}

const le = (a: GoValue[]): boolean => lt(a) || eq(a);

/** exists (kubectl): whether `index item indices…` would find something non-nil. */
function exists(args: GoValue[]): boolean {
  let v: GoValue = args[0] === null ? undefined : args[0];
  for (const i of args.slice(1)) {
    const idx = i === null ? undefined : i;
    if (v === null) return false;
    const k = kindOf(v);
    if (k === 'slice' || k === 'string') {
      const ik = kindOf(idx);
      if (ik !== 'int' && ik !== 'uint') return false;
      const x = intValue(idx);
      const len = typeof v === 'string' ? utf8Length(v) : (v as GoValue[]).length;
      if (x < 0n || x >= BigInt(len)) return false;
      v = typeof v === 'string' ? new GoInt('uint8', BigInt(utf8Bytes(v)[Number(x)])) : ((v as GoValue[])[Number(x)] ?? null);
    } else if (k === 'map') {
      const key = idx === undefined ? '' : idx;
      if (typeof key !== 'string') return false;
      const got = mapIndex(v as Record<string, GoValue>, key);
      v = got === undefined ? null : got;
    } else return false;
  }
  return v !== null;
}

function base64decode(args: GoValue[]): GoValue {
  const r = base64Decode(args[0] as string);
  if (typeof r !== 'string') throw new FuncError(`base64 decode failed: illegal base64 data at input byte ${r.badByte}`);
  return r;
}

type Impl = (a: GoValue[], ifaces: readonly boolean[]) => GoValue;
const variadic = (params: ParamType[], rest: ParamType, call: Impl, builtin = true): GoFunc => ({ params, variadic: rest, call, builtin });
const fixed = (params: ParamType[], call: Impl, builtin = true): GoFunc => ({ params, call, builtin });
const unreachable = (): GoValue => {
  throw new Error('unreachable: evaluated by the executor');
};

/** text/template's builtins plus kubectl's FuncMap (exists, base64decode). */
export const KUBECTL_FUNCS: ReadonlyMap<string, GoFunc> = new Map<string, GoFunc>([
  ['and', variadic([V], V, unreachable)],
  ['call', variadic([V], V, unreachable)],
  ['html', variadic([], ANY, (a) => htmlEscapeString(evalArgs(a)))],
  ['index', variadic([V], V, index)],
  ['slice', variadic([V], V, slice)],
  ['js', variadic([], ANY, (a) => jsEscapeString(evalArgs(a)))],
  ['len', fixed([V], length)],
  ['not', fixed([V], (a) => !isTrue(indirectInterface(a[0])))],
  ['or', variadic([V], V, unreachable)],
  ['print', variadic([], ANY, sprint)],
  ['printf', variadic(['string'], ANY, (a) => sprintf(a[0] as string, a.slice(1)))],
  ['println', variadic([], ANY, sprintln)],
  ['urlquery', variadic([], ANY, (a) => queryEscape(evalArgs(a)))],
  ['eq', variadic([V], V, eq)],
  ['ge', fixed([V, V], (a) => !lt(a))],
  ['gt', fixed([V, V], (a) => !le(a))],
  ['le', fixed([V, V], le)],
  ['lt', fixed([V, V], lt)],
  ['ne', fixed([V, V], (a) => !eq(a))],
  ['exists', variadic([ANY], ANY, exists, false)],
  ['base64decode', fixed(['string'], base64decode, false)],
]);

/** call: every value a kubectl template sees is data, never a function. */
export function callBuiltin(calleeName: string, fn: GoValue): never {
  const f = indirectInterface(fn);
  if (f === undefined) throw new FuncError('call of nil');
  throw new FuncError(`non-function ${calleeName} of type ${typeName(f)}`);
}
