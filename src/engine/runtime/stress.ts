// The `stress` workload generator (Amos Waterland, 1.0.4: polinux/stress, progrium/stress and friends):
// its option parsing and messages, and what its workers do to memory and CPU over time.
// Workers: --cpu spins on sqrt(), --io on sync(), --vm mallocs and touches --vm-bytes (then frees and
// starts again, or holds it for --vm-hang seconds, or keeps it with --vm-keep), --hdd writes files.
// Messages carry the source line numbers of stress.c 1.0.4 as the real binary prints them.
// mirrors: stress 1.0.4 src/stress.c (main's option loop and dispatch, hogvm, atoll_b, atoll_s, usage)

import { PAGE, ramp, sumCurves, type MemoryCurve, type ProgramLogLine, type ProgramStart } from './resources';

const MiB = 1024 * 1024;
/** Page-faulting fresh memory in (touch + zeroing): about 2.5 GiB/s. */
const TOUCH_BYTES_PER_MS = 2.5 * 1024 * MiB / 1000;
/** The parent and each forked worker (private pages, kernel stacks, the cgroup's own accounting). */
const PARENT_BYTES = 4096 * 1024;
const WORKER_BYTES = 1044 * 1024;
/** The first worker's pid inside the container's pid namespace (what real container logs show). */
const FIRST_CHILD_PID = 7;
/** Busy cores per worker kind: sqrt() and malloc/free spin a core; sync() and write() wait on I/O part of the time. */
const IO_WORKER_CORES = 0.85;
const HDD_WORKER_CORES = 0.6;
/** Workers modelled per kind: a node runs out of pids and memory long before absurd counts (--cpu 1G). */
const MAX_WORKERS = 4096;

const USAGE = (p: string): string =>
  `\`${p}' imposes certain types of compute stress on your system\n\n` +
  `Usage: ${p} [OPTION [ARG]] ...\n` +
  ' -?, --help         show this help statement\n' +
  '     --version      show version statement\n' +
  ' -v, --verbose      be verbose\n' +
  ' -q, --quiet        be quiet\n' +
  ' -n, --dry-run      show what would have been done\n' +
  ' -t, --timeout N    timeout after N seconds\n' +
  '     --backoff N    wait factor of N microseconds before work starts\n' +
  ' -c, --cpu N        spawn N workers spinning on sqrt()\n' +
  ' -i, --io N         spawn N workers spinning on sync()\n' +
  ' -m, --vm N         spawn N workers spinning on malloc()/free()\n' +
  '     --vm-bytes B   malloc B bytes per vm worker (default is 256MB)\n' +
  '     --vm-stride B  touch a byte every B bytes (default is 4096)\n' +
  '     --vm-hang N    sleep N secs before free (default none, 0 is inf)\n' +
  '     --vm-keep      redirty memory instead of freeing and reallocating\n' +
  ' -d, --hdd N        spawn N workers spinning on write()/unlink()\n' +
  '     --hdd-bytes B  write B bytes per hdd worker (default is 1GB)\n\n' +
  `Example: ${p} --cpu 8 --io 4 --vm 2 --vm-bytes 128M --timeout 10s\n\n` +
  'Note: Numbers may be suffixed with s,m,h,d,y (time) or B,K,M,G (size).\n';

/** A failed run before any work: the message on stderr, exit 1. */
class Fail extends Error {
  constructor(
    readonly line: number,
    readonly text: string,
  ) {
    super(text);
  }
}

/** sscanf("%lli"): leading blanks, a sign, 0x hex, 0 octal or decimal digits; the rest is ignored. */
export function scanLongLong(s: string): number | undefined {
  const m = /^[ \t\n\r\f\v]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(s);
  if (!m) return undefined;
  const body = m[2];
  const v = /^0[xX]/.test(body) ? parseInt(body.slice(2), 16) : body.length > 1 && body[0] === '0' ? parseInt(body, 8) : parseInt(body, 10);
  return m[1] === '-' ? -v : v;
}

