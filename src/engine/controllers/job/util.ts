// Job helpers shared by the Job, CronJob and TTL-after-finished controllers: labels and finalizer names,
// conditions (finished, succeeded, ensure with the upstream transition rules), failed/terminating pods.
// mirrors: pkg/controller/job/util/utils.go, job_controller.go (newCondition, ensureJobConditionStatus,
//          isPodFailed, onlyReplaceFailedPods), pkg/controller/controller_utils.go (IsPodTerminating)

import type { Job, JobCondition } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject, Writable } from '../../api/types';
import { rfc3339 } from '../../util/time';

export type JobObj = Writable<Job> & KubeObject;
export type Condition = Writable<JobCondition>;

export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
export const COMPLETION_INDEX_ANNOTATION = 'batch.kubernetes.io/job-completion-index';
export const JOB_CONTROLLER_NAME = 'kubernetes.io/job-controller';

/** The first Complete or Failed condition that is True, if any. */
export function finishedCondition(job: Job): 'Complete' | 'Failed' | undefined {
  for (const c of job.status?.conditions ?? []) {
    if ((c.type === 'Complete' || c.type === 'Failed') && c.status === 'True') return c.type;
  }
  return undefined;
}

export function isJobFinished(job: Job): boolean {
  return finishedCondition(job) !== undefined;
}

export function isJobSucceeded(job: Job): boolean {
  return (job.status?.conditions ?? []).some((c) => c.type === 'Complete' && c.status === 'True');
}

export function findCondition(list: readonly JobCondition[] | undefined, type: string): JobCondition | undefined {
  return list?.find((c) => c.type === type);
}

export function newCondition(type: string, status: 'True' | 'False', reason: string, message: string, now: number): Condition {
  const t = rfc3339(now);
  const c: Condition = { type, status, lastProbeTime: t, lastTransitionTime: t };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}

/**
 * ensureJobConditionStatus: updates a condition of the type when status, reason or message differ, appends it
 * when missing unless it would be False. Returns the new list (a copy when changed) and whether it changed.
 */
export function ensureCondition(list: Condition[], type: string, status: 'True' | 'False', reason: string, message: string, now: number): [Condition[], boolean] {
  const i = list.findIndex((c) => c.type === type);
  if (i >= 0) {
    const c = list[i];
    if (c.status === status && (c.reason ?? '') === reason && (c.message ?? '') === message) return [list, false];
    const out = [...list];
    out[i] = newCondition(type, status, reason, message, now);
    return [out, true];
  }
  if (status === 'False') return [list, false];
  return [[...list, newCondition(type, status, reason, message, now)], true];
}

export function hasTrackingFinalizer(pod: Pod): boolean {
  return (pod.metadata?.finalizers ?? []).includes(JOB_TRACKING_FINALIZER);
}

export function isTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** IsPodTerminating: being deleted and not yet in a terminal phase. */
export function isPodTerminating(pod: Pod): boolean {
  return !isTerminal(pod) && !!pod.metadata?.deletionTimestamp;
}

/** Only pods that reached phase Failed are replaced (podReplacementPolicy Failed, or a podFailurePolicy). */
export function onlyReplaceFailedPods(job: Job): boolean {
  return job.spec?.podReplacementPolicy === 'Failed' || !!job.spec?.podFailurePolicy;
}

/** A failed pod, or (unless only failed pods count) one deleted before it succeeded. */
export function isPodFailed(pod: Pod, job: Job): boolean {
  if (pod.status?.phase === 'Failed') return true;
  if (onlyReplaceFailedPods(job)) return false;
  return !!pod.metadata?.deletionTimestamp && pod.status?.phase !== 'Succeeded';
}

export function jobSuspended(job: Job): boolean {
  return job.spec?.suspend === true;
}

/** A Job another controller manages (spec.managedBy other than the built-in job controller). */
export function managedByExternalController(job: Job): string | undefined {
  const m = job.spec?.managedBy;
  return m && m !== JOB_CONTROLLER_NAME ? m : undefined;
}
