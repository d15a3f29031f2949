// batch/v1 validation: Job (create/update, template immutability) and CronJob (schedule, name ≤ 52).
// mirrors: pkg/apis/batch/validation/validation.go (1.32)

import type { CronJob, Job, JobSpec, JobTemplateSpec } from 'kubernetes-types/batch/v1';
import { child, invalid, notSupported, required, tooLong, type FieldError } from '../../api/validation/field-errors';
import { goLabelSelector, goRepr, goStringMap, goStruct } from '../../api/validation/go-format';
import {
  validateImmutableField,
  validateLabelSelector,
  validateNonnegativeField,
  validateObjectMeta,
  validateObjectMetaUpdate,
  selectorIsMalformed,
  selectorMatches,
} from '../../api/validation/metadata';
import { isDNS1123Label, nameIsDNSSubdomain } from '../../api/validation/names';
import { CONTROLLER_UID_LABEL, JOB_NAME_LABEL, LEGACY_CONTROLLER_UID_LABEL, LEGACY_JOB_NAME_LABEL } from '../defaults/batch';
import { cronScheduleError } from './cron';
import { validatePodTemplateSpec } from './pod-spec';

const MAX_PARALLELISM_INDEXED = 100000;

/** validateJobSpec: what a Job and a CronJob's job template share. */
function validateJobSpecCommon(spec: JobSpec | undefined, path: string): FieldError[] {
  const s = spec ?? ({ template: {} } as JobSpec);
  const errs: FieldError[] = [];
  for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished', 'backoffLimitPerIndex', 'maxFailedIndexes'] as const) {
    const v = s[f];
    if (v != null) errs.push(...validateNonnegativeField(v, child(path, f)));
  }
  if (s.maxFailedIndexes != null && s.backoffLimitPerIndex == null) errs.push(required(child(path, 'backoffLimitPerIndex'), 'when maxFailedIndexes is specified'));
  if (s.managedBy != null && s.managedBy.length > 63) errs.push(tooLong(child(path, 'managedBy'), 63));
  const mode = s.completionMode;
  if (mode != null) {
    if (mode !== 'NonIndexed' && mode !== 'Indexed') errs.push(notSupported(child(path, 'completionMode'), mode, ['NonIndexed', 'Indexed']));
    if (mode === 'Indexed') {
      if (s.completions == null) errs.push(required(child(path, 'completions'), 'when completion mode is Indexed'));
      if (s.parallelism != null && s.parallelism > MAX_PARALLELISM_INDEXED) {
        errs.push(invalid(child(path, 'parallelism'), s.parallelism, `must be less than or equal to ${MAX_PARALLELISM_INDEXED} when completion mode is Indexed`));
      }
    }
  }
  if (mode == null || mode === 'NonIndexed') {
    if (s.backoffLimitPerIndex != null) errs.push(invalid(child(path, 'backoffLimitPerIndex'), s.backoffLimitPerIndex, 'requires indexed completion mode'));
    if (s.maxFailedIndexes != null) errs.push(invalid(child(path, 'maxFailedIndexes'), s.maxFailedIndexes, 'requires indexed completion mode'));
  }
  const prp = s.podReplacementPolicy;
  if (prp != null) {
    if (prp !== 'TerminatingOrFailed' && prp !== 'Failed') errs.push(notSupported(child(path, 'podReplacementPolicy'), prp, ['Failed', 'TerminatingOrFailed']));
    else if (s.podFailurePolicy && prp !== 'Failed') {
      errs.push(notSupported(child(path, 'podReplacementPolicy'), prp, ['Failed']));
    }
  }
  errs.push(...validatePodTemplateSpec(s.template, child(path, 'template')));
  const rp = s.template?.spec?.restartPolicy ?? '';
  const rpPath = child(path, 'template', 'spec', 'restartPolicy');
  if (rp === 'Always' || rp === '') errs.push(required(rpPath, 'valid values: "OnFailure", "Never"'));
  else if (rp !== 'OnFailure' && rp !== 'Never') errs.push(notSupported(rpPath, rp, ['OnFailure', 'Never']));
  else if (s.podFailurePolicy && rp !== 'Never') errs.push(invalid(rpPath, rp, 'only "Never" is supported when podFailurePolicy is specified'));
  return errs;
}

