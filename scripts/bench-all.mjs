#!/usr/bin/env node
// Runs every figure of BENCHMARKS.md and prints its tables as Markdown (stdout; progress on stderr), so the
// document can be regenerated on a quiet machine. Each figure runs in a fresh Node process, after waiting
// (within a budget) for the machine's 1-minute load average to drop below a threshold; the load at the start
// of every figure is printed next to it.
//
// Usage: node scripts/bench-all.mjs [--only machine,converge,scenarios,page,webernetes] [--quick] [--sizes 100x3000,…]
//          [--quiet-load 1.5] [--max-wait 1200] [--scenario-size 1000x30000] [--page-seconds 120]
//          [--webernetes-sizes 10,100,1000,3000,10000] [--webernetes-timeout 600] [--no-build] [--json FILE]
//   --quick    converge figures without 5,000/150,000, scenarios at 100/3,000, page at 100/3,000,
//              webernetes only up to 1,000 replicas

import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem, release, platform } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

import { root, argv, flag } from './lib/cli.mjs';
const quick = argv.includes('--quick');
const parts = new Set(flag('only', 'machine,converge,scenarios,page,webernetes').split(','));
const quietLoad = Number(flag('quiet-load', '1.5'));
let waitBudgetS = Number(flag('max-wait', '1200'));
const [scNodes, scPods] = flag('scenario-size', quick ? '100x3000' : '1000x30000').split('x').map(Number);
const pageSeconds = flag('page-seconds', '120');
const [pageNodes, pagePods] = flag('page-size', quick ? '100x3000' : '1000x30000').split('x').map(Number);
const log = (s) => process.stderr.write(s + '\n');
const load1 = () => Math.round(loadavg()[0] * 100) / 100;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const md = [];
const json = {};
const print = (s = '') => {
  md.push(s);
  console.log(s);
};

/** Waits (from the shared budget) until the load average is below the threshold; returns the load then. */
async function quiet(what) {
  while (load1() >= quietLoad && waitBudgetS > 0) {
    log(`  load ${load1()} ≥ ${quietLoad} before ${what}: waiting (${waitBudgetS} s of waiting left)`);
    await sleep(30_000);
    waitBudgetS -= 30;
  }
  return load1();
}

/** Runs a command, echoing its output to stderr; resolves with its stdout and exit code. */
function run(cmd, args, opts = {}) {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...opts.env } });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stderr.write(d);
    });
    child.stderr.on('data', (d) => process.stderr.write(d));
    child.on('exit', (code, signal) => done({ out, code, signal }));
  });
}

const lastJson = (out) => {
  const line = out.trim().split('\n').reverse().find((l) => l.startsWith('{'));
  return line ? JSON.parse(line) : undefined;
};

/** One `kubeplay bench` in a fresh process; the figures plus the load before and after. */
async function bench(args, what) {
  const loadBefore = await quiet(what);
  log(`\n$ node bin/kubeplay.js bench ${args.join(' ')}   (load ${loadBefore})`);
  const r = await run(process.execPath, ['bin/kubeplay.js', 'bench', ...args]);
  const fig = lastJson(r.out);
  return { ...(fig ?? {}), ok: r.code === 0 && !!fig, exit: r.code, signal: r.signal, loadBefore, loadAfter: load1() };
}

const n = (x) => (x === undefined || x === null ? '–' : Number(x).toLocaleString('en-US'));
const s = (msv) => (msv === undefined || msv === null ? '–' : msv >= 100_000 ? `${(msv / 1000).toFixed(0)} s` : `${(msv / 1000).toFixed(1)} s`);
const mb = (x) => (x === undefined || x === null ? '–' : x >= 1024 ? `${(x / 1024).toFixed(2)} GB` : `${x} MB`);
const loadCell = (r) => `${r.loadBefore} → ${r.loadAfter}`;

