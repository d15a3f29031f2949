// One metric spec of an HPA → a proposed replica count, its MetricStatus, and on failure the
// ScalingActive=False condition with the upstream reason (FailedGetResourceMetric, FailedGetPodsMetric, …)
// and the wrapped error texts that end up in events and `kubectl describe hpa`.
// mirrors: pkg/controller/podautoscaler/horizontal.go (computeReplicasForMetric, computeStatusFor*Metric)

import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { MetricSpec, MetricStatus, MetricTarget } from 'kubernetes-types/autoscaling/v2';
import type { Selector } from '../../api/selectors/labels';
import { Quantity, milliValueOf } from '../../util/quantity';
import type { PendingCondition } from './conditions';
import type { HPAMetricsClient } from './metrics-client';
import { plainMetricReplicas, resourceReplicas, type CalculatorOptions, type PodObj } from './replica-calculator';

export interface MetricContext {
  namespace: string;
  specReplicas: number;
  selector: Selector;
  pods: readonly PodObj[];
  now: number;
  client: HPAMetricsClient;
  options: CalculatorOptions;
  /** Emits a Warning event on the HPA. */
  warn(reason: string, message: string): void;
}

export type MetricResult =
  | { ok: true; replicas: number; metricName: string; timestamp: number; status: MetricStatus }
  | { ok: false; condition: PendingCondition; error: string };

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function milliQuantity(milli: number): string {
  return Quantity.fromMilli(milli).toString();
}

/** The condition for a metric that could not be computed, with its Warning event. */
function unable(ctx: MetricContext, reason: string, err: string): PendingCondition {
  ctx.warn(reason, err);
  return { type: 'ScalingActive', status: 'False', reason, message: `the HPA was unable to compute the replica count: ${err}` };
}

/** Go's %+v of a *metav1.LabelSelector. */
function selectorText(sel: LabelSelector | undefined): string {
  if (!sel) return 'nil';
  const labels = Object.keys(sel.matchLabels ?? {})
    .sort()
    .map((k) => `${k}: ${sel.matchLabels![k]},`)
    .join('');
  const exprs = (sel.matchExpressions ?? []).map((e) => `LabelSelectorRequirement{Key:${e.key},Operator:${e.operator},Values:[${(e.values ?? []).join(' ')}],},`).join('');
  return `&LabelSelector{MatchLabels:map[string]string{${labels}},MatchExpressions:[]LabelSelectorRequirement{${exprs}},}`;
}

function resourceMetric(ctx: MetricContext, name: string, target: MetricTarget, container: string): { replicas: number; status: MetricStatus['resource']; metricName: string; timestamp: number } {
  let fetched: ReturnType<HPAMetricsClient['resourceMetric']>;
  const fetch = () => {
    try {
      fetched = ctx.client.resourceMetric(name, ctx.namespace, ctx.selector, container);
    } catch (e) {
      throw new Error(`unable to get metrics for resource ${name}: ${message(e)}`);
    }
    return fetched;
  };
  if (target.averageValue !== undefined && target.averageValue !== null) {
    try {
      const { metrics, timestamp } = fetch();
      const r = plainMetricReplicas(ctx.specReplicas, milliValueOf(target.averageValue as string), name, ctx.pods, metrics, ctx.now, ctx.options);
      return { replicas: r.replicas, status: { name, current: { averageValue: milliQuantity(r.usage) } }, metricName: `${name} resource`, timestamp };
    } catch (e) {
      throw new Error(`failed to get ${name} usage: ${message(e)}`);
    }
  }
  if (target.averageUtilization === undefined || target.averageUtilization === null) {
    throw new Error('invalid resource metric source: neither an average utilization target nor an average value (usage) target was set');
  }
  try {
    const { metrics, timestamp } = fetch();
    const r = resourceReplicas(ctx.specReplicas, target.averageUtilization, name, container, ctx.pods, metrics, ctx.now, ctx.options);
    const metricName = container ? `${name} container resource utilization (percentage of request)` : `${name} resource utilization (percentage of request)`;
    return { replicas: r.replicas, status: { name, current: { averageValue: milliQuantity(r.rawAverage), averageUtilization: r.utilization } }, metricName, timestamp };
  } catch (e) {
    throw new Error(`failed to get ${name} utilization: ${message(e)}`);
  }
}

