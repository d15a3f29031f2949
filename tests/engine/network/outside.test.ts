// The outside world (`kubeplay curl` on the host): NodePorts on node IPs, the load-balancer pool, the
// ingress controller on localhost with host/path routing, and what the host cannot reach.

import { beforeAll, describe, expect, it } from 'vitest';
import { deployment, netWorld, service, type NetWorld } from './world';
import { NGINX_WELCOME_START } from './fixtures';
import type { KubeObject } from '../../../src/engine/api/types';

let w: NetWorld;

function ingress(name: string, spec: Record<string, unknown>, annotations?: Record<string, string>): KubeObject {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, ...(annotations ? { annotations } : {}) }, spec } as KubeObject;
}

function backend(name: string, port: number | string) {
  return { service: { name, port: typeof port === 'number' ? { number: port } : { name: port } } };
}

beforeAll(async () => {
  w = netWorld();
  w.apply(
    deployment('web', 'nginx:1.27', 2),
    service('web', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }),
    service('web-local', { selector: { app: 'web' }, type: 'NodePort', externalTrafficPolicy: 'Local', ports: [{ port: 80, nodePort: 30081 }] }),
    service('web-lb', { selector: { app: 'web' }, type: 'LoadBalancer', ports: [{ port: 8080, targetPort: 80 }] }),
    deployment('apple', 'hashicorp/http-echo', 1, { args: ['-text=apple'] }),
    service('apple', { ports: [{ name: 'http', port: 5678 }] }),
    deployment('banana', 'hashicorp/http-echo', 1, { args: ['-text=banana'] }),
    service('banana', { ports: [{ port: 5678 }] }),
    service('nobody', { selector: { app: 'nobody' } }),
    ingress('fruits', {
      rules: [
        {
          host: 'fruits.example.com',
          http: {
            paths: [
              { path: '/apple', pathType: 'Prefix', backend: backend('apple', 'http') },
              { path: '/banana', pathType: 'Exact', backend: backend('banana', 5678) },
              { path: '/down', pathType: 'Prefix', backend: backend('nobody', 80) },
            ],
          },
        },
        { http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend('web', 80) }] } },
      ],
    }),
    ingress('rewrite', { rules: [{ host: 'rw.example.com', http: { paths: [{ path: '/something(/|$)(.*)', pathType: 'ImplementationSpecific', backend: backend('apple', 5678) }] } }] }, {
      'nginx.ingress.kubernetes.io/rewrite-target': '/$2',
    }),
    ingress('secure', { tls: [{ hosts: ['secure.example.com'], secretName: 'tls' }], rules: [{ host: 'secure.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend('banana', 5678) }] } }] }),
  );
  await w.advance(70_000);
}, 60_000);

describe('Services from outside', () => {
  it('serves a NodePort on every node IP', async () => {
    for (const ip of ['172.18.0.2', '172.18.0.3', '172.18.0.5']) {
      const r = await w.host(`curl -s http://${ip}:30080/`);
      expect(r.out.startsWith(NGINX_WELCOME_START), ip).toBe(true);
    }
  });

  it('drops NodePort traffic on nodes without a local endpoint (externalTrafficPolicy: Local)', async () => {
    const nodes = new Set([...w.client.list<{ metadata: { labels: Record<string, string> }; spec: { nodeName: string } }>('pods', 'default')].filter((p) => p.metadata.labels.app === 'web').map((p) => p.spec.nodeName));
    const ips: Record<string, string> = { 'control-plane': '172.18.0.2', 'worker-1': '172.18.0.3', 'worker-2': '172.18.0.4', 'worker-3': '172.18.0.5' };
    const without = Object.keys(ips).find((n) => !nodes.has(n))!;
    const with_ = [...nodes][0];
    expect((await w.host(`curl -s http://${ips[with_]}:30081/`)).code).toBe(0);
    const r = await w.host(`curl -sS --max-time 2 http://${ips[without]}:30081/`);
    expect(r.err).toBe('curl: (28) Connection timed out after 2001 milliseconds\n');
  });

  it('assigns the first pool address to a LoadBalancer and serves it', async () => {
    const svc = w.client.get('services', 'default', 'web-lb') as { status: { loadBalancer: { ingress: { ip: string; ipMode: string }[] } } };
    expect(svc.status.loadBalancer.ingress).toEqual([{ ip: '172.18.255.200', ipMode: 'VIP' }]);
    expect((await w.host('curl -s -o /dev/null -w "%{http_code} %{remote_ip}" http://172.18.255.200:8080/')).out).toBe('200 172.18.255.200');
  });

  it('leaves new LoadBalancers pending while the pool is disabled', async () => {
    w.cluster.net.setLoadBalancer(false);
    w.apply(service('later', { selector: { app: 'web' }, type: 'LoadBalancer' }));
    await w.advance(5_000);
    expect((w.client.get('services', 'default', 'later') as { status: unknown }).status).toEqual({ loadBalancer: {} });
    w.cluster.net.setLoadBalancer(true);
    await w.advance(2_000);
    expect((w.client.get('services', 'default', 'later') as { status: { loadBalancer: { ingress: { ip: string }[] } } }).status.loadBalancer.ingress[0].ip).toBe('172.18.255.201');
  });

  it('cannot reach ClusterIPs, pod IPs or cluster names from the host', async () => {
    const ip = (w.client.get('services', 'default', 'web') as { spec: { clusterIP: string } }).spec.clusterIP;
    expect((await w.host(`curl -sS --max-time 1 http://${ip}/`)).err).toBe('curl: (28) Connection timed out after 1001 milliseconds\n');
    expect((await w.host('curl -sS http://web/')).err).toBe('curl: (6) Could not resolve host: web\n');
    expect((await w.host('curl -sS http://172.18.0.3:31999/')).err).toMatch(/^curl: \(7\) Failed to connect to 172\.18\.0\.3 port 31999 after \d+ ms: Couldn't connect to server\n$/);
  });
});

describe('Ingress (ingress-nginx)', () => {
  it('defaults the class to nginx and publishes localhost as the address', () => {
    const ing = w.client.get('ingresses.networking.k8s.io', 'default', 'fruits') as { spec: { ingressClassName: string }; status: unknown };
    expect(ing.spec.ingressClassName).toBe('nginx');
    expect(ing.status).toEqual({ loadBalancer: { ingress: [{ hostname: 'localhost' }] } });
  });

  it.each([
    ['http://fruits.example.com/apple', 200, 'apple\n'],
    ['http://fruits.example.com/apple/seeds', 200, 'apple\n'],
    // A named host has only its own locations: the host-less rule belongs to the catch-all server.
    ['http://fruits.example.com/applesauce', 404, '<html>\r\n<head><title>404 Not Found</title></head>'],
    ['http://fruits.example.com/banana', 200, 'banana\n'],
    ['http://fruits.example.com/banana/split', 404, '<html>\r\n<head><title>404 Not Found</title></head>'],
    ['--resolve unknown.example.com:80:127.0.0.1 http://unknown.example.com/', 200, NGINX_WELCOME_START],
    ['http://localhost/', 200, NGINX_WELCOME_START],
    ['http://rw.example.com/something/else', 200, 'apple\n'],
    ['http://rw.example.com/other', 404, '<html>\r\n<head><title>404 Not Found</title></head>'],
    ['http://fruits.example.com/down', 503, '<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>'],
    ['http://secure.example.com/', 308, '<html>\r\n<head><title>308 Permanent Redirect</title></head>'],
  ])('routes %s', async (url, status, body) => {
    const r = await w.host(`curl -s -w '\\n%{http_code}' ${url}`);
    const lines = r.out.split('\n');
    expect(Number(lines.pop())).toBe(status);
    expect(lines.join('\n').startsWith(body)).toBe(true);
  });

  it('routes by the Host header on localhost and terminates TLS with a self-signed certificate', async () => {
    expect((await w.host("curl -s -H 'Host: fruits.example.com' http://localhost/apple")).out).toBe('apple\n');
    const tls = await w.host('curl -sS https://secure.example.com/');
    expect(tls.code).toBe(60);
    expect(tls.err.split('\n')[0]).toBe('curl: (60) SSL certificate problem: self-signed certificate');
    expect((await w.host('curl -sk https://secure.example.com/')).out).toBe('banana\n');
    expect((await w.host('curl -sL http://secure.example.com/')).code).toBe(60);
  });

  it('answers like ingress-nginx: no Server header, the upstream’s own headers kept', async () => {
    const r = await w.host('curl -sI http://localhost/');
    expect(r.out).toMatch(/^HTTP\/1\.1 200 OK\r\nDate: .* GMT\r\nContent-Type: text\/html\r\nContent-Length: 615\r\nConnection: keep-alive\r\nLast-Modified: Tue, 26 Nov 2024 15:55:00 GMT\r\nETag: "6745ef54-267"\r\nAccept-Ranges: bytes\r\n\r\n$/);
  });

  it('records a Sync event for each change', () => {
    const evs = [...w.client.list<{ involvedObject: { name: string }; reason: string; count?: number; source: { component: string } }>('events', 'default')].filter((e) => e.involvedObject.name === 'fruits');
    expect(evs.map((e) => [e.reason, e.source.component, e.count])).toEqual([['Sync', 'nginx-ingress-controller', 2]]);
  });
});
