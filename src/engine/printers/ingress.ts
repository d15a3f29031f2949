// Table columns and cells for ingresses: CLASS, HOSTS (three, then ` + N more...`, `*` for none),
// ADDRESS from the load balancer status, PORTS `80` or `80, 443` with TLS.
// mirrors: pkg/printers/internalversion/printers.go (printIngress, formatHosts, formatPorts,
// ingressLoadBalancerStatusStringer)

import type { Ingress, IngressRule } from 'kubernetes-types/networking/v1';
import type { TablePrinter } from './types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { age } from './format';
import { loadBalancerIngress } from './service';

const MAX_HOSTS = 3;

export function formatHosts(rules: IngressRule[] | undefined): string {
  const list: string[] = [];
  let more = false;
  for (const rule of rules ?? []) {
    if (list.length === MAX_HOSTS) more = true;
    if (!more && rule.host) list.push(rule.host);
  }
  if (list.length === 0) return '*';
  const ret = list.join(',');
  // Upstream counts every rule, with or without a host, in the remainder.
  return more ? `${ret} + ${(rules ?? []).length - MAX_HOSTS} more...` : ret;
}

export const ingressPrinter: TablePrinter<Ingress> = {
  columns: [
    NAME_COLUMN,
    column('Class', 'string', 'The name of the IngressClass resource that should be used for additional configuration'),
    column('Hosts', 'string', 'Hosts that incoming requests are matched against before the ingress rule'),
    column('Address', 'string', 'Address is a list containing ingress points for the load-balancer'),
    column('Ports', 'string', 'Ports of TLS configurations that open'),
    AGE_COLUMN,
  ],
  rows: (ing, now) => [
    [
      ing.metadata?.name ?? '',
      ing.spec?.ingressClassName ?? '<none>',
      formatHosts(ing.spec?.rules),
      loadBalancerIngress(ing.status?.loadBalancer),
      ing.spec?.tls && ing.spec.tls.length > 0 ? '80, 443' : '80',
      age(ing.metadata, now),
    ],
  ],
};
