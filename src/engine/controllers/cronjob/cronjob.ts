// The CronJob controller: trims finished Jobs to the history limits, reconciles status.active with the Jobs
// it owns, and at each due schedule time (within startingDeadlineSeconds, honouring suspend and the
// concurrency policy) creates `<cronjob>-<unix minutes>`; then sleeps until the next schedule time.
// mirrors: pkg/controller/cronjob/cronjob_controllerv2.go (sync, syncCronJob, cleanupFinishedJobs,
//          updateCronJob, job event handlers)

import type { ObjectReference } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';
import { Controller, controllerRef, nsName, splitKey, type ControllerContext } from '../context';
import type { Client } from '../client';
import { StatusError } from '../../api/errors';
import { finishedCondition, isJobFinished, isJobSucceeded, type JobObj } from '../job/util';
import { parseSchedule, type Schedule } from './schedule';
import { loadLocationError, rfc1123zUTC } from './timezone';
import { byJobStartTime, formatSchedule, jobFromTemplate, jobName, mostRecentScheduleTime, nextScheduleTimeDuration, type CronJobObj } from './utils';
import { rfc3339 } from '../../util/time';

const RESOURCE = 'cronjobs.batch';
const JOBS = 'jobs.batch';
const SOURCE = { component: 'cronjob-controller' };

type Status = NonNullable<CronJobObj['status']>;
type Ref = Status extends { active?: (infer R)[] } ? R : ObjectReference;

