// `kubectl describe ingress|ingressclass|networkpolicy`: ingress rules with each backend's service
// endpoints, ingress class parameters, and network policy rules in words.
// mirrors: k8s.io/kubectl/pkg/describe/describe.go (describeIngressV1, describeBackendV1,
//          describeIngressClassV1, describeNetworkPolicySpec, printNetworkPolicySpecIngressFrom/EgressTo)

import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Service } from 'kubernetes-types/core/v1';
import type { Ingress, IngressBackend, IngressClass, NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort, NetworkPolicySpec } from 'kubernetes-types/networking/v1';
import type { KubeObject } from '../../../engine/api/types';
import { compareGoStrings } from '../printers/gofmt';
import { describeEvents, describeString, LEVEL_0, LEVEL_1, LEVEL_2, printAnnotationsMultiline, printLabelsMultiline, type PrefixWriter } from '../printers/index';
import { fetchEvents } from './events';
import { formatEndpointSlices } from './service';
import type { DescribeContext, Describer } from './types';
import { apiPath, formatLabelSelector, getObject, goTimeString, intOrString, listAll } from './util';

/** describeBackendV1: `svc:port (endpoints)`, a resource backend, or "". */
async function describeBackend(ctx: DescribeContext, ns: string, backend: IngressBackend): Promise<string> {
  const svc = backend.service;
  if (svc) {
    const port = svc.port?.number ? String(svc.port.number) : (svc.port?.name ?? '');
    const sb = `${svc.name}:${port}`;
    const slices = await listAll<EndpointSlice>(ctx, apiPath('discovery.k8s.io/v1', 'endpointslices', ns), { labelSelector: `kubernetes.io/service-name=${svc.name}` }, false);
    if (slices.error) return `${sb} (<error: ${slices.error.message}>)`;
    const got = await getObject<Service>(ctx, apiPath('v1', 'services', ns, svc.name));
    if (!got.obj) return `${sb} (<error: ${got.error}>)`;
    let spName = '';
    for (const sp of got.obj.spec?.ports ?? []) {
      if (svc.port?.number && svc.port.number === sp.port) spName = sp.name ?? '';
      else if (svc.port?.name && svc.port.name === sp.name) spName = sp.name ?? '';
    }
    return `${sb} (${formatEndpointSlices(slices.items, spName)})`;
  }
  const r = backend.resource;
  if (r) return `APIGroup: ${r.apiGroup ?? '<none>'}, Kind: ${r.kind}, Name: ${r.name}`;
  return '';
}

/** ingressLoadBalancerStatusStringerV1 (wide): unique IPs or hostnames, sorted. */
function ingressAddress(ing: Ingress): string {
  const set = new Set<string>();
  for (const i of ing.status?.loadBalancer?.ingress ?? []) {
    if (i.ip) set.add(i.ip);
    else if (i.hostname) set.add(i.hostname);
  }
  return [...set].sort(compareGoStrings).join(',');
}

