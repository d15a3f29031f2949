// Secrets through the API: stringData merged into base64 data (and never stored), type Opaque by default,
// key validation and immutability applied to the merged data, for creates, updates and patches.

import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/engine/cluster';
import { mergeStringData } from '../../../../src/engine/registry/core/secret-strategy';

const PATH = '/api/v1/namespaces/default/secrets';

describe('Secret strategy', () => {
  it.each([
    [{ stringData: { a: 'héllo' } }, { data: { a: 'aMOpbGxv' } }],
    [{ data: { a: 'eA==', b: 'eQ==' }, stringData: { a: 'z' } }, { data: { a: 'eg==', b: 'eQ==' } }],
    [{ stringData: {} }, {}],
    [{ data: { a: 'eA==' } }, { data: { a: 'eA==' } }],
  ])('merges %j', (input, want) => {
    const s = structuredClone(input) as Record<string, unknown>;
    mergeStringData(s);
    expect(s).toEqual(want);
  });

  it('stores stringData as data with type Opaque, on create, update and patch', () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    const created = c.handle({ method: 'POST', path: PATH, body: { metadata: { name: 's' }, data: { x: 'eA==' }, stringData: { y: 'why' } } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ data: { x: 'eA==', y: 'd2h5' }, type: 'Opaque' });
    expect(created.body).not.toHaveProperty('stringData');
    const patched = c.handle({ method: 'PATCH', path: `${PATH}/s`, body: { stringData: { x: 'new' } }, headers: { 'content-type': 'application/merge-patch+json' } });
    expect(patched.body).toMatchObject({ data: { x: 'bmV3', y: 'd2h5' } });
    expect(patched.body).not.toHaveProperty('stringData');
    const cur = c.handle({ method: 'GET', path: `${PATH}/s` }).body as Record<string, unknown>;
    const put = c.handle({ method: 'PUT', path: `${PATH}/s`, body: { ...cur, stringData: { z: '1' } } });
    expect(put.body).toMatchObject({ data: { x: 'bmV3', y: 'd2h5', z: 'MQ==' } });
  });

  it('validates keys from stringData as data keys and keeps immutable secrets immutable', () => {
    const c = createCluster({ seed: 1, nodes: 1 });
    const bad = c.handle({ method: 'POST', path: PATH, body: { metadata: { name: 'bad' }, stringData: { 'a b': 'x' } } });
    expect(bad.body).toMatchObject({
      code: 422,
      message: `Secret "bad" is invalid: data[a b]: Invalid value: "a b": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
    });
    c.handle({ method: 'POST', path: PATH, body: { metadata: { name: 'frozen' }, stringData: { a: 'x' }, immutable: true } });
    const change = c.handle({ method: 'PATCH', path: `${PATH}/frozen`, body: { stringData: { a: 'y' } }, headers: { 'content-type': 'application/merge-patch+json' } });
    expect(change.body).toMatchObject({ code: 422, message: 'Secret "frozen" is invalid: data: Forbidden: field is immutable when `immutable` is set' });
    const same = c.handle({ method: 'PATCH', path: `${PATH}/frozen`, body: { stringData: { a: 'x' }, metadata: { labels: { l: '1' } } }, headers: { 'content-type': 'application/merge-patch+json' } });
    expect(same.status).toBe(200);
  });
});
