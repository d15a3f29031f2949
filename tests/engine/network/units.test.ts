// The small pieces: busybox's and curl's number formats, URL parsing, which images carry which tools,
// addresses, the resolver's search order, endpoint choice with terminating endpoints, and load generators.

import { describe, expect, it } from 'vitest';
import { smartSize5, progressLine } from '../../../src/engine/network/wget';
import { max5 } from '../../../src/engine/network/curl-output';
import { parseURL, toolbox } from '../../../src/engine/network/tools';
import { cidrContains, dashed, undashed } from '../../../src/engine/network/addresses';
import { ServiceTable } from '../../../src/engine/network/services';
import { ClusterDNS } from '../../../src/engine/network/dns';
import { Store } from '../../../src/engine/store/store';
import type { KubeObject } from '../../../src/engine/api/types';
import { deployment, netWorld, service } from './world';

describe('number formats', () => {
  it.each([
    [0, '    0'],
    [615, '  615'],
    [99999, '99999'],
    [100000, '97.6k'],
    [1_048_576, '1024k'],
    [123_456_789, ' 117M'],
  ])('busybox smart_ulltoa5(%i) = %j', (n, s) => expect(smartSize5(n)).toBe(s));

  it('draws the non-tty progress line', () => {
    expect(progressLine('index.html', 615)).toBe('index.html           100% |********************************|   615  0:00:00 ETA\n');
    expect(progressLine('a-very-long-file-name.tar.gz', 10)).toBe('a-very-long-file-nam 100% |********************************|    10  0:00:00 ETA\n');
  });

  it.each([
    [615, '  615'],
    [99999, '99999'],
    [205000, ' 200k'],
    [20 * 1024 * 1024, '20.0M'],
  ])('curl max5data(%i) = %j', (n, s) => expect(max5(n)).toBe(s));
});

describe('parseURL', () => {
  it.each([
    ['web', { scheme: 'http', host: 'web', port: 80, target: '/', hostHeader: 'web' }],
    ['web:8080/a?b=1', { scheme: 'http', host: 'web', port: 8080, target: '/a?b=1', hostHeader: 'web:8080' }],
    ['https://x.example.com/p#frag', { scheme: 'https', host: 'x.example.com', port: 443, target: '/p', hostHeader: 'x.example.com' }],
    ['http://user:pw@10.0.0.1:80', { scheme: 'http', host: '10.0.0.1', port: 80, target: '/', hostHeader: '10.0.0.1' }],
  ])('%s', (raw, want) => expect(parseURL(raw)).toEqual(want));

  it('rejects other schemes and bad ports', () => {
    expect(parseURL('ftp://x/')).toEqual({ error: 'scheme', scheme: 'ftp' });
    expect(parseURL('http://x:99999/')).toBeUndefined();
    expect(parseURL('http:///')).toBeUndefined();
  });
});

describe('toolbox', () => {
  it.each([
    ['docker.io/library/busybox:1.36', { wget: true, ping: true, nslookup: 'modern' }],
    ['docker.io/library/busybox:1.28', { wget: true, ping: true, nslookup: 'legacy' }],
    ['registry.k8s.io/busybox:latest', { wget: true, ping: true, nslookup: 'modern' }],
    ['docker.io/curlimages/curl:8.11.1', { wget: true, ping: true, nslookup: 'modern', curl: '8.11.1' }],
    ['docker.io/library/nginx:1.27', { wget: false, ping: false, curl: '7.88.1' }],
    ['docker.io/library/nginx:1.27-alpine', { wget: true, ping: true, nslookup: 'modern', curl: '8.11.1' }],
    ['docker.io/library/ubuntu:24.04', { wget: false, ping: false }],
  ])('%s', (image, want) => expect(toolbox(image)).toEqual(want));
});

describe('addresses', () => {
  it('matches CIDRs and dashed names', () => {
    expect(cidrContains('10.244.0.0/16', '10.244.3.7')).toBe(true);
    expect(cidrContains('10.244.0.0/16', '10.245.0.1')).toBe(false);
    expect(cidrContains('0.0.0.0/0', '8.8.8.8')).toBe(true);
    expect(cidrContains('1.2.3.4/32', '1.2.3.4')).toBe(true);
    expect(dashed('10.244.1.5')).toBe('10-244-1-5');
    expect(undashed('10-244-1-5')).toBe('10.244.1.5');
    expect(undashed('web-1')).toBeUndefined();
  });
});

function store(): Store {
  const s = new Store();
  s.register('services');
  s.register('endpointslices.discovery.k8s.io');
  s.register('pods');
  return s;
}

