// The shape of a shell builtin: unlike registered commands it works on the interpreter itself.

import type { Interp } from '../interpreter';
import type { ShellIO } from '../streams';

export type Builtin = (argv: string[], sh: Interp, io: ShellIO) => number | Promise<number>;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isName(s: string): boolean {
  return NAME.test(s);
}

/** bash's `declare -x A="v"` quoting. */
export function dquote(v: string): string {
  return '"' + v.replace(/(["\\$`])/g, '\\$1') + '"';
}

/** Single-quote a value the way `alias`, `set` and busybox's `export -p` print it. */
export function squote(v: string): string {
  return "'" + v.replace(/'/g, `'\\''`) + "'";
}

/** bash's `set` output quotes only values that need it. */
export function squoteIfNeeded(v: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]*$/.test(v) ? v : squote(v);
}

/** Reports an unknown option the way each shell does; returns the status (2). */
export async function badOption(sh: Interp, io: ShellIO, name: string, opt: string, usage: string): Promise<number> {
  if (sh.flavor === 'busybox') {
    await sh.err(`illegal option ${opt}`, name, io.stderr);
    return 2;
  }
  await sh.err(`${opt}: invalid option`, name, io.stderr);
  await io.stderr.write(`${name}: usage: ${usage}\n`);
  return 2;
}
