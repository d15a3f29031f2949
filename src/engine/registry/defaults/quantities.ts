// Canonical text of quantity-valued fields, as a stored object carries them after decoding and defaulting.
// mirrors: SetDefaults_ResourceList (pkg/apis/core/v1/defaults.go) and resource.Quantity JSON round-trip

import { tryParseQuantity } from '../../util/quantity';

type QuantityMap = Record<string, string | number>;

/**
 * Rounds each value up to milli precision and rewrites it as Quantity.String() would (`0.5` → `500m`).
 * Values that do not parse are left untouched: the decoder rejects them (see findQuantityError).
 */
export function defaultResourceList<T extends QuantityMap>(list: T): T {
  const out: QuantityMap = {};
  for (const [k, v] of Object.entries(list)) {
    const q = tryParseQuantity(v);
    out[k] = q ? q.roundUpToMilli().toString() : v;
  }
  return out as T;
}

/** Canonical text of one quantity (no rounding), untouched when it does not parse. */
export function canonicalQuantityField(v: string | number): string | number {
  const q = tryParseQuantity(v);
  return q ? q.toString() : v;
}

/** Canonical text of every value in a map of quantities (no rounding). */
export function canonicalQuantityMap<T extends QuantityMap>(list: T): T {
  const out: QuantityMap = {};
  for (const [k, v] of Object.entries(list)) out[k] = canonicalQuantityField(v);
  return out as T;
}
