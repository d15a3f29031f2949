// Connects the subresources served outside the REST store to the parts of the engine that own them.

import type { Cluster } from '../../cluster';
import { podLogHandler } from './log';
import { evictionHandler } from './eviction';
import { openApiProvider } from './openapi';

export function installSubresources(cluster: Cluster): void {
  cluster.api.subresources = {
    ...cluster.api.subresources,
    handlers: {
      ...cluster.api.subresources.handlers,
      log: podLogHandler(cluster.kubelets),
      eviction: evictionHandler(),
    },
    openapi: openApiProvider(cluster.registry),
  };
}
