// Table columns and cells for jobs: STATUS (Complete, Failed, Terminating, Suspended, FailureTarget,
// Running), COMPLETIONS `1/1` or `0/1 of 3`, DURATION, wide containers, images, selector.
// mirrors: pkg/printers/internalversion/printers.go (printJob, hasJobCondition)

import type { Job, JobCondition } from 'kubernetes-types/batch/v1';
import type { TablePrinter } from './types';
import { AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN, NAME_COLUMN, column } from './columns';
import { DOC } from './descriptions';
import { age, formatLabelSelector, layoutContainerCells, timeMs } from './format';
import { humanDuration } from '../util/duration';

/** The first condition of the type decides. */
function hasCondition(conditions: JobCondition[] | undefined, type: string): boolean {
  for (const c of conditions ?? []) if (c.type === type) return c.status === 'True';
  return false;
}

export function jobStatus(job: Job): string {
  const conditions = job.status?.conditions;
  if (hasCondition(conditions, 'Complete')) return 'Complete';
  if (hasCondition(conditions, 'Failed')) return 'Failed';
  if (job.metadata?.deletionTimestamp) return 'Terminating';
  if (hasCondition(conditions, 'Suspended')) return 'Suspended';
  if (hasCondition(conditions, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

function completions(job: Job): string {
  const succeeded = job.status?.succeeded ?? 0;
  const wanted = job.spec?.completions;
  if (wanted !== undefined && wanted !== null) return `${succeeded}/${wanted}`;
  const parallelism = job.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** Time from start to completion, or to now while running; empty before the job starts. */
function jobDuration(job: Job, now: number): string {
  const start = timeMs(job.status?.startTime);
  if (start === undefined) return '';
  const end = timeMs(job.status?.completionTime);
  return humanDuration((end ?? now) - start);
}

export const jobPrinter: TablePrinter<Job> = {
  columns: [
    NAME_COLUMN,
    column('Status', 'string', 'Status of the job.'),
    column('Completions', 'string', DOC['batch/v1 JobStatus.succeeded']),
    column('Duration', 'string', 'Time required to complete the job.'),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    column('Selector', 'string', DOC['batch/v1 JobSpec.selector'], 1),
  ],
  rows(job, now) {
    const [names, images] = layoutContainerCells(job.spec?.template?.spec?.containers);
    return [
      [
        job.metadata?.name ?? '',
        jobStatus(job),
        completions(job),
        jobDuration(job, now),
        age(job.metadata, now),
        names,
        images,
        formatLabelSelector(job.spec?.selector),
      ],
    ];
  },
};
