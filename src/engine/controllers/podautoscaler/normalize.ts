// Turning a metric recommendation into the replica count the HPA applies: the stabilization windows
// (the highest recommendation of the last 5 minutes on the way down), the scale-up limit (2× or +4 without
// `behavior`), the behavior policies (Pods/Percent per period, selectPolicy Max/Min/Disabled) and the
// min/max clamps, each with the ScalingLimited / AbleToScale reason and message upstream sets.
// mirrors: pkg/controller/podautoscaler/horizontal.go (normalizeDesiredReplicas*, stabilizeRecommendation*,
// convertDesiredReplicasWith*, calculateScale{Up,Down}Limit*, storeScaleEvent) (1.32)

import type { HPAScalingRules, HorizontalPodAutoscalerBehavior } from 'kubernetes-types/autoscaling/v2';

export interface TimestampedRecommendation {
  recommendation: number;
  timestamp: number;
}

export interface ScaleEvent {
  /** Absolute change, never negative. */
  change: number;
  timestamp: number;
  outdated: boolean;
}

/** Per-HPA memory of the controller (lost on restart, like upstream). */
export interface AutoscalerHistory {
  recommendations: TimestampedRecommendation[];
  scaleUpEvents: ScaleEvent[];
  scaleDownEvents: ScaleEvent[];
}

export function newHistory(): AutoscalerHistory {
  return { recommendations: [], scaleUpEvents: [], scaleDownEvents: [] };
}

export interface Limited {
  replicas: number;
  reason: string;
  message: string;
}

const SCALE_UP_LIMIT_FACTOR = 2;
const SCALE_UP_LIMIT_MINIMUM = 4;

const MSG = {
  scaleUpLimit: 'the desired replica count is increasing faster than the maximum scale rate',
  scaleDownLimit: 'the desired replica count is decreasing faster than the maximum scale rate',
  tooMany: 'the desired replica count is more than the maximum replica count',
  tooFew: 'the desired replica count is less than the minimum replica count',
  within: 'the desired count is within the acceptable range',
};

