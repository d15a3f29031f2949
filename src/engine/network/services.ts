// kube-proxy's view of Services: which Service owns a virtual IP (ClusterIP, externalIPs, load-balancer IPs)
// or a NodePort, and the endpoints a connection may be sent to (ready ones, else serving-terminating ones),
// picked round robin per service port (iptables picks at random; round robin keeps runs deterministic),
// with ClientIP session affinity.
// mirrors: pkg/proxy/iptables/proxier.go, pkg/proxy/topology.go (CategorizeEndpoints), pkg/proxy/endpointslicecache.go

import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { KubeObject } from '../api/types';
import type { Store, StoreEvent } from '../store/store';
import { selectorFromSet } from '../api/selectors/labels';

export type SvcObj = Service & KubeObject;
const SLICES = 'endpointslices.discovery.k8s.io';

export interface ServiceEndpoint {
  ip: string;
  port: number;
  nodeName?: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  hostname?: string;
}

/** The protocol of a service port (TCP unless set). */
export function portProtocol(p: { protocol?: string }): string {
  return p.protocol ?? 'TCP';
}

export class ServiceTable {
  /** Virtual IP → service key (namespace/name). */
  private vips = new Map<string, string>();
  /** `port/protocol` → service key. */
  private nodePorts = new Map<string, string>();
  /** What each service filed itself under, to unfile on change. */
  private filed = new Map<string, { vips: string[]; nodePorts: string[] }>();
  /** Round-robin cursor per `ns/name/portName`. */
  private cursors = new Map<string, number>();
  /** ClientIP affinity: `ns/name/portName/clientIP` → endpoint and expiry. */
  private affinity = new Map<string, { ep: string; until: number }>();

  constructor(private readonly store: Store) {
    for (const o of store.list('services')) this.file(o as SvcObj);
    store.watch('services', {}, (e) => this.onEvent(e));
  }

  private onEvent(e: StoreEvent): void {
    const svc = e.object as SvcObj;
    this.unfile(key(svc));
    if (e.type !== 'DELETED') this.file(svc);
  }

  private file(svc: SvcObj): void {
    const k = key(svc);
    const vips: string[] = [];
    const nps: string[] = [];
    const spec = svc.spec ?? {};
    if (spec.type !== 'ExternalName') {
      for (const ip of spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : [])) if (ip && ip !== 'None') vips.push(ip);
      for (const ip of spec.externalIPs ?? []) vips.push(ip);
      if (spec.type === 'LoadBalancer') for (const ing of svc.status?.loadBalancer?.ingress ?? []) if (ing.ip) vips.push(ing.ip);
      for (const p of spec.ports ?? []) if (p.nodePort) nps.push(`${p.nodePort}/${portProtocol(p)}`);
    }
    for (const v of vips) this.vips.set(v, k);
    for (const n of nps) this.nodePorts.set(n, k);
    this.filed.set(k, { vips, nodePorts: nps });
  }

  private unfile(k: string): void {
    const f = this.filed.get(k);
    if (!f) return;
    for (const v of f.vips) if (this.vips.get(v) === k) this.vips.delete(v);
    for (const n of f.nodePorts) if (this.nodePorts.get(n) === k) this.nodePorts.delete(n);
    this.filed.delete(k);
  }

  get(namespace: string, name: string): SvcObj | undefined {
    return this.store.get('services', namespace, name) as SvcObj | undefined;
  }

  /** The Service answering on a virtual IP, if any. */
  byVip(ip: string): SvcObj | undefined {
    const k = this.vips.get(ip);
    return k ? this.byKey(k) : undefined;
  }

  /** The Service and port owning a node port. */
  byNodePort(port: number, protocol = 'TCP'): { svc: SvcObj; port: ServicePort } | undefined {
    const k = this.nodePorts.get(`${port}/${protocol}`);
    const svc = k ? this.byKey(k) : undefined;
    const sp = svc?.spec?.ports?.find((p) => p.nodePort === port && portProtocol(p) === protocol);
    return svc && sp ? { svc, port: sp } : undefined;
  }

  private byKey(k: string): SvcObj | undefined {
    const i = k.indexOf('/');
    return this.get(k.slice(0, i), k.slice(i + 1));
  }

  /** Every endpoint of a service port, from the service's EndpointSlices (kube-proxy's source). */
  endpoints(svc: SvcObj, sp: ServicePort): ServiceEndpoint[] {
    const out: ServiceEndpoint[] = [];
    const name = sp.name ?? '';
    const protocol = portProtocol(sp);
    for (const o of this.slices(svc)) {
      const slice = o as unknown as EndpointSlice;
      const port = (slice.ports ?? []).find((p) => (p.name ?? '') === name && (p.protocol ?? 'TCP') === protocol);
      if (!port || port.port == null) continue;
      for (const ep of slice.endpoints ?? []) {
        const c = ep.conditions ?? {};
        // A nil ready condition means ready; serving defaults to ready; terminating to false.
        const ready = c.ready !== false;
        for (const ip of ep.addresses ?? []) {
          out.push({ ip, port: port.port, nodeName: ep.nodeName, ready, serving: c.serving ?? ready, terminating: c.terminating ?? false, hostname: ep.hostname });
        }
      }
    }
    return out;
  }

  slices(svc: SvcObj): KubeObject[] {
    return this.store.listBySelector(SLICES, svc.metadata!.namespace, selectorFromSet({ 'kubernetes.io/service-name': svc.metadata!.name! }));
  }

  /**
   * The endpoints traffic may use: ready ones, or when there are none, serving-terminating ones
   * (ProxyTerminatingEndpoints). `onlyNode` restricts them for the Local traffic policies.
   */
  usable(svc: SvcObj, sp: ServicePort, onlyNode?: string): ServiceEndpoint[] {
    let eps = this.endpoints(svc, sp);
    if (onlyNode !== undefined) eps = eps.filter((e) => e.nodeName === onlyNode);
    const ready = eps.filter((e) => e.ready);
    if (ready.length) return ready;
    return eps.filter((e) => e.serving && e.terminating);
  }

  /** Picks the endpoint for a new connection (affinity first, then round robin), or undefined if none. */
  pick(svc: SvcObj, sp: ServicePort, clientIP: string, now: number, onlyNode?: string): ServiceEndpoint | undefined {
    const eps = this.usable(svc, sp, onlyNode);
    if (eps.length === 0) return undefined;
    eps.sort((a, b) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : a.port - b.port));
    const base = `${key(svc)}/${sp.name ?? ''}`;
    const spec = svc.spec ?? {};
    if (spec.sessionAffinity === 'ClientIP') {
      const ak = `${base}/${clientIP}`;
      const hit = this.affinity.get(ak);
      const timeout = (spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? 10800) * 1000;
      if (hit && hit.until > now) {
        const ep = eps.find((e) => `${e.ip}:${e.port}` === hit.ep);
        if (ep) {
          hit.until = now + timeout;
          return ep;
        }
      }
      const ep = this.next(base, eps);
      this.affinity.set(ak, { ep: `${ep.ip}:${ep.port}`, until: now + timeout });
      return ep;
    }
    return this.next(base, eps);
  }

  private next(base: string, eps: ServiceEndpoint[]): ServiceEndpoint {
    const n = this.cursors.get(base) ?? 0;
    this.cursors.set(base, n + 1);
    return eps[n % eps.length];
  }
}

export function key(svc: KubeObject): string {
  return `${svc.metadata!.namespace}/${svc.metadata!.name}`;
}
