// Pod selection for logs/exec: selectors from workloads, kubectl's pod orderings, container defaults.

import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { allContainerNames, findContainer, podSelectorFor, selectorString, sortPods } from '../../../../src/terminal/kubectl/commands/pod-for-object';

function pod(name: string, o: { node?: string; phase?: string; ready?: boolean; readyAt?: string; restarts?: number; created?: string; deleting?: string } = {}): Pod {
  return {
    metadata: { name, creationTimestamp: o.created ?? '2025-01-01T00:00:00Z', deletionTimestamp: o.deleting },
    spec: { nodeName: o.node, containers: [{ name: 'c' }] },
    status: {
      phase: o.phase ?? 'Running',
      conditions: o.ready === undefined ? [] : [{ type: 'Ready', status: o.ready ? 'True' : 'False', lastTransitionTime: o.readyAt ?? '2025-01-01T00:00:10Z' }],
      containerStatuses: [{ name: 'c', restartCount: o.restarts ?? 0, image: '', imageID: '', ready: !!o.ready }],
    },
  } as Pod;
}

describe('selectorString', () => {
  it.each([
    [{ matchLabels: { b: '2', a: '1' } }, 'a=1,b=2'],
    [{ matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }] }, 'env in (dev,prod)'],
    [{ matchExpressions: [{ key: 'x', operator: 'Exists' }, { key: 'a', operator: 'DoesNotExist' }] }, '!a,x'],
    [{ matchLabels: { z: '1' }, matchExpressions: [{ key: 'k', operator: 'NotIn', values: ['v'] }] }, 'k notin (v),z=1'],
  ])('%j → %s', (sel, want) => expect(selectorString(sel)).toBe(want));
});

describe('podSelectorFor', () => {
  it('uses the spec selector of workloads and services', () => {
    expect(podSelectorFor({ kind: 'Deployment', spec: { selector: { matchLabels: { app: 'web' } } } })).toBe('app=web');
    expect(podSelectorFor({ kind: 'Service', spec: { selector: { app: 'db', tier: 'x' } } })).toBe('app=db,tier=x');
  });
  it('refuses services without a selector and kinds without pods', () => {
    expect(() => podSelectorFor({ kind: 'Service', metadata: { name: 'ext' }, spec: {} })).toThrow("invalid service 'ext': Service is defined without a selector");
    expect(() => podSelectorFor({ apiVersion: 'v1', kind: 'ConfigMap' })).toThrow('selector for *v1.ConfigMap not implemented');
  });
});

describe('sortPods', () => {
  const names = (ps: Pod[]) => ps.map((p) => p.metadata!.name);
  it('logs prefer assigned, running, ready, long-ready, restarted, old pods', () => {
    const ps = [
      pod('pending', { phase: 'Pending', node: 'n1' }),
      pod('unassigned', { phase: 'Pending' }),
      pod('notready', { node: 'n1', ready: false }),
      pod('ready-late', { node: 'n1', ready: true, readyAt: '2025-01-01T00:05:00Z' }),
      pod('ready-early', { node: 'n1', ready: true, readyAt: '2025-01-01T00:01:00Z' }),
    ];
    expect(names(sortPods(ps, 'logging'))).toEqual(['ready-early', 'ready-late', 'notready', 'pending', 'unassigned']);
  });
  it('attach picks the most active pod first (reverse ActivePods)', () => {
    const ps = [
      pod('deleting', { node: 'n1', ready: true, deleting: '2025-01-01T00:09:00Z' }),
      pod('pending', { phase: 'Pending', node: 'n1' }),
      pod('ready', { node: 'n1', ready: true }),
      pod('unassigned', { phase: 'Pending' }),
    ];
    expect(names(sortPods(ps, 'attach'))).toEqual(['ready', 'deleting', 'pending', 'unassigned']);
  });
  it('ties by restarts then age', () => {
    const ps = [pod('young', { node: 'n', created: '2025-01-01T00:02:00Z' }), pod('old', { node: 'n', created: '2025-01-01T00:01:00Z' }), pod('crashy', { node: 'n', restarts: 3, created: '2025-01-01T00:03:00Z' })];
    expect(names(sortPods(ps, 'logging'))).toEqual(['crashy', 'old', 'young']);
  });
});

describe('containers', () => {
  const p = { metadata: { name: 'p' }, spec: { containers: [{ name: 'a' }, { name: 'b' }], initContainers: [{ name: 'i' }], ephemeralContainers: [{ name: 'dbg' }] } } as Pod;
  it('lists names like podcmd.AllContainerNames', () => expect(allContainerNames(p)).toBe('a, b, dbg (ephem), i (init)'));
  it('finds containers of every kind with their field paths', () => {
    expect(findContainer(p, 'b')?.fieldPath).toBe('spec.containers{b}');
    expect(findContainer(p, 'i')?.fieldPath).toBe('spec.initContainers{i}');
    expect(findContainer(p, 'dbg')?.fieldPath).toBe('spec.ephemeralContainers{dbg}');
    expect(findContainer(p, 'x')).toBeUndefined();
  });
});
