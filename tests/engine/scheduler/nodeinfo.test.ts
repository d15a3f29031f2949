// The scheduler cache's per-domain owner counts (what PodTopologySpread's default constraints read) stay
// equal to a fresh count through binds, deletions and node label changes.
import { describe, expect, it } from 'vitest';
import { Store } from '../../../src/engine/store/store';
import { SchedulerCache } from '../../../src/engine/scheduler/nodeinfo';
import type { KubeObject } from '../../../src/engine/api/types';

const HOST = 'kubernetes.io/hostname';
const ZONE = 'topology.kubernetes.io/zone';

function node(name: string, labels: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, labels, uid: `n-${name}` }, status: { allocatable: { cpu: '4', memory: '8Gi', pods: '110' } } };
}

function pod(name: string, owner: string, nodeName?: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `p-${name}`, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: owner, uid: owner, controller: true }] },
    spec: nodeName ? { nodeName, containers: [{ name: 'c' }] } : { containers: [{ name: 'c' }] },
  };
}

/** The counts computed from scratch, as PodTopologySpread did before the cache kept them. */
function fresh(cache: SchedulerCache, owner: string, key: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const [n, c] of cache.ownerCounts.get(owner) ?? []) {
    const v = cache.nodes.get(n)?.node?.metadata?.labels?.[key] ?? (key === HOST ? n : undefined);
    if (v !== undefined) out.set(v, (out.get(v) ?? 0) + c);
  }
  return out;
}

const sorted = (m: ReadonlyMap<string, number>) => [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1));

describe('SchedulerCache.domainCounts', () => {
  it('follows binds, deletions and label changes', () => {
    const s = new Store();
    s.register('nodes');
    s.register('pods');
    s.create('nodes', node('n1', { [ZONE]: 'a', [HOST]: 'host-1' }));
    s.create('nodes', node('n2', { [ZONE]: 'a' }));
    s.create('nodes', node('n3', { [ZONE]: 'b' }));
    const cache = new SchedulerCache(s);
    const check = () => {
      for (const key of [HOST, ZONE, 'other']) expect(sorted(cache.domainCounts('rs1', key))).toEqual(sorted(fresh(cache, 'rs1', key)));
    };
    const steps: (() => void)[] = [
      () => s.create('pods', pod('a', 'rs1', 'n1')),
      () => s.create('pods', pod('b', 'rs1', 'n2')),
      () => s.create('pods', pod('c', 'rs1', 'n3')),
      () => s.create('pods', pod('d', 'rs2', 'n3')),
      () => s.create('pods', pod('e', 'rs1')),
      () => {
        const e = s.get('pods', 'default', 'e')!;
        s.update('pods', { ...e, spec: { ...(e.spec as object), nodeName: 'n2' } });
      },
      () => s.delete('pods', 'default', 'b'),
      () => {
        const n = s.get('nodes', undefined, 'n2')!;
        s.update('nodes', { ...n, metadata: { ...n.metadata, labels: { [ZONE]: 'b', [HOST]: 'host-2' } } });
      },
      () => s.delete('nodes', undefined, 'n3'),
      () => s.delete('pods', 'default', 'a'),
    ];
    check();
    for (const step of steps) {
      step();
      check();
    }
    expect(sorted(cache.domainCounts('rs1', ZONE))).toEqual([['b', 1]]);
    expect(sorted(cache.domainCounts('rs1', HOST))).toEqual([['host-2', 1], ['n3', 1]]);
  });
});
