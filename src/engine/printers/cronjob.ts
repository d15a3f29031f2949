// Table columns and cells for cron jobs: SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE, wide containers,
// images and the job template's selector.
// mirrors: pkg/printers/internalversion/printers.go (printCronJob)

import type { CronJob } from 'kubernetes-types/batch/v1';
import type { TablePrinter } from './types';
import { AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN, NAME_COLUMN, column } from './columns';
import { DOC } from './descriptions';
import { age, formatLabelSelector, layoutContainerCells, printBoolPtr } from './format';
import { translateTimestampSince } from '../util/duration';

export const cronJobPrinter: TablePrinter<CronJob> = {
  columns: [
    NAME_COLUMN,
    column('Schedule', 'string', DOC['batch/v1beta1 CronJobSpec.schedule']),
    column('Timezone', 'string', DOC['batch/v1beta1 CronJobSpec.timeZone']),
    column('Suspend', 'boolean', DOC['batch/v1beta1 CronJobSpec.suspend']),
    column('Active', 'integer', DOC['batch/v1beta1 CronJobStatus.active']),
    column('Last Schedule', 'string', DOC['batch/v1beta1 CronJobStatus.lastScheduleTime']),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    column('Selector', 'string', DOC['batch/v1 JobSpec.selector'], 1),
  ],
  rows(cj, now) {
    const jobSpec = cj.spec?.jobTemplate?.spec;
    const [names, images] = layoutContainerCells(jobSpec?.template?.spec?.containers);
    const last = cj.status?.lastScheduleTime;
    return [
      [
        cj.metadata?.name ?? '',
        cj.spec?.schedule ?? '',
        cj.spec?.timeZone ?? '<none>',
        printBoolPtr(cj.spec?.suspend),
        cj.status?.active?.length ?? 0,
        last ? translateTimestampSince(last, now) : '<none>',
        age(cj.metadata, now),
        names,
        images,
        formatLabelSelector(jobSpec?.selector),
      ],
    ];
  },
};
