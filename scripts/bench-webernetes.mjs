#!/usr/bin/env node
// Side by side with @ngrok/webernetes (issue 9): one Deployment of N replicas on 3 worker nodes, time from
// creating it until every replica is Running and Ready, and the process's peak RSS, for webernetes and for
// kubeplay. webernetes is NOT a dependency: it is installed into a scratch directory when this runs.
// Each measurement runs in a fresh Node process (clean memory figures).
//
// Usage: node scripts/bench-webernetes.mjs [--sizes 10,100,1000,3000,10000] [--timeout 600]
//          [--mode stepped|realtime] [--version 0.3.5] [--dir DIR] [--only webernetes|kubeplay] [--json]
//
// webernetes under Node: its dist/ is ES modules with extensionless relative imports (written for
// bundlers), so the child runs with a module-resolve hook that tries `.js` and `/index.js`. Nothing else
// is shimmed; it needs no DOM. --mode stepped (default) pauses its clock and steps it 100 ms per event-loop
// turn (what its own tests do to advance time); --mode realtime leaves its clock following the wall clock,
// as the library runs in a page.

import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join, resolve } from 'node:path';

import { root, argv, flag } from './lib/cli.mjs';
const sizes = flag('sizes', '10,100,1000,3000,10000').split(',').map(Number);
const timeoutS = Number(flag('timeout', '600'));
const mode = flag('mode', 'stepped');
const version = flag('version', '0.3.5');
const only = flag('only', '');
const jsonOut = argv.includes('--json');
const dir = resolve(flag('dir', join(tmpdir(), `kubeplay-bench-webernetes-${version}`)));
const log = (s) => process.stderr.write(s + '\n');

// ---- the webernetes side, written into the scratch directory ----

const HOOK = `// Resolves the extensionless relative imports of webernetes' dist/ (bundler style) under Node.
export async function resolve(spec, ctx, next) {
  try {
    return await next(spec, ctx);
  } catch (e) {
    if (!spec.startsWith('.') || (e.code !== 'ERR_MODULE_NOT_FOUND' && e.code !== 'ERR_UNSUPPORTED_DIR_IMPORT')) throw e;
    try {
      return await next(spec + '.js', ctx);
    } catch {
      return await next(spec + '/index.js', ctx);
    }
  }
}
`;
const REGISTER = `import { register } from 'node:module';
register('./hook.mjs', import.meta.url);
`;
// One run: boot the default cluster, apply one Deployment of N replicas (hashicorp/http-echo, a built-in
// long-running server image, like nginx on the kubeplay side), then advance until all replicas are Ready.
const RUNNER = `import { Cluster } from '@ngrok/webernetes';
const N = Number(process.argv[2]);
const mode = process.argv[3];
const emit = (o) => process.stdout.write(JSON.stringify(o) + '\\n');
const t0 = performance.now();
const cluster = new Cluster({ nodes: 3 });
await cluster.init();
const bootMs = performance.now() - t0;
if (mode === 'stepped') cluster.pause();
const cpu0 = process.cpuUsage();
const t1 = performance.now();
const sim0 = cluster.clock.nowMs();
await cluster.apply([{
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'app', namespace: 'default' },
  spec: { replicas: N, selector: { matchLabels: { app: 'app' } },
    template: { metadata: { labels: { app: 'app' } }, spec: { containers: [{ name: 'app', image: 'hashicorp/http-echo:1.0', args: ['-text=hello'] }] } } },
}]);
const isReady = (p) => p.status?.phase === 'Running' && !p.metadata?.deletionTimestamp && (p.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
let ready = 0;
let checkMs = 0;
for (;;) {
  // One simulated second (stepped) or one wall second (realtime) between checks.
  if (mode === 'stepped') {
    for (let i = 0; i < 10; i++) {
      cluster.clock.step(100);
      await new Promise((r) => setImmediate(r));
    }
  } else await new Promise((r) => setTimeout(r, 1000));
  const c0 = performance.now();
  const list = await cluster.api.corev1.listNamespacedPod({ namespace: 'default' });
  ready = list.items.filter(isReady).length;
  checkMs += performance.now() - c0;
  const cpu = process.cpuUsage(cpu0);
  const mem = process.memoryUsage();
  const fig = {
    replicas: N, ready, bootMs: Math.round(bootMs), convergeMs: Math.round(performance.now() - t1),
    simSeconds: Math.round((cluster.clock.nowMs() - sim0) / 100) / 10, cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    checkMs: Math.round(checkMs), heapUsedMB: Math.round(mem.heapUsed / 1048576), rssMB: Math.round(mem.rss / 1048576),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  emit({ progress: true, ...fig });
  if (ready >= N) {
    emit({ done: true, ...fig });
    process.exit(0);
  }
}
`;