/** atoll_b: a number with an optional size suffix (b, k, m, g: powers of 1024). */
export function atollB(s: string): number {
  if (s.length === 0) throw new Fail(622, 'invalid string');
  const suffix = s[s.length - 1];
  const shift = ({ b: 0, B: 0, k: 10, K: 10, m: 20, M: 20, g: 30, G: 30 } as Record<string, number>)[suffix];
  if (shift === undefined && !/[0-9]/.test(suffix)) throw new Fail(647, `unrecognized suffix: ${suffix}`);
  const v = scanLongLong(s);
  if (v === undefined) throw new Fail(654, `invalid number: ${s}`);
  return v * 2 ** (shift ?? 0);
}

/** atoll_s: a number with an optional time suffix (s, m, h, d, y). */
export function atollS(s: string): number {
  if (s.length === 0) throw new Fail(676, 'invalid string');
  const suffix = s[s.length - 1];
  const factor = ({ s: 1, S: 1, m: 60, M: 60, h: 3600, H: 3600, d: 86400, D: 86400, y: 31_536_000, Y: 31_536_000 } as Record<string, number>)[suffix];
  if (factor === undefined && !/[0-9]/.test(suffix)) throw new Fail(705, `unrecognized suffix: ${suffix}`);
  const v = scanLongLong(s);
  if (v === undefined) throw new Fail(712, `invalid number: ${s}`);
  return v * (factor ?? 1);
}

export interface StressOptions {
  debug: number;
  dryRun: boolean;
  backoffUs: number;
  timeoutS: number;
  cpu: number;
  io: number;
  vm: number;
  vmBytes: number;
  vmStride: number;
  vmHang: number;
  vmKeep: boolean;
  hdd: number;
  hddBytes: number;
}

type Parsed = { kind: 'run'; o: StressOptions } | { kind: 'usage' } | { kind: 'version' };

/** stress's own option loop (no getopt): every option is checked in order, values must follow. */
export function parseStressArgs(args: string[]): Parsed {
  const o: StressOptions = { debug: 2, dryRun: false, backoffUs: 3000, timeoutS: 0, cpu: 0, io: 0, vm: 0, vmBytes: 256 * MiB, vmStride: 4096, vmHang: -1, vmKeep: false, hdd: 0, hddBytes: 1024 * MiB };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    // assert_arg: the value must exist and not look like an option (a negative number is fine).
    const value = (name: string, line: number): string => {
      const v = args[++i];
      if (v === undefined || (v[0] === '-' && !/[0-9]/.test(v[1] ?? ''))) throw new Fail(line, `missing argument to option '${name}'`);
      return v;
    };
    const positive = (v: number, line: number, what: string): number => {
      if (v <= 0) throw new Fail(line, `${what}: ${v}`);
      return v;
    };
    if (arg === '--help' || arg === '-?') return { kind: 'usage' };
    else if (arg === '--version') return { kind: 'version' };
    else if (arg === '--verbose' || arg === '-v') o.debug = 3;
    else if (arg === '--quiet' || arg === '-q') o.debug = 0;
    else if (arg === '--dry-run' || arg === '-n') o.dryRun = true;
    else if (arg === '--backoff') {
      const v = value('--backoff', 135);
      const n = scanLongLong(v);
      if (n === undefined) throw new Fail(138, `invalid number: ${v}`);
      if (n < 0) throw new Fail(143, `invalid backoff factor: ${n}`);
      o.backoffUs = n;
    } else if (arg === '--timeout' || arg === '-t') {
      o.timeoutS = atollS(value('--timeout', 150));
      if (o.timeoutS <= 0) throw new Fail(154, `invalid timeout value: ${o.timeoutS}s`);
    } else if (arg === '--cpu' || arg === '-c') o.cpu = positive(atollB(value('--cpu', 160)), 164, 'invalid number of cpu hogs');
    else if (arg === '--io' || arg === '-i') o.io = positive(atollB(value('--io', 170)), 174, 'invalid number of io hogs');
    else if (arg === '--vm' || arg === '-m') o.vm = positive(atollB(value('--vm', 180)), 184, 'invalid number of vm hogs');
    else if (arg === '--vm-bytes') o.vmBytes = positive(atollB(value('--vm-bytes', 190)), 194, 'invalid vm byte value');
    else if (arg === '--vm-stride') o.vmStride = positive(atollB(value('--vm-stride', 200)), 204, 'invalid stride value');
    else if (arg === '--vm-hang') {
      o.vmHang = atollB(value('--vm-hang', 210));
      if (o.vmHang < 0) throw new Fail(214, `invalid value: ${o.vmHang}`);
    } else if (arg === '--vm-keep') o.vmKeep = true;
    else if (arg === '--hdd' || arg === '-d') o.hdd = positive(atollB(value('--hdd', 224)), 228, 'invalid number of hdd hogs');
    else if (arg === '--hdd-bytes') o.hddBytes = positive(atollB(value('--hdd-bytes', 234)), 238, 'invalid hdd byte value');
    else throw new Fail(244, `unrecognized option: ${arg}`);
  }
  if (o.cpu + o.io + o.vm + o.hdd === 0) return { kind: 'usage' };
  return { kind: 'run', o };
}

