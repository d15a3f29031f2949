// `kubeplay bench --nodes N --pods P`: boots N worker nodes, creates P pods as Deployments of 100 replicas,
// advances simulated time as fast as possible until every pod is Running and Ready, and prints the figures
// (the last line is one JSON object).

import { createCluster, type Cluster } from '../engine/cluster';
import type { KubeObject } from '../engine/api/types';

interface BenchArgs {
  nodes: number;
  pods: number;
  seed: number;
}

function parseArgs(argv: string[]): BenchArgs {
  const a: BenchArgs = { nodes: 100, pods: 3000, seed: 1 };
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(nodes|pods|seed)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new Error(`unknown argument ${argv[i]}`);
    (a as unknown as Record<string, number>)[m[1]] = Number(m[2] ?? argv[++i]);
  }
  return a;
}

function runningReady(c: Cluster): number {
  let n = 0;
  for (const p of c.store.list('pods', 'bench')) {
    const st = p.status as { phase?: string; conditions?: { type: string; status: string }[] } | undefined;
    if (st?.phase === 'Running' && st.conditions?.some((x) => x.type === 'Ready' && x.status === 'True')) n++;
  }
  return n;
}

export async function benchCommand(argv: string[]): Promise<number> {
  let args: BenchArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`kubeplay bench: ${(e as Error).message}\nusage: kubeplay bench [--nodes N] [--pods P] [--seed S]\n`);
    return 1;
  }
  const t0 = performance.now();
  const cluster = createCluster({ nodes: args.nodes, seed: args.seed, minimal: true, settleMs: 1000, historyPerResource: 2000 });
  const admin = cluster.ctx.client('kubernetes-admin', 'kubectl');
  admin.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'bench' } });
  const bootMs = performance.now() - t0;
  process.stdout.write(`boot: ${args.nodes} nodes in ${bootMs.toFixed(0)} ms\n`);
  const t1 = performance.now();
  const simStart = cluster.clock.now();
  const deployments = Math.ceil(args.pods / 100);
  for (let i = 0; i < deployments; i++) {
    const replicas = Math.min(100, args.pods - i * 100);
    const name = `app-${i}`;
    const d: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: 'bench' },
      spec: {
        replicas,
        selector: { matchLabels: { app: name } },
        template: {
          metadata: { labels: { app: name } },
          spec: { containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu: '100m', memory: '64Mi' } } }] },
        },
      },
    };
    admin.create('deployments.apps', d);
  }
  let lastReport = performance.now();
  let ready = 0;
  // Readiness is checked at every whole simulated second (deterministic), progress printed every 2 s of wall time.
  let nextCheck = simStart + 1000;
  while (ready < args.pods) {
    const due = cluster.clock.nextDue();
    if (due === undefined) break;
    cluster.clock.advanceTo(Math.min(due, nextCheck));
    if (cluster.clock.now() >= nextCheck) {
      nextCheck += 1000;
      ready = runningReady(cluster);
      if (performance.now() - lastReport > 2000) {
        lastReport = performance.now();
        process.stdout.write(`  sim ${((cluster.clock.now() - simStart) / 1000).toFixed(0)}s: ${ready}/${args.pods} ready\n`);
      }
    }
    if (cluster.clock.now() - simStart > 3_600_000) break;
  }
  ready = runningReady(cluster);
  const convergeMs = performance.now() - t1;
  const simSeconds = (cluster.clock.now() - simStart) / 1000;
  const mem = process.memoryUsage();
  process.stdout.write(`converge: ${ready}/${args.pods} pods Running and Ready in ${convergeMs.toFixed(0)} ms (${simSeconds.toFixed(1)} s simulated)\n`);
  const result = {
    nodes: args.nodes,
    pods: args.pods,
    runningPods: ready,
    bootMs: Math.round(bootMs),
    convergeMs: Math.round(convergeMs),
    simSeconds: Math.round(simSeconds * 10) / 10,
    podsPerSecond: Math.round((ready / convergeMs) * 1000),
    heapUsedMB: Math.round(mem.heapUsed / 1048576),
    rssMB: Math.round(mem.rss / 1048576),
  };
  process.stdout.write(JSON.stringify(result) + '\n');
  return ready === args.pods ? 0 : 1;
}
