// Path elements of a field path as FieldsV1 serializes them (`f:name`, `k:{"name":"web"}`, `v:"x"`,
// `i:0`), their total order, and the `.spec.containers[name="web"]` form conflicts and errors print.
// mirrors: structured-merge-diff/v4 fieldpath/element.go, serialize-pe.go, value/fields.go (Compare)

/** A serialized path element: `f:…` field, `k:{…}` list item by key, `v:…` set item, `i:N` index. */
export type PathElement = string;

/** The self marker inside a FieldsV1 node: the node's own path is a member. */
export const SELF = '.';

/** Go's encoding/json string escaping (HTML-safe), as jsoniter's standard-library mode writes it. */
export function goJsonString(s: string): string {
  let out = JSON.stringify(s);
  if (/[<>&\u2028\u2029]/.test(out)) {
    out = out.replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
  }
  return out;
}

/** A JSON value as Go marshals it (map keys sorted, HTML escaping). */
export function goJson(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goJsonString(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return '[' + v.map(goJson).join(',') + ']';
  const o = v as Record<string, unknown>;
  return '{' + Object.keys(o).sort().map((k) => goJsonString(k) + ':' + goJson(o[k])).join(',') + '}';
}

export function fieldElement(name: string): PathElement {
  return 'f:' + name;
}

const singleKeys = new Map<string, Map<unknown, PathElement>>();

/** `k:{"containerPort":80,"protocol":"TCP"}`: key fields sorted by name. */
export function keyElement(fields: [string, unknown][]): PathElement {
  if (fields.length === 1 && (typeof fields[0][1] === 'string' || typeof fields[0][1] === 'number')) {
    // One scalar key (name, type, uid, ip): the common case, memoized.
    const [n, v] = fields[0];
    let byValue = singleKeys.get(n);
    if (!byValue) singleKeys.set(n, (byValue = new Map()));
    let pe = byValue.get(v);
    if (pe === undefined) {
      if (byValue.size > 100_000) byValue.clear();
      pe = 'k:{' + goJsonString(n) + ':' + goJson(v) + '}';
      byValue.set(v, pe);
    }
    return pe;
  }
  fields.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return 'k:{' + fields.map(([n, v]) => goJsonString(n) + ':' + goJson(v)).join(',') + '}';
}

export function valueElement(v: unknown): PathElement {
  return 'v:' + goJson(v);
}

export function indexElement(i: number): PathElement {
  return 'i:' + i;
}

const canonical = new Map<string, string | null>();

/**
 * A serialized element as the apiserver writes it back after reading (DeserializePathElement, then
 * SerializePathElement): key fields sorted, values re-encoded, `i:01` as `i:1`. Null for an element of an
 * unknown type (`r:x`: dropped on read); throws on a malformed one.
 */
export function canonicalElement(pe: string): string | null {
  const hit = canonical.get(pe);
  if (hit !== undefined) return hit;
  const out = parseElement(pe);
  if (canonical.size > 50_000) canonical.clear();
  canonical.set(pe, out);
  return out;
}

function parseElement(pe: string): string | null {
  if (pe.length < 2) throw new Error('key must be 2 characters long:');
  if (pe[1] !== ':') throw new Error(`missing colon: ${pe}`);
  const body = pe.slice(2);
  switch (pe[0]) {
    case 'f':
      return pe;
    case 'v':
      return valueElement(JSON.parse(body) as unknown);
    case 'k': {
      const v = JSON.parse(body) as unknown;
      if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Error('ReadObjectCB: expect { or n');
      return keyElement(Object.entries(v as Record<string, unknown>));
    }
    case 'i':
      if (!/^[+-]?\d+$/.test(body)) throw new Error(`strconv.Atoi: parsing ${JSON.stringify(body)}: invalid syntax`);
      return indexElement(Number(body) || 0);
  }
  return null;
}

// ---- order (PathElement.Compare) ----

const RANK: Record<string, number> = { f: 0, k: 1, v: 2, i: 3 };
const parsed = new Map<string, unknown>();

function parsedValue(pe: string): unknown {
  let v = parsed.get(pe);
  if (v === undefined) {
    if (parsed.size > 50_000) parsed.clear();
    v = JSON.parse(pe.slice(2)) as unknown;
    parsed.set(pe, v);
  }
  return v;
}

/** value.Compare: numbers < strings < booleans < lists < maps < null. */
export function compareValues(a: unknown, b: unknown): number {
  const ra = valueRank(a);
  const rb = valueRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case 0:
      return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
    case 1:
      return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
    case 2:
      return a === b ? 0 : a ? 1 : -1;
    case 3: {
      const la = a as unknown[];
      const lb = b as unknown[];
      for (let i = 0; i < la.length && i < lb.length; i++) {
        const c = compareValues(la[i], lb[i]);
        if (c) return c;
      }
      return la.length - lb.length < 0 ? -1 : la.length > lb.length ? 1 : 0;
    }
    case 4: {
      const ka = Object.keys(a as object).sort();
      const kb = Object.keys(b as object).sort();
      for (let i = 0; i < ka.length && i < kb.length; i++) {
        if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
        const c = compareValues((a as Record<string, unknown>)[ka[i]], (b as Record<string, unknown>)[kb[i]]);
        if (c) return c;
      }
      return ka.length < kb.length ? -1 : ka.length > kb.length ? 1 : 0;
    }
  }
  return 0;
}

