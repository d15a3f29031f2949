// `kubectl describe service|endpoints|endpointslice`: a service's addresses and ports with the ready
// endpoints from its EndpointSlices, and the Endpoints / EndpointSlice objects themselves.
// mirrors: k8s.io/kubectl/pkg/describe/describe.go (ServiceDescriber, formatEndpointSlices,
//          buildIngressString, describeEndpoints, describeEndpointSliceV1)

import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Endpoints, Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../engine/api/types';
import { describeEvents, describeString, LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, printAnnotationsMultiline, printLabelsMultiline } from '../printers/index';
import { fetchEvents } from './events';
import type { DescribeContext, Describer } from './types';
import { apiPath, listAll, setSelectorString } from './util';

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** The EndpointSlices of a service (by the kubernetes.io/service-name label); [] when unreadable. */
export async function serviceSlices(ctx: DescribeContext, namespace: string, service: string): Promise<EndpointSlice[]> {
  const res = await listAll<EndpointSlice>(ctx, apiPath('discovery.k8s.io/v1', 'endpointslices', namespace), { labelSelector: `${SERVICE_NAME_LABEL}=${service}` }, false);
  return res.items;
}

function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** formatEndpointSlices: up to three ready endpoints (`ip:port`), then `+ N more...`; `<none>` without slices. */
export function formatEndpointSlices(slices: readonly EndpointSlice[], portName: string | undefined): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const s of slices) {
    const ready = (e: EndpointSlice['endpoints'][number]) => e.conditions?.ready === undefined || e.conditions?.ready === null || e.conditions.ready;
    if (!s.ports?.length) {
      // Headless services without ports list bare addresses.
      for (const e of s.endpoints ?? []) {
        if (list.length === max) more = true;
        if (!ready(e)) continue;
        if (!more) list.push(e.addresses[0]);
        count++;
      }
      continue;
    }
    for (const p of s.ports) {
      if (portName !== undefined && (p.name ?? '') !== portName) continue;
      for (const e of s.endpoints ?? []) {
        if (list.length === max) more = true;
        if (!ready(e)) continue;
        if (!more) list.push(joinHostPort(e.addresses[0], p.port ?? 0));
        count++;
      }
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - max} more...` : text;
}

/** buildIngressString: load-balancer IPs (with their IP mode) or hostnames. */
function lbIngress(ingress: NonNullable<NonNullable<Service['status']>['loadBalancer']>['ingress']): string {
  return (ingress ?? []).map((i) => (i.ip ? i.ip + ((i as { ipMode?: string }).ipMode ? ` (${(i as { ipMode?: string }).ipMode})` : '') : (i.hostname ?? ''))).join(', ');
}

export const describeService: Describer = async (ctx, obj) => {
  const svc = obj as Service & KubeObject;
  const m = svc.metadata ?? {};
  const slices = await serviceSlices(ctx, m.namespace ?? '', m.name ?? '');
  const events = await fetchEvents(ctx, obj, 'Service');
  const spec = svc.spec ?? {};
  return describeString((w) => {
    w.write(LEVEL_0, `Name:\t${m.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${m.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, `Selector:\t${setSelectorString(spec.selector) || '<none>'}\n`);
    w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`);
    if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
    w.write(LEVEL_0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`);
    w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
    w.write(LEVEL_0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`);
    if (spec.externalIPs?.length) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
    if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
    if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
    const ingress = svc.status?.loadBalancer?.ingress;
    if (ingress?.length) w.write(LEVEL_0, `LoadBalancer Ingress:\t${lbIngress(ingress)}\n`);
    for (const p of spec.ports ?? []) {
      const name = p.name || '<unset>';
      const proto = p.protocol ?? '';
      w.write(LEVEL_0, `Port:\t${name}\t${p.port}/${proto}\n`);
      w.write(LEVEL_0, `TargetPort:\t${p.targetPort === undefined || p.targetPort === null ? 0 : p.targetPort}/${proto}\n`);
      if (p.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${p.nodePort}/${proto}\n`);
      w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, p.name ?? '')}\n`);
    }
    w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
    if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
    if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
    if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
    if (spec.loadBalancerSourceRanges?.length) w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`);
    if (events) describeEvents(events, w, ctx.now);
  });
};

export const describeEndpoints: Describer = async (ctx, obj) => {
  const ep = obj as Endpoints & KubeObject;
  const events = await fetchEvents(ctx, obj, 'Endpoints');
  const m = ep.metadata ?? {};
  return describeString((w) => {
    w.write(LEVEL_0, `Name:\t${m.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${m.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, 'Subsets:\n');
    for (const s of ep.subsets ?? []) {
      w.write(LEVEL_1, `Addresses:\t${(s.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
      w.write(LEVEL_1, `NotReadyAddresses:\t${(s.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
      if (s.ports?.length) {
        w.write(LEVEL_1, 'Ports:\n');
        w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
        w.write(LEVEL_2, '----\t----\t--------\n');
        for (const p of s.ports) w.write(LEVEL_2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? ''}\n`);
      }
      w.write(LEVEL_0, '\n');
    }
    if (events) describeEvents(events, w, ctx.now);
  });
};

export const describeEndpointSlice: Describer = async (ctx, obj) => {
  const eps = obj as EndpointSlice & KubeObject;
  const events = await fetchEvents(ctx, obj, 'EndpointSlice');
  const m = eps.metadata ?? {};
  return describeString((w) => {
    w.write(LEVEL_0, `Name:\t${m.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${m.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, `AddressType:\t${eps.addressType}\n`);
    if (!eps.ports?.length) w.write(LEVEL_0, 'Ports: <unset>\n');
    else {
      w.write(LEVEL_0, 'Ports:\n');
      w.write(LEVEL_1, 'Name\tPort\tProtocol\n');
      w.write(LEVEL_1, '----\t----\t--------\n');
      for (const p of eps.ports) {
        const port = p.port === undefined || p.port === null ? '<unset>' : String(p.port);
        w.write(LEVEL_1, `${p.name || '<unset>'}\t${port}\t${p.protocol ?? ''}\n`);
      }
    }
    if (!eps.endpoints?.length) w.write(LEVEL_0, 'Endpoints: <none>\n');
    else {
      w.write(LEVEL_0, 'Endpoints:\n');
      for (const e of eps.endpoints) {
        w.write(LEVEL_1, `- Addresses:\t${e.addresses.join(', ') || '<none>'}\n`);
        w.write(LEVEL_2, 'Conditions:\n');
        const ready = e.conditions?.ready;
        w.write(LEVEL_3, `Ready:\t${ready === undefined || ready === null ? '<unset>' : String(ready)}\n`);
        w.write(LEVEL_2, `Hostname:\t${e.hostname ?? '<unset>'}\n`);
        if (e.targetRef) w.write(LEVEL_2, `TargetRef:\t${e.targetRef.kind ?? ''}/${e.targetRef.name ?? ''}\n`);
        w.write(LEVEL_2, `NodeName:\t${e.nodeName ?? '<unset>'}\n`);
        w.write(LEVEL_2, `Zone:\t${e.zone ?? '<unset>'}\n`);
      }
    }
    if (events) describeEvents(events, w, ctx.now);
  });
};