function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export class CronJobController extends Controller {
  readonly name = 'cronjob';
  private readonly client: Client;

  constructor(ctx: ControllerContext) {
    super(ctx);
    this.client = ctx.client('system:serviceaccount:kube-system:cronjob-controller', 'kube-controller-manager');
  }

  start(): void {
    this.watch(RESOURCE, (e) => {
      const cj = e.object as CronJobObj;
      if (e.type !== 'MODIFIED' || !e.old) return this.queue.add(nsName(cj));
      const old = e.old as CronJobObj;
      if (old.spec?.schedule === cj.spec?.schedule && (old.spec?.timeZone ?? null) === (cj.spec?.timeZone ?? null)) return this.queue.add(nsName(cj));
      // A new schedule: look again at its next time.
      let sched: Schedule;
      try {
        sched = parseSchedule(formatSchedule(cj).schedule);
      } catch {
        this.ctx.event(SOURCE, cj, 'Warning', 'UnParseableCronJobSchedule', `unparseable schedule for cronjob: ${cj.spec?.schedule}`);
        return;
      }
      this.queue.addAfter(nsName(cj), nextScheduleTimeDuration(cj, this.ctx.clock.now(), sched));
    });
    this.watch(JOBS, (e) => {
      const job = e.object;
      const ref = controllerRef(job);
      const oldRef = e.old ? controllerRef(e.old) : undefined;
      if (oldRef && oldRef.uid !== ref?.uid) this.enqueueOwner(job.metadata!.namespace!, oldRef);
      if (ref) this.enqueueOwner(job.metadata!.namespace!, ref);
    });
  }

  private enqueueOwner(ns: string, ref: { kind: string; name: string; uid: string }): void {
    if (ref.kind !== 'CronJob') return;
    const cj = this.client.get<CronJobObj>(RESOURCE, ns, ref.name);
    if (cj && cj.metadata!.uid === ref.uid) this.queue.add(nsName(cj));
  }

  *resyncKeys(): Iterable<string> {
    for (const c of this.client.list(RESOURCE)) yield nsName(c);
  }

  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const stored = this.client.get<CronJobObj>(RESOURCE, ns, name);
    if (!stored) return;
    // Jobs whose controller reference names this cron job (labels may have drifted).
    const jobs: JobObj[] = [];
    for (const j of this.client.list<JobObj>(JOBS, ns)) if (controllerRef(j)?.name === name) jobs.push(j);
    const cj: CronJobObj = { ...stored, status: { ...(stored.status ?? {}), active: [...((stored.status?.active ?? []) as Ref[])] } };
    const cleaned = this.cleanupFinishedJobs(cj, jobs);
    let requeue: number | undefined;
    let syncErr: unknown;
    let changed = false;
    try {
      [requeue, changed] = this.syncCronJob(cj, jobs);
    } catch (e) {
      syncErr = e;
    }
    if (cleaned || changed) this.client.updateStatus(RESOURCE, { ...cj, status: wireStatus(cj.status!) } as KubeObject);
    if (requeue !== undefined) {
      this.queue.forget(key);
      this.queue.addAfter(key, requeue);
      return;
    }
    if (syncErr !== undefined) throw syncErr;
  }

  /** Deletes the oldest finished jobs beyond successful/failedJobsHistoryLimit. */
  private cleanupFinishedJobs(cj: CronJobObj, jobs: JobObj[]): boolean {
    const sLimit = cj.spec?.successfulJobsHistoryLimit;
    const fLimit = cj.spec?.failedJobsHistoryLimit;
    if (sLimit == null && fLimit == null) return false;
    const succeeded: JobObj[] = [];
    const failed: JobObj[] = [];
    for (const j of jobs) {
      const f = finishedCondition(j);
      if (f === 'Complete') succeeded.push(j);
      else if (f === 'Failed') failed.push(j);
    }
    let changed = false;
    if (sLimit != null && this.removeOldestJobs(cj, succeeded, sLimit)) changed = true;
    if (fLimit != null && this.removeOldestJobs(cj, failed, fLimit)) changed = true;
    return changed;
  }

  private removeOldestJobs(cj: CronJobObj, jobs: JobObj[], max: number): boolean {
    const n = jobs.length - max;
    if (n <= 0) return false;
    jobs.sort(byJobStartTime);
    let changed = false;
    for (let i = 0; i < n; i++) if (this.deleteJob(cj, jobs[i])) changed = true;
    return changed;
  }

  /** Deletes the job (its pods follow in the background) and drops it from the active list. */
  private deleteJob(cj: CronJobObj, job: JobObj): boolean {
    try {
      this.client.delete(JOBS, job.metadata!.namespace, job.metadata!.name!, { propagationPolicy: 'Background' });
    } catch (e) {
      this.ctx.event(SOURCE, cj, 'Warning', 'FailedDelete', `Deleted job: ${errText(e)}`);
      return false;
    }
    removeActive(cj, job.metadata!.uid!);
    this.ctx.event(SOURCE, cj, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata!.name}`);
    return true;
  }

  /** syncCronJob: returns [requeue after ms (undefined: do not requeue), status changed]. */
  private syncCronJob(cj: CronJobObj, jobs: JobObj[]): [number | undefined, boolean] {
    const now = this.ctx.clock.now();
    const status = cj.status!;
    let changed = false;
    const children = new Set<string>();
    for (const j of jobs) {
      const uid = j.metadata!.uid!;
      children.add(uid);
      const found = inActive(cj, uid);
      if (!found && !isJobFinished(j)) {
        // Another actor made it (kubectl create job --from=cronjob/…) or our status write was lost.
        this.ctx.event(SOURCE, cj, 'Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${j.metadata!.name}`);
      } else if (isJobFinished(j)) {
        if (found) {
          removeActive(cj, uid);
          this.ctx.event(SOURCE, cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata!.name}, condition: ${finishedCondition(j)}`);
          changed = true;
        }
        const done = j.status?.completionTime;
        if (isJobSucceeded(j) && done && (!status.lastSuccessfulTime || Date.parse(done) > Date.parse(status.lastSuccessfulTime))) {
          status.lastSuccessfulTime = done;
          changed = true;
        }
      }
    }
    for (const ref of [...(status.active ?? [])]) {
      if (children.has(ref.uid!)) continue;
      if (!this.client.get(JOBS, ref.namespace, ref.name!)) {
        this.ctx.event(SOURCE, cj, 'Normal', 'MissingJob', `Active job went missing: ${ref.name}`);
        removeActive(cj, ref.uid!);
        changed = true;
      }
    }
    if (cj.metadata!.deletionTimestamp) return [undefined, changed];
    const tz = cj.spec?.timeZone;
    if (tz != null) {
      const err = loadLocationError(tz);
      if (err) {
        this.ctx.event(SOURCE, cj, 'Warning', 'UnknownTimeZone', `invalid timeZone: ${JSON.stringify(tz)}: ${err}`);
        return [undefined, changed];
      }
    }
    if (cj.spec?.suspend) return [undefined, changed];
    const formatted = formatSchedule(cj);
    if (formatted.unsupportedTZ) {
      this.ctx.event(SOURCE, cj, 'Warning', 'UnsupportedSchedule', `CRON_TZ or TZ used in schedule ${JSON.stringify(cj.spec?.schedule)} is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`);
    }
    let sched: Schedule;
    try {
      sched = parseSchedule(formatted.schedule);
    } catch (e) {
      this.ctx.event(SOURCE, cj, 'Warning', 'UnparseableSchedule', `unparseable schedule: ${JSON.stringify(cj.spec?.schedule)} : ${errText(e)}`);
      return [undefined, changed];
    }
    const recent = mostRecentScheduleTime(cj, now, sched, true);
    if (recent.error) {
      this.ctx.event(SOURCE, cj, 'Warning', 'InvalidSchedule', `invalid schedule: ${cj.spec?.schedule} : ${recent.error}`);
      return [undefined, changed];
    }
    const scheduled = recent.mostRecent;
    const next = (): number => nextScheduleTimeDuration(cj, now, sched);
    if (scheduled === undefined || scheduled > now) return [next(), changed];
    if (recent.missed === 'many') {
      this.ctx.event(SOURCE, cj, 'Warning', 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew');
    }
    const sds = cj.spec?.startingDeadlineSeconds;
    if (sds != null && scheduled + sds * 1000 < now) {
      this.ctx.event(SOURCE, cj, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123zUTC(scheduled)}`);
      return [next(), changed];
    }
    const name = jobName(cj, scheduled);
    const lastSchedule = status.lastScheduleTime ? Date.parse(status.lastScheduleTime) : undefined;
    if ((status.active ?? []).some((r) => r.name === name && r.namespace === cj.metadata!.namespace) || lastSchedule === scheduled) {
      return [next(), changed];
    }
    const policy = cj.spec?.concurrencyPolicy ?? 'Allow';
    if (policy === 'Forbid' && (status.active?.length ?? 0) > 0) {
      this.ctx.event(SOURCE, cj, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
      return [next(), changed];
    }
    if (policy === 'Replace') {
      for (const ref of [...(status.active ?? [])]) {
        const job = this.client.get<JobObj>(JOBS, ref.namespace, ref.name!);
        if (!job) {
          this.ctx.event(SOURCE, cj, 'Warning', 'FailedGet', `Get job: jobs.batch ${JSON.stringify(ref.name)} not found`);
          throw new Error(`jobs.batch "${ref.name}" not found`);
        }
        if (!this.deleteJob(cj, job)) throw new Error(`could not replace job ${job.metadata!.namespace}/${job.metadata!.name}`);
        changed = true;
      }
    }
    let created: JobObj;
    try {
      created = this.client.create<JobObj>(JOBS, jobFromTemplate(cj, scheduled));
      this.ctx.event(SOURCE, cj, 'Normal', 'SuccessfulCreate', `Created job ${created.metadata!.name}`);
    } catch (e) {
      if (e instanceof StatusError && e.code === 409) {
        // Ours from an earlier sync whose status write was lost: record it; someone else's: leave it.
        const existing = this.client.get<JobObj>(JOBS, cj.metadata!.namespace, name);
        if (!existing || controllerRef(existing)?.uid !== cj.metadata!.uid || inActive(cj, existing.metadata!.uid!)) return [undefined, changed];
        created = existing;
      } else {
        if (!(e instanceof StatusError && e.code === 403 && e.message.includes('is being terminated'))) {
          this.ctx.event(SOURCE, cj, 'Warning', 'FailedCreate', `Error creating job: ${errText(e)}`);
        }
        throw e;
      }
    }
    status.active = [...(status.active ?? []), jobRef(created)];
    status.lastScheduleTime = rfc3339(scheduled);
    return [next(), true];
  }
}

function inActive(cj: CronJobObj, uid: string): boolean {
  return (cj.status?.active ?? []).some((r) => r.uid === uid);
}

function removeActive(cj: CronJobObj, uid: string): void {
  cj.status!.active = (cj.status!.active ?? []).filter((r) => r.uid !== uid);
}

/** An ObjectReference as getRef builds it. */
function jobRef(job: JobObj): Ref {
  return { kind: 'Job', namespace: job.metadata!.namespace, name: job.metadata!.name, uid: job.metadata!.uid, apiVersion: 'batch/v1', resourceVersion: job.metadata!.resourceVersion } as Ref;
}

/** Go omits an empty active list. */
function wireStatus(s: Status): Status {
  const out: Status = { ...s };
  if (!out.active?.length) delete out.active;
  return out;
}
