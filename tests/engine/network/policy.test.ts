// NetworkPolicy enforcement: the API semantics table-driven against PolicyEngine, then end to end (denied
// requests time out, egress isolation also cuts DNS, ingress-nginx matched by its namespace).

import { beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../../src/engine/store/store';
import { PolicyEngine, type Peer } from '../../../src/engine/network/policy';
import type { KubeObject } from '../../../src/engine/api/types';
import { deployment, netWorld, pod, service, type NetWorld } from './world';

const NP = 'networkpolicies.networking.k8s.io';

function engine(policies: Record<string, unknown>[]): PolicyEngine {
  const store = new Store();
  store.register('namespaces');
  store.register('pods');
  store.register(NP);
  for (const ns of ['default', 'prod', 'monitoring']) {
    store.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { 'kubernetes.io/metadata.name': ns, ...(ns === 'monitoring' ? { team: 'ops' } : {}) } } });
  }
  store.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'db', namespace: 'default', labels: { app: 'db' } }, spec: { containers: [{ name: 'db', image: 'postgres', ports: [{ name: 'pg', containerPort: 5432 }] }] } } as KubeObject);
  policies.forEach((spec, i) => store.create(NP, { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: `p${i}`, namespace: (spec.namespace as string) ?? 'default' }, spec } as KubeObject));
  return new PolicyEngine(store);
}

const web: Peer = { ip: '10.244.1.2', pod: { namespace: 'default', name: 'web', labels: { app: 'web' } } };
const db: Peer = { ip: '10.244.2.2', pod: { namespace: 'default', name: 'db', labels: { app: 'db' } } };
const prom: Peer = { ip: '10.244.3.9', pod: { namespace: 'monitoring', name: 'prom', labels: { app: 'prom' } } };
const prodWeb: Peer = { ip: '10.244.3.4', pod: { namespace: 'prod', name: 'web', labels: { app: 'web' } } };
const node: Peer = { ip: '172.18.0.3' };