function validateJobSpecWithSelector(spec: JobSpec | undefined, path: string): FieldError[] {
  const errs = validateJobSpecCommon(spec, path);
  if (!spec?.selector) errs.push(required(child(path, 'selector')));
  else errs.push(...validateLabelSelector(spec.selector, child(path, 'selector')));
  if (!selectorIsMalformed(spec?.selector) && !selectorMatches(spec?.selector, spec?.template?.metadata?.labels)) {
    errs.push(invalid(child(path, 'template', 'metadata', 'labels'), goStringMap(spec?.template?.metadata?.labels), '`selector` does not match template `labels`'));
  }
  return errs;
}

/** validateGeneratedSelector: the labels generateJobSelector put must still be there. */
function validateGeneratedSelector(job: Job): FieldError[] {
  const spec = job.spec;
  if (!spec || spec.manualSelector || !spec.selector) return [];
  const errs: FieldError[] = [];
  const uid = job.metadata?.uid ?? '';
  const name = job.metadata?.name ?? '';
  if (!uid) errs.push(required('metadata.uid'));
  const labels = spec.template?.metadata?.labels ?? {};
  const expect = (k: string, v: string): void => {
    if (!(k in labels)) errs.push(required(`spec.template.metadata.labels[${k}]`, `must be '${v}'`));
    else if (labels[k] !== v) errs.push(invalid(`spec.template.metadata.labels[${k}]`, goStringMap(labels), `must be '${v}'`));
  };
  expect(LEGACY_CONTROLLER_UID_LABEL, uid);
  expect(LEGACY_JOB_NAME_LABEL, name);
  expect(CONTROLLER_UID_LABEL, uid);
  expect(JOB_NAME_LABEL, name);
  const expected = { [CONTROLLER_UID_LABEL]: uid, [JOB_NAME_LABEL]: name, [LEGACY_CONTROLLER_UID_LABEL]: uid, [LEGACY_JOB_NAME_LABEL]: name };
  if (!selectorMatches(spec.selector, expected)) errs.push(invalid('spec.selector', goLabelSelector(spec.selector), '`selector` not auto-generated'));
  return errs;
}

/** validateJob: create when `old` is undefined, update otherwise. Run generateJobSelector first on create. */
export function validateJob(job: Job, old?: Job): FieldError[] {
  if (!old) {
    const errs = validateObjectMeta(job.metadata, true, nameIsDNSSubdomain);
    errs.push(...validateGeneratedSelector(job));
    errs.push(...validateJobSpecWithSelector(job.spec, 'spec'));
    const spec = job.spec;
    if (spec?.completionMode === 'Indexed' && (spec.completions ?? 0) > 0) {
      const host = `${job.metadata?.name ?? ''}-${(spec.completions ?? 0) - 1}`;
      if (isDNS1123Label(host).length > 0) {
        errs.push(invalid('metadata.name', job.metadata?.name ?? '', `will not able to create pod with invalid DNS label: ${host}`));
      }
    }
    return errs;
  }
  const errs = validateObjectMetaUpdate(job.metadata, old.metadata);
  errs.push(...validateJobSpecWithSelector(job.spec, 'spec'));
  const n = job.spec ?? ({ template: {} } as JobSpec);
  const o = old.spec ?? ({ template: {} } as JobSpec);
  errs.push(...validateImmutableField(n.completions ?? null, o.completions ?? null, 'spec.completions', n.completions ?? null));
  errs.push(...validateImmutableField(n.selector, o.selector, 'spec.selector', goLabelSelector(n.selector)));
  // Scheduling directives of a suspended job's template may change (JobMutableNodeSchedulingDirectives).
  const mutable = o.suspend === true && !old.status?.startTime;
  const strip = (t: JobSpec['template']): unknown => {
    if (!mutable) return t;
    const spec = { ...(t.spec ?? {}) } as Record<string, unknown>;
    for (const k of ['nodeSelector', 'tolerations', 'schedulingGates']) delete spec[k];
    if (spec.affinity) spec.affinity = { ...(spec.affinity as object), nodeAffinity: undefined };
    return { ...t, metadata: { ...(t.metadata ?? {}), labels: undefined, annotations: undefined }, spec };
  };
  errs.push(...validateImmutableField(strip(n.template), strip(o.template), 'spec.template', goStruct('core.PodTemplateSpec', n.template as Record<string, unknown>)));
  errs.push(...validateImmutableField(n.completionMode ?? null, o.completionMode ?? null, 'spec.completionMode', n.completionMode ?? null));
  errs.push(...validateImmutableField(n.podFailurePolicy ?? null, o.podFailurePolicy ?? null, 'spec.podFailurePolicy', goRepr('&batch.PodFailurePolicy{...}')));
  errs.push(...validateImmutableField(n.backoffLimitPerIndex ?? null, o.backoffLimitPerIndex ?? null, 'spec.backoffLimitPerIndex', n.backoffLimitPerIndex ?? null));
  errs.push(...validateImmutableField(n.managedBy ?? null, o.managedBy ?? null, 'spec.managedBy', n.managedBy ?? null));
  errs.push(...validateImmutableField(n.successPolicy ?? null, o.successPolicy ?? null, 'spec.successPolicy', goRepr('&batch.SuccessPolicy{...}')));
  return errs;
}

