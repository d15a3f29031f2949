// The HPA replica calculator against upstream's rules: tolerance, unready / pending / missing pods,
// the CPU initialization period, direction flips, missing requests.

import { describe, expect, it } from 'vitest';
import {
  CalculationError,
  DEFAULT_CALCULATOR_OPTIONS as O,
  calculatePodRequests,
  groupPods,
  plainMetricReplicas,
  resourceReplicas,
  type PodMetricsInfo,
  type PodObj,
} from '../../../src/engine/controllers/podautoscaler/replica-calculator';

const T0 = Date.UTC(2025, 0, 1, 1, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

interface PodSpec {
  name: string;
  phase?: 'Pending' | 'Running' | 'Failed';
  ready?: 'True' | 'False' | 'none';
  /** ms before T0 the pod started (default 10 min: past the CPU initialization period). */
  startedAgo?: number;
  /** ms before T0 the Ready condition last changed (default: 10 s after start). */
  readySince?: number;
  requestMilli?: number | null;
  deleting?: boolean;
}

function pod(p: PodSpec): PodObj {
  const started = T0 - (p.startedAgo ?? 600_000);
  const transition = p.readySince !== undefined ? T0 - p.readySince : started + 10_000;
  const conditions = p.ready === 'none' ? [] : [{ type: 'Ready', status: p.ready ?? 'True', lastTransitionTime: iso(transition) }];
  const req = p.requestMilli === undefined ? 200 : p.requestMilli;
  return {
    metadata: { name: p.name, namespace: 'default', ...(p.deleting ? { deletionTimestamp: iso(T0) } : {}) },
    spec: { containers: [{ name: 'app', image: 'x', resources: req === null ? {} : { requests: { cpu: `${req}m` } } }] },
    status: { phase: p.phase ?? 'Running', startTime: iso(started), conditions },
  } as unknown as PodObj;
}

/** Usage in millicores per pod name; samples taken at T0 - 5 s with a 15 s window. */
function metrics(m: Record<string, number>, at = T0 - 5_000): PodMetricsInfo {
  return new Map(Object.entries(m).map(([k, v]) => [k, { timestamp: at, windowMs: 15_000, value: v }]));
}

describe('resourceReplicas (utilization target)', () => {
  const cases: { name: string; current: number; target: number; pods: PodSpec[]; usage: Record<string, number>; replicas: number; utilization: number }[] = [
    { name: 'within tolerance keeps the count', current: 3, target: 50, pods: [{ name: 'a' }, { name: 'b' }, { name: 'c' }], usage: { a: 108, b: 108, c: 108 }, replicas: 3, utilization: 54 },
    { name: 'just outside tolerance scales', current: 3, target: 50, pods: [{ name: 'a' }, { name: 'b' }, { name: 'c' }], usage: { a: 112, b: 112, c: 112 }, replicas: 4, utilization: 56 },
    { name: 'scale up: ceil(ratio × ready)', current: 3, target: 50, pods: [{ name: 'a' }, { name: 'b' }, { name: 'c' }], usage: { a: 180, b: 180, c: 180 }, replicas: 6, utilization: 90 },
    { name: 'scale down', current: 4, target: 50, pods: [{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'd' }], usage: { a: 40, b: 40, c: 40, d: 40 }, replicas: 2, utilization: 20 },
    {
      name: 'pending pods count 0 % on scale-up',
      current: 3,
      target: 50,
      pods: [{ name: 'a' }, { name: 'b' }, { name: 'c', phase: 'Pending' }],
      usage: { a: 200, b: 200 },
      replicas: 4,
      utilization: 100,
    },
    {
      name: 'unready pods flipping the direction keep the count',
      current: 3,
      target: 50,
      pods: [{ name: 'a' }, { name: 'b', phase: 'Pending' }, { name: 'c', phase: 'Pending' }],
      usage: { a: 120 },
      replicas: 3,
      utilization: 60,
    },
    {
      name: 'missing metrics count 100 % of request on scale-down',
      current: 4,
      target: 50,
      pods: [{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'd' }],
      usage: { a: 20, b: 20, c: 20 },
      replicas: 3,
      utilization: 10,
    },
    {
      name: 'missing metrics count 0 % on scale-up',
      current: 3,
      target: 50,
      pods: [{ name: 'a' }, { name: 'b' }, { name: 'c' }],
      usage: { a: 300, b: 300 },
      replicas: 6,
      utilization: 150,
    },
    {
      name: 'missing pods use the target when it is above 100 %',
      current: 4,
      target: 200,
      pods: [{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'd' }],
      usage: { a: 100, b: 100, c: 100 },
      replicas: 2,
      utilization: 50,
    },
    {
      name: 'terminating and failed pods are ignored',
      current: 2,
      target: 50,
      pods: [{ name: 'a' }, { name: 'b' }, { name: 'c', deleting: true }, { name: 'd', phase: 'Failed' }],
      usage: { a: 200, b: 200, c: 0, d: 0 },
      replicas: 4,
      utilization: 100,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = resourceReplicas(c.current, c.target, 'cpu', '', c.pods.map(pod), metrics(c.usage), T0, O);
      expect([r.replicas, r.utilization]).toEqual([c.replicas, c.utilization]);
    });
  }

  it('reports the raw average of the counted pods', () => {
    const r = resourceReplicas(2, 50, 'cpu', '', [pod({ name: 'a' }), pod({ name: 'b' })], metrics({ a: 100, b: 141 }), T0, O);
    expect(r.rawAverage).toBe(120);
  });

  it('errors like upstream', () => {
    expect(() => resourceReplicas(1, 50, 'cpu', '', [], metrics({}), T0, O)).toThrow('no pods returned by selector while calculating replica count');
    expect(() => resourceReplicas(1, 50, 'cpu', '', [pod({ name: 'a', phase: 'Pending' })], metrics({ a: 10 }), T0, O)).toThrow(
      'did not receive metrics for targeted pods (pods might be unready)',
    );
    expect(() => resourceReplicas(1, 50, 'cpu', '', [pod({ name: 'php-apache-x', requestMilli: null })], metrics({ 'php-apache-x': 10 }), T0, O)).toThrow(
      new CalculationError('missing request for cpu in container app of Pod php-apache-x'),
    );
  });
});

