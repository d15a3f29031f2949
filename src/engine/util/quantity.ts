// resource.Quantity: parsing, canonical printing, comparison and arithmetic of "100m", "1.5Gi", "1e3".
// mirrors: staging/src/k8s.io/apimachinery/pkg/api/resource/{quantity,amount,suffix}.go (v0.32.0)
//
// A parsed value is held exactly as an integer number of nano-units (bigint): upstream rounds every
// parsed value up to nano precision, so nothing finer ever exists. Parsed quantities are cached by
// their text because the scheduler and kubelets parse the same few strings over and over.

export type QuantityFormat = 'DecimalExponent' | 'BinarySI' | 'DecimalSI';

/** The regular expression upstream quotes in its parse error. */
export const QUANTITY_REGEX = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';
export const ERR_QUANTITY_FORMAT = `quantities must match the regular expression '${QUANTITY_REGEX}'`;
export const ERR_QUANTITY_NUMERIC = 'unable to parse numeric part of quantity';
export const ERR_QUANTITY_SUFFIX = "unable to parse quantity's suffix";

export class QuantityParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuantityParseError';
  }
}

const NANO = 1_000_000_000n;
const MILLI_IN_NANO = 1_000_000n;
const MAX_INT64 = 9_223_372_036_854_775_807n;
const MAX_BINARY_NANOS = MAX_INT64 * NANO; // upstream caps BinarySI values at math.MaxInt64
const BIN_1024_NANOS = 1024n * NANO;

const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_BY_EXP = new Map<number, string>(Object.entries(DECIMAL_SUFFIXES).map(([s, e]) => [e, s]));
const BINARY_BY_EXP = new Map<number, string>(Object.entries(BINARY_SUFFIXES).map(([s, e]) => [e, s]));
const SUFFIX_CHARS = 'eEinumkKMGTP';

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** Divides rounding away from zero (inf.RoundUp), as upstream does when it drops precision. */
function divAwayFromZero(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b === 0n ? q : a < 0n ? q - 1n : q + 1n;
}

/** Divides rounding towards +infinity: ScaledValue's "ceil". */
function divCeil(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a > 0n ? q + 1n : q;
}

export class Quantity {
  private milliCache: number | undefined;

  /**
   * @param nanos value × 10^9, exact
   * @param format the format the value was written in (drives printing)
   * @param text the original text, kept when upstream would re-emit it as written
   */
  constructor(
    readonly nanos: bigint,
    readonly format: QuantityFormat = 'DecimalSI',
    private text?: string,
  ) {}

  static readonly ZERO = new Quantity(0n, 'DecimalSI');

  /** ParseQuantity; throws QuantityParseError with upstream's message. */
  static parse(str: string): Quantity {
    return parseUncached(str);
  }

  static fromMilli(milli: number, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(BigInt(Math.round(milli)) * MILLI_IN_NANO, format);
  }

  static fromValue(value: number, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(BigInt(Math.round(value)) * NANO, format);
  }

  isZero(): boolean {
    return this.nanos === 0n;
  }

  sign(): number {
    return this.nanos === 0n ? 0 : this.nanos < 0n ? -1 : 1;
  }

  cmp(other: Quantity): number {
    return this.nanos === other.nanos ? 0 : this.nanos < other.nanos ? -1 : 1;
  }

  equals(other: Quantity): boolean {
    return this.nanos === other.nanos;
  }

  add(other: Quantity): Quantity {
    return new Quantity(this.nanos + other.nanos, this.nanos === 0n ? other.format : this.format);
  }

  sub(other: Quantity): Quantity {
    return new Quantity(this.nanos - other.nanos, this.nanos === 0n ? other.format : this.format);
  }

  neg(): Quantity {
    return new Quantity(-this.nanos, this.format);
  }

  /** ceil(q × 1000), as upstream's MilliValue. */
  milliValue(): number {
    if (this.milliCache === undefined) this.milliCache = Number(divCeil(this.nanos, MILLI_IN_NANO));
    return this.milliCache;
  }

  /** ceil(q), as upstream's Value. */
  value(): number {
    return Number(divCeil(this.nanos, NANO));
  }

