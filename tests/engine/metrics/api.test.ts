// metrics.k8s.io as clients see it: discovery, object shapes, selectors, tables, errors, and the 15 s
// scrape cadence (metrics need two scrapes after a container starts).

import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../../src/engine/cluster';
import type { ApiResponse, KubeObject } from '../../../src/engine/api/types';

const AGGREGATED = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';
const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io';

function get(c: Cluster, path: string, query: Record<string, string> = {}, accept?: string): ApiResponse {
  return c.handle({ method: 'GET', path, query, headers: accept ? { accept } : {} });
}

function body<T = Record<string, unknown>>(r: ApiResponse): T {
  return r.body as T;
}

function deploy(c: Cluster, name: string, image: string, replicas: number, resources?: Record<string, unknown>): void {
  c.ctx.client('kubernetes-admin', 'test').create('deployments.apps', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image, ...(resources ? { resources } : {}) }] } },
    },
  } as KubeObject);
}

describe('discovery', () => {
  const c = createCluster();
  it('lists metrics.k8s.io in aggregated discovery, after the built-in groups', () => {
    const items = body<{ items: { metadata: { name: string }; versions: { version: string; resources: { resource: string; scope: string; verbs: string[]; responseKind: { kind: string } }[] }[] }[] }>(
      get(c, '/apis', {}, AGGREGATED),
    ).items;
    const last = items[items.length - 1];
    expect(last.metadata.name).toBe('metrics.k8s.io');
    expect(last.versions[0].resources.map((r) => [r.resource, r.scope, r.responseKind.kind, r.verbs.join(',')])).toEqual([
      ['nodes', 'Cluster', 'NodeMetrics', 'get,list'],
      ['pods', 'Namespaced', 'PodMetrics', 'get,list'],
    ]);
    // /api stays the core group only.
    expect(body<{ items: { metadata: { name: string } }[] }>(get(c, '/api', {}, AGGREGATED)).items.map((i) => i.metadata.name)).toEqual(['']);
  });
  it('serves the legacy group list, the group and its resource list', () => {
    const groups = body<{ groups: { name: string }[] }>(get(c, '/apis')).groups.map((g) => g.name);
    expect(groups).toContain('metrics.k8s.io');
    expect(body(get(c, '/apis/metrics.k8s.io'))).toMatchObject({ kind: 'APIGroup', preferredVersion: { groupVersion: 'metrics.k8s.io/v1beta1' } });
    expect(body(get(c, '/apis/metrics.k8s.io/v1beta1'))).toEqual({
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: 'metrics.k8s.io/v1beta1',
      resources: [
        { name: 'nodes', singularName: '', namespaced: false, kind: 'NodeMetrics', verbs: ['get', 'list'] },
        { name: 'pods', singularName: '', namespaced: true, kind: 'PodMetrics', verbs: ['get', 'list'] },
      ],
    });
    expect(get(c, '/apis/metrics.k8s.io/v1').status).toBe(404);
  });
});