describe('PolicyEngine', () => {
  const dbOnly = { matchLabels: { app: 'db' } };
  it.each<[string, Record<string, unknown>[], Peer, Peer, number, string, boolean]>([
    ['no policies: everything allowed', [], web, db, 5432, 'TCP', true],
    ['default deny ingress', [{ podSelector: {} }], web, db, 5432, 'TCP', false],
    ['deny does not isolate other namespaces', [{ podSelector: {}, namespace: 'prod' }], web, db, 5432, 'TCP', true],
    ['allow all ingress with an empty rule', [{ podSelector: {}, ingress: [{}] }], prom, db, 5432, 'TCP', true],
    ['podSelector peer in the same namespace', [{ podSelector: dbOnly, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }] }] }], web, db, 5432, 'TCP', true],
    ['podSelector peer does not match other namespaces', [{ podSelector: dbOnly, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }] }] }], prodWeb, db, 5432, 'TCP', false],
    ['namespaceSelector peer', [{ podSelector: dbOnly, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'ops' } } }] }] }], prom, db, 5432, 'TCP', true],
    ['namespaceSelector AND podSelector', [{ podSelector: dbOnly, ingress: [{ from: [{ namespaceSelector: {}, podSelector: { matchLabels: { app: 'web' } } }] }] }], prodWeb, db, 5432, 'TCP', true],
    ['namespaceSelector AND podSelector, pod mismatch', [{ podSelector: dbOnly, ingress: [{ from: [{ namespaceSelector: {}, podSelector: { matchLabels: { app: 'web' } } }] }] }], prom, db, 5432, 'TCP', false],
    ['ipBlock admits a node', [{ podSelector: dbOnly, ingress: [{ from: [{ ipBlock: { cidr: '172.18.0.0/16' } }] }] }], node, db, 5432, 'TCP', true],
    ['ipBlock except', [{ podSelector: dbOnly, ingress: [{ from: [{ ipBlock: { cidr: '172.18.0.0/16', except: ['172.18.0.3/32'] } }] }] }], node, db, 5432, 'TCP', false],
    ['ipBlock never matches by selector', [{ podSelector: dbOnly, ingress: [{ from: [{ podSelector: {} }] }] }], node, db, 5432, 'TCP', false],
    ['port number', [{ podSelector: dbOnly, ingress: [{ ports: [{ port: 5432, protocol: 'TCP' }] }] }], web, db, 5432, 'TCP', true],
    ['other port', [{ podSelector: dbOnly, ingress: [{ ports: [{ port: 5433, protocol: 'TCP' }] }] }], web, db, 5432, 'TCP', false],
    ['port range with endPort', [{ podSelector: dbOnly, ingress: [{ ports: [{ port: 5000, endPort: 6000, protocol: 'TCP' }] }] }], web, db, 5432, 'TCP', true],
    ['named port resolves on the destination pod', [{ podSelector: dbOnly, ingress: [{ ports: [{ port: 'pg', protocol: 'TCP' }] }] }], web, db, 5432, 'TCP', true],
    ['protocol must match', [{ podSelector: dbOnly, ingress: [{ ports: [{ port: 5432, protocol: 'UDP' }] }] }], web, db, 5432, 'TCP', false],
    ['ICMP passes only rules without ports', [{ podSelector: dbOnly, ingress: [{ ports: [{ port: 5432, protocol: 'TCP' }] }] }], web, db, 0, 'ICMP', false],
    ['egress isolation of the source', [{ podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'] }], web, db, 5432, 'TCP', false],
    ['egress rule to a peer', [{ podSelector: { matchLabels: { app: 'web' } }, egress: [{ to: [{ podSelector: dbOnly }] }] }], web, db, 5432, 'TCP', true],
    ['egress policyTypes defaulted from egress rules', [{ podSelector: { matchLabels: { app: 'web' } }, egress: [{ to: [{ podSelector: { matchLabels: { app: 'x' } } }] }] }], web, db, 5432, 'TCP', false],
    ['an Ingress-only policy does not restrict egress', [{ podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'] }], web, db, 5432, 'TCP', true],
  ])('%s', (_name, policies, src, dst, port, protocol, allowed) => {
    expect(engine(policies).allows(src, dst, port, protocol)).toBe(allowed);
  });
});

describe('enforced on traffic', () => {
  let w: NetWorld;
  beforeAll(async () => {
    w = netWorld();
    w.client.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other' } } as KubeObject);
    await w.advance(1_000);
    w.apply(deployment('web', 'nginx:1.27', 1), service('web', {}), pod('client', 'busybox:1.36', ['sleep', '3600'], { run: 'client' }), pod('stranger', 'busybox:1.36', ['sleep', '3600'], { run: 'stranger' }, 'other'));
    await w.advance(60_000);
  }, 60_000);

  it('denies with a timeout, then allows a selected client', async () => {
    expect((await w.exec('client', ['wget', '-qO-', '-T', '2', 'web'])).code).toBe(0);
    w.apply({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny' }, spec: { podSelector: {} } } as KubeObject);
    const denied = await w.exec('client', ['wget', '-qO-', '-T', '2', 'web']);
    expect([denied.code, denied.err, denied.tookMs]).toEqual([1, 'wget: download timed out\n', 2001]);
    w.apply({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'allow-client' },
      spec: { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ podSelector: { matchLabels: { run: 'client' } } }], ports: [{ port: 80 }] }] },
    } as KubeObject);
    expect((await w.exec('client', ['wget', '-qO-', '-T', '2', 'web'])).code).toBe(0);
    const other = await w.exec('stranger', ['wget', '-qO-', '-T', '2', 'web.default'], 'other');
    expect(other.err).toBe('wget: download timed out\n');
  });

  it('cuts DNS when egress is isolated without a rule for port 53', async () => {
    w.apply({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'no-egress', namespace: 'other' }, spec: { podSelector: {}, policyTypes: ['Egress'] } } as KubeObject);
    const r = await w.exec('stranger', ['wget', '-qO-', 'web.default'], 'other');
    expect([r.err, r.tookMs]).toEqual(["wget: bad address 'web.default'\n", 5000]);
    const ns = await w.exec('stranger', ['nslookup', 'web.default.svc.cluster.local'], 'other');
    expect(ns.out).toBe(';; connection timed out; no servers could be reached\n\n');
  });

  it('lets the ingress controller in by its namespace', async () => {
    w.apply({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'web' },
      spec: { rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] },
    } as KubeObject);
    expect((await w.host('curl -s -o /dev/null -w %{http_code} --max-time 10 http://localhost/')).out).toBe('504');
    w.apply({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'allow-ingress' },
      spec: { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }] }] },
    } as KubeObject);
    expect((await w.host('curl -s -o /dev/null -w %{http_code} http://localhost/')).out).toBe('200');
  });
});
