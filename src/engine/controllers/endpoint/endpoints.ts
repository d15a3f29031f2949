// The Endpoints controller: for each Service with a selector, the ready and not-ready addresses of its pods,
// grouped into subsets by port set.
// mirrors: pkg/controller/endpoint/endpoints_controller.go (syncService)

import type { EndpointAddress, EndpointPort, EndpointSubset, Endpoints } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';
import { Controller, nsName, splitKey, type ControllerContext } from '../context';
import type { Client } from '../client';
import { findPort, podReady, servicePods, servicesForPod, type SvcObj } from './common';
import { deepEqual } from '../../store/freeze';
import { rfc3339 } from '../../util/time';
import { isConflict, isNotFound } from '../client';

type EpObj = Endpoints & KubeObject;
const MAX_CAPACITY = 1000;

export class EndpointsController extends Controller {
  readonly name = 'endpoint';
  private readonly client: Client;

  constructor(ctx: ControllerContext) {
    super(ctx);
    this.client = ctx.client('system:serviceaccount:kube-system:endpoint-controller', 'kube-controller-manager');
  }

  start(): void {
    this.watch('services', (e) => this.queue.add(nsName(e.object)));
    this.watch('pods', (e) => {
      for (const s of servicesForPod(this.client, e.object, e.old)) this.queue.add(nsName(s));
    });
  }

  *resyncKeys(): Iterable<string> {
    for (const s of this.client.list('services')) yield nsName(s);
  }

  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const svc = this.client.get<SvcObj>('services', ns, name);
    const cur = this.client.get<EpObj>('endpoints', ns, name);
    if (!svc) {
      if (cur && cur.metadata?.labels?.['endpoints.kubernetes.io/managed-by'] !== 'none') this.client.delete('endpoints', ns, name);
      return;
    }
    if (!svc.spec?.selector) return;
    const subsets: { ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }[] = [];
    const pods = servicePods(this.client, svc, false).sort((a, b) => (a.status!.podIP! < b.status!.podIP! ? -1 : 1));
    let total = 0;
    for (const pod of pods) {
      const ports: EndpointPort[] = [];
      for (const sp of svc.spec.ports ?? []) {
        const port = findPort(pod, sp);
        if (port === undefined) continue;
        const ep: EndpointPort = { port, protocol: sp.protocol ?? 'TCP' };
        if (sp.name) ep.name = sp.name;
        if (sp.appProtocol) ep.appProtocol = sp.appProtocol;
        ports.push(ep);
      }
      if ((svc.spec.ports ?? []).length && ports.length === 0) continue;
      if (++total > MAX_CAPACITY) break;
      const addr: EndpointAddress = { ip: pod.status!.podIP!, nodeName: pod.spec?.nodeName, targetRef: { kind: 'Pod', namespace: pod.metadata!.namespace, name: pod.metadata!.name, uid: pod.metadata!.uid } };
      if (!addr.nodeName) delete addr.nodeName;
      if (svc.spec.clusterIP === 'None' && pod.spec?.hostname && pod.spec.subdomain === svc.metadata!.name) addr.hostname = pod.spec.hostname;
      let group = subsets.find((g) => deepEqual(g.ports, ports));
      if (!group) subsets.push((group = { ports, ready: [], notReady: [] }));
      (podReady(pod, svc) ? group.ready : group.notReady).push(addr);
    }
    const out: EndpointSubset[] = subsets.map((g) => {
      const s: EndpointSubset = {};
      if (g.ready.length) s.addresses = g.ready;
      if (g.notReady.length) s.notReadyAddresses = g.notReady;
      if (g.ports.length) s.ports = g.ports.sort((a, b) => ((a.name ?? '') < (b.name ?? '') ? -1 : 1));
      return s;
    });
    const labels: Record<string, string> = { ...(svc.metadata!.labels ?? {}) };
    if (!svc.spec.clusterIP || svc.spec.clusterIP === 'None') labels['service.kubernetes.io/headless'] = '';
    if (cur && deepEqual(cur.subsets ?? [], out) && deepEqual(cur.metadata!.labels ?? {}, labels)) return;
    const annotations: Record<string, string> = { ...(cur?.metadata?.annotations ?? {}), 'endpoints.kubernetes.io/last-change-trigger-time': rfc3339(this.ctx.clock.now()) };
    if (total > MAX_CAPACITY) annotations['endpoints.kubernetes.io/over-capacity'] = 'truncated';
    const ep: EpObj = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name, namespace: ns, labels: Object.keys(labels).length ? labels : undefined, annotations },
    };
    if (!ep.metadata!.labels) delete ep.metadata!.labels;
    if (out.length) ep.subsets = out;
    try {
      if (cur) this.client.update('endpoints', { ...ep, metadata: { ...cur.metadata, labels: ep.metadata!.labels, annotations } } as KubeObject);
      else this.client.create('endpoints', ep);
    } catch (e) {
      if (isConflict(e) || isNotFound(e)) this.queue.addRateLimited(key);
      else throw e;
    }
  }
}
