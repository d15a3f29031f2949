// A booted cluster for networking tests: object helpers, commands run in containers (kubectl exec) and on
// the host (`kubeplay curl`), with simulated time advanced while they wait.

import { createCluster, type Cluster } from '../../../src/engine/cluster';
import type { KubeObject } from '../../../src/engine/api/types';
import type { Client } from '../../../src/engine/controllers/client';
import { createShell } from '../../../src/engine/runtime/sh/shell';
import { callbackOutput } from '../../../src/engine/runtime/sh/streams';
import { clockSleep } from '../../../src/host/in-process';

export interface Result {
  out: string;
  err: string;
  code: number;
  /** Simulated milliseconds the command took. */
  tookMs: number;
}

export interface NetWorld {
  cluster: Cluster;
  client: Client;
  apply(...objs: KubeObject[]): void;
  advance(ms: number): Promise<void>;
  /** Runs argv in a pod's first container (like kubectl exec POD -- argv). */
  exec(pod: string, argv: string[], ns?: string): Promise<Result>;
  /** Runs a shell line on the host where `curl` is `kubeplay curl`. */
  host(line: string): Promise<Result>;
}

/** Drives the clock timer by timer until the promise settles (like the transcript runner). */
async function drive<T>(cluster: Cluster, p: Promise<T>): Promise<T> {
  let done = false;
  let value!: T;
  p.then((v) => {
    done = true;
    value = v;
  });
  const limit = cluster.clock.now() + 30 * 60_000;
  for (;;) {
    await new Promise((r) => setImmediate(r));
    if (done) return value;
    const due = cluster.clock.nextDue();
    if (due === undefined || due > limit) throw new Error('command never finished');
    cluster.clock.advanceTo(due);
  }
}

export function netWorld(opts: { nodes?: number; seed?: number } = {}): NetWorld {
  const cluster = createCluster({ seed: opts.seed ?? 1, nodes: opts.nodes ?? 3 });
  const client = cluster.ctx.client('kubernetes-admin', 'test');
  return {
    cluster,
    client,
    apply(...objs) {
      for (const o of objs) {
        const resource = RESOURCES[o.kind!];
        client.create(resource, { ...o, metadata: { namespace: RESOURCE_NAMESPACED[o.kind!] ? 'default' : undefined, ...o.metadata } } as KubeObject);
      }
    },
    advance: (ms) => cluster.advance(ms),
    async exec(pod, argv, ns = 'default') {
      let out = '';
      let err = '';
      const start = cluster.clock.now();
      const r = await drive(cluster, cluster.exec({ namespace: ns, pod, command: argv }, { stdout: (t) => void (out += t), stderr: (t) => void (err += t) }));
      return { out, err, code: r.exitCode, tookMs: cluster.clock.now() - start };
    },
    async host(line) {
      let out = '';
      let err = '';
      const start = cluster.clock.now();
      const shell = createShell({
        flavor: 'terminal',
        now: () => cluster.clock.now(),
        sleep: clockSleep(cluster),
        commands: { curl: cluster.net.hostCurl() },
        io: { stdout: callbackOutput((t) => void (out += t), true), stderr: callbackOutput((t) => void (err += t), true) },
      });
      const code = await drive(cluster, shell.run(line));
      return { out, err, code, tookMs: cluster.clock.now() - start };
    },
  };
}

const RESOURCES: Record<string, string> = {
  Deployment: 'deployments.apps',
  Pod: 'pods',
  Service: 'services',
  Ingress: 'ingresses.networking.k8s.io',
  IngressClass: 'ingressclasses.networking.k8s.io',
  NetworkPolicy: 'networkpolicies.networking.k8s.io',
  Namespace: 'namespaces',
};
const RESOURCE_NAMESPACED: Record<string, boolean> = { Deployment: true, Pod: true, Service: true, Ingress: true, NetworkPolicy: true };

export function deployment(name: string, image: string, replicas = 1, extra: { args?: string[]; ports?: { containerPort: number; name?: string }[]; labels?: Record<string, string> } = {}): KubeObject {
  const labels = extra.labels ?? { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: name.replace(/[^a-z0-9-]/g, ''), image, ...(extra.args ? { args: extra.args } : {}), ...(extra.ports ? { ports: extra.ports } : {}) }] } },
    },
  } as KubeObject;
}

export function pod(name: string, image: string, command: string[], labels: Record<string, string> = { run: name }, ns?: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels, ...(ns ? { namespace: ns } : {}) },
    spec: { restartPolicy: 'Never', containers: [{ name, image, command }] },
  } as KubeObject;
}

export function service(name: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { selector: { app: name }, ports: [{ port: 80 }], ...spec } } as KubeObject;
}
