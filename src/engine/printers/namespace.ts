// Table columns and cells for namespaces: NAME STATUS AGE.
// mirrors: pkg/printers/internalversion/printers.go (printNamespace)

import type { Namespace } from 'kubernetes-types/core/v1';
import type { TablePrinter } from './types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { age } from './format';

export const namespacePrinter: TablePrinter<Namespace> = {
  columns: [NAME_COLUMN, column('Status', 'string', 'The status of the namespace'), AGE_COLUMN],
  rows: (ns, now) => [[ns.metadata?.name ?? '', ns.status?.phase ?? '', age(ns.metadata, now)]],
};
