// JSON patch (RFC 6902, application/json-patch+json): add, remove, replace, move, copy, test.
// mirrors: gopkg.in/evanphx/json-patch.v4 patch.go (v4.12.0, which kube-apiserver v1.32 uses) and the
// JSON-patch branch of staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go. Its quirks are kept:
// replace of a missing object key adds it, negative array indices count from the end, copy or move from
// a missing object key writes null, "add" at the root path fails, error texts are the library's.

import { goKind, getOwn, hasOwn, isJsonObject, setOwn, shallowCopy, deepEqual, type JsonObject, type JsonValue } from './json-value';
import { JsonPatchError } from './patch-errors';

/** One operation as sent; fields are checked when it runs, as the library does. */
export interface JsonPatchOperation {
  op?: unknown;
  path?: unknown;
  from?: unknown;
  value?: unknown;
}

/** kube-apiserver refuses JSON patches with more operations than this (413). */
export const MAX_JSON_PATCH_OPERATIONS = 10000;

const GO_JSON_KIND: Record<string, string> = { map: 'object', slice: 'array', string: 'string', bool: 'bool', number: 'number' };

/**
 * Checks the body of a JSON patch request as the server decodes it. With fieldValidation Strict or Warn
 * (the default when the parameter is absent) the server first decodes into its own op type, whose
 * error text differs. Throws JsonPatchError ('decode' → 400, 'too-large' → 413).
 */
export function decodeJsonPatch(body: unknown, fieldValidation: 'Strict' | 'Warn' | 'Ignore' = 'Warn'): JsonPatchOperation[] {
  const strict = fieldValidation !== 'Ignore';
  const listType = strict ? '[]handlers.jsonPatchOp' : 'jsonpatch.Patch';
  const itemType = strict ? 'handlers.jsonPatchOp' : 'jsonpatch.Operation';
  const prefix = strict ? 'error decoding patch: ' : '';
  if (body === null || body === undefined) return [];
  if (!Array.isArray(body)) {
    throw new JsonPatchError(`${prefix}json: cannot unmarshal ${GO_JSON_KIND[goKind(body)]} into Go value of type ${listType}`, 'decode');
  }
  for (const item of body) {
    if (item !== null && !isJsonObject(item)) {
      throw new JsonPatchError(`${prefix}json: cannot unmarshal ${GO_JSON_KIND[goKind(item)]} into Go value of type ${itemType}`, 'decode');
    }
    if (strict && item !== null) {
      for (const field of ['op', 'path', 'from']) {
        const v = getOwn(item, field);
        if (v !== undefined && v !== null && typeof v !== 'string') {
          throw new JsonPatchError(
            `${prefix}json: cannot unmarshal ${GO_JSON_KIND[goKind(v)]} into Go struct field jsonPatchOp.${field} of type string`,
            'decode',
          );
        }
      }
    }
  }
  if (body.length > MAX_JSON_PATCH_OPERATIONS) {
    throw new JsonPatchError(
      `The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${body.length}`,
      'too-large',
    );
  }
  return body.map((op) => (op === null ? {} : (op as JsonPatchOperation)));
}

type Container = JsonObject | JsonValue[];

/** Mutable working copy: containers cloned once per apply (copy on write), inputs never touched. */
class Working {
  root: Container;
  private readonly owned = new Set<Container>();
  constructor(root: Container) {
    this.root = root;
  }
  own(c: Container): Container {
    if (this.owned.has(c)) return c;
    const copy = Array.isArray(c) ? c.slice() : shallowCopy(c);
    this.owned.add(copy);
    return copy;
  }
  ownRoot(): Container {
    this.root = this.own(this.root);
    return this.root;
  }
  /** After a copy a container may be reachable twice: stop writing in place, clone again on write. */
  disown(): void {
    this.owned.clear();
  }
}

function decodeKey(k: string): string {
  return k.includes('~') ? k.replace(/~1|~0/g, (m) => (m === '~1' ? '/' : '~')) : k;
}

/** strconv.Atoi: optional sign and decimal digits, within int64. */
function atoi(s: string): number | string {
  if (!/^[+-]?\d+$/.test(s)) return `strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`;
  const n = BigInt(s);
  if (n > 9223372036854775807n || n < -9223372036854775808n) return `strconv.Atoi: parsing ${JSON.stringify(s)}: value out of range`;
  return Number(n);
}

const invalidIndex = (idx: number) => `Unable to access invalid index: ${idx}: invalid index referenced`;

