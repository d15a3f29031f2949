// CronJob scheduling arithmetic and the Jobs it makes: the most recent missed start time (with the "many
// missed" estimate), when to look again, and the Job for a scheduled time (`<cronjob>-<unix minutes>`, the
// scheduled-timestamp annotation, a controller reference).
// mirrors: pkg/controller/cronjob/utils.go (mostRecentScheduleTime, nextScheduleTimeDuration,
//          nextScheduleTime, getJobFromTemplate2, byJobStartTime), cronjob_controllerv2.go (formatSchedule)

import type { CronJob } from 'kubernetes-types/batch/v1';
import type { KubeObject, Writable } from '../../api/types';
import type { JobObj } from '../job/util';
import { controllerOwnerRef } from '../podutil';
import { loadLocationError, rfc3339InZone } from './timezone';
import type { Schedule } from './schedule';

export type CronJobObj = Writable<CronJob> & KubeObject;

export const SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';
/** Requeues land this long after the scheduled time (NTP skew margin). */
export const NEXT_SCHEDULE_DELTA_MS = 100;

export type Missed = 'none' | 'few' | 'many';

export interface RecentSchedule {
  earliest: number;
  mostRecent?: number;
  missed: Missed;
  error?: string;
}

/** The last schedule (or creation) time, the most recent due start time not after now, and how many were missed. */
export function mostRecentScheduleTime(cj: CronJobObj, now: number, sched: Schedule, includeStartingDeadline: boolean): RecentSchedule {
  let earliest = Date.parse(cj.metadata!.creationTimestamp!);
  if (cj.status?.lastScheduleTime) earliest = Date.parse(cj.status.lastScheduleTime);
  const sds = cj.spec?.startingDeadlineSeconds;
  if (includeStartingDeadline && sds != null) {
    const deadline = now - sds * 1000;
    if (deadline > earliest) earliest = deadline;
  }
  const t1 = sched.next(earliest);
  const t2 = t1 === undefined ? undefined : sched.next(t1);
  if (t1 !== undefined && now < t1) return { earliest, missed: 'none' };
  if (t1 !== undefined && t2 !== undefined && now < t2) return { earliest, mostRecent: t1, missed: 'none' };
  const between = t1 === undefined || t2 === undefined ? 0 : Math.round((t2 - t1) / 1000);
  if (between < 1) return { earliest, missed: 'none', error: 'time difference between two schedules is less than 1 second' };
  // Rough count of missed starts from the interval between the first two, then the exact latest one.
  const elapsed = Math.trunc((now - t1!) / 1000);
  const missedCount = Math.trunc(elapsed / between) + 1;
  const potentialEarliest = t1! + (missedCount - 2) * between * 1000;
  let mostRecent: number | undefined;
  for (let t = sched.next(potentialEarliest); t !== undefined && t <= now; t = sched.next(t)) mostRecent = t;
  const missed: Missed = missedCount > 100 ? 'many' : missedCount > 0 ? 'few' : 'none';
  return { earliest, mostRecent, missed };
}

/** How long until the next start after the most recent one (plus the skew margin). */
export function nextScheduleTimeDuration(cj: CronJobObj, now: number, sched: Schedule): number {
  const r = mostRecentScheduleTime(cj, now, sched, false);
  let from: number;
  if (r.error) from = now;
  else if (r.mostRecent === undefined) from = r.missed === 'none' ? r.earliest : now;
  else from = r.mostRecent;
  const next = sched.next(from);
  return (next ?? now) + NEXT_SCHEDULE_DELTA_MS - now;
}

/** formatSchedule: the schedule with the timeZone field as a TZ= prefix (unless it already has TZ). */
export function formatSchedule(cj: CronJobObj): { schedule: string; unsupportedTZ: boolean } {
  const schedule = cj.spec?.schedule ?? '';
  if (schedule.includes('TZ')) return { schedule, unsupportedTZ: true };
  const tz = cj.spec?.timeZone;
  if (tz != null && loadLocationError(tz) === undefined) return { schedule: `TZ=${tz} ${schedule}`, unsupportedTZ: false };
  return { schedule, unsupportedTZ: false };
}

export function jobName(cj: CronJobObj, scheduledMs: number): string {
  return `${cj.metadata!.name}-${Math.floor(scheduledMs / 60_000)}`;
}

/** getJobFromTemplate2: the template's labels and annotations, the scheduled time annotation, the spec. */
export function jobFromTemplate(cj: CronJobObj, scheduledMs: number): JobObj {
  const jt = cj.spec!.jobTemplate;
  const annotations: Record<string, string> = { ...(jt.metadata?.annotations ?? {}) };
  annotations[SCHEDULED_TIMESTAMP_ANNOTATION] = rfc3339InZone(scheduledMs, cj.spec?.timeZone ?? undefined);
  const meta: JobObj['metadata'] = { name: jobName(cj, scheduledMs), namespace: cj.metadata!.namespace, annotations, ownerReferences: [controllerOwnerRef(cj)] };
  if (jt.metadata?.labels && Object.keys(jt.metadata.labels).length) meta.labels = { ...jt.metadata.labels };
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: meta, spec: jt.spec as JobObj['spec'] };
}

/** byJobStartTime: started jobs first, by start time then name. */
export function byJobStartTime(a: JobObj, b: JobObj): number {
  const sa = a.status?.startTime;
  const sb = b.status?.startTime;
  if (!sa && sb) return 1;
  if (sa && !sb) return -1;
  if (sa === sb || (sa && sb && Date.parse(sa) === Date.parse(sb))) return a.metadata!.name! < b.metadata!.name! ? -1 : a.metadata!.name! > b.metadata!.name! ? 1 : 0;
  return Date.parse(sa!) - Date.parse(sb!);
}
