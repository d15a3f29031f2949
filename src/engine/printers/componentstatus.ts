// Table columns and cells for component statuses: STATUS Healthy/Unhealthy/Unknown, MESSAGE, ERROR (no age).
// mirrors: pkg/printers/internalversion/printers.go (printComponentStatus)

import type { ComponentStatus } from 'kubernetes-types/core/v1';
import type { TablePrinter } from './types';
import { NAME_COLUMN, column } from './columns';

export const componentStatusPrinter: TablePrinter<ComponentStatus> = {
  columns: [
    NAME_COLUMN,
    column('Status', 'string', 'Status of the component conditions'),
    column('Message', 'string', 'Message of the component conditions'),
    column('Error', 'string', 'Error of the component conditions'),
  ],
  rows(cs) {
    const healthy = cs.conditions?.find((c) => c.type === 'Healthy');
    const status = healthy ? (healthy.status === 'True' ? 'Healthy' : 'Unhealthy') : 'Unknown';
    return [[cs.metadata?.name ?? '', status, healthy?.message ?? '', healthy?.error ?? '']];
  },
};
