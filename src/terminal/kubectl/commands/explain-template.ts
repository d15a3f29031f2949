// kubectl explain's plaintext rendering of an OpenAPI v3 group-version document: the KIND/VERSION header,
// DESCRIPTION, FIELD and FIELDS sections, type guesses (<[]Container>, <map[string]string>), enums and
// -required-, following $ref/allOf/items/additionalProperties exactly as kubectl's template walks them.
// mirrors: kubectl/pkg/explain/v2/templates/plaintext.tmpl, kubectl/pkg/explain/v2/funcs.go

import { wrapString } from './wordwrap';

// Loosely typed on purpose: the template walks arbitrary JSON.
type Json = unknown;
type Obj = Record<string, Json>;

export interface ExplainGVR {
  group: string;
  version: string;
  resource: string;
}

export interface ExplainResult {
  /** What kubectl writes to stdout (also when it then fails: the header is already out). */
  out: string;
  /** The `error: …` line kubectl ends with, if any. */
  error?: string;
}

/** Go template truthiness: nil, false, 0, "" and empty maps/slices are false. */
function truthy(v: Json): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v as Obj).length > 0;
  return true;
}

function isObj(v: Json): v is Obj {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function field(v: Json, key: string): Json {
  return isObj(v) ? v[key] : undefined;
}

/** Go's text/template ranges over a map in sorted key order. */
function sortedKeys(o: Obj): string[] {
  return Object.keys(o).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** additionalProperties that is a schema (not `true`/`false`). */
function additional(s: Json): Json {
  const a = field(s, 'additionalProperties');
  return typeof a === 'boolean' ? undefined : a;
}

function indent(amount: number, s: string): string {
  const pad = ' '.repeat(amount);
  return pad + s.split('\n').join('\n' + pad);
}

class ExplainError extends Error {}

class Renderer {
  constructor(
    private readonly doc: Obj,
    private readonly recursive: boolean,
  ) {}

  /** resolveRef: a `#/components/schemas/…` fragment looked up in the document; anything else → undefined. */
  resolveRef(ref: Json): Obj | undefined {
    if (typeof ref !== 'string' || !ref.startsWith('#') || ref.length < 2) return undefined;
    let cur: Json = this.doc;
    for (const k of ref.slice(1).split('/')) {
      if (k === '') continue;
      const next = field(cur, decodeURIComponent(k.replace(/~1/g, '/').replace(/~0/g, '~')));
      if (!isObj(next)) return undefined;
      cur = next;
    }
    return cur as Obj;
  }

  private resolved(schema: Json, ref: string): Json {
    const r = this.resolveRef(ref);
    return truthy(r) ? r : schema;
  }

  output(schema: Json, history: Record<string, boolean>, path: string[]): string {
    const ref = typeof field(schema, '$ref') === 'string' ? (field(schema, '$ref') as string) : '';
    const next = { ...history, [ref]: true };
    const resolved = this.resolved(schema, ref);
    if (path.length === 0) {
      let s = 'DESCRIPTION:\n';
      s += indent(4, wrapString(this.description(resolved) || '<empty>', 76)) + '\n';
      const fields = this.fieldList(resolved, 1, {});
      if (fields) s += 'FIELDS:\n' + fields;
      return s;
    }
    if (ref && history[ref]) return '';
    const props = field(resolved, 'properties');
    if (truthy(props) && truthy(field(props, path[0]))) {
      const sub = field(props, path[0]);
      let s = '';
      if (path.length === 1) {
        s += `FIELD: ${path[0]} <${this.typeGuess(sub)}>\n` + this.extractEnum(sub, true, -1, 0) + '\n\n';
      }
      return s + this.output(sub, {}, path.slice(1));
    }
    if (truthy(field(resolved, 'items'))) return this.output(field(resolved, 'items'), next, path);
    if (truthy(additional(resolved))) return this.output(additional(resolved), next, path);
    const allOf = field(resolved, 'allOf');
    if (Array.isArray(allOf)) {
      for (const sub of allOf) {
        const s = this.output(sub, next, path);
        if (s) return s;
      }
    }
    return '';
  }

  fieldList(schema: Json, level: number, history: Record<string, boolean>): string {
    const ref = typeof field(schema, '$ref') === 'string' ? (field(schema, '$ref') as string) : '';
    if (ref && history[ref]) return '';
    const next = { ...history, [ref]: true };
    const resolved = this.resolved(schema, ref);
    let s = '';
    const props = field(resolved, 'properties');
    if (isObj(props)) {
      for (const k of sortedKeys(props)) {
        s += this.fieldDetail(k, resolved, this.recursive, level);
        if (this.recursive) s += this.fieldList(props[k], level + 1, next);
      }
    }
    const allOf = field(resolved, 'allOf');
    if (Array.isArray(allOf)) for (const sub of allOf) s += this.fieldList(sub, level, next);
    if (truthy(field(resolved, 'items'))) s += this.fieldList(field(resolved, 'items'), level, next);
    if (truthy(additional(resolved))) s += this.fieldList(additional(resolved), level, next);
    return s;
  }

  fieldDetail(name: string, schema: Json, short: boolean, level: number): string {
    const amount = level * 2;
    const fs = field(field(schema, 'properties'), name);
    let s = indent(amount, name) + `\t<${this.typeGuess(fs)}>`;
    const required = field(schema, 'required');
    if (Array.isArray(required) && required.includes(name)) s += ' -required-';
    s += this.extractEnum(fs, false, 4, amount);
    s += '\n';
    if (!short) {
      const d = field(fs, 'description');
      s += indent(amount + 2, wrapString(typeof d === 'string' && d ? d : '<no description>', 78 - amount)) + '\n\n';
    }
    return s;
  }

  description(schema: Json): string {
    const s = this.resolveRef(field(schema, '$ref')) ?? schema;
    if (!truthy(s)) return '';
    let out = '';
    const d = field(s, 'description');
    if (truthy(d)) out += String(d) + '\n';
    const allOf = field(s, 'allOf');
    if (Array.isArray(allOf)) for (const a of allOf) out += this.description(a);
    if (truthy(field(s, 'items'))) out += this.description(field(s, 'items'));
    if (truthy(additional(s))) out += this.description(additional(s));
    return out;
  }

  typeGuess(s: Json): string {
    if (!truthy(s)) throw new ExplainError('expected schema argument to subtemplate \'typeguess\'');
    if (truthy(field(s, 'items'))) return '[]' + this.typeGuess(field(s, 'items'));
    if (truthy(additional(s))) return 'map[string]' + this.typeGuess(additional(s));
    const allOf = field(s, 'allOf');
    if (truthy(allOf) && !truthy(field(s, 'properties')) && Array.isArray(allOf) && allOf.length === 1) return this.typeGuess(allOf[0]);
    const ref = field(s, '$ref');
    if (truthy(ref)) {
      const target = this.resolveRef(ref);
      const t = field(target, 'type');
      if (!truthy(target) || !truthy(t) || t === 'object') {
        const name = String(ref).split('/').pop() ?? '';
        return name.split('.').pop() || 'Object';
      }
      return String(t);
    }
    const t = field(s, 'type');
    if (t === 'object') return 'Object';
    return truthy(t) ? String(t) : 'Object';
  }

  extractEnum(s: Json, long: boolean, limit: number, amount: number): string {
    const values = field(s, 'enum');
    if (!truthy(s) || !Array.isArray(values) || values.length === 0) return '';
    let out = long ? 'ENUM:' : '\n' + ' '.repeat(amount) + 'enum: ';
    for (let i = 0; i < values.length; i++) {
      if (limit > -1 && i >= limit) {
        out += ', ....';
        break;
      }
      if (i > 0 && !long) out += ', ';
      else if (long) out += '\n    ';
      const v = values[i];
      out += v === '' ? '""' : goValue(v);
    }
    return out;
  }
}

/** fmt's %v of a JSON-decoded value (strings as is, float64 numbers the way Go prints them). */
function goValue(v: Json): string {
  if (typeof v === 'number') return goFloat(v);
  if (v === null || v === undefined) return '<nil>';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** %v of a float64: shortest digits, exponent form below 1e-4 and from 1e6 (`1e+06`). */
function goFloat(v: number): string {
  if (v === 0 || !Number.isFinite(v)) return String(v);
  const [mant, e] = v.toExponential().split('e');
  const exp = Number(e);
  if (exp < -4 || exp >= 6) return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(v);
}

/** Go's %v of a map[string]interface{}: `map[group:apps kind:Deployment version:v1]`. */
function goMap(m: Obj): string {
  return `map[${sortedKeys(m).map((k) => `${k}:${goValue(m[k])}`).join(' ')}]`;
}

/** GroupVersionResource.String(): `apps/v1, Resource=deployments` (core: `/v1, Resource=pods`). */
export function gvrString(g: ExplainGVR): string {
  return `${g.group}/${g.version}, Resource=${g.resource}`;
}

function sameGvk(a: Json, b: Obj): boolean {
  if (!isObj(a)) return false;
  const ka = sortedKeys(a);
  const kb = sortedKeys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
}

/** Renders `kubectl explain` for a resource (and a field path in it) from its group-version document. */
export function renderExplain(doc: Obj, gvr: ExplainGVR, path: string[], recursive: boolean): ExplainResult {
  const r = new Renderer(doc, recursive);
  const prefix = gvr.group ? `/apis/${gvr.group}` : '/api';
  const base = `${prefix}/${gvr.version}`;
  const searchPaths = [
    `${base}/${gvr.resource}`,
    `${base}/${gvr.resource}/{name}`,
    `${base}/namespaces/{namespace}/${gvr.resource}`,
    `${base}/namespaces/{namespace}/${gvr.resource}/{name}`,
  ];
  let gvk: Json;
  const paths = field(doc, 'paths');
  for (const p of searchPaths) {
    const el = field(paths, p);
    if (!truthy(el)) continue;
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const op = field(el, method);
      if (!truthy(op)) continue;
      // The template assigns on every visited operation, then stops at the first that has one.
      gvk = field(op, 'x-kubernetes-group-version-kind');
      if (truthy(gvk)) break;
    }
  }
  if (!truthy(gvk) || !isObj(gvk)) return { out: '', error: `error: GVR (${gvrString(gvr)}) not found in OpenAPI schema` };
  let out = '';
  if (truthy(gvk.group)) out += `GROUP:      ${goValue(gvk.group)}\n`;
  out += `KIND:       ${goValue(gvk.kind)}\n`;
  out += `VERSION:    ${goValue(gvk.version)}\n\n`;
  const schemas = field(field(doc, 'components'), 'schemas');
  try {
    if (isObj(schemas)) {
      for (const name of sortedKeys(schemas)) {
        const s = schemas[name];
        const list = field(s, 'x-kubernetes-group-version-kind');
        if (!Array.isArray(list) || !list.some((x) => sameGvk(x, gvk as Obj))) continue;
        const body = r.output(s, {}, path);
        if (!body) return { out, error: `error: field "${path[path.length - 1]}" does not exist` };
        return { out: out + body + '\n' };
      }
    }
  } catch (e) {
    if (e instanceof ExplainError) return { out, error: e.message };
    throw e;
  }
  return { out, error: `error: GVK ${goMap(gvk)} not found in OpenAPI schema` };
}