// ---- machine ----
if (parts.has('machine')) {
  const cpuModel = cpus()[0]?.model ?? 'unknown';
  let nproc = String(cpus().length);
  try {
    nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
  } catch {}
  json.machine = { cpuModel, nproc, totalMemGB: +(totalmem() / 2 ** 30).toFixed(1), freeMemGB: +(freemem() / 2 ** 30).toFixed(1), node: process.version, os: `${platform()} ${release()}`, load: loadavg().map((x) => +x.toFixed(2)) };
  const m = json.machine;
  print('### Machine');
  print();
  print(`- CPU: ${cpuModel}, ${m.nproc} cores (nproc)`);
  print(`- Memory: ${m.totalMemGB} GiB (${m.freeMemGB} GiB free when the run started)`);
  print(`- Node.js ${m.node}, ${m.os}`);
  print(`- Load average at the start (1, 5, 15 min): ${m.load.join(', ')}`);
  print(`- Date: ${new Date().toISOString()}`);
  print();
}

// ---- converge ----
const TARGETS = { '1000x30000': { wallMs: 20_000, rssMB: 2048 }, '5000x150000': { wallMs: 120_000, rssMB: 4096 } };
if (parts.has('converge')) {
  const sizes = flag('sizes')?.split(',') ?? (quick ? ['100x3000', '1000x30000'] : ['100x3000', '1000x30000', '5000x150000']);
  const rows = [];
  for (const size of sizes) {
    const [nodes, pods] = size.split('x');
    rows.push({ size, ...(await bench(['--nodes', nodes, '--pods', pods], `converge ${size}`)) });
  }
  json.converge = rows;
  print('### Converge: N workers (4 CPU, 8Gi, 110 pods), P pods as Deployments of 100 (100m/64Mi)');
  print();
  print('| Nodes / pods | Boot | Converge (wall) | Converge (CPU) | Simulated | Pods/s (wall) | Heap at convergence | RSS at convergence | Peak RSS | Target | Load (start → end) |');
  print('|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|');
  for (const r of rows) {
    const t = TARGETS[r.size];
    const [nodes, pods] = r.size.split('x');
    let target = '–';
    if (t && r.ok) target = `≤ ${t.wallMs / 1000} s, ≤ ${t.rssMB / 1024} GB: ${r.convergeMs <= t.wallMs ? 'time met' : 'time missed'}, ${r.peakRssMB <= t.rssMB ? 'memory met' : 'memory missed'}`;
    else if (t) target = `≤ ${t.wallMs / 1000} s, ≤ ${t.rssMB / 1024} GB: not met`;
    if (!r.ok) {
      print(`| ${n(nodes)} / ${n(pods)} | failed: exit ${r.exit ?? ''}${r.signal ? ` ${r.signal}` : ''}${r.runningPods !== undefined ? `, ${n(r.runningPods)} ready` : ''} | | | | | | | | ${target} | ${loadCell(r)} |`);
      continue;
    }
    print(`| ${n(nodes)} / ${n(pods)} | ${s(r.bootMs)} | ${s(r.convergeMs)} | ${s(r.convergeCpuMs)} | ${r.simSeconds} s | ${n(r.podsPerSecond)} | ${mb(r.heapUsedMB)} | ${mb(r.rssMB)} | ${mb(r.peakRssMB)} | ${target} | ${loadCell(r)} |`);
  }
  print();
}

