// Validation of an applied configuration against the kind's structural schema: undeclared fields, wrong
// scalar types, malformed or duplicate associative list items — the errors of "failed to create typed
// patch object". Map keys are visited in sorted order (Go's map order is random).
// mirrors: structured-merge-diff/v4 typed/validate.go

import { fieldElement, indexElement, pathString, type PathElement } from '../path-element';
import { pick, entryType, type Atom, type ScalarKind } from '../schema';
import { itemElement, ItemError, ValidationError, isMap } from './items';

export function validate(atom: Atom, value: unknown): ValidationError[] {
  const errs: ValidationError[] = [];
  walk(atom, value, [], errs);
  return errs;
}

function walk(atom: Atom, v: unknown, path: PathElement[], errs: ValidationError[]): void {
  switch (pick(atom, v)) {
    case 'scalar':
      return scalar(atom.scalar!, v, path, errs);
    case 'list':
      return list(atom, v, path, errs);
    case 'map':
      return map(atom, v, path, errs);
  }
  errs.push(new ValidationError(pathString(path), 'schema error: invalid atom: inlined'));
}

function scalar(kind: ScalarKind, v: unknown, path: PathElement[], errs: ValidationError[]): void {
  if (v === null || v === undefined) return;
  let detail: string | undefined;
  switch (kind) {
    case 'numeric':
      if (typeof v !== 'number') detail = `expected numeric (int or float), got ${goType(v)}`;
      break;
    case 'string':
      if (typeof v !== 'string') detail = `expected string, got &value.valueUnstructured{Value:${goSharpV(v)}}`;
      break;
    case 'boolean':
      if (typeof v !== 'boolean') detail = `expected boolean, got &{${goV(v)}}`;
      break;
    default:
      if (typeof v === 'object') detail = `expected any scalar, got &{${goV(v)}}`;
  }
  if (detail) errs.push(new ValidationError(pathString(path), detail));
}

function list(atom: Atom, v: unknown, path: PathElement[], errs: ValidationError[]): void {
  if (v === null || v === undefined) return;
  if (!Array.isArray(v)) {
    errs.push(new ValidationError(pathString(path), `expected list, got &{${goV(v)}}`));
    return;
  }
  const t = atom.list!;
  const seen = new Set<string>();
  for (let i = 0; i < v.length; i++) {
    let pe: PathElement;
    if (t.atomic) pe = indexElement(i);
    else {
      try {
        pe = itemElement(t, v[i]);
      } catch (e) {
        if (!(e instanceof ItemError)) throw e;
        errs.push(new ValidationError(pathString(path), `element ${i}: ${e.message}`));
        return;
      }
      if (seen.has(pe)) errs.push(new ValidationError(pathString(path), `duplicate entries for key ${pathString([pe])}`));
      seen.add(pe);
    }
    path.push(pe);
    walk(t.elem, v[i], path, errs);
    path.pop();
  }
}

function map(atom: Atom, v: unknown, path: PathElement[], errs: ValidationError[]): void {
  if (v === null || v === undefined) return;
  if (!isMap(v)) {
    errs.push(new ValidationError(pathString(path), `expected map, got &{${goV(v)}}`));
    return;
  }
  const t = atom.map!;
  for (const k of Object.keys(v).sort()) {
    const type = entryType(t, k);
    path.push(fieldElement(k));
    if (!type) {
      errs.push(new ValidationError(pathString(path), 'field not declared in schema'));
      path.pop();
      return;
    }
    walk(type, v[k], path, errs);
    path.pop();
  }
}

/** Go's %T of a decoded JSON value. */
function goType(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}

/** Go's %v of a decoded JSON value. */
function goV(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return '[' + v.map(goV).join(' ') + ']';
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return 'map[' + Object.keys(o).sort().map((k) => `${k}:${goV(o[k])}`).join(' ') + ']';
  }
  return String(v);
}

/** Go's %#v of a decoded JSON value. */
function goSharpV(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return '[]interface {}{' + v.map(goSharpV).join(', ') + '}';
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return 'map[string]interface {}{' + Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${goSharpV(o[k])}`).join(', ') + '}';
  }
  return String(v);
}
