// Small utilities: true, false, yes, seq, hostname, env, printenv, uname, whoami, id, basename,
// dirname, which, pwd, and test/[ as programs (for `timeout`/`xargs`).

import { TestError, evalTest } from '../builtins/test-expr';
import type { CommandImpl } from '../types';
import { getopt, isOptError, optionError, q, usageError } from './getopt';

export const trueCmd: CommandImpl = async () => 0;
export const falseCmd: CommandImpl = async () => 1;

export const yes: CommandImpl = async (argv, ctx) => {
  const line = (argv.length > 1 ? argv.slice(1).join(' ') : 'y') + '\n';
  const chunk = line.repeat(Math.max(1, Math.floor(4096 / line.length)));
  while (!ctx.signal.aborted) {
    await ctx.io.stdout.write(chunk);
    // Give timers (Ctrl-C, the clock) a turn: yes never blocks otherwise.
    await ctx.sleep(0);
  }
  return 0;
};

function decimals(s: string): number {
  const m = /\.(\d+)/.exec(s);
  return m && !/e/i.test(s) ? m[1].length : 0;
}

export const seq: CommandImpl = async (argv, ctx) => {
  const args = argv.slice(1);
  let sep = '\n';
  let equalWidth = false;
  let format: string | null = null;
  const nums: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-s' || a === '-f') {
      const v = args[++i];
      if (v === undefined) return optionError(ctx, 'seq', { kind: 'missing', opt: a[1] });
      if (a === '-s') sep = v;
      else format = v;
    } else if (a.startsWith('-s') && a.length > 2) sep = a.slice(2);
    else if (a === '-w') equalWidth = true;
    else if (/^-[^\d.]/.test(a)) return optionError(ctx, 'seq', { kind: 'invalid', opt: a[1] });
    else nums.push(a);
  }
  if (!nums.length) return usageError(ctx, 'seq', ctx.flavor === 'busybox' ? null : 'missing operand');
  if (nums.length > 3) return usageError(ctx, 'seq', ctx.flavor === 'busybox' ? null : `extra operand ${q(ctx, nums[3])}`);
  for (const n of nums) {
    if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(n)) {
      if (ctx.flavor === 'busybox') return usageError(ctx, 'seq', null);
      return usageError(ctx, 'seq', `invalid floating point argument: ${q(ctx, n)}`);
    }
  }
  const [first, inc, last] = nums.length === 1 ? ['1', '1', nums[0]] : nums.length === 2 ? [nums[0], '1', nums[1]] : nums;
  const a = Number(first);
  const step = Number(inc);
  const b = Number(last);
  if (step === 0) {
    if (ctx.flavor === 'busybox') return usageError(ctx, 'seq', null);
    return usageError(ctx, 'seq', `invalid Zero increment value: ${q(ctx, inc)}`);
  }
  const prec = Math.max(decimals(first), decimals(inc));
  const fmt = (v: number): string => {
    if (format !== null) return format.replace(/%(\.\d+)?[gfe]/, (_m, pr?: string) => (pr ? v.toFixed(Number(pr.slice(1))) : String(v)));
    return prec ? v.toFixed(prec) : String(Math.round(v * 1e9) / 1e9);
  };
  const out: string[] = [];
  for (let i = 0; ; i++) {
    const v = a + i * step;
    if (step > 0 ? v > b + 1e-12 : v < b - 1e-12) break;
    out.push(fmt(v));
    if (out.length % 10000 === 0 && ctx.signal.aborted) break;
  }
  if (equalWidth) {
    const w = Math.max(...out.map((s) => s.replace('-', '').length));
    for (let i = 0; i < out.length; i++) out[i] = out[i].startsWith('-') ? '-' + out[i].slice(1).padStart(w, '0') : out[i].padStart(w, '0');
  }
  if (out.length) await ctx.io.stdout.write(out.join(sep) + '\n');
  return 0;
};

export const hostname: CommandImpl = async (argv, ctx) => {
  const a = argv[1];
  if (a && a.startsWith('-') && !['-s', '-f', '--short', '--fqdn', '-i', '-d'].includes(a)) return optionError(ctx, 'hostname', { kind: 'invalid', opt: a[1] ?? '' });
  if (a === '-i') {
    await ctx.io.stdout.write((ctx.env.get('POD_IP') ?? '127.0.0.1') + '\n');
    return 0;
  }
  if (a === '-d') {
    await ctx.io.stdout.write('\n');
    return 0;
  }
  const name = a === '-s' || a === '--short' ? ctx.hostname.split('.')[0] : ctx.hostname;
  await ctx.io.stdout.write(name + '\n');
  return 0;
};

export const env: CommandImpl = async (argv, ctx) => {
  const p = getopt(argv.slice(1), { short: 'iu:0', long: { 'ignore-environment': 'i', 'unset=': 'u', null: '0' }, stopAtOperand: true });
  if (isOptError(p)) return optionError(ctx, 'env', p, 125);
  const ignore = p.opts.some(([k]) => k === 'i');
  const unset = new Set(p.opts.filter(([k]) => k === 'u').map(([, v]) => v));
  const extra: Record<string, string> = {};
  let i = 0;
  const ops = p.operands;
  if (ops[0] === '-') i++;
  for (; i < ops.length && /^[^=]+=/.test(ops[i]); i++) {
    const eq = ops[i].indexOf('=');
    extra[ops[i].slice(0, eq)] = ops[i].slice(eq + 1);
  }
  const cmd = ops.slice(i);
  if (!cmd.length) {
    const vars = new Map(ignore ? [] : ctx.env.entries());
    for (const u of unset) vars.delete(u);
    for (const [k, v] of Object.entries(extra)) vars.set(k, v);
    await ctx.io.stdout.write([...vars].map(([k, v]) => `${k}=${v}\n`).join(''));
    return 0;
  }
  if (!ctx.hasProgram(cmd[0])) {
    if (ctx.flavor === 'busybox') await ctx.io.stderr.write(`env: can't execute '${cmd[0]}': No such file or directory\n`);
    else await ctx.io.stderr.write(`env: ${q(ctx, cmd[0])}: No such file or directory\n`);
    return 127;
  }
  return ctx.exec(cmd, { env: extra });
};

