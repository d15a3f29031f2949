// What the typed walkers share: the path element of an associative list item and validation errors.
// mirrors: structured-merge-diff/v4 typed/helpers.go

import { keyElement, valueElement, pathString, type PathElement } from '../path-element';
import type { ListType } from '../schema';

/** A problem in a value against its schema, at a path (typed.ValidationError). */
export class ValidationError extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(path ? `${path}: ${detail}` : detail);
  }
}

/** ValidationErrors.Error(): one error as is, several as an indented list. */
export function validationMessage(errs: readonly ValidationError[]): string {
  if (errs.length === 1) return errs[0].message;
  return ['errors:', ...errs.map((e) => '  ' + e.message)].join('\n');
}

export class ItemError extends Error {}

function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The element naming an associative list item: `k:{…}` by key fields (defaults filled), `v:…` for sets. */
export function itemElement(list: ListType, item: unknown): PathElement {
  if (list.atomic) throw new ItemError('invalid indexing of non-associative list');
  if (list.keys.length > 0) {
    if (item === null || item === undefined) throw new ItemError('associative list with keys may not have a null element');
    if (!isMap(item)) throw new ItemError('associative list with keys may not have non-map elements');
    if (list.keys.length === 1) {
      const k = list.keys[0];
      let v = item[k];
      if (v === undefined) v = keyDefault(list, k);
      return keyElement([[k, v]]);
    }
    const fields: [string, unknown][] = [];
    for (const k of list.keys) fields.push([k, item[k] !== undefined ? item[k] : keyDefault(list, k)]);
    return keyElement(fields);
  }
  if (isMap(item)) throw new ItemError("associative list without keys has an element that's a map type");
  if (Array.isArray(item)) throw new ItemError('not supported: associative list with lists as elements');
  if (item === null || item === undefined) throw new ItemError("associative list without keys has an element that's an explicit null");
  return valueElement(item);
}

function keyDefault(list: ListType, k: string): unknown {
  const map = list.elem.map;
  if (!map) throw new ItemError(`couldn't find default value for ${k}: associative list may not have non-map types`);
  const def = map.field(k)?.default;
  if (def === undefined || def === null) throw new ItemError(`associative list with keys has an element that omits key field "${k}" (and doesn't have default value)`);
  return def;
}

/** A path's printed form from a walker's element stack. */
export function at(path: readonly PathElement[]): string {
  return pathString(path);
}

export { isMap };