// ---- scenarios ----
if (parts.has('scenarios')) {
  const size = ['--nodes', String(scNodes), '--pods', String(scPods)];
  const label = `${n(scNodes)} workers / ${n(scPods)} pods`;
  const rollout = await bench([...size, '--scenario', 'rollout'], 'rollout');
  const chaos = await bench([...size, '--scenario', 'chaos'], 'chaos');
  const list = await bench([...size, '--scenario', 'list'], 'list');
  const watch = await bench([...size, '--scenario', 'watch', '--watchers', '100'], 'watch');
  json.scenarios = { rollout, chaos, list, watch };
  print(`### Scenarios at ${label} (each after convergence)`);
  print();
  print('| Scenario | What is timed | Wall | Simulated | Detail | Load (start → end) |');
  print('|---|---|---:|---:|---|---|');
  const bad = (r) => (r.ok ? '' : ` (FAILED: exit ${r.exit}${r.signal ? ` ${r.signal}` : ''})`);
  print(`| rollout${bad(rollout)} | every Deployment patched to a new image, until all new pods Ready and old ones gone | ${s(rollout.rolloutMs)} | ${rollout.rolloutSimSeconds ?? '–'} s | ${n(rollout.pods)} pods replaced; the patches themselves ${s(rollout.rolloutPatchMs)} | ${loadCell(rollout)} |`);
  print(`| chaos${bad(chaos)} | ${chaos.chaosNodes ?? '–'} workers powered off, until every pod is Running and Ready elsewhere | ${s(chaos.chaosMs)} | ${chaos.chaosSimSeconds ?? '–'} s | ${n(chaos.chaosDisplacedPods)} pods displaced; nodes not Ready at ${chaos.chaosNotReadySimSeconds ?? '–'} s, evictions at ${chaos.chaosEvictSimSeconds ?? '–'} s (simulated) | ${loadCell(chaos)} |`);
  print(`| list${bad(list)} | \`GET /api/v1/pods\` as a Table, whole (\`--chunk-size=0\`) | ${s(list.listTableMs)} | – | ${list.listTableMB ?? '–'} MB as JSON; ${s(list.listTableEncodedMs)} with JSON encoding | ${loadCell(list)} |`);
  print(`| | the same in \`limit=500\` chunks | ${s(list.listTableChunkedMs)} | – | ${n(list.listTableChunkedChunks)} requests; ${s(list.listTableChunkedEncodedMs)} with JSON encoding | |`);
  print(`| | \`GET /api/v1/pods\` as plain objects (informers) | ${s(list.listObjectsMs)} | – | ${list.listObjectsMB ?? '–'} MB as JSON; ${s(list.listObjectsEncodedMs)} with JSON encoding | |`);
  print(`| | \`kubectl get pods -A\` in the in-process terminal (chunked) | ${s(list.kubectlGetPodsMs)} | – | request, Table, column printing; \`--chunk-size=0\`: ${s(list.kubectlGetPodsNoChunkMs)} | |`);
  print(`| watch${bad(watch)} | converge with ${watch.watchers ?? 100} watchers on all pods | ${s(watch.convergeMs)} | ${watch.simSeconds ?? '–'} s | ${n(watch.watchEvents)} events delivered (${n(watch.watchEventsPerWatcher)} per watcher); without watchers ${s(watch.baselineConvergeMs)}: ${watch.watchOverheadPct ?? '–'} % wall, ${watch.watchCpuOverheadPct ?? '–'} % CPU | ${loadCell(watch)} |`);
  print();
}

// ---- page ----
function initialJs() {
  // What the page loads before the cluster is usable: the entry module with its static imports
  // (modulepreload) and the engine's Web Worker; Monaco and the YAML worker load later, on demand.
  const dist = join(root, 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = new Set();
  for (const m of html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)) files.add(m[1]);
  for (const f of readdirSync(join(dist, 'assets'))) if (/^engine\.worker-.*\.js$/.test(f)) files.add(`assets/${f}`);
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const buf = readFileSync(join(dist, f));
    raw += buf.length;
    gz += gzipSync(buf, { level: 9 }).length;
  }
  let all = 0;
  for (const f of readdirSync(join(dist, 'assets'))) if (f.endsWith('.js')) all += statSync(join(dist, 'assets', f)).size;
  return { files: [...files], rawKB: Math.round(raw / 1024), gzipKB: Math.round(gz / 1024), allJsKB: Math.round(all / 1024) };
}

