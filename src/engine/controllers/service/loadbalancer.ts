// A MetalLB-style load-balancer provider (what kind users install): type LoadBalancer Services get the
// lowest free address of a layer-2 pool on the nodes' network (172.18.255.200-250) in
// status.loadBalancer.ingress, with MetalLB's events. Disabled, new Services stay `<pending>`.
// mirrors: metallb controller/service.go (convergeService, allocateIP), speaker/layer2_controller.go (events)

import type { Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';
import { Controller, nsName, splitKey, type ControllerContext } from '../context';
import type { Client } from '../client';
import { isConflict, isNotFound } from '../client';
import { intToIp, ipToInt } from '../../network/addresses';

type SvcObj = Service & KubeObject;

export const LB_POOL = { first: '172.18.255.200', last: '172.18.255.250' };
/** MetalLB reacts within about a second. */
const ASSIGN_DELAY_MS = 1000;
const CONTROLLER = { component: 'metallb-controller' };
const SPEAKER = { component: 'metallb-speaker' };

export class LoadBalancerController extends Controller {
  readonly name = 'metallb';
  private readonly client: Client;
  private enabledFlag = true;

  constructor(ctx: ControllerContext) {
    super(ctx);
    this.client = ctx.client('system:serviceaccount:metallb-system:controller', 'controller');
  }

  get enabled(): boolean {
    return this.enabledFlag;
  }

  /** Turns the provider on or off; turning it on serves Services that waited. */
  setEnabled(on: boolean): void {
    if (on === this.enabledFlag) return;
    this.enabledFlag = on;
    if (on) for (const k of this.resyncKeys()) this.queue.addAfter(k, ASSIGN_DELAY_MS);
  }

  start(): void {
    this.watch('services', (e) => {
      const s = e.object as SvcObj;
      const o = e.old as SvcObj | undefined;
      if (s.spec?.type === 'LoadBalancer' || o?.spec?.type === 'LoadBalancer') this.queue.addAfter(nsName(s), ASSIGN_DELAY_MS);
    });
  }

  *resyncKeys(): Iterable<string> {
    for (const s of this.client.list<SvcObj>('services')) if (s.spec?.type === 'LoadBalancer') yield nsName(s);
  }

  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const svc = this.client.get<SvcObj>('services', ns, name);
    if (!svc) return;
    const ours = (svc.status?.loadBalancer?.ingress ?? []).filter((i) => i.ip && inPool(i.ip));
    const wants = svc.spec?.type === 'LoadBalancer' && !svc.spec.loadBalancerClass;
    if (!wants) {
      if (ours.length) this.writeStatus(svc, undefined, key);
      return;
    }
    if (ours.length || !this.enabledFlag) return;
    const requested = svc.spec?.loadBalancerIP || svc.metadata?.annotations?.['metallb.universe.tf/loadBalancerIPs'] || svc.metadata?.annotations?.['metallb.io/loadBalancerIPs'];
    const used = this.usedIPs(svc);
    let ip: string | undefined;
    if (requested) {
      if (!inPool(requested) || used.has(requested)) {
        const why = inPool(requested) ? `can't change sharing key for "${key}", address also in use by another service` : `"${requested}" is not allowed in config`;
        this.ctx.event(CONTROLLER, svc, 'Warning', 'AllocationFailed', `Failed to allocate IP for "${key}": ${why}`);
        return;
      }
      ip = requested;
    } else {
      for (let n = ipToInt(LB_POOL.first); n <= ipToInt(LB_POOL.last); n++) {
        if (!used.has(intToIp(n))) {
          ip = intToIp(n);
          break;
        }
      }
    }
    if (!ip) {
      this.ctx.event(CONTROLLER, svc, 'Warning', 'AllocationFailed', `Failed to allocate IP for "${key}": no available IPs`);
      return;
    }
    if (!this.writeStatus(svc, ip, key)) return;
    this.ctx.event(CONTROLLER, svc, 'Normal', 'IPAllocated', `Assigned IP ["${ip}"]`);
    const node = this.announcer(key);
    if (node) this.ctx.event(SPEAKER, svc, 'Normal', 'nodeAssigned', `announcing from node "${node}" with protocol "layer2"`);
  }

  private writeStatus(svc: SvcObj, ip: string | undefined, key: string): boolean {
    const status = { ...(svc.status ?? {}), loadBalancer: ip ? { ingress: [{ ip, ipMode: 'VIP' }] } : {} };
    try {
      this.client.updateStatus('services', { ...svc, status } as KubeObject);
      return true;
    } catch (e) {
      if (isConflict(e) || isNotFound(e)) {
        this.queue.addRateLimited(key);
        return false;
      }
      throw e;
    }
  }

  private usedIPs(except: SvcObj): Set<string> {
    const used = new Set<string>();
    for (const s of this.client.list<SvcObj>('services')) {
      if (s.metadata!.uid === except.metadata!.uid) continue;
      for (const i of s.status?.loadBalancer?.ingress ?? []) if (i.ip) used.add(i.ip);
    }
    return used;
  }

  /** The layer-2 leader for a service: a node without the exclude-from-external-load-balancers label, by hash. */
  private announcer(key: string): string | undefined {
    let best: { name: string; h: number } | undefined;
    for (const n of this.client.list('nodes')) {
      if (n.metadata?.labels && 'node.kubernetes.io/exclude-from-external-load-balancers' in n.metadata.labels) continue;
      const h = fnv(`${n.metadata!.name}#${key}`);
      if (!best || h < best.h) best = { name: n.metadata!.name!, h };
    }
    return best?.name;
  }
}

function inPool(ip: string): boolean {
  const n = ipToInt(ip);
  return /^\d+\.\d+\.\d+\.\d+$/.test(ip) && n >= ipToInt(LB_POOL.first) && n <= ipToInt(LB_POOL.last);
}

function fnv(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h;
}
