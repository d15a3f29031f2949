// Option parsing for the utilities, as GNU getopt_long does it (clustered short options, attached or
// separate arguments, --long[=arg], `--`, operands anywhere unless stopAtOperand), and the usage
// errors each flavour prints for a bad option.

import type { CommandContext } from '../types';
import { BUSYBOX_BANNER, BUSYBOX_USAGE } from './usage';

export interface OptSpec {
  /** getopt letters; a ':' after a letter means it takes an argument. */
  short: string;
  /** Long options: name → key; a trailing '=' means it takes an argument, '?' an optional one (--x=v). */
  long?: Readonly<Record<string, string>>;
  /** Stop at the first operand (timeout, env, xargs, nice: the rest is a command). */
  stopAtOperand?: boolean;
}

export type OptError =
  | { kind: 'invalid'; opt: string }
  | { kind: 'missing'; opt: string }
  | { kind: 'unrecognized'; opt: string }
  | { kind: 'missingLong'; opt: string };

export interface Parsed {
  /** Options in order, as [key, value]; value is '' for flags. */
  opts: [string, string][];
  operands: string[];
}

export function getopt(args: readonly string[], spec: OptSpec): Parsed | OptError {
  const opts: [string, string][] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && spec.long) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const entries = Object.keys(spec.long).filter((k) => k.replace(/[=?]$/, '') === name);
      const matches = entries.length ? entries : Object.keys(spec.long).filter((k) => k.startsWith(name));
      if (matches.length !== 1) return { kind: 'unrecognized', opt: a };
      const def = matches[0];
      const key = spec.long[def];
      if (def.endsWith('?')) opts.push([key, eq < 0 ? '' : a.slice(eq + 1)]);
      else if (def.endsWith('=')) {
        let v: string | undefined = eq < 0 ? undefined : a.slice(eq + 1);
        if (v === undefined) v = args[++i];
        if (v === undefined) return { kind: 'missingLong', opt: '--' + def.slice(0, -1) };
        opts.push([key, v]);
      } else opts.push([key, '']);
      continue;
    }
    if (a.length > 1 && a[0] === '-') {
      for (let k = 1; k < a.length; k++) {
        const c = a[k];
        const at = spec.short.indexOf(c);
        if (at < 0 || c === ':') return { kind: 'invalid', opt: c };
        if (spec.short[at + 1] === ':' && spec.short[at + 2] === ':') {
          opts.push([c, a.slice(k + 1)]);
          break;
        }
        if (spec.short[at + 1] === ':') {
          let v = a.slice(k + 1);
          if (v === '') {
            if (i + 1 >= args.length) return { kind: 'missing', opt: c };
            v = args[++i];
          }
          opts.push([c, v]);
          break;
        }
        opts.push([c, '']);
      }
      continue;
    }
    if (spec.stopAtOperand) {
      operands.push(...args.slice(i));
      break;
    }
    operands.push(a);
  }
  return { opts, operands };
}

export function isOptError(p: Parsed | OptError): p is OptError {
  return 'kind' in p;
}

/** GNU's "Try 'X --help'" line, busybox's usage block. */
export async function usageTail(ctx: CommandContext, name: string): Promise<void> {
  if (ctx.flavor === 'busybox') {
    const u = BUSYBOX_USAGE[name];
    await ctx.io.stderr.write(`${BUSYBOX_BANNER}\n\nUsage: ${u ?? name}\n`);
    return;
  }
  if (name === 'grep') await ctx.io.stderr.write('Usage: grep [OPTION]... PATTERNS [FILE]...\n');
  await ctx.io.stderr.write(`Try '${name} --help' for more information.\n`);
}

/** Prints the error for a bad option; returns the status the utility exits with. */
export async function optionError(ctx: CommandContext, name: string, e: OptError, status = 1): Promise<number> {
  let line: string;
  switch (e.kind) {
    case 'invalid':
      line = `${name}: invalid option -- '${e.opt}'`;
      break;
    case 'missing':
      line = `${name}: option requires an argument -- '${e.opt}'`;
      break;
    case 'unrecognized':
      line = `${name}: unrecognized option '${e.opt}'`;
      break;
    case 'missingLong':
      line = `${name}: option '${e.opt}' requires an argument`;
      break;
  }
  await ctx.io.stderr.write(line + '\n');
  await usageTail(ctx, name);
  return status;
}

/** An operand error followed by the usage hint: `seq: missing operand` + Try…/usage. */
export async function usageError(ctx: CommandContext, name: string, message: string | null, status = 1): Promise<number> {
  if (message !== null) await ctx.io.stderr.write(`${name}: ${message}\n`);
  await usageTail(ctx, name);
  return status;
}

/** GNU quotes file names in ‘…’ in some messages (UTF-8 locale), busybox in '…'. */
export function q(ctx: CommandContext, s: string): string {
  return ctx.flavor === 'busybox' ? `'${s}'` : `‘${s}’`;
}

/** Shell-style quoting GNU uses for file names in rm/ls/cp messages: 'name'. */
export function sq(s: string): string {
  return s.includes("'") ? `"${s}"` : `'${s}'`;
}