function valueRank(v: unknown): number {
  if (typeof v === 'number') return 0;
  if (typeof v === 'string') return 1;
  if (typeof v === 'boolean') return 2;
  if (Array.isArray(v)) return 3;
  if (v !== null && typeof v === 'object') return 4;
  return 5;
}

/** The order of path elements in a set: fields, then keys, then values, then indexes. */
export function compareElements(a: PathElement, b: PathElement): number {
  if (a === b) return 0;
  if (a.charCodeAt(0) === 102 && b.charCodeAt(0) === 102) return a < b ? -1 : 1; // two fields (f:)
  if (a === SELF) return -1;
  if (b === SELF) return 1;
  const ra = RANK[a[0]] ?? 4;
  const rb = RANK[b[0]] ?? 4;
  if (ra !== rb) return ra < rb ? -1 : 1;
  switch (a[0]) {
    case 'f':
      return a < b ? -1 : 1;
    case 'i':
      return Number(a.slice(2)) < Number(b.slice(2)) ? -1 : 1;
    case 'k': {
      // FieldList.Compare: name, then value, field by field (keys are sorted by name).
      const fa = Object.entries(parsedValue(a) as Record<string, unknown>);
      const fb = Object.entries(parsedValue(b) as Record<string, unknown>);
      for (let i = 0; i < fa.length && i < fb.length; i++) {
        if (fa[i][0] !== fb[i][0]) return fa[i][0] < fb[i][0] ? -1 : 1;
        const c = compareValues(fa[i][1], fb[i][1]);
        if (c) return c;
      }
      return fa.length < fb.length ? -1 : fa.length > fb.length ? 1 : a < b ? -1 : 1;
    }
    default:
      return compareValues(parsedValue(a), parsedValue(b)) || (a < b ? -1 : 1);
  }
}

// ---- display (PathElement.String) ----

/** A key value as value.ToString prints it: strings %q-quoted. */
function valueString(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'object') return goJson(v);
  return String(v);
}

/** `.name`, `[name="web"]`, `[="x"]`, `[0]`. */
export function elementString(pe: PathElement): string {
  switch (pe[0]) {
    case 'f':
      return '.' + pe.slice(2);
    case 'k': {
      const fields = Object.entries(parsedValue(pe) as Record<string, unknown>);
      return '[' + fields.map(([n, v]) => `${n}=${valueString(v)}`).join(',') + ']';
    }
    case 'v':
      return `[=${valueString(parsedValue(pe))}]`;
    case 'i':
      return `[${pe.slice(2)}]`;
  }
  return '{{invalid path element}}';
}

/** A path as fieldpath.Path.String prints it: `.spec.template.spec.containers[name="web"].image`. */
export function pathString(path: readonly PathElement[]): string {
  let s = '';
  for (const pe of path) s += elementString(pe);
  return s;
}
