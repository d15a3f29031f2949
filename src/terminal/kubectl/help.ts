// `kubectl --help`, `kubectl <command> --help`, `kubectl help …` and the usage text: kubectl's cobra
// templates (section order, name padding, flag layout), its root command groups and cobra's suggestions.
// mirrors: kubectl/pkg/util/templates/templates.go, templater.go, help_flags_printer.go; cobra command.go

import type { CommandSpec } from './command';
import type { FlagDef } from './flags';
import { wrapString as wordWrap } from './commands/wordwrap';
import { goDuration } from './commands/go-duration';

/** kubectl's root command groups, in `kubectl --help` order (kubectl/pkg/cmd/cmd.go). */
export const ROOT_GROUPS: { message: string; commands: string[] }[] = [
  { message: 'Basic Commands (Beginner):', commands: ['create', 'expose', 'run', 'set'] },
  { message: 'Basic Commands (Intermediate):', commands: ['explain', 'get', 'edit', 'delete'] },
  { message: 'Deploy Commands:', commands: ['rollout', 'scale', 'autoscale'] },
  { message: 'Cluster Management Commands:', commands: ['certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint'] },
  {
    message: 'Troubleshooting and Debugging Commands:',
    commands: ['describe', 'logs', 'attach', 'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events'],
  },
  { message: 'Advanced Commands:', commands: ['diff', 'apply', 'patch', 'replace', 'wait', 'kustomize'] },
  { message: 'Settings Commands:', commands: ['label', 'annotate', 'completion'] },
];

/** Root commands added after the groups, in kubectl's AddCommand order (cobra suggests in that order). */
const ROOT_LATER = ['alpha', 'config', 'plugin', 'version', 'api-versions', 'api-resources', 'options'];

/** Kept out of the root listing: `options`, and `alpha` while it has no subcommands. */
const ROOT_FILTERED = new Set(['options', 'alpha']);

/** cobra's minNamePadding. */
const MIN_NAME_PADDING = 11;

/** help_flags_printer.go: flag usages wrap this many columns short of the terminal limit. */
const FLAG_WRAP_OFFSET = 10;

export const ROOT_LONG = 'kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/';

/** The root command (`kubectl`) around a list of top-level commands. */
export function rootCommand(commands: CommandSpec[]): CommandSpec {
  return { name: 'kubectl', short: 'kubectl controls the Kubernetes cluster manager', long: ROOT_LONG, usage: 'kubectl [flags] [options]', flags: [], subcommands: commands };
}

/** cobra's default `help` command. */
export const HELP_COMMAND: CommandSpec = {
  name: 'help',
  short: 'Help about any command',
  long: 'Help provides help for any command in the application.\nSimply type kubectl help [path to command] for full details.',
  usage: 'kubectl help [command] [flags] [options]',
  flags: [],
};

/** Order of the root's children as kubectl adds them: groups first, then the rest. */
export function rootOrder(name: string): number {
  let i = 0;
  for (const g of ROOT_GROUPS) {
    for (const c of g.commands) {
      if (c === name) return i;
      i++;
    }
  }
  const j = ROOT_LATER.indexOf(name);
  return j < 0 ? i + ROOT_LATER.length : i + j;
}

/**
 * Runnable or with available subcommands (cobra IsAvailableCommand): `alpha` without alpha commands is
 * neither, so kubectl neither lists nor suggests it.
 */
export function isAvailable(cmd: CommandSpec): boolean {
  return cmd.name !== 'alpha' || !!cmd.subcommands?.length;
}

/** pflag's DefValue as the help shows it: quoted for string flags. */
export function flagDefault(f: FlagDef): string {
  const d = f.default;
  switch (f.type) {
    case 'bool':
      return String(d ?? false);
    case 'int':
      return String(d ?? 0);
    case 'stringArray':
    case 'stringSlice':
      return `[${((d as string[] | undefined) ?? []).map(csvField).join(',')}]`;
    case 'duration':
      return goDuration((d as number | undefined) ?? 0);
    case 'mapStringString':
      // pflag prints a map flag's default as its pairs, unquoted: empty for none.
      return ((d as string[] | undefined) ?? []).join(',');
    default:
      return `'${d ?? ''}'`;
  }
}

