// Cluster Autoscaler planning: which pending pods trigger how many nodes, which nodes can go, and the
// status document's format.

import { describe, expect, it } from 'vitest';
import type { Node } from 'kubernetes-types/core/v1';
import { planScaleUp, reasonsMessage, MAX_LIMIT_REACHED } from '../../../src/engine/autoscaler/scale-up';
import { findRemovable, blocksRemoval, type PDBObj } from '../../../src/engine/autoscaler/scale-down';
import { occupy, slotFor, type PodObj, type Slot } from '../../../src/engine/autoscaler/simulator';
import { goTimeString, statusYaml } from '../../../src/engine/autoscaler/status';

function node(name: string, cpu = '4', memory = '8Gi', extra: Partial<Node> = {}): Node {
  return {
    metadata: { name, labels: { 'kubernetes.io/hostname': name } },
    status: { allocatable: { cpu, memory, pods: '110' }, conditions: [{ type: 'Ready', status: 'True' }] },
    ...extra,
  };
}

let n = 0;
function pod(cpu: string, memory = '64Mi', o: { owner?: string; ns?: string; nodeSelector?: Record<string, string>; annotations?: Record<string, string>; emptyDir?: boolean; labels?: Record<string, string> } = {}): PodObj {
  return {
    metadata: {
      name: `p${++n}`,
      namespace: o.ns ?? 'default',
      uid: `u${n}`,
      labels: o.labels ?? { app: 'x' },
      annotations: o.annotations,
      ownerReferences: o.owner ? [{ apiVersion: 'apps/v1', kind: o.owner, name: 'o', uid: 'o', controller: true }] : undefined,
    },
    spec: {
      nodeSelector: o.nodeSelector,
      containers: [{ name: 'c', image: 'x', resources: { requests: { cpu, memory } } }],
      volumes: o.emptyDir ? [{ name: 'tmp', emptyDir: {} }] : undefined,
    },
  } as PodObj;
}

const template = () => slotFor(node('template'));

describe('planScaleUp', () => {
  it('packs pending pods onto as few new nodes as fit (first fit decreasing)', () => {
    const pending = [pod('1500m'), pod('1500m'), pod('3'), pod('1'), pod('500m')];
    const plan = planScaleUp(pending, [], [], template, 10);
    // 3 + 1 on one node, 1.5 + 1.5 + 0.5 on another.
    expect(plan.newNodes).toBe(2);
    expect(plan.triggering).toEqual(pending);
    expect(plan.noScaleUp).toEqual([]);
  });

  it('ignores pods that fit on existing or upcoming nodes', () => {
    const existing = slotFor(node('worker-1'));
    occupy(existing, pod('3'));
    const upcoming = [template()];
    const pending = [pod('1'), pod('3'), pod('2')];
    const plan = planScaleUp(pending, [existing], upcoming, template, 10);
    // 1 fits on worker-1, 3 on the upcoming node, 2 needs a new one.
    expect(plan.newNodes).toBe(1);
    expect(plan.triggering).toEqual([pending[2]]);
  });

  it('gives reasons for pods no new node could hold, and caps at the max size', () => {
    const tooBig = pod('6', '64Mi');
    const selector = pod('1', '64Mi', { nodeSelector: { disk: 'ssd' } });
    const plan = planScaleUp([tooBig, selector, pod('3'), pod('3'), pod('3')], [], [], template, 2);
    expect(plan.noScaleUp.map((x) => reasonsMessage(x.reasons))).toEqual(['1 Insufficient cpu', "1 node(s) didn't match Pod's node affinity/selector"]);
    expect(plan.newNodes).toBe(2);
    expect(plan.triggering).toHaveLength(2);
    const full = planScaleUp([pod('3')], [], [], template, 0);
    expect(full.noScaleUp[0].reasons).toEqual([MAX_LIMIT_REACHED]);
    expect(reasonsMessage(full.noScaleUp[0].reasons)).toBe('1 max node group size reached');
  });

  it('reports memory and cpu together', () => {
    const plan = planScaleUp([pod('5', '16Gi')], [], [], template, 3);
    expect(reasonsMessage(plan.noScaleUp[0].reasons)).toBe('1 Insufficient cpu, 1 Insufficient memory');
  });
});

