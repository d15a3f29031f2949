// Control and evaluation builtins: exit, return, break, continue, eval, source/., exec, command,
// type, let, and the no-op `:`.

import { ExitShell, LoopControl, ReturnFromFunction } from '../control';
import { ShellSyntaxError } from '../errors';
import { invoke } from '../exec';
import { arith } from '../expand';
import { FsError, resolvePath } from '../fs';
import type { Interp } from '../interpreter';
import { syntaxError } from '../messages';
import { parseCached } from '../parser';
import type { Fd } from '../redirect';
import type { ShellIO } from '../streams';
import type { Builtin } from './types';

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'while', 'until', 'do', 'done', 'in', 'function', '{', '}', '!', '[[', ']]', 'time', 'select']);

/** Names `type` calls shell builtins even though they run as ordinary commands here. */
export const BUILTIN_UTILITIES = new Set(['echo', 'printf', 'test', '[', 'true', 'false', 'kill', 'pwd', 'read', 'wait', 'umask', 'trap', 'jobs', 'hash', 'times', 'getopts', 'help', 'history']);

function parseStatus(s: string): number | null {
  return /^[-+]?\d+$/.test(s.trim()) ? ((Number(s) % 256) + 256) % 256 : null;
}

const exitBuiltin: Builtin = async (argv, sh, io) => {
  if (argv.length > 1) {
    const n = parseStatus(argv[1]);
    if (n === null) {
      if (sh.flavor === 'busybox') await sh.err(`Illegal number: ${argv[1]}`, 'exit', io.stderr);
      else await sh.err(`${argv[1]}: numeric argument required`, 'exit', io.stderr);
      throw new ExitShell(2);
    }
    if (argv.length > 2 && sh.flavor === 'terminal') {
      await sh.err('too many arguments', 'exit', io.stderr);
      return 1;
    }
    throw new ExitShell(n);
  }
  throw new ExitShell(sh.state.status);
};

const returnBuiltin: Builtin = async (argv, sh, io) => {
  const n = argv.length > 1 ? parseStatus(argv[1]) : sh.state.status;
  if (n === null) {
    await sh.err(`${argv[1]}: numeric argument required`, 'return', io.stderr);
    throw new ReturnFromFunction(2);
  }
  if (sh.funcDepth === 0 && !sh.sourcing) {
    if (sh.flavor === 'busybox') throw new ExitShell(n);
    await sh.err("can only `return' from a function or sourced script", 'return', io.stderr);
    return 2;
  }
  throw new ReturnFromFunction(n);
};

function loopControl(kind: 'break' | 'continue'): Builtin {
  return async (argv, sh, io) => {
    const n = argv.length > 1 ? Number(argv[1]) : 1;
    if (!Number.isInteger(n) || n < 1) {
      await sh.err(`${argv[1]}: loop count out of range`, kind, io.stderr);
      return 1;
    }
    if (sh.loopDepth === 0) {
      if (sh.flavor === 'terminal') await sh.err("only meaningful in a `for', `while', or `until' loop", kind, io.stderr);
      return 0;
    }
    throw new LoopControl(kind, Math.min(n, sh.loopDepth));
  };
}

/** Parses and runs text in the current shell (eval, source). */
export async function runInShell(sh: Interp, text: string, io: ShellIO): Promise<number> {
  const parsed = parseCached(text);
  if (parsed instanceof ShellSyntaxError) {
    await io.stderr.write(syntaxError(sh, parsed.detail, text.split('\n')[parsed.line - 1] ?? null));
    return 2;
  }
  return sh.runList(parsed.body, sh.curFds);
}

const evalBuiltin: Builtin = (argv, sh, io) => runInShell(sh, argv.slice(1).join(' '), io);

const sourceBuiltin: Builtin = async (argv, sh, io) => {
  const name = argv[0];
  if (argv.length < 2) {
    if (sh.flavor === 'busybox') return 0;
    await sh.err('filename argument required', name, io.stderr);
    await io.stderr.write(`${name}: usage: ${name} filename [arguments]\n`);
    return 2;
  }
  let text: string;
  try {
    text = sh.fs.readFile(resolvePath(sh.cwd, argv[1]));
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
    if (sh.flavor === 'busybox') await sh.err(`can't open '${argv[1]}': ${e.message}`, name, io.stderr);
    else await sh.err(`${argv[1]}: ${e.message}`, undefined, io.stderr);
    return 1;
  }
  const savedPos = sh.state.positional;
  if (argv.length > 2) sh.state.positional = argv.slice(2);
  sh.sourcing++;
  try {
    return await runInShell(sh, text, io);
  } catch (e) {
    if (e instanceof ReturnFromFunction) return e.status;
    throw e;
  } finally {
    sh.sourcing--;
    if (argv.length > 2) sh.state.positional = savedPos;
  }
};

