// Table columns and cells for config maps: DATA counts data and binaryData keys.
// mirrors: pkg/printers/internalversion/printers.go (printConfigMap)

import type { ConfigMap } from 'kubernetes-types/core/v1';
import type { TablePrinter } from './types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { DOC } from './descriptions';
import { age } from './format';

function countKeys(map: Record<string, unknown> | undefined): number {
  return map ? Object.keys(map).length : 0;
}

export const configMapPrinter: TablePrinter<ConfigMap> = {
  columns: [NAME_COLUMN, column('Data', 'string', DOC['core/v1 ConfigMap.data']), AGE_COLUMN],
  rows: (cm, now) => [
    [cm.metadata?.name ?? '', countKeys(cm.data) + countKeys(cm.binaryData), age(cm.metadata, now)],
  ],
};
