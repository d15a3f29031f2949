// The Job controller: claims the job's pods (adopted ones get the tracking finalizer), decides whether the
// job has failed (backoffLimit, activeDeadlineSeconds, podFailurePolicy FailJob) or succeeded (completions),
// otherwise manages pods (suspend/resume included), then tracks finished pods into status. Pods whose job
// is gone or finished lose a leftover tracking finalizer.
// mirrors: pkg/controller/job/job_controller.go (syncJob, getPodsForJob, pod/job event handlers, syncOrphanPod)

import type { KubeObject } from '../../api/types';
import { Controller, controllerRef, nsName, splitKey, type ControllerContext } from '../context';
import type { Client } from '../client';
import { isPodActive, isPodReady, type PodObj } from '../podutil';
import { selectorFromLabelSelector } from '../../api/selectors/labels';
import { claimObjects } from '../claim';
import { deepEqual } from '../../store/freeze';
import { rfc3339 } from '../../util/time';
import { BackoffStore } from './backoff';
import { completionIndex, isIndexedJob, succeededIndexes, UNKNOWN_INDEX } from './indexed';
import { deleteActivePods, manageJob, removeTrackingFinalizer, SOURCE, SYNC_JOB_BATCH_MS, type JobEnv } from './manage';
import { matchPodFailurePolicy } from './pod-failure-policy';
import { decidedCondition } from './failure';
import { trackJobStatusAndRemoveFinalizers, workingCopy, type SyncCtx } from './tracking';
import {
  ensureCondition,
  hasTrackingFinalizer,
  isJobFinished,
  isPodFailed,
  isPodTerminating,
  jobSuspended,
  JOB_TRACKING_FINALIZER,
  managedByExternalController,
  newCondition,
  type JobObj,
} from './util';

const RESOURCE = 'jobs.batch';
/** Queue keys of pods whose leftover finalizer may need removing. */
const ORPHAN_PREFIX = 'orphan-pod:';

export class JobController extends Controller {
  readonly name = 'job';
  private readonly client: Client;
  private readonly backoffs = new BackoffStore();
  private readonly env: JobEnv;

  constructor(ctx: ControllerContext) {
    super(ctx);
    this.client = ctx.client('system:serviceaccount:kube-system:job-controller', 'kube-controller-manager');
    this.env = { ctx, client: this.client, enqueueAfter: (job, ms) => this.queue.addAfter(nsName(job), Math.max(ms, SYNC_JOB_BATCH_MS)) };
  }

  start(): void {
    this.watch(RESOURCE, (e) => {
      const job = e.object as JobObj;
      const key = nsName(job);
      if (e.type === 'MODIFIED' && e.old) {
        const old = e.old as JobObj;
        // Status writes are batched; spec changes sync at once.
        if (job.metadata!.generation === old.metadata!.generation) this.queue.addAfter(key, SYNC_JOB_BATCH_MS);
        else this.queue.add(key);
        if (isJobFinished(job)) this.cleanupPodFinalizers(job);
        const ads = job.spec?.activeDeadlineSeconds;
        if (job.status?.startTime && ads != null && ads !== old.spec?.activeDeadlineSeconds) {
          this.queue.addAfter(key, ads * 1000 - (this.ctx.clock.now() - Date.parse(job.status.startTime)));
        }
        return;
      }
      this.queue.add(key);
      if (e.type === 'DELETED') this.cleanupPodFinalizers(job);
    });
    this.watch('pods', (e) => this.onPod(e.type, e.object as PodObj, e.old as PodObj | undefined));
  }

  *resyncKeys(): Iterable<string> {
    for (const j of this.client.list(RESOURCE)) yield nsName(j);
  }

  private jobFor(pod: PodObj, ref = controllerRef(pod)): JobObj | undefined {
    if (!ref || ref.kind !== 'Job') return undefined;
    const job = this.client.get<JobObj>(RESOURCE, pod.metadata!.namespace, ref.name);
    return job && job.metadata!.uid === ref.uid ? job : undefined;
  }

