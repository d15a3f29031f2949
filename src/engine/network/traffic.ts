// The data plane: where a packet for IP:port ends up (kube-proxy's rules for service VIPs and node ports,
// host ports, the ingress controller's host ports, pod IPs), whether NetworkPolicy lets it through, and
// what the server answers. Everything is computed at once; callers spend the latencies on their clock.
// mirrors: pkg/proxy/iptables/proxier.go (REJECT for services without endpoints, DNAT, SNAT for node ports)

import type { ServicePort } from 'kubernetes-types/core/v1';
import type { ContainerRun } from '../nodes/container';
import type { PodEndpoint, PodNetwork } from '../runtime/network';
import type { LoadModel } from '../runtime/load';
import type { Store } from '../store/store';
import type { Clock } from '../clock/clock';
import { milliValueOf } from '../util/quantity';
import { CLUSTER_DNS_IP, LOOPBACK, cidrContains } from './addresses';
import { ClusterDNS, usesClusterDNS } from './dns';
import { PolicyEngine, type Peer } from './policy';
import { ServiceTable, type SvcObj, portProtocol } from './services';
import { pathOf, serverResponse, type HttpRequest, type HttpResponse } from './http';

/** What the traffic model needs to know about a node. */
export interface NodeView {
  name: string;
  hostIP?: string;
  up: boolean;
  connected: boolean;
}

/** Who opens a connection. */
export interface Origin {
  /** Source address. */
  ip: string;
  /** The client pod (policy peer, its own localhost). */
  pod?: PodEndpoint;
  /** Synthetic pod identity for policy matching (the ingress controller). */
  peer?: Peer['pod'];
  /** Namespace for the DNS search path. */
  namespace?: string;
  /** The node the client runs on (internalTrafficPolicy: Local). */
  nodeName?: string;
  /** The machine running the cluster (`kubeplay curl`): reaches node IPs, load-balancer IPs and localhost's mapped ports. */
  outside?: boolean;
  /** Resolves through cluster DNS (dnsPolicy ClusterFirst). */
  clusterDNS: boolean;
}

export type Server = { kind: 'pod'; pod: PodEndpoint; run: ContainerRun; port: number } | { kind: 'ingress'; port: number };

export type Dial =
  | { ok: true; server: Server; ip: string; port: number }
  /** refused: RST or kube-proxy's REJECT; dropped: no answer at all; unreachable: ICMP host unreachable. */
  | { ok: false; error: 'refused' | 'dropped' | 'unreachable' };

export type Resolution = { ok: true; ips: string[] } | { ok: false; error: 'nxdomain' | 'timeout' | 'refused'; afterMs: number };

export type Exchange = { ok: true; response: HttpResponse; latencyMs: number } | { ok: false; error: 'empty'; latencyMs: number };

/** Time one network round trip takes inside the cluster. */
export const RTT_MS = 1;
/** How long the resolver waits for a DNS server that does not answer (resolv.conf timeout:5). */
export const DNS_TIMEOUT_MS = 5000;
/** Linux gives up on a SYN that gets no answer after 6 retries (1+2+4+…+64 s). */
export const SYN_TIMEOUT_MS = 127_000;
/** ARP gives up on an absent neighbour: "No route to host". */
export const HOST_UNREACHABLE_MS = 3_070;
/** CPU a request costs a server whose image does not say (core-seconds). */
export const DEFAULT_CPU_PER_REQUEST = 0.001;
const POD_CIDR = '10.244.0.0/16';

/** Routes ingress-controller traffic (host/path rules); installed by the ingress module. */
export interface IngressHandler {
  serve(req: HttpRequest, scheme: 'http' | 'https', traffic: Traffic): Exchange;
  /** Whether a host name has an Ingress rule (the outside resolves those to the controller, like /etc/hosts). */
  knowsHost(host: string): boolean;
  /** The node whose host ports 80/443 the controller holds. */
  nodeName(): string | undefined;
}

export class Traffic {
  readonly services: ServiceTable;
  readonly policies: PolicyEngine;
  readonly dns: ClusterDNS;
  ingress?: IngressHandler;

