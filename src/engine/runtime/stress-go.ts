// vish/stress (github.com/vishh/stress, the image the Kubernetes CPU docs use): a Go program that burns
// -cpus cores copying /dev/zero and allocates -mem-total in -mem-alloc-size chunks with -mem-alloc-sleep
// between them, then blocks forever. Flags follow Go's flag package (and glog's own flags); logs are
// glog lines on stderr (the image runs `/stress -logtostderr`).
// mirrors: github.com/vishh/stress main.go; Go's flag package (parseOne, PrintDefaults); glog's header

import { parseQuantity, QuantityParseError, ERR_QUANTITY_FORMAT } from '../util/quantity';
import type { MemoryCurve, ProgramLogLine, ProgramStart } from './resources';

const MiB = 1024 * 1024;
/** A static Go binary's resident set before it allocates anything. */
const BASE_BYTES = 1900 * 1024;
/** make([]byte, n) followed by the zeroing loop: page faults plus writes, about 2 GiB/s. */
const ZERO_BYTES_PER_MS = (2 * 1024 * MiB) / 1000;
/** Past this many allocations the steps are drawn as one straight ramp. */
const MAX_STEPS = 256;

type FlagKind = 'bool' | 'int' | 'string' | 'duration' | 'value';
interface FlagDef {
  kind: FlagKind;
  usage: string;
  /** Default as PrintDefaults shows it (omitted for zero values). */
  def?: string;
}

/** The flags the binary defines: its own and glog's, in PrintDefaults (sorted) order. */
const FLAGS: Record<string, FlagDef> = {
  alsologtostderr: { kind: 'bool', usage: 'log to standard error as well as files' },
  cpus: { kind: 'int', usage: 'total number of CPUs to utilize' },
  log_backtrace_at: { kind: 'value', usage: 'when logging hits line file:N, emit a stack trace' },
  log_dir: { kind: 'string', usage: 'If non-empty, write log files in this directory' },
  logtostderr: { kind: 'bool', usage: 'log to standard error instead of files' },
  'mem-alloc-size': { kind: 'string', usage: 'amount of memory to be consumed in each allocation', def: '"4Ki"' },
  'mem-alloc-sleep': { kind: 'duration', usage: 'duration to sleep between allocations', def: '1ms' },
  'mem-total': { kind: 'string', usage: 'total memory to be consumed. Memory will be consumed via multiple allocations.', def: '"0"' },
  stderrthreshold: { kind: 'value', usage: 'logs at or above this threshold go to stderr' },
  v: { kind: 'value', usage: 'log level for V logs' },
  vmodule: { kind: 'value', usage: 'comma-separated list of pattern=N settings for file-filtered logging' },
};

function usageLines(prog: string): string[] {
  const lines = [`Usage of ${prog}:`];
  for (const [name, f] of Object.entries(FLAGS)) {
    const typeName = f.kind === 'bool' ? '' : ` ${f.kind}`;
    lines.push(`  -${name}${typeName}`, `    \t${f.usage}${f.def ? ` (default ${f.def})` : ''}`);
  }
  return lines;
}

/** time.ParseDuration for the common forms (1s, 100ms, 1m30s, 1.5h); undefined when invalid. */
export function parseGoDuration(s: string): number | undefined {
  if (s === '0') return 0;
  const unit: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const re = /([0-9]*\.?[0-9]+)(ns|us|µs|ms|s|m|h)/y;
  let sign = 1;
  let i = 0;
  if (s[0] === '-' || s[0] === '+') {
    sign = s[0] === '-' ? -1 : 1;
    i = 1;
  }
  if (i >= s.length) return undefined;
  let total = 0;
  while (i < s.length) {
    re.lastIndex = i;
    const m = re.exec(s);
    if (!m) return undefined;
    total += Number(m[1]) * unit[m[2]];
    i = re.lastIndex;
  }
  return sign * total;
}

