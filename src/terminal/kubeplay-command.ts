// `kubeplay …` in the terminal: chaos and playground controls (node kill/start/partition/add/remove,
// pod crash, stopping control-plane components). The page's buttons run the same command lines.

import type { CommandImpl } from '../engine/runtime/sh/types';
import type { PlaygroundHost } from './playground';
import { AUTOSCALER_HELP, autoscalerCommand } from './kubeplay-autoscaler';

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
  kubeplay curl [CURL OPTIONS] URL
                                   curl from the machine running the cluster: node IPs and
                                   NodePorts (172.18.0.x:3xxxx), load-balancer IPs, Ingress
                                   hosts and http://localhost/ (the ingress controller)
  kubeplay load SERVICE [-n NS] --rps N [--duration 2m] [--path /] [--port P]
                                   send HTTP requests to a Service in the background
  kubeplay load stop SERVICE [-n NS]
  kubeplay load list
  kubeplay lb enable|disable       the load-balancer pool (disabled: EXTERNAL-IP stays <pending>)
${AUTOSCALER_HELP}  kubeplay help                    this text
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
    if (args[0] === 'curl') {
      if (!host.curl) return err('curl is not available in this playground');
      return host.curl(['curl', ...args.slice(1)], ctx);
    }
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
      case 'load':
        return loadCommand(host, args.slice(1), defaultNamespace(), out, err);
      case 'autoscaler':
        return autoscalerCommand(host.autoscaler, args.slice(1), out, err);
      case 'lb': {
        if (!host.setLoadBalancer) return err('lb: not available in this playground');
        if (verb !== 'enable' && verb !== 'disable') return err(verb ? `lb: unknown subcommand "${verb}"` : `lb: a subcommand is required (enable, disable); the pool is ${host.loadBalancerEnabled?.() ? 'enabled' : 'disabled'}`);
        host.setLoadBalancer(verb === 'enable');
        await out(`load balancer pool 172.18.255.200-172.18.255.250 ${verb}d\n`);
        return 0;
      }
      default:
        return err(`unknown command "${group}"; see 'kubeplay help'`);
    }
  };
}

/** `kubeplay load …`: start, stop and list background load on Services. */
async function loadCommand(host: PlaygroundHost, args: string[], defaultNs: string, out: (s: string) => unknown, err: (s: string) => Promise<number>): Promise<number> {
  if (!host.load) return err('load: not available in this playground');
  const flags = parseFlags(args);
  const ns = flags.named.namespace ?? flags.named.n ?? defaultNs;
  const [first, second] = flags.positional;
  if (first === 'list' || first === undefined) {
    const runs = host.load.list();
    if (!runs.length) {
      await out('No load running.\n');
      return 0;
    }
    const rows = [['NAMESPACE', 'SERVICE', 'RPS', 'PATH', 'SENT', 'OK', 'ERRORS', 'FAILED', 'STATE']];
    for (const r of runs) rows.push([r.namespace, r.service, String(r.rps), r.path, String(r.sent), String(r.ok), String(r.errors), String(r.failed), r.running ? 'running' : 'done']);
    const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
    await out(rows.map((row) => row.map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i] + 3))).join('')).join('\n') + '\n');
    return 0;
  }
  if (first === 'stop') {
    if (!second) return err('load stop: a service name is required');
    const r = host.load.stop(ns, second);
    if (!r) return err(`load stop: no load running on service "${second}" in namespace "${ns}"`);
    await out(`load/${second} stopped: ${r.sent} requests (${r.ok} ok, ${r.errors} HTTP errors, ${r.failed} failed)\n`);
    return 0;
  }
  const rpsText = flags.named.rps;
  if (rpsText === undefined) return err('load: --rps is required (requests per second)');
  const rps = Number(rpsText);
  if (!Number.isFinite(rps) || rps <= 0 || rps > 100000) return err(`load: invalid --rps "${rpsText}"`);
  let durationMs: number | undefined;
  if (flags.named.duration !== undefined) {
    durationMs = parseGoDuration(flags.named.duration);
    if (durationMs === undefined || durationMs <= 0) return err(`load: invalid --duration "${flags.named.duration}" (examples: 30s, 2m, 1h30m)`);
  }
  let port: number | undefined;
  if (flags.named.port !== undefined) {
    port = Number(flags.named.port);
    if (!Number.isInteger(port) || port <= 0 || port > 65535) return err(`load: invalid --port "${flags.named.port}"`);
  }
  const path = flags.named.path ?? '/';
  const r = host.load.start({ namespace: ns, service: first, rps, durationMs, path, port });
  if ('error' in r) return err(`load: ${r.error}`);
  await out(`load/${first} started: ${rps} requests/s to http://${first}.${ns}${port ? ':' + port : ''}${path}${durationMs ? ` for ${flags.named.duration}` : ' (stop with: kubeplay load stop ' + first + (ns !== defaultNs ? ' -n ' + ns : '') + ')'}\n`);
  return 0;
}

/** 90, 30s, 2m, 1h30m, 500ms → milliseconds. */
function parseGoDuration(s: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s) * 1000;
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  let rest = s;
  while (rest) {
    const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)/.exec(rest);
    if (!m) return undefined;
    total += Number(m[1]) * units[m[2]];
    rest = rest.slice(m[0].length);
  }
  return total;
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
