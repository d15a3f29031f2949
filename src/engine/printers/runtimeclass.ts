// Table columns and cells for runtime classes: HANDLER.
// mirrors: pkg/printers/internalversion/printers.go (printRuntimeClass)

import type { RuntimeClass } from 'kubernetes-types/node/v1';
import type { TablePrinter } from './types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { age } from './format';

export const runtimeClassPrinter: TablePrinter<RuntimeClass> = {
  // Upstream looks the description up under ObjectMeta's docs, where "handler" does not exist: it is empty.
  columns: [NAME_COLUMN, column('Handler', 'string', ''), AGE_COLUMN],
  rows: (rc, now) => [[rc.metadata?.name ?? '', rc.handler ?? '', age(rc.metadata, now)]],
};
