// A small booted cluster for controller tests: an admin client, object helpers and simulated time.

import { createCluster, type Cluster } from '../../../../src/engine/cluster';
import type { KubeObject } from '../../../../src/engine/api/types';
import type { Client } from '../../../../src/engine/controllers/client';

export interface World {
  cluster: Cluster;
  client: Client;
  /** Advances simulated time (container scripts run in between). */
  advance(ms: number): Promise<void>;
  get<T = KubeObject>(resource: string, name: string, ns?: string): T | undefined;
  list<T = KubeObject>(resource: string, ns?: string): T[];
  /** Pod names in the namespace, sorted. */
  podNames(ns?: string): string[];
  /** Reasons and messages of events about an object, oldest first. */
  events(kind: string, name: string): string[];
  now(): number;
}

export function world(opts: { nodes?: number; seed?: number } = {}): World {
  const cluster = createCluster({ seed: opts.seed ?? 1, nodes: opts.nodes ?? 3 });
  const client = cluster.ctx.client('kubernetes-admin', 'test');
  const list = <T>(resource: string, ns = 'default'): T[] => [...client.list<T>(resource, ns)];
  return {
    cluster,
    client,
    advance: (ms) => cluster.advance(ms),
    get: (resource, name, ns = 'default') => client.get(resource, ns, name),
    list,
    podNames: (ns = 'default') => list<KubeObject>('pods', ns).map((p) => p.metadata!.name!).sort(),
    events(kind, name) {
      const evs = list<KubeObject & { involvedObject: { kind: string; name: string }; reason: string; message: string; firstTimestamp: string; metadata: { name: string } }>('events');
      return evs
        .filter((e) => e.involvedObject.kind === kind && e.involvedObject.name === name)
        .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))
        .map((e) => `${e.reason} ${e.message}`);
    },
    now: () => cluster.clock.now(),
  };
}
