// kubectl's entry point: finds the command (and subcommand), parses flags with the global ones, runs it,
// and reports errors exactly as kubectl does (stderr, exit code 1).

import type { CommandSpec } from './command';
import { GLOBAL_FLAGS, HELP_FLAG } from './command';
import { FlagSet, FlagError, RequiredFlagError } from './flags';
import { Kubectl, type KubectlEnv } from './context';
import { KubectlError, ServerError } from './errors';
import { UnknownResourceError } from './discovery';
import { COMMANDS } from './commands/index';
import { commandHelp, rootHelp } from './help';

export async function runKubectl(env: KubectlEnv, argv: string[]): Promise<number> {
  const k = new Kubectl(env);
  try {
    return await dispatch(k, argv);
  } catch (e) {
    return report(k, e);
  }
}

async function report(k: Kubectl, e: unknown): Promise<number> {
  if (e instanceof ServerError) {
    await k.err(e.message.endsWith('\n') ? e.message : e.message + '\n');
    return e.exitCode;
  }
  if (e instanceof KubectlError) {
    if (e.message) await k.err(e.message.endsWith('\n') ? e.message : e.message + '\n');
    return e.exitCode;
  }
  if (e instanceof UnknownResourceError) {
    await k.err(`error: ${e.message}\n`);
    return 1;
  }
  throw e;
}

/** Splits argv into the command path and the rest, like cobra's Find (flags may come first). */
function findCommand(argv: string[]): { path: CommandSpec[]; rest: string[] } {
  const path: CommandSpec[] = [];
  let list = COMMANDS;
  const rest: string[] = [];
  const globals = new FlagSet(GLOBAL_FLAGS);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('-')) {
      rest.push(a);
      // A global flag's separate value belongs to it, not to the command path.
      const name = a.startsWith('--') ? a.slice(2) : a.slice(1);
      const def = a.startsWith('--') ? GLOBAL_FLAGS.find((f) => f.name === name) : GLOBAL_FLAGS.find((f) => f.short === name);
      if (def && def.type !== 'bool' && !a.includes('=') && i + 1 < argv.length) rest.push(argv[++i]);
      continue;
    }
    const cmd = list.find((c) => c.name === a || c.aliases?.includes(a));
    if (!cmd || (path.length && !path[path.length - 1].subcommands)) {
      rest.push(...argv.slice(i));
      break;
    }
    path.push(cmd);
    if (!cmd.subcommands) {
      rest.push(...argv.slice(i + 1));
      break;
    }
    list = cmd.subcommands;
  }
  void globals;
  return { path, rest };
}

async function dispatch(k: Kubectl, argv: string[]): Promise<number> {
  const { path, rest } = findCommand(argv);
  if (path.length === 0) {
    const first = rest.find((a) => !a.startsWith('-'));
    if (first !== undefined && !['help'].includes(first)) {
      await k.err(unknownCommand(first, 'kubectl', COMMANDS));
      return 1;
    }
    if (first === 'help') {
      const topic = rest.filter((a) => !a.startsWith('-'))[1];
      const cmd = topic ? COMMANDS.find((c) => c.name === topic) : undefined;
      await k.out(cmd ? commandHelp(cmd, [cmd.name]) : rootHelp(COMMANDS));
      return 0;
    }
    try {
      const flags = new FlagSet([...GLOBAL_FLAGS, HELP_FLAG]).parse(rest);
      if (flags.values.help) {
        await k.out(rootHelp(COMMANDS));
        return 0;
      }
    } catch (e) {
      if (e instanceof FlagError) {
        await k.err(`error: ${e.message}\nSee 'kubectl --help' for usage.\n`);
        return 1;
      }
      throw e;
    }
    await k.out(rootHelp(COMMANDS));
    return 0;
  }
  const cmd = path[path.length - 1];
  const names = path.map((c) => c.name);
  const fullName = ['kubectl', ...names].join(' ');
  const set = new FlagSet([...cmd.flags, ...GLOBAL_FLAGS.filter((g) => !cmd.flags.some((f) => f.name === g.name)), HELP_FLAG]);
  let parsed;
  try {
    parsed = set.parse(rest);
  } catch (e) {
    if (e instanceof FlagError) {
      await k.err(`error: ${e.message}\nSee '${fullName} --help' for usage.\n`);
      return 1;
    }
    throw e;
  }
  if (parsed.values.help) {
    await k.out(commandHelp(cmd, names));
    return 0;
  }
  try {
    set.checkRequired(parsed);
  } catch (e) {
    if (e instanceof RequiredFlagError) {
      await k.err(`error: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  if (!cmd.run) {
    // A group command (config, rollout, set, create…) without a subcommand.
    if (parsed.args.length) {
      await k.err(`error: unknown command "${parsed.args[0]}"\nSee '${fullName} -h' for help and examples\n`);
      return 1;
    }
    await k.out(commandHelp(cmd, names));
    return 0;
  }
  if (cmd.noArgs && parsed.args.length) {
    await k.err(`error: unknown command "${parsed.args[0]}" for "${fullName}"\n`);
    return 1;
  }
  const as = parsed.values.as as string;
  if (as) k.as = { user: as, groups: (parsed.values['as-group'] as string[]) ?? [] };
  return cmd.run(k, parsed.args, parsed, names);
}

/** cobra's unknown-command error with its "Did you mean this?" suggestions (distance ≤ 2 or prefix). */
function unknownCommand(name: string, parent: string, candidates: CommandSpec[]): string {
  const suggestions = candidates.filter((c) => levenshtein(name.toLowerCase(), c.name.toLowerCase()) <= 2 || c.name.toLowerCase().startsWith(name.toLowerCase())).map((c) => c.name);
  let s = `error: unknown command "${name}" for "${parent}"\n`;
  if (suggestions.length) s += `\nDid you mean this?\n${suggestions.map((x) => `\t${x}\n`).join('')}`;
  return s;
}

function levenshtein(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d[i] = [i];
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length][b.length];
}
