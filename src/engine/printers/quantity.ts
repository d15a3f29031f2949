// Canonical Kubernetes quantity strings ("1536Mi", "500m", "2k"): what the API server serialises and
// what Quantity.String() prints in table cells, whatever spelling the client sent.
// mirrors: staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go (ParseQuantity, CanonicalizeBytes)

type Format = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** value × 10^scale, with the format the suffix asked for. */
interface Amount {
  value: bigint;
  scale: number;
  format: Format;
}

const DECIMAL_EXPONENT: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_EXPONENT: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_SUFFIX = new Map(Object.entries(DECIMAL_EXPONENT).map(([s, e]) => [e, s]));
const BINARY_SUFFIX = new Map(Object.entries(BINARY_EXPONENT).map(([s, e]) => [e, s]));

const QUANTITY = /^([+-]?)([0-9]*)(?:\.([0-9]*))?([eEinumkKMGTP]*(?:[+-]?[0-9]+)?)$/;
const NANO = -9;

function parse(str: string): Amount | undefined {
  const m = QUANTITY.exec(str);
  if (!m || str === '') return undefined;
  const [, sign, num = '', denom = '', suffix = ''] = m;
  let format: Format;
  let base10 = 0;
  let base2 = 0;
  if (suffix in DECIMAL_EXPONENT) {
    format = 'DecimalSI';
    base10 = DECIMAL_EXPONENT[suffix]!;
  } else if (suffix in BINARY_EXPONENT) {
    format = 'BinarySI';
    base2 = BINARY_EXPONENT[suffix]!;
  } else if (/^[eE][+-]?[0-9]+$/.test(suffix)) {
    format = 'DecimalExponent';
    base10 = Number(suffix.slice(1));
  } else {
    return undefined;
  }
  let value = BigInt((num + denom).replace(/^0+/, '') || '0');
  let scale = base10 - denom.length;
  if (base2 > 0) value *= 1n << BigInt(base2);
  if (sign === '-') value = -value;
  // Non-zero amounts finer than a nano are rounded away from zero to one nano (upstream inf.RoundUp).
  if (scale < NANO) {
    const div = 10n ** BigInt(NANO - scale);
    const q = value / div;
    value = value % div === 0n ? q : q + (value < 0n ? -1n : 1n);
    scale = NANO;
  }
  if (format === 'BinarySI' && value !== 0n && scale < 0 && abs(value) < 10n ** BigInt(-scale)) {
    format = 'DecimalSI'; // 0 < |amount| < 1 cannot be written in binary units
  }
  return { value, scale, format };
}

function abs(v: bigint): bigint {
  return v < 0n ? -v : v;
}

/** The amount as an integer, or undefined when it has a fractional part. */
function asInteger(a: Amount): bigint | undefined {
  if (a.scale >= 0) return a.value * 10n ** BigInt(a.scale);
  const div = 10n ** BigInt(-a.scale);
  return a.value % div === 0n ? a.value / div : undefined;
}

function canonical(a: Amount): string {
  if (a.value === 0n) return '0';
  let format = a.format;
  let integer: bigint | undefined;
  if (format === 'BinarySI') {
    integer = asInteger(a);
    // Small or fractional binary amounts print in decimal units rather than lose precision.
    if (integer === undefined || abs(integer) < 1024n) format = 'DecimalSI';
  }
  if (format === 'BinarySI' && integer !== undefined) {
    let exp = 0;
    while (integer % 1024n === 0n) {
      integer /= 1024n;
      exp += 10;
    }
    return `${integer}${BINARY_SUFFIX.get(exp) ?? ''}`;
  }
  let mantissa = a.value;
  let exp = a.scale;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exp++;
  }
  const r = ((exp % 3) + 3) % 3;
  if (r !== 0) {
    mantissa *= 10n ** BigInt(r);
    exp -= r;
  }
  if (format === 'DecimalExponent') return exp === 0 ? `${mantissa}` : `${mantissa}e${exp}`;
  return `${mantissa}${DECIMAL_SUFFIX.get(exp) ?? ''}`;
}

/** Quantity.String() of a serialised quantity; unparsable input is returned unchanged. */
export function canonicalQuantity(q: string | number): string {
  const s = typeof q === 'number' ? String(q) : q.trim();
  if (s === '0') return '0';
  const parsed = parse(s);
  return parsed ? canonical(parsed) : s;
}

/** A map entry of a ResourceList as printed: a missing entry is the zero Quantity, "0". */
export function quantityOrZero(q: string | number | undefined | null): string {
  return q === undefined || q === null ? '0' : canonicalQuantity(q);
}

/** A *Quantity as printed: nil prints "<nil>" (Quantity.String on a nil pointer). */
export function quantityOrNil(q: string | number | undefined | null): string {
  return q === undefined || q === null ? '<nil>' : canonicalQuantity(q);
}
