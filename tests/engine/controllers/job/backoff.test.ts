import { describe, expect, it } from 'vitest';
import { BackoffStore, finishedTime, remainingBackoff } from '../../../../src/engine/controllers/job/backoff';
import type { Pod } from 'kubernetes-types/core/v1';

const T0 = Date.UTC(2025, 0, 1);
const finished = (s: number): Pod => ({
  metadata: { creationTimestamp: new Date(T0).toISOString() },
  status: { containerStatuses: [{ name: 'c', image: 'x', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: 1, finishedAt: new Date(T0 + s * 1000).toISOString() } } }] },
});

describe('job pod failure backoff', () => {
  it.each([
    [0, 0, 0],
    [1, 0, 10_000],
    [1, 4, 6_000],
    [2, 0, 20_000],
    [3, 0, 40_000],
    [6, 0, 320_000],
    [7, 0, 600_000],
    [20, 0, 600_000],
    [1, 15, 0],
  ])('%d failures, %ds since the last → wait %d ms', (failures, since, want) => {
    expect(remainingBackoff({ key: 'k', failuresAfterLastSuccess: failures, lastFailureTime: T0 }, T0 + since * 1000)).toBe(want);
  });

  it('counts failures after the last success and resets on success', () => {
    const store = new BackoffStore();
    let rec = store.next('k', [], [finished(5), finished(3)]);
    expect(rec).toEqual({ key: 'k', failuresAfterLastSuccess: 2, lastFailureTime: T0 + 5000 });
    store.update(rec);
    rec = store.next('k', [finished(10)], [finished(8), finished(12)]);
    expect(rec).toEqual({ key: 'k', failuresAfterLastSuccess: 1, lastFailureTime: T0 + 12_000 });
  });

  it('takes the finish time from containers, else Ready=False, else the deletion, else creation', () => {
    expect(finishedTime(finished(7))).toBe(T0 + 7000);
    const ready: Pod = { metadata: { creationTimestamp: new Date(T0).toISOString() }, status: { conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: new Date(T0 + 9000).toISOString() }] } };
    expect(finishedTime(ready)).toBe(T0 + 9000);
    const deleted: Pod = { metadata: { creationTimestamp: new Date(T0).toISOString(), deletionTimestamp: new Date(T0 + 40_000).toISOString(), deletionGracePeriodSeconds: 30 } };
    expect(finishedTime(deleted)).toBe(T0 + 10_000);
  });
});
