// Seeded invariant fuzzing: random scale / delete / kill / start / image / cordon operations, then time, then
// the invariants a real cluster keeps: replicas converge where capacity allows, no Running pod on a node dead
// past eviction, every ownerReference resolves, resourceVersions only increase, no watch event is lost, and
// the store's indexes agree with a recomputation.

import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../../src/engine/cluster';
import { Rng } from '../../../src/engine/clock/rng';
import type { KubeObject } from '../../../src/engine/api/types';
import { resourceKey } from '../../../src/engine/registry/types';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const OPS = 40;

function deployment(name: string, replicas: number, image: string): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image, resources: { requests: { cpu: '100m', memory: '64Mi' } } }] } },
    },
  };
}

function req(c: Cluster, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, ct?: string) {
  return c.handle({ method, path, body, headers: ct ? { 'content-type': ct } : undefined });
}

async function fuzz(seed: number): Promise<void> {
  const c = createCluster({ seed, nodes: 3 });
  const rng = new Rng(`fuzz-${seed}`);
  // Watch mirror: every event applied to a map must reproduce the store.
  const mirror = new Map<string, KubeObject>();
  let lastRV = c.store.resourceVersion();
  let rvWentBack = false;
  const key = (r: string, o: KubeObject) => `${r}/${o.metadata!.namespace ?? ''}/${o.metadata!.name}`;
  for (const r of c.store.resources()) for (const o of c.store.list(r)) mirror.set(key(r, o), o);
  c.store.watchAll((e) => {
    if (e.rv <= lastRV) rvWentBack = true;
    lastRV = e.rv;
    if (e.type === 'DELETED') mirror.delete(key(e.resource, e.object));
    else mirror.set(key(e.resource, e.object), e.object);
  });
  const downSince = new Map<string, number>();
  const deps = ['a', 'b', 'c'];
  const workers = ['worker-1', 'worker-2', 'worker-3'];
  const images = ['nginx:1.27', 'nginx:1.26', 'redis:7.2', 'nginx:1.999'];
  for (const d of deps) req(c, 'POST', '/apis/apps/v1/namespaces/default/deployments', deployment(d, 2, 'nginx:1.27'));
  for (let i = 0; i < OPS; i++) {
    const op = rng.int(9);
    const d = rng.pick(deps);
    const w = rng.pick(workers);
    switch (op) {
      case 0:
        req(c, 'PATCH', `/apis/apps/v1/namespaces/default/deployments/${d}/scale`, { spec: { replicas: rng.int(7) } }, 'application/merge-patch+json');
        break;
      case 1: {
        const pods = [...c.store.list('pods', 'default')];
        if (pods.length) req(c, 'DELETE', `/api/v1/namespaces/default/pods/${rng.pick(pods).metadata!.name}`);
        break;
      }
      case 2:
        if (c.kubelets.get(w)!.up) downSince.set(w, c.clock.now());
        c.kubelets.get(w)!.powerOff();
        break;
      case 3:
        c.kubelets.get(w)!.powerOn();
        downSince.delete(w);
        break;
      case 4:
        req(c, 'PATCH', `/apis/apps/v1/namespaces/default/deployments/${d}`, { spec: { template: { spec: { containers: [{ name: 'app', image: rng.pick(images) }] } } } }, 'application/strategic-merge-patch+json');
        break;
      case 5:
        req(c, 'PATCH', `/api/v1/nodes/${w}`, { spec: { unschedulable: rng.int(2) === 0 ? true : null } }, 'application/strategic-merge-patch+json');
        break;
      case 6:
        // Bad input must not change anything.
        req(c, 'POST', '/apis/apps/v1/namespaces/default/deployments', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: d }, spec: { replicas: -1 } });
        req(c, 'PUT', `/apis/apps/v1/namespaces/default/deployments/${d}`, '{not json', 'application/json');
        break;
      case 7:
        c.kubelets.get(w)!.partition();
        break;
      case 8:
        c.kubelets.get(w)!.heal();
        break;
    }
    await c.advance(rng.int(90_000));
    // No pod stays un-evicted on a node dead for longer than grace (50 s) + toleration (300 s) + slack.
    for (const [node, since] of downSince) {
      if (c.clock.now() - since < 7 * 60_000) continue;
      for (const p of c.store.listByIndex('pods', 'spec.nodeName', node)) {
        const tolerates = ((p.spec as { tolerations?: { key?: string; operator?: string; tolerationSeconds?: number }[] }).tolerations ?? []).some((t) => !t.key && t.operator === 'Exists');
        if (tolerates) continue;
        expect({ node, pod: p.metadata!.name, terminating: !!p.metadata!.deletionTimestamp }).toEqual({ node, pod: p.metadata!.name, terminating: true });
      }
    }
  }
  // Let everything heal: nodes up and reachable, schedulable, images good.
  for (const w of workers) {
    c.kubelets.get(w)!.heal();
    c.kubelets.get(w)!.powerOn();
    req(c, 'PATCH', `/api/v1/nodes/${w}`, { spec: { unschedulable: null } }, 'application/strategic-merge-patch+json');
  }
  for (const d of deps) req(c, 'PATCH', `/apis/apps/v1/namespaces/default/deployments/${d}`, { spec: { template: { spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } } }, 'application/strategic-merge-patch+json');
  await c.advance(15 * 60_000);

  // 1. Replicas converge.
  for (const d of deps) {
    const dep = c.store.get('deployments.apps', 'default', d)!;
    const want = (dep.spec as { replicas: number }).replicas;
    const st = dep.status as { readyReplicas?: number; updatedReplicas?: number; replicas?: number };
    expect({ d, ready: st.readyReplicas ?? 0, updated: st.updatedReplicas ?? 0, replicas: st.replicas ?? 0 }).toEqual({ d, ready: want, updated: want, replicas: want });
  }
  // 2. No Running pod left on a node that is down (all are up now; none may be NotReady).
  for (const n of c.store.list('nodes')) {
    const ready = (n.status as { conditions: { type: string; status: string }[] }).conditions.find((x) => x.type === 'Ready')!.status;
    expect({ node: n.metadata!.name, ready }).toEqual({ node: n.metadata!.name, ready: 'True' });
  }
  // 3. Owner references resolve.
  for (const r of c.store.resources()) {
    for (const o of c.store.list(r)) {
      if (o.metadata!.deletionTimestamp) continue;
      for (const ref of o.metadata!.ownerReferences ?? []) {
        const def = c.registry.forKind(ref.apiVersion, ref.kind)!;
        const owner = c.store.get(resourceKey(def), def.namespaced ? o.metadata!.namespace : undefined, ref.name);
        expect({ obj: key(r, o), owner: owner?.metadata?.uid }).toEqual({ obj: key(r, o), owner: ref.uid });
      }
    }
  }
  // 4. resourceVersions only increase; 5. the watch mirror matches the store.
  expect(rvWentBack).toBe(false);
  let count = 0;
  for (const r of c.store.resources()) {
    for (const o of c.store.list(r)) {
      count++;
      expect(mirror.get(key(r, o))?.metadata?.resourceVersion).toBe(o.metadata!.resourceVersion);
    }
  }
  expect(mirror.size).toBe(count);
  // 6. Indexes agree with a scan: pods by node.
  for (const w of workers) {
    const indexed = c.store.listByIndex('pods', 'spec.nodeName', w).map((p) => p.metadata!.name).sort();
    const scanned = [...c.store.list('pods')].filter((p) => (p.spec as { nodeName?: string }).nodeName === w).map((p) => p.metadata!.name).sort();
    expect(indexed).toEqual(scanned);
  }
}

describe('invariant fuzzing', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}`, async () => {
      await fuzz(seed);
    }, 120_000);
  }
});
