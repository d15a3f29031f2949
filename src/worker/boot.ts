// How the worker gets its cluster: restored from the IndexedDB snapshot, fresh, or (benchmark mode) a big
// cluster loaded with Deployments of 100 replicas like `kubeplay bench`. A snapshot that cannot be used
// never blocks the page: the worker boots fresh and says why.

import type { Deployment } from 'kubernetes-types/apps/v1';
import { createCluster, type Cluster } from '../engine/cluster';
import type { KubeObject } from '../engine/api/types';
import { createRegistry } from '../engine/registry/index';
import { resourceKey } from '../engine/registry/types';
import type { BootOptions } from './protocol';
import * as persist from './persist';
import { restoreSnapshot, SnapshotError, validateSnapshot, type ClusterSnapshot } from './snapshot';

export interface Booted {
  cluster: Cluster;
  startedAt: number;
  snapshot?: ClusterSnapshot;
  notice?: string;
}

/** A fresh cluster whose simulated clock starts at the current wall time (whole seconds). */
export function freshCluster(nodes: number, seed: number | undefined, wallNow: number): Booted {
  const startTime = Math.floor(wallNow / 1000) * 1000;
  return { cluster: createCluster({ nodes, seed: seed ?? 1, startTime }), startedAt: startTime };
}

export async function bootCluster(o: BootOptions, wallNow: number): Promise<Booted> {
  if (o.bench) return benchCluster(o.bench.nodes, o.bench.pods, wallNow);
  if (!o.persist || o.fresh || !persist.available()) return freshCluster(o.nodes, o.seed, wallNow);
  let raw: unknown;
  try {
    raw = await persist.loadSnapshot();
  } catch (e) {
    return { ...freshCluster(o.nodes, o.seed, wallNow), notice: `Could not read the saved cluster (${errorText(e)}); started a fresh one.` };
  }
  if (raw === undefined || raw === null) return freshCluster(o.nodes, o.seed, wallNow);
  try {
    const snap = validateSnapshot(raw, new Set(createRegistry().all().map(resourceKey)));
    const cluster = restoreSnapshot(snap, { seed: o.seed });
    return { cluster, startedAt: snap.startedAt, snapshot: snap };
  } catch (e) {
    const why = e instanceof SnapshotError ? e.message : `it could not be loaded: ${errorText(e)}`;
    await persist.clearSnapshot().catch(() => undefined);
    return { ...freshCluster(o.nodes, o.seed, wallNow), notice: `The saved cluster was not restored: ${why}. Started a fresh cluster.` };
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

const BENCH_SPACING_MS = 100;

/** Benchmark workload, as in `kubeplay bench`: Deployments of 100 replicas, 100m CPU and 64Mi each. */
export function benchDeployment(i: number, replicas: number): Deployment & KubeObject {
  const app = `bench-${i}`;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: app, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app } },
      template: {
        metadata: { labels: { app } },
        spec: { containers: [{ name: 'app', image: 'registry.k8s.io/pause:3.10', resources: { requests: { cpu: '100m', memory: '64Mi' } } }] },
      },
    },
  };
}

export function benchCluster(nodes: number, pods: number, wallNow: number): Booted {
  const booted = freshCluster(nodes, 1, wallNow);
  const c = booted.cluster;
  // One Deployment every 100 ms of simulated time: the page sees the cluster fill up (and stays
  // responsive) instead of waiting for one giant burst at a single instant.
  let i = 0;
  let left = pods;
  const next = () => {
    if (left <= 0) return;
    c.handle({ method: 'POST', path: '/apis/apps/v1/namespaces/default/deployments', body: benchDeployment(i++, Math.min(100, left)) });
    left -= 100;
    c.clock.setTimeout(next, BENCH_SPACING_MS);
  };
  next();
  return booted;
}
