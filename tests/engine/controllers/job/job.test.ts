import { describe, expect, it } from 'vitest';
import { world, type World } from './world';
import type { KubeObject } from '../../../../src/engine/api/types';

type Obj = KubeObject & { spec?: Record<string, unknown>; status?: Record<string, unknown> };
type Cond = { type: string; status: string; reason?: string; message?: string };

function job(name: string, script: string, spec: Record<string, unknown> = {}, restartPolicy = 'Never'): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: 'default' },
    spec: { template: { spec: { containers: [{ name: 'main', image: 'busybox:1.36', command: ['sh', '-c', script] }], restartPolicy } }, ...spec },
  };
}

const status = (w: World, name: string) => w.get<Obj>('jobs.batch', name)!.status!;
const conditions = (w: World, name: string) => ((status(w, name).conditions ?? []) as Cond[]).map((c) => `${c.type}=${c.status} ${c.reason ?? ''}`.trim());
const pods = (w: World) => w.list<Obj & { metadata: { finalizers?: string[] } }>('pods');

describe('Job controller', () => {
  it('runs completions with parallelism and completes via SuccessCriteriaMet', async () => {
    const w = world();
    w.client.create('jobs.batch', job('ok', 'echo hi; sleep 3', { completions: 3, parallelism: 2 }));
    await w.advance(2000);
    expect(pods(w)).toHaveLength(2);
    const p = pods(w)[0];
    expect(p.metadata!.name).toMatch(/^ok-[a-z0-9]{5}$/);
    expect(p.metadata!.finalizers).toEqual(['batch.kubernetes.io/job-tracking']);
    expect(Object.keys(p.metadata!.labels!).sort()).toEqual(['batch.kubernetes.io/controller-uid', 'batch.kubernetes.io/job-name', 'controller-uid', 'job-name']);
    expect(status(w, 'ok')).toMatchObject({ active: 2, ready: 0, terminating: 0, uncountedTerminatedPods: {} });
    await w.advance(30_000);
    expect(pods(w)).toHaveLength(3);
    expect(pods(w).every((x) => !x.metadata!.finalizers)).toBe(true);
    const s = status(w, 'ok');
    expect(s).toMatchObject({ succeeded: 3, ready: 0, terminating: 0 });
    expect(s.active).toBeUndefined();
    expect(s.completionTime).toBeDefined();
    const conds = s.conditions as Cond[];
    expect(conds.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['SuccessCriteriaMet', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods'],
      ['Complete', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods'],
    ]);
    const evs = w.events('Job', 'ok');
    expect(evs.filter((e) => e.startsWith('SuccessfulCreate Created pod: ok-'))).toHaveLength(3);
    expect(evs[evs.length - 1]).toBe('Completed Job completed');
  });

  it('retries failures with a doubling backoff and fails with BackoffLimitExceeded', async () => {
    const w = world();
    w.client.create('jobs.batch', job('fail', 'exit 1', { backoffLimit: 2 }));
    await w.advance(5000);
    expect(pods(w)).toHaveLength(1);
    const created = () =>
      pods(w)
        .map((p) => Date.parse(p.metadata!.creationTimestamp!))
        .sort((a, b) => a - b);
    await w.advance(60_000);
    const times = created();
    expect(times).toHaveLength(3);
    // ~10 s, then ~20 s after each failure (plus the pod's run time and the 1 s sync batching).
    const gap1 = (times[1] - times[0]) / 1000;
    const gap2 = (times[2] - times[1]) / 1000;
    expect(gap1).toBeGreaterThanOrEqual(10);
    expect(gap1).toBeLessThan(15);
    expect(gap2).toBeGreaterThanOrEqual(20);
    expect(gap2).toBeLessThan(25);
    expect(conditions(w, 'fail')).toEqual(['FailureTarget=True BackoffLimitExceeded', 'Failed=True BackoffLimitExceeded']);
    expect(status(w, 'fail')).toMatchObject({ failed: 3 });
    expect(status(w, 'fail').completionTime).toBeUndefined();
    expect(w.events('Job', 'fail').pop()).toBe('BackoffLimitExceeded Job has reached the specified backoff limit');
  });

  it('activeDeadlineSeconds: FailureTarget, pods terminated, then Failed DeadlineExceeded', async () => {
    const w = world();
    w.client.create('jobs.batch', job('dl', 'sleep 600', { activeDeadlineSeconds: 10 }));
    await w.advance(12_000);
    expect(conditions(w, 'dl')).toEqual(['FailureTarget=True DeadlineExceeded']);
    expect(pods(w)[0].metadata!.deletionTimestamp).toBeDefined();
    expect(status(w, 'dl')).toMatchObject({ terminating: 1, failed: 1 });
    // sh ignores SIGTERM: the pod goes after the 30 s grace period, then the job fails.
    await w.advance(35_000);
    expect(pods(w)).toHaveLength(0);
    expect(conditions(w, 'dl')).toEqual(['FailureTarget=True DeadlineExceeded', 'Failed=True DeadlineExceeded']);
    expect(w.events('Job', 'dl').slice(-2)).toEqual([expect.stringMatching(/^SuccessfulDelete Deleted pod: dl-/), 'DeadlineExceeded Job was active longer than specified deadline']);
  });

  it('restartPolicy OnFailure fails once container restarts reach the backoff limit', async () => {
    const w = world();
    w.client.create('jobs.batch', job('onf', 'exit 3', { backoffLimit: 2 }, 'OnFailure'));
    await w.advance(60_000);
    expect(conditions(w, 'onf')[0]).toBe('FailureTarget=True BackoffLimitExceeded');
  });

  it('suspend deletes active pods; resume recreates them and resets startTime', async () => {
    const w = world();
    w.client.create('jobs.batch', job('s', 'sleep 30', { suspend: true }));
    await w.advance(3000);
    expect(pods(w)).toHaveLength(0);
    expect(status(w, 's').startTime).toBeUndefined();
    expect(conditions(w, 's')).toEqual(['Suspended=True JobSuspended']);
    const cur = w.get<Obj>('jobs.batch', 's')!;
    w.client.update('jobs.batch', { ...cur, spec: { ...cur.spec, suspend: false } });
    await w.advance(2000);
    expect(pods(w)).toHaveLength(1);
    expect(conditions(w, 's')).toEqual(['Suspended=False JobResumed']);
    expect(status(w, 's').startTime).toBeDefined();
    const again = w.get<Obj>('jobs.batch', 's')!;
    w.client.update('jobs.batch', { ...again, spec: { ...again.spec, suspend: true } });
    await w.advance(2000);
    expect(conditions(w, 's')).toEqual(['Suspended=True JobSuspended']);
    expect(pods(w).every((p) => p.metadata!.deletionTimestamp && !p.metadata!.finalizers)).toBe(true);
    // The second Suspended event repeats the first (the recorder bumps its count).
    expect(w.events('Job', 's').filter((e) => /^(Suspended|Resumed)/.test(e))).toEqual(['Suspended Job suspended', 'Resumed Job resumed']);
    const suspended = w.list<Obj & { reason: string; count: number }>('events').find((e) => e.reason === 'Suspended')!;
    expect(suspended.count).toBe(2);
  });

  it('Indexed: one pod per index with annotation, label, hostname and completedIndexes', async () => {
    const w = world();
    w.client.create('jobs.batch', job('idx', 'echo $JOB_COMPLETION_INDEX; sleep 2', { completions: 4, parallelism: 2, completionMode: 'Indexed' }));
    await w.advance(2000);
    const first = pods(w).sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1));
    expect(first.map((p) => p.metadata!.name!.replace(/[a-z0-9]{5}$/, ''))).toEqual(['idx-0-', 'idx-1-']);
    expect(first[1].metadata!.annotations!['batch.kubernetes.io/job-completion-index']).toBe('1');
    expect(first[1].metadata!.labels!['batch.kubernetes.io/job-completion-index']).toBe('1');
    expect((first[1].spec as { hostname: string }).hostname).toBe('idx-1');
    const env = (first[1].spec as { containers: { env: unknown[] }[] }).containers[0].env;
    expect(env).toEqual([{ name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.labels['batch.kubernetes.io/job-completion-index']" } } }]);
    await w.advance(30_000);
    expect(status(w, 'idx')).toMatchObject({ succeeded: 4, completedIndexes: '0-3' });
    expect(conditions(w, 'idx').pop()).toBe('Complete=True CompletionsReached');
  });

  it('podFailurePolicy FailJob fails at once; Ignore does not count', async () => {
    const w = world();
    const rules = [
      { action: 'FailJob', onExitCodes: { operator: 'In', values: [42] } },
      { action: 'Ignore', onExitCodes: { operator: 'In', values: [7] } },
    ];
    w.client.create('jobs.batch', job('pf', 'exit 42', { podFailurePolicy: { rules } }));
    w.client.create('jobs.batch', job('ig', 'exit 7', { backoffLimit: 0, podFailurePolicy: { rules } }));
    await w.advance(15_000);
    expect(conditions(w, 'pf')).toEqual(['FailureTarget=True PodFailurePolicy', 'Failed=True PodFailurePolicy']);
    const msg = (status(w, 'pf').conditions as Cond[])[1].message!;
    expect(msg).toMatch(/^Container main for pod default\/pf-[a-z0-9]{5} failed with exit code 42 matching FailJob rule at index 0$/);
    // backoffLimit 0 and still running: ignored failures are not counted.
    expect(conditions(w, 'ig')).toEqual([]);
    expect(status(w, 'ig').failed).toBeUndefined();
  });

  it('ttlSecondsAfterFinished deletes the finished job and its pods', async () => {
    const w = world();
    w.client.create('jobs.batch', job('ttl', 'true', { ttlSecondsAfterFinished: 20 }));
    await w.advance(10_000);
    expect(conditions(w, 'ttl').pop()).toBe('Complete=True CompletionsReached');
    await w.advance(10_000);
    expect(w.get('jobs.batch', 'ttl')).toBeDefined();
    await w.advance(15_000);
    expect(w.get('jobs.batch', 'ttl')).toBeUndefined();
    expect(pods(w)).toHaveLength(0);
  });

  it('deleting a running job (background) lets its pods go: the finalizer is removed', async () => {
    const w = world();
    w.client.create('jobs.batch', job('bg', 'sleep 600'));
    await w.advance(5000);
    w.client.delete('jobs.batch', 'default', 'bg', { propagationPolicy: 'Background' });
    await w.advance(2000);
    const p = pods(w)[0];
    expect(p.metadata!.deletionTimestamp).toBeDefined();
    expect(p.metadata!.finalizers).toBeUndefined();
    await w.advance(40_000);
    expect(pods(w)).toHaveLength(0);
  });

  it('deleting a job without a policy orphans its pods, which lose the tracking finalizer', async () => {
    const w = world();
    w.client.create('jobs.batch', job('orph', 'sleep 600'));
    await w.advance(5000);
    w.client.delete('jobs.batch', 'default', 'orph');
    await w.advance(2000);
    expect(w.get('jobs.batch', 'orph')).toBeUndefined();
    const p = pods(w)[0];
    expect(p.metadata!.ownerReferences).toBeUndefined();
    expect(p.metadata!.finalizers).toBeUndefined();
    expect(p.metadata!.deletionTimestamp).toBeUndefined();
  });
});