const execBuiltin: Builtin = async (argv, sh) => {
  if (argv.length < 2) return 0;
  const st = await invoke(sh, argv.slice(1), sh.curFds as Fd[], null, true);
  throw new ExitShell(st);
};

/** Where `type` and `command -v` say a registered command lives. */
export function commandPath(sh: Interp, name: string): string {
  if (sh.flavor === 'busybox') return `/bin/${name}`;
  return sh.shared.utilityNames.has(name) ? `/usr/bin/${name}` : `/usr/local/bin/${name}`;
}

function describe(sh: Interp, name: string): { kind: string; text: string } | null {
  const bb = sh.flavor === 'busybox';
  const alias = sh.state.aliases.get(name);
  if (alias !== undefined) return { kind: 'alias', text: bb ? `${name} is an alias for ${alias}` : `${name} is aliased to \`${alias}'` };
  if (KEYWORDS.has(name)) return { kind: 'keyword', text: `${name} is a shell keyword` };
  if (sh.state.funcs.has(name)) return { kind: 'function', text: `${name} is a function` };
  if (BUILTINS_REF.map?.has(name) || BUILTIN_UTILITIES.has(name)) {
    return { kind: 'builtin', text: `${name} is a ${bb && ['.', ':', 'break', 'continue', 'eval', 'exec', 'exit', 'export', 'readonly', 'return', 'set', 'shift', 'trap', 'unset'].includes(name) ? 'special shell builtin' : 'shell builtin'}` };
  }
  if (sh.shared.commands.has(name)) return { kind: 'file', text: `${name} is ${commandPath(sh, name)}` };
  if (name.includes('/') && sh.fs.stat(resolvePath(sh.cwd, name))?.type === 'file') return { kind: 'file', text: `${name} is ${name}` };
  return null;
}

/** Filled by builtins/index.ts (avoids an import cycle). */
export const BUILTINS_REF: { map: Map<string, Builtin> | null } = { map: null };

const typeBuiltin: Builtin = async (argv, sh, io) => {
  let st = 0;
  for (const name of argv.slice(1)) {
    const d = describe(sh, name);
    if (d) await io.stdout.write(d.text + '\n');
    else {
      if (sh.flavor === 'busybox') await io.stdout.write(`${name}: not found\n`);
      else await sh.err(`${name}: not found`, 'type', io.stderr);
      st = sh.flavor === 'busybox' ? 127 : 1;
    }
  }
  return st;
};

const commandBuiltin: Builtin = async (argv, sh, io) => {
  let i = 1;
  let mode: 'run' | 'v' | 'V' = 'run';
  for (; i < argv.length && argv[i].startsWith('-'); i++) {
    if (argv[i] === '--') {
      i++;
      break;
    }
    if (argv[i] === '-v') mode = 'v';
    else if (argv[i] === '-V') mode = 'V';
    else if (argv[i] !== '-p') break;
  }
  const args = argv.slice(i);
  if (!args.length) return 0;
  if (mode === 'run') {
    const b = BUILTINS_REF.map?.get(args[0]);
    if (b) return b(args, sh, io);
    return invoke(sh, args, sh.curFds as Fd[], null, true);
  }
  let st = 0;
  for (const name of args) {
    const d = describe(sh, name);
    if (!d) {
      if (mode === 'V') {
        if (sh.flavor === 'busybox') await io.stdout.write(`${name}: not found\n`);
        else await sh.err(`${name}: not found`, 'command', io.stderr);
      }
      st = 1;
      continue;
    }
    if (mode === 'V') await io.stdout.write(d.text + '\n');
    else if (d.kind === 'file') await io.stdout.write(d.text.slice(d.text.lastIndexOf(' is ') + 4) + '\n');
    else if (d.kind === 'alias') await io.stdout.write(`alias ${name}='${sh.state.aliases.get(name)}'\n`);
    else await io.stdout.write(name + '\n');
  }
  return sh.flavor === 'busybox' && st ? 127 : st;
};

const letBuiltin: Builtin = async (argv, sh, io) => {
  if (argv.length < 2) {
    await sh.err('expression expected', 'let', io.stderr);
    return 1;
  }
  let v = 0n;
  for (const e of argv.slice(1)) v = arith(e, sh);
  return v !== 0n ? 0 : 1;
};

export const FLOW_BUILTINS: Record<string, Builtin> = {
  ':': () => 0,
  exit: exitBuiltin,
  return: returnBuiltin,
  break: loopControl('break'),
  continue: loopControl('continue'),
  eval: evalBuiltin,
  source: sourceBuiltin,
  '.': sourceBuiltin,
  exec: execBuiltin,
  type: typeBuiltin,
  command: commandBuiltin,
  let: letBuiltin,
};
