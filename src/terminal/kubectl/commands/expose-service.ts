// The Service that `kubectl expose` (and `kubectl run --expose`) builds, in kubectl's struct field
// order, plus the introspection of the exposed object: selector, ports, protocols, labels.
// mirrors: kubectl/pkg/cmd/expose/expose.go (createService), kubectl/pkg/polymorphichelpers
//          (canbeexposed.go, mapbasedselectorforobject.go, portsforobject.go, multiprotocolsforobject.go)

import type { Container, ServicePort } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../../engine/api/types';
import { KubectlError } from '../errors';
import { atoi } from './run-pod';

export interface ServiceParams {
  name: string;
  selector: string;
  labels?: string;
  /** One port or a comma-separated list. */
  port?: string;
  protocol?: string;
  /** `80/TCP,53/UDP` from introspection. */
  protocols?: string;
  portName?: string;
  targetPort?: string;
  type?: string;
  externalIP?: string;
  loadBalancerIP?: string;
  sessionAffinity?: string;
  clusterIP?: string;
}

/** `a=b,c=d` → map, with expose's error texts. */
function parseMap(spec: string): Record<string, string> {
  if (!spec) throw new KubectlError('error: no label spec passed');
  const out: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2) throw new KubectlError(`error: unexpected label spec: ${part}`);
    if (!kv[0]) throw new KubectlError('error: unexpected empty label key');
    out[kv[0]] = kv[1];
  }
  return out;
}

function parseProtocols(spec: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of spec.split(',')) {
    const pp = part.split('/');
    if (pp.length !== 2) throw new KubectlError(`error: unexpected port protocol mapping: ${part}`);
    if (!pp[0]) throw new KubectlError('error: unexpected empty port');
    if (!pp[1]) throw new KubectlError('error: unexpected empty protocol');
    out.set(pp[0], [...(out.get(pp[0]) ?? []), pp[1]]);
  }
  return out;
}

/** ExposeServiceOptions.createService. */
export function buildService(p: ServiceParams): KubeObject {
  if (!p.selector) throw new KubectlError('error: selector must be specified');
  const selector = parseMap(p.selector);
  const labels = p.labels ? parseMap(p.labels) : undefined;
  if (!p.name) throw new KubectlError('error: name must be specified');
  const protoMap = p.protocols ? parseProtocols(p.protocols) : undefined;
  const ports: ServicePort[] = [];
  const list = p.port ? p.port.split(',') : [];
  list.forEach((ps, i) => {
    const port = atoi(ps);
    const name = list.length > 1 ? `port-${i + 1}` : (p.portName ?? '');
    let protocol = p.protocol ?? '';
    if (!protocol && !protoMap?.size) protocol = 'TCP';
    else if (!protocol && protoMap?.size) {
      protocol = 'TCP';
      const found = protoMap.get(ps);
      if (found?.length === 1) protocol = found[0];
      else if (found) {
        for (const pr of found) ports.push(servicePort(`port-${i + 1}-${pr.toLowerCase()}`, pr, port));
        return;
      }
    }
    ports.push(servicePort(name, protocol, port));
  });
  const target = p.targetPort ? (/^\d+$/.test(p.targetPort) ? Number(p.targetPort) : p.targetPort) : undefined;
  for (const sp of ports) (sp as { targetPort?: number | string }).targetPort = target ?? sp.port;
  const spec: Record<string, unknown> = { ports, selector };
  if (p.clusterIP) spec.clusterIP = p.clusterIP;
  if (p.type) spec.type = p.type;
  if (p.externalIP) spec.externalIPs = [p.externalIP];
  if (p.sessionAffinity) {
    if (p.sessionAffinity !== 'None' && p.sessionAffinity !== 'ClientIP') throw new KubectlError(`error: unknown session affinity: ${p.sessionAffinity}`);
    spec.sessionAffinity = p.sessionAffinity;
  }
  if (p.type === 'LoadBalancer' && p.loadBalancerIP) spec.loadBalancerIP = p.loadBalancerIP;
  const metadata: Record<string, unknown> = { name: p.name, creationTimestamp: null };
  if (labels) metadata.labels = labels;
  return { kind: 'Service', apiVersion: 'v1', metadata: metadata as KubeObject['metadata'], spec, status: { loadBalancer: {} } };
}

