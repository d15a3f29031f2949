// The standard utilities every shell gets (coreutils-like in the terminal, busybox applets in
// containers); registered commands of the same name replace them.

import type { CommandImpl } from '../types';
import { awk } from './awk';
import { base64 } from './base64';
import { cat, rev, tee } from './cat';
import { cut, tr } from './cut';
import { date } from './date';
import { echo } from './echo';
import { chmod, cp, ln, mkdir, mv, rm, rmdir, touch } from './files';
import { grep } from './grep';
import { head, tail } from './headtail';
import { ls, stat } from './ls';
import {
  basenameCmd, dirnameCmd, env, falseCmd, hostname, id, printenv, pwd, seq, testCmd, trueCmd, uname, which, whoami, yes,
} from './misc';
import { printf } from './printf';
import { sed } from './sed';
import { sleep, timeout } from './sleep';
import { sort, uniq } from './sort';
import { wc } from './wc';
import { xargs } from './xargs';

const ALL: Readonly<Record<string, CommandImpl>> = {
  echo, printf, true: trueCmd, false: falseCmd, sleep, timeout, env, printenv, date, hostname, seq, yes,
  cat, tee, rev, base64, grep, awk, head, tail, wc, sort, uniq, cut, tr, sed, xargs,
  touch, rm, rmdir, mkdir, ls, cp, mv, ln, stat, chmod,
  uname, whoami, id, basename: basenameCmd, dirname: dirnameCmd, which, pwd, test: testCmd, '[': testCmd,
  egrep: (argv, ctx) => grep(['grep', '-E', ...argv.slice(1)], ctx),
  fgrep: (argv, ctx) => grep(['grep', '-F', ...argv.slice(1)], ctx),
};

/** All standard utilities (true), none (false), or the named ones. */
export function standardUtilities(which: boolean | readonly string[]): Record<string, CommandImpl> {
  if (which === true) return { ...ALL };
  if (which === false) return {};
  const out: Record<string, CommandImpl> = {};
  for (const n of which) if (ALL[n]) out[n] = ALL[n];
  return out;
}

export const STANDARD_UTILITY_NAMES: readonly string[] = Object.keys(ALL);
