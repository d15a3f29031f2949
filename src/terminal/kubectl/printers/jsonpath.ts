// client-go's JSONPath evaluated over unstructured (JSON-like) objects, and kubectl's relaxed
// path expressions (custom-columns, --sort-by). The `-o jsonpath` printer is jsonpath-printer.ts.
// mirrors: k8s.io/client-go/util/jsonpath/jsonpath.go, third_party/forked/golang/template/funcs.go;
//          k8s.io/kubectl/pkg/cmd/get/customcolumn.go (RelaxedJSONPathExpression)
// Map iteration (`*`, `..`) is random in Go; here it follows Go's sorted key order, deterministically.

import { GoByte, formatGoNumber, goSprint, goTypeName, isJsonObject, sortedKeys, utf8Bytes } from './gofmt';
import { goJsonMarshal, goJsonMarshalIndent } from './json';
import { parseTemplate, type JPNode, type ListNode } from './jsonpath-parser';
import { PrinterError } from './printer-error';

export { JSONPathSyntaxError } from './jsonpath-parser';

/** An evaluation error; the message is the upstream error text (e.g. "array index out of bounds: …"). */
export class JSONPathExecError extends Error {}

/** The "no value" of an invalid reflect.Value (the data of an empty range). */
export const NO_VALUE: unique symbol = Symbol('no value');

type Value = unknown;

export class JSONPath {
  private root: ListNode | null = null;
  private allowMissing = false;
  private outputJSON = false;

  constructor(readonly name: string) {}

  allowMissingKeys(allow: boolean): this {
    this.allowMissing = allow;
    return this;
  }

  enableJSONOutput(v: boolean): this {
    this.outputJSON = v;
    return this;
  }

  /** Throws JSONPathSyntaxError. */
  parse(text: string): this {
    this.root = parseTemplate(text);
    return this;
  }

  /** One result list per top-level template node (text, action, or range iteration). */
  findResults(data: unknown): Value[][] {
    if (!this.root) throw new JSONPathExecError(`${this.name} is an incomplete jsonpath template`);
    return new Evaluator(this.allowMissing).findResults(data, this.root.nodes);
  }

  /** Execute: the printed results, concatenated. */
  execute(data: unknown): string {
    return this.findResults(data).map((r) => this.printResults(r)).join('');
  }

  printResults(results: Value[]): string {
    if (this.outputJSON) {
      const all = results.map((v) => (v === NO_VALUE ? null : v));
      return goJsonMarshalIndent(all) + '\n';
    }
    return results.map((v) => (Array.isArray(v) || isJsonObject(v) ? goJsonMarshal(v) : evalToText(v))).join(' ');
  }
}

function evalToText(v: Value): string {
  if (v === NO_VALUE) return '<no value>';
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') return formatGoNumber(v);
  return goSprint(v);
}

type GoKind = 'bool' | 'int' | 'uint' | 'float' | 'string';

function basicKind(v: Value): GoKind {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (v instanceof GoByte) return 'uint';
  throw new JSONPathExecError('invalid type for comparison');
}

function num(v: Value): number {
  return v instanceof GoByte ? v.value : (v as number);
}

function equal(a: Value, b: Value): boolean {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka !== kb) {
    if ((ka === 'int' && kb === 'uint') || (ka === 'uint' && kb === 'int')) return num(a) === num(b);
    throw new JSONPathExecError('incompatible types for comparison');
  }
  return ka === 'uint' ? num(a) === num(b) : a === b;
}

function less(a: Value, b: Value): boolean {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka !== kb) {
    if ((ka === 'int' && kb === 'uint') || (ka === 'uint' && kb === 'int')) return num(a) < num(b);
    throw new JSONPathExecError('incompatible types for comparison');
  }
  if (ka === 'bool') throw new JSONPathExecError('invalid type for comparison');
  if (ka === 'string') return compareBytes(a as string, b as string);
  return num(a) < num(b);
}

function compareBytes(a: string, b: string): boolean {
  // Go compares strings byte-wise; JS < compares UTF-16 units (differs only around surrogates).
  const ab = utf8Bytes(a);
  const bb = utf8Bytes(b);
  for (let i = 0; i < ab.length && i < bb.length; i++) if (ab[i] !== bb[i]) return ab[i] < bb[i];
  return ab.length < bb.length;
}

function compare(op: string, a: Value, b: Value): boolean {
  switch (op) {
    case '<':
      return less(a, b);
    case '>':
      return !(less(a, b) || equal(a, b));
    case '==':
      return equal(a, b);
    case '!=':
      return !equal(a, b);
    case '<=':
      return less(a, b) || equal(a, b);
    case '>=':
      return !less(a, b);
  }
  throw new JSONPathExecError(`unrecognized filter operator ${op}`);
}

/** The children a wildcard or recursive descent visits: map values, slice items, string bytes. */
function children(v: Value): Value[] {
  if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : x));
  if (isJsonObject(v)) return sortedKeys(v).map((k) => v[k]);
  if (typeof v === 'string') return utf8Bytes(v).map((b) => new GoByte(b));
  return [];
}

class Evaluator {
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode: JPNode | null = null;

  constructor(private readonly allowMissingKeys: boolean) {}

