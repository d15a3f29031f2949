// @kubernetes/client-node 1.4 (plain JSON, no discovery) against `kubeplay serve`: list, watch, informer,
// create, patch, delete, exec.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import * as k8s from '@kubernetes/client-node';
import { startTestServer, waitFor, type TestServer } from './helpers';

let t: TestServer;
let kc: k8s.KubeConfig;
let core: k8s.CoreV1Api;
let apps: k8s.AppsV1Api;

beforeAll(async () => {
  t = await startTestServer({ speed: 10 });
  kc = new k8s.KubeConfig();
  kc.loadFromFile(t.kubeconfig);
  core = kc.makeApiClient(k8s.CoreV1Api);
  apps = kc.makeApiClient(k8s.AppsV1Api);
});
afterAll(async () => {
  await t?.close();
});

describe('@kubernetes/client-node', () => {
  it('lists nodes and pods', async () => {
    const nodes = await core.listNode();
    expect(nodes.items.map((n) => n.metadata?.name)).toEqual(['control-plane', 'worker-1', 'worker-2']);
    const pods = await core.listNamespacedPod({ namespace: 'kube-system' });
    expect(pods.items.some((p) => p.metadata?.name === 'etcd-control-plane')).toBe(true);
    // Timestamps come back as Dates (RFC3339 on the wire).
    expect(pods.items[0].metadata?.creationTimestamp).toBeInstanceOf(Date);
  });

  it('creates, patches (merge and strategic) and deletes', async () => {
    const created = await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'cfg', labels: { app: 'a' } }, data: { a: '1' } } });
    expect(created.metadata?.resourceVersion).toMatch(/^\d+$/);
    const merged = await core.patchNamespacedConfigMap(
      { name: 'cfg', namespace: 'default', body: { data: { b: '2' } } },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    expect(merged.data).toEqual({ a: '1', b: '2' });
    const jsonPatched = await core.patchNamespacedConfigMap({ name: 'cfg', namespace: 'default', body: [{ op: 'remove', path: '/data/a' }] });
    expect(jsonPatched.data).toEqual({ b: '2' });

    await apps.createNamespacedDeployment({
      namespace: 'default',
      body: {
        metadata: { name: 'web' },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: 'web' } },
          template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } },
        },
      },
    });
    const smp = await apps.patchNamespacedDeployment(
      { name: 'web', namespace: 'default', body: { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:1.26' }] } } } } },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.StrategicMergePatch),
    );
    expect(smp.spec?.template.spec?.containers.map((c) => c.image)).toEqual(['nginx:1.26']);
    const conflict = await core
      .replaceNamespacedConfigMap({ name: 'cfg', namespace: 'default', body: { metadata: { name: 'cfg', resourceVersion: created.metadata!.resourceVersion }, data: {} } })
      .catch((e: k8s.ApiException<string>) => e);
    expect(conflict).toBeInstanceOf(k8s.ApiException);
    expect((conflict as k8s.ApiException<string>).code).toBe(409);

    const deleted = await core.deleteNamespacedConfigMap({ name: 'cfg', namespace: 'default' });
    expect(deleted.status).toBe('Success');
    const missing = await core.readNamespacedConfigMap({ name: 'cfg', namespace: 'default' }).catch((e: k8s.ApiException<string>) => e);
    expect((missing as k8s.ApiException<string>).code).toBe(404);
    expect(JSON.parse((missing as k8s.ApiException<string>).body)).toMatchObject({ kind: 'Status', reason: 'NotFound' });
  });

  it('watch: synthetic ADDED for what exists, then live events', async () => {
    await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'w1' } } });
    const events: string[] = [];
    let ended = false;
    const ctrl = await new k8s.Watch(kc).watch(
      '/api/v1/namespaces/default/configmaps',
      { allowWatchBookmarks: true },
      (type, obj: k8s.V1ConfigMap) => events.push(`${type} ${obj.metadata?.name}`),
      () => (ended = true),
    );
    await waitFor(() => events.includes('ADDED w1'), 5000, 'synthetic ADDED');
    await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'w2' } } });
    await core.deleteNamespacedConfigMap({ name: 'w1', namespace: 'default' });
    await waitFor(() => events.includes('DELETED w1'), 5000, 'live events');
    expect(events.filter((e) => !e.startsWith('BOOKMARK'))).toEqual(expect.arrayContaining(['ADDED kube-root-ca.crt', 'ADDED w1', 'ADDED w2', 'DELETED w1']));
    ctrl.abort();
    await waitFor(() => ended, 5000, 'watch done');
    await waitFor(() => t.server.activeStreams() === 0, 5000, 'server stream closed');
  });

  it('informer: list, then watch from the list resourceVersion', async () => {
    const informer = k8s.makeInformer(kc, '/api/v1/namespaces/default/pods', () => core.listNamespacedPod({ namespace: 'default' }));
    const seen: string[] = [];
    informer.on('add', (p) => seen.push(`add ${p.metadata?.name}`));
    informer.on('update', (p) => seen.push(`update ${p.metadata?.name} ${p.status?.phase}`));
    informer.on('delete', (p) => seen.push(`delete ${p.metadata?.name}`));
    await informer.start();
    await waitFor(() => seen.some((s) => s.startsWith('add web-')), 5000, 'the deployment pod');
    await core.createNamespacedPod({ namespace: 'default', body: { metadata: { name: 'solo' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } });
    await waitFor(() => seen.includes('update solo Running'), 10_000, 'solo Running');
    await core.deleteNamespacedPod({ name: 'solo', namespace: 'default', gracePeriodSeconds: 0 });
    await waitFor(() => seen.includes('delete solo'), 10_000, 'solo deleted');
    expect(informer.get('solo', 'default')).toBeUndefined();
    expect(informer.list('default').some((p) => p.metadata?.name?.startsWith('web-'))).toBe(true);
    await informer.stop();
  });

  it('exec over WebSocket', async () => {
    const pods = await core.listNamespacedPod({ namespace: 'default', labelSelector: 'app=web' });
    const pod = pods.items.find((p) => p.status?.phase === 'Running') ?? pods.items[0];
    await waitFor(async () => (await core.readNamespacedPod({ name: pod.metadata!.name!, namespace: 'default' })).status?.phase === 'Running', 10_000, 'web pod Running');
    const out = new PassThrough();
    let text = '';
    out.on('data', (d: Buffer) => (text += d.toString()));
    const status = await new Promise<k8s.V1Status>((resolve) => {
      void new k8s.Exec(kc).exec('default', pod.metadata!.name!, 'web', ['sh', '-c', 'echo hello; exit 2'], out, null, null, false, resolve);
    });
    expect(text).toBe('hello\n');
    expect(status).toMatchObject({ status: 'Failure', reason: 'NonZeroExitCode' });
  });
});
