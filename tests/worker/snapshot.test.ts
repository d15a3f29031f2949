import { describe, expect, it } from 'vitest';
import { createCluster } from '../../src/engine/cluster';
import { inProcessSession } from '../../src/host/in-process';
import { restoreSnapshot, SnapshotError, takeSnapshot, validateSnapshot } from '../../src/worker/snapshot';
import { createRegistry } from '../../src/engine/registry/index';
import { resourceKey } from '../../src/engine/registry/types';

const known = new Set(createRegistry().all().map(resourceKey));

async function run(session: ReturnType<typeof inProcessSession>, line: string): Promise<string> {
  let out = '';
  const sink = { write: (t: string) => void (out += t) };
  await session.run(line, { stdout: sink, stderr: sink });
  return out;
}

describe('cluster snapshots', () => {
  it('restores objects, clock and machines; the restored cluster keeps working', async () => {
    const c = createCluster({ seed: 3 });
    const s = inProcessSession(c);
    await run(s, 'kubectl create deployment web --image=nginx --replicas=3');
    await run(s, 'kubeplay node add --name worker-9');
    await c.advance(30_000);
    await run(s, 'kubeplay node kill worker-2');
    await run(s, 'kubeplay node partition worker-3');
    const snap = JSON.parse(JSON.stringify(takeSnapshot(c, { startedAt: 1, speed: 10, paused: false, history: ['a'], files: [] })));
    const restored = restoreSnapshot(validateSnapshot(snap, known));
    expect(restored.clock.now()).toBe(c.clock.now());
    expect([...restored.kubelets.keys()].sort()).toEqual(['control-plane', 'worker-1', 'worker-2', 'worker-3', 'worker-9']);
    expect(restored.kubelets.get('worker-2')!.up).toBe(false);
    expect(restored.kubelets.get('worker-3')!.connected).toBe(false);
    const names = (cl: typeof c) => [...cl.store.list('pods')].map((p) => `${p.metadata!.namespace}/${p.metadata!.name}`).sort();
    expect(names(restored)).toEqual(names(c));
    const s2 = inProcessSession(restored);
    await restored.advance(20_000);
    const pods = await run(s2, 'kubectl get deploy web');
    expect(pods).toMatch(/web\s+3\/3\s+3\s+3/);
    // The dead node goes NotReady after the grace period, as it would have without the reload.
    await restored.advance(60_000);
    expect(await run(s2, 'kubectl get node worker-2')).toMatch(/worker-2\s+NotReady/);
    await run(s2, 'kubectl scale deploy web --replicas=5');
    await restored.advance(20_000);
    // UP-TO-DATE 5: the controllers act on the restored objects (readiness of the pod on the dead node
    // depends on the node lifecycle controller, as without a reload).
    expect(await run(s2, 'kubectl get deploy web')).toMatch(/web\s+\d\/5\s+5\s/);
    expect((await run(s2, 'kubectl get pods --no-headers')).trim().split('\n')).toHaveLength(5);
  });

  it.each([
    ['not an object', null, 'the saved data is not a kubeplay snapshot'],
    ['another format', { format: 'x' }, 'the saved data is not a kubeplay snapshot'],
    ['another version', { format: 'kubeplay-snapshot', version: 99 }, 'the saved cluster is from an incompatible version (99)'],
    ['bad clock', { format: 'kubeplay-snapshot', version: 1, now: 'x', objects: [], machines: [] }, 'the saved cluster is damaged'],
    ['bad object', { format: 'kubeplay-snapshot', version: 1, now: 1, objects: [{ resource: 'pods', object: {} }], machines: [] }, 'the saved cluster is damaged'],
    ['unknown resource', { format: 'kubeplay-snapshot', version: 1, now: 1, objects: [{ resource: 'widgets.example.com', object: { metadata: { name: 'a' } } }], machines: [] }, 'the saved cluster has objects this version does not know (widgets.example.com)'],
  ])('rejects %s', (_name, value, message) => {
    expect(() => validateSnapshot(value, known)).toThrow(new SnapshotError(message));
  });
});
