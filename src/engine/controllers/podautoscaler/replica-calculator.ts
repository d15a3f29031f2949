// The HPA's replica calculator: utilization = Σ usage × 100 / Σ requests over the pods that count,
// tolerance 0.1, unready / pending / missing pods treated conservatively (0 % on scale-up, 100 % of the
// request on scale-down), and no change when that flips the direction.
// mirrors: pkg/controller/podautoscaler/replica_calculator.go, metrics/utilization.go (1.32)

import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';
import { milliValueOf } from '../../util/quantity';
import { parseTime } from '../../util/time';
import { podCondition } from '../podutil';

export type PodObj = Pod & KubeObject;

export interface PodMetric {
  timestamp: number;
  windowMs: number;
  /** Milli-value: millicores for CPU, milli-bytes for memory. */
  value: number;
}

export type PodMetricsInfo = Map<string, PodMetric>;

export interface CalculatorOptions {
  tolerance: number;
  cpuInitializationPeriodMs: number;
  delayOfInitialReadinessStatusMs: number;
}

/** kube-controller-manager's defaults (--horizontal-pod-autoscaler-*). */
export const DEFAULT_CALCULATOR_OPTIONS: CalculatorOptions = {
  tolerance: 0.1,
  cpuInitializationPeriodMs: 5 * 60_000,
  delayOfInitialReadinessStatusMs: 30_000,
};

export class CalculationError extends Error {}

interface Groups {
  readyPodCount: number;
  unready: Set<string>;
  missing: Set<string>;
  ignored: Set<string>;
}

/** Sorts pods into ready (counted), unready, missing metrics and ignored (terminating, failed). */
export function groupPods(pods: readonly PodObj[], metrics: PodMetricsInfo, resource: string, now: number, o: CalculatorOptions): Groups {
  const g: Groups = { readyPodCount: 0, unready: new Set(), missing: new Set(), ignored: new Set() };
  for (const pod of pods) {
    const name = pod.metadata!.name!;
    if (pod.metadata!.deletionTimestamp || pod.status?.phase === 'Failed') {
      g.ignored.add(name);
      continue;
    }
    if (pod.status?.phase === 'Pending') {
      g.unready.add(name);
      continue;
    }
    const metric = metrics.get(name);
    if (!metric) {
      g.missing.add(name);
      continue;
    }
    if (resource === 'cpu') {
      const cond = podCondition(pod, 'Ready');
      const start = pod.status?.startTime ? parseTime(pod.status.startTime as unknown as string) : undefined;
      let unready: boolean;
      if (!cond || start === undefined) unready = true;
      else {
        const transition = parseTime(cond.lastTransitionTime as unknown as string);
        if (start + o.cpuInitializationPeriodMs > now) {
          // Still starting: skip unready pods and samples that may predate readiness.
          unready = cond.status === 'False' || metric.timestamp < transition + metric.windowMs;
        } else {
          // Never became ready after the initial readiness delay.
          unready = cond.status === 'False' && start + o.delayOfInitialReadinessStatusMs > transition;
        }
      }
      if (unready) {
        g.unready.add(name);
        continue;
      }
    }
    g.readyPodCount++;
  }
  return g;
}

/** Σ requests per pod (regular containers and sidecars), or the upstream error for a missing request. */
export function calculatePodRequests(pods: readonly PodObj[], container: string, resource: string): Map<string, number> {
  const requests = new Map<string, number>();
  for (const pod of pods) {
    let sum = 0;
    const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always')];
    for (const c of containers) {
      if (container !== '' && container !== c.name) continue;
      const req = c.resources?.requests?.[resource];
      if (req === undefined) throw new CalculationError(`missing request for ${resource} in container ${c.name} of Pod ${pod.metadata!.name}`);
      sum += milliValueOf(req as string);
    }
    requests.set(pod.metadata!.name!, sum);
  }
  return requests;
}

/** Usage over requests of the pods that have both; utilization is truncated to a whole percent first. */
export function resourceUtilizationRatio(metrics: PodMetricsInfo, requests: Map<string, number>, target: number): { ratio: number; utilization: number; rawAverage: number } {
  let metricsTotal = 0;
  let requestsTotal = 0;
  let n = 0;
  for (const [pod, m] of metrics) {
    const req = requests.get(pod);
    if (req === undefined) continue;
    metricsTotal += m.value;
    requestsTotal += req;
    n++;
  }
  if (requestsTotal === 0) throw new CalculationError('no metrics returned matched known pods');
  const utilization = Math.trunc((metricsTotal * 100) / requestsTotal);
  return { ratio: utilization / target, utilization, rawAverage: Math.trunc(metricsTotal / n) };
}

