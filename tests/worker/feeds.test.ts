import { describe, expect, it, vi } from 'vitest';
import { createCluster } from '../../src/engine/cluster';
import { inProcessSession } from '../../src/host/in-process';
import { FeedHub } from '../../src/worker/feeds';
import type { FeedBatch, NodeView, PodView } from '../../src/worker/protocol';

describe('FeedHub', () => {
  it('sends a full reset, then only what changed; node sums follow pods', async () => {
    vi.useFakeTimers();
    try {
      const c = createCluster({ seed: 2 });
      const batches: FeedBatch[][] = [];
      const hub = new FeedHub(c, (b) => batches.push(b));
      hub.subscribe(['pods', 'nodes', 'deployments']);
      vi.advanceTimersByTime(60);
      const first = batches.shift()!;
      const nodes = first.find((b) => b.resource === 'nodes')!;
      expect(nodes.reset).toBe(true);
      expect((nodes.upsert as NodeView[]).map((n) => n.name).sort()).toEqual(['control-plane', 'worker-1', 'worker-2', 'worker-3']);
      const cp = (nodes.upsert as NodeView[]).find((n) => n.name === 'control-plane')!;
      // etcd 100m + apiserver 250m + controller-manager 200m + scheduler 100m (kube-proxy requests nothing)
      expect(cp.cpuRequests).toBe(650);
      expect(cp.pods).toBe(5);

      const s = inProcessSession(c);
      await s.run('kubectl create deployment web --image=nginx --replicas=2', { stdout: { write: () => {} }, stderr: { write: () => {} } });
      await c.advance(20_000);
      vi.advanceTimersByTime(60);
      const all = batches.flat();
      const pods = all.filter((b) => b.resource === 'pods').flatMap((b) => b.upsert as PodView[]);
      const web = pods.filter((p) => p.ownerName === 'web');
      expect(web.length).toBeGreaterThan(0);
      expect(web.every((p) => p.ownerKind === 'Deployment')).toBe(true);
      expect(all.every((b) => !b.reset)).toBe(true);
      const last = new Map<string, PodView>();
      for (const p of pods) last.set(p.key, p);
      expect([...last.values()].filter((p) => p.ownerName === 'web' && p.status === 'Running')).toHaveLength(2);

      batches.length = 0;
      c.kubelets.get('worker-1')!.powerOff();
      vi.advanceTimersByTime(60);
      hub.flush();
      const nodeViews = batches.flat().filter((b) => b.resource === 'nodes').flatMap((b) => b.upsert as NodeView[]);
      expect(nodeViews.find((n) => n.name === 'worker-1')?.power).toBe('off');
      hub.dispose();
    } finally {
      vi.useRealTimers();
    }
  });
});
