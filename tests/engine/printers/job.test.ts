import { describe, expect, it } from 'vitest';
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import { jobPrinter } from '../../../src/engine/printers/job';
import { cronJobPrinter } from '../../../src/engine/printers/cronjob';
import { NOW, ago, d, m, s } from './fixtures';

const justNow = ago(-1900);
const tenYears = ago(d(3650));
const template = {
  spec: {
    containers: [
      { name: 'fake-job-container1', image: 'fake-job-image1' },
      { name: 'fake-job-container2', image: 'fake-job-image2' },
    ],
  },
};

describe('jobs (upstream TestPrintJob)', () => {
  const cases: [string, Job, unknown[]][] = [
    [
      'running with completions; wide cells',
      {
        metadata: { name: 'job1', creationTimestamp: justNow },
        spec: { completions: 2, template, selector: { matchLabels: { 'job-label': 'job-label-value' } } },
        status: { succeeded: 1 },
      },
      ['job1', 'Running', '1/2', '', '0s', 'fake-job-container1,fake-job-container2', 'fake-job-image1,fake-job-image2', 'job-label=job-label-value'],
    ],
    ['ten years old', { metadata: { name: 'job2', creationTimestamp: tenYears }, spec: { template: {} }, status: { succeeded: 0 } }, ['job2', 'Running', '0/1', '', '10y', '', '', '<none>']],
    [
      'duration from start to completion',
      { metadata: { name: 'job3', creationTimestamp: tenYears }, spec: { template: {} }, status: { startTime: ago(-m(1)), completionTime: ago(-m(31)) } },
      ['job3', 'Running', '0/1', '30m', '10y', '', '', '<none>'],
    ],
    [
      'duration to now while running',
      { metadata: { name: 'job4', creationTimestamp: tenYears }, spec: { template: {} }, status: { startTime: ago(m(20)) } },
      ['job4', 'Running', '0/1', '20m', '10y', '', '', '<none>'],
    ],
    ['Complete', { metadata: { name: 'job5', creationTimestamp: justNow }, spec: { template: {} }, status: { conditions: [{ type: 'Complete', status: 'True' }] } }, ['job5', 'Complete', '0/1', '', '0s', '', '', '<none>']],
    ['Failed', { metadata: { name: 'job6', creationTimestamp: justNow }, spec: { template: {} }, status: { conditions: [{ type: 'Failed', status: 'True' }] } }, ['job6', 'Failed', '0/1', '', '0s', '', '', '<none>']],
    ['Suspended', { metadata: { name: 'job7', creationTimestamp: justNow }, spec: { template: {} }, status: { conditions: [{ type: 'Suspended', status: 'True' }] } }, ['job7', 'Suspended', '0/1', '', '0s', '', '', '<none>']],
    [
      'FailureTarget',
      { metadata: { name: 'job8', creationTimestamp: justNow }, spec: { template: {} }, status: { conditions: [{ type: 'FailureTarget', status: 'True' }] } },
      ['job8', 'FailureTarget', '0/1', '', '0s', '', '', '<none>'],
    ],
    ['Terminating', { metadata: { name: 'job9', creationTimestamp: justNow, deletionTimestamp: justNow }, spec: { template: {} } }, ['job9', 'Terminating', '0/1', '', '0s', '', '', '<none>']],
    [
      'Complete beats Terminating; a False condition does not count',
      {
        metadata: { name: 'j', deletionTimestamp: justNow },
        spec: { template: {}, parallelism: 3 },
        status: { succeeded: 2, conditions: [{ type: 'Failed', status: 'False' }, { type: 'Complete', status: 'True' }] },
      },
      ['j', 'Complete', '2/1 of 3', '', '<unknown>', '', '', '<none>'],
    ],
    [
      'completed job from kubectl create job',
      {
        metadata: { name: 'pi', creationTimestamp: ago(m(3)) },
        spec: { completions: 1, parallelism: 1, template: { spec: { containers: [{ name: 'pi', image: 'perl:5.34' }] } }, selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'abc' } } },
        status: { succeeded: 1, startTime: ago(m(3)), completionTime: ago(m(3) - s(9)), conditions: [{ type: 'SuccessCriteriaMet', status: 'True' }, { type: 'Complete', status: 'True' }] },
      },
      ['pi', 'Complete', '1/1', '9s', '3m', 'pi', 'perl:5.34', 'batch.kubernetes.io/controller-uid=abc'],
    ],
  ];
  it.each(cases)('%s', (_n, job, want) => {
    expect(jobPrinter.rows(job, NOW)).toEqual([want]);
  });
});

describe('cron jobs (upstream TestPrintCronJob)', () => {
  const cronjob = (name: string, extra: Partial<CronJob['spec']>, status: CronJob['status'], created = justNow): CronJob => ({
    metadata: { name, creationTimestamp: created },
    spec: {
      schedule: '0/5 * * * ?',
      suspend: false,
      jobTemplate: { spec: { completions: 2, template, selector: { matchLabels: { a: 'b' } } } },
      ...extra,
    },
    status,
  });
  const cases: [string, CronJob, unknown[]][] = [
    [
      'no time zone',
      cronjob('cronjob1', {}, { lastScheduleTime: justNow }),
      ['cronjob1', '0/5 * * * ?', '<none>', 'False', 0, '0s', '0s', 'fake-job-container1,fake-job-container2', 'fake-job-image1,fake-job-image2', 'a=b'],
    ],
    [
      'time zone',
      cronjob('cronjob1', { timeZone: 'LOCAL' }, { lastScheduleTime: justNow }),
      ['cronjob1', '0/5 * * * ?', 'LOCAL', 'False', 0, '0s', '0s', 'fake-job-container1,fake-job-container2', 'fake-job-image1,fake-job-image2', 'a=b'],
    ],
    [
      'last schedule and age',
      cronjob('cronjob2', {}, { lastScheduleTime: ago(s(30)), active: [{ name: 'cronjob2-1' }] }, ago(m(5))),
      ['cronjob2', '0/5 * * * ?', '<none>', 'False', 1, '30s', '5m', 'fake-job-container1,fake-job-container2', 'fake-job-image1,fake-job-image2', 'a=b'],
    ],
    [
      'never scheduled; suspend unset',
      cronjob('cronjob3', { suspend: undefined }, {}, ago(m(5))),
      ['cronjob3', '0/5 * * * ?', '<none>', '<unset>', 0, '<none>', '5m', 'fake-job-container1,fake-job-container2', 'fake-job-image1,fake-job-image2', 'a=b'],
    ],
  ];
  it.each(cases)('%s', (_n, cj, want) => {
    expect(cronJobPrinter.rows(cj, NOW)).toEqual([want]);
  });
});
