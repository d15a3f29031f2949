// sleep and timeout on the injected clock. Durations: 1, 1.5, 5s, 2m, 1h, 1d (GNU and busybox alike).

import { AbortScope, signalStatus, type SignalName } from '../signal';
import type { CommandContext, CommandImpl } from '../types';
import { getopt, isOptError, optionError, q, usageError } from './getopt';

const UNITS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Milliseconds for "1.5", "5s", "2m"…; null when malformed. */
export function parseDuration(s: string): number | null {
  const m = /^(\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?([smhd]?)$/.exec(s);
  if (!m) return null;
  const n = Number(s.slice(0, s.length - m[2].length));
  return Number.isFinite(n) ? n * UNITS[m[2]] : null;
}

async function badInterval(ctx: CommandContext, name: string, arg: string): Promise<number> {
  if (ctx.flavor === 'busybox') {
    await ctx.io.stderr.write(`${name}: invalid number '${arg}'\n`);
    return 1;
  }
  await ctx.io.stderr.write(`${name}: invalid time interval ${q(ctx, arg)}\n`);
  return usageError(ctx, name, null, name === 'timeout' ? 125 : 1);
}

export const sleep: CommandImpl = async (argv, ctx) => {
  const args = argv.slice(1);
  if (args[0] === '--') args.shift();
  else if (args[0]?.startsWith('-') && args[0].length > 1) {
    return optionError(ctx, 'sleep', { kind: 'invalid', opt: args[0][1] });
  }
  if (!args.length) return usageError(ctx, 'sleep', ctx.flavor === 'busybox' ? null : 'missing operand', 1);
  let total = 0;
  for (const a of args) {
    const ms = parseDuration(a);
    if (ms === null) return badInterval(ctx, 'sleep', a);
    total += ms;
  }
  await ctx.sleep(total);
  return 0;
};

const SIGNALS: Record<string, SignalName> = { TERM: 'SIGTERM', KILL: 'SIGKILL', INT: 'SIGINT', HUP: 'SIGHUP', '15': 'SIGTERM', '9': 'SIGKILL', '2': 'SIGINT', '1': 'SIGHUP' };

export const timeout: CommandImpl = async (argv, ctx) => {
  const p = getopt(argv.slice(1), {
    short: 's:k:v',
    long: { 'signal=': 's', 'kill-after=': 'k', 'preserve-status': 'p', foreground: 'f', verbose: 'v' },
    stopAtOperand: true,
  });
  if (isOptError(p)) return optionError(ctx, 'timeout', p, 125);
  let sig: SignalName = 'SIGTERM';
  let preserve = false;
  let killAfter: number | null = null;
  for (const [k, v] of p.opts) {
    if (k === 's') {
      const s = SIGNALS[v.toUpperCase().replace(/^SIG/, '')];
      if (!s) {
        await ctx.io.stderr.write(`timeout: ${v}: invalid signal\n`);
        return usageError(ctx, 'timeout', null, 125);
      }
      sig = s;
    } else if (k === 'p') preserve = true;
    else if (k === 'k') killAfter = parseDuration(v);
  }
  const [dur, ...cmd] = p.operands;
  if (dur === undefined || !cmd.length) {
    if (ctx.flavor === 'busybox') return usageError(ctx, 'timeout', null, 1);
    return usageError(ctx, 'timeout', null, 125);
  }
  const ms = parseDuration(dur);
  if (ms === null) return badInterval(ctx, 'timeout', dur);
  if (!ctx.hasProgram(cmd[0])) {
    if (ctx.flavor === 'busybox') await ctx.io.stderr.write(`timeout: can't execute '${cmd[0]}': No such file or directory\n`);
    else await ctx.io.stderr.write(`timeout: failed to run command ${q(ctx, cmd[0])}: No such file or directory\n`);
    return 127;
  }
  const child = new AbortScope(ctx.signal);
  const timer = new AbortScope(ctx.signal);
  let timedOut = false;
  if (ms > 0) {
    void ctx.sleep(ms, timer).then(() => {
      if (timer.aborted) return;
      timedOut = true;
      child.abort(sig);
      if (killAfter !== null) void ctx.sleep(killAfter, timer).then(() => child.abort('SIGKILL'));
    });
  }
  let st: number;
  try {
    st = await ctx.exec(cmd, { signal: child });
  } finally {
    timer.abort('SIGTERM');
    timer.dispose();
    child.dispose();
  }
  if (ctx.signal.aborted) return signalStatus(ctx.signal.reason!);
  if (!timedOut) return st;
  if (preserve) return st;
  // busybox's timeout is replaced by the command it runs, so the shell sees the signal's status.
  return ctx.flavor === 'busybox' ? signalStatus(sig) : 124;
};