/** Bytes one vm worker holds once it has touched its allocation (pages hit by the stride, page tables). */
export function vmWorkerBytes(o: Pick<StressOptions, 'vmBytes' | 'vmStride'>): number {
  const pages = o.vmStride <= PAGE ? Math.ceil(o.vmBytes / PAGE) : Math.ceil(o.vmBytes / o.vmStride);
  return pages * PAGE + Math.ceil(o.vmBytes / 512 / PAGE) * PAGE;
}

/**
 * Cores one vm worker keeps busy: spinning without --vm-hang; with it, each period of hang seconds costs
 * the page faults of touching the allocation again plus reading it back and unmapping it (about half
 * as much again).
 */
export function vmWorkerCores(o: StressOptions): number {
  if (o.vmHang < 0) return 1;
  if (o.vmHang === 0) return 0;
  const touchMs = (1.5 * vmWorkerBytes(o)) / TOUCH_BYTES_PER_MS;
  return touchMs / (o.vmHang * 1000 + touchMs);
}

/** The program model: argv[0] must be stress (any path). */
export function stressProgram(argv: string[]): ProgramStart | undefined {
  const prog = argv[0].slice(argv[0].lastIndexOf('/') + 1);
  if (prog !== 'stress') return undefined;
  const out = (text: string, atMs = 0): ProgramLogLine => ({ stream: 'stdout', text, atMs });
  const fail = (line: number, text: string): ProgramLogLine => ({ stream: 'stderr', text: `${prog}: FAIL: [1] (${line}) ${text}` });
  let parsed: Parsed;
  try {
    parsed = parseStressArgs(argv.slice(1));
  } catch (e) {
    if (!(e instanceof Fail)) throw e;
    return { log: [fail(e.line, e.text)], exit: { afterMs: 5, code: 1 } };
  }
  if (parsed.kind === 'usage') return { log: USAGE(prog).split('\n').slice(0, -1).map((l) => out(l)), exit: { afterMs: 5, code: 0 } };
  if (parsed.kind === 'version') return { log: [out(`${prog} 1.0.4`)], exit: { afterMs: 5, code: 0 } };
  const o = parsed.o;
  const info = (text: string, atMs = 0): ProgramLogLine[] => (o.debug >= 2 ? [out(`${prog}: info: [1] ${text}`, atMs)] : []);
  const dbg = (pid: number, text: string, atMs = 0): ProgramLogLine[] => (o.debug >= 3 ? [out(`${prog}: dbug: [${pid}] ${text}`, atMs)] : []);
  const log: ProgramLogLine[] = [...info(`dispatching hogs: ${o.cpu} cpu, ${o.io} io, ${o.vm} vm, ${o.hdd} hdd`)];

  // Round-robin dispatch: one worker of each kind per round; each round's children first sleep
  // backoff × (workers still to fork) microseconds.
  const cap = (n: number) => Math.min(n, MAX_WORKERS);
  const left = { cpu: cap(o.cpu), io: cap(o.io), vm: cap(o.vm), hdd: cap(o.hdd) };
  const workers: { kind: keyof typeof left; pid: number; startMs: number }[] = [];
  let pid = FIRST_CHILD_PID;
  while (left.cpu + left.io + left.vm + left.hdd > 0) {
    const backoffUs = o.backoffUs * (left.cpu + left.io + left.vm + left.hdd);
    log.push(...dbg(1, `using backoff sleep of ${backoffUs}us`));
    if (o.timeoutS) log.push(...dbg(1, `setting timeout to ${o.timeoutS}s`));
    for (const kind of ['cpu', 'io', 'vm', 'hdd'] as const) {
      if (left[kind] === 0) continue;
      log.push(...dbg(1, `--> hog${kind} worker ${left[kind]} [${pid}] forked`));
      workers.push({ kind, pid: pid++, startMs: backoffUs / 1000 });
      left[kind]--;
    }
  }
  if (o.dryRun) {
    const end = Math.max(...workers.map((w) => w.startMs));
    const done = [...workers.flatMap((w) => dbg(1, `<-- worker ${w.pid} returned normally`, end)), ...info('successful run completed in 0s', end)];
    return { log, exit: { afterMs: end, code: 0, log: done } };
  }

  const touched = vmWorkerBytes(o);
  const curves: MemoryCurve[] = [{ points: [[0, PARENT_BYTES + workers.length * WORKER_BYTES]] }];
  let cores = 0;
  for (const w of workers) {
    if (w.kind === 'cpu') cores += 1;
    else if (w.kind === 'io') cores += IO_WORKER_CORES;
    else if (w.kind === 'hdd') {
      cores += HDD_WORKER_CORES;
      log.push(...dbg(w.pid, `seeding ${1024 * 1024 - 1} byte buffer with random data`, w.startMs));
    } else {
      cores += vmWorkerCores(o);
      // Only the first round of a worker's loop is logged (a verbose vm worker logs every cycle).
      log.push(...dbg(w.pid, `allocating ${o.vmBytes} bytes ...`, w.startMs), ...dbg(w.pid, `touching bytes in strides of ${o.vmStride} bytes ...`, w.startMs));
      const touchedAt = w.startMs + touched / TOUCH_BYTES_PER_MS;
      if (o.vmHang === 0) log.push(...dbg(w.pid, 'sleeping forever with allocated memory', touchedAt));
      else if (o.vmHang > 0) log.push(...dbg(w.pid, `sleeping for ${o.vmHang}s with allocated memory`, touchedAt));
      const points = ramp(w.startMs, 0, touched, TOUCH_BYTES_PER_MS);
      // Without a hang (and without --vm-keep) the worker frees and reallocates all the time.
      curves.push(o.vmHang < 0 && !o.vmKeep ? { points, cycleFloor: 0 } : { points });
    }
  }
  const start: ProgramStart = { log, demand: { memory: sumCurves(curves), cpuCores: cores } };
  if (o.timeoutS) {
    // alarm(): every worker dies of SIGALRM, which the parent counts as a normal end.
    const end = o.timeoutS * 1000;
    const done = [...workers.flatMap((w) => dbg(1, `<-- worker ${w.pid} signalled normally`, end)), ...info(`successful run completed in ${o.timeoutS}s`, end)];
    start.exit = { afterMs: end, code: 0, log: done };
  }
  return start;
}
