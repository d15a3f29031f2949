// Command-line flags with pflag's rules (what kubectl uses): --name=value, --name value, -n value, -nvalue,
// grouped boolean shorthands, `--` ends flags, flags anywhere among arguments, pflag's error texts.

/** mapStringString flags (`k=v,k2=v2`) are kept as the raw strings given; commands parse the pairs. */
export type FlagType = 'bool' | 'string' | 'int' | 'stringArray' | 'stringSlice' | 'mapStringString' | 'duration';

export interface FlagDef {
  name: string;
  short?: string;
  type: FlagType;
  default?: unknown;
  usage: string;
  /** Value when given without `=value` (pflag NoOptDefVal), e.g. --dry-run → "unchanged", -o? no. */
  noOptDefault?: string;
  hidden?: boolean;
  deprecated?: string;
  /** cobra MarkFlagRequired: `required flag(s) "x" not set`. */
  required?: boolean;
}

export class FlagError extends Error {}

/** Printed without the usage hint, as cobra does for missing required flags. */
export class RequiredFlagError extends Error {}

export interface ParsedFlags {
  values: Record<string, unknown>;
  /** Flags the user set. */
  changed: Set<string>;
  args: string[];
  /** Arguments after a literal `--`. */
  dashArgs?: string[];
  /** Index in args where `--` appeared (cobra's ArgsLenAtDash). */
  argsLenAtDash: number;
}

export class FlagSet {
  private byName = new Map<string, FlagDef>();
  private byShort = new Map<string, FlagDef>();

  constructor(readonly defs: FlagDef[]) {
    for (const d of defs) {
      this.byName.set(d.name, d);
      if (d.short) this.byShort.set(d.short, d);
    }
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  parse(argv: string[]): ParsedFlags {
    this.changedArrays = new Set();
    const values: Record<string, unknown> = {};
    const changed = new Set<string>();
    for (const d of this.defs) values[d.name] = d.type === 'stringArray' || d.type === 'stringSlice' || d.type === 'mapStringString' ? [...((d.default as string[]) ?? [])] : d.default;
    const args: string[] = [];
    let argsLenAtDash = -1;
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i];
      if (a === '--') {
        argsLenAtDash = args.length;
        args.push(...argv.slice(i + 1));
        break;
      }
      if (a.startsWith('--') && a.length > 2) {
        const eq = a.indexOf('=');
        const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
        const def = this.byName.get(name);
        if (!def) throw new FlagError(`unknown flag: --${name}`);
        let value: string;
        if (eq >= 0) value = a.slice(eq + 1);
        else if (def.type === 'bool') value = 'true';
        else if (def.noOptDefault !== undefined) value = def.noOptDefault;
        else if (i + 1 < argv.length) value = argv[++i];
        else throw new FlagError(`flag needs an argument: --${name}`);
        this.set(def, value, values, `--${name}`);
        changed.add(def.name);
        continue;
      }
      if (a.startsWith('-') && a.length > 1 && a !== '-') {
        // Shorthands: -abc (bools), -n value, -nvalue, -n=value.
        let j = 1;
        while (j < a.length) {
          const c = a[j];
          const def = this.byShort.get(c);
          if (!def) throw new FlagError(`unknown shorthand flag: '${c}' in ${a}`);
          const rest = a.slice(j + 1);
          if (def.type === 'bool') {
            if (rest.startsWith('=')) {
              this.set(def, rest.slice(1), values, `-${c}`);
              changed.add(def.name);
              break;
            }
            this.set(def, 'true', values, `-${c}`);
            changed.add(def.name);
            j++;
            continue;
          }
          let value: string;
          if (rest.startsWith('=')) value = rest.slice(1);
          else if (rest.length) value = rest;
          else if (def.noOptDefault !== undefined) value = def.noOptDefault;
          else if (i + 1 < argv.length) value = argv[++i];
          else throw new FlagError(`flag needs an argument: '${c}' in ${a}`);
          this.set(def, value, values, `-${c}`);
          changed.add(def.name);
          break;
        }
        continue;
      }
      args.push(a);
    }
    return { values, changed, args, argsLenAtDash, dashArgs: argsLenAtDash >= 0 ? args.slice(argsLenAtDash) : undefined };
  }

  /** cobra's check after parsing: every required flag set (unless --help). */
  checkRequired(p: ParsedFlags): void {
    const missing = this.defs.filter((d) => d.required && !p.changed.has(d.name)).map((d) => `"${d.name}"`);
    if (missing.length) throw new RequiredFlagError(`required flag(s) ${missing.join(', ')} not set`);
  }

  private set(def: FlagDef, raw: string, values: Record<string, unknown>, shown: string): void {
    const flagName = `--${def.name}`;
    switch (def.type) {
      case 'bool': {
        const v = parseBool(raw);
        if (v === undefined) throw new FlagError(`invalid argument "${raw}" for "${shortAndLong(def)}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`);
        values[def.name] = v;
        return;
      }
      case 'int': {
        if (!/^[+-]?\d+$/.test(raw)) throw new FlagError(`invalid argument "${raw}" for "${shortAndLong(def)}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`);
        values[def.name] = Number(raw);
        return;
      }
      case 'duration': {
        const ms = parseGoDuration(raw);
        if (ms === undefined) throw new FlagError(`invalid argument "${raw}" for "${shortAndLong(def)}" flag: time: invalid duration "${raw}"`);
        values[def.name] = ms;
        return;
      }
      case 'stringArray':
      case 'mapStringString': {
        const cur = values[def.name] as string[];
        values[def.name] = [...(this.changedArrays.has(def.name) ? cur : []), raw];
        this.changedArrays.add(def.name);
        return;
      }
      case 'stringSlice': {
        const cur = values[def.name] as string[];
        const parts = raw === '' ? [] : splitCsv(raw);
        values[def.name] = [...(this.changedArrays.has(def.name) ? cur : []), ...parts];
        this.changedArrays.add(def.name);
        return;
      }
      default:
        values[def.name] = raw;
    }
    void flagName;
    void shown;
  }

  private changedArrays = new Set<string>();
}

function shortAndLong(def: FlagDef): string {
  return def.short ? `-${def.short}, --${def.name}` : `--${def.name}`;
}

export function parseBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/** Go's time.ParseDuration → ms ("0" is allowed; units ns us ms s m h). */
export function parseGoDuration(s: string): number | undefined {
  if (s === '0') return 0;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g;
  let total = 0;
  let pos = 0;
  let sign = 1;
  let str = s;
  if (str.startsWith('-') || str.startsWith('+')) {
    sign = str[0] === '-' ? -1 : 1;
    str = str.slice(1);
  }
  if (!str) return undefined;
  let m: RegExpExecArray | null;
  while ((m = re.exec(str))) {
    if (m.index !== pos) return undefined;
    pos = re.lastIndex;
    const n = Number(m[1]);
    const mult: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
    total += n * mult[m[2]];
  }
  if (pos !== str.length) return undefined;
  return sign * total;
}

function splitCsv(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"') {
      quoted = !quoted;
      continue;
    }
    if (c === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}