  /** RoundUp(Milli): what SetDefaults_ResourceList does to every resource value. */
  roundUpToMilli(): Quantity {
    if (this.nanos % MILLI_IN_NANO === 0n) return this;
    return new Quantity(divAwayFromZero(this.nanos, MILLI_IN_NANO) * MILLI_IN_NANO, this.format);
  }

  /** Quantity.String(): the kept text, else the canonical form. */
  toString(): string {
    if (this.text === undefined) this.text = canonicalize(this.nanos, this.format);
    return this.text;
  }

  toJSON(): string {
    return this.toString();
  }
}

function canonicalize(nanos: bigint, format: QuantityFormat): string {
  if (nanos === 0n) return '0';
  let fmt = format;
  if (fmt === 'BinarySI') {
    const small = nanos > -BIN_1024_NANOS && nanos < BIN_1024_NANOS;
    if (small || nanos % NANO !== 0n) fmt = 'DecimalSI';
  }
  const negative = nanos < 0n;
  let m = negative ? -nanos : nanos;
  let suffix: string;
  if (fmt === 'BinarySI') {
    m /= NANO;
    let exp = 0;
    while (m % 1024n === 0n) {
      m /= 1024n;
      exp += 10;
    }
    suffix = BINARY_BY_EXP.get(exp) ?? '';
  } else {
    let exp = -9;
    while (m % 10n === 0n) {
      m /= 10n;
      exp++;
    }
    while (exp % 3 !== 0) {
      m *= 10n;
      exp--;
    }
    suffix = fmt === 'DecimalExponent' ? (exp === 0 ? '' : `e${exp}`) : (DECIMAL_BY_EXP.get(exp) ?? '');
  }
  return (negative ? '-' : '') + m.toString() + suffix;
}

interface SplitQuantity {
  positive: boolean;
  value: string;
  num: string;
  denom: string;
  suffix: string;
}