async function pageStartup() {
  // Time to a usable cluster for a plain visit (default 3-worker cluster), as the page reports it.
  const { chromium } = await import('playwright-core');
  const { startServer } = await import(join(root, 'tests/e2e/lib/server.mjs'));
  const server = await startServer(join(root, 'dist'));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'] });
  const runs = [];
  try {
    for (let i = 0; i < 3; i++) {
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
      await page.goto(server.url);
      await page.waitForSelector('html[data-ready="1"]', { timeout: 120_000 });
      runs.push(await page.evaluate(() => window.__kubeplayReadyMs));
      await page.context().close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  runs.sort((a, b) => a - b);
  return { readyMs: Math.round(runs[1]), runs: runs.map(Math.round) };
}

if (parts.has('page')) {
  if (!argv.includes('--no-build') || !existsSync(join(root, 'dist', 'index.html'))) {
    log('\n$ npx vite build');
    const b = await run('npx', ['vite', 'build']);
    if (b.code !== 0) throw new Error('vite build failed');
  }
  const js = initialJs();
  const loadStart = await quiet('page start-up');
  const startup = await pageStartup();
  const loadBench = await quiet('page bench');
  log(`\n$ node scripts/bench-page.mjs --nodes ${pageNodes} --pods ${pagePods} --seconds ${pageSeconds}   (load ${loadBench})`);
  const pb = await run(process.execPath, ['scripts/bench-page.mjs', '--nodes', String(pageNodes), '--pods', String(pagePods), '--seconds', pageSeconds]);
  const p = lastJson(pb.out) ?? {};
  json.page = { js, startup, bench: p, loadStart, loadBench, loadAfter: load1() };
  const f1 = (x) => (x === null || x === undefined ? '–' : Number(x).toFixed(1));
  print('### The page (headless Chromium)');
  print();
  print('| Figure | Value | Load |');
  print('|---|---:|---|');
  print(`| Initial JS (entry + engine worker) | ${n(js.rawKB)} KB, ${n(js.gzipKB)} KB gzipped (all JS incl. lazy editor: ${n(js.allJsKB)} KB) | – |`);
  print(`| Time to usable cluster (plain visit, 3 workers; median of 3) | ${s(startup.readyMs)} | ${loadStart} |`);
  print(`| Time to usable page with \`?bench=${pageNodes}x${pagePods}\` | ${s(p.readyMs)} | ${loadBench} |`);
  print(`| Engine convergence in the page's worker (${n(pagePods)} pods) | ${p.converged ? s(p.engineWallMs) : `not within ${pageSeconds} s (${n(p.runningPods)} running)`} | ${loadBench} |`);
  print(`| Page FPS while converging (minimum / median of samples; minimum of 1 s windows) | ${f1(p.fpsMin)} / ${f1(p.fpsMedian)}; ${f1(p.minFpsWhileConverging)} | ${loadBench} |`);
  print(`| Keystroke echo latency while converging (p50 / p95 / max) | ${f1(p.keyLatencyP50Ms)} / ${f1(p.keyLatencyP95Ms)} / ${f1(p.keyLatencyMaxMs)} ms | ${loadBench} |`);
  print();
}

// ---- webernetes ----
if (parts.has('webernetes')) {
  const sizes = flag('webernetes-sizes', quick ? '10,100,1000' : '10,100,1000,3000,10000');
  const loadBefore = await quiet('webernetes comparison');
  log(`\n$ node scripts/bench-webernetes.mjs --sizes ${sizes} --json   (load ${loadBefore})`);
  const r = await run(process.execPath, ['scripts/bench-webernetes.mjs', '--sizes', sizes, '--timeout', flag('webernetes-timeout', '600'), '--json']);
  const w = lastJson(r.out);
  json.webernetes = w;
  if (w) {
    print(`### Side by side with @ngrok/webernetes ${w.version} (one Deployment of N replicas on 3 workers, ${w.mode} clock)`);
    print();
    print('| Replicas | webernetes: until all Ready (wall / CPU) | webernetes peak RSS | kubeplay: until all Ready (wall / CPU) | kubeplay peak RSS | Load |');
    print('|---:|---:|---:|---:|---:|---|');
    for (const row of w.results) {
      const we = row.webernetes;
      const kp = row.kubeplay;
      const cell = (x) => (!x ? 'not run (a smaller size timed out)' : x.finished ? `${s(x.convergeMs)} / ${s(x.cpuMs)}` : x.timedOut ? `> ${w.timeoutS} s (${n(x.ready ?? 0)} Ready by then)` : 'failed');
      print(`| ${n(row.replicas)} | ${cell(we)} | ${we?.peakRssMB ? mb(we.peakRssMB) : '–'} | ${cell(kp)} | ${kp?.peakRssMB ? mb(kp.peakRssMB) : '–'} | ${row.load} |`);
    }
    print();
  }
}

const out = flag('json');
if (out) writeFileSync(out, JSON.stringify(json, null, 2));
