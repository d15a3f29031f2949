// Table columns and cells for secrets: TYPE and the number of data keys.
// mirrors: pkg/printers/internalversion/printers.go (printSecret)

import type { Secret } from 'kubernetes-types/core/v1';
import type { TablePrinter } from './types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { DOC } from './descriptions';
import { age } from './format';

/** Keys of data, with stringData merged in as the v1 → internal conversion does. */
function dataCount(secret: Secret): number {
  const keys = Object.keys(secret.data ?? {});
  if (!secret.stringData) return keys.length;
  return new Set([...keys, ...Object.keys(secret.stringData)]).size;
}

export const secretPrinter: TablePrinter<Secret> = {
  columns: [
    NAME_COLUMN,
    column('Type', 'string', DOC['core/v1 Secret.type']),
    column('Data', 'string', DOC['core/v1 Secret.data']),
    AGE_COLUMN,
  ],
  rows: (s, now) => [[s.metadata?.name ?? '', s.type ?? '', dataCount(s), age(s.metadata, now)]],
};
