// The values go-yaml decodes into interface{} — kept with their Go types (int, uint64, float64, map with
// interface keys) until the JSON conversion, because key spelling and error texts depend on them.
// mirrors: go-yaml v2 decode.go (map[interface{}]interface{}, []interface{}), fmt %#v of those

import { formatFloatG, goQuote } from './gofmt';

/** A float64 (a plain JS number stands for a Go int that fits in 53 bits). */
export class GoFloat {
  constructor(readonly v: number) {}
}

/** A Go int beyond 2^53, or a uint64 beyond int64 (exact). */
export class GoBig {
  constructor(readonly v: bigint, readonly unsigned: boolean) {}
}

export type GoValue = null | boolean | string | number | GoFloat | GoBig | GoValue[] | GoMap;

/** map[interface{}]interface{}: keys compare by type and value, as Go map keys do. */
export class GoMap {
  readonly entries = new Map<string, { key: GoValue; value: GoValue }>();

  set(key: GoValue, value: GoValue): void {
    this.entries.set(identity(key), { key, value });
  }

  has(key: GoValue): boolean {
    return this.entries.has(identity(key));
  }
}

function identity(k: GoValue): string {
  if (k === null) return 'n';
  switch (typeof k) {
    case 'string': return `s${k}`;
    case 'number': return `i${k}`;
    case 'boolean': return k ? 'b1' : 'b0';
  }
  if (k instanceof GoFloat) return `f${k.v}`;
  if (k instanceof GoBig) return `${k.unsigned ? 'u' : 'i'}${k.v}`;
  throw new Error('internal error: a map or slice as a map key'); // refused before they get here
}

/** fmt's %#v of a decoded value (nested: nil is interface {}(nil)). */
export function goSharpV(v: GoValue, nested = false): string {
  if (v === null) return nested ? 'interface {}(nil)' : '<nil>';
  switch (typeof v) {
    case 'string': return goQuote(v);
    case 'number': return String(v);
    case 'boolean': return String(v);
  }
  if (v instanceof GoFloat) return formatFloatG(v.v, 64);
  if (v instanceof GoBig) return v.unsigned ? `0x${v.v.toString(16)}` : v.v.toString();
  if (Array.isArray(v)) return `[]interface {}{${v.map((x) => goSharpV(x, true)).join(', ')}}`;
  const items = [...v.entries.values()].sort((a, b) => compareKeys(a.key, b.key));
  return `map[interface {}]interface {}{${items.map((e) => `${goSharpV(e.key, true)}:${goSharpV(e.value, true)}`).join(', ')}}`;
}

/** fmt sorts map keys: nil first, then by type, then by value. */
function compareKeys(a: GoValue, b: GoValue): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  const x = num(a);
  const y = num(b);
  if (x !== undefined && y !== undefined) return x < y ? -1 : x > y ? 1 : 0;
  const s = String(a);
  const t = String(b);
  return s < t ? -1 : s > t ? 1 : 0;
}

function rank(k: GoValue): number {
  if (k === null) return 0;
  if (typeof k === 'boolean') return 1;
  if (typeof k === 'number' || (k instanceof GoBig && !k.unsigned)) return 2;
  if (k instanceof GoBig) return 3;
  if (k instanceof GoFloat) return 4;
  return 5;
}

function num(k: GoValue): number | bigint | undefined {
  if (typeof k === 'number' || typeof k === 'boolean') return Number(k);
  if (k instanceof GoBig) return k.v;
  if (k instanceof GoFloat) return k.v;
  return undefined;
}
