import { describe, expect, it } from 'vitest';
import { ClusterState, type PodChange } from '../../../src/ui/state/cluster.svelte';
import type { PodView } from '../../../src/worker/protocol';

function pod(key: string, node: string, extra: Partial<PodView> = {}): PodView {
  return { key, namespace: 'default', name: key, node, status: 'Running', ready: '1/1', restarts: 0, ip: '', ownerKind: 'Deployment', ownerName: 'web', created: 0, deleting: false, ...extra };
}

describe('ClusterState', () => {
  it('indexes pods by node and reports moves; untouched nodes keep their arrays', () => {
    const s = new ClusterState();
    const changes: PodChange[] = [];
    s.onPods = (c) => changes.push(c);
    s.apply([{ resource: 'pods', reset: true, upsert: [pod('b', 'n1'), pod('a', 'n1'), pod('c', 'n2')], remove: [] }]);
    expect(s.podsOn('n1').map((p) => p.key)).toEqual(['a', 'b']);
    expect(changes).toEqual([]);
    const n2 = s.podsOn('n2');
    s.apply([{ resource: 'pods', reset: false, upsert: [pod('a', 'n1', { deleting: true, status: 'Terminating' }), pod('d', 'n3')], remove: ['b'] }]);
    expect(s.podsOn('n2')).toBe(n2);
    expect(s.podsOn('n1').map((p) => p.key)).toEqual(['a']);
    expect(s.podsOn('n3').map((p) => p.key)).toEqual(['d']);
    expect(changes).toHaveLength(1);
    expect(changes[0].added.map((p) => p.key)).toEqual(['d']);
    expect(changes[0].removed.map((p) => p.key)).toEqual(['b']);
    expect(changes[0].leaving.map((p) => p.key)).toEqual(['a']);
    expect(s.podCount).toBe(3);
  });

  it('sorts nodes control plane first, then by name; keeps the newest events', () => {
    const s = new ClusterState();
    const node = (name: string, roles: string[] = []) => ({ key: name, name, status: 'Ready', ready: true, unschedulable: false, roles, power: 'on' as const, partitioned: false, cpuAllocatable: 0, memAllocatable: 0, podsAllocatable: 0, cpuRequests: 0, memRequests: 0, pods: 0, created: 0, taints: [] });
    s.apply([{ resource: 'nodes', reset: true, upsert: [node('worker-10'), node('worker-2'), node('control-plane', ['control-plane'])], remove: [] }]);
    expect(s.nodes.map((n) => n.name)).toEqual(['control-plane', 'worker-2', 'worker-10']);
    const ev = (i: number) => ({ key: `e${i}`, namespace: 'default', time: i, type: 'Normal', reason: 'R', object: 'pod/x', objectKind: 'Pod', objectName: 'x', message: '', count: 1, source: '' });
    s.apply([{ resource: 'events', reset: true, upsert: Array.from({ length: 2000 }, (_, i) => ev(i)), remove: [] }]);
    expect(s.events).toHaveLength(1500);
    expect(s.events[0].key).toBe('e500');
    expect(s.events.at(-1)!.key).toBe('e1999');
  });
});
