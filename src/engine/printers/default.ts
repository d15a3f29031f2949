// The table the API server falls back to for kinds without a printer (roles, cluster roles, limit ranges,
// custom resources without printer columns, ...): NAME and CREATED AT (an RFC3339 UTC date, not an age).
// mirrors: staging/src/k8s.io/apiserver/pkg/registry/rest/table.go (defaultTableConvertor)

import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import type { TablePrinter } from './types';
import { NAME_COLUMN, column } from './columns';
import { DOC } from './descriptions';

/** Go's zero time.Time formatted with time.RFC3339. */
const ZERO_TIME = '0001-01-01T00:00:00Z';

/** creationTimestamp as time.RFC3339 in UTC: whole seconds, `Z`. */
export function rfc3339(timestamp: string | undefined | null): string {
  if (!timestamp) return ZERO_TIME;
  const ms = Date.parse(timestamp);
  if (Number.isNaN(ms)) return ZERO_TIME;
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export const defaultTablePrinter: TablePrinter<{ metadata?: ObjectMeta }> = {
  columns: [NAME_COLUMN, column('Created At', 'date', DOC['meta ObjectMeta.creationTimestamp'])],
  rows: (obj) => [[obj.metadata?.name ?? '', rfc3339(obj.metadata?.creationTimestamp)]],
};