function installWebernetes() {
  const pkg = join(dir, 'node_modules', '@ngrok', 'webernetes', 'package.json');
  if (!existsSync(pkg)) {
    mkdirSync(dir, { recursive: true });
    log(`installing @ngrok/webernetes@${version} into ${dir}`);
    execFileSync('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', `@ngrok/webernetes@${version}`], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  writeFileSync(join(dir, 'hook.mjs'), HOOK);
  writeFileSync(join(dir, 'register.mjs'), REGISTER);
  writeFileSync(join(dir, 'runner.mjs'), RUNNER);
}

/** Runs a child Node process; returns its JSON lines, killing it after the timeout. */
function runChild(args, cwd) {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines = [];
    let buf = '';
    let err = '';
    let timedOut = false;
    child.stdout.on('data', (d) => {
      buf += d;
      for (let i; (i = buf.indexOf('\n')) >= 0; buf = buf.slice(i + 1)) {
        const line = buf.slice(0, i);
        if (line.startsWith('{')) lines.push(JSON.parse(line));
      }
    });
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutS * 1000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ lines, timedOut, code, err });
    });
  });
}

async function runWebernetes(n) {
  const r = await runChild(['--import', './register.mjs', 'runner.mjs', String(n), mode], dir);
  const last = r.lines.at(-1);
  if (r.code !== 0 && !r.timedOut) log(`webernetes ${n}: exit ${r.code}\n${r.err.slice(-2000)}`);
  return { impl: 'webernetes', replicas: n, finished: !!last?.done, timedOut: r.timedOut, ...(last ?? {}) };
}

async function runKubeplay(n) {
  // The same workload: 3 workers, one Deployment of n replicas, no resource requests (webernetes does not
  // model resources), and workers that take all n pods (webernetes has no max-pods either).
  const args = ['bin/kubeplay.js', 'bench', '--nodes', '3', '--pods', String(n), '--per-deployment', String(n), '--requests', 'none', '--node-pods', String(Math.max(110, n))];
  const r = await runChild(args, root);
  const last = r.lines.at(-1);
  if (r.code !== 0 && !r.timedOut) log(`kubeplay ${n}: exit ${r.code}\n${r.err.slice(-2000)}`);
  return { impl: 'kubeplay', replicas: n, finished: !!last && last.runningPods >= n, timedOut: r.timedOut, ...(last ?? {}), ready: last?.runningPods, cpuMs: last?.convergeCpuMs };
}

const fmtMs = (v) => (v === undefined ? '–' : v >= 10_000 ? `${(v / 1000).toFixed(0)} s` : v >= 1000 ? `${(v / 1000).toFixed(1)} s` : `${v} ms`);

function cell(r) {
  if (!r) return ['not run', '–', '–', '–'];
  if (!r.finished) return [r.timedOut ? `> ${timeoutS} s (${r.ready ?? 0}/${r.replicas} Ready)` : 'failed', '–', r.peakRssMB ? `${r.peakRssMB} MB` : '–', '–'];
  return [fmtMs(r.convergeMs), fmtMs(r.cpuMs), `${r.peakRssMB} MB`, `${r.simSeconds} s`];
}

const results = [];
if (only !== 'kubeplay') installWebernetes();
let webernetesGaveUp = false;
for (const n of sizes) {
  const row = { replicas: n, load: Math.round(loadavg()[0] * 100) / 100 };
  if (only !== 'kubeplay') {
    if (webernetesGaveUp) row.webernetes = undefined;
    else {
      log(`webernetes: ${n} replicas…`);
      row.webernetes = await runWebernetes(n);
      log(`  ${JSON.stringify(row.webernetes)}`);
      if (!row.webernetes.finished) webernetesGaveUp = true;
    }
  }
  if (only !== 'webernetes') {
    log(`kubeplay: ${n} replicas…`);
    row.kubeplay = await runKubeplay(n);
    log(`  ${JSON.stringify(row.kubeplay)}`);
  }
  results.push(row);
}

if (jsonOut) console.log(JSON.stringify({ mode, version, timeoutS, results }));
else {
  console.log(`One Deployment of N replicas on 3 workers, until all replicas are Running and Ready (webernetes ${version}, ${mode} clock; timeout ${timeoutS} s).\n`);
  console.log('| Replicas | webernetes wall | webernetes CPU | webernetes peak RSS | webernetes sim | kubeplay wall | kubeplay CPU | kubeplay peak RSS | kubeplay sim | load |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) console.log(`| ${r.replicas.toLocaleString('en-US')} | ${cell(r.webernetes).join(' | ')} | ${cell(r.kubeplay).join(' | ')} | ${r.load} |`);
}