/** partialArray.get / partialDoc.get: the value, undefined when absent (Go nil), or an error text. */
function get(c: Container, key: string): { value?: JsonValue; error?: string } {
  if (!Array.isArray(c)) return { value: getOwn(c, key) };
  const n = atoi(key);
  if (typeof n === 'string') return { error: n };
  let idx = n;
  if (idx < 0) {
    if (idx < -c.length) return { error: invalidIndex(idx) };
    idx += c.length;
  }
  if (idx >= c.length) return { error: invalidIndex(idx) };
  return { value: c[idx] };
}

function add(c: Container, key: string, val: JsonValue): string | undefined {
  if (!Array.isArray(c)) {
    setOwn(c, key, val);
    return undefined;
  }
  if (key === '-') {
    c.push(val);
    return undefined;
  }
  const n = atoi(key);
  if (typeof n === 'string') return `value was not a proper array index: '${key}': ${n}`;
  const size = c.length + 1;
  let idx = n;
  if (idx >= size) return invalidIndex(idx);
  if (idx < 0) {
    if (idx < -size) return invalidIndex(idx);
    idx += size;
  }
  c.splice(idx, 0, val);
  return undefined;
}

function set(c: Container, key: string, val: JsonValue): string | undefined {
  if (!Array.isArray(c)) {
    setOwn(c, key, val);
    return undefined;
  }
  const n = atoi(key);
  if (typeof n === 'string') return n;
  let idx = n;
  if (idx < 0) {
    if (idx < -c.length) return invalidIndex(idx);
    idx += c.length;
  }
  c[idx] = val;
  return undefined;
}

function remove(c: Container, key: string): string | undefined {
  if (!Array.isArray(c)) {
    if (!hasOwn(c, key)) return `Unable to remove nonexistent key: ${key}: missing value`;
    delete c[key];
    return undefined;
  }
  const n = atoi(key);
  if (typeof n === 'string') return n;
  let idx = n;
  if (idx >= c.length) return invalidIndex(idx);
  if (idx < 0) {
    if (idx < -c.length) return invalidIndex(idx);
    idx += c.length;
  }
  c.splice(idx, 1);
  return undefined;
}

/**
 * findObject: the container holding the last path segment, and that segment. Paths are split on "/"
 * and the text before the first "/" is ignored. With `write`, containers on the way are made owned.
 */
function findObject(w: Working, path: string, write: boolean): { con: Container; key: string } | undefined {
  const split = path.split('/');
  if (split.length < 2) return undefined;
  let con = write ? w.ownRoot() : w.root;
  for (let i = 1; i < split.length - 1; i++) {
    const part = decodeKey(split[i]);
    const { value: next, error } = get(con, part);
    if (error !== undefined || next === undefined || next === null || typeof next !== 'object') return undefined;
    let child: Container = next;
    if (write) {
      child = w.own(next);
      if (child !== next) set(con, part, child);
    }
    con = child;
  }
  return { con, key: decodeKey(split[split.length - 1]) };
}

/** Reads a string field of an operation: [value] or [undefined, error text] (Operation.Path/From). */
function field(op: JsonPatchOperation, name: 'path' | 'from'): [string] | [undefined, string] {
  const v = hasOwn(op, name) ? (op as Record<string, unknown>)[name] : undefined;
  if (v === undefined || v === null) {
    return [undefined, name === 'path' ? 'operation missing path field: missing value' : 'operation, missing from field: missing value'];
  }
  if (typeof v !== 'string') return [undefined, `json: cannot unmarshal ${GO_JSON_KIND[goKind(v)]} into Go value of type string`];
  return [v];
}

/**
 * Applies the operations in order to `doc` (an object or array) and returns the result; `doc` and the
 * operations are not changed. Throws JsonPatchError with the library's message ('apply' → 422).
 */
export function applyJsonPatch(doc: unknown, operations: unknown): JsonValue {
  const ops = decodeJsonPatch(operations, 'Ignore');
  if (!isJsonObject(doc) && !Array.isArray(doc)) {
    const type = Array.isArray(doc) ? 'jsonpatch.partialArray' : 'jsonpatch.partialDoc';
    throw new JsonPatchError(`json: cannot unmarshal ${GO_JSON_KIND[goKind(doc)] ?? 'null'} into Go value of type ${type}`, 'apply');
  }
  const w = new Working(doc as Container);
  for (const op of ops) {
    const error = applyOne(w, op);
    if (error !== undefined) throw new JsonPatchError(error, 'apply');
  }
  return w.root;
}