/** Computes one metric; errors come back as the condition to set and the text to wrap. */
export function computeReplicasForMetric(ctx: MetricContext, spec: MetricSpec): MetricResult {
  switch (spec.type) {
    case 'Resource': {
      const src = spec.resource!;
      try {
        const r = resourceMetric(ctx, src.name, src.target, '');
        return { ok: true, replicas: r.replicas, metricName: r.metricName, timestamp: r.timestamp, status: { type: 'Resource', resource: r.status } };
      } catch (e) {
        const condition = unable(ctx, 'FailedGetResourceMetric', message(e));
        return { ok: false, condition, error: `failed to get ${src.name} resource metric value: ${message(e)}` };
      }
    }
    case 'ContainerResource': {
      const src = spec.containerResource!;
      try {
        const r = resourceMetric(ctx, src.name, src.target, src.container);
        return {
          ok: true,
          replicas: r.replicas,
          metricName: r.metricName,
          timestamp: r.timestamp,
          status: { type: 'ContainerResource', containerResource: { name: src.name, current: r.status!.current, container: src.container } },
        };
      } catch (e) {
        const condition = unable(ctx, 'FailedGetContainerResourceMetric', message(e));
        return { ok: false, condition, error: `failed to get ${src.container} container metric value: ${message(e)}` };
      }
    }
    case 'Pods': {
      const name = spec.pods!.metric.name;
      let err: string;
      try {
        ctx.client.customMetric();
      } catch (e) {
        err = `unable to get metric ${name}: ${message(e)}`;
      }
      const condition = unable(ctx, 'FailedGetPodsMetric', err!);
      return { ok: false, condition, error: `failed to get pods metric value: ${err!}` };
    }
    case 'Object': {
      const src = spec.object!;
      let err: string;
      try {
        ctx.client.customMetric();
      } catch (e) {
        // Upstream's format string takes its arguments in this (shuffled) order.
        err = `unable to get metric ${src.metric.name}: ${src.describedObject.kind} on ${ctx.namespace} ${src.describedObject.name}/${message(e)}`;
      }
      const perPod = src.target.type === 'AverageValue' && src.target.averageValue != null;
      const valued = src.target.type === 'Value' && src.target.value != null;
      if (!perPod && !valued) err = 'invalid object metric source: neither a value target nor an average value target was set';
      const condition = unable(ctx, 'FailedGetObjectMetric', err!);
      const inner = perPod ? `failed to get ${src.metric.name} object metric: ${err!}` : err!;
      return { ok: false, condition, error: `failed to get object metric value: ${inner}` };
    }
    case 'External': {
      const src = spec.external!;
      let err: string;
      try {
        ctx.client.externalMetric(src.metric.name);
      } catch (e) {
        err = `unable to get external metric ${ctx.namespace}/${src.metric.name}/${selectorText(src.metric.selector)}: ${message(e)}`;
      }
      let wrapped: string;
      if (src.target.averageValue != null) wrapped = `failed to get ${src.metric.name} external metric: ${err!}`;
      else if (src.target.value != null) wrapped = `failed to get external metric ${src.metric.name}: ${err!}`;
      else wrapped = err = 'invalid external metric source: neither a value target nor an average value target was set';
      const condition = unable(ctx, 'FailedGetExternalMetric', err!);
      return { ok: false, condition, error: `failed to get ${src.metric.name} external metric value: ${wrapped}` };
    }
    default: {
      const err = `unknown metric source type "${String(spec.type)}"`;
      return { ok: false, condition: unable(ctx, 'InvalidMetricSourceType', err), error: err };
    }
  }
}
