// Connects the subresources served outside the REST store to the parts of the engine that own them.

import type { Cluster } from '../../cluster';
import { podLogHandler } from './log';
import { evictionHandler } from './eviction';
import { tokenHandler } from './token';
import { openApiProvider } from './openapi';
import type { KubeObject } from '../types';

export function installSubresources(cluster: Cluster, budgetCheck?: (pod: KubeObject) => string | undefined): void {
  cluster.api.subresources = {
    ...cluster.api.subresources,
    handlers: {
      ...cluster.api.subresources.handlers,
      log: podLogHandler(cluster.kubelets),
      eviction: evictionHandler(budgetCheck),
      token: tokenHandler(cluster.seed),
    },
    openapi: openApiProvider(cluster.registry),
  };
}