describe('findRemovable', () => {
  function cluster(placement: Record<string, PodObj[]>): { slots: Map<string, Slot>; pods: Map<string, PodObj[]> } {
    const slots = new Map<string, Slot>();
    const pods = new Map<string, PodObj[]>();
    for (const [name, list] of Object.entries(placement)) {
      const s = slotFor(node(name));
      for (const p of list) occupy(s, p);
      slots.set(name, s);
      pods.set(name, list);
    }
    return { slots, pods };
  }

  it('removes underused nodes whose pods fit elsewhere, reserving the room they take', () => {
    const { slots, pods } = cluster({
      a: [pod('1500m', '64Mi', { owner: 'ReplicaSet' })],
      b: [pod('1500m', '64Mi', { owner: 'ReplicaSet' })],
      c: [pod('1500m', '64Mi', { owner: 'ReplicaSet' })],
      d: [],
    });
    const r = findRemovable(['a', 'b', 'c', 'd'], slots, pods, [], 0.5, new Set());
    // a moves to b (now 75 % used); c moves to d, and d would have to move c's pod again: no room left.
    expect(r.map((x) => [x.name, x.podsToMove.length])).toEqual([
      ['a', 1],
      ['c', 1],
    ]);
  });

  it('keeps nodes at or above 50 % and empty nodes go with no pods to move', () => {
    const { slots, pods } = cluster({ a: [pod('2', '64Mi', { owner: 'ReplicaSet' })], b: [] });
    expect(findRemovable(['a', 'b'], slots, pods, [], 0.5, new Set()).map((x) => x.name)).toEqual(['b']);
  });

  const blockers: [string, PodObj, string | undefined][] = [
    ['replicated', pod('1', '64Mi', { owner: 'ReplicaSet' }), undefined],
    ['bare pod', pod('1'), 'NotReplicated'],
    ['kube-system without a budget', pod('1', '64Mi', { owner: 'ReplicaSet', ns: 'kube-system' }), 'UnmovableKubeSystemPod'],
    ['local storage', pod('1', '64Mi', { owner: 'ReplicaSet', emptyDir: true }), 'LocalStorageRequested'],
    ['safe-to-evict false', pod('1', '64Mi', { owner: 'ReplicaSet', annotations: { 'cluster-autoscaler.kubernetes.io/safe-to-evict': 'false' } }), 'NotSafeToEvictAnnotation'],
    ['safe-to-evict true beats the rules', pod('1', '64Mi', { emptyDir: true, annotations: { 'cluster-autoscaler.kubernetes.io/safe-to-evict': 'true' } }), undefined],
  ];
  for (const [name, p, reason] of blockers) it(`drainability: ${name}`, () => expect(blocksRemoval(p, [])).toBe(reason));

  it('respects budgets that allow no disruption', () => {
    const p = pod('1', '64Mi', { owner: 'ReplicaSet', labels: { app: 'db' } });
    const pdb = (allowed: number) => ({ metadata: { name: 'b', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'db' } } }, status: { disruptionsAllowed: allowed } }) as unknown as PDBObj;
    expect(blocksRemoval(p, [pdb(0)])).toBe('NotEnoughPdb');
    expect(blocksRemoval(p, [pdb(1)])).toBeUndefined();
  });

  it('does not remove a node whose pods have nowhere to go', () => {
    const { slots, pods } = cluster({ a: [pod('1500m', '64Mi', { owner: 'ReplicaSet' })], b: [pod('3', '64Mi', { owner: 'ReplicaSet' })] });
    expect(findRemovable(['a'], slots, pods, [], 0.5, new Set())).toEqual([]);
  });
});