function metricUsageRatio(metrics: PodMetricsInfo, target: number): { ratio: number; usage: number } {
  let total = 0;
  for (const m of metrics.values()) total += m.value;
  const usage = Math.trunc(total / metrics.size);
  return { ratio: usage / target, usage };
}

function without(metrics: PodMetricsInfo, ...sets: Set<string>[]): PodMetricsInfo {
  const out = new Map(metrics);
  for (const s of sets) for (const name of s) out.delete(name);
  return out;
}

export interface ResourceReplicas {
  replicas: number;
  utilization: number;
  rawAverage: number;
}

/** Desired replicas for a utilization target (percent of request). */
export function resourceReplicas(
  current: number,
  target: number,
  resource: string,
  container: string,
  pods: readonly PodObj[],
  raw: PodMetricsInfo,
  now: number,
  o: CalculatorOptions,
): ResourceReplicas {
  if (pods.length === 0) throw new CalculationError('no pods returned by selector while calculating replica count');
  const g = groupPods(pods, raw, resource, now, o);
  const metrics = without(raw, g.ignored, g.unready);
  if (metrics.size === 0) throw new CalculationError('did not receive metrics for targeted pods (pods might be unready)');
  const requests = calculatePodRequests(pods, container, resource);
  const { ratio, utilization, rawAverage } = resourceUtilizationRatio(metrics, requests, target);
  const scaleUpWithUnready = g.unready.size > 0 && ratio > 1;
  if (!scaleUpWithUnready && g.missing.size === 0) {
    if (Math.abs(1 - ratio) <= o.tolerance) return { replicas: current, utilization, rawAverage };
    return { replicas: Math.ceil(ratio * g.readyPodCount), utilization, rawAverage };
  }
  if (g.missing.size > 0) {
    if (ratio < 1) {
      const fallback = Math.max(100, target);
      for (const name of g.missing) metrics.set(name, { timestamp: 0, windowMs: 0, value: Math.trunc((requests.get(name)! * fallback) / 100) });
    } else if (ratio > 1) {
      for (const name of g.missing) metrics.set(name, { timestamp: 0, windowMs: 0, value: 0 });
    }
  }
  if (scaleUpWithUnready) for (const name of g.unready) metrics.set(name, { timestamp: 0, windowMs: 0, value: 0 });
  const next = resourceUtilizationRatio(metrics, requests, target).ratio;
  if (Math.abs(1 - next) <= o.tolerance || (ratio < 1 && next > 1) || (ratio > 1 && next < 1)) return { replicas: current, utilization, rawAverage };
  const replicas = Math.ceil(next * metrics.size);
  if ((next < 1 && replicas > current) || (next > 1 && replicas < current)) return { replicas: current, utilization, rawAverage };
  return { replicas, utilization, rawAverage };
}

/** Desired replicas for an average-value target (raw resource usage, or a pods metric). */
export function plainMetricReplicas(
  current: number,
  target: number,
  resource: string,
  pods: readonly PodObj[],
  raw: PodMetricsInfo,
  now: number,
  o: CalculatorOptions,
): { replicas: number; usage: number } {
  if (pods.length === 0) throw new CalculationError('no pods returned by selector while calculating replica count');
  const g = groupPods(pods, raw, resource, now, o);
  const metrics = without(raw, g.ignored, g.unready);
  if (metrics.size === 0) throw new CalculationError('did not receive metrics for targeted pods (pods might be unready)');
  const { ratio, usage } = metricUsageRatio(metrics, target);
  const scaleUpWithUnready = g.unready.size > 0 && ratio > 1;
  if (!scaleUpWithUnready && g.missing.size === 0) {
    if (Math.abs(1 - ratio) <= o.tolerance) return { replicas: current, usage };
    return { replicas: Math.ceil(ratio * g.readyPodCount), usage };
  }
  if (g.missing.size > 0) {
    const fill = ratio < 1 ? target : ratio > 1 ? 0 : undefined;
    if (fill !== undefined) for (const name of g.missing) metrics.set(name, { timestamp: 0, windowMs: 0, value: fill });
  }
  if (scaleUpWithUnready) for (const name of g.unready) metrics.set(name, { timestamp: 0, windowMs: 0, value: 0 });
  const next = metricUsageRatio(metrics, target).ratio;
  if (Math.abs(1 - next) <= o.tolerance || (ratio < 1 && next > 1) || (ratio > 1 && next < 1)) return { replicas: current, usage };
  const replicas = Math.ceil(next * metrics.size);
  if ((next < 1 && replicas > current) || (next > 1 && replicas < current)) return { replicas: current, usage };
  return { replicas, usage };
}
