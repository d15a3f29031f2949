// kubectl's entry point: finds the command (and subcommand), parses flags with the global ones, runs it,
// and reports errors exactly as kubectl does (stderr, exit code 1).

import { OutputError } from './output';
import type { CommandSpec } from './command';
import { GLOBAL_FLAGS, HELP_FLAG } from './command';
import { FlagSet, FlagError, RequiredFlagError, type FlagDef } from './flags';
import { Kubectl, type KubectlEnv } from './context';
import { KubectlError, ServerError } from './errors';
import { UnknownResourceError } from './discovery';
import { COMMANDS } from './commands/index';
import { HELP_COMMAND, commandHelp, rootCommand, rootHelp, unknownCommandError, usageString, wrapLimit } from './help';
import { NO_ALPHA_COMMANDS, isUnavailable, isUnavailableFlag, notAvailableError, notAvailableFlagError, withUnavailable } from './unavailable';

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
    // A template that failed part-way: kubectl prints what it wrote (and its debugging dump) first.
    if (e instanceof OutputError && e.stdout) await k.out(e.stdout);
    if (e.message) await k.err(e.message.endsWith('\n') ? e.message : e.message + '\n');
    return e.exitCode;
  }
  if (e instanceof UnknownResourceError) {
    await k.err(`error: ${e.message}\n`);
    return 1;
  }
  throw e;
}

/** The registered commands plus stand-ins for kubectl's commands we lack (built once). */
let tree: CommandSpec[] | undefined;
function commandTree(): CommandSpec[] {
  return (tree ??= withUnavailable(COMMANDS));
}

const isBoolLike = (f: FlagDef | undefined): boolean => !!f && (f.type === 'bool' || f.noOptDefault !== undefined);

/**
 * cobra's stripFlags: the non-flag words of argv as Find sees them. A `--flag` or `-f` without `=` takes
 * the next word as its value unless it is a known flag with a default (a bool); unknown ones too.
 */
function stripFlags(argv: string[], flags: FlagDef[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const s = argv[i];
    if (s === '--') break;
    const long = s.startsWith('--') && !s.includes('=') && !isBoolLike(flags.find((f) => f.name === s.slice(2)));
    const short = s.startsWith('-') && !s.includes('=') && s.length === 2 && !isBoolLike(flags.find((f) => f.short === s[1]));
    if (long || short) {
      if (argv.length - i - 1 <= 1) break;
      i++;
    } else if (s !== '' && !s.startsWith('-')) words.push(s);
  }
  return words;
}

/** cobra's argsMinusFirstX: argv without the first word equal to `name` that is not a flag's value. */
function argsMinusFirst(argv: string[], name: string, flags: FlagDef[]): string[] {
  for (let i = 0; i < argv.length; i++) {
    const s = argv[i];
    if (s === '--') break;
    const long = s.startsWith('--') && !s.includes('=') && !isBoolLike(flags.find((f) => f.name === s.slice(2)));
    const short = s.startsWith('-') && !s.includes('=') && s.length === 2 && !isBoolLike(flags.find((f) => f.short === s[1]));
    if (long || short) i++;
    else if (!s.startsWith('-') && s === name) return [...argv.slice(0, i), ...argv.slice(i + 1)];
  }
  return argv;
}

/**
 * cobra's Find: walks the command tree by the non-flag words of argv (flags may come first). `unknown`
 * is the word the root does not know (cobra's legacyArgs error); `help` is the default help command.
 */
function findCommand(argv: string[], withHelp: boolean): { path: CommandSpec[]; rest: string[]; unknown?: string } {
  const path: CommandSpec[] = [];
  let list = withHelp ? [...commandTree(), HELP_COMMAND] : commandTree();
  let rest = argv;
  for (;;) {
    const flags = [...GLOBAL_FLAGS, ...(path.length ? path[path.length - 1].flags : [])];
    const words = stripFlags(rest, flags);
    const next = words.length ? list.find((c) => c.name === words[0] || c.aliases?.includes(words[0])) : undefined;
    if (!next) {
      if (path.length === 0 && words.length) return { path, rest, unknown: words[0] };
      return { path, rest };
    }
    path.push(next);
    rest = argsMinusFirst(rest, words[0], flags);
    list = next.subcommands ?? [];
  }
}

/** kubectl's terminal width for the help writer, when the output is a terminal that tells its width. */
function helpWrapLimit(stream: KubectlEnv['stdout']): number {
  // The page terminal may advertise `columns`; transcripts and pipes do not, so they never wrap.
  const columns = (stream as { columns?: unknown }).columns;
  return stream.isTTY && typeof columns === 'number' ? wrapLimit(columns) : 0;
}

/** Where a group command run without a subcommand prints its help (cmdutil.DefaultSubCommandRun). */
const BARE_GROUP_HELP: Record<string, 'stdout' | 'always'> = {
  rollout: 'stdout',
  // certificate's Run just prints its help, whatever the arguments.
  certificate: 'always',
};

