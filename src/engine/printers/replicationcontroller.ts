// Table columns and cells for replication controllers: DESIRED CURRENT READY, wide containers, images,
// selector (a plain label map).
// mirrors: pkg/printers/internalversion/printers.go (printReplicationController)

import type { ReplicationController } from 'kubernetes-types/core/v1';
import type { TablePrinter } from './types';
import { AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN, NAME_COLUMN, column } from './columns';
import { DOC } from './descriptions';
import { age, formatLabels, layoutContainerCells } from './format';

export const replicationControllerPrinter: TablePrinter<ReplicationController> = {
  columns: [
    NAME_COLUMN,
    column('Desired', 'integer', DOC['core/v1 ReplicationControllerSpec.replicas']),
    column('Current', 'integer', DOC['core/v1 ReplicationControllerStatus.replicas']),
    column('Ready', 'integer', DOC['core/v1 ReplicationControllerStatus.readyReplicas']),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    column('Selector', 'string', DOC['core/v1 ReplicationControllerSpec.selector'], 1),
  ],
  rows(rc, now) {
    const [names, images] = layoutContainerCells(rc.spec?.template?.spec?.containers);
    return [
      [
        rc.metadata?.name ?? '',
        rc.spec?.replicas ?? 0,
        rc.status?.replicas ?? 0,
        rc.status?.readyReplicas ?? 0,
        age(rc.metadata, now),
        names,
        images,
        formatLabels(rc.spec?.selector),
      ],
    ];
  },
};
