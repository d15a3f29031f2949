// Go's fmt rendering of values as kube-apiserver 1.32 puts them in "Invalid value: ..." messages.
// mirrors: the value printing of k8s.io/apimachinery/pkg/util/validation/field.(*Error).ErrorBody (v0.32.0),
// which uses %v for numbers and bools, %q for strings, and Go syntax (%#v) for everything else.

/** A value whose Go rendering is already known (e.g. `v1.LabelSelector{...}`); printed verbatim. */
export class GoRepr {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export function goRepr(text: string): GoRepr {
  return new GoRepr(text);
}

const ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '\\': '\\\\',
  '"': '\\"',
};

function isPrintable(cp: number): boolean {
  if (cp < 0x20 || cp === 0x7f) return false;
  if (cp >= 0x80 && cp < 0xa0) return false;
  if (cp === 0xad) return false;
  // Line/paragraph separators and other format characters are escaped by strconv.Quote.
  if (cp === 0x2028 || cp === 0x2029 || (cp >= 0x200b && cp <= 0x200f) || cp === 0xfeff) return false;
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  return true;
}

/** strconv.Quote / %q. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const esc = ESCAPES[ch];
    if (esc) {
      out += esc;
      continue;
    }
    const cp = ch.codePointAt(0) ?? 0;
    if (isPrintable(cp)) out += ch;
    else if (cp < 0x80) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp <= 0xffff) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out + '"';
}

/** %v of a float64: shortest digits, exponent form when exp < -4 or exp >= 6 (strconv 'g', shortest). */
export function goFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const exp = Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 6) {
    const [mant, e] = n.toExponential().split('e');
    const sign = e.startsWith('-') ? '-' : '+';
    const digits = e.replace(/^[+-]/, '').padStart(2, '0');
    return `${mant}e${sign}${digits}`;
  }
  return String(n);
}

/** %v of a number: integers as integers (Go ints), others as float64. */
export function goNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : goFloat(n);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoRepr);
}

/** %#v of map[string]string; keys sorted as fmt prints maps. nil maps print as `map[string]string(nil)`. */
export function goStringMap(m: Record<string, string> | undefined | null): GoRepr {
  if (m === undefined || m === null) return new GoRepr('map[string]string(nil)');
  const keys = Object.keys(m).sort();
  return new GoRepr(`map[string]string{${keys.map((k) => `${goQuote(k)}:${goQuote(String(m[k]))}`).join(', ')}}`);
}

/** %#v of []string (or of a named string slice type, e.g. `core.IPFamily`). */
export function goStringSlice(list: readonly string[] | undefined | null, typeName = 'string'): GoRepr {
  if (list === undefined || list === null) return new GoRepr(`[]${typeName}(nil)`);
  return new GoRepr(`[]${typeName}{${list.map((s) => goQuote(s)).join(', ')}}`);
}

/** %#v of a *bool: nil, or a pointer (Go prints an address; any stable one reads the same to users). */
export function goBoolPointer(v: boolean | undefined | null): string {
  return v === undefined || v === null ? '(*bool)(nil)' : '(*bool)(0xc000a1b2c8)';
}

interface SelectorRequirement {
  key?: string;
  operator?: string;
  values?: string[];
}

/** %#v of a v1.LabelSelector value (what 1.32 prints for selector errors). */
export function goLabelSelector(sel: { matchLabels?: Record<string, string>; matchExpressions?: SelectorRequirement[] } | undefined | null): GoRepr {
  const s = sel ?? {};
  const exprs =
    s.matchExpressions === undefined
      ? '[]v1.LabelSelectorRequirement(nil)'
      : `[]v1.LabelSelectorRequirement{${s.matchExpressions
          .map(
            (e) =>
              `v1.LabelSelectorRequirement{Key:${goQuote(e.key ?? '')}, Operator:${goQuote(e.operator ?? '')}, Values:${goStringSlice(e.values)}}`,
          )
          .join(', ')}}`;
  return new GoRepr(`v1.LabelSelector{MatchLabels:${goStringMap(s.matchLabels)}, MatchExpressions:${exprs}}`);
}

/** %#v of an intstr.IntOrString value (Type 0 = Int, 1 = String). */
export function goIntOrString(v: number | string | undefined | null): GoRepr {
  if (typeof v === 'string') return new GoRepr(`intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(v)}}`);
  return new GoRepr(`intstr.IntOrString{Type:0, IntVal:${typeof v === 'number' ? v : 0}, StrVal:""}`);
}

function upperFirst(s: string): string {
  return s.length === 0 ? s : s[0].toUpperCase() + s.slice(1);
}

/**
 * An approximation of %#v for a struct given as JSON: `TypeName{Field:value, ...}` listing the fields
 * present. Go prints every field of the struct (zero values included), which we cannot know from
 * JSON; this keeps the shape recognisable for rare messages that print whole structs.
 */
export function goStruct(typeName: string, obj: Record<string, unknown> | undefined | null): GoRepr {
  if (obj === undefined || obj === null) return new GoRepr(`(*${typeName})(nil)`);
  const parts = Object.keys(obj).map((k) => `${upperFirst(k)}:${goValueLoose(obj[k])}`);
  return new GoRepr(`${typeName}{${parts.join(', ')}}`);
}

function goValueLoose(v: unknown): string {
  if (v === undefined || v === null) return 'nil';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return goNumber(v);
  if (typeof v === 'boolean') return String(v);
  if (v instanceof GoRepr) return v.text;
  if (Array.isArray(v)) return `{${v.map(goValueLoose).join(', ')}}`;
  if (isPlainObject(v)) {
    const keys = Object.keys(v);
    if (keys.length > 0 && keys.every((k) => typeof v[k] === 'string')) return goStringMap(v as Record<string, string>).text;
    return `{${keys.map((k) => `${upperFirst(k)}:${goValueLoose(v[k])}`).join(', ')}}`;
  }
  return String(v);
}

/**
 * Renders a bad value as field.Error does: null for nil, %v for numbers and bools, %q for strings,
 * Go syntax for maps of strings and string slices, GoRepr verbatim, and a loose struct form otherwise.
 */
export function formatBadValue(v: unknown): string {
  if (v === undefined || v === null) return 'null';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return goNumber(v);
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof GoRepr) return v.text;
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === 'string')) return goStringSlice(v as string[]).text;
    if (v.every((x) => typeof x === 'number')) return `[]int32{${(v as number[]).map(goNumber).join(', ')}}`;
    return `[]interface {}{${v.map(goValueLoose).join(', ')}}`;
  }
  if (typeof v === 'object' && typeof (v as { toString?: unknown }).toString === 'function' && !isPlainObject(v)) {
    return String(v);
  }
  if (isPlainObject(v)) {
    const keys = Object.keys(v);
    if (keys.every((k) => typeof v[k] === 'string')) return goStringMap(v as Record<string, string>).text;
    return goValueLoose(v);
  }
  return String(v);
}