function servicePort(name: string, protocol: string, port: number): ServicePort {
  const sp: Record<string, unknown> = {};
  if (name) sp.name = name;
  sp.protocol = protocol;
  sp.port = port;
  return sp as unknown as ServicePort;
}

const EXPOSABLE = new Set(['/ReplicationController', '/Service', '/Pod', 'apps/Deployment', 'apps/ReplicaSet', 'extensions/Deployment', 'extensions/ReplicaSet']);

export function canBeExposed(group: string, kind: string): void {
  if (!EXPOSABLE.has(`${group}/${kind}`)) throw new KubectlError(`error: cannot expose a ${kind}${group ? '.' + group : ''}`);
}

function mapString(m: Record<string, string>): string {
  return Object.entries(m)
    .map(([key, val]) => `${key}=${val}`)
    .join(',');
}

/** MapBasedSelectorForObject. */
export function mapBasedSelector(o: KubeObject): string {
  const spec = (o.spec ?? {}) as { selector?: LabelSelector & Record<string, string> };
  switch (o.kind) {
    case 'ReplicationController':
      return mapString((spec.selector ?? {}) as Record<string, string>);
    case 'Pod':
      if (!Object.keys(o.metadata?.labels ?? {}).length) throw new Error('the pod has no labels and cannot be exposed');
      return mapString(o.metadata!.labels as Record<string, string>);
    case 'Service':
      if (!spec.selector) throw new Error('the service has no pod selector set');
      return mapString(spec.selector as Record<string, string>);
    case 'Deployment':
    case 'ReplicaSet': {
      const what = o.kind === 'Deployment' ? 'deployment' : 'replicaset';
      const sel = spec.selector as LabelSelector | undefined;
      if (!sel || !Object.keys(sel.matchLabels ?? {}).length) throw new Error(`invalid ${what}: no selectors, therefore cannot be exposed`);
      if (sel.matchExpressions?.length) throw new Error(`couldn't convert expressions - "${goExpressions(sel)}" to map-based selector format`);
      return mapString(sel.matchLabels as Record<string, string>);
    }
  }
  throw new Error(`cannot extract pod selector from *v1.${o.kind}`);
}

function goExpressions(sel: LabelSelector): string {
  return `[${(sel.matchExpressions ?? []).map((e) => `{Key:${e.key} Operator:${e.operator} Values:[${(e.values ?? []).join(' ')}]}`).join(' ')}]`;
}

function templateContainers(o: KubeObject): Container[] {
  const spec = o.spec as { containers?: Container[]; template?: { spec?: { containers?: Container[] } } } | undefined;
  return (o.kind === 'Pod' ? spec?.containers : spec?.template?.spec?.containers) ?? [];
}

/** PortsForObject: distinct container ports (or service ports), in order. */
export function portsForObject(o: KubeObject): string[] {
  const seen = new Set<string>();
  if (o.kind === 'Service') {
    for (const p of ((o.spec as { ports?: ServicePort[] }).ports ?? [])) seen.add(String(p.port));
    return [...seen];
  }
  for (const c of templateContainers(o)) for (const p of c.ports ?? []) seen.add(String(p.containerPort));
  return [...seen];
}

/** MultiProtocolsForObject, flattened to `port/PROTO,…` (makeProtocols). */
export function protocolsForObject(o: KubeObject): string {
  const out: string[] = [];
  if (o.kind === 'Service') {
    for (const p of ((o.spec as { ports?: ServicePort[] }).ports ?? [])) out.push(`${p.port}/${p.protocol || 'TCP'}`);
  } else for (const c of templateContainers(o)) for (const p of c.ports ?? []) out.push(`${p.containerPort}/${p.protocol || 'TCP'}`);
  return out.join(',');
}
