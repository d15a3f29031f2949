// The bench scenarios on a small cluster: each one reaches its end state, in simulated times that follow
// from the engine's model (node grace period, the 300 s unreachable toleration), and reports its figures.

import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../src/cli/bench-args';
import { converge } from '../../src/cli/bench-converge';
import { rolloutScenario } from '../../src/cli/bench-rollout';
import { chaosScenario, chaosVictims } from '../../src/cli/bench-chaos';
import { listScenario, timedList, TABLE_ACCEPT, watchScenario } from '../../src/cli/bench-api';
import { imageOf, isRunningReady, median, NAMESPACE } from '../../src/cli/bench-workload';

const quiet = () => {};
const small = ['--nodes', '4', '--pods', '40', '--per-deployment', '10'];

describe('chaosVictims', () => {
  it.each([
    [10, 10, ['worker-10']],
    [3, 10, ['worker-3']],
    [100, 10, ['worker-10', 'worker-20', 'worker-30', 'worker-40', 'worker-50', 'worker-60', 'worker-70', 'worker-80', 'worker-90', 'worker-100']],
    [4, 50, ['worker-2', 'worker-4']],
    [5, 100, ['worker-1', 'worker-2', 'worker-3', 'worker-4', 'worker-5']],
  ])('%i workers, %i %%', (nodes, percent, want) => {
    expect(chaosVictims(nodes, percent)).toEqual(want);
  });
});

describe('median', () => {
  it.each([
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
  ])('%j → %d', (xs, want) => expect(median(xs)).toBe(want));
});

describe('bench scenarios', () => {
  it('converge: every pod Running and Ready, the figures add up', async () => {
    const run = await converge(parseBenchArgs(small), quiet);
    expect(run.ok).toBe(true);
    expect(run.figures).toMatchObject({ nodes: 4, pods: 40, runningPods: 40, scheduledSimSeconds: 1 });
    expect(run.cluster.store.count('deployments.apps', NAMESPACE)).toBe(4);
    const pods = [...run.cluster.store.list('pods', NAMESPACE)];
    expect(pods.filter(isRunningReady)).toHaveLength(40);
    // The bench's node shape: 4 CPU, 8Gi, 110 pods.
    const node = run.cluster.store.get('nodes', undefined, 'worker-1') as { status: { allocatable: Record<string, string> } };
    expect(node.status.allocatable).toMatchObject({ cpu: '4', pods: '110' });
  });

  it('rollout: every pod replaced by one on the new image, the old ones gone', async () => {
    const args = parseBenchArgs([...small, '--scenario', 'rollout']);
    const run = await converge(args, quiet);
    const r = await rolloutScenario(run.cluster, args, quiet);
    expect(r.ok).toBe(true);
    expect(r.figures.rolloutReadyPods).toBe(40);
    const pods = [...run.cluster.store.list('pods', NAMESPACE)];
    expect(pods).toHaveLength(40);
    expect(new Set(pods.map(imageOf))).toEqual(new Set(['nginx:1.28']));
  });

  it('chaos: pods come back on live nodes after the grace period and the 300 s toleration', async () => {
    const args = parseBenchArgs([...small, '--scenario', 'chaos', '--chaos-percent', '25']);
    const run = await converge(args, quiet);
    const r = await chaosScenario(run.cluster, args, quiet);
    expect(r.ok).toBe(true);
    expect(r.figures.chaosNodes).toBe(1);
    expect(r.figures.chaosDisplacedPods).toBeGreaterThan(0);
    const notReady = r.figures.chaosNotReadySimSeconds as number;
    const evict = r.figures.chaosEvictSimSeconds as number;
    expect(notReady).toBeGreaterThanOrEqual(40);
    expect(notReady).toBeLessThanOrEqual(60);
    expect(evict - notReady).toBeGreaterThanOrEqual(295);
    expect(r.figures.chaosSimSeconds as number).toBeGreaterThanOrEqual(evict);
    const serving = [...run.cluster.store.list('pods', NAMESPACE)].filter((p) => isRunningReady(p) && (p.spec as { nodeName: string }).nodeName !== 'worker-4');
    expect(serving).toHaveLength(40);
  });

  it('list: whole and chunked Table lists agree on the rows', async () => {
    const args = parseBenchArgs([...small, '--nodes', '2', '--scenario', 'list', '--repeat', '1']);
    const run = await converge(args, quiet);
    const whole = timedList(run.cluster, TABLE_ACCEPT, undefined);
    const chunked = timedList(run.cluster, TABLE_ACCEPT, 7);
    expect(whole).toMatchObject({ items: 40, chunks: 1 });
    expect(chunked).toMatchObject({ items: 40, chunks: 6 });
    const r = await listScenario(run.cluster, args, quiet);
    expect(r.figures).toMatchObject({ listRepeat: 1 });
    expect(typeof r.figures.kubectlGetPodsMs).toBe('number');
  });

  it('watch: every watcher sees the same events', async () => {
    const args = parseBenchArgs([...small, '--scenario', 'watch', '--watchers', '3', '--no-baseline', '--encode']);
    const w = await watchScenario(args, quiet);
    expect(w.ok).toBe(true);
    const events = w.figures.watchEvents as number;
    expect(events).toBeGreaterThan(3 * 40);
    expect(events % 3).toBe(0);
    expect(w.figures.watchEventsPerWatcher).toBe(events / 3);
    expect(w.figures.watchMB).not.toBeNull();
    expect(w.figures.baselineConvergeMs).toBeUndefined();
  });
});
