// manageJob: keep min(parallelism, remaining completions) pods active — delete extras (suspended jobs lose
// all), or after the failure backoff create the missing ones (for Indexed jobs the lowest pending indexes)
// in slow-start batches with the job-tracking finalizer.
// mirrors: pkg/controller/job/job_controller.go (manageJob, deleteJobPods, deleteActivePods,
//          activePodsForRemoval), pkg/controller/controller_utils.go (ActivePods ordering)

import type { Client } from '../client';
import type { ControllerContext } from '../context';
import { isPodReady, podCondition, podFromTemplate, type PodObj } from '../podutil';
import { StatusError } from '../../api/errors';
import { remainingBackoff, type BackoffRecord } from './backoff';
import { duplicatedIndexPods, firstPendingIndexes, generateNameWithIndex, indexedTemplate, isIndexedJob, type Interval } from './indexed';
import { JOB_TRACKING_FINALIZER, jobSuspended, onlyReplaceFailedPods, type JobObj } from './util';

export const SOURCE = { component: 'job-controller' };
/** Most pods created or deleted in one sync. */
export const MAX_POD_CREATE_DELETE_PER_SYNC = 500;
/** Pod events and status writes sync the job after this batching period. */
export const SYNC_JOB_BATCH_MS = 1000;

export interface JobEnv {
  ctx: ControllerContext;
  client: Client;
  /** Re-syncs the job after at least the batching period. */
  enqueueAfter(job: JobObj, ms: number): void;
}

export interface ManageCtx {
  job: JobObj;
  activePods: PodObj[];
  succeeded: number;
  succeededIndexes: Interval[];
  backoff: BackoffRecord;
  terminating: number;
  ready: number;
}

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** ActivePods.Less: negative when a is deleted before b. */
export function activePodsOrder(a: PodObj, b: PodObj): number {
  const aa = !!a.spec?.nodeName;
  const ba = !!b.spec?.nodeName;
  if (aa !== ba) return aa ? 1 : -1;
  const pa = PHASE_RANK[a.status?.phase ?? ''] ?? 0;
  const pb = PHASE_RANK[b.status?.phase ?? ''] ?? 0;
  if (pa !== pb) return pa - pb;
  const ra = isPodReady(a);
  const rb = isPodReady(b);
  if (ra !== rb) return ra ? 1 : -1;
  if (ra && rb) {
    // Ready for a shorter time first.
    const ta = Date.parse(podCondition(a, 'Ready')?.lastTransitionTime ?? '');
    const tb = Date.parse(podCondition(b, 'Ready')?.lastTransitionTime ?? '');
    if (ta !== tb && !Number.isNaN(ta) && !Number.isNaN(tb)) return tb - ta;
  }
  const xa = maxRestarts(a);
  const xb = maxRestarts(b);
  if (xa !== xb) return xb - xa;
  const ca = Date.parse(a.metadata!.creationTimestamp!);
  const cb = Date.parse(b.metadata!.creationTimestamp!);
  if (ca !== cb) return cb - ca;
  return 0;
}

function maxRestarts(p: PodObj): number {
  let m = 0;
  for (const c of p.status?.containerStatuses ?? []) m = Math.max(m, c.restartCount ?? 0);
  return m;
}

export function activePodsForRemoval(job: JobObj, pods: PodObj[], rmAtLeast: number): PodObj[] {
  let rm: PodObj[] = [];
  let left: PodObj[] = pods;
  if (isIndexedJob(job)) ({ rm, left } = duplicatedIndexPods(pods, job.spec?.completions ?? 0, activePodsOrder));
  if (rm.length < rmAtLeast) rm = [...rm, ...[...left].sort(activePodsOrder).slice(0, rmAtLeast - rm.length)];
  return rm;
}

