// Table columns and cells for priority classes: VALUE, GLOBAL-DEFAULT, PREEMPTIONPOLICY.
// mirrors: pkg/printers/internalversion/printers.go (printPriorityClass)

import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import type { TablePrinter } from './types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { DOC } from './descriptions';
import { age } from './format';

export const priorityClassPrinter: TablePrinter<PriorityClass> = {
  columns: [
    NAME_COLUMN,
    column('Value', 'integer', DOC['scheduling/v1 PriorityClass.value']),
    column('Global-Default', 'boolean', DOC['scheduling/v1 PriorityClass.globalDefault']),
    AGE_COLUMN,
    // Priority 0 upstream although the cell is only filled in the wide form, which the server always uses.
    column('PreemptionPolicy', 'string', DOC['scheduling/v1 PriorityClass.preemptionPolicy']),
  ],
  rows: (pc, now) => [
    [pc.metadata?.name ?? '', pc.value ?? 0, pc.globalDefault ?? false, age(pc.metadata, now), pc.preemptionPolicy ?? ''],
  ],
};