  constructor(
    readonly store: Store,
    readonly clock: Clock,
    readonly pods: PodNetwork,
    readonly load: LoadModel,
    /** The nodes; a new array whenever the set of nodes changes (views read power state live). */
    private readonly nodes: () => readonly NodeView[],
  ) {
    this.services = new ServiceTable(store);
    this.policies = new PolicyEngine(store);
    this.dns = new ClusterDNS(store, this.services);
  }

  /** The origin for a container's network namespace (from its pod IP and name). */
  podOrigin(podIP: string | undefined, namespace: string | undefined, hostname: string): Origin {
    const candidates = podIP ? this.pods.at(podIP) : [];
    const pod = candidates.find((p) => p.namespace === namespace && p.name === hostname) ?? candidates.find((p) => p.namespace === namespace);
    const obj = pod ? (this.store.get('pods', pod.namespace, pod.name) as Parameters<typeof usesClusterDNS>[0]) : undefined;
    return {
      ip: podIP ?? LOOPBACK,
      pod: pod && !pod.hostNetwork ? pod : undefined,
      namespace,
      nodeName: pod?.nodeName,
      clusterDNS: usesClusterDNS(obj),
    };
  }

  /** The machine the cluster runs on (kind's docker host). */
  outsideOrigin(): Origin {
    return { ip: '172.18.0.1', outside: true, clusterDNS: false };
  }

  private nodeIndex?: { of: readonly NodeView[]; byIP: Map<string, NodeView> };

  private nodeByIP(ip: string): NodeView | undefined {
    const nodes = this.nodes();
    if (this.nodeIndex?.of !== nodes) this.nodeIndex = { of: nodes, byIP: new Map(nodes.filter((n) => n.hostIP).map((n) => [n.hostIP!, n])) };
    return this.nodeIndex.byIP.get(ip);
  }

  private nodeByName(name: string): NodeView | undefined {
    for (const n of this.nodes()) if (n.name === name) return n;
    return undefined;
  }

  /** getaddrinfo() for a client: literals, localhost, cluster DNS through the kube-dns service. */
  resolve(origin: Origin, host: string): Resolution {
    const h = host.toLowerCase();
    if (/^\d+\.\d+\.\d+\.\d+$/.test(h)) return { ok: true, ips: [h] };
    if (h === 'localhost' || h.endsWith('.localhost')) return { ok: true, ips: [LOOPBACK] };
    if (origin.outside) {
      // The user's /etc/hosts points Ingress hosts at the controller (kind maps its ports 80/443 to localhost).
      if (this.ingress?.knowsHost(h)) return { ok: true, ips: [LOOPBACK] };
      return { ok: false, error: 'nxdomain', afterMs: RTT_MS };
    }
    if (!origin.clusterDNS) return { ok: false, error: 'nxdomain', afterMs: RTT_MS };
    const server = this.dial(origin, CLUSTER_DNS_IP, 53, 'UDP');
    if (!server.ok) return server.error === 'refused' ? { ok: false, error: 'refused', afterMs: RTT_MS } : { ok: false, error: 'timeout', afterMs: DNS_TIMEOUT_MS };
    const r = this.dns.resolve(h, origin.namespace);
    return r ? { ok: true, ips: r.ips } : { ok: false, error: 'nxdomain', afterMs: RTT_MS };
  }

  /** Whether cluster DNS answers this client at all (nslookup's "no servers could be reached"). */
  dnsReachable(origin: Origin): 'ok' | 'timeout' | 'refused' {
    const d = this.dial(origin, CLUSTER_DNS_IP, 53, 'UDP');
    return d.ok ? 'ok' : d.error === 'refused' ? 'refused' : 'timeout';
  }

  /** Opens a connection (TCP, or a UDP exchange) from origin to ip:port. */
  dial(origin: Origin, ip: string, port: number, protocol = 'TCP'): Dial {
    if (ip === LOOPBACK) return this.dialLoopback(origin, port);
    const svc = this.services.byVip(ip);
    if (svc) return this.dialService(origin, svc, ip, port, protocol);
    const node = this.nodeByIP(ip);
    if (node) return this.dialNode(origin, node, port, protocol);
    const targets = this.pods.at(ip).filter((p) => !p.hostNetwork);
    if (targets.length && !origin.outside) return this.toPod(origin, origin.ip, targets[0], port, protocol);
    if (cidrContains(POD_CIDR, ip) && !origin.outside) return { ok: false, error: 'unreachable' };
    return { ok: false, error: 'dropped' };
  }

