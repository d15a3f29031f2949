// The pod-failure backoff of a Job: consecutive failures since the last success and when the last one
// finished; new pods wait 10 s doubling per failure, capped at 10 minutes.
// mirrors: pkg/controller/job/backoff_utils.go

import type { Pod } from 'kubernetes-types/core/v1';
import { podCondition } from '../podutil';

export const DEFAULT_POD_FAILURE_BACKOFF_MS = 10_000;
export const MAX_POD_FAILURE_BACKOFF_MS = 10 * 60_000;

export interface BackoffRecord {
  key: string;
  failuresAfterLastSuccess: number;
  lastFailureTime?: number;
}

/** When a pod finished: its containers' last finishedAt, else Ready=False, else deletion, else creation. */
export function finishedTime(p: Pod): number {
  const fromContainers = latestFinish(p);
  if (fromContainers !== undefined) return fromContainers;
  const ready = podCondition(p, 'Ready');
  if (ready?.status === 'False' && ready.lastTransitionTime) return Date.parse(ready.lastTransitionTime);
  if (p.metadata?.deletionTimestamp) return Date.parse(p.metadata.deletionTimestamp) - (p.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
  return Date.parse(p.metadata?.creationTimestamp ?? '');
}

function latestFinish(p: Pod): number | undefined {
  let t: number | undefined;
  const sidecars = new Set((p.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  const statuses = [...(p.status?.containerStatuses ?? []), ...(p.status?.initContainerStatuses ?? []).filter((s) => sidecars.has(s.name))];
  for (const s of statuses) {
    const fin = s.state?.terminated?.finishedAt;
    if (!fin) return undefined;
    const ms = Date.parse(fin);
    if (t === undefined || ms > t) t = ms;
  }
  return t;
}

export class BackoffStore {
  private records = new Map<string, BackoffRecord>();

  /** The record after this sync's newly finished pods: successes reset, later failures count. */
  next(key: string, newSucceeded: Pod[], newFailed: Pod[]): BackoffRecord {
    const old = this.records.get(key);
    const rec: BackoffRecord = { key, failuresAfterLastSuccess: old?.failuresAfterLastSuccess ?? 0, lastFailureTime: old?.lastFailureTime };
    const byFinish = (a: Pod, b: Pod): number => finishedTime(a) - finishedTime(b);
    const succeeded = [...newSucceeded].sort(byFinish);
    const failed = [...newFailed].sort(byFinish);
    if (succeeded.length === 0) {
      if (failed.length === 0) return rec;
      rec.failuresAfterLastSuccess += failed.length;
      rec.lastFailureTime = finishedTime(failed[failed.length - 1]);
      return rec;
    }
    rec.failuresAfterLastSuccess = 0;
    rec.lastFailureTime = undefined;
    const lastSuccess = finishedTime(succeeded[succeeded.length - 1]);
    for (let i = failed.length - 1; i >= 0; i--) {
      const t = finishedTime(failed[i]);
      if (t <= lastSuccess) break;
      if (rec.lastFailureTime === undefined) rec.lastFailureTime = t;
      rec.failuresAfterLastSuccess++;
    }
    return rec;
  }

  update(rec: BackoffRecord): void {
    this.records.set(rec.key, rec);
  }

  remove(key: string): void {
    this.records.delete(key);
  }
}

/** Time still to wait before replacing failed pods (0 when none). */
export function remainingBackoff(rec: BackoffRecord, now: number): number {
  if (rec.failuresAfterLastSuccess === 0 || rec.lastFailureTime === undefined) return 0;
  let backoff = DEFAULT_POD_FAILURE_BACKOFF_MS;
  for (let i = 1; i < rec.failuresAfterLastSuccess; i++) {
    backoff *= 2;
    if (backoff >= MAX_POD_FAILURE_BACKOFF_MS) {
      backoff = MAX_POD_FAILURE_BACKOFF_MS;
      break;
    }
  }
  const elapsed = now - rec.lastFailureTime;
  return backoff < elapsed ? 0 : backoff - elapsed;
}