export const describeIngress: Describer = async (ctx, obj) => {
  const ing = obj as Ingress & KubeObject;
  const events = await fetchEvents(ctx, obj, 'Ingress');
  const m = ing.metadata ?? {};
  const ns = m.namespace ?? '';
  // Backends are looked up in the order they are printed.
  const def = ing.spec?.defaultBackend ? await describeBackend(ctx, ns, ing.spec.defaultBackend) : '<default>';
  const rules: { host: string; paths: { path: string; backend: string }[] }[] = [];
  for (const rule of ing.spec?.rules ?? []) {
    if (!rule.http) continue;
    const paths = [];
    for (const p of rule.http.paths ?? []) paths.push({ path: p.path ?? '', backend: await describeBackend(ctx, ns, p.backend) });
    rules.push({ host: rule.host || '*', paths });
  }
  return describeString((w) => {
    w.write(LEVEL_0, `Name:\t${m.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    w.write(LEVEL_0, `Namespace:\t${ns}\n`);
    w.write(LEVEL_0, `Address:\t${ingressAddress(ing)}\n`);
    w.write(LEVEL_0, `Ingress Class:\t${ing.spec?.ingressClassName ?? '<none>'}\n`);
    w.write(LEVEL_0, `Default backend:\t${def}\n`);
    const tls = ing.spec?.tls ?? [];
    if (tls.length) {
      w.write(LEVEL_0, 'TLS:\n');
      for (const t of tls) {
        const hosts = (t.hosts ?? []).join(',');
        w.write(LEVEL_1, t.secretName ? `${t.secretName} terminates ${hosts}\n` : `SNI routes ${hosts}\n`);
      }
    }
    w.write(LEVEL_0, 'Rules:\n  Host\tPath\tBackends\n');
    w.write(LEVEL_1, '----\t----\t--------\n');
    for (const r of rules) {
      w.write(LEVEL_1, `${r.host}\t\n`);
      for (const p of r.paths) w.write(LEVEL_2, `\t${p.path} \t${p.backend}\n`);
    }
    if (rules.length === 0) w.write(LEVEL_1, `*\t*\t${def}\n`);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    if (events) describeEvents(events, w, ctx.now);
  });
};

export const describeIngressClass: Describer = async (ctx, obj) => {
  const ic = obj as IngressClass & KubeObject;
  const events = await fetchEvents(ctx, obj, 'IngressClass');
  const m = ic.metadata ?? {};
  return describeString((w) => {
    w.write(LEVEL_0, `Name:\t${m.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, `Controller:\t${ic.spec?.controller ?? ''}\n`);
    const p = ic.spec?.parameters;
    if (p) {
      w.write(LEVEL_0, 'Parameters:\n');
      if (p.apiGroup !== undefined && p.apiGroup !== null) w.write(LEVEL_1, `APIGroup:\t${p.apiGroup}\n`);
      w.write(LEVEL_1, `Kind:\t${p.kind}\n`);
      w.write(LEVEL_1, `Name:\t${p.name}\n`);
    }
    if (events) describeEvents(events, w, ctx.now);
  });
};

function printPorts(ports: readonly NetworkPolicyPort[] | undefined, indent: string, w: PrefixWriter): void {
  if (!ports?.length) {
    w.write(LEVEL_0, `${indent}To Port: <any> (traffic allowed to all ports)\n`);
    return;
  }
  for (const p of ports) {
    const proto = p.protocol ?? 'TCP';
    if (p.endPort === undefined || p.endPort === null) w.write(LEVEL_0, `${indent}To Port: ${intOrString(p.port)}/${proto}\n`);
    else w.write(LEVEL_0, `${indent}To Port Range: ${intOrString(p.port)}-${p.endPort}/${proto}\n`);
  }
}

function printPeers(peers: readonly NetworkPolicyPeer[] | undefined, label: 'From' | 'To', anyText: string, indent: string, w: PrefixWriter): void {
  if (!peers?.length) {
    w.write(LEVEL_0, `${indent}${label}: ${anyText}\n`);
    return;
  }
  for (const peer of peers) {
    w.write(LEVEL_0, `${indent}${label}:\n`);
    if (peer.podSelector && peer.namespaceSelector) {
      w.write(LEVEL_1, `${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`);
      w.write(LEVEL_1, `${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`);
    } else if (peer.podSelector) {
      w.write(LEVEL_1, `${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`);
    } else if (peer.namespaceSelector) {
      w.write(LEVEL_1, `${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`);
    } else if (peer.ipBlock) {
      w.write(LEVEL_1, `${indent}IPBlock:\n`);
      w.write(LEVEL_2, `${indent}CIDR: ${peer.ipBlock.cidr}\n`);
      w.write(LEVEL_2, `${indent}Except: ${(peer.ipBlock.except ?? []).join(', ')}\n`);
    }
  }
}

export const describeNetworkPolicy: Describer = async (_ctx, obj) => {
  const np = obj as NetworkPolicy & KubeObject;
  const m = np.metadata ?? {};
  const spec: NetworkPolicySpec = np.spec ?? { podSelector: {} };
  return describeString((w) => {
    w.write(LEVEL_0, `Name:\t${m.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${m.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Created on:\t${goTimeString(m.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, 'Spec:\n');
    w.write(LEVEL_1, 'PodSelector: ');
    const ps = spec.podSelector;
    if (Object.keys(ps?.matchLabels ?? {}).length === 0 && !ps?.matchExpressions?.length) {
      w.write(LEVEL_2, '<none> (Allowing the specific traffic to all pods in this namespace)\n');
    } else {
      w.write(LEVEL_2, `${formatLabelSelector(ps)}\n`);
    }
    const types = spec.policyTypes ?? [];
    const indent = '    ';
    if (types.includes('Ingress')) {
      w.write(LEVEL_1, 'Allowing ingress traffic:\n');
      const rules = spec.ingress ?? [];
      if (rules.length === 0) w.write(LEVEL_0, `${indent}<none> (Selected pods are isolated for ingress connectivity)\n`);
      rules.forEach((r, i) => {
        printPorts(r.ports, indent, w);
        printPeers(r.from, 'From', '<any> (traffic not restricted by source)', indent, w);
        if (i !== rules.length - 1) w.write(LEVEL_0, `${indent}----------\n`);
      });
    } else {
      w.write(LEVEL_1, 'Not affecting ingress traffic\n');
    }
    if (types.includes('Egress')) {
      w.write(LEVEL_1, 'Allowing egress traffic:\n');
      const rules = spec.egress ?? [];
      if (rules.length === 0) w.write(LEVEL_0, `${indent}<none> (Selected pods are isolated for egress connectivity)\n`);
      rules.forEach((r, i) => {
        printPorts(r.ports, indent, w);
        printPeers(r.to, 'To', '<any> (traffic not restricted by destination)', indent, w);
        if (i !== rules.length - 1) w.write(LEVEL_0, `${indent}----------\n`);
      });
    } else {
      w.write(LEVEL_1, 'Not affecting egress traffic\n');
    }
    w.write(LEVEL_1, `Policy Types: ${types.length ? types.join(', ') : '<none>'}\n`);
  });
};
