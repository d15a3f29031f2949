// Plugs the metrics-server model into the API server: the metrics.k8s.io group through the `external`
// hook (answered before the registry, chained with any other external group) and in discovery.

import type { Clock } from '../clock/clock';
import type { ApiServer } from '../api/server';
import type { Kubelet } from '../nodes/kubelet';
import type { LoadModel } from '../runtime/load';
import type { Store } from '../store/store';
import { MetricsServer } from './metrics-server';
import { METRICS_API_GROUP, metricsApiHandler } from './api';

export interface MetricsDeps {
  clock: Clock;
  store: Store;
  api: ApiServer;
  kubelets: ReadonlyMap<string, Kubelet>;
  load: LoadModel;
}

/** metrics-server starts a few seconds into the cluster's life; its scrapes follow that phase. */
const START_OFFSET_MS = 7_000;

export function installMetricsServer(deps: MetricsDeps): MetricsServer {
  const server = new MetricsServer(deps.clock, deps.store, deps.kubelets, deps.load, deps.clock.now() + START_OFFSET_MS);
  const handler = metricsApiHandler(server, deps.store, deps.clock);
  const prev = deps.api.subresources;
  deps.api.subresources = {
    ...prev,
    external: (req, rp) => handler(req, rp) ?? prev.external?.(req, rp),
    externalGroups: () => [...(prev.externalGroups?.() ?? []), METRICS_API_GROUP],
  };
  return server;
}
