// serviceaccounts/token: TokenRequests answered like kube-apiserver 1.32 (claims, defaults, validation,
// bound objects) with deterministic tokens.

import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../../src/engine/cluster';
import { decodeBase64 } from '../../../src/engine/util/base64';

const TOKEN = '/api/v1/namespaces/default/serviceaccounts/default/token';
const ISSUER = 'https://kubernetes.default.svc.cluster.local';

function cluster(seed = 1): Cluster {
  const c = createCluster({ seed, nodes: 1 });
  c.clock.advance(45_000);
  return c;
}

interface TokenResponse {
  metadata: Record<string, string>;
  spec: Record<string, unknown>;
  status: { token: string; expirationTimestamp: string };
}

function request(c: Cluster, spec: Record<string, unknown> = {}, path = TOKEN, metadata: Record<string, unknown> = {}) {
  return c.handle({ method: 'POST', path, body: { kind: 'TokenRequest', apiVersion: 'authentication.k8s.io/v1', metadata, spec } });
}

function part(token: string, i: number): Record<string, unknown> {
  const b64 = token.split('.')[i].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(decodeBase64(b64 + '==='.slice((b64.length + 3) % 4))!) as Record<string, unknown>;
}

describe('serviceaccounts/token', () => {
  it('answers 201 with a TokenRequest holding a JWT-shaped token with kube-apiserver claims', () => {
    const c = cluster();
    const sa = c.handle({ method: 'GET', path: '/api/v1/namespaces/default/serviceaccounts/default' }).body as { metadata: { uid: string } };
    const r = request(c);
    expect(r.status).toBe(201);
    const body = r.body as TokenResponse;
    const now = Math.floor(c.clock.now() / 1000);
    expect(body.metadata).toEqual({ name: 'default', namespace: 'default', creationTimestamp: new Date(now * 1000).toISOString().replace('.000Z', 'Z') });
    expect(body.spec).toEqual({ audiences: [ISSUER], expirationSeconds: 3600, boundObjectRef: null });
    expect(body.status.expirationTimestamp).toBe(new Date((now + 3600) * 1000).toISOString().replace('.000Z', 'Z'));
    const [header, , signature] = body.status.token.split('.');
    expect(part(body.status.token, 0)).toEqual({ alg: 'RS256', kid: expect.stringMatching(/^[\w-]{43}$/) });
    expect(header).not.toContain('=');
    expect(signature).toMatch(/^[\w-]{342}$/);
    const claims = part(body.status.token, 1);
    expect(Object.keys(claims)).toEqual(['aud', 'exp', 'iat', 'iss', 'jti', 'kubernetes.io', 'nbf', 'sub']);
    expect(claims).toMatchObject({ aud: [ISSUER], exp: now + 3600, iat: now, nbf: now, iss: ISSUER, sub: 'system:serviceaccount:default:default' });
    expect(claims['kubernetes.io']).toEqual({ namespace: 'default', serviceaccount: { name: 'default', uid: sa.metadata.uid } });
    expect(claims.jti).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('is deterministic per seed and differs per request', () => {
    const a = (request(cluster(5)).body as TokenResponse).status.token;
    const b = (request(cluster(5)).body as TokenResponse).status.token;
    expect(a).toBe(b);
    const c = cluster(5);
    expect((request(c).body as TokenResponse).status.token).not.toBe((request(c).body as TokenResponse).status.token);
  });

  it.each([
    [{ expirationSeconds: 60 }, 'TokenRequest.authentication.k8s.io "" is invalid: spec.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes'],
    [{ expirationSeconds: 2 ** 32 + 1 }, 'TokenRequest.authentication.k8s.io "" is invalid: spec.expirationSeconds: Invalid value: 4294967297: may not specify a duration larger than 2^32 seconds'],
  ])('validates the requested lifetime %j', (spec, message) => {
    const r = request(cluster(), spec);
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ reason: 'Invalid', message, details: { group: 'authentication.k8s.io', kind: 'TokenRequest' } });
  });

  it('refuses a missing service account and mismatched metadata', () => {
    const c = cluster();
    expect(request(c, {}, '/api/v1/namespaces/default/serviceaccounts/nope/token').body).toMatchObject({ code: 404, reason: 'NotFound', message: 'serviceaccounts "nope" not found' });
    expect(request(c, {}, TOKEN, { name: 'other' }).body).toMatchObject({
      code: 422,
      message: 'TokenRequest.authentication.k8s.io "default" is invalid: metadata.name: Invalid value: "other": must match the service account name if specified',
    });
    expect(c.handle({ method: 'GET', path: TOKEN }).status).toBe(405);
  });

  it('binds tokens to secrets, pods (with their node) and nodes, checking uids', () => {
    const c = cluster();
    const secret = c.handle({ method: 'POST', path: '/api/v1/namespaces/default/secrets', body: { metadata: { name: 's' }, stringData: { a: 'b' } } }).body as { metadata: { uid: string } };
    const bound = request(c, { boundObjectRef: { kind: 'Secret', apiVersion: 'v1', name: 's' } }).body as TokenResponse;
    expect(part(bound.status.token, 1)['kubernetes.io']).toMatchObject({ secret: { name: 's', uid: secret.metadata.uid } });
    expect(request(c, { boundObjectRef: { kind: 'Secret', apiVersion: 'v1', name: 's', uid: 'x' } }).body).toMatchObject({
      code: 409,
      reason: 'Conflict',
      message: 'Operation cannot be fulfilled on Secret "s": the UID in the bound object reference (x) does not match the UID in record. The object might have been deleted and then recreated',
    });
    expect(request(c, { boundObjectRef: { kind: 'Secret', apiVersion: 'v1', name: 'gone' } }).body).toMatchObject({ code: 404, message: 'secrets "gone" not found' });
    expect(request(c, { boundObjectRef: { kind: 'ConfigMap', apiVersion: 'v1', name: 'x' } }).body).toMatchObject({ code: 400, message: 'cannot bind token to object of type /v1, Kind=ConfigMap' });

    c.handle({ method: 'POST', path: '/api/v1/namespaces/default/pods', body: { metadata: { name: 'p' }, spec: { nodeName: 'worker-1', containers: [{ name: 'c', image: 'nginx' }] } } });
    const pod = c.handle({ method: 'GET', path: '/api/v1/namespaces/default/pods/p' }).body as { metadata: { uid: string } };
    const node = c.handle({ method: 'GET', path: '/api/v1/nodes/worker-1' }).body as { metadata: { uid: string } };
    const podToken = request(c, { boundObjectRef: { kind: 'Pod', apiVersion: 'v1', name: 'p' }, expirationSeconds: 3607 }).body as TokenResponse;
    const claims = part(podToken.status.token, 1);
    const k8s = claims['kubernetes.io'] as Record<string, unknown>;
    expect(Object.keys(k8s)).toEqual(['namespace', 'node', 'pod', 'serviceaccount', 'warnafter']);
    expect(k8s.pod).toEqual({ name: 'p', uid: pod.metadata.uid });
    expect(k8s.node).toEqual({ name: 'worker-1', uid: node.metadata.uid });
    // Kubelet-style tokens (3607 s, API audiences) live a year and warn after the hour.
    expect((claims.exp as number) - (claims.iat as number)).toBe(365 * 24 * 3600);
    expect(k8s.warnafter).toBe((claims.iat as number) + 3607);
    expect(podToken.spec.expirationSeconds).toBe(3607);

    c.handle({ method: 'POST', path: '/api/v1/namespaces/default/serviceaccounts', body: { metadata: { name: 'other' } } });
    expect(request(c, { boundObjectRef: { kind: 'Pod', apiVersion: 'v1', name: 'p' } }, '/api/v1/namespaces/default/serviceaccounts/other/token').body).toMatchObject({
      code: 400,
      message: 'cannot bind token for serviceaccount "other" to pod running with different serviceaccount name.',
    });
    const nodeToken = request(c, { boundObjectRef: { kind: 'Node', apiVersion: 'v1', name: 'worker-1' }, audiences: ['a', 'b'] }).body as TokenResponse;
    expect(part(nodeToken.status.token, 1)).toMatchObject({ aud: ['a', 'b'], 'kubernetes.io': { node: { name: 'worker-1', uid: node.metadata.uid } } });
  });
});