describe('groupPods: CPU readiness rules', () => {
  const cases: { name: string; p: PodSpec; sampleAgo?: number; unready: boolean }[] = [
    { name: 'ready long ago, old pod', p: { name: 'p' }, unready: false },
    { name: 'no Ready condition', p: { name: 'p', ready: 'none' }, unready: true },
    { name: 'starting and not ready', p: { name: 'p', startedAgo: 60_000, ready: 'False' }, unready: true },
    { name: 'starting, sample predates readiness + window', p: { name: 'p', startedAgo: 60_000, readySince: 12_000 }, sampleAgo: 5_000, unready: true },
    { name: 'starting, sample a window after readiness', p: { name: 'p', startedAgo: 60_000, readySince: 30_000 }, sampleAgo: 5_000, unready: false },
    { name: 'past init period, unready, never was ready', p: { name: 'p', startedAgo: 600_000, ready: 'False', readySince: 590_000 }, unready: true },
    { name: 'past init period, unready after being ready', p: { name: 'p', startedAgo: 600_000, ready: 'False', readySince: 60_000 }, unready: false },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const g = groupPods([pod(c.p)], metrics({ p: 100 }, T0 - (c.sampleAgo ?? 5_000)), 'cpu', T0, O);
      expect(g.unready.has('p')).toBe(c.unready);
      // Memory ignores readiness entirely.
      expect(groupPods([pod(c.p)], metrics({ p: 100 }), 'memory', T0, O).readyPodCount).toBe(1);
    });
  }
});

describe('calculatePodRequests', () => {
  it('sums containers and sidecars, or one container', () => {
    const p = pod({ name: 'p' });
    p.spec!.containers.push({ name: 'side', image: 'x', resources: { requests: { cpu: '50m' } } });
    (p.spec as { initContainers?: unknown[] }).initContainers = [
      { name: 'init', image: 'x', resources: { requests: { cpu: '1' } } },
      { name: 'proxy', image: 'x', restartPolicy: 'Always', resources: { requests: { cpu: '25m' } } },
    ];
    expect(calculatePodRequests([p], '', 'cpu').get('p')).toBe(275);
    expect(calculatePodRequests([p], 'side', 'cpu').get('p')).toBe(50);
  });
});

describe('plainMetricReplicas (average value target)', () => {
  const cases: { name: string; current: number; target: number; usage: Record<string, number>; pods: PodSpec[]; replicas: number; usage_: number }[] = [
    { name: 'within tolerance', current: 2, target: 100, pods: [{ name: 'a' }, { name: 'b' }], usage: { a: 105, b: 95 }, replicas: 2, usage_: 100 },
    { name: 'scale up', current: 2, target: 100, pods: [{ name: 'a' }, { name: 'b' }], usage: { a: 300, b: 300 }, replicas: 6, usage_: 300 },
    { name: 'missing on scale-down use the target', current: 3, target: 100, pods: [{ name: 'a' }, { name: 'b' }, { name: 'c' }], usage: { a: 10, b: 10 }, replicas: 2, usage_: 10 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = plainMetricReplicas(c.current, c.target, 'memory', c.pods.map(pod), metrics(c.usage), T0, O);
      expect([r.replicas, r.usage]).toEqual([c.replicas, c.usage_]);
    });
  }
});
