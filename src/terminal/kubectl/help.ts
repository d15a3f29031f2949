// `kubectl --help` and `kubectl <command> --help`: the sections and layout kubectl prints.

import type { CommandSpec } from './command';
import type { FlagDef } from './flags';

const GROUPS = [
  'Basic Commands (Beginner)',
  'Basic Commands (Intermediate)',
  'Deploy Commands',
  'Cluster Management Commands',
  'Troubleshooting and Debugging Commands',
  'Advanced Commands',
  'Settings Commands',
  'Other Commands',
];

/** kubectl's order of commands within the help groups. */
const ORDER = ['create', 'expose', 'run', 'set', 'explain', 'get', 'edit', 'delete', 'rollout', 'scale', 'autoscale', 'certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint', 'describe', 'logs', 'attach', 'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events', 'diff', 'apply', 'patch', 'replace', 'wait', 'kustomize', 'label', 'annotate', 'completion', 'api-resources', 'api-versions', 'config', 'plugin', 'version'];

function orderOf(name: string): number {
  const i = ORDER.indexOf(name);
  return i < 0 ? ORDER.length : i;
}

export function rootHelp(commands: CommandSpec[]): string {
  commands = [...commands].sort((a, b) => orderOf(a.name) - orderOf(b.name));
  let s = 'kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\n';
  for (const g of GROUPS) {
    const cmds = commands.filter((c) => (c.group ?? 'Other Commands') === g && !c.name.startsWith('_'));
    if (g === 'Other Commands') s += 'Subcommands provided by plugins:\n\n';
    if (cmds.length === 0) continue;
    s += `${g}:\n`;
    for (const c of cmds) s += `  ${c.name.padEnd(15)} ${c.short}\n`;
    s += '\n';
  }
  s += 'Usage:\n  kubectl [flags] [options]\n\nUse "kubectl <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n';
  return s;
}

function flagDefault(f: FlagDef): string {
  const d = f.default;
  if (f.type === 'bool') return String(d ?? false);
  if (f.type === 'int') return String(d ?? 0);
  if (f.type === 'stringArray' || f.type === 'stringSlice') return `[${((d as string[]) ?? []).join(',')}]`;
  if (f.type === 'duration') return formatDuration((d as number) ?? 0);
  return `'${d ?? ''}'`;
}

function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms % 60_000 === 0) return `${ms / 60_000}m0s`;
  return `${ms / 1000}s`;
}

/** Wraps usage text at 120 columns with a tab indent, as kubectl's templater does. */
function wrap(text: string): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    if (cur && cur.length + 1 + w.length > 112) {
      lines.push(cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  return lines.map((l) => `\t${l}`).join('\n');
}

export function commandHelp(cmd: CommandSpec, path: string[]): string {
  let s = `${(cmd.long ?? cmd.short).trim()}\n`;
  if (cmd.subcommands?.length) {
    s += '\nAvailable Commands:\n';
    for (const c of cmd.subcommands) s += `  ${c.name.padEnd(Math.max(...cmd.subcommands.map((x) => x.name.length)) + 2)}${c.short}\n`;
  }
  if (cmd.examples) s += `\nExamples:\n${cmd.examples.replace(/\s+$/, '')}\n`;
  const flags = cmd.flags.filter((f) => !f.hidden).sort((a, b) => (a.name < b.name ? -1 : 1));
  if (flags.length) {
    s += '\nOptions:\n';
    for (const f of flags) {
      s += `    ${f.short ? `-${f.short}, ` : ''}--${f.name}=${flagDefault(f)}:\n${wrap(f.usage)}\n\n`;
    }
    s = s.replace(/\n\n$/, '\n');
  }
  s += `\nUsage:\n  ${cmd.usage}\n\n`;
  if (cmd.subcommands?.length) s += `Use "kubectl ${path.join(' ')} <command> --help" for more information about a given command.\n`;
  s += 'Use "kubectl options" for a list of global command-line options (applies to all commands).\n';
  return s;
}