export const printenv: CommandImpl = async (argv, ctx) => {
  const names = argv.slice(1).filter((a) => !a.startsWith('-'));
  if (!names.length) {
    await ctx.io.stdout.write(ctx.env.entries().map(([k, v]) => `${k}=${v}\n`).join(''));
    return 0;
  }
  let st = 0;
  let out = '';
  for (const n of names) {
    const v = ctx.env.get(n);
    if (v === undefined) st = 1;
    else out += v + '\n';
  }
  await ctx.io.stdout.write(out);
  return st;
};

export const uname: CommandImpl = async (argv, ctx) => {
  const p = getopt(argv.slice(1), { short: 'asnrvmpio', long: { all: 'a', 'kernel-name': 's', nodename: 'n', 'kernel-release': 'r', 'kernel-version': 'v', machine: 'm', 'operating-system': 'o' } });
  if (isOptError(p)) return optionError(ctx, 'uname', p);
  const f = new Set(p.opts.map(([k]) => k));
  const fields: [string, string][] = [
    ['s', 'Linux'], ['n', ctx.hostname], ['r', '6.6.0-kubeplay'], ['v', '#1 SMP PREEMPT_DYNAMIC'], ['m', 'x86_64'],
    ['p', ctx.flavor === 'busybox' ? 'unknown' : 'x86_64'], ['i', ctx.flavor === 'busybox' ? 'unknown' : 'x86_64'], ['o', 'GNU/Linux'],
  ];
  let sel = fields.filter(([k]) => f.has(k) || f.has('a'));
  if (f.has('a')) sel = sel.filter(([k, v]) => !((k === 'p' || k === 'i') && v === 'unknown'));
  if (!sel.length) sel = [fields[0]];
  await ctx.io.stdout.write(sel.map(([, v]) => v).join(' ') + '\n');
  return 0;
};

export const whoami: CommandImpl = async (_argv, ctx) => {
  await ctx.io.stdout.write('root\n');
  return 0;
};

export const id: CommandImpl = async (argv, ctx) => {
  const a = argv[1];
  const out = a === '-u' ? '0' : a === '-g' ? '0' : a === '-un' || a === '-nu' ? 'root' : a === '-G' ? '0' : 'uid=0(root) gid=0(root) groups=0(root)';
  await ctx.io.stdout.write(out + '\n');
  return 0;
};

export const basenameCmd: CommandImpl = async (argv, ctx) => {
  const args = argv.slice(1);
  if (!args.length) return usageError(ctx, 'basename', ctx.flavor === 'busybox' ? null : 'missing operand');
  const strip = (p: string): string => {
    const t = p.replace(/\/+$/, '');
    if (t === '') return p ? '/' : '';
    return t.slice(t.lastIndexOf('/') + 1);
  };
  let b = strip(args[0]);
  if (args[1] !== undefined && b !== args[1] && b.endsWith(args[1])) b = b.slice(0, -args[1].length);
  await ctx.io.stdout.write(b + '\n');
  return 0;
};

export const dirnameCmd: CommandImpl = async (argv, ctx) => {
  const args = argv.slice(1);
  if (!args.length) return usageError(ctx, 'dirname', ctx.flavor === 'busybox' ? null : 'missing operand');
  let out = '';
  for (const a of args) {
    const t = a.replace(/\/+$/, '');
    const i = t.lastIndexOf('/');
    out += (t === '' && a ? '/' : i < 0 ? '.' : i === 0 ? '/' : t.slice(0, i).replace(/\/+$/, '') || '/') + '\n';
  }
  await ctx.io.stdout.write(out);
  return 0;
};

export const which: CommandImpl = async (argv, ctx) => {
  let st = 0;
  let out = '';
  for (const n of argv.slice(1).filter((a) => a !== '-a')) {
    const p = ctx.programPath(n);
    if (p) out += p + '\n';
    else st = 1;
  }
  await ctx.io.stdout.write(out);
  return st;
};

export const pwd: CommandImpl = async (_argv, ctx) => {
  await ctx.io.stdout.write(ctx.cwd + '\n');
  return 0;
};

export const testCmd: CommandImpl = async (argv, ctx) => {
  let args = argv.slice(1);
  const name = argv[0].slice(argv[0].lastIndexOf('/') + 1);
  if (name === '[') {
    if (args[args.length - 1] !== ']') {
      await ctx.io.stderr.write(ctx.flavor === 'busybox' ? '[: missing ]\n' : `[: missing ${q(ctx, ']')}\n`);
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return evalTest(args, ctx);
  } catch (e) {
    if (!(e instanceof TestError)) throw e;
    await ctx.io.stderr.write(`${name}: ${ctx.flavor === 'busybox' ? e.busybox : e.bash}\n`);
    return 2;
  }
};
