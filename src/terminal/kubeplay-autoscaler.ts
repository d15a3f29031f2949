// `kubeplay autoscaler enable|disable|status`: turns the Cluster Autoscaler model on (one node group of
// workers between --min and --max nodes of the given shape), off, or shows what it is doing.

import type { AutoscalerControl } from './playground';
import { tryParseQuantity } from '../engine/util/quantity';

export const AUTOSCALER_HELP = `  kubeplay autoscaler enable --min 3 --max 10 [--node-cpu 4] [--node-memory 8Gi] [--node-pods 110]
                                   add nodes for unschedulable pods, remove underused ones
  kubeplay autoscaler disable|status
`;

type Out = (s: string) => unknown;
type Err = (s: string) => Promise<number>;

function flagsOf(args: string[]): { named: Record<string, string>; positional: string[] } {
  const named: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const m = /^--([\w-]+)(?:=(.*))?$/.exec(args[i]);
    if (m) named[m[1]] = m[2] ?? args[++i] ?? '';
    else positional.push(args[i]);
  }
  return { named, positional };
}

function count(text: string | undefined, fallback: number): number | undefined {
  if (text === undefined) return fallback;
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

export async function autoscalerCommand(control: AutoscalerControl | undefined, args: string[], out: Out, err: Err): Promise<number> {
  if (!control) return err('autoscaler: not available in this playground');
  const [verb, ...rest] = args;
  const { named, positional } = flagsOf(rest);
  if (positional.length) return err(`autoscaler: unexpected argument "${positional[0]}"`);
  switch (verb) {
    case 'enable': {
      const known = ['min', 'max', 'node-cpu', 'node-memory', 'node-pods'];
      const unknown = Object.keys(named).find((k) => !known.includes(k));
      if (unknown) return err(`autoscaler enable: unknown flag --${unknown}`);
      if (named.max === undefined) return err('autoscaler enable: --max is required');
      const min = count(named.min, 0);
      const max = count(named.max, 0);
      const pods = count(named['node-pods'], 110);
      if (min === undefined) return err(`autoscaler enable: invalid --min "${named.min}"`);
      if (max === undefined || max < 1) return err(`autoscaler enable: invalid --max "${named.max}"`);
      if (max < min) return err(`autoscaler enable: --max (${max}) is less than --min (${min})`);
      if (pods === undefined || pods < 1) return err(`autoscaler enable: invalid --node-pods "${named['node-pods']}"`);
      const cpu = named['node-cpu'] ?? '4';
      const memory = named['node-memory'] ?? '8Gi';
      if (!tryParseQuantity(cpu) || tryParseQuantity(cpu)!.sign() <= 0) return err(`autoscaler enable: invalid --node-cpu "${cpu}"`);
      if (!tryParseQuantity(memory) || tryParseQuantity(memory)!.sign() <= 0) return err(`autoscaler enable: invalid --node-memory "${memory}"`);
      control.enable({ min, max, nodeCpu: cpu, nodeMemory: memory, nodePods: pods });
      await out(`cluster autoscaler enabled: node group workers, ${min}-${max} nodes (${cpu} CPU, ${memory} memory, ${pods} pods each)\n`);
      return 0;
    }
    case 'disable':
      if (!control.disable()) return err('autoscaler: not enabled');
      await out('cluster autoscaler disabled\n');
      return 0;
    case 'status': {
      const s = control.status();
      if (!s) {
        await out('cluster autoscaler: disabled\n');
        return 0;
      }
      const rows = [
        ['NODE GROUP', 'MIN', 'MAX', 'TARGET', 'REGISTERED', 'READY', 'SCALE-UP', 'SCALE-DOWN'],
        ['workers', String(s.settings.min), String(s.settings.max), String(s.target), String(s.registered), String(s.ready), s.scaleUp, s.candidates ? `${s.scaleDown} (${s.candidates})` : s.scaleDown],
      ];
      const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
      await out(`cluster autoscaler: enabled (nodes of ${s.settings.nodeCpu} CPU, ${s.settings.nodeMemory} memory, ${s.settings.nodePods} pods)\n`);
      await out(rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] + 3))).join('')).join('\n') + '\n');
      return 0;
    }
    case undefined:
      return err('autoscaler: a subcommand is required (enable, disable, status)');
    default:
      return err(`autoscaler: unknown subcommand "${verb}"`);
  }
}
