// `kubectl describe job|cronjob`: completion settings, timing, pod counts and the pod template;
// for cron jobs the schedule, history limits, job template and active jobs.
// mirrors: k8s.io/kubectl/pkg/describe/describe.go (describeJob, describeCronJob, describeJobTemplate,
//          printActiveJobs, capIndexesListOrNone)

import type { CronJob, Job, JobTemplateSpec } from 'kubernetes-types/batch/v1';
import type { KubeObject } from '../../../engine/api/types';
import { humanDuration } from '../../../engine/util/duration';
import { describeEvents, describeString, LEVEL_0, printAnnotationsMultiline, printLabelsMultiline, type PrefixWriter } from '../printers/index';
import { fetchEvents } from './events';
import { describePodTemplate } from './pod-template';
import type { Describer } from './types';
import { printBoolPtr, printController, rfc1123z, selectorString } from './util';

/** capIndexesListOrNone: the list cut at the first comma after `softLimit` characters. */
function capIndexes(indexes: string | undefined, softLimit: number): string {
  if (!indexes) return '<none>';
  let ix = softLimit;
  while (ix < indexes.length && indexes[ix] !== ',') ix++;
  return ix >= indexes.length ? indexes : indexes.slice(0, ix + 1) + '...';
}

const isSet = <T>(v: T | undefined | null): v is T => v !== undefined && v !== null;

export const describeJob: Describer = async (ctx, obj) => {
  const job = obj as Job & KubeObject;
  const events = await fetchEvents(ctx, obj, 'Job');
  const m = job.metadata ?? {};
  const spec = job.spec;
  const st = job.status ?? {};
  return describeString((w) => {
    w.write(LEVEL_0, `Name:\t${m.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${m.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorString(spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    const controlledBy = printController(job);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (isSet(spec?.parallelism)) w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`);
    w.write(LEVEL_0, isSet(spec?.completions) ? `Completions:\t${spec.completions}\n` : 'Completions:\t<unset>\n');
    if (isSet(spec?.completionMode)) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`);
    if (isSet(spec?.suspend)) w.write(LEVEL_0, `Suspend:\t${spec.suspend}\n`);
    if (isSet(spec?.backoffLimit)) w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`);
    if (isSet(spec?.ttlSecondsAfterFinished)) w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
    if (st.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
    if (st.completionTime) w.write(LEVEL_0, `Completed At:\t${rfc1123z(st.completionTime)}\n`);
    if (st.startTime && st.completionTime) w.write(LEVEL_0, `Duration:\t${humanDuration(Date.parse(st.completionTime) - Date.parse(st.startTime))}\n`);
    if (isSet(spec?.activeDeadlineSeconds)) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
    const counts = `${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed`;
    if (!isSet(st.ready)) w.write(LEVEL_0, `Pods Statuses:\t${st.active ?? 0} Active / ${counts}\n`);
    else w.write(LEVEL_0, `Pods Statuses:\t${st.active ?? 0} Active (${st.ready} Ready) / ${counts}\n`);
    if (spec?.completionMode === 'Indexed') w.write(LEVEL_0, `Completed Indexes:\t${capIndexes(st.completedIndexes, 50)}\n`);
    describePodTemplate(spec?.template, w);
    if (events) describeEvents(events, w, ctx.now);
  });
};

function describeJobTemplate(t: JobTemplateSpec | undefined, w: PrefixWriter): void {
  const spec = t?.spec;
  w.write(LEVEL_0, spec?.selector ? `Selector:\t${selectorString(spec.selector)}\n` : 'Selector:\t<unset>\n');
  w.write(LEVEL_0, isSet(spec?.parallelism) ? `Parallelism:\t${spec.parallelism}\n` : 'Parallelism:\t<unset>\n');
  w.write(LEVEL_0, isSet(spec?.completions) ? `Completions:\t${spec.completions}\n` : 'Completions:\t<unset>\n');
  if (isSet(spec?.activeDeadlineSeconds)) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  describePodTemplate(spec?.template ?? {}, w);
}

export const describeCronJob: Describer = async (ctx, obj) => {
  const cj = obj as CronJob & KubeObject;
  const events = await fetchEvents(ctx, obj, 'CronJob');
  const m = cj.metadata ?? {};
  const spec = cj.spec;
  return describeString((w) => {
    w.write(LEVEL_0, `Name:\t${m.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${m.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, `Schedule:\t${spec?.schedule ?? ''}\n`);
    w.write(LEVEL_0, `Concurrency Policy:\t${spec?.concurrencyPolicy ?? ''}\n`);
    w.write(LEVEL_0, `Suspend:\t${printBoolPtr(spec?.suspend)}\n`);
    w.write(LEVEL_0, isSet(spec?.successfulJobsHistoryLimit) ? `Successful Job History Limit:\t${spec.successfulJobsHistoryLimit}\n` : 'Successful Job History Limit:\t<unset>\n');
    w.write(LEVEL_0, isSet(spec?.failedJobsHistoryLimit) ? `Failed Job History Limit:\t${spec.failedJobsHistoryLimit}\n` : 'Failed Job History Limit:\t<unset>\n');
    w.write(LEVEL_0, isSet(spec?.startingDeadlineSeconds) ? `Starting Deadline Seconds:\t${spec.startingDeadlineSeconds}s\n` : 'Starting Deadline Seconds:\t<unset>\n');
    describeJobTemplate(spec?.jobTemplate, w);
    const last = cj.status?.lastScheduleTime;
    w.write(LEVEL_0, last ? `Last Schedule Time:\t${rfc1123z(last)}\n` : 'Last Schedule Time:\t<unset>\n');
    w.write(LEVEL_0, 'Active Jobs:\t');
    const active = cj.status?.active ?? [];
    if (active.length === 0) w.writeLine('<none>');
    else {
      active.forEach((j, i) => {
        if (i !== 0) w.write(LEVEL_0, ', ');
        w.write(LEVEL_0, j.name ?? '');
      });
      w.writeLine('');
    }
    if (events) describeEvents(events, w, ctx.now);
  });
};