describe('status document', () => {
  it("formats times as cluster-autoscaler's yaml.v2 output does", () => {
    expect(goTimeString(Date.UTC(2025, 0, 1, 0, 10, 5, 500))).toBe('2025-01-01 00:10:05.5 +0000 UTC');
    expect(goTimeString(Date.UTC(2025, 0, 1, 0, 10, 5))).toBe('2025-01-01 00:10:05 +0000 UTC');
    const t = Date.UTC(2025, 0, 1);
    const tr = (status: string) => ({ status, lastProbeTime: t + 1500, lastTransitionTime: t });
    const counts = { registeredTotal: 4, ready: 3, notStarted: 0, beingDeleted: 1, unready: 1, longUnregistered: 0, unregistered: 1 };
    expect(statusYaml({ time: t, autoscalerStatus: 'Initializing' })).toBe('time: 2025-01-01 00:00:00 +0000 UTC\nautoscalerStatus: Initializing\n');
    const doc = statusYaml({
      time: t + 1500,
      autoscalerStatus: 'Running',
      clusterWide: { health: { ...tr('Healthy'), counts }, scaleUp: tr('InProgress'), scaleDown: { ...tr('CandidatesPresent'), candidates: 2 } },
      nodeGroups: [{ name: 'workers', health: { ...tr('Healthy'), counts, target: 5, minSize: 3, maxSize: 10 }, scaleUp: tr('InProgress'), scaleDown: { ...tr('NoCandidates'), candidates: 0 } }],
    });
    expect(doc).toBe(
      [
        'time: 2025-01-01 00:00:01.5 +0000 UTC',
        'autoscalerStatus: Running',
        'clusterWide:',
        '  health:',
        '    status: Healthy',
        '    nodeCounts:',
        '      registered:',
        '        total: 4',
        '        ready: 3',
        '        notStarted: 0',
        '        beingDeleted: 1',
        '        unready:',
        '          total: 1',
        '          resourceUnready: 0',
        '      longUnregistered: 0',
        '      unregistered: 1',
        '    lastProbeTime: "2025-01-01T00:00:01.5Z"',
        '    lastTransitionTime: "2025-01-01T00:00:00Z"',
        '  scaleUp:',
        '    status: InProgress',
        '    lastProbeTime: "2025-01-01T00:00:01.5Z"',
        '    lastTransitionTime: "2025-01-01T00:00:00Z"',
        '  scaleDown:',
        '    status: CandidatesPresent',
        '    candidates: 2',
        '    lastProbeTime: "2025-01-01T00:00:01.5Z"',
        '    lastTransitionTime: "2025-01-01T00:00:00Z"',
        'nodeGroups:',
        '- name: workers',
        '  health:',
        '    status: Healthy',
        '    nodeCounts:',
        '      registered:',
        '        total: 4',
        '        ready: 3',
        '        notStarted: 0',
        '        beingDeleted: 1',
        '        unready:',
        '          total: 1',
        '          resourceUnready: 0',
        '      longUnregistered: 0',
        '      unregistered: 1',
        '    cloudProviderTarget: 5',
        '    minSize: 3',
        '    maxSize: 10',
        '    lastProbeTime: "2025-01-01T00:00:01.5Z"',
        '    lastTransitionTime: "2025-01-01T00:00:00Z"',
        '  scaleUp:',
        '    status: InProgress',
        '    lastProbeTime: "2025-01-01T00:00:01.5Z"',
        '    lastTransitionTime: "2025-01-01T00:00:00Z"',
        '  scaleDown:',
        '    status: NoCandidates',
        '    lastProbeTime: "2025-01-01T00:00:01.5Z"',
        '    lastTransitionTime: "2025-01-01T00:00:00Z"',
        '',
      ].join('\n'),
    );
  });
});
