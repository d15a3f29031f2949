// Defaulting of batch/v1 Job and CronJob, and the Job selector the REST strategy generates.
// mirrors: pkg/apis/batch/v1/defaults.go (+ podReplacementPolicy, JobPodReplacementPolicy on in 1.32),
//          pkg/registry/batch/job/strategy.go generateSelector

import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import { defaultPodTemplateSpec, defaultTemplateMeta } from './pod';
import { defaultStatus } from './status';

export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';
export const LEGACY_JOB_NAME_LABEL = 'job-name';
export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
export const LEGACY_CONTROLLER_UID_LABEL = 'controller-uid';

export function defaultJob(job: Job): void {
  const spec = job.spec ?? (job.spec = { template: {} });
  if (spec.completions == null && spec.parallelism == null) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  if (spec.parallelism == null) spec.parallelism = 1;
  if (spec.backoffLimit == null) spec.backoffLimit = 6;
  const labels = spec.template?.metadata?.labels;
  if (labels && Object.keys(job.metadata?.labels ?? {}).length === 0) {
    // Go shares the map: the labels generateJobSelector later adds to the template show on the Job too.
    const meta = job.metadata ?? (job.metadata = {});
    meta.labels = labels;
  }
  // Conversion to the internal type turns a nil manualSelector into false, which is written back.
  if (spec.manualSelector == null) spec.manualSelector = false;
  if (!spec.completionMode) spec.completionMode = 'NonIndexed';
  if (spec.suspend == null) spec.suspend = false;
  if (!spec.podReplacementPolicy) spec.podReplacementPolicy = spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
  defaultPodTemplateSpec(spec.template);
  defaultStatus(job, 'Job');
}

/**
 * generateSelector: unless spec.manualSelector, label the pod template with the job name and uid and
 * select on `batch.kubernetes.io/controller-uid`. Needs metadata.name and metadata.uid; upstream runs
 * it in the strategy's Validate, after the uid is assigned and before validation proper.
 */
export function generateJobSelector(job: Job): void {
  const spec = job.spec;
  if (!spec || spec.manualSelector) return;
  const name = job.metadata?.name ?? '';
  const uid = job.metadata?.uid ?? '';
  const template = spec.template ?? (spec.template = {});
  const meta = template.metadata ?? (template.metadata = {});
  const labels = meta.labels ?? (meta.labels = {});
  for (const k of [LEGACY_JOB_NAME_LABEL, JOB_NAME_LABEL]) if (!(k in labels)) labels[k] = name;
  for (const k of [LEGACY_CONTROLLER_UID_LABEL, CONTROLLER_UID_LABEL]) if (!(k in labels)) labels[k] = uid;
  const sel = spec.selector ?? (spec.selector = {});
  const ml = sel.matchLabels ?? (sel.matchLabels = {});
  if (!(CONTROLLER_UID_LABEL in ml)) ml[CONTROLLER_UID_LABEL] = uid;
}

export function defaultCronJob(cj: CronJob): void {
  const spec = cj.spec ?? (cj.spec = { schedule: '', jobTemplate: {} });
  if (!spec.concurrencyPolicy) spec.concurrencyPolicy = 'Allow';
  if (spec.suspend == null) spec.suspend = false;
  if (spec.successfulJobsHistoryLimit == null) spec.successfulJobsHistoryLimit = 3;
  if (spec.failedJobsHistoryLimit == null) spec.failedJobsHistoryLimit = 1;
  // Only the pod template inside the job template is defaulted (not the JobSpec itself).
  const jt = spec.jobTemplate ?? (spec.jobTemplate = {});
  defaultTemplateMeta(jt);
  if (!jt.spec) jt.spec = { template: {} };
  defaultPodTemplateSpec(jt.spec.template);
  defaultStatus(cj, 'CronJob');
}
