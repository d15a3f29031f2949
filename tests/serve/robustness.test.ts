// The HTTP adapter under abuse: bad bodies and content types, oversized uploads, unknown paths, concurrent
// writers, watchers that go away, thousands of requests — the server stays up and the state consistent.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { startTestServer, waitFor, type TestServer } from './helpers';
import type { Store } from '../../src/engine/store/store';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ speed: 1 });
});
afterAll(async () => {
  await t?.close();
});

const CM = '/api/v1/namespaces/default/configmaps';

async function call(method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  const res = await fetch(t.url + path, { method, body, headers: body !== undefined ? { 'content-type': 'application/json', ...headers } : headers });
  const text = await res.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status: res.status, type: res.headers.get('content-type'), text, json };
}

/** Raw node:http upload (fetch cannot send a body without reading its answer first). */
function upload(path: string, size: number, chunked: boolean): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(t.url + path);
    const headers: Record<string, string | number> = { 'content-type': 'application/json' };
    if (!chunked) headers['content-length'] = size;
    const req = request({ host: url.hostname, port: url.port, path, method: 'POST', headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

function watchersOf(resource: string): number {
  const tables = (t.server.cluster.store as unknown as { tables: Map<string, { watchers: Set<unknown> }> }).tables;
  return tables.get(resource)?.watchers.size ?? 0;
}

describe('errors come back as Status objects', () => {
  it.each([
    ['GET', '/nope', undefined, {}, 404, 'NotFound', 'the server could not find the requested resource'],
    ['GET', '/api/v1/namespaces/default/widgets', undefined, {}, 404, 'NotFound', 'the server could not find the requested resource'],
    ['GET', `${CM}/missing`, undefined, {}, 404, 'NotFound', 'configmaps "missing" not found'],
    ['POST', CM, '{"kind": "ConfigMap", ', {}, 400, 'BadRequest', undefined],
    ['POST', CM, '[1,2]', {}, 400, 'BadRequest', undefined],
    ['POST', CM, 'name: x', { 'content-type': 'text/plain' }, 415, 'UnsupportedMediaType', undefined],
    ['POST', CM, 'garbage', { 'content-type': 'application/vnd.kubernetes.protobuf' }, 400, 'BadRequest', 'provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]'],
    ['POST', CM, 'k8s\0\xff\xff\xff', { 'content-type': 'application/vnd.kubernetes.protobuf' }, 400, 'BadRequest', undefined],
    ['PATCH', `${CM}/x`, '{}', { 'content-type': 'application/bogus-patch' }, 415, 'UnsupportedMediaType', undefined],
    ['OPTIONS', CM, undefined, {}, 405, 'MethodNotAllowed', undefined],
    ['GET', '/api/v1/namespaces/%zz/pods', undefined, {}, 400, 'BadRequest', 'invalid URL escape in path "/api/v1/namespaces/%zz/pods"'],
    ['GET', '/api/v1/namespaces/default/pods/p/exec?command=ls', undefined, {}, 400, 'BadRequest', 'Upgrade request required'],
  ] as const)('%s %s', async (method, path, body, headers, code, reason, message) => {
    const r = await call(method, path, body, { ...headers });
    expect(r.status).toBe(code);
    expect(r.type).toBe('application/json');
    expect(r.json).toMatchObject({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code, reason });
    if (message) expect(r.json!.message).toBe(message);
  });

  it('answers 413 for a declared oversized body without reading it, and for a chunked one', async () => {
    for (const chunked of [false, true]) {
      const r = await upload(CM, 5 * 1024 * 1024, chunked);
      expect(r.status).toBe(413);
      expect(JSON.parse(r.body)).toMatchObject({ kind: 'Status', code: 413, reason: 'RequestEntityTooLarge', message: 'Request entity too large: limit is 3145728' });
    }
    expect((await call('GET', '/version')).status).toBe(200);
  });

  it('a body just under the limit is read whole', async () => {
    const padding = ' '.repeat(3 * 1024 * 1024 - 200);
    const r = await call('POST', CM, `${padding}${JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'big' }, data: { d: 'x' } })}`);
    expect(r.status).toBe(201);
  });
});

describe('concurrency and volume', () => {
  it('many writers racing on one object: 409s, and no update is lost', async () => {
    await call('POST', CM, JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'counter' }, data: { n: '0' } }));
    let conflicts = 0;
    const writer = async (times: number) => {
      for (let i = 0; i < times; ) {
        const cur = (await call('GET', `${CM}/counter`)).json as { data: { n: string } };
        cur.data.n = String(Number(cur.data.n) + 1);
        const r = await call('PUT', `${CM}/counter`, JSON.stringify(cur));
        if (r.status === 409) {
          expect(r.json).toMatchObject({ reason: 'Conflict', message: expect.stringContaining('the object has been modified') });
          conflicts++;
          continue;
        }
        expect(r.status).toBe(200);
        i++;
      }
    };
    await Promise.all(Array.from({ length: 10 }, () => writer(10)));
    const final = (await call('GET', `${CM}/counter`)).json as { data: { n: string } };
    expect(final.data.n).toBe('100');
    expect(conflicts).toBeGreaterThan(0);
  });

  it('parallel creates of one name: one 201, the rest 409 AlreadyExists; of distinct names: all stored', async () => {
    const same = await Promise.all(Array.from({ length: 20 }, () => call('POST', CM, JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'race' } }))));
    expect(same.filter((r) => r.status === 201)).toHaveLength(1);
    expect(same.filter((r) => r.status === 409 && r.json?.reason === 'AlreadyExists')).toHaveLength(19);
    const many = await Promise.all(
      Array.from({ length: 200 }, (_, i) => call('POST', CM, JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `many-${i}`, labels: { batch: 'many' } } }))),
    );
    expect(many.every((r) => r.status === 201)).toBe(true);
    const list = (await call('GET', `${CM}?labelSelector=batch%3Dmany`)).json as { items: unknown[] };
    expect(list.items).toHaveLength(200);
  });

  it('thousands of requests in a row on kept-alive connections', async () => {
    const start = Date.now();
    for (let i = 0; i < 3000; i++) {
      const r = await fetch(`${t.url}${i % 2 ? '/version' : `${CM}/counter`}`);
      expect(r.status).toBe(200);
      await r.arrayBuffer();
    }
    expect(Date.now() - start).toBeLessThan(30_000);
  });
});

