// `kubeplay …` in the terminal: chaos and playground controls (node kill/start/partition/add/remove,
// pod crash, stopping control-plane components). The page's buttons run the same command lines.

import type { CommandImpl } from '../engine/runtime/sh/types';
import type { PlaygroundHost } from './playground';

const HELP = `kubeplay controls the simulated cluster around Kubernetes.

Usage:
  kubeplay node kill NAME          power a node off: heartbeats stop, its containers are gone
  kubeplay node start NAME         power a node back on
  kubeplay node partition NAME     cut a node off from the API server (it keeps running)
  kubeplay node heal NAME          end a partition
  kubeplay node add [--name N] [--cpu 4] [--memory 8Gi] [--pods 110]
  kubeplay node remove NAME        delete a node and its kubelet
  kubeplay node list               list the simulated machines and their power state
  kubeplay pod crash NAME [-n NS] [-c CONTAINER]
                                   make a container exit with an error
  kubeplay component stop|start scheduler|controller-manager
  kubeplay help                    this text
`;

export function kubeplayCommand(host: PlaygroundHost | undefined, defaultNamespace: () => string): CommandImpl {
  return async (argv, ctx) => {
    const out = (s: string) => ctx.io.stdout.write(s);
    const err = async (s: string) => {
      await ctx.io.stderr.write(`kubeplay: ${s}\n`);
      return 1;
    };
    const args = argv.slice(1);
    if (args.length === 0 || args[0] === 'help' || args[0] === '--help' || args[0] === '-h') {
      await out(HELP);
      return args.length === 0 ? 1 : 0;
    }
    if (!host) return err('this terminal is connected to a remote API server; playground commands are not available');
    const [group, verb, ...rest] = args;
    const flags = parseFlags(rest);
    const needNode = (name: string | undefined): string | undefined => {
      if (!name) return undefined;
      return host.nodeNames().includes(name) ? name : undefined;
    };
    switch (group) {
      case 'node': {
        const name = flags.positional[0];
        switch (verb) {
          case 'list': {
            const lines = host.nodeNames().map((n) => `${n}\n`);
            await out(lines.join(''));
            return 0;
          }
          case 'kill':
          case 'start':
          case 'partition':
          case 'heal':
          case 'remove': {
            if (!name) return err(`node ${verb}: a node name is required`);
            if (!needNode(name)) return err(`node "${name}" not found`);
            if (verb === 'kill') host.killNode(name);
            else if (verb === 'start') host.startNode(name);
            else if (verb === 'partition') host.partitionNode(name);
            else if (verb === 'heal') host.healNode(name);
            else host.removeNode(name);
            const past = { kill: 'powered off', start: 'started', partition: 'partitioned', heal: 'reconnected', remove: 'removed' }[verb];
            await out(`node/${name} ${past}\n`);
            return 0;
          }
          case 'add': {
            const pods = flags.named.pods !== undefined ? Number(flags.named.pods) : undefined;
            if (pods !== undefined && (!Number.isInteger(pods) || pods <= 0)) return err(`node add: invalid --pods "${flags.named.pods}"`);
            if (flags.named.name && host.nodeNames().includes(flags.named.name)) return err(`node "${flags.named.name}" already exists`);
            const n = host.addNode({ name: flags.named.name, cpu: flags.named.cpu, memory: flags.named.memory, pods });
            await out(`node/${n} added\n`);
            return 0;
          }
          case undefined:
            return err('node: a subcommand is required (kill, start, partition, heal, add, remove, list)');
          default:
            return err(`node: unknown subcommand "${verb}"`);
        }
      }
      case 'pod': {
        if (verb !== 'crash') return err(verb ? `pod: unknown subcommand "${verb}"` : 'pod: a subcommand is required (crash)');
        const name = flags.positional[0];
        if (!name) return err('pod crash: a pod name is required');
        const ns = flags.named.namespace ?? flags.named.n ?? defaultNamespace();
        const r = host.crashPod(ns, name, flags.named.container ?? flags.named.c);
        if (r === 'not-found') return err(`pod "${name}" not found in namespace "${ns}"`);
        if (r === 'not-running') return err(`pod "${name}" has no running container to crash`);
        await out(`pod/${name} crashed\n`);
        return 0;
      }
      case 'component': {
        const comp = flags.positional[0];
        if (verb !== 'stop' && verb !== 'start') return err(verb ? `component: unknown subcommand "${verb}"` : 'component: a subcommand is required (stop, start)');
        if (comp !== 'scheduler' && comp !== 'controller-manager') return err(`component: unknown component "${comp ?? ''}" (scheduler, controller-manager)`);
        host.setComponent(comp, verb === 'start');
        await out(`${comp} ${verb === 'start' ? 'started' : 'stopped'}\n`);
        return 0;
      }
      default:
        return err(`unknown command "${group}"; see 'kubeplay help'`);
    }
  };
}

function parseFlags(args: string[]): { positional: string[]; named: Record<string, string> } {
  const positional: string[] = [];
  const named: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const m = /^--?([\w-]+)(?:=(.*))?$/.exec(a);
    if (m) {
      named[m[1]] = m[2] ?? args[++i] ?? '';
      continue;
    }
    positional.push(a);
  }
  return { positional, named };
}
