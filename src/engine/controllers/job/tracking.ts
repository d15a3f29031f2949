// Job status tracking with finalizers: finished pods go to status.uncountedTerminatedPods, their
// job-tracking finalizer comes off, then they move into the succeeded/failed counters; the interim
// FailureTarget/SuccessCriteriaMet conditions are recorded first, the terminal Failed/Complete condition
// (with its event) only once nothing is uncounted or terminating.
// mirrors: pkg/controller/job/job_controller.go (trackJobStatusAndRemoveFinalizers,
//          flushUncountedAndRemoveFinalizers, cleanUncountedPodsWithoutFinalizers, enactJobFinished,
//          recordJobFinished, canRemoveFinalizer)

import type { JobStatus } from 'kubernetes-types/batch/v1';
import type { KubeObject } from '../../api/types';
import type { PodObj } from '../podutil';
import { isNotFound } from '../client';
import type { BackoffRecord, BackoffStore } from './backoff';
import { completionIndex, formatIntervals, hasIndex, isIndexedJob, UNKNOWN_INDEX, withIndexes, type Interval } from './indexed';
import { removeTrackingFinalizer, SOURCE, type JobEnv } from './manage';
import { matchPodFailurePolicy } from './pod-failure-policy';
import { ensureCondition, findCondition, hasTrackingFinalizer, isPodFailed, newCondition, type Condition, type JobObj } from './util';

/** The job as the controller edits it: status and its lists are private copies. */
export type WorkingJob = JobObj & { status: JobStatus & { conditions: Condition[]; uncountedTerminatedPods: { succeeded: string[]; failed: string[] } } };

export function workingCopy(stored: JobObj): WorkingJob {
  const s = stored.status ?? {};
  const u = s.uncountedTerminatedPods ?? {};
  return {
    ...stored,
    status: {
      ...s,
      conditions: [...((s.conditions ?? []) as Condition[])],
      uncountedTerminatedPods: { succeeded: [...(u.succeeded ?? [])], failed: [...(u.failed ?? [])] },
    },
  } as WorkingJob;
}

export interface SyncCtx {
  job: WorkingJob;
  pods: PodObj[];
  finished?: Condition;
  activePods: PodObj[];
  succeeded: number;
  failed: number;
  prevSucceededIndexes: Interval[];
  succeededIndexes: Interval[];
  backoff: BackoffRecord;
  uncountedSucceeded: Set<string>;
  uncountedFailed: Set<string>;
  terminating: number;
  ready: number;
}

export const isSuccessCriteriaMet = (c: Condition | undefined): boolean => c?.type === 'SuccessCriteriaMet';

/** The status as Go serialises it: zero counters and empty lists omitted, ready/terminating pointers kept. */
function wireStatus(s: WorkingJob['status']): JobStatus {
  const out: Record<string, unknown> = {};
  if (s.conditions.length) out.conditions = s.conditions;
  if (s.startTime) out.startTime = s.startTime;
  if (s.completionTime) out.completionTime = s.completionTime;
  if (s.active) out.active = s.active;
  if (s.succeeded) out.succeeded = s.succeeded;
  if (s.failed) out.failed = s.failed;
  if (s.terminating !== undefined && s.terminating !== null) out.terminating = s.terminating;
  if (s.completedIndexes) out.completedIndexes = s.completedIndexes;
  if (s.failedIndexes !== undefined && s.failedIndexes !== null) out.failedIndexes = s.failedIndexes;
  const u: Record<string, string[]> = {};
  if (s.uncountedTerminatedPods.succeeded.length) u.succeeded = s.uncountedTerminatedPods.succeeded;
  if (s.uncountedTerminatedPods.failed.length) u.failed = s.uncountedTerminatedPods.failed;
  out.uncountedTerminatedPods = u;
  if (s.ready !== undefined && s.ready !== null) out.ready = s.ready;
  return out as JobStatus;
}

export function writeStatus(env: JobEnv, job: WorkingJob): WorkingJob {
  const stored = env.client.updateStatus<JobObj>('jobs.batch', { ...job, status: wireStatus(job.status) } as KubeObject);
  return workingCopy(stored);
}

/** Moves uncounted UIDs whose pods lost their finalizer (or are gone) into the counters. */
function cleanUncounted(status: WorkingJob['status'], withFinalizer: Set<string>): boolean {
  const u = status.uncountedTerminatedPods;
  let changed = false;
  const keepS = u.succeeded.filter((uid) => withFinalizer.has(uid));
  if (keepS.length !== u.succeeded.length) {
    status.succeeded = (status.succeeded ?? 0) + u.succeeded.length - keepS.length;
    u.succeeded = keepS;
    changed = true;
  }
  const keepF = u.failed.filter((uid) => withFinalizer.has(uid));
  if (keepF.length !== u.failed.length) {
    status.failed = (status.failed ?? 0) + u.failed.length - keepF.length;
    u.failed = keepF;
    changed = true;
  }
  return changed;
}

function canRemoveFinalizer(c: SyncCtx, pod: PodObj, considerFailed: boolean): boolean {
  if (c.job.metadata!.deletionTimestamp || c.finished || pod.status?.phase === 'Succeeded') return true;
  return considerFailed;
}

/** Most pod UIDs held in uncountedTerminatedPods at once (keeps the status small). */
const MAX_UNCOUNTED_PODS = 500;

