// Table columns and cells for stateful sets: READY ready/desired, wide containers and images.
// mirrors: pkg/printers/internalversion/printers.go (printStatefulSet)

import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { TablePrinter } from './types';
import { AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN, NAME_COLUMN, column } from './columns';
import { age, layoutContainerCells } from './format';

export const statefulSetPrinter: TablePrinter<StatefulSet> = {
  columns: [
    NAME_COLUMN,
    column('Ready', 'string', 'Number of the pod with ready state'),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
  ],
  rows(sts, now) {
    const [names, images] = layoutContainerCells(sts.spec?.template?.spec?.containers);
    return [
      [
        sts.metadata?.name ?? '',
        `${sts.status?.readyReplicas ?? 0}/${sts.spec?.replicas ?? 0}`,
        age(sts.metadata, now),
        names,
        images,
      ],
    ];
  },
};