/** parseQuantityString: sign, integer digits (leading zeros dropped), fraction digits, suffix. */
function split(str: string): SplitQuantity {
  let positive = true;
  let pos = 0;
  const end = str.length;
  if (str[0] === '-') {
    positive = false;
    pos++;
  } else if (str[0] === '+') {
    pos++;
  }
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return { positive, value: '0', num: '0', denom: '', suffix: '' };
  let i = pos;
  while (i < end && isDigit(str[i])) i++;
  let num = str.slice(pos, i);
  if (i >= end) return { positive, value: str, num: num || '0', denom: '', suffix: '' };
  pos = i;
  if (num.length === 0) num = '0';
  let denom = '';
  if (str[pos] === '.') {
    pos++;
    i = pos;
    while (i < end && isDigit(str[i])) i++;
    denom = str.slice(pos, i);
    if (i >= end) return { positive, value: str, num, denom, suffix: '' };
    pos = i;
  }
  const value = str.slice(0, pos);
  const suffixStart = pos;
  while (pos < end && SUFFIX_CHARS.includes(str[pos])) pos++;
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++;
  while (pos < end && isDigit(str[pos])) pos++;
  if (pos < end) throw new QuantityParseError(ERR_QUANTITY_FORMAT);
  return { positive, value, num, denom, suffix: str.slice(suffixStart) };
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function interpretSuffix(s: string): { base: 2 | 10; exponent: number; format: QuantityFormat } {
  if (s in DECIMAL_SUFFIXES) return { base: 10, exponent: DECIMAL_SUFFIXES[s], format: 'DecimalSI' };
  if (s in BINARY_SUFFIXES) return { base: 2, exponent: BINARY_SUFFIXES[s], format: 'BinarySI' };
  if (s.length > 1 && (s[0] === 'e' || s[0] === 'E') && /^[+-]?[0-9]+$/.test(s.slice(1))) {
    return { base: 10, exponent: Number.parseInt(s.slice(1), 10), format: 'DecimalExponent' };
  }
  throw new QuantityParseError(ERR_QUANTITY_SUFFIX);
}

function parseUncached(str: string): Quantity {
  if (str.length === 0) throw new QuantityParseError(ERR_QUANTITY_FORMAT);
  if (str === '0') return new Quantity(0n, 'DecimalSI', '0');
  const { positive, value, num, denom, suffix } = split(str);
  const { base, exponent, format } = interpretSuffix(suffix);

  // The int64 fast path upstream takes decides whether the text is kept verbatim.
  let precision = -1;
  let scale = 0;
  if (base === 10) {
    scale = exponent;
    precision = 18 - (num.length + denom.length);
  } else if (exponent >= 0 && denom.length === 0) {
    precision = 15 - num.length - Math.trunc((exponent * 3) / 10) - 1;
  }
  if (precision >= 0) {
    scale -= denom.length;
    if (scale >= -9) {
      const shifted = num + denom;
      const digits = BigInt(shifted);
      const mantissa = base === 2 ? 1n << BigInt(exponent) : 1n;
      const product = digits * mantissa;
      if (product <= MAX_INT64) {
        const signed = positive ? product : -product;
        const nanos = signed * pow10(scale + 9);
        let keep: boolean;
        if (format === 'BinarySI') keep = exponent % 10 === 0 && (digits & 7n) !== 0n;
        else keep = scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
        return new Quantity(nanos, format, keep ? str : undefined);
      }
    }
  }

  if (!/^[+-]?[0-9]*\.?[0-9]*$/.test(value) || !/[0-9]/.test(value)) {
    throw new QuantityParseError(ERR_QUANTITY_NUMERIC);
  }
  // Exact value × 10^9, then rounded away from zero to whole nanos.
  const digits = BigInt(num + denom);
  let nanos: bigint;
  if (base === 10) {
    const e = exponent - denom.length + 9;
    nanos = e >= 0 ? digits * pow10(e) : divAwayFromZero(digits, pow10(-e));
  } else {
    const scaled = digits * (1n << BigInt(exponent)) * NANO;
    nanos = divAwayFromZero(scaled, pow10(denom.length));
  }
  let fmt = format;
  if (fmt === 'BinarySI' && nanos > MAX_BINARY_NANOS) nanos = MAX_BINARY_NANOS;
  if (fmt === 'BinarySI' && nanos > 0n && nanos < NANO) fmt = 'DecimalSI';
  return new Quantity(positive ? nanos : -nanos, fmt);
}

const CACHE_LIMIT = 8192;
const cache = new Map<string, Quantity>();

/** Parses with a cache (quantities are immutable); throws QuantityParseError. */
export function parseQuantity(input: string | number): Quantity {
  const str = typeof input === 'number' ? String(input) : input;
  const hit = cache.get(str);
  if (hit) return hit;
  const q = parseUncached(str);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(str, q);
  return q;
}

/** Parses, or returns undefined for anything that is not a valid quantity. */
export function tryParseQuantity(input: unknown): Quantity | undefined {
  if (typeof input !== 'string' && typeof input !== 'number') return undefined;
  try {
    return parseQuantity(input);
  } catch {
    return undefined;
  }
}

/** The parse error text for a value, or undefined when it parses. */
export function quantityParseError(input: unknown): string | undefined {
  if (typeof input !== 'string' && typeof input !== 'number') return ERR_QUANTITY_FORMAT;
  try {
    parseQuantity(input);
    return undefined;
  } catch (e) {
    return e instanceof QuantityParseError ? e.message : ERR_QUANTITY_FORMAT;
  }
}

/** The text a stored object carries for this value: what MarshalJSON writes. */
export function canonicalQuantity(input: string | number): string {
  return parseQuantity(input).toString();
}

/** MilliValue of a quantity text; 0 when it does not parse (callers validate first). */
export function milliValueOf(input: string | number | undefined): number {
  if (input === undefined) return 0;
  const q = tryParseQuantity(input);
  return q ? q.milliValue() : 0;
}

/** Value (rounded up) of a quantity text; 0 when it does not parse. */
export function valueOf(input: string | number | undefined): number {
  if (input === undefined) return 0;
  const q = tryParseQuantity(input);
  return q ? q.value() : 0;
}
