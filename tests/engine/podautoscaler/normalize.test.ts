// Stabilization windows, the default scale-up limit and behavior policies of the HPA.

import { describe, expect, it } from 'vitest';
import type { HPAScalingRules } from 'kubernetes-types/autoscaling/v2';
import {
  convertDesiredReplicasWithBehaviorRate,
  convertDesiredReplicasWithRules,
  newHistory,
  scaleDownLimitWithRules,
  scaleUpLimitWithRules,
  stabilizeRecommendation,
  stabilizeRecommendationWithBehaviors,
  storeScaleEvent,
} from '../../../src/engine/controllers/podautoscaler/normalize';

const S = 1000;
const MIN = 60 * S;
const defaultUp: HPAScalingRules = { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] };
const defaultDown: HPAScalingRules = { stabilizationWindowSeconds: 300, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] };

describe('without behavior', () => {
  it('scale-down takes the highest recommendation of the last 5 minutes', () => {
    const h = newHistory();
    const out: number[] = [];
    // 15 s syncs: high for a minute, then low; the 5s age out 5 minutes after the last one.
    const recs = [5, 5, 5, 5, 1, 1, 1];
    recs.forEach((r, i) => out.push(stabilizeRecommendation(h, r, i * 15 * S, 5 * MIN)));
    expect(out).toEqual([5, 5, 5, 5, 5, 5, 5]);
    expect(stabilizeRecommendation(h, 1, 3 * 15 * S + 5 * MIN + 1, 5 * MIN)).toBe(1);
  });

  it('reuses the slot of an old recommendation', () => {
    const h = newHistory();
    stabilizeRecommendation(h, 3, 0, 5 * MIN);
    stabilizeRecommendation(h, 2, 6 * MIN, 5 * MIN);
    expect(h.recommendations).toEqual([{ recommendation: 2, timestamp: 6 * MIN }]);
  });

  const cases: [string, number, number, number, number, number, string][] = [
    // current, desired, min, max → replicas, reason
    ['limit 4 from 1', 1, 9, 1, 10, 4, 'ScaleUpLimit'],
    ['limit 2× from 3', 3, 9, 1, 10, 6, 'ScaleUpLimit'],
    ['max below the limit', 6, 20, 1, 10, 10, 'TooManyReplicas'],
    ['below min', 3, 0, 2, 10, 2, 'TooFewReplicas'],
    ['within range', 3, 5, 1, 10, 5, 'DesiredWithinRange'],
  ];
  for (const [name, cur, desired, min, max, replicas, reason] of cases) {
    it(name, () => {
      const r = convertDesiredReplicasWithRules(cur, desired, min, max);
      expect([r.replicas, r.reason]).toEqual([replicas, reason]);
    });
  }
});

describe('with behavior', () => {
  const cases: { name: string; current: number; rules: HPAScalingRules; upEvents?: [number, number][]; downEvents?: [number, number][]; up: boolean; limit: number }[] = [
    { name: 'default scale-up: +4 pods or 100 %, the larger', current: 1, rules: defaultUp, up: true, limit: 5 },
    { name: 'default scale-up from 6', current: 6, rules: defaultUp, up: true, limit: 12 },
    { name: 'selectPolicy Min', current: 6, rules: { ...defaultUp, selectPolicy: 'Min' }, up: true, limit: 10 },
    { name: 'selectPolicy Disabled', current: 6, rules: { ...defaultUp, selectPolicy: 'Disabled' }, up: true, limit: 6 },
    { name: 'changes in the period count from the period start', current: 5, rules: defaultUp, upEvents: [[4, 10 * S]], up: true, limit: 5 },
    { name: 'older changes are outside the period', current: 5, rules: defaultUp, upEvents: [[4, -20 * S]], up: true, limit: 10 },
    { name: 'default scale-down: 100 % per 15 s', current: 8, rules: defaultDown, up: false, limit: 0 },
    { name: 'one pod per minute', current: 8, rules: { selectPolicy: 'Max', policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] }, up: false, limit: 7 },
    {
      name: 'one pod per minute after a removal',
      current: 7,
      rules: { selectPolicy: 'Max', policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] },
      downEvents: [[1, -30 * S]],
      up: false,
      limit: 7,
    },
    { name: '10 % truncates', current: 15, rules: { selectPolicy: 'Max', policies: [{ type: 'Percent', value: 10, periodSeconds: 60 }] }, up: false, limit: 13 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const ev = (l: [number, number][] | undefined) => (l ?? []).map(([change, timestamp]) => ({ change, timestamp, outdated: false }));
      const f = c.up ? scaleUpLimitWithRules : scaleDownLimitWithRules;
      expect(f(c.current, ev(c.upEvents), ev(c.downEvents), c.rules, 15 * S)).toBe(c.limit);
    });
  }

  it('limits a scale-up and reports ScaleUpLimit, then TooManyReplicas', () => {
    const h = newHistory();
    const b = { scaleUp: defaultUp, scaleDown: defaultDown };
    expect(convertDesiredReplicasWithBehaviorRate(h, b, 1, 9, 1, 10, 0)).toEqual({
      replicas: 5,
      reason: 'ScaleUpLimit',
      message: 'the desired replica count is increasing faster than the maximum scale rate',
    });
    storeScaleEvent(h, b, 1, 5, 0);
    // 10 s later the period still holds the +4: no further growth yet.
    expect(convertDesiredReplicasWithBehaviorRate(h, b, 5, 9, 1, 10, 10 * S).replicas).toBe(5);
    // After the period: 100 % of 5, capped by max.
    expect(convertDesiredReplicasWithBehaviorRate(h, b, 5, 12, 1, 10, 16 * S)).toMatchObject({ replicas: 10, reason: 'TooManyReplicas' });
  });

  it('stabilizes both ways within their windows', () => {
    const h = newHistory();
    const b = { scaleUp: { ...defaultUp, stabilizationWindowSeconds: 60 }, scaleDown: defaultDown };
    stabilizeRecommendationWithBehaviors(h, b, 4, 4, 0);
    // A spike to 8 is held back by the 60 s scale-up window (lowest recent recommendation: 4).
    expect(stabilizeRecommendationWithBehaviors(h, b, 4, 8, 30 * S)).toMatchObject({ replicas: 4, reason: 'ScaleUpStabilized' });
    expect(stabilizeRecommendationWithBehaviors(h, b, 4, 8, 61 * S).replicas).toBe(8);
    // A drop to 2 is held by the 300 s scale-down window (highest recent: 8).
    expect(stabilizeRecommendationWithBehaviors(h, b, 8, 2, 120 * S)).toMatchObject({ replicas: 8, reason: 'ScaleDownStabilized' });
  });

  it('stores scale events only with behavior, reusing outdated slots', () => {
    const h = newHistory();
    storeScaleEvent(h, undefined, 1, 4, 0);
    expect(h.scaleUpEvents).toHaveLength(0);
    const b = { scaleUp: defaultUp, scaleDown: defaultDown };
    storeScaleEvent(h, b, 1, 4, 0);
    storeScaleEvent(h, b, 4, 8, 60 * S);
    expect(h.scaleUpEvents).toEqual([{ change: 4, timestamp: 60 * S, outdated: false }]);
  });
});
