// Table columns and cells for endpoint slices: ADDRESSTYPE, PORTS, ENDPOINTS (three, then ` + N more...`).
// mirrors: pkg/printers/internalversion/printers.go (printEndpointSlice, formatDiscoveryPorts,
// formatDiscoveryEndpoints)

import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { TablePrinter } from './types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { DOC } from './descriptions';
import { age, listWithMoreString } from './format';

const MAX = 3;

function formatPorts(slice: EndpointSlice): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const port of slice.ports ?? []) {
    if (list.length < MAX) {
      list.push(port.port != null ? String(port.port) : port.name != null ? port.name : '*');
    } else if (list.length === MAX) {
      more = true;
    }
    count++;
  }
  return listWithMoreString(list, more, count, MAX);
}

function formatAddresses(slice: EndpointSlice): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ep of slice.endpoints ?? []) {
    for (const address of ep.addresses ?? []) {
      if (list.length < MAX) list.push(address);
      else if (list.length === MAX) more = true;
      count++;
    }
  }
  return listWithMoreString(list, more, count, MAX);
}

export const endpointSlicePrinter: TablePrinter<EndpointSlice> = {
  columns: [
    NAME_COLUMN,
    column('AddressType', 'string', DOC['discovery/v1beta1 EndpointSlice.addressType']),
    column('Ports', 'string', DOC['discovery/v1beta1 EndpointSlice.ports']),
    column('Endpoints', 'string', DOC['discovery/v1beta1 EndpointSlice.endpoints']),
    AGE_COLUMN,
  ],
  rows: (s, now) => [[s.metadata?.name ?? '', s.addressType ?? '', formatPorts(s), formatAddresses(s), age(s.metadata, now)]],
};
