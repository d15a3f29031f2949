// Table columns and cells for pod templates: CONTAINERS IMAGES POD LABELS (no age column upstream).
// mirrors: pkg/printers/internalversion/printers.go (printPodTemplate)

import type { PodTemplate } from 'kubernetes-types/core/v1';
import type { TablePrinter } from './types';
import { NAME_COLUMN, column } from './columns';
import { formatLabels, layoutContainerCells } from './format';

export const podTemplatePrinter: TablePrinter<PodTemplate> = {
  columns: [
    NAME_COLUMN,
    column('Containers', 'string', 'Names of each container in the template.'),
    column('Images', 'string', 'Images referenced by each container in the template.'),
    column('Pod Labels', 'string', 'The labels for the pod template.'),
  ],
  rows(pt) {
    const [names, images] = layoutContainerCells(pt.template?.spec?.containers);
    return [[pt.metadata?.name ?? '', names, images, formatLabels(pt.template?.metadata?.labels)]];
  },
};
