// Table columns and cells for replica sets: DESIRED CURRENT READY, wide containers, images, selector.
// mirrors: pkg/printers/internalversion/printers.go (printReplicaSet)

import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { TablePrinter } from './types';
import { AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN, NAME_COLUMN, column } from './columns';
import { DOC } from './descriptions';
import { age, formatLabelSelector, layoutContainerCells } from './format';

export const replicaSetPrinter: TablePrinter<ReplicaSet> = {
  columns: [
    NAME_COLUMN,
    column('Desired', 'integer', DOC['extensions/v1beta1 ReplicaSetSpec.replicas']),
    column('Current', 'integer', DOC['extensions/v1beta1 ReplicaSetStatus.replicas']),
    column('Ready', 'integer', DOC['extensions/v1beta1 ReplicaSetStatus.readyReplicas']),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    column('Selector', 'string', DOC['extensions/v1beta1 ReplicaSetSpec.selector'], 1),
  ],
  rows(rs, now) {
    const [names, images] = layoutContainerCells(rs.spec?.template?.spec?.containers);
    return [
      [
        rs.metadata?.name ?? '',
        rs.spec?.replicas ?? 0,
        rs.status?.replicas ?? 0,
        rs.status?.readyReplicas ?? 0,
        age(rs.metadata, now),
        names,
        images,
        formatLabelSelector(rs.spec?.selector),
      ],
    ];
  },
};