function opValue(op: JsonPatchOperation): { present: boolean; value: JsonValue } {
  const present = hasOwn(op, 'value');
  return { present, value: present && op.value !== undefined ? (op.value as JsonValue) : null };
}

function applyOne(w: Working, op: JsonPatchOperation): string | undefined {
  const kind = typeof op.op === 'string' ? op.op : 'unknown';
  switch (kind) {
    case 'add': {
      const [path] = field(op, 'path');
      if (path === undefined) return 'add operation failed to decode path: missing value';
      const loc = findObject(w, path, true);
      if (!loc) return `add operation does not apply: doc is missing path: "${path}": missing value`;
      const err = add(loc.con, loc.key, opValue(op).value);
      return err && `error in add for path: '${path}': ${err}`;
    }
    case 'remove': {
      const [path] = field(op, 'path');
      if (path === undefined) return 'remove operation failed to decode path: missing value';
      const loc = findObject(w, path, true);
      if (!loc) return `remove operation does not apply: doc is missing path: "${path}": missing value`;
      const err = remove(loc.con, loc.key);
      return err && `error in remove for path: '${path}': ${err}`;
    }
    case 'replace': {
      const [path, perr] = field(op, 'path');
      if (path === undefined) return `replace operation failed to decode path: ${perr}`;
      if (path === '') {
        // Whole-document replace; a scalar value is silently ignored (the library wraps a nil error).
        const { value } = opValue(op);
        if (isJsonObject(value) || Array.isArray(value)) w.root = value;
        return undefined;
      }
      const loc = findObject(w, path, true);
      if (!loc) return `replace operation does not apply: doc is missing path: ${path}: missing value`;
      if (get(loc.con, loc.key).error !== undefined) {
        return `replace operation does not apply: doc is missing key: ${path}: missing value`;
      }
      const err = set(loc.con, loc.key, opValue(op).value);
      return err && `error in remove for path: '${path}': ${err}`;
    }
    case 'move': {
      const [from, ferr] = field(op, 'from');
      if (from === undefined) return `move operation failed to decode from: ${ferr}`;
      const src = findObject(w, from, true);
      if (!src) return `move operation does not apply: doc is missing from path: ${from}: missing value`;
      const got = get(src.con, src.key);
      if (got.error !== undefined) return `error in move for path: '${src.key}': ${got.error}`;
      const rerr = remove(src.con, src.key);
      if (rerr) return `error in move for path: '${src.key}': ${rerr}`;
      const [path, perr] = field(op, 'path');
      if (path === undefined) return `move operation failed to decode path: ${perr}`;
      const dst = findObject(w, path, true);
      if (!dst) return `move operation does not apply: doc is missing destination path: ${path}: missing value`;
      const err = add(dst.con, dst.key, got.value ?? null);
      return err && `error in move for path: '${path}': ${err}`;
    }
    case 'test': {
      const [path, perr] = field(op, 'path');
      if (path === undefined) return `test operation failed to decode path: ${perr}`;
      const { present, value } = opValue(op);
      if (path === '') return present && deepEqual(w.root, value) ? undefined : `testing value ${path} failed: test failed`;
      const loc = findObject(w, path, false);
      if (!loc) return `test operation does not apply: is missing path: ${path}: missing value`;
      const got = get(loc.con, loc.key);
      if (got.error !== undefined) return `error in test for path: '${path}': ${got.error}`;
      if (got.value === undefined || got.value === null) return value === null ? undefined : `testing value ${path} failed: test failed`;
      return present && deepEqual(got.value, value) ? undefined : `testing value ${path} failed: test failed`;
    }
    case 'copy': {
      const [from, ferr] = field(op, 'from');
      if (from === undefined) return `copy operation failed to decode from: ${ferr}`;
      const src = findObject(w, from, false);
      if (!src) return `copy operation does not apply: doc is missing from path: ${from}: missing value`;
      const got = get(src.con, src.key);
      if (got.error !== undefined) return `error in copy for from: '${from}': ${got.error}`;
      const [path] = field(op, 'path');
      if (path === undefined) return 'copy operation failed to decode path: missing value';
      const dst = findObject(w, path, true);
      if (!dst) return `copy operation does not apply: doc is missing destination path: ${path}: missing value`;
      // Sharing the subtree is a deep copy in effect, as long as nothing is written in place afterwards.
      const err = add(dst.con, dst.key, got.value ?? null);
      w.disown();
      return err && `error while adding value during copy: ${err}`;
    }
    default:
      return `Unexpected kind: ${kind}`;
  }
}
