// The API server's REST semantics as clients see them: Status errors, optimistic concurrency, generation,
// graceful deletion, finalizers, dry runs, Tables, watches.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../src/engine/cluster';
import type { ApiRequest, WatchEvent } from '../../../src/engine/api/types';

function cluster() {
  return createCluster({ seed: 3, nodes: 1 });
}

const deploy = (name: string, replicas = 1) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } },
});

describe('API server', () => {
  it('creates, conflicts and reports AlreadyExists / NotFound with upstream Status bodies', () => {
    const c = cluster();
    const path = '/apis/apps/v1/namespaces/default/deployments';
    const r1 = c.handle({ method: 'POST', path, body: deploy('web') });
    expect(r1.status).toBe(201);
    const r2 = c.handle({ method: 'POST', path, body: deploy('web') });
    expect(r2.status).toBe(409);
    expect(r2.body).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'deployments.apps "web" already exists', reason: 'AlreadyExists', details: { name: 'web', group: 'apps', kind: 'deployments' }, code: 409 });
    const r3 = c.handle({ method: 'GET', path: `${path}/nope` });
    expect(r3.body).toMatchObject({ message: 'deployments.apps "nope" not found', reason: 'NotFound', code: 404 });
    const r4 = c.handle({ method: 'GET', path: '/api/v1/namespaces/default/pods/nope' });
    expect((r4.body as { message: string }).message).toBe('pods "nope" not found');
  });

  it('rejects stale updates with 409 Conflict and keeps generation for metadata-only changes', () => {
    const c = cluster();
    const path = '/apis/apps/v1/namespaces/default/deployments';
    const created = c.handle({ method: 'POST', path, body: deploy('web') }).body as { metadata: { resourceVersion: string; generation: number } };
    expect(created.metadata.generation).toBe(1);
    const stale = { ...deploy('web', 2), metadata: { name: 'web', resourceVersion: created.metadata.resourceVersion } };
    const ok = c.handle({ method: 'PUT', path: `${path}/web`, body: stale });
    expect(ok.status).toBe(200);
    expect((ok.body as { metadata: { generation: number } }).metadata.generation).toBe(2);
    const again = c.handle({ method: 'PUT', path: `${path}/web`, body: stale });
    expect(again.status).toBe(409);
    expect((again.body as { message: string }).message).toBe('Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again');
    const labels = c.handle({ method: 'PATCH', path: `${path}/web`, body: { metadata: { labels: { a: 'b' } } }, headers: { 'content-type': 'application/merge-patch+json' } });
    expect((labels.body as { metadata: { generation: number } }).metadata.generation).toBe(2);
  });

  it('reports validation errors as 422 Invalid with causes', () => {
    const c = cluster();
    const bad = deploy('web');
    bad.spec.replicas = -1;
    const r = c.handle({ method: 'POST', path: '/apis/apps/v1/namespaces/default/deployments', body: bad });
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({
      reason: 'Invalid',
      message: 'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      details: { name: 'web', group: 'apps', kind: 'Deployment', causes: [{ reason: 'FieldValueInvalid', message: 'Invalid value: -1: must be greater than or equal to 0', field: 'spec.replicas' }] },
    });
  });

  it('dry runs store nothing', () => {
    const c = cluster();
    const before = c.store.resourceVersion();
    const r = c.handle({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', query: { dryRun: 'All' }, body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } } });
    expect(r.status).toBe(201);
    expect(c.store.resourceVersion()).toBe(before);
    expect(c.handle({ method: 'GET', path: '/api/v1/namespaces/default/configmaps/x' }).status).toBe(404);
  });

  it('refuses creates in missing and terminating namespaces', () => {
    const c = cluster();
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } };
    expect((c.handle({ method: 'POST', path: '/api/v1/namespaces/nope/configmaps', body: cm }).body as { message: string }).message).toBe('namespaces "nope" not found');
    c.handle({ method: 'POST', path: '/api/v1/namespaces', body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'gone' } } });
    c.handle({ method: 'POST', path: '/api/v1/namespaces/gone/configmaps', body: { ...cm, metadata: { name: 'keep', finalizers: ['example.com/hold'] } } });
    const del = c.handle({ method: 'DELETE', path: '/api/v1/namespaces/gone' });
    expect((del.body as { status: { phase: string } }).status.phase).toBe('Terminating');
    const r = c.handle({ method: 'POST', path: '/api/v1/namespaces/gone/configmaps', body: cm });
    expect(r.status).toBe(403);
    expect((r.body as { message: string }).message).toBe('configmaps "x" is forbidden: unable to create new content in namespace gone because it is being terminated');
  });

  it('keeps objects with finalizers until the finalizers are removed', () => {
    const c = cluster();
    const path = '/api/v1/namespaces/default/configmaps';
    c.handle({ method: 'POST', path, body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'f', finalizers: ['example.com/x'] } } });
    const d = c.handle({ method: 'DELETE', path: `${path}/f` });
    expect((d.body as { metadata: { deletionTimestamp?: string } }).metadata.deletionTimestamp).toBeDefined();
    const live = c.handle({ method: 'GET', path: `${path}/f` });
    expect(live.status).toBe(200);
    const add = c.handle({ method: 'PATCH', path: `${path}/f`, body: { metadata: { finalizers: ['example.com/x', 'example.com/y'] } }, headers: { 'content-type': 'application/merge-patch+json' } });
    expect(add.status).toBe(422);
    c.handle({ method: 'PATCH', path: `${path}/f`, body: { metadata: { finalizers: null } }, headers: { 'content-type': 'application/merge-patch+json' } });
    expect(c.handle({ method: 'GET', path: `${path}/f` }).status).toBe(404);
  });

  it('answers Tables with kube-apiserver columns when asked', () => {
    const c = cluster();
    const r = c.handle({ method: 'GET', path: '/api/v1/nodes', headers: { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' } });
    const t = r.body as { kind: string; columnDefinitions: { name: string; priority: number }[]; rows: { cells: unknown[]; object: { kind: string } }[] };
    expect(t.kind).toBe('Table');
    expect(t.columnDefinitions.filter((d) => d.priority === 0).map((d) => d.name)).toEqual(['Name', 'Status', 'Roles', 'Age', 'Version']);
    expect(t.rows[0].cells.slice(0, 3)).toEqual(['control-plane', 'Ready', 'control-plane']);
    expect(t.rows[0].object.kind).toBe('PartialObjectMetadata');
  });

  it('watches with synthetic ADDED, from a resourceVersion, and answers 410 for compacted history', () => {
    const c = createCluster({ seed: 3, nodes: 1, historyPerResource: 5 });
    const path = '/api/v1/namespaces/default/configmaps';
    const events: WatchEvent[] = [];
    const req: ApiRequest = { method: 'GET', path, query: { watch: 'true' } };
    c.handle({ method: 'POST', path, body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } } });
    const w = c.handle(req).watch!;
    w.subscribe((e) => events.push(e), () => {});
    c.handle({ method: 'POST', path, body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' } } });
    c.handle({ method: 'DELETE', path: `${path}/a` });
    expect(events.map((e) => `${e.type} ${(e.object as { metadata: { name: string } }).metadata.name}`)).toEqual(['ADDED a', 'ADDED kube-root-ca.crt', 'ADDED b', 'DELETED a']);
    w.close();
    for (let i = 0; i < 10; i++) c.handle({ method: 'POST', path, body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `x${i}` } } });
    const old = c.handle({ method: 'GET', path, query: { watch: 'true', resourceVersion: '1' } });
    const got: WatchEvent[] = [];
    old.watch!.subscribe((e) => got.push(e), () => {});
    expect(got[0].type).toBe('ERROR');
    expect(got[0].object).toMatchObject({ code: 410, reason: 'Expired' });
  });

  it('serves discovery and 404s unknown paths', () => {
    const c = cluster();
    const agg = c.handle({ method: 'GET', path: '/apis', headers: { accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList' } });
    expect(agg.headers['content-type']).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
    const list = c.handle({ method: 'GET', path: '/api/v1' }).body as { resources: { name: string; shortNames?: string[] }[] };
    expect(list.resources.find((r) => r.name === 'pods')!.shortNames).toEqual(['po']);
    expect(c.handle({ method: 'GET', path: '/nope' }).status).toBe(404);
    expect(c.handle({ method: 'GET', path: '/openapi/v2' }).status).toBe(404);
    expect((c.handle({ method: 'GET', path: '/version' }).body as { minor: string }).minor).toBe('32');
  });
});
