// Table columns and cells for service accounts: SECRETS is still a column in 1.32 (count of .secrets).
// mirrors: pkg/printers/internalversion/printers.go (printServiceAccount)

import type { ServiceAccount } from 'kubernetes-types/core/v1';
import type { TablePrinter } from './types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { DOC } from './descriptions';
import { age } from './format';

export const serviceAccountPrinter: TablePrinter<ServiceAccount> = {
  columns: [NAME_COLUMN, column('Secrets', 'string', DOC['core/v1 ServiceAccount.secrets']), AGE_COLUMN],
  rows: (sa, now) => [[sa.metadata?.name ?? '', sa.secrets?.length ?? 0, age(sa.metadata, now)]],
};
