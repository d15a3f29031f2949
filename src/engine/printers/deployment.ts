// Table columns and cells for deployments: READY ready/desired, UP-TO-DATE, AVAILABLE, wide containers,
// images and selector.
// mirrors: pkg/printers/internalversion/printers.go (printDeployment)

import type { Deployment } from 'kubernetes-types/apps/v1';
import type { TablePrinter } from './types';
import { AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN, NAME_COLUMN, column } from './columns';
import { DOC } from './descriptions';
import { age, labelSelectorString, layoutContainerCells } from './format';

export const deploymentPrinter: TablePrinter<Deployment> = {
  columns: [
    NAME_COLUMN,
    column('Ready', 'string', 'Number of the pod with ready state'),
    column('Up-to-date', 'string', DOC['extensions/v1beta1 DeploymentStatus.updatedReplicas']),
    column('Available', 'string', DOC['extensions/v1beta1 DeploymentStatus.availableReplicas']),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    column('Selector', 'string', DOC['extensions/v1beta1 DeploymentSpec.selector'], 1),
  ],
  rows(d, now) {
    const status = d.status ?? {};
    const [names, images] = layoutContainerCells(d.spec?.template?.spec?.containers);
    // selector.String() directly: a nil selector prints "", an invalid one "<invalid>".
    const selector = labelSelectorString(d.spec?.selector) ?? '<invalid>';
    return [
      [
        d.metadata?.name ?? '',
        `${status.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}`,
        status.updatedReplicas ?? 0,
        status.availableReplicas ?? 0,
        age(d.metadata, now),
        names,
        images,
        selector,
      ],
    ];
  },
};
