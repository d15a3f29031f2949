// Whether a Job has already failed or succeeded before managing pods: an earlier SuccessCriteriaMet or
// FailureTarget condition, a podFailurePolicy FailJob match, the backoff limit (failed pods, or container
// restarts with restartPolicy OnFailure) or activeDeadlineSeconds.
// mirrors: pkg/controller/job/job_controller.go (syncJob's finishedCondition, getFailJobMessage,
//          pastBackoffLimitOnFailure, pastActiveDeadline)

import type { PodObj } from '../podutil';
import { matchPodFailurePolicy } from './pod-failure-policy';
import { findCondition, isPodFailed, jobSuspended, newCondition, type Condition, type JobObj } from './util';

/** The condition the job is headed for (an interim FailureTarget, or Failed/SuccessCriteriaMet), if any. */
export function decidedCondition(job: JobObj, pods: PodObj[], failed: number, now: number): Condition | undefined {
  const met = findCondition(job.status?.conditions, 'SuccessCriteriaMet');
  if (met?.status === 'True') return met as Condition;
  const target = findCondition(job.status?.conditions, 'FailureTarget');
  if (target?.status === 'True') return newCondition('Failed', 'True', target.reason ?? '', target.message ?? '', now);
  const msg = failJobMessage(job, pods);
  if (msg !== undefined) return newCondition('FailureTarget', 'True', 'PodFailurePolicy', msg, now);
  if (failed > (job.spec?.backoffLimit ?? 6) || pastBackoffLimitOnFailure(job, pods)) {
    return newCondition('FailureTarget', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', now);
  }
  if (pastActiveDeadline(job, now)) return newCondition('FailureTarget', 'True', 'DeadlineExceeded', 'Job was active longer than specified deadline', now);
  return undefined;
}

/** The message of the first failed pod matching a FailJob rule. */
function failJobMessage(job: JobObj, pods: PodObj[]): string | undefined {
  const policy = job.spec?.podFailurePolicy;
  if (!policy) return undefined;
  for (const p of pods) {
    if (!isPodFailed(p, job)) continue;
    const m = matchPodFailurePolicy(policy, p).failJobMessage;
    if (m !== undefined) return m;
  }
  return undefined;
}

/** With restartPolicy OnFailure: container restarts of running/pending pods reach backoffLimit. */
function pastBackoffLimitOnFailure(job: JobObj, pods: PodObj[]): boolean {
  if (job.spec?.template?.spec?.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const p of pods) {
    if (p.status?.phase !== 'Running' && p.status?.phase !== 'Pending') continue;
    for (const s of p.status?.initContainerStatuses ?? []) restarts += s.restartCount ?? 0;
    for (const s of p.status?.containerStatuses ?? []) restarts += s.restartCount ?? 0;
  }
  const limit = job.spec?.backoffLimit ?? 6;
  return limit === 0 ? restarts > 0 : restarts >= limit;
}

/** Active (not suspended) for at least activeDeadlineSeconds since startTime. */
export function pastActiveDeadline(job: JobObj, now: number): boolean {
  const ads = job.spec?.activeDeadlineSeconds;
  if (ads == null || !job.status?.startTime || jobSuspended(job)) return false;
  return now - Date.parse(job.status.startTime) >= ads * 1000;
}
