import { describe, expect, it } from 'vitest';
import { world, type World } from '../job/world';
import type { KubeObject } from '../../../../src/engine/api/types';
import { mostRecentScheduleTime, nextScheduleTimeDuration, type CronJobObj } from '../../../../src/engine/controllers/cronjob/utils';
import { parseSchedule } from '../../../../src/engine/controllers/cronjob/schedule';

type Obj = KubeObject & { spec?: Record<string, unknown>; status?: Record<string, unknown> };

function cronjob(name: string, schedule: string, script: string, spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name, namespace: 'default' },
    spec: {
      schedule,
      jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', script] }], restartPolicy: 'OnFailure' } } } },
      ...spec,
    },
  };
}

const jobNames = (w: World) =>
  w
    .list<Obj>('jobs.batch')
    .map((j) => j.metadata!.name!)
    .sort();
const cjStatus = (w: World, name: string) => w.get<Obj>('cronjobs.batch', name)!.status!;
// The cluster starts at 2025-01-01T00:00:45Z; minute m after midnight is job suffix 28928160 + m.
const minute = (m: number) => String(28928160 + m);

describe('CronJob controller', () => {
  it('creates <name>-<unix minutes> jobs on schedule and keeps the history limits', async () => {
    const w = world();
    w.client.create('cronjobs.batch', cronjob('hello', '* * * * *', 'echo hi', { successfulJobsHistoryLimit: 2 }));
    await w.advance(14_000);
    expect(jobNames(w)).toEqual([]);
    await w.advance(2_000);
    expect(jobNames(w)).toEqual([`hello-${minute(1)}`]);
    const job = w.get<Obj>('jobs.batch', `hello-${minute(1)}`)!;
    expect(job.metadata!.annotations).toEqual({ 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2025-01-01T00:01:00Z' });
    expect(job.metadata!.ownerReferences).toMatchObject([{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', controller: true, blockOwnerDeletion: true }]);
    expect(Date.parse(job.metadata!.creationTimestamp!)).toBe(Date.parse('2025-01-01T00:01:00Z'));
    expect(cjStatus(w, 'hello').lastScheduleTime).toBe('2025-01-01T00:01:00Z');
    await w.advance(4 * 60_000 + 15_000);
    expect(jobNames(w)).toEqual([`hello-${minute(4)}`, `hello-${minute(5)}`]);
    const st = cjStatus(w, 'hello');
    expect(st.active).toBeUndefined();
    expect(st.lastScheduleTime).toBe('2025-01-01T00:05:00Z');
    expect(st.lastSuccessfulTime).toMatch(/^2025-01-01T00:05:0\dZ$/);
    const evs = w.events('CronJob', 'hello');
    expect(evs.slice(0, 2)).toEqual([`SuccessfulCreate Created job hello-${minute(1)}`, `SawCompletedJob Saw completed job: hello-${minute(1)}, condition: Complete`]);
    expect(evs).toContain(`SuccessfulDelete Deleted job hello-${minute(1)}`);
  });

  it('Forbid skips a start while the previous job runs; Replace deletes it', async () => {
    const w = world();
    w.client.create('cronjobs.batch', cronjob('forbid', '* * * * *', 'sleep 90', { concurrencyPolicy: 'Forbid' }));
    w.client.create('cronjobs.batch', cronjob('replace', '* * * * *', 'sleep 90', { concurrencyPolicy: 'Replace' }));
    await w.advance(80_000);
    expect(jobNames(w)).toEqual([`forbid-${minute(1)}`, `replace-${minute(2)}`]);
    expect(w.events('CronJob', 'forbid')).toContain('JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid');
    expect(w.events('CronJob', 'replace')).toContain(`SuccessfulDelete Deleted job replace-${minute(1)}`);
    const active = (cjStatus(w, 'replace').active as { name: string }[]).map((r) => r.name);
    expect(active).toEqual([`replace-${minute(2)}`]);
  });

  it('suspend stops new jobs; resuming within startingDeadlineSeconds starts the missed one', async () => {
    const w = world();
    w.client.create('cronjobs.batch', cronjob('s', '* * * * *', 'true', { suspend: true, startingDeadlineSeconds: 30 }));
    await w.advance(100_000);
    expect(jobNames(w)).toEqual([]);
    const cur = w.get<Obj>('cronjobs.batch', 's')!;
    // 00:02:25: the 00:02 start is within the deadline.
    w.client.update('cronjobs.batch', { ...cur, spec: { ...cur.spec, suspend: false } });
    await w.advance(1000);
    expect(jobNames(w)).toEqual([`s-${minute(2)}`]);
  });

  it('a start missed by more than startingDeadlineSeconds is not made up for', async () => {
    const w = world();
    w.client.create('cronjobs.batch', cronjob('late', '* * * * *', 'true', { suspend: true, startingDeadlineSeconds: 10 }));
    await w.advance(40_000);
    const cur = w.get<Obj>('cronjobs.batch', 'late')!;
    // Resumed at 00:01:25: the 00:01 start lies before now − 10 s, so it is not even considered.
    w.client.update('cronjobs.batch', { ...cur, spec: { ...cur.spec, suspend: false } });
    await w.advance(1000);
    expect(jobNames(w)).toEqual([]);
    expect(w.events('CronJob', 'late')).toEqual([]);
    await w.advance(40_000);
    expect(jobNames(w)).toEqual([`late-${minute(2)}`]);
  });

  it('a job made from the cron job by hand is reported as unexpected, not adopted into active', async () => {
    const w = world();
    const cj = w.client.create<Obj>('cronjobs.batch', cronjob('m', '0 * * * *', 'sleep 20'));
    const spec = (cj.spec!.jobTemplate as { spec: unknown }).spec;
    w.client.create('jobs.batch', {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: 'manual',
        namespace: 'default',
        annotations: { 'cronjob.kubernetes.io/instantiate': 'manual' },
        ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'm', uid: cj.metadata!.uid!, controller: true }],
      },
      spec,
    });
    await w.advance(60_000);
    expect(w.events('CronJob', 'm')[0]).toBe('UnexpectedJob Saw a job that the controller did not create or forgot: manual');
    const st = cjStatus(w, 'm');
    expect(st.active).toBeUndefined();
    expect(st.lastSuccessfulTime).toBeDefined();
    const job = w.get<Obj>('jobs.batch', 'manual')!;
    expect(((job.status!.conditions as { type: string }[]) ?? []).map((c) => c.type)).toEqual(['SuccessCriteriaMet', 'Complete']);
  });

  it('timeZone: the schedule is read in the zone; the annotation carries its offset', async () => {
    const w = world();
    // 01:05 in Berlin is 00:05 UTC.
    w.client.create('cronjobs.batch', cronjob('tz', '5 1 * * *', 'true', { timeZone: 'Europe/Berlin' }));
    await w.advance(5 * 60_000);
    expect(jobNames(w)).toEqual([`tz-${minute(5)}`]);
    expect(w.get<Obj>('jobs.batch', `tz-${minute(5)}`)!.metadata!.annotations!['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe('2025-01-01T01:05:00+01:00');
  });

  it('an active job deleted by someone else goes missing from status', async () => {
    const w = world();
    w.client.create('cronjobs.batch', cronjob('gone', '* * * * *', 'sleep 300'));
    await w.advance(20_000);
    w.client.delete('jobs.batch', 'default', `gone-${minute(1)}`, { propagationPolicy: 'Background' });
    await w.advance(1000);
    expect(w.events('CronJob', 'gone')).toContain(`MissingJob Active job went missing: gone-${minute(1)}`);
    expect(cjStatus(w, 'gone').active).toBeUndefined();
  });
});

describe('missed schedule arithmetic', () => {
  const created = '2025-01-01T00:00:00Z';
  const cj = (last?: string, sds?: number): CronJobObj => ({
    metadata: { name: 'x', creationTimestamp: created },
    spec: { schedule: '* * * * *', jobTemplate: {}, startingDeadlineSeconds: sds },
    status: last ? { lastScheduleTime: last } : {},
  });
  const sched = parseSchedule('* * * * *');
  const t = (s: string) => Date.parse(s);

  it.each([
    ['before the first start', undefined, undefined, '2025-01-01T00:00:30Z', undefined, 'none'],
    ['one due', undefined, undefined, '2025-01-01T00:01:30Z', '2025-01-01T00:01:00Z', 'none'],
    ['a few missed', undefined, undefined, '2025-01-01T00:10:30Z', '2025-01-01T00:10:00Z', 'few'],
    ['many missed', undefined, undefined, '2025-01-01T03:00:30Z', '2025-01-01T03:00:00Z', 'many'],
    ['deadline bounds the count', undefined, 300, '2025-01-01T03:00:30Z', '2025-01-01T03:00:00Z', 'few'],
    ['since the last schedule', '2025-01-01T00:09:00Z', undefined, '2025-01-01T00:10:30Z', '2025-01-01T00:10:00Z', 'none'],
  ])('%s', (_name, last, sds, now, want, missed) => {
    const r = mostRecentScheduleTime(cj(last, sds), t(now), sched, true);
    expect(r.mostRecent === undefined ? undefined : new Date(r.mostRecent).toISOString().replace('.000Z', 'Z')).toBe(want);
    expect(r.missed).toBe(missed);
  });

  it('requeues 100 ms after the next start', () => {
    expect(nextScheduleTimeDuration(cj('2025-01-01T00:01:00Z'), t('2025-01-01T00:01:00.100Z'), sched)).toBe(60_000);
    expect(nextScheduleTimeDuration(cj(), t('2025-01-01T00:00:45Z'), sched)).toBe(15_100);
  });

  it('reports TooManyMissedTimes when more than 100 starts were missed', async () => {
    const w = world();
    const created = w.client.create<Obj>('cronjobs.batch', cronjob('old', '* * * * *', 'true', { suspend: true }));
    w.client.updateStatus('cronjobs.batch', { ...created, status: { lastScheduleTime: '2024-12-31T20:00:00Z' } });
    const cur = w.get<Obj>('cronjobs.batch', 'old')!;
    w.client.update('cronjobs.batch', { ...cur, spec: { ...cur.spec, suspend: false } });
    await w.advance(1000);
    expect(w.events('CronJob', 'old')).toContain('TooManyMissedTimes too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew');
    expect(jobNames(w)).toEqual([`old-${minute(0)}`]);
  });
});