  private dialLoopback(origin: Origin, port: number): Dial {
    if (origin.outside) {
      // kind's extraPortMappings: host ports 80/443 go to the ingress controller.
      if ((port === 80 || port === 443) && this.ingressUp()) return { ok: true, server: { kind: 'ingress', port }, ip: LOOPBACK, port };
      return { ok: false, error: 'refused' };
    }
    if (origin.pod) {
      const run = listener(origin.pod, port);
      if (run) return { ok: true, server: { kind: 'pod', pod: origin.pod, run, port }, ip: LOOPBACK, port };
    }
    return { ok: false, error: 'refused' };
  }

  private ingressUp(): boolean {
    const name = this.ingress?.nodeName();
    const n = name ? this.nodeByName(name) : undefined;
    return !!n && n.up && n.connected;
  }

  private dialService(origin: Origin, svc: SvcObj, vip: string, port: number, protocol: string): Dial {
    const spec = svc.spec ?? {};
    const isClusterIP = (spec.clusterIPs ?? [spec.clusterIP]).includes(vip);
    // ClusterIPs are not routed outside the cluster network.
    if (origin.outside && isClusterIP) return { ok: false, error: 'dropped' };
    const sp = (spec.ports ?? []).find((p) => p.port === port && portProtocol(p) === protocol);
    if (!sp) return { ok: false, error: 'dropped' };
    const external = !isClusterIP;
    const local = external ? spec.externalTrafficPolicy === 'Local' : spec.internalTrafficPolicy === 'Local';
    const onlyNode = local && !external ? origin.nodeName ?? '' : undefined;
    return this.toEndpoint(origin, svc, sp, onlyNode, external && !local);
  }

  private dialNode(origin: Origin, node: NodeView, port: number, protocol: string): Dial {
    if (!node.up || !node.connected) return { ok: false, error: 'dropped' };
    const np = this.services.byNodePort(port, protocol);
    if (np && (np.svc.spec?.type === 'NodePort' || np.svc.spec?.type === 'LoadBalancer')) {
      const local = np.svc.spec?.externalTrafficPolicy === 'Local';
      return this.toEndpoint(origin, np.svc, np.port, local ? node.name : undefined, !local, node);
    }
    if ((port === 80 || port === 443) && this.ingress?.nodeName() === node.name) return { ok: true, server: { kind: 'ingress', port }, ip: node.hostIP!, port };
    // Host ports of pods on this node, then host-network pods listening there.
    for (const p of this.pods.all()) {
      if (p.nodeName !== node.name || p.hostNetwork) continue;
      const obj = this.store.get('pods', p.namespace, p.name) as { spec?: { containers?: { ports?: { hostPort?: number; containerPort: number; protocol?: string }[] }[] } } | undefined;
      for (const c of obj?.spec?.containers ?? []) {
        for (const cp of c.ports ?? []) if (cp.hostPort === port && (cp.protocol ?? 'TCP') === protocol) return this.toPod(origin, node.hostIP!, p, cp.containerPort, protocol);
      }
    }
    for (const p of this.pods.at(node.hostIP!)) {
      const run = p.hostNetwork && p.reachable() ? listener(p, port) : undefined;
      if (run) return { ok: true, server: { kind: 'pod', pod: p, run, port }, ip: node.hostIP!, port };
    }
    return { ok: false, error: 'refused' };
  }

  /**
   * kube-proxy's DNAT to an endpoint. No usable endpoint: REJECT (refused), or a drop when a Local policy
   * filtered them out. snat: the source becomes the node's address (externalTrafficPolicy: Cluster).
   */
  private toEndpoint(origin: Origin, svc: SvcObj, sp: ServicePort, onlyNode: string | undefined, snat: boolean, via?: NodeView): Dial {
    const ep = this.services.pick(svc, sp, origin.ip, this.clock.now(), onlyNode);
    if (!ep) return { ok: false, error: onlyNode !== undefined ? 'dropped' : 'refused' };
    // Host-network endpoints (the apiserver) share the node's address: take the pod that listens on the port.
    const at = this.pods.at(ep.ip);
    const target = at.find((p) => !p.hostNetwork) ?? at.find((p) => listener(p, ep.port)) ?? at[0];
    if (!target) return { ok: false, error: 'dropped' };
    const src = snat ? (via ?? this.anyNode())?.hostIP ?? origin.ip : origin.ip;
    return this.toPod(snat ? { ...origin, pod: undefined, peer: undefined } : origin, src, target, ep.port, sp.protocol ?? 'TCP');
  }