/** encoding/csv quoting, as pflag's slice flags write their values. */
function csvField(v: string): string {
  if (v === '' || !/[",\r\n]/.test(v) && v[0] !== ' ' && v[0] !== '\t') return v;
  return `"${v.replace(/"/g, '""')}"`;
}

/** One flag as help_flags_printer.go prints it: the flag line, then the usage on tab-indented lines. */
function flagUsage(f: FlagDef, wrapLimit: number): string {
  const head = `    ${f.short ? `-${f.short}, ` : ''}--${f.name}=${flagDefault(f)}:`;
  // Usage lines are joined with spaces before wrapping; without a terminal nothing wraps.
  const usage = f.usage.split('\n').join(' ');
  const body = wrapLimit > 0 ? wordWrap(usage, wrapLimit - FLAG_WRAP_OFFSET) : usage;
  return `${head}\n${body}`.replace(/\n/g, '\n\t') + '\n\n';
}

/** The Options section's body: visible flags sorted by name. */
export function flagUsages(flags: FlagDef[], wrapLimit = 0): string {
  return flags
    .filter((f) => !f.hidden && !f.deprecated)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((f) => flagUsage(f, wrapLimit))
    .join('');
}

const trimRight = (s: string): string => s.replace(/\s+$/, '');

function padding(siblings: CommandSpec[]): number {
  return Math.max(MIN_NAME_PADDING, ...siblings.map((c) => c.name.length));
}

function commandLine(c: CommandSpec, pad: number): string {
  return `  ${c.name.padEnd(pad)}   ${c.short}`;
}

/** cmdGroupsString: the root's groups (other root commands under "Other Commands:"), else "Available Commands:". */
function commandGroups(cmd: CommandSpec, isRoot: boolean): string {
  const subs = cmd.subcommands ?? [];
  const pad = padding(subs);
  const byName = new Map(subs.map((c) => [c.name, c]));
  const lines = (cmds: (CommandSpec | undefined)[]) => cmds.filter((c): c is CommandSpec => !!c && isAvailable(c)).map((c) => commandLine(c, pad));
  if (!isRoot) {
    const sorted = subs.filter((c) => c.name !== 'options').sort((a, b) => (a.name < b.name ? -1 : 1));
    return ['Available Commands:', ...lines(sorted)].join('\n');
  }
  const grouped = new Set(ROOT_GROUPS.flatMap((g) => g.commands));
  const others = subs.filter((c) => !grouped.has(c.name) && !ROOT_FILTERED.has(c.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
  const groups = ROOT_GROUPS.map((g) => [g.message, ...lines(g.commands.map((n) => byName.get(n)))].join('\n'));
  // kubectl's plugin group lists the plugins found on PATH: the playground has none.
  groups.push('Subcommands provided by plugins:');
  groups.push(['Other Commands:', ...lines(others)].join('\n'));
  return groups.join('\n\n');
}

/** The usage text (MainUsageTemplate): what `--help` prints after the description. */
export function usageString(cmd: CommandSpec, path: string[], limit = 0): string {
  const isRoot = path.length === 0;
  let s = '\n\n';
  if (cmd.aliases?.length) s += `Aliases:\n${[cmd.name, ...cmd.aliases].join(', ')}\n\n`;
  if (cmd.examples) s += `Examples:\n${trimRight(cmd.examples)}\n\n`;
  if (cmd.subcommands?.some(isAvailable)) s += `${commandGroups(cmd, isRoot)}\n\n`;
  const local = cmd.flags.filter((f) => f.name !== 'help');
  // The section appears when any local flag exists, hidden or not, as the template tests HasFlags.
  if (local.length) s += `Options:\n${trimRight(flagUsages(local, limit))}\n\n`;
  // Every kubectl command is runnable, so the Usage section always appears.
  s += `Usage:\n  ${cmd.usage}\n\n`;
  if (cmd.subcommands?.length) s += `Use "${['kubectl', ...path].join(' ')} <command> --help" for more information about a given command.\n`;
  s += 'Use "kubectl options" for a list of global command-line options (applies to all commands).\n';
  return s;
}

/**
 * kubectl's wrap limit for a terminal this many columns wide (term.getTerminalLimitWidth): 120, 100 or 80,
 * and 0 (no wrapping) below 80 columns or when output is not a terminal (columns undefined).
 */
export function wrapLimit(columns: number | undefined): number {
  if (columns === undefined) return 0;
  return columns >= 120 ? 120 : columns >= 100 ? 100 : columns >= 80 ? 80 : 0;
}

/**
 * The help of a command (MainHelpTemplate): its trimmed long description, then the usage text. `path`
 * is the command path without `kubectl` ([] for the root). With a wrap limit, kubectl's responsive
 * writer wraps each of the two parts at that limit and flag usages 10 columns shorter.
 */
export function commandHelp(cmd: CommandSpec, path: string[], limit = 0): string {
  const desc = (cmd.long || cmd.short).trim();
  const usage = usageString(cmd, path, limit);
  return limit > 0 ? wordWrap(desc, limit) + wordWrap(usage, limit) : desc + usage;
}

export function rootHelp(commands: CommandSpec[], limit = 0): string {
  return commandHelp(rootCommand(commands), [], limit);
}

/** cobra's Levenshtein distance (case-insensitive, as SuggestionsFor asks). */
function distance(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** cobra's SuggestionsFor over the root's commands in the order kubectl adds them (distance ≤ 2 or prefix). */
export function suggestionsFor(typed: string, commands: CommandSpec[]): string[] {
  return [...commands]
    .sort((a, b) => rootOrder(a.name) - rootOrder(b.name))
    .filter(isAvailable)
    .filter((c) => distance(typed, c.name) <= 2 || c.name.toLowerCase().startsWith(typed.toLowerCase()))
    .map((c) => c.name);
}

/** `error: unknown command "gett" for "kubectl"` with cobra's "Did you mean this?" list. */
export function unknownCommandError(typed: string, commands: CommandSpec[]): string {
  const s = suggestionsFor(typed, commands);
  const hint = s.length ? `\n\nDid you mean this?\n${s.map((x) => `\t${x}\n`).join('')}` : '';
  return `error: unknown command "${typed}" for "kubectl"${hint}`.replace(/\n?$/, '\n');
}
