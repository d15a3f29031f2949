// ClusterIP and NodePort allocation: random within the range, preferring the upper band for dynamic picks
// (KEP-3070 / KEP-3668), so static choices like 10.96.0.10 stay free. State is derived from stored Services.
// mirrors: pkg/registry/core/service/ipallocator, portallocator

import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import type { Store } from '../../store/store';
import type { AdmissionContext } from '../context';
import type { KubeObject, Writable } from '../../api/types';
import { StatusError, statusBody } from '../../api/errors';
import { Rng } from '../../clock/rng';

export const SERVICE_CIDR = { base: ipToInt('10.96.0.0'), size: 1 << 20 };
export const NODE_PORT_RANGE = { base: 30000, size: 2768 };

export function ipToInt(ip: string): number {
  return ip.split('.').reduce((a, b) => a * 256 + Number(b), 0);
}

export function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

class Allocators {
  constructor(private readonly store: Store) {}

  private used(exclude?: KubeObject): { ips: Set<number>; ports: Set<number> } {
    const ips = new Set<number>();
    const ports = new Set<number>();
    for (const o of this.store.list('services')) {
      if (exclude && o.metadata!.uid === exclude.metadata!.uid) continue;
      const s = o as Service;
      for (const ip of s.spec?.clusterIPs ?? (s.spec?.clusterIP ? [s.spec.clusterIP] : [])) if (ip !== 'None') ips.add(ipToInt(ip));
      for (const p of s.spec?.ports ?? []) if (p.nodePort) ports.add(p.nodePort);
    }
    return { ips, ports };
  }

  allocate(svc: Writable<Service> & KubeObject, old: (Writable<Service> & KubeObject) | undefined, ctx: AdmissionContext): void {
    const spec = (svc.spec ??= {});
    const type = spec.type ?? 'ClusterIP';
    const used = this.used(old);
    const name = svc.metadata?.name ?? '';
    if (type === 'ExternalName') {
      delete spec.clusterIP;
      delete spec.clusterIPs;
      for (const p of spec.ports ?? []) delete p.nodePort;
      return;
    }
    if (old && old.spec?.clusterIP && (old.spec.type ?? 'ClusterIP') !== 'ExternalName') {
      if (!spec.clusterIP) spec.clusterIP = old.spec.clusterIP;
      if (!spec.clusterIPs) spec.clusterIPs = old.spec.clusterIPs;
    } else if (spec.clusterIP === 'None') {
      spec.clusterIPs = ['None'];
    } else if (spec.clusterIP) {
      const n = ipToInt(spec.clusterIP);
      if (!/^\d+\.\d+\.\d+\.\d+$/.test(spec.clusterIP) || n < SERVICE_CIDR.base || n >= SERVICE_CIDR.base + SERVICE_CIDR.size) {
        throw invalidField(name, 'spec.clusterIPs', `[]string{"${spec.clusterIP}"}`, `failed to allocate IP ${spec.clusterIP}: the provided IP (${spec.clusterIP}) is not in the valid range. The range of valid IPs is 10.96.0.0/12`);
      }
      if (used.ips.has(n)) {
        throw invalidField(name, 'spec.clusterIPs', `[]string{"${spec.clusterIP}"}`, `failed to allocate IP ${spec.clusterIP}: provided IP is already allocated`);
      }
      spec.clusterIPs = [spec.clusterIP];
    } else {
      const ip = intToIp(pick(SERVICE_CIDR.base, SERVICE_CIDR.size, 256, used.ips, ctx, `clusterip/${svc.metadata?.namespace}/${name}`));
      spec.clusterIP = ip;
      spec.clusterIPs = [ip];
    }
    spec.ipFamilies ??= ['IPv4'];
    spec.ipFamilyPolicy ??= 'SingleStack';
    const wantsNodePorts = type === 'NodePort' || (type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
    const ports: ServicePort[] = spec.ports ?? [];
    ports.forEach((p, i) => {
      if (!wantsNodePorts) {
        delete p.nodePort;
        return;
      }
      const prev = old?.spec?.ports?.find((q) => q.port === p.port && (q.protocol ?? 'TCP') === (p.protocol ?? 'TCP'))?.nodePort;
      if (p.nodePort) {
        if (p.nodePort === prev) return;
        if (p.nodePort < NODE_PORT_RANGE.base || p.nodePort >= NODE_PORT_RANGE.base + NODE_PORT_RANGE.size) {
          throw invalidField(name, `spec.ports[${i}].nodePort`, String(p.nodePort), 'provided port is not in the valid range. The range of valid ports is 30000-32767');
        }
        if (used.ports.has(p.nodePort)) throw invalidField(name, `spec.ports[${i}].nodePort`, String(p.nodePort), 'provided port is already allocated');
      } else {
        p.nodePort = prev ?? pick(NODE_PORT_RANGE.base, NODE_PORT_RANGE.size, 86, used.ports, ctx, `nodeport/${svc.metadata?.namespace}/${name}/${i}`);
      }
      used.ports.add(p.nodePort);
    });
  }
}

/** A random free value in [base+offset, base+size), falling back to the lower band; never the first (network) address. */
function pick(base: number, size: number, offset: number, used: Set<number>, ctx: AdmissionContext, label: string): number {
  // Random per service name, so one service's address does not depend on others created before it.
  const rng = Rng.derive(ctx.seed, label);
  for (let tries = 0; tries < 64; tries++) {
    const v = base + offset + rng.int(size - offset - 1);
    if (!used.has(v)) return v;
  }
  for (let v = base + 1; v < base + size - 1; v++) if (!used.has(v)) return v;
  throw new StatusError(statusBody(500, 'InternalError', 'Internal error occurred: range is full'));
}

function invalidField(name: string, field: string, value: string, detail: string): StatusError {
  const message = `Invalid value: ${value}: ${detail}`;
  return new StatusError(
    statusBody(422, 'Invalid', `Service "${name}" is invalid: ${field}: ${message}`, {
      name,
      kind: 'Service',
      causes: [{ reason: 'FieldValueInvalid', message, field }],
    }),
  );
}

const perStore = new WeakMap<Store, Allocators>();

export function allocatorsFor(store: Store): Allocators {
  let a = perStore.get(store);
  if (!a) perStore.set(store, (a = new Allocators(store)));
  return a;
}