/** Go's %#q for a []string: [`a` `b`] (double quotes for words that cannot be backquoted). */
function goQuoteList(words: string[]): string {
  return `[${words.map((w) => (/[`\x00-\x08\x0a-\x1f\x7f]/.test(w) ? JSON.stringify(w) : `\`${w}\``)).join(' ')}]`;
}

/** `kubectl help [command]`: cobra's help command. */
async function runHelpCommand(k: Kubectl, rest: string[]): Promise<number> {
  const set = new FlagSet([...GLOBAL_FLAGS, HELP_FLAG]);
  let parsed;
  try {
    parsed = set.parse(rest);
  } catch (e) {
    if (e instanceof FlagError) {
      await k.err(`error: ${e.message}\nSee 'kubectl help --help' for usage.\n`);
      return 1;
    }
    throw e;
  }
  if (parsed.values.help) {
    await k.out(commandHelp(HELP_COMMAND, ['help'], helpWrapLimit(k.env.stdout)));
    return 0;
  }
  const found = findCommand(parsed.args, true);
  if (found.unknown !== undefined) {
    await k.err(`Unknown help topic ${goQuoteList(parsed.args)}\n${usageString(rootCommand(commandTree()), [])}`);
    return 0;
  }
  return showHelp(k, found.path);
}

/** Prints a command's --help; stand-ins say they are not available. */
async function showHelp(k: Kubectl, path: CommandSpec[]): Promise<number> {
  const names = path.map((c) => c.name);
  const cmd = path[path.length - 1];
  if (cmd?.name === 'alpha' && path.length === 1 && isUnavailable(cmd)) {
    await k.err(NO_ALPHA_COMMANDS);
    return 0;
  }
  if (cmd && isUnavailable(cmd)) {
    await k.err(notAvailableError(names));
    return 1;
  }
  // kubectl options has an empty help template: it prints its list only when run.
  if (names.length === 1 && names[0] === 'options') return 0;
  const limit = helpWrapLimit(k.env.stdout);
  await k.out(cmd ? commandHelp(cmd, names, limit) : rootHelp(commandTree(), limit));
  return 0;
}

async function dispatch(k: Kubectl, argv: string[]): Promise<number> {
  // kubectl looks for a plugin when the root does not know the command; flags before it are refused.
  const first = argv.find((a) => !a.startsWith('-'));
  if (findCommand(argv, false).unknown !== undefined && first !== 'help' && argv[0].startsWith('-')) {
    await k.err(`Error: flags cannot be placed before plugin name: ${argv[0]}\n`);
    return 1;
  }
  const { path, rest, unknown } = findCommand(argv, true);
  if (unknown !== undefined) {
    await k.err(unknownCommandError(unknown, commandTree()));
    return 1;
  }
  if (path.length === 0) {
    try {
      new FlagSet([...GLOBAL_FLAGS, HELP_FLAG]).parse(rest);
    } catch (e) {
      if (e instanceof FlagError) {
        await k.err(`error: ${e.message}\nSee 'kubectl --help' for usage.\n`);
        return 1;
      }
      throw e;
    }
    // The root command's Run prints its help, like --help.
    return showHelp(k, []);
  }
  if (path[0] === HELP_COMMAND) return runHelpCommand(k, rest);
  const cmd = path[path.length - 1];
  // Commands we lack answer before their (unknown) flags are parsed.
  if (isUnavailable(cmd)) return showHelp(k, path);
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
  if (parsed.values.help) return showHelp(k, path);
  try {
    set.checkRequired(parsed);
  } catch (e) {
    if (e instanceof RequiredFlagError) {
      await k.err(`error: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const stubFlag = set.defs.find((f) => parsed.changed.has(f.name) && isUnavailableFlag(f));
  if (stubFlag) {
    await k.err(notAvailableFlagError(stubFlag.name));
    return 1;
  }
  if (!cmd.run) {
    // A group command (config, rollout, set…) without a subcommand.
    const mode = BARE_GROUP_HELP[names.join(' ')];
    if (mode === 'always') return showHelp(k, path);
    if (parsed.args.length) {
      await k.err(`error: unknown command "${parsed.args.join(' ')}"\nSee '${fullName} -h' for help and examples\n`);
      return 1;
    }
    if (mode === 'stdout') await k.out(commandHelp(cmd, names, helpWrapLimit(k.env.stdout)));
    else await k.err(commandHelp(cmd, names, helpWrapLimit(k.env.stderr)));
    return 1;
  }
  if (cmd.noArgs && parsed.args.length) {
    await k.err(`error: unknown command "${parsed.args[0]}" for "${fullName}"\n`);
    return 1;
  }
  const as = parsed.values.as as string;
  if (as) k.as = { user: as, groups: (parsed.values['as-group'] as string[]) ?? [] };
  return cmd.run(k, parsed.args, parsed, names);
}
