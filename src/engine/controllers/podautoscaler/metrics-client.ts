// The HPA's view of the metrics APIs: resource metrics from metrics-server (PodMetrics summed per pod or
// taken for one container), and the custom / external metrics APIs, which no adapter serves here — they
// fail with the errors a cluster without an adapter gives.
// mirrors: pkg/controller/podautoscaler/metrics/client.go (resourceMetricsClient, getPodMetrics)

import type { Store } from '../../store/store';
import type { Selector } from '../../api/selectors/labels';
import type { PodUsage } from '../../metrics/metrics-server';
import type { PodMetricsInfo, PodObj } from './replica-calculator';

/** What the controller needs from metrics-server. */
export interface ResourceMetricsSource {
  podMetrics(pods: Iterable<PodObj>): PodUsage[];
}

export class MetricsError extends Error {}

/** CPU in millicores as Quantity.MilliValue gives it (rounded up); memory in milli-bytes. */
function milliOf(resource: string, c: PodUsage['containers'][number]): number | undefined {
  if (resource === 'cpu') return Math.ceil(c.cpuNano / 1e6);
  if (resource === 'memory') return c.memoryBytes * 1000;
  return undefined;
}

export class HPAMetricsClient {
  constructor(
    private readonly store: Store,
    private readonly source: ResourceMetricsSource,
  ) {}

  /** Per-pod usage of a resource (summed over containers, or for one container) and the sample time. */
  resourceMetric(resource: string, namespace: string, selector: Selector, container: string): { metrics: PodMetricsInfo; timestamp: number } {
    const pods = this.store.listBySelector('pods', namespace, selector) as PodObj[];
    const items = this.source.podMetrics(pods);
    if (items.length === 0) throw new MetricsError('no metrics returned from resource metrics API');
    const metrics: PodMetricsInfo = new Map();
    for (const m of items) {
      if (container !== '') {
        const c = m.containers.find((x) => x.name === container);
        if (!c) throw new MetricsError(`failed to get container metrics: container ${container} not present in metrics for pod ${m.namespace}/${m.name}`);
        const v = milliOf(resource, c);
        if (v !== undefined) metrics.set(m.name, { timestamp: m.timestamp, windowMs: m.windowMs, value: v });
        continue;
      }
      let sum = 0;
      let missing = m.containers.length === 0;
      for (const c of m.containers) {
        const v = milliOf(resource, c);
        if (v === undefined) {
          missing = true;
          break;
        }
        sum += v;
      }
      if (!missing) metrics.set(m.name, { timestamp: m.timestamp, windowMs: m.windowMs, value: sum });
    }
    return { metrics, timestamp: items[0].timestamp };
  }

  /** The custom metrics API (pods and object metrics): not installed in this cluster. */
  customMetric(): never {
    throw new MetricsError('unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered');
  }

  /** The external metrics API: not installed either, so the request finds nothing. */
  externalMetric(metricName: string): never {
    throw new MetricsError(`unable to fetch metrics from external metrics API: the server could not find the requested resource (get ${metricName}.external.metrics.k8s.io)`);
  }
}
