// Cluster DNS as CoreDNS's kubernetes plugin answers it (zone cluster.local, `pods insecure`), and the pod
// resolver's search path. Names outside the zone have no upstream here (the simulation has no internet).
// mirrors: coredns/plugin/kubernetes (records for services, headless endpoints, pods, PTR),
// the DNS spec https://github.com/kubernetes/dns/blob/master/docs/specification.md

import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/types';
import type { Store } from '../store/store';
import { CLUSTER_DOMAIN, dashed, isIPv4, undashed } from './addresses';
import type { ServiceTable, SvcObj } from './services';

export type DnsRecord = { type: 'A'; name: string; ip: string } | { type: 'CNAME'; name: string; target: string };

export interface DnsAnswer {
  rcode: 'NOERROR' | 'NXDOMAIN';
  /** The queried name (fully qualified, no trailing dot). */
  name: string;
  records: DnsRecord[];
  /** CoreDNS is authoritative for cluster.local (busybox omits "Non-authoritative answer:"). */
  authoritative: boolean;
}

const ZONE_SUFFIX = '.' + CLUSTER_DOMAIN;

export class ClusterDNS {
  constructor(
    private readonly store: Store,
    private readonly services: ServiceTable,
  ) {}

  /** The search path of a pod's resolv.conf (dnsPolicy ClusterFirst). */
  searchList(namespace: string): string[] {
    return [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
  }

  /** Answers one query for an absolute name (A or AAAA; the cluster is IPv4 only). */
  query(rawName: string, type: 'A' | 'AAAA'): DnsAnswer {
    const name = rawName.replace(/\.$/, '').toLowerCase();
    const nx: DnsAnswer = { rcode: 'NXDOMAIN', name, records: [], authoritative: name.endsWith(ZONE_SUFFIX) };
    if (!name.endsWith(ZONE_SUFFIX)) return nx;
    const labels = name.slice(0, -ZONE_SUFFIX.length).split('.');
    const records = this.lookup(labels);
    if (!records) return nx;
    // Follow an in-zone CNAME (ExternalName pointing at another service) like CoreDNS does.
    const last = records[records.length - 1];
    if (last?.type === 'CNAME' && last.target.endsWith(ZONE_SUFFIX)) {
      const more = this.query(last.target, type);
      if (more.rcode === 'NOERROR') records.push(...more.records);
    }
    const out = type === 'A' ? records : records.filter((r) => r.type === 'CNAME');
    return { rcode: 'NOERROR', name, records: out.map((r) => (r.name ? r : { ...r, name })), authoritative: true };
  }

  /** Records for the labels in front of cluster.local, or undefined for NXDOMAIN. */
  private lookup(labels: string[]): DnsRecord[] | undefined {
    const fq = labels.join('.') + ZONE_SUFFIX;
    // <a-b-c-d>.<ns>.pod: any well-formed address answers (`pods insecure`).
    if (labels.length === 3 && labels[2] === 'pod') {
      const ip = undashed(labels[0]);
      return ip ? [{ type: 'A', name: fq, ip }] : undefined;
    }
    if (labels.length === 3 && labels[2] === 'svc') {
      const svc = this.services.get(labels[1], labels[0]);
      if (!svc) return undefined;
      const spec = svc.spec ?? {};
      if (spec.type === 'ExternalName') return spec.externalName ? [{ type: 'CNAME', name: fq, target: spec.externalName.replace(/\.$/, '') }] : undefined;
      if (spec.clusterIP && spec.clusterIP !== 'None') return [{ type: 'A', name: fq, ip: spec.clusterIP }];
      const ips = this.headlessIPs(svc);
      return ips.length ? ips.map((ip) => ({ type: 'A' as const, name: fq, ip })) : undefined;
    }
    // <hostname or a-b-c-d>.<svc>.<ns>.svc: one endpoint of a headless service.
    if (labels.length === 4 && labels[3] === 'svc') {
      const svc = this.services.get(labels[2], labels[1]);
      if (!svc || svc.spec?.clusterIP !== 'None') return undefined;
      for (const ep of this.headlessEndpoints(svc)) {
        if (ep.hostname === labels[0] || (!ep.hostname && dashed(ep.ip) === labels[0])) return [{ type: 'A', name: fq, ip: ep.ip }];
      }
      return undefined;
    }
    return undefined;
  }

  private headlessEndpoints(svc: SvcObj): { ip: string; hostname?: string }[] {
    const seen = new Set<string>();
    const out: { ip: string; hostname?: string }[] = [];
    for (const o of this.services.slices(svc)) {
      for (const ep of (o as { endpoints?: { addresses?: string[]; conditions?: { ready?: boolean }; hostname?: string }[] }).endpoints ?? []) {
        if (ep.conditions?.ready === false && !svc.spec?.publishNotReadyAddresses) continue;
        for (const ip of ep.addresses ?? []) {
          if (seen.has(ip)) continue;
          seen.add(ip);
          out.push({ ip, hostname: ep.hostname });
        }
      }
    }
    return out.sort((a, b) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0));
  }

  private headlessIPs(svc: SvcObj): string[] {
    return this.headlessEndpoints(svc).map((e) => e.ip);
  }

  /** The PTR name of an address (service VIPs, service endpoints), used by old busybox nslookup. */
  reverse(ip: string): string | undefined {
    if (!isIPv4(ip)) return undefined;
    const svc = this.services.byVip(ip);
    if (svc) return `${svc.metadata!.name}.${svc.metadata!.namespace}.svc${ZONE_SUFFIX}`;
    for (const o of this.store.list('endpointslices.discovery.k8s.io')) {
      const svcName = o.metadata?.labels?.['kubernetes.io/service-name'];
      if (!svcName) continue;
      for (const ep of (o as { endpoints?: { addresses?: string[]; hostname?: string }[] }).endpoints ?? []) {
        if ((ep.addresses ?? []).includes(ip)) return `${ep.hostname ?? dashed(ip)}.${svcName}.${o.metadata!.namespace}.svc${ZONE_SUFFIX}`;
      }
    }
    return undefined;
  }

  /** The names a resolver tries, in order (ndots:5: search domains first unless the name is absolute). */
  candidates(name: string, namespace: string | undefined): string[] {
    if (name.endsWith('.')) return [name.slice(0, -1)];
    const dots = (name.match(/\./g) ?? []).length;
    const search = namespace ? this.searchList(namespace).map((d) => `${name}.${d}`) : [];
    return dots >= 5 ? [name, ...search] : [...search, name];
  }

  /** getaddrinfo(): the addresses a name resolves to through the search path, or undefined. */
  resolve(name: string, namespace: string | undefined): { name: string; ips: string[] } | undefined {
    for (const cand of this.candidates(name, namespace)) {
      const a = this.query(cand, 'A');
      const ips = a.records.filter((r): r is Extract<DnsRecord, { type: 'A' }> => r.type === 'A').map((r) => r.ip);
      if (a.rcode === 'NOERROR' && ips.length) return { name: cand, ips };
    }
    return undefined;
  }
}

/** Whether a pod resolves through cluster DNS (dnsPolicy ClusterFirst, or ClusterFirstWithHostNet on the host network). */
export function usesClusterDNS(pod: (Pod & KubeObject) | undefined): boolean {
  if (!pod) return true;
  const policy = pod.spec?.dnsPolicy ?? 'ClusterFirst';
  if (policy === 'ClusterFirstWithHostNet') return true;
  if (policy === 'ClusterFirst') return !pod.spec?.hostNetwork;
  return false;
}
