// CronJobs: Jobs on a schedule.
import type { ResourceDef } from '../types';
import { ALL_VERBS } from '../verbs';
import { withStatus } from '../status-strategy';

export const cronjobs: ResourceDef = {
  group: 'batch', version: 'v1', kind: 'CronJob', plural: 'cronjobs', singular: 'cronjob', shortNames: ['cj'],
  namespaced: true, categories: ['all'], verbs: ALL_VERBS, subresources: { status: true }, generation: true, ...withStatus,
};
