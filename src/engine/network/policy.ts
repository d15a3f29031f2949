// NetworkPolicy enforcement as a CNI plugin does it: a pod selected by a policy of a type (Ingress/Egress)
// is isolated in that direction, and a connection passes only if some selecting policy has a rule whose
// peers and ports admit it. Evaluated on the pod-to-pod leg (after kube-proxy's DNAT); sources that are not
// pods (nodes, the outside, the ingress controller) match ipBlock peers only.
// mirrors: the NetworkPolicy API semantics (staging/src/k8s.io/api/networking/v1/types.go)

import type { NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort } from 'kubernetes-types/networking/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/types';
import type { Store } from '../store/store';
import { selectorFromLabelSelector } from '../api/selectors/labels';
import { cidrContains } from './addresses';

const POLICIES = 'networkpolicies.networking.k8s.io';

/** One end of a connection: an IP, and the pod behind it when it is a (non-host-network) pod. */
export interface Peer {
  ip: string;
  pod?: {
    namespace: string;
    name: string;
    labels: Readonly<Record<string, string>>;
    /** Labels of its namespace when it has no Namespace object (the simulated ingress controller). */
    namespaceLabels?: Readonly<Record<string, string>>;
  };
}

export class PolicyEngine {
  constructor(private readonly store: Store) {}

  /** Whether a connection from src to dst on port/protocol passes both ends' policies. */
  allows(src: Peer, dst: Peer, port: number, protocol: string): boolean {
    if (src.pod && !this.direction('Egress', src.pod, dst, port, protocol)) return false;
    if (dst.pod && !this.direction('Ingress', dst.pod, src, port, protocol)) return false;
    return true;
  }

  /** Policies of `self`'s namespace that select it for a direction; undefined when it is not isolated. */
  private direction(type: 'Ingress' | 'Egress', self: NonNullable<Peer['pod']>, other: Peer, port: number, protocol: string): boolean {
    let isolated = false;
    for (const o of this.store.list(POLICIES, self.namespace)) {
      const np = o as NetworkPolicy & KubeObject;
      const spec = np.spec;
      if (!spec) continue;
      if (!policyTypes(np).includes(type)) continue;
      if (!selectorFromLabelSelector(spec.podSelector ?? {}).matches(self.labels)) continue;
      isolated = true;
      const rules = type === 'Ingress' ? spec.ingress ?? [] : spec.egress ?? [];
      for (const r of rules) {
        const peers = type === 'Ingress' ? (r as { from?: NetworkPolicyPeer[] }).from : (r as { to?: NetworkPolicyPeer[] }).to;
        if (!this.peersMatch(peers, other, np.metadata!.namespace!)) continue;
        // Named ports are looked up on the destination pod.
        const dst = type === 'Ingress' ? self : other.pod;
        if (portsMatch(r.ports, port, protocol, (name) => this.namedPort(dst, name, protocol))) return true;
      }
    }
    return !isolated;
  }

  private peersMatch(peers: NetworkPolicyPeer[] | undefined, other: Peer, policyNs: string): boolean {
    if (!peers || peers.length === 0) return true;
    for (const p of peers) {
      if (p.ipBlock) {
        if (cidrContains(p.ipBlock.cidr, other.ip) && !(p.ipBlock.except ?? []).some((c) => cidrContains(c, other.ip))) return true;
        continue;
      }
      if (!other.pod) continue;
      if (p.namespaceSelector) {
        const nsLabels = other.pod.namespaceLabels ?? this.store.get('namespaces', undefined, other.pod.namespace)?.metadata?.labels ?? {};
        if (!selectorFromLabelSelector(p.namespaceSelector).matches(nsLabels)) continue;
      } else if (other.pod.namespace !== policyNs) continue;
      if (p.podSelector && !selectorFromLabelSelector(p.podSelector).matches(other.pod.labels)) continue;
      return true;
    }
    return false;
  }

  private namedPort(pod: Peer['pod'], name: string, protocol: string): number | undefined {
    if (!pod) return undefined;
    const obj = this.store.get('pods', pod.namespace, pod.name) as (Pod & KubeObject) | undefined;
    for (const c of obj?.spec?.containers ?? []) for (const cp of c.ports ?? []) if (cp.name === name && (cp.protocol ?? 'TCP') === protocol) return cp.containerPort;
    return undefined;
  }
}

/** spec.policyTypes, or the API default when a stored object lacks it. */
export function policyTypes(np: NetworkPolicy): string[] {
  const t = np.spec?.policyTypes;
  if (t && t.length) return t;
  return (np.spec?.egress ?? []).length ? ['Ingress', 'Egress'] : ['Ingress'];
}

function portsMatch(ports: NetworkPolicyPort[] | undefined, port: number, protocol: string, named: (name: string) => number | undefined): boolean {
  if (!ports || ports.length === 0) return true;
  for (const p of ports) {
    if ((p.protocol ?? 'TCP') !== protocol) continue;
    if (p.port === undefined || p.port === null) return true;
    if (typeof p.port === 'number' || /^\d+$/.test(p.port)) {
      const lo = Number(p.port);
      const hi = p.endPort ?? lo;
      if (port >= lo && port <= hi) return true;
      continue;
    }
    if (named(p.port) === port) return true;
  }
  return false;
}
