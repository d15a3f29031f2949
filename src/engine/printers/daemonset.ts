// Table columns and cells for daemon sets: DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE,
// wide containers, images, selector.
// mirrors: pkg/printers/internalversion/printers.go (printDaemonSet)

import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { TablePrinter } from './types';
import { AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN, NAME_COLUMN, column } from './columns';
import { DOC } from './descriptions';
import { age, formatLabelSelector, formatLabels, layoutContainerCells } from './format';

export const daemonSetPrinter: TablePrinter<DaemonSet> = {
  columns: [
    NAME_COLUMN,
    column('Desired', 'integer', DOC['extensions/v1beta1 DaemonSetStatus.desiredNumberScheduled']),
    column('Current', 'integer', DOC['extensions/v1beta1 DaemonSetStatus.currentNumberScheduled']),
    column('Ready', 'integer', DOC['extensions/v1beta1 DaemonSetStatus.numberReady']),
    column('Up-to-date', 'integer', DOC['extensions/v1beta1 DaemonSetStatus.updatedNumberScheduled']),
    column('Available', 'integer', DOC['extensions/v1beta1 DaemonSetStatus.numberAvailable']),
    column('Node Selector', 'string', DOC['core/v1 PodSpec.nodeSelector']),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    column('Selector', 'string', DOC['extensions/v1beta1 DaemonSetSpec.selector'], 1),
  ],
  rows(ds, now) {
    const s = ds.status;
    const [names, images] = layoutContainerCells(ds.spec?.template?.spec?.containers);
    return [
      [
        ds.metadata?.name ?? '',
        s?.desiredNumberScheduled ?? 0,
        s?.currentNumberScheduled ?? 0,
        s?.numberReady ?? 0,
        s?.updatedNumberScheduled ?? 0,
        s?.numberAvailable ?? 0,
        formatLabels(ds.spec?.template?.spec?.nodeSelector),
        age(ds.metadata, now),
        names,
        images,
        formatLabelSelector(ds.spec?.selector),
      ],
    ];
  },
};
