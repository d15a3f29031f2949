// The TTL-after-finished controller: a finished Job with spec.ttlSecondsAfterFinished is deleted (foreground,
// so its pods go first) that many seconds after its Complete/Failed condition.
// mirrors: pkg/controller/ttlafterfinished/ttlafterfinished_controller.go

import { Controller, nsName, splitKey, type ControllerContext } from '../context';
import type { Client } from '../client';
import { isJobFinished, type JobObj } from './util';

const RESOURCE = 'jobs.batch';

/** When the job finished: the transition time of its True Complete or Failed condition. */
export function jobFinishTime(job: JobObj): number | undefined {
  for (const c of job.status?.conditions ?? []) {
    if ((c.type === 'Complete' || c.type === 'Failed') && c.status === 'True') {
      const t = Date.parse(c.lastTransitionTime ?? '');
      return Number.isNaN(t) ? undefined : t;
    }
  }
  return undefined;
}

function needsCleanup(job: JobObj): boolean {
  return job.spec?.ttlSecondsAfterFinished != null && isJobFinished(job) && !job.metadata!.deletionTimestamp;
}

export class TTLAfterFinishedController extends Controller {
  readonly name = 'ttl-after-finished';
  private readonly client: Client;

  constructor(ctx: ControllerContext) {
    super(ctx);
    this.client = ctx.client('system:serviceaccount:kube-system:ttl-after-finished-controller', 'kube-controller-manager');
  }

  start(): void {
    this.watch(RESOURCE, (e) => {
      if (e.type !== 'DELETED' && needsCleanup(e.object as JobObj)) this.queue.add(nsName(e.object));
    });
  }

  *resyncKeys(): Iterable<string> {
    for (const j of this.client.list<JobObj>(RESOURCE)) if (needsCleanup(j)) yield nsName(j);
  }

  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const job = this.client.get<JobObj>(RESOURCE, ns, name);
    if (!job || !needsCleanup(job)) return;
    const finished = jobFinishTime(job);
    if (finished === undefined) return;
    const expireAt = finished + job.spec!.ttlSecondsAfterFinished! * 1000;
    const now = this.ctx.clock.now();
    if (now < expireAt) {
      this.queue.addAfter(key, expireAt - now);
      return;
    }
    this.client.delete(RESOURCE, ns, name, { propagationPolicy: 'Foreground', preconditions: { uid: job.metadata!.uid } });
  }
}