function validateJobTemplateSpec(jt: JobTemplateSpec | undefined, path: string): FieldError[] {
  const errs = validateJobSpecCommon(jt?.spec, child(path, 'spec'));
  if (jt?.spec?.selector) errs.push(invalid(child(path, 'spec', 'selector'), goLabelSelector(jt.spec.selector), '`selector` will be auto-generated'));
  if (jt?.spec?.manualSelector) errs.push(notSupported(child(path, 'spec', 'manualSelector'), true, ['nil', 'false']));
  return errs;
}

const TZ_CHARS = /^[A-Za-z.\-_0-9+]{1,14}$/;

function validateCronJobSpec(cj: CronJob, old: CronJob | undefined): FieldError[] {
  const spec = cj.spec ?? ({ schedule: '', jobTemplate: {} } as NonNullable<CronJob['spec']>);
  const errs: FieldError[] = [];
  if (!spec.schedule) errs.push(required('spec.schedule'));
  else {
    const err = cronScheduleError(spec.schedule);
    if (err) errs.push(invalid('spec.schedule', spec.schedule, err));
    const allowTZ = (old?.spec?.schedule ?? '').includes('TZ');
    if (allowTZ && spec.schedule.includes('TZ') && spec.timeZone != null) {
      errs.push(invalid('spec.schedule', spec.schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'));
    } else if (!allowTZ && spec.schedule.includes('TZ')) {
      errs.push(invalid('spec.schedule', spec.schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
    }
  }
  if (spec.startingDeadlineSeconds != null) errs.push(...validateNonnegativeField(spec.startingDeadlineSeconds, 'spec.startingDeadlineSeconds'));
  if (spec.timeZone != null && (!old || old.spec?.timeZone !== spec.timeZone)) {
    const tz = spec.timeZone;
    if (tz.length === 0) errs.push(invalid('spec.timeZone', tz, 'timeZone must be nil or non-empty string'));
    else if (tz.split('/').some((p) => p === '.' || p === '..' || p.startsWith('-') || !TZ_CHARS.test(p))) {
      errs.push(invalid('spec.timeZone', tz, `unknown time zone ${tz}`));
    } else if (tz.toLowerCase() === 'local') {
      errs.push(invalid('spec.timeZone', tz, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'));
    }
  }
  const cp = spec.concurrencyPolicy ?? '';
  if (!cp) errs.push(required('spec.concurrencyPolicy'));
  else if (!['Allow', 'Forbid', 'Replace'].includes(cp)) errs.push(notSupported('spec.concurrencyPolicy', cp, ['Allow', 'Forbid', 'Replace']));
  errs.push(...validateJobTemplateSpec(spec.jobTemplate, 'spec.jobTemplate'));
  if (spec.successfulJobsHistoryLimit != null) errs.push(...validateNonnegativeField(spec.successfulJobsHistoryLimit, 'spec.successfulJobsHistoryLimit'));
  if (spec.failedJobsHistoryLimit != null) errs.push(...validateNonnegativeField(spec.failedJobsHistoryLimit, 'spec.failedJobsHistoryLimit'));
  return errs;
}

/** validateCronJob: create when `old` is undefined (names ≤ 52 characters), update otherwise. */
export function validateCronJob(cj: CronJob, old?: CronJob): FieldError[] {
  if (old) return [...validateObjectMetaUpdate(cj.metadata, old.metadata), ...validateCronJobSpec(cj, old)];
  const errs = validateObjectMeta(cj.metadata, true, nameIsDNSSubdomain);
  errs.push(...validateCronJobSpec(cj, undefined));
  const name = cj.metadata?.name ?? '';
  if (name.length > 52) errs.push(invalid('metadata.name', name, 'must be no more than 52 characters'));
  return errs;
}
