// Table columns and cells for endpoints: up to three `ip:port` entries, then ` + N more...`.
// mirrors: pkg/printers/internalversion/printers.go (printEndpoints, formatEndpoints)

import type { Endpoints } from 'kubernetes-types/core/v1';
import type { TablePrinter } from './types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { DOC } from './descriptions';
import { age } from './format';

const MAX = 3;

/** net.JoinHostPort: IPv6 hosts are bracketed. */
function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

export function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    const ports = ss.ports ?? [];
    if (ports.length === 0) {
      // Headless services may have no ports: list bare IPs.
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAX) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ports) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAX) {
          more = true;
          break;
        }
        list.push(joinHostPort(a.ip, port.port));
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - MAX} more...` : ret;
}

export const endpointsPrinter: TablePrinter<Endpoints> = {
  columns: [NAME_COLUMN, column('Endpoints', 'string', DOC['core/v1 Endpoints.subsets']), AGE_COLUMN],
  rows: (ep, now) => [[ep.metadata?.name ?? '', formatEndpoints(ep), age(ep.metadata, now)]],
};
