// Table columns and cells for leases: HOLDER (empty when nobody holds it).
// mirrors: pkg/printers/internalversion/printers.go (printLease)

import type { Lease } from 'kubernetes-types/coordination/v1';
import type { TablePrinter } from './types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { DOC } from './descriptions';
import { age } from './format';

export const leasePrinter: TablePrinter<Lease> = {
  columns: [NAME_COLUMN, column('Holder', 'string', DOC['coordination/v1 LeaseSpec.holderIdentity']), AGE_COLUMN],
  rows: (l, now) => [[l.metadata?.name ?? '', l.spec?.holderIdentity ?? '', age(l.metadata, now)]],
};
