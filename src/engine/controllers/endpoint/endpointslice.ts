// The EndpointSlice controller: each Service's pods as EndpointSlices (≤ 100 endpoints each) with
// ready/serving/terminating conditions, labelled with the service name and the managing controller.
// mirrors: pkg/controller/endpointslice, staging endpointslice reconciler (simplified packing)

import type { Endpoint, EndpointPort, EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { KubeObject, Writable } from '../../api/types';
import { Controller, nsName, splitKey, type ControllerContext } from '../context';
import type { Client } from '../client';
import { findPort, servicePods, servicesForPod, type SvcObj } from './common';
import { isPodReady, controllerOwnerRef } from '../podutil';
import { deepEqual } from '../../store/freeze';
import { selectorFromSet } from '../../api/selectors/labels';
import { isConflict, isNotFound } from '../client';

type SliceObj = Writable<EndpointSlice> & KubeObject;
const MAX_PER_SLICE = 100;
export const MANAGED_BY = 'endpointslice-controller.k8s.io';

export class EndpointSliceController extends Controller {
  readonly name = 'endpointslice';
  private readonly client: Client;

  constructor(ctx: ControllerContext) {
    super(ctx);
    this.client = ctx.client('system:serviceaccount:kube-system:endpointslice-controller', 'kube-controller-manager');
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

  private slicesOf(ns: string, name: string): SliceObj[] {
    return this.client.select<SliceObj>('endpointslices.discovery.k8s.io', ns, selectorFromSet({ 'kubernetes.io/service-name': name, 'endpointslice.kubernetes.io/managed-by': MANAGED_BY }));
  }

  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const svc = this.client.get<SvcObj>('services', ns, name);
    const existing = this.slicesOf(ns!, name).sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1));
    if (!svc || !svc.spec?.selector || svc.spec.type === 'ExternalName') {
      for (const s of existing) this.client.delete('endpointslices.discovery.k8s.io', ns, s.metadata!.name!);
      return;
    }
    const pods = servicePods(this.client, svc, true).sort((a, b) => (a.status!.podIP! < b.status!.podIP! ? -1 : 1));
    const byPorts = new Map<string, { ports: EndpointPort[]; endpoints: Endpoint[] }>();
    for (const pod of pods) {
      const ports: EndpointPort[] = [];
      for (const sp of svc.spec.ports ?? []) {
        const port = findPort(pod, sp);
        if (port === undefined) continue;
        ports.push({ name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP', ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) });
      }
      const terminating = !!pod.metadata!.deletionTimestamp;
      const ready = isPodReady(pod);
      const ep: Endpoint = {
        addresses: [pod.status!.podIP!],
        conditions: { ready: (ready || !!svc.spec.publishNotReadyAddresses) && !terminating, serving: ready, terminating },
        nodeName: pod.spec?.nodeName,
        targetRef: { kind: 'Pod', namespace: pod.metadata!.namespace, name: pod.metadata!.name, uid: pod.metadata!.uid },
      };
      if (!ep.nodeName) delete ep.nodeName;
      // ShouldSetHostname: pods naming this service as their subdomain (StatefulSets) get DNS names.
      if (pod.spec?.hostname && pod.spec.subdomain === name) ep.hostname = pod.spec.hostname;
      const k = JSON.stringify(ports);
      let g = byPorts.get(k);
      if (!g) byPorts.set(k, (g = { ports, endpoints: [] }));
      g.endpoints.push(ep);
    }
    const wanted: { ports: EndpointPort[]; endpoints: Endpoint[] }[] = [];
    for (const g of byPorts.values()) for (let i = 0; i < g.endpoints.length; i += MAX_PER_SLICE) wanted.push({ ports: g.ports, endpoints: g.endpoints.slice(i, i + MAX_PER_SLICE) });
    // A service without endpoints still gets one (empty) slice with its ports.
    if (wanted.length === 0) wanted.push({ ports: (svc.spec.ports ?? []).map((sp) => ({ name: sp.name ?? '', port: typeof sp.targetPort === 'number' ? sp.targetPort : sp.port, protocol: sp.protocol ?? 'TCP' })).filter(() => false), endpoints: [] });
    const labels: Record<string, string> = { ...(svc.metadata!.labels ?? {}), 'endpointslice.kubernetes.io/managed-by': MANAGED_BY, 'kubernetes.io/service-name': name };
    if (!svc.spec.clusterIP || svc.spec.clusterIP === 'None') labels['service.kubernetes.io/headless'] = '';
    for (let i = 0; i < wanted.length; i++) {
      const w = wanted[i];
      const cur = existing[i];
      const body: SliceObj = {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: cur ? { ...cur.metadata, labels } : { generateName: `${name}-`, namespace: ns, labels, ownerReferences: [controllerOwnerRef(svc)], annotations: {} },
        addressType: 'IPv4',
        endpoints: w.endpoints.length ? w.endpoints : (null as unknown as Endpoint[]),
        ports: w.ports.length ? w.ports : (null as unknown as EndpointPort[]),
      };
      if (!cur) delete body.metadata!.annotations;
      if (cur && deepEqual(cur.endpoints ?? null, body.endpoints) && deepEqual(cur.ports ?? null, body.ports) && deepEqual(cur.metadata!.labels, labels)) continue;
      try {
        if (cur) this.client.update('endpointslices.discovery.k8s.io', body);
        else this.client.create('endpointslices.discovery.k8s.io', body);
      } catch (e) {
        if (isConflict(e) || isNotFound(e)) this.queue.addRateLimited(key);
        else throw e;
      }
    }
    for (const s of existing.slice(wanted.length)) this.client.delete('endpointslices.discovery.k8s.io', ns, s.metadata!.name!);
  }
}
