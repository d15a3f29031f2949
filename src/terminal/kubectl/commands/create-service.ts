// kubectl create service (svc) clusterip | externalname | loadbalancer | nodeport: a Service selecting
// app=NAME with the --tcp port pairs.
// mirrors: kubectl/pkg/cmd/create/create_service.go

import type { CommandSpec } from '../command';
import type { FlagDef } from '../flags';
import type { KubeObject } from '../../../engine/api/types';
import { KubectlError } from '../errors';
import { isDNS1123Subdomain, isValidPortName, isValidPortNum } from '../../../engine/api/validation/names';
import { goQuote } from '../printers/gofmt';
import { GENERATOR_FLAGS, completeCreate, createTyped, nameArg, newMeta, objectNamespace } from './create-common';

type ServiceType = 'ClusterIP' | 'ExternalName' | 'LoadBalancer' | 'NodePort';

const TCP_FLAG: FlagDef = { name: 'tcp', type: 'stringSlice', default: [], usage: "Port pairs can be specified as '<port>:<targetPort>'." };

/** utilnet.ParsePort(s, true): strconv.ParseUint(s, 10, 16). */
function parsePort(s: string): number {
  if (!/^[0-9]+$/.test(s)) throw new KubectlError(`error: strconv.ParseUint: parsing ${goQuote(s)}: invalid syntax`);
  const n = Number(s);
  if (n > 65535) throw new KubectlError(`error: strconv.ParseUint: parsing ${goQuote(s)}: value out of range`);
  return n;
}

/** parsePorts: `port[:targetPort]`, the target a number or a port name. */
export function parsePorts(spec: string): { port: number; targetPort: number | string } {
  const parts = spec.split(':');
  const port = parsePort(parts[0]);
  if (parts.length === 1) return { port, targetPort: port };
  const t = parts[1];
  // strconv.Atoi: an optional sign and decimal digits within int64.
  if (/^[+-]?[0-9]+$/.test(t) && Math.abs(Number(t)) <= Number.MAX_SAFE_INTEGER) {
    const n = Number(t);
    const errs = isValidPortNum(n);
    if (errs.length) throw new KubectlError(`error: ${errs.join(',')}`);
    return { port, targetPort: n };
  }
  const errs = isValidPortName(t);
  if (errs.length) throw new KubectlError(`error: ${errs.join(',')}`);
  return { port, targetPort: t };
}

interface Variant {
  type: ServiceType;
  name: string;
  short: string;
  long: string;
  examples: string;
  usage: string;
  flags: FlagDef[];
}

const VARIANTS: Variant[] = [
  {
    type: 'ClusterIP',
    name: 'clusterip',
    short: 'Create a ClusterIP service',
    long: 'Create a ClusterIP service with the specified name.',
    examples: '  # Create a new ClusterIP service named my-cs\n  kubectl create service clusterip my-cs --tcp=5678:8080\n  \n  # Create a new ClusterIP service named my-cs (in headless mode)\n  kubectl create service clusterip my-cs --clusterip="None"',
    usage: 'kubectl create service clusterip NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none] [options]',
    flags: [TCP_FLAG, { name: 'clusterip', type: 'string', default: '', usage: "Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing)." }],
  },
  {
    type: 'NodePort',
    name: 'nodeport',
    short: 'Create a NodePort service',
    long: 'Create a NodePort service with the specified name.',
    examples: '  # Create a new NodePort service named my-ns\n  kubectl create service nodeport my-ns --tcp=5678:8080',
    usage: 'kubectl create service nodeport NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]',
    flags: [{ name: 'node-port', type: 'int', default: 0, usage: 'Port used to expose the service on each node in a cluster.' }, TCP_FLAG],
  },
  {
    type: 'LoadBalancer',
    name: 'loadbalancer',
    short: 'Create a LoadBalancer service',
    long: 'Create a LoadBalancer service with the specified name.',
    examples: '  # Create a new LoadBalancer service named my-lbs\n  kubectl create service loadbalancer my-lbs --tcp=5678:8080',
    usage: 'kubectl create service loadbalancer NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]',
    flags: [TCP_FLAG],
  },
  {
    type: 'ExternalName',
    name: 'externalname',
    short: 'Create an ExternalName service',
    long: 'Create an ExternalName service with the specified name.\n\n ExternalName service references to an external DNS address instead of only pods, which will allow application authors to reference services that exist off platform, on other clusters, or locally.',
    examples: '  # Create a new ExternalName service named my-ns\n  kubectl create service externalname my-ns --external-name bar.com',
    usage: 'kubectl create service externalname NAME --external-name external.name [--dry-run=server|client|none] [options]',
    flags: [TCP_FLAG, { name: 'external-name', type: 'string', default: '', usage: 'External name of service', required: true }],
  },
];

function variant(vt: Variant): CommandSpec {
  return {
    name: vt.name,
    short: vt.short,
    long: vt.long,
    examples: vt.examples,
    usage: vt.usage,
    flags: [...GENERATOR_FLAGS, ...vt.flags],
    async run(k, args, f) {
      const name = nameArg(args, f, `service ${vt.name}`);
      // ServiceOptions never reads --save-config: the flag is accepted and ignored.
      const s = { ...(await completeCreate(k, f)), saveConfig: false };
      const v = f.values;
      const clusterIP = (v.clusterip as string | undefined) ?? '';
      const tcp = v.tcp as string[];
      const externalName = (v['external-name'] as string | undefined) ?? '';
      if (clusterIP === 'None' && vt.type !== 'ClusterIP') throw new KubectlError('error: ClusterIP=None can only be used with ClusterIP service type');
      if (clusterIP !== 'None' && tcp.length === 0 && vt.type !== 'ExternalName') throw new KubectlError('error: at least one tcp port specifier must be provided');
      if (vt.type === 'ExternalName' && isDNS1123Subdomain(externalName).length) throw new KubectlError(`error: invalid service external name ${externalName}`);
      const nodePort = (v['node-port'] as number | undefined) ?? 0;
      const ports = tcp.map((spec) => {
        const { port, targetPort } = parsePorts(spec);
        const p: Record<string, unknown> = { name: spec.replace(/:/g, '-'), protocol: 'TCP', port, targetPort };
        if (nodePort) p.nodePort = nodePort;
        return p;
      });
      const spec: Record<string, unknown> = {};
      if (ports.length) spec.ports = ports;
      spec.selector = { app: name };
      if (clusterIP) spec.clusterIP = clusterIP;
      spec.type = vt.type;
      if (externalName) spec.externalName = externalName;
      const obj: KubeObject = { kind: 'Service', apiVersion: 'v1', metadata: newMeta(name, objectNamespace(s), { labels: { app: name } }), spec, status: { loadBalancer: {} } };
      return createTyped(k, { group: '', version: 'v1', resource: 'services', kind: 'Service', namespaced: true, errorPrefix: `failed to create ${vt.type} service: ` }, obj, s);
    },
  };
}

export function serviceCommand(): CommandSpec {
  return {
    name: 'service',
    aliases: ['svc'],
    short: 'Create a service using a specified subcommand',
    long: 'Create a service using a specified subcommand.',
    usage: 'kubectl create service [flags] [options]',
    flags: [],
    subcommands: VARIANTS.map(variant),
  };
}