  private anyNode(): NodeView | undefined {
    for (const n of this.nodes()) if (n.up && n.connected) return n;
    return undefined;
  }

  /** The last hop: the pod must be reachable, policies must allow it, a container must listen. */
  private toPod(origin: Origin, srcIP: string, pod: PodEndpoint, port: number, protocol: string): Dial {
    if (!pod.reachable()) return { ok: false, error: 'dropped' };
    if (!pod.hostNetwork) {
      const src: Peer = { ip: srcIP, pod: origin.peer ?? (origin.pod ? { namespace: origin.pod.namespace, name: origin.pod.name, labels: origin.pod.labels() } : undefined) };
      const dst: Peer = { ip: pod.ip, pod: { namespace: pod.namespace, name: pod.name, labels: pod.labels() } };
      if (!this.policies.allows(src, dst, port, protocol)) return { ok: false, error: 'dropped' };
    }
    const run = listener(pod, port);
    if (!run) return { ok: false, error: 'refused' };
    return { ok: true, server: { kind: 'pod', pod, run, port }, ip: pod.ip, port };
  }

  /** Whether an ICMP echo to ip is answered (nodes that are up; pods that are reachable and allowed by policy). */
  echo(origin: Origin, ip: string): boolean {
    const node = this.nodeByIP(ip);
    if (node) return node.up && node.connected;
    if (origin.outside) return false;
    const pod = this.pods.at(ip).find((p) => !p.hostNetwork);
    if (!pod || !pod.reachable()) return false;
    const src: Peer = { ip: origin.ip, pod: origin.peer ?? (origin.pod ? { namespace: origin.pod.namespace, name: origin.pod.name, labels: origin.pod.labels() } : undefined) };
    return this.policies.allows(src, { ip, pod: { namespace: pod.namespace, name: pod.name, labels: pod.labels() } }, 0, 'ICMP');
  }

  /** One HTTP request over an open connection: the server's answer, its CPU cost and how long it took. */
  exchange(server: Server, req: HttpRequest, scheme: 'http' | 'https' = 'http'): Exchange {
    if (server.kind === 'ingress') {
      if (!this.ingress) return { ok: false, error: 'empty', latencyMs: RTT_MS };
      return this.ingress.serve(req, scheme, this);
    }
    const { run, pod } = server;
    const image = run.image;
    if (!image.http || !run.running) return { ok: false, error: 'empty', latencyMs: RTT_MS };
    const cpu = image.cpuPerRequest ?? DEFAULT_CPU_PER_REQUEST;
    const now = this.clock.now();
    this.load.recordCpu({ podUid: pod.podUid, container: run.spec.name }, cpu, now);
    // A request runs on at most one core, or the container's CPU limit when lower.
    const limit = milliValueOf(run.spec.resources?.limits?.cpu as string | undefined) / 1000;
    const cores = limit > 0 ? Math.min(1, limit) : 1;
    const answer = image.repository === 'registry.k8s.io/kube-apiserver' && !/^\/(healthz|livez|readyz)$/.test(pathOf(req.target))
      ? anonymousForbidden(pathOf(req.target))
      : image.http({ path: pathOf(req.target), hostname: pod.name, podIP: pod.ip, args: run.plan.kind === 'server' ? run.plan.args : [] });
    const response = serverResponse(image, run.ref.tag, req, answer, now);
    return { ok: true, response, latencyMs: RTT_MS + Math.round((cpu / cores) * 1000) };
  }
}

/** What the apiserver tells an anonymous client (no token): 403 for any path but the health checks. */
function anonymousForbidden(path: string): { status: number; body: string; contentType: string } {
  const status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `forbidden: User "system:anonymous" cannot get path "${path}"`, reason: 'Forbidden', details: {}, code: 403 };
  return { status: 403, body: JSON.stringify(status, null, 2) + '\n', contentType: 'application/json' };
}

/** The running container of a pod that listens on a port. */
export function listener(pod: PodEndpoint, port: number): ContainerRun | undefined {
  for (const run of pod.containers().values()) if (run.listensOn(port)) return run;
  return undefined;
}
