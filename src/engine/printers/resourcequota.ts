// Table columns and cells for resource quotas: REQUEST and LIMIT as `resource: used/hard` lists, sorted by
// resource name; `limits.*` resources go to LIMIT.
// mirrors: pkg/printers/internalversion/printers.go (printResourceQuota)

import type { ResourceQuota } from 'kubernetes-types/core/v1';
import type { TablePrinter } from './types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { age, compareBytes } from './format';
import { quantityOrZero } from './quantity';

export const resourceQuotaPrinter: TablePrinter<ResourceQuota> = {
  columns: [
    NAME_COLUMN,
    column('Request', 'string', 'Request represents a minimum amount of cpu/memory that a container may consume.'),
    column(
      'Limit',
      'string',
      'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.',
    ),
    AGE_COLUMN,
  ],
  rows(rq, now) {
    const hard = rq.status?.hard ?? {};
    const used = rq.status?.used ?? {};
    const requests: string[] = [];
    const limits: string[] = [];
    for (const resource of Object.keys(hard).sort(compareBytes)) {
      const entry = `${resource}: ${quantityOrZero(used[resource])}/${quantityOrZero(hard[resource])}`;
      const pieces = resource.split('.');
      (pieces.length > 1 && pieces[0] === 'limits' ? limits : requests).push(entry);
    }
    return [[rq.metadata?.name ?? '', requests.join(', '), limits.join(', '), age(rq.metadata, now)]];
  },
};