describe('NodeMetrics and PodMetrics', () => {
  it('lists nodes with usage above the node overhead', () => {
    const c = createCluster();
    const list = body<{ kind: string; items: { metadata: { name: string }; window: string; timestamp: string; usage: { cpu: string; memory: string } }[] }>(get(c, '/apis/metrics.k8s.io/v1beta1/nodes'));
    expect(list.kind).toBe('NodeMetricsList');
    expect(list.items.map((i) => i.metadata.name)).toEqual(['control-plane', 'worker-1', 'worker-2', 'worker-3']);
    for (const i of list.items) {
      expect(i.window).toBe('15s');
      expect(i.usage.cpu).toMatch(/^\d+n$/);
      expect(i.usage.memory).toMatch(/^\d+Ki$/);
    }
    const one = body<KubeObject>(get(c, '/apis/metrics.k8s.io/v1beta1/nodes/worker-2'));
    expect(one).toMatchObject({ kind: 'NodeMetrics', apiVersion: 'metrics.k8s.io/v1beta1', metadata: { name: 'worker-2' } });
  });

  it('shows a container only after two scrapes, then sums its usage', async () => {
    const c = createCluster();
    deploy(c, 'web', 'nginx:1.27', 2);
    await c.advance(8_000);
    const pods = () => body<{ items: { metadata: { name: string; labels: Record<string, string> }; containers: { name: string }[] }[] }>(get(c, '/apis/metrics.k8s.io/v1beta1/namespaces/default/pods')).items;
    expect(pods()).toEqual([]);
    await c.advance(30_000);
    const items = pods();
    expect(items).toHaveLength(2);
    expect(items[0].metadata.labels.app).toBe('web');
    expect(items[0].containers.map((x) => x.name)).toEqual(['web']);
    // Single object and the not-found wording of metrics-server.
    const name = items[0].metadata.name;
    expect(body(get(c, `/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/${name}`))).toMatchObject({ kind: 'PodMetrics', metadata: { name, namespace: 'default' } });
    expect(body<{ message: string }>(get(c, '/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/nope')).message).toBe('pods "nope" not found');
  });

  it('says podmetrics not found for a pod without metrics yet', async () => {
    const c = createCluster();
    c.ctx.client('kubernetes-admin', 'test').create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } as KubeObject);
    await c.advance(5_000);
    const r = get(c, '/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/p');
    expect([r.status, body<{ message: string }>(r).message]).toEqual([404, 'podmetrics.metrics.k8s.io "default/p" not found']);
  });

  it('filters by label and field selectors and answers tables', () => {
    const c = createCluster();
    const sel = body<{ items: { metadata: { name: string } }[] }>(get(c, '/apis/metrics.k8s.io/v1beta1/namespaces/kube-system/pods', { labelSelector: 'k8s-app=kube-dns' }));
    expect(sel.items.map((i) => i.metadata.name.replace(/-[a-z0-9]+-[a-z0-9]+$/, ''))).toEqual(['coredns', 'coredns']);
    const byField = body<{ items: { metadata: { name: string } }[] }>(get(c, '/apis/metrics.k8s.io/v1beta1/pods', { fieldSelector: 'metadata.name=etcd-control-plane' }));
    expect(byField.items.map((i) => i.metadata.name)).toEqual(['etcd-control-plane']);
    const t = body<{ kind: string; columnDefinitions: { name: string; format: string }[]; rows: { cells: string[]; object: { kind: string } }[] }>(get(c, '/apis/metrics.k8s.io/v1beta1/nodes', {}, TABLE));
    expect(t.kind).toBe('Table');
    expect(t.columnDefinitions.map((d) => `${d.name}:${d.format}`)).toEqual(['Name:name', 'cpu:quantity', 'memory:quantity', 'Window:duration']);
    expect(t.rows[0].cells[0]).toBe('control-plane');
    expect(t.rows[0].cells[3]).toBe('15s');
    expect(t.rows[0].object.kind).toBe('PartialObjectMetadata');
    expect(get(c, '/apis/metrics.k8s.io/v1beta1/pods', { labelSelector: 'a in (' }).status).toBe(400);
  });

  it('refuses writes and watches, and has no metrics for a node that is down', async () => {
    const c = createCluster();
    expect(c.handle({ method: 'POST', path: '/apis/metrics.k8s.io/v1beta1/nodes', body: {} }).status).toBe(405);
    expect(get(c, '/apis/metrics.k8s.io/v1beta1/nodes', { watch: 'true' }).status).toBe(405);
    c.kubelets.get('worker-3')!.powerOff();
    const r = get(c, '/apis/metrics.k8s.io/v1beta1/nodes/worker-3');
    expect(body<{ message: string }>(r).message).toBe('nodemetrics.metrics.k8s.io "worker-3" not found');
    expect(get(c, '/apis/metrics.k8s.io/v1beta1/nodes/nope').status).toBe(404);
  });

  it('caps CPU at the container limit and counts recorded work', async () => {
    const c = createCluster();
    deploy(c, 'php', 'registry.k8s.io/hpa-example', 1, { limits: { cpu: '500m' }, requests: { cpu: '200m' } });
    await c.advance(40_000);
    const pod = [...c.store.list('pods', 'default')][0];
    const uid = pod.metadata!.uid!;
    const cpuOf = () => body<{ containers: { usage: { cpu: string } }[] }>(get(c, `/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/${pod.metadata!.name}`)).containers[0].usage.cpu;
    const nano = (q: string) => (q.endsWith('n') ? Number(q.slice(0, -1)) : q.endsWith('u') ? Number(q.slice(0, -1)) * 1e3 : Number(q.slice(0, -1)) * 1e6);
    expect(nano(cpuOf())).toBeLessThan(5e6);
    // 0.3 cores of work per second for 35 s: the last scrape's window is all load, 300m.
    for (let s = 0; s < 35; s++) {
      c.load.recordCpu({ podUid: uid, container: 'php' }, 0.3, c.clock.now());
      await c.advance(1_000);
    }
    expect(nano(cpuOf()) / 1e6).toBeGreaterThan(290);
    expect(nano(cpuOf()) / 1e6).toBeLessThan(310);
    for (let s = 0; s < 35; s++) {
      c.load.recordCpu({ podUid: uid, container: 'php' }, 2, c.clock.now());
      await c.advance(1_000);
    }
    expect(nano(cpuOf()) / 1e6).toBeLessThanOrEqual(500);
    expect(nano(cpuOf()) / 1e6).toBeGreaterThan(499);
  });
});
