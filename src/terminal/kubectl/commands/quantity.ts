// Exact resource.Quantity arithmetic for what kubectl top prints: parse ("1234567n", "12Mi", "1.5",
// "2e3"), add, and Value()/MilliValue() rounded up like Go's ScaledValue.
// mirrors: apimachinery/pkg/api/resource/quantity.go (ParseQuantity, ScaledValue, Add)

/** value = n × 10^e10 × 2^e2, with n an integer. */
export interface Quantity {
  n: bigint;
  e10: number;
  e2: number;
}

const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

export const ZERO: Quantity = { n: 0n, e10: 0, e2: 0 };

/** Parses a quantity string; undefined if it is not one. */
export function parseQuantity(s: string): Quantity | undefined {
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(.*)$/.exec(s.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const digits = (m[2] || '0') + (m[3] ?? '');
  let n = BigInt(digits) * (m[1] === '-' ? -1n : 1n);
  let e10 = -(m[3] ?? '').length;
  let e2 = 0;
  const suffix = m[4];
  if (suffix in DECIMAL) e10 += DECIMAL[suffix];
  else if (suffix in BINARY) e2 = BINARY[suffix];
  else {
    const e = /^[eE]([+-]?[0-9]+)$/.exec(suffix);
    if (!e) return undefined;
    e10 += Number(e[1]);
  }
  if (n === 0n) return ZERO;
  return { n, e10, e2 };
}

/** The exact value as a fraction num/den. */
function fraction(q: Quantity): { num: bigint; den: bigint } {
  let num = q.n;
  let den = 1n;
  if (q.e10 >= 0) num *= 10n ** BigInt(q.e10);
  else den *= 10n ** BigInt(-q.e10);
  num *= 2n ** BigInt(q.e2);
  return { num, den };
}

/** ScaledValue(scale): ceil(value × 10^-scale) — Value() is scale 0, MilliValue() scale -3. */
export function scaledValue(q: Quantity, scale: number): number {
  let { num, den } = fraction(q);
  if (scale <= 0) num *= 10n ** BigInt(-scale);
  else den *= 10n ** BigInt(scale);
  let v = num / den;
  if (num % den !== 0n && num > 0n) v += 1n;
  return Number(v);
}

export function value(q: Quantity): number {
  return scaledValue(q, 0);
}

export function milliValue(q: Quantity): number {
  return scaledValue(q, -3);
}

/** Exact sum of two quantities. */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  const fa = fraction(a);
  const fb = fraction(b);
  const den = fa.den * fb.den;
  const num = fa.num * fb.den + fb.num * fa.den;
  // Keep it exact: represent num/den with den a power of ten (it always is: products of 10^k).
  const k = den.toString().length - 1;
  return { n: num, e10: -k, e2: 0 };
}
