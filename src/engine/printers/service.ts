// Table columns and cells for services: TYPE, CLUSTER-IP, EXTERNAL-IP per type (LoadBalancer ingress,
// `<pending>`, ExternalName), PORT(S) with node ports, wide SELECTOR.
// mirrors: pkg/printers/internalversion/printers.go (printService, getServiceExternalIP, makePortString,
// loadBalancerStatusStringer)

import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import type { TablePrinter } from './types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { DOC } from './descriptions';
import { age, compareBytes, formatLabels } from './format';

export const serviceColumns = [
  NAME_COLUMN,
  column('Type', 'string', DOC['core/v1 ServiceSpec.type']),
  column('Cluster-IP', 'string', DOC['core/v1 ServiceSpec.clusterIP']),
  column('External-IP', 'string', DOC['core/v1 ServiceSpec.externalIPs']),
  column('Port(s)', 'string', DOC['core/v1 ServiceSpec.ports']),
  AGE_COLUMN,
  column('Selector', 'string', DOC['core/v1 ServiceSpec.selector'], 1),
];

/**
 * Ingress IPs (or hostnames when no IP), de-duplicated and sorted. Upstream clips this to 16 characters
 * only without -o wide, and the API server always renders wide, so it is never clipped here.
 */
export function loadBalancerIngress(status: { ingress?: { ip?: string; hostname?: string }[] } | undefined): string {
  const result = new Set<string>();
  for (const ing of status?.ingress ?? []) {
    if (ing.ip) result.add(ing.ip);
    else if (ing.hostname) result.add(ing.hostname);
  }
  return [...result].sort(compareBytes).join(',');
}

function externalIP(svc: Service): string {
  const spec = svc.spec ?? {};
  const externalIPs = spec.externalIPs ?? [];
  switch (spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerIngress(svc.status?.loadBalancer);
      if (externalIPs.length > 0) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

export function makePortString(ports: ServicePort[] | undefined): string {
  return (ports ?? [])
    .map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? ''}` : `${p.port}/${p.protocol ?? ''}`))
    .join(',');
}

export function serviceCells(svc: Service, now: number): unknown[] {
  const spec = svc.spec ?? {};
  // The internal ClusterIPs[0]; the registry keeps clusterIP and clusterIPs[0] equal.
  const clusterIP = spec.clusterIPs?.[0] || spec.clusterIP || '<none>';
  return [
    svc.metadata?.name ?? '',
    spec.type ?? '',
    clusterIP,
    externalIP(svc),
    makePortString(spec.ports) || '<none>',
    age(svc.metadata, now),
    formatLabels(spec.selector),
  ];
}

export const servicePrinter: TablePrinter<Service> = {
  columns: serviceColumns,
  rows: (svc, now) => [serviceCells(svc, now)],
};