export function trackJobStatusAndRemoveFinalizers(env: JobEnv, backoffs: BackoffStore, c: SyncCtx, needsFlush: boolean): void {
  const indexed = isIndexedJob(c.job);
  const completions = c.job.spec?.completions ?? 0;
  const pods = indexed ? [...c.pods].sort((a, b) => completionIndex(a) - completionIndex(b)) : c.pods;
  const withFinalizer = new Set<string>();
  for (const p of pods) if (hasTrackingFinalizer(p)) withFinalizer.add(p.metadata!.uid!);
  if (cleanUncounted(c.job.status, withFinalizer)) needsFlush = true;
  const uncounted = c.job.status.uncountedTerminatedPods;
  const newSucceededIndexes: number[] = [];
  const toRemove: PodObj[] = [];
  let reachedMax = false;
  for (const pod of pods) {
    if (!hasTrackingFinalizer(pod)) continue;
    const uid = pod.metadata!.uid!;
    const considerFailed = isPodFailed(pod, c.job);
    if (!canRemoveFinalizer(c, pod, considerFailed)) continue;
    toRemove.push(pod);
    if (pod.status?.phase === 'Succeeded' && !c.uncountedFailed.has(uid)) {
      if (indexed) {
        const ix = completionIndex(pod);
        if (ix !== UNKNOWN_INDEX && ix < completions && !hasIndex(c.prevSucceededIndexes, ix)) {
          newSucceededIndexes.push(ix);
          needsFlush = true;
        }
      } else if (!c.uncountedSucceeded.has(uid)) {
        needsFlush = true;
        uncounted.succeeded.push(uid);
      }
    } else if (considerFailed || (c.finished && !isSuccessCriteriaMet(c.finished))) {
      // Once the job is decided, every pod not yet terminated counts as failed.
      const ix = completionIndex(pod);
      if (!c.uncountedFailed.has(uid) && (!indexed || (ix !== UNKNOWN_INDEX && ix < completions))) {
        if (matchPodFailurePolicy(c.job.spec?.podFailurePolicy, pod).countFailed) {
          needsFlush = true;
          uncounted.failed.push(uid);
        }
      }
    }
    if (newSucceededIndexes.length + uncounted.succeeded.length + uncounted.failed.length >= MAX_UNCOUNTED_PODS) {
      reachedMax = true;
      break;
    }
  }
  if (indexed) {
    c.succeededIndexes = withIndexes(c.succeededIndexes, [...new Set(newSucceededIndexes)].sort((a, b) => a - b));
    const str = formatIntervals(c.succeededIndexes);
    if (str !== (c.job.status.completedIndexes ?? '')) needsFlush = true;
    c.job.status.succeeded = c.succeededIndexes.reduce((n, iv) => n + iv.last - iv.first + 1, 0);
    c.job.status.completedIndexes = str;
  }
  if (c.finished?.type === 'FailureTarget') {
    // The interim condition is recorded before any finalizer comes off; Failed follows once all is counted.
    c.job.status.conditions.push(c.finished);
    needsFlush = true;
    c.finished = newCondition('Failed', 'True', c.finished.reason ?? '', c.finished.message ?? '', env.ctx.clock.now());
  }
  if (isSuccessCriteriaMet(c.finished)) {
    if (!findCondition(c.job.status.conditions, 'SuccessCriteriaMet')) {
      c.job.status.conditions.push(c.finished!);
      needsFlush = true;
    }
    c.finished = newCondition('Complete', 'True', c.finished!.reason ?? '', c.finished!.message ?? '', env.ctx.clock.now());
  }
  // flushUncountedAndRemoveFinalizers
  if (needsFlush) {
    c.job = writeStatus(env, c.job);
    backoffs.update(c.backoff);
    needsFlush = false;
  }
  let rmErr: unknown;
  for (const p of toRemove) {
    try {
      removeTrackingFinalizer(env.client, p);
      withFinalizer.delete(p.metadata!.uid!);
    } catch (e) {
      if (isNotFound(e)) withFinalizer.delete(p.metadata!.uid!);
      else rmErr ??= e;
    }
  }
  if (cleanUncounted(c.job.status, withFinalizer)) needsFlush = true;
  if (rmErr !== undefined) {
    if (needsFlush) c.job = writeStatus(env, c.job);
    throw rmErr;
  }
  const finished = !reachedMax && enactJobFinished(env, c);
  if (finished) needsFlush = true;
  if (needsFlush) {
    c.job = writeStatus(env, c.job);
    if (finished) recordJobFinished(env, c);
  }
}

/** The terminal condition, once nothing is uncounted and no pod is still terminating. */
function enactJobFinished(env: JobEnv, c: SyncCtx): boolean {
  const f = c.finished;
  if (!f) return false;
  const u = c.job.status.uncountedTerminatedPods;
  if (u.succeeded.length + u.failed.length > 0) return false;
  if (c.terminating > 0) return false;
  const [conds] = ensureCondition(c.job.status.conditions, f.type, 'True', f.reason ?? '', f.message ?? '', env.ctx.clock.now());
  c.job.status.conditions = conds;
  if (f.type === 'Complete') c.job.status.completionTime = f.lastTransitionTime;
  return true;
}

function recordJobFinished(env: JobEnv, c: SyncCtx): void {
  const f = c.finished!;
  const job = c.job;
  if (f.type === 'Complete') {
    const completions = job.spec?.completions;
    if (completions !== undefined && completions !== null && (job.status.succeeded ?? 0) > completions) {
      env.ctx.event(SOURCE, job, 'Warning', 'TooManySucceededPods', 'Too many succeeded pods running after completion count reached');
    }
    env.ctx.event(SOURCE, job, 'Normal', 'Completed', 'Job completed');
  } else {
    env.ctx.event(SOURCE, job, 'Warning', f.reason ?? '', f.message ?? '');
  }
}