describe('ServiceTable', () => {
  const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { clusterIP: '10.96.5.5', clusterIPs: ['10.96.5.5'], ports: [{ name: 'http', port: 80, protocol: 'TCP' }] } } as KubeObject;
  const slice = (endpoints: unknown[]) =>
    ({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'web-abc', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } }, addressType: 'IPv4', ports: [{ name: 'http', port: 8080, protocol: 'TCP' }], endpoints }) as unknown as KubeObject;

  it('indexes VIPs and prefers ready endpoints, falling back to serving-terminating ones', () => {
    const s = store();
    const t = new ServiceTable(s);
    s.create('services', svc);
    expect(t.byVip('10.96.5.5')?.metadata?.name).toBe('web');
    s.create('endpointslices.discovery.k8s.io', slice([
      { addresses: ['10.244.1.2'], conditions: { ready: false, serving: true, terminating: true } },
      { addresses: ['10.244.1.3'], conditions: { ready: true, serving: true, terminating: false } },
    ]));
    const sp = (svc.spec as { ports: { name: string; port: number }[] }).ports[0];
    expect(t.pick(t.get('default', 'web')!, sp, 'c', 0)?.ip).toBe('10.244.1.3');
    s.delete('endpointslices.discovery.k8s.io', 'default', 'web-abc');
    s.create('endpointslices.discovery.k8s.io', slice([
      { addresses: ['10.244.1.2'], conditions: { ready: false, serving: true, terminating: true } },
      { addresses: ['10.244.1.4'], conditions: { ready: false, serving: false, terminating: false } },
    ]));
    expect(t.usable(t.get('default', 'web')!, sp).map((e) => `${e.ip}:${e.port}`)).toEqual(['10.244.1.2:8080']);
    s.delete('services', 'default', 'web');
    expect(t.byVip('10.96.5.5')).toBeUndefined();
  });
});

describe('resolver search order (ndots:5)', () => {
  const dns = new ClusterDNS(store(), new ServiceTable(store()));
  it.each([
    ['web', ['web.shop.svc.cluster.local', 'web.svc.cluster.local', 'web.cluster.local', 'web']],
    ['web.prod', ['web.prod.shop.svc.cluster.local', 'web.prod.svc.cluster.local', 'web.prod.cluster.local', 'web.prod']],
    ['web.prod.svc.cluster.local.', ['web.prod.svc.cluster.local']],
    ['a.b.c.d.e.f', ['a.b.c.d.e.f', 'a.b.c.d.e.f.shop.svc.cluster.local', 'a.b.c.d.e.f.svc.cluster.local', 'a.b.c.d.e.f.cluster.local']],
  ])('%s', (name, want) => expect(dns.candidates(name, 'shop')).toEqual(want));
});

describe('kubeplay load', () => {
  it('sends the requested rate and charges CPU to the serving pods', async () => {
    const w = netWorld();
    w.apply(deployment('php-apache', 'registry.k8s.io/hpa-example', 2), service('php-apache', {}));
    await w.advance(60_000);
    const run = w.cluster.net.loads.start({ namespace: 'default', service: 'php-apache', rps: 10, durationMs: 10_000 });
    expect('error' in run).toBe(false);
    await w.advance(15_000);
    const [r] = w.cluster.net.loads.list();
    expect([r.sent, r.ok, r.failed, r.running]).toEqual([100, 100, 0, false]);
    const now = w.cluster.clock.now();
    const pods = [...w.client.list<{ metadata: { uid: string; labels: Record<string, string> } }>('pods', 'default')].filter((p) => p.metadata.labels.app === 'php-apache');
    const cores = pods.map((p) => w.cluster.load.cpuCores({ podUid: p.metadata.uid, container: 'php-apache' }, now, 20_000));
    // 100 requests × 0.2 core-seconds, split evenly by round robin, averaged over 20 s.
    expect(cores.map((c) => c.toFixed(3))).toEqual(['0.500', '0.500']);
    expect(w.cluster.net.loads.start({ namespace: 'default', service: 'nope', rps: 1 })).toEqual({ error: 'service "nope" not found in namespace "default"' });
  });
});

describe('DefaultIngressClass admission', () => {
  it('fills in the default class (the newest of several), and leaves explicit choices alone', async () => {
    const w = netWorld();
    const ing = (name: string, extra: Record<string, unknown> = {}) =>
      ({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, ...extra }, spec: { defaultBackend: { service: { name: 'web', port: { number: 80 } } } } }) as KubeObject;
    const cls = (o: KubeObject) => (o as { spec: { ingressClassName?: string } }).spec.ingressClassName;
    expect(cls(w.client.create('ingresses.networking.k8s.io', { ...ing('a'), metadata: { name: 'a', namespace: 'default' } }))).toBe('nginx');
    expect(cls(w.client.create('ingresses.networking.k8s.io', { ...ing('b'), metadata: { name: 'b', namespace: 'default', annotations: { 'kubernetes.io/ingress.class': 'traefik' } } }))).toBeUndefined();
    await w.advance(1000);
    w.client.create('ingressclasses.networking.k8s.io', { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'traefik', annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } }, spec: { controller: 'traefik.io/ingress-controller' } } as KubeObject);
    expect(cls(w.client.create('ingresses.networking.k8s.io', { ...ing('c'), metadata: { name: 'c', namespace: 'default' } }))).toBe('traefik');
  });
});
