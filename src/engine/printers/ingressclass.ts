// Table columns and cells for ingress classes: CONTROLLER and PARAMETERS `Kind[.group]/name`.
// mirrors: pkg/printers/internalversion/printers.go (printIngressClass)

import type { IngressClass } from 'kubernetes-types/networking/v1';
import type { TablePrinter } from './types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { age } from './format';

function parameters(ic: IngressClass): string {
  const p = ic.spec?.parameters;
  if (!p) return '<none>';
  const kind = p.apiGroup !== undefined && p.apiGroup !== null ? `${p.kind}.${p.apiGroup}` : p.kind;
  return `${kind}/${p.name}`;
}

export const ingressClassPrinter: TablePrinter<IngressClass> = {
  columns: [
    NAME_COLUMN,
    column('Controller', 'string', 'Controller that is responsible for handling this class'),
    column('Parameters', 'string', 'A reference to a resource with additional parameters'),
    AGE_COLUMN,
  ],
  rows: (ic, now) => [[ic.metadata?.name ?? '', ic.spec?.controller ?? '', parameters(ic), age(ic.metadata, now)]],
};
