// The cluster network as the simulation sees it: which pod owns an IP, which containers listen where.
// Kubelets register pods as they get IPs; the traffic model (DNS, services, wget/curl) resolves through it.

import type { ContainerRun } from '../nodes/container';

export interface PodEndpoint {
  podUid: string;
  namespace: string;
  name: string;
  nodeName: string;
  ip: string;
  hostNetwork: boolean;
  /** False while the node is powered off or cut off by a partition. */
  reachable(): boolean;
  /** Running containers by name. */
  containers(): Map<string, ContainerRun>;
  labels(): Record<string, string>;
}

export class PodNetwork {
  private byIP = new Map<string, PodEndpoint[]>();
  private byUid = new Map<string, PodEndpoint>();

  register(ep: PodEndpoint): void {
    this.unregister(ep.podUid);
    this.byUid.set(ep.podUid, ep);
    const list = this.byIP.get(ep.ip) ?? [];
    list.push(ep);
    this.byIP.set(ep.ip, list);
  }

  unregister(podUid: string): void {
    const ep = this.byUid.get(podUid);
    if (!ep) return;
    this.byUid.delete(podUid);
    const list = (this.byIP.get(ep.ip) ?? []).filter((e) => e.podUid !== podUid);
    if (list.length) this.byIP.set(ep.ip, list);
    else this.byIP.delete(ep.ip);
  }

  /** Pods at an IP (host-network pods share their node's IP). */
  at(ip: string): PodEndpoint[] {
    return this.byIP.get(ip) ?? [];
  }

  pod(uid: string): PodEndpoint | undefined {
    return this.byUid.get(uid);
  }

  all(): IterableIterator<PodEndpoint> {
    return this.byUid.values();
  }
}
