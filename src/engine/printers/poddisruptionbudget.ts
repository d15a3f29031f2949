// Table columns and cells for pod disruption budgets: MIN AVAILABLE / MAX UNAVAILABLE (`N/A` when unset),
// ALLOWED DISRUPTIONS.
// mirrors: pkg/printers/internalversion/printers.go (printPodDisruptionBudget)

import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { TablePrinter } from './types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { age, intOrString } from './format';

export const podDisruptionBudgetPrinter: TablePrinter<PodDisruptionBudget> = {
  columns: [
    NAME_COLUMN,
    column('Min Available', 'string', 'The minimum number of pods that must be available.'),
    column('Max Unavailable', 'string', 'The maximum number of pods that may be unavailable.'),
    column('Allowed Disruptions', 'integer', 'Calculated number of pods that may be disrupted at this time.'),
    AGE_COLUMN,
  ],
  rows(pdb, now) {
    const min = pdb.spec?.minAvailable;
    const max = pdb.spec?.maxUnavailable;
    return [
      [
        pdb.metadata?.name ?? '',
        min === undefined || min === null ? 'N/A' : intOrString(min),
        max === undefined || max === null ? 'N/A' : intOrString(max),
        pdb.status?.disruptionsAllowed ?? 0,
        age(pdb.metadata, now),
      ],
    ];
  },
};