function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function deletePod(env: JobEnv, job: JobObj, pod: PodObj): boolean {
  try {
    // Already gone counts as deleted, without an event.
    if (!env.client.delete('pods', pod.metadata!.namespace, pod.metadata!.name!)) return true;
  } catch (e) {
    env.ctx.event(SOURCE, job, 'Warning', 'FailedDelete', `Error deleting: ${errText(e)}`);
    throw e;
  }
  env.ctx.event(SOURCE, job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata!.name}`);
  return true;
}

/** deleteActivePods: DELETE keeping the finalizers (the tracking code removes them). Returns [ready, deleted]. */
export function deleteActivePods(env: JobEnv, job: JobObj, pods: PodObj[]): [number, number, unknown] {
  let ready = 0;
  let deleted = 0;
  let err: unknown;
  for (const p of pods) {
    try {
      deletePod(env, job, p);
      deleted++;
    } catch (e) {
      err ??= e;
    }
    if (isPodReady(p)) ready++;
  }
  return [ready, deleted, err];
}

/** deleteJobPods: the finalizer comes off first (these pods are not counted), then DELETE. */
function deleteJobPods(env: JobEnv, job: JobObj, pods: PodObj[]): [number, number, unknown] {
  let ready = 0;
  let deleted = 0;
  let err: unknown;
  for (const p of pods) {
    try {
      removeTrackingFinalizer(env.client, p);
      deletePod(env, job, p);
      deleted++;
    } catch (e) {
      if (!(e instanceof StatusError && e.code === 404)) err ??= e;
      else deleted++;
    }
    if (isPodReady(p)) ready++;
  }
  return [ready, deleted, err];
}

/** Drops the job-tracking finalizer from the pod (no-op when absent or gone). */
export function removeTrackingFinalizer(client: Client, pod: PodObj): void {
  const cur = client.get<PodObj>('pods', pod.metadata!.namespace, pod.metadata!.name!);
  if (!cur || cur.metadata!.uid !== pod.metadata!.uid) return;
  const fins = cur.metadata!.finalizers ?? [];
  if (!fins.includes(JOB_TRACKING_FINALIZER)) return;
  const meta = { ...cur.metadata!, finalizers: fins.filter((f) => f !== JOB_TRACKING_FINALIZER) };
  if (meta.finalizers.length === 0) delete (meta as { finalizers?: string[] }).finalizers;
  client.update('pods', { ...cur, metadata: meta });
}

/** manageJob: returns the new active count and the first error. */
export function manageJob(env: JobEnv, m: ManageCtx): { active: number; error?: unknown } {
  const job = m.job;
  let active = m.activePods.length;
  const parallelism = job.spec?.parallelism ?? 1;
  if (jobSuspended(job)) {
    const [rmReady, removed, err] = deleteJobPods(env, job, activePodsForRemoval(job, m.activePods, active));
    m.terminating += removed;
    m.ready -= rmReady;
    return { active: active - removed, error: err };
  }
  let wantActive: number;
  const completions = job.spec?.completions;
  if (completions === undefined || completions === null) wantActive = m.succeeded > 0 ? active : parallelism;
  else wantActive = Math.max(0, Math.min(completions - m.succeeded, parallelism));

  const rmAtLeast = Math.max(0, active - wantActive);
  let toDelete = activePodsForRemoval(job, m.activePods, rmAtLeast);
  if (toDelete.length > MAX_POD_CREATE_DELETE_PER_SYNC) toDelete = toDelete.slice(0, MAX_POD_CREATE_DELETE_PER_SYNC);
  if (toDelete.length > 0) {
    // Deletion and creation never happen in the same sync; deletion wins.
    const [rmReady, removed, err] = deleteJobPods(env, job, toDelete);
    m.terminating += removed;
    m.ready -= rmReady;
    return { active: active - removed, error: err };
  }

  const terminating = onlyReplaceFailedPods(job) ? m.terminating : 0;
  let diff = wantActive - terminating - active;
  if (diff <= 0) return { active };
  const remaining = remainingBackoff(m.backoff, env.ctx.clock.now());
  if (remaining > 0) {
    env.enqueueAfter(job, remaining);
    // Upstream reports 0 active while it waits out the backoff (corrected on the next sync).
    return { active: 0 };
  }
  diff = Math.min(diff, MAX_POD_CREATE_DELETE_PER_SYNC);
  const indexes = isIndexedJob(job) ? firstPendingIndexes(m.activePods, m.succeededIndexes, diff, completions ?? 0) : [];
  if (isIndexedJob(job)) diff = indexes.length;
  active += diff;
  const template = job.spec!.template!;
  let error: unknown;
  for (let batch = Math.min(diff, 1); diff > 0; batch = Math.min(2 * batch, diff)) {
    let failed = false;
    for (let i = 0; i < batch; i++) {
      const index = indexes.shift();
      const t = index === undefined ? template : indexedTemplate(template, job.metadata!.name!, index);
      const generateName = index === undefined ? `${job.metadata!.name}-` : generateNameWithIndex(job.metadata!.name!, index);
      const pod = podFromTemplate(t, job.metadata!.namespace!, generateName, job);
      const fins = pod.metadata!.finalizers ?? [];
      if (!fins.includes(JOB_TRACKING_FINALIZER)) pod.metadata!.finalizers = [...fins, JOB_TRACKING_FINALIZER];
      try {
        const created = env.client.create<PodObj>('pods', pod);
        env.ctx.event(SOURCE, job, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata!.name}`);
      } catch (e) {
        active--;
        // A terminating namespace refuses every create; nothing to report.
        if (e instanceof StatusError && e.code === 403 && e.message.includes('is being terminated')) continue;
        env.ctx.event(SOURCE, job, 'Warning', 'FailedCreate', `Error creating: ${errText(e)}`);
        error ??= e;
        failed = true;
      }
    }
    diff -= batch;
    // Slow start: after a failed batch the rest waits for a later sync.
    if (failed && diff > 0) {
      active -= diff;
      break;
    }
  }
  return { active, error };
}