/** time.Duration.String for whole and fractional milliseconds: 1ms, 1s, 1.5s, 1m0s. */
export function formatGoDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1) return `${+(ms * 1000).toFixed(3)}µs`;
  if (ms < 1000) return `${+ms.toFixed(6)}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = +((ms % 60_000) / 1000).toFixed(9);
  if (h) return `${h}h${m}m${s}s`;
  if (m) return `${m}m${s}s`;
  return `${s}s`;
}

/** glog's header: Lmmdd hh:mm:ss.uuuuuu, the pid padded to 7, file:line. */
export function glogLine(severity: 'I' | 'W' | 'E' | 'F', atMs: number, micros: number, line: number, msg: string): string {
  const d = new Date(atMs);
  const two = (n: number) => String(n).padStart(2, '0');
  const us = String((atMs % 1000) * 1000 + (micros % 1000)).padStart(6, '0');
  return `${severity}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${us}${String(1).padStart(8)} main.go:${line}] ${msg}`;
}

interface GoFlags {
  cpus: number;
  memTotal: string;
  memAllocSize: string;
  memAllocSleepMs: number;
}

/** flag.Parse with ExitOnError: the parsed values, or the error line (usage follows) and exit status. */
export function parseGoFlags(args: string[]): { flags: GoFlags } | { error?: string; code: number } {
  const f: GoFlags = { cpus: 0, memTotal: '0', memAllocSize: '4Ki', memAllocSleepMs: 1 };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    // Parsing stops at the first non-flag argument and after a lone "--".
    if (a.length < 2 || a[0] !== '-') break;
    let name = a.slice(a[1] === '-' ? 2 : 1);
    if (a === '--') break;
    if (name.length === 0 || name[0] === '-' || name[0] === '=') return { error: `bad flag syntax: ${a}`, code: 2 };
    let value: string | undefined;
    const eq = name.indexOf('=');
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    const def = FLAGS[name];
    if (!def) {
      if (name === 'help' || name === 'h') return { code: 0 };
      return { error: `flag provided but not defined: -${name}`, code: 2 };
    }
    if (def.kind === 'bool') {
      if (value !== undefined && !/^(1|0|t|f|T|F|true|false|TRUE|FALSE|True|False)$/.test(value)) return { error: `invalid boolean value "${value}" for -${name}: parse error`, code: 2 };
      continue;
    }
    if (value === undefined) {
      if (i + 1 >= args.length) return { error: `flag needs an argument: -${name}`, code: 2 };
      value = args[++i];
    }
    const bad = { error: `invalid value "${value}" for flag -${name}: parse error`, code: 2 };
    if (def.kind === 'int' || name === 'v') {
      if (!/^[+-]?(0[xX][0-9a-fA-F_]+|0[oO]?[0-7_]*|0[bB][01_]+|[1-9][0-9_]*)$/.test(value)) return bad;
      if (name === 'cpus') f.cpus = Number(value.replace(/_/g, ''));
    } else if (def.kind === 'duration') {
      const ms = parseGoDuration(value);
      if (ms === undefined) return bad;
      f.memAllocSleepMs = ms;
    } else if (name === 'mem-total') f.memTotal = value;
    else if (name === 'mem-alloc-size') f.memAllocSize = value;
  }
  return { flags: f };
}

/** The program model: argv[0] must be the stress binary (/stress in the image). */
export function goStressProgram(argv: string[], startedAt: number): ProgramStart | undefined {
  const prog = argv[0];
  if (prog.slice(prog.lastIndexOf('/') + 1) !== 'stress') return undefined;
  const err = (text: string): ProgramLogLine => ({ stream: 'stderr', text });
  const parsed = parseGoFlags(argv.slice(1));
  if (!('flags' in parsed)) {
    const lines = [...(parsed.error ? [parsed.error] : []), ...usageLines(prog)];
    return { log: lines.map(err), exit: { afterMs: 5, code: parsed.code } };
  }
  const f = parsed.flags;
  let total: number;
  let step: number;
  let totalText: string;
  let stepText: string;
  try {
    const t = parseQuantity(f.memTotal);
    const s = parseQuantity(f.memAllocSize);
    total = t.value();
    step = s.value();
    totalText = t.toString();
    stepText = s.toString();
  } catch (e) {
    // resource.MustParse panics.
    const bad = e instanceof QuantityParseError ? e.message : ERR_QUANTITY_FORMAT;
    const which = (() => {
      try {
        parseQuantity(f.memTotal);
        return f.memAllocSize;
      } catch {
        return f.memTotal;
      }
    })();
    return { log: [err(`panic: cannot parse '${which}': ${bad}`), err(''), err('goroutine 1 [running]:')], exit: { afterMs: 5, code: 2 } };
  }
  let micros = 17;
  const glog = (line: number, msg: string, atMs = 0): ProgramLogLine => {
    micros += 23;
    return { stream: 'stderr', text: glogLine('I', startedAt + Math.floor(atMs), micros, line, msg), atMs };
  };
  const log: ProgramLogLine[] = [glog(26, `Allocating "${totalText}" memory, in "${stepText}" chunks, with a ${formatGoDuration(f.memAllocSleepMs)} sleep between allocations`)];
  // (A node has long run out of cores before thousands of goroutines: the log stops there.)
  for (let i = 0; i < Math.min(f.cpus, 4096); i++) log.push(glog(39, 'Spawning a thread to consume CPU'));

  // One allocation of `step` per round (zeroing takes a moment), then the sleep; `i*step <= total`.
  const n = step > 0 ? Math.floor(total / step) : 0;
  const zeroMs = step / ZERO_BYTES_PER_MS;
  const round = zeroMs + f.memAllocSleepMs;
  const points: [number, number][] = [[0, BASE_BYTES]];
  if (n > 0 && n <= MAX_STEPS) {
    for (let k = 0; k < n; k++) points.push([k * round, BASE_BYTES + k * step], [k * round + zeroMs, BASE_BYTES + (k + 1) * step]);
  } else if (n > MAX_STEPS) {
    points.push([n * round, BASE_BYTES + n * step]);
  }
  const memory: MemoryCurve = { points };
  // A zero step never ends the loop (nothing is allocated, and "Allocated" is never logged).
  if (step > 0) log.push(glog(29, `Allocated "${totalText}" memory`, n * round));
  return { log, demand: { memory, cpuCores: Math.max(0, f.cpus) } };
}