describe('streams', () => {
  it('watch: headers at once, one JSON event per line, synthetic ADDED first', async () => {
    const ctrl = new AbortController();
    const res = await fetch(`${t.url}${CM}?watch=true&fieldSelector=metadata.name%3Dcounter`, { signal: ctrl.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    const reader = res.body!.getReader();
    let text = '';
    while (!text.includes('\n')) text += new TextDecoder().decode((await reader.read()).value);
    const first = JSON.parse(text.slice(0, text.indexOf('\n'))) as { type: string; object: { metadata: { name: string } } };
    expect(first.type).toBe('ADDED');
    expect(first.object.metadata.name).toBe('counter');
    void call('PATCH', `${CM}/counter`, JSON.stringify({ data: { touched: 'yes' } }), { 'content-type': 'application/merge-patch+json' });
    while (text.split('\n').length < 3) text += new TextDecoder().decode((await reader.read()).value);
    expect(JSON.parse(text.split('\n')[1]).type).toBe('MODIFIED');
    ctrl.abort();
  });

  it('watchers that disconnect mid-stream are released, in the adapter and in the store', async () => {
    await waitFor(() => t.server.activeStreams() === 0, 5000, 'earlier streams to close');
    const before = watchersOf('configmaps');
    const ctrls = Array.from({ length: 30 }, () => new AbortController());
    await Promise.all(
      ctrls.map(async (c) => {
        const res = await fetch(`${t.url}${CM}?watch=true`, { signal: c.signal });
        await res.body!.getReader().read();
      }),
    );
    expect(t.server.activeStreams()).toBeGreaterThanOrEqual(30);
    expect(watchersOf('configmaps')).toBe(before + 30);
    for (const c of ctrls) c.abort();
    await waitFor(() => t.server.activeStreams() === 0, 5000, 'streams to close');
    expect(watchersOf('configmaps')).toBe(before);
    // Writes after the disconnects go nowhere and break nothing.
    expect((await call('PATCH', `${CM}/counter`, JSON.stringify({ data: { after: 'x' } }), { 'content-type': 'application/merge-patch+json' })).status).toBe(200);
  });

  it('a watch whose timeoutSeconds passes ends cleanly', async () => {
    t.server.driver.setSpeed(50);
    try {
      const rv = ((await call('GET', '/api/v1/namespaces/kube-system/pods')).json as { metadata: { resourceVersion: string } }).metadata.resourceVersion;
      const res = await fetch(`${t.url}/api/v1/namespaces/kube-system/pods?watch=true&timeoutSeconds=5&resourceVersion=${rv}`);
      const body = await res.text();
      expect(res.status).toBe(200);
      for (const line of body.split('\n').filter(Boolean)) expect(JSON.parse(line)).toHaveProperty('type');
    } finally {
      t.server.driver.setSpeed(1);
    }
  });

  it('an exception inside the engine becomes a 500 Status and the server goes on', async () => {
    const cluster = t.server.cluster;
    const original = cluster.handle;
    cluster.handle = () => {
      throw new Error('boom');
    };
    try {
      const r = await call('GET', '/version');
      expect(r.status).toBe(500);
      expect(r.json).toMatchObject({ kind: 'Status', reason: 'InternalError', message: 'Internal error occurred: boom' });
    } finally {
      cluster.handle = original;
    }
    expect((await call('GET', '/version')).json).toMatchObject({ major: '1', minor: '32' });
  });
});