  private onPod(type: string, pod: PodObj, old: PodObj | undefined): void {
    const ns = pod.metadata!.namespace!;
    const ref = controllerRef(pod);
    const oldRef = old ? controllerRef(old) : undefined;
    if (oldRef && oldRef.uid !== ref?.uid) {
      const oldJob = this.jobFor(pod, oldRef);
      if (oldJob) this.queue.addAfter(nsName(oldJob), SYNC_JOB_BATCH_MS);
    }
    if (type === 'DELETED' || pod.metadata!.deletionTimestamp) {
      const job = this.jobFor(pod, ref);
      if (!job || isJobFinished(job)) {
        if (type !== 'DELETED' && hasTrackingFinalizer(pod)) this.queue.add(ORPHAN_PREFIX + nsName(pod));
        return;
      }
      this.queue.addAfter(nsName(job), SYNC_JOB_BATCH_MS);
      return;
    }
    if (ref) {
      const job = this.jobFor(pod, ref);
      if (job) this.queue.addAfter(nsName(job), SYNC_JOB_BATCH_MS);
      return;
    }
    if (hasTrackingFinalizer(pod)) this.queue.add(ORPHAN_PREFIX + nsName(pod));
    // Orphans: a job whose selector matches may adopt the pod (looked for when it appears or its labels change).
    if (type === 'MODIFIED' && !oldRef && deepEqual(old?.metadata?.labels, pod.metadata!.labels)) return;
    for (const job of this.client.list<JobObj>(RESOURCE, ns)) {
      if (selectorFromLabelSelector(job.spec?.selector).matches(pod.metadata!.labels)) this.queue.addAfter(nsName(job), SYNC_JOB_BATCH_MS);
    }
  }

  /** Pods of a finished or deleted job that still carry the finalizer. */
  private cleanupPodFinalizers(job: JobObj): void {
    for (const p of this.client.select<PodObj>('pods', job.metadata!.namespace, selectorFromLabelSelector(job.spec?.selector))) {
      if (controllerRef(p)?.uid === job.metadata!.uid && hasTrackingFinalizer(p)) this.queue.add(ORPHAN_PREFIX + nsName(p));
    }
  }

  private syncOrphanPod(key: string): void {
    const [ns, name] = splitKey(key);
    const pod = this.client.get<PodObj>('pods', ns, name);
    if (!pod) return;
    const ref = controllerRef(pod);
    if (ref) {
      // Pods of other controllers keep their finalizers; an adopted pod of a live job too.
      if (ref.kind !== 'Job' || ref.apiVersion !== 'batch/v1') return;
      const job = this.jobFor(pod, ref);
      if (job && managedByExternalController(job)) return;
      if (job && !isJobFinished(job)) return;
    }
    removeTrackingFinalizer(this.client, pod);
  }