export const STABILIZED = {
  up: { reason: 'ScaleUpStabilized', message: 'recent recommendations were lower than current one, applying the lowest recent recommendation' },
  down: { reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation' },
};

/** Without `behavior`: the highest recommendation of the downscale window, recording this one. */
export function stabilizeRecommendation(h: AutoscalerHistory, desired: number, now: number, windowMs: number): number {
  let max = desired;
  let old = -1;
  const cutoff = now - windowMs;
  h.recommendations.forEach((rec, i) => {
    if (rec.timestamp < cutoff) old = i;
    else if (rec.recommendation > max) max = rec.recommendation;
  });
  const entry = { recommendation: desired, timestamp: now };
  if (old >= 0) h.recommendations[old] = entry;
  else h.recommendations.push(entry);
  return max;
}

/** Without `behavior`: never more than max(2 × current, 4) at once, then the min/max clamps. */
export function convertDesiredReplicasWithRules(current: number, desired: number, min: number, max: number): Limited {
  const scaleUpLimit = Math.floor(Math.max(SCALE_UP_LIMIT_FACTOR * current, SCALE_UP_LIMIT_MINIMUM));
  let maximum: number;
  let reason: string;
  let message: string;
  if (max > scaleUpLimit) {
    maximum = scaleUpLimit;
    reason = 'ScaleUpLimit';
    message = MSG.scaleUpLimit;
  } else {
    maximum = max;
    reason = 'TooManyReplicas';
    message = MSG.tooMany;
  }
  if (desired < min) return { replicas: min, reason: 'TooFewReplicas', message: MSG.tooFew };
  if (desired > maximum) return { replicas: maximum, reason, message };
  return { replicas: desired, reason: 'DesiredWithinRange', message: MSG.within };
}

/** With `behavior`: both windows bound the recommendation; returns it and the reason used if it moved. */
export function stabilizeRecommendationWithBehaviors(
  h: AutoscalerHistory,
  behavior: Required<Pick<HorizontalPodAutoscalerBehavior, 'scaleUp' | 'scaleDown'>>,
  current: number,
  desired: number,
  now: number,
): { replicas: number; reason: string; message: string } {
  const upCutoff = now - (behavior.scaleUp.stabilizationWindowSeconds ?? 0) * 1000;
  const downCutoff = now - (behavior.scaleDown.stabilizationWindowSeconds ?? 0) * 1000;
  let up = desired;
  let down = desired;
  let old = -1;
  h.recommendations.forEach((rec, i) => {
    if (rec.timestamp > upCutoff) up = Math.min(rec.recommendation, up);
    if (rec.timestamp > downCutoff) down = Math.max(rec.recommendation, down);
    if (rec.timestamp < upCutoff && rec.timestamp < downCutoff) old = i;
  });
  let replicas = current;
  if (replicas < up) replicas = up;
  if (replicas > down) replicas = down;
  const entry = { recommendation: desired, timestamp: now };
  if (old >= 0) h.recommendations[old] = entry;
  else h.recommendations.push(entry);
  const s = desired >= current ? STABILIZED.up : STABILIZED.down;
  return { replicas, ...s };
}

function changeInPeriod(periodSeconds: number, events: readonly ScaleEvent[], now: number): number {
  const cutoff = now - periodSeconds * 1000;
  let n = 0;
  for (const e of events) if (e.timestamp > cutoff) n += e.change;
  return n;
}

/** The most replicas the scale-up policies allow now. */
export function scaleUpLimitWithRules(current: number, up: readonly ScaleEvent[], down: readonly ScaleEvent[], rules: HPAScalingRules, now: number): number {
  if (rules.selectPolicy === 'Disabled') return current;
  const pickMin = rules.selectPolicy === 'Min';
  let result = pickMin ? Number.MAX_SAFE_INTEGER : Number.MIN_SAFE_INTEGER;
  for (const p of rules.policies ?? []) {
    const start = current - changeInPeriod(p.periodSeconds, up, now) + changeInPeriod(p.periodSeconds, down, now);
    let proposed = 0;
    if (p.type === 'Pods') proposed = start + p.value;
    else if (p.type === 'Percent') proposed = Math.ceil(start * (1 + p.value / 100));
    result = pickMin ? Math.min(result, proposed) : Math.max(result, proposed);
  }
  return result;
}

/** The fewest replicas the scale-down policies allow now. */
export function scaleDownLimitWithRules(current: number, up: readonly ScaleEvent[], down: readonly ScaleEvent[], rules: HPAScalingRules, now: number): number {
  if (rules.selectPolicy === 'Disabled') return current;
  const pickMin = rules.selectPolicy === 'Min';
  let result = pickMin ? Number.MIN_SAFE_INTEGER : Number.MAX_SAFE_INTEGER;
  for (const p of rules.policies ?? []) {
    const start = current - changeInPeriod(p.periodSeconds, up, now) + changeInPeriod(p.periodSeconds, down, now);
    let proposed = 0;
    if (p.type === 'Pods') proposed = start - p.value;
    else if (p.type === 'Percent') proposed = Math.trunc(start * (1 - p.value / 100));
    result = pickMin ? Math.max(result, proposed) : Math.min(result, proposed);
  }
  return result;
}

/** With `behavior`: the policies' rate limit, then the min/max clamps. */
export function convertDesiredReplicasWithBehaviorRate(
  h: AutoscalerHistory,
  behavior: Required<Pick<HorizontalPodAutoscalerBehavior, 'scaleUp' | 'scaleDown'>>,
  current: number,
  desired: number,
  min: number,
  max: number,
  now: number,
): Limited {
  if (desired > current) {
    let limit = scaleUpLimitWithRules(current, h.scaleUpEvents, h.scaleDownEvents, behavior.scaleUp, now);
    if (limit < current) limit = current;
    const viaLimit = max > limit;
    const maximum = viaLimit ? limit : max;
    if (desired > maximum) return { replicas: maximum, reason: viaLimit ? 'ScaleUpLimit' : 'TooManyReplicas', message: viaLimit ? MSG.scaleUpLimit : MSG.tooMany };
  } else if (desired < current) {
    let limit = scaleDownLimitWithRules(current, h.scaleUpEvents, h.scaleDownEvents, behavior.scaleDown, now);
    if (limit > current) limit = current;
    const viaLimit = min < limit;
    const minimum = viaLimit ? limit : min;
    if (desired < minimum) return { replicas: minimum, reason: viaLimit ? 'ScaleDownLimit' : 'TooFewReplicas', message: viaLimit ? MSG.scaleDownLimit : MSG.tooFew };
  }
  return { replicas: desired, reason: 'DesiredWithinRange', message: MSG.within };
}

function longestPolicyPeriod(rules: HPAScalingRules | undefined): number {
  let longest = 0;
  for (const p of rules?.policies ?? []) if (p.periodSeconds > longest) longest = p.periodSeconds;
  return longest;
}

/** Remembers a rescale for the policies' periods (only when the HPA has `behavior`). */
export function storeScaleEvent(h: AutoscalerHistory, behavior: HorizontalPodAutoscalerBehavior | undefined, prev: number, next: number, now: number): void {
  if (!behavior) return;
  const upward = next > prev;
  const events = upward ? h.scaleUpEvents : h.scaleDownEvents;
  const cutoff = now - longestPolicyPeriod(upward ? behavior.scaleUp : behavior.scaleDown) * 1000;
  let old = -1;
  events.forEach((e, i) => {
    if (e.timestamp < cutoff) e.outdated = true;
    if (e.outdated) old = i;
  });
  const entry = { change: Math.abs(next - prev), timestamp: now, outdated: false };
  if (old >= 0) events[old] = entry;
  else events.push(entry);
}