  findResults(data: Value, nodes: JPNode[]): Value[][] {
    const cur = [data];
    const fullResult: Value[][] = [];
    for (let i = 0; i < nodes.length; i++) {
      const results = this.walk(cur, nodes[i]);
      // An end node closes the current range block.
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = nodes[i];
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        const rest = nodes.slice(i + 1);
        if (results.length > 0) {
          for (const value of results) fullResult.push(...this.findResults(value, rest));
        } else {
          this.findResults(NO_VALUE, rest); // advance to the matching end node
        }
        this.inRange--;
        for (let k = i + 1; k < nodes.length; k++) {
          if (nodes[k] === this.lastEndNode) {
            i = k;
            break;
          }
        }
        continue;
      }
      fullResult.push(results);
    }
    return fullResult;
  }

  private walk(input: Value[], node: JPNode): Value[] {
    switch (node.type) {
      case 'list':
        return this.evalList(input, node);
      case 'text':
        return [node.text];
      case 'field':
        return this.evalField(input, node.value);
      case 'array':
        return this.evalArray(input, node.params);
      case 'filter':
        return this.evalFilter(input, node);
      case 'int':
      case 'float':
      case 'bool':
        return input.map(() => node.value);
      case 'wildcard':
        return input.flatMap((v) => (v === null ? [] : children(v)));
      case 'recursive':
        return this.evalRecursive(input);
      case 'union':
        return node.nodes.flatMap((l) => this.evalList(input, l));
      case 'identifier':
        return this.evalIdentifier(input, node.name);
    }
  }

  private evalList(input: Value[], list: ListNode): Value[] {
    let cur = input;
    for (const n of list.nodes) cur = this.walk(cur, n);
    return cur;
  }

  private evalIdentifier(input: Value[], name: string): Value[] {
    if (name === 'range') {
      this.beginRange++;
      return input;
    }
    if (name === 'end') {
      if (this.inRange > 0) {
        this.endRange++;
        return [];
      }
      throw new JSONPathExecError('not in range, nothing to end');
    }
    throw new JSONPathExecError(`unrecognized identifier ${name}`);
  }

  private evalField(input: Value[], key: string): Value[] {
    if (input.length === 0) return [];
    const results: Value[] = [];
    for (const v of input) {
      if (isJsonObject(v) && Object.prototype.hasOwnProperty.call(v, key) && v[key] !== undefined) results.push(v[key]);
    }
    if (results.length === 0 && !this.allowMissingKeys) throw new JSONPathExecError(`${key} is not found`);
    return results;
  }

  private evalArray(input: Value[], p: [{ value: number; known: boolean; derived: boolean }, { value: number; known: boolean; derived: boolean }, { value: number; known: boolean; derived: boolean }]): Value[] {
    const result: Value[] = [];
    for (const value of input) {
      if (value === null) continue;
      if (!Array.isArray(value)) throw new JSONPathExecError(`${value === NO_VALUE ? '<nil>' : goTypeName(value)} is not array or slice`);
      const len = value.length;
      let start = p[0].known ? p[0].value : 0;
      if (start < 0) start += len;
      let end = p[1].known ? p[1].value : len;
      if (end < 0 || (end === 0 && p[1].derived)) end += len;
      if (end === start) return result; // zero elements requested: stop here, as upstream does
      if (start >= len || start < 0) throw new JSONPathExecError(`array index out of bounds: index ${start}, length ${len}`);
      if (end > len || end < 0) throw new JSONPathExecError(`array index out of bounds: index ${end - 1}, length ${len}`);
      if (start > end) throw new JSONPathExecError(`starting index ${start} is greater than ending index ${end}`);
      let step = 1;
      if (p[2].known) {
        if (p[2].value <= 0) throw new JSONPathExecError('step must be > 0');
        step = p[2].value;
      }
      for (let i = start; i < end; i += step) result.push(value[i] === undefined ? null : value[i]);
    }
    return result;
  }

  private evalRecursive(input: Value[]): Value[] {
    const result: Value[] = [];
    for (const value of input) {
      if (value === null) continue;
      const kids = children(value);
      if (kids.length !== 0) {
        result.push(value);
        result.push(...this.evalRecursive(kids));
      }
    }
    return result;
  }

  private evalFilter(input: Value[], node: { left: ListNode; right: ListNode; operator: string }): Value[] {
    const results: Value[] = [];
    for (const value of input) {
      if (!Array.isArray(value)) {
        const shown = value === NO_VALUE ? '<invalid reflect.Value>' : goSprint(value);
        throw new JSONPathExecError(`${shown} is not array or slice and cannot be filtered`);
      }
      for (const item of value) {
        const temp = [item === undefined ? null : item];
        let lefts: Value[];
        if (node.operator === 'exists') {
          try {
            lefts = this.evalList(temp, node.left);
          } catch {
            continue; // the error is ignored for an existence test
          }
          if (lefts.length > 0) results.push(temp[0]);
          continue;
        }
        lefts = this.evalList(temp, node.left);
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new JSONPathExecError('can only compare one element at a time');
        const rights = this.evalList(temp, node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new JSONPathExecError('can only compare one element at a time');
        if (compare(node.operator, lefts[0], rights[0])) results.push(temp[0]);
      }
    }
    return results;
  }
}

/** RelaxedJSONPathExpression (custom-columns, --sort-by): `a.b`, `.a.b`, `{a.b}` → `{.a.b}`. */
export function relaxedJSONPathExpression(pathExpression: string): string {
  if (pathExpression.length === 0) return pathExpression;
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(pathExpression);
  if (!m) {
    throw new PrinterError(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  }
  return `{.${m[1] ?? m[2]}}`;
}
