// Table columns and cells for network policies: POD-SELECTOR (`<none>` selects all pods).
// mirrors: pkg/printers/internalversion/printers.go (printNetworkPolicy)

import type { NetworkPolicy } from 'kubernetes-types/networking/v1';
import type { TablePrinter } from './types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { DOC } from './descriptions';
import { age, formatLabelSelector } from './format';

export const networkPolicyPrinter: TablePrinter<NetworkPolicy> = {
  columns: [
    NAME_COLUMN,
    column('Pod-Selector', 'string', DOC['extensions/v1beta1 NetworkPolicySpec.podSelector']),
    AGE_COLUMN,
  ],
  // podSelector is not a pointer upstream: a missing one is the empty selector.
  rows: (np, now) => [[np.metadata?.name ?? '', formatLabelSelector(np.spec?.podSelector ?? {}), age(np.metadata, now)]],
};