  sync(key: string): void {
    if (key.startsWith(ORPHAN_PREFIX)) return this.syncOrphanPod(key.slice(ORPHAN_PREFIX.length));
    const [ns, name] = splitKey(key);
    const stored = this.client.get<JobObj>(RESOURCE, ns, name);
    if (!stored) {
      this.backoffs.remove(key);
      return;
    }
    if (managedByExternalController(stored)) return;
    if (isJobFinished(stored)) {
      this.backoffs.remove(key);
      return;
    }
    const mode = stored.spec?.completionMode;
    if (mode && mode !== 'NonIndexed' && mode !== 'Indexed') {
      this.ctx.event(SOURCE, stored, 'Warning', 'UnknownCompletionMode', 'Skipped Job sync because completion mode is unknown');
      return;
    }
    const job = workingCopy(stored);
    const now = this.ctx.clock.now();
    const pods = this.podsFor(job);
    const activePods = pods.filter(isPodActive);
    const u = job.status.uncountedTerminatedPods;
    const c: SyncCtx = {
      job,
      pods,
      activePods,
      succeeded: 0,
      failed: 0,
      prevSucceededIndexes: [],
      succeededIndexes: [],
      backoff: { key, failuresAfterLastSuccess: 0 },
      uncountedSucceeded: new Set(u.succeeded),
      uncountedFailed: new Set(u.failed),
      terminating: pods.filter(isPodTerminating).length,
      ready: activePods.filter(isPodReady).length,
    };
    let active = activePods.length;
    const newSucceeded = this.newFinished(c, c.uncountedSucceeded, (p) => p.status?.phase === 'Succeeded');
    const newFailed = this.newFinished(c, c.uncountedFailed, (p) => isPodFailed(p, job));
    const policy = job.spec?.podFailurePolicy;
    const counted = policy ? newFailed.filter((p) => matchPodFailurePolicy(policy, p).countFailed).length : newFailed.length;
    c.succeeded = (job.status.succeeded ?? 0) + newSucceeded.length + u.succeeded.length;
    c.failed = (job.status.failed ?? 0) + counted + u.failed.length;
    if (!job.status.startTime && !jobSuspended(job)) job.status.startTime = rfc3339(now);
    c.backoff = this.backoffs.next(key, newSucceeded, newFailed);

    let manageError: unknown;
    c.finished = decidedCondition(job, pods, c.failed, now);
    if (!c.finished && job.spec?.activeDeadlineSeconds != null && !jobSuspended(job)) {
      // Look again when the deadline passes.
      this.queue.addAfter(key, job.spec.activeDeadlineSeconds * 1000 - (now - Date.parse(job.status.startTime!)));
    }
    if (isIndexedJob(job)) {
      [c.prevSucceededIndexes, c.succeededIndexes] = succeededIndexes(job, pods);
      c.succeeded = c.succeededIndexes.reduce((n, iv) => n + iv.last - iv.first + 1, 0);
    }
    let suspendChanged = false;
    if (c.finished) {
      const [rmReady, deleted, err] = deleteActivePods(this.env, job, activePods);
      if (deleted !== active) c.finished = undefined;
      active -= deleted;
      c.terminating += deleted;
      c.ready -= rmReady;
      manageError = err;
    } else {
      let managed = false;
      if (!job.metadata!.deletionTimestamp) {
        const r = manageJob(this.env, c);
        active = r.active;
        manageError = r.error;
        managed = true;
      }
      const completions = job.spec?.completions;
      const complete = completions == null ? c.succeeded > 0 && active === 0 : c.succeeded >= completions && active === 0;
      if (complete) {
        c.finished = newCondition('SuccessCriteriaMet', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods', now);
      } else if (managed) {
        if (jobSuspended(job)) {
          let changed: boolean;
          [job.status.conditions, changed] = ensureCondition(job.status.conditions, 'Suspended', 'True', 'JobSuspended', 'Job suspended', now);
          if (changed) {
            suspendChanged = true;
            this.ctx.event(SOURCE, job, 'Normal', 'Suspended', 'Job suspended');
          }
        } else {
          let changed: boolean;
          [job.status.conditions, changed] = ensureCondition(job.status.conditions, 'Suspended', 'False', 'JobResumed', 'Job resumed', now);
          if (changed) {
            suspendChanged = true;
            this.ctx.event(SOURCE, job, 'Normal', 'Resumed', 'Job resumed');
            // activeDeadlineSeconds counts from the resume.
            job.status.startTime = rfc3339(now);
          }
        }
      }
    }
    const needsUpdate = suspendChanged || active !== (job.status.active ?? 0) || c.ready !== job.status.ready || c.terminating !== job.status.terminating;
    job.status.active = active;
    job.status.ready = c.ready;
    job.status.terminating = c.terminating;
    trackJobStatusAndRemoveFinalizers(this.env, this.backoffs, c, needsUpdate);
    if (manageError !== undefined) throw manageError;
  }

  /** getNewFinishedPods: tracked pods not yet uncounted that pass the filter (with a valid index if Indexed). */
  private newFinished(c: SyncCtx, uncounted: Set<string>, filter: (p: PodObj) => boolean): PodObj[] {
    const out: PodObj[] = [];
    const completions = c.job.spec?.completions ?? 0;
    for (const p of c.pods) {
      if (!hasTrackingFinalizer(p) || uncounted.has(p.metadata!.uid!)) continue;
      if (isIndexedJob(c.job)) {
        const ix = completionIndex(p);
        if (ix === UNKNOWN_INDEX || ix >= completions) continue;
      }
      if (filter(p)) out.push(p);
    }
    return out;
  }

  /** getPodsForJob: claim by selector; adopted pods get the tracking finalizer. */
  private podsFor(job: JobObj): PodObj[] {
    const selector = selectorFromLabelSelector(job.spec?.selector);
    const candidates = new Map<string, KubeObject>();
    for (const p of this.client.select('pods', job.metadata!.namespace, selector)) candidates.set(p.metadata!.uid!, p);
    for (const d of this.client.store.dependents(job.metadata!.uid!)) if (d.resource === 'pods') candidates.set(d.object.metadata!.uid!, d.object);
    const orphans = new Set<string>();
    for (const p of candidates.values()) if (!controllerRef(p)) orphans.add(p.metadata!.uid!);
    const claimed = claimObjects(this.client, 'pods', job, selector, [...candidates.values()]) as PodObj[];
    return claimed.map((p) => {
      if (!orphans.has(p.metadata!.uid!) || hasTrackingFinalizer(p)) return p;
      try {
        return this.client.update<PodObj>('pods', { ...p, metadata: { ...p.metadata!, finalizers: [...(p.metadata!.finalizers ?? []), JOB_TRACKING_FINALIZER] } });
      } catch {
        return p;
      }
    });
  }
}
