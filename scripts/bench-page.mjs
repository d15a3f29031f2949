#!/usr/bin/env node
// Page benchmark (issue 9, point 3): opens the built playground with ?bench=NODESxPODS in Chromium, types
// into the terminal while the cluster converges, and reports the page's frames per second and keystroke
// echo latency, plus the engine's convergence progress. Prints one JSON line at the end.
// Usage: node scripts/bench-page.mjs [--nodes 1000] [--pods 30000] [--seconds 120]
// Needs dist/ (npm run build) and /usr/bin/chromium.

import { chromium } from 'playwright-core';
import { join } from 'node:path';
import { startServer } from '../tests/e2e/lib/server.mjs';
import { root, flag } from './lib/cli.mjs';

const arg = (name, def) => Number(flag(name, def));
const nodes = arg('nodes', 1000);
const pods = arg('pods', 30000);
const seconds = arg('seconds', 120);

const server = await startServer(join(root, 'dist'));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'] });
const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
const t0 = Date.now();
await page.goto(`${server.url}?bench=${nodes}x${pods}`);
await page.waitForSelector('html[data-ready="1"]', { timeout: 180_000 });
const readyMs = Date.now() - t0;
console.log(`ready after ${readyMs} ms; typing while the cluster converges…`);
await page.click('[data-testid="terminal"]');

const samples = [];
let converged = false;
const end = Date.now() + seconds * 1000;
while (Date.now() < end) {
  // A word, then erase it: echo is measured per key from the key event to xterm's render.
  for (const ch of 'kubectl') await page.keyboard.press(ch === ' ' ? 'Space' : ch);
  for (let i = 0; i < 7; i++) await page.keyboard.press('Backspace');
  await page.waitForTimeout(800);
  const f = await page.evaluate(() => window.__kubeplayBench);
  if (!f) continue;
  samples.push(f);
  const e = f.engine;
  console.log(`  ${f.fps.toFixed(0)} fps, key p95 ${f.keyLatencyMs.p95.toFixed(1)} ms, page ${f.nodes} nodes / ${f.pods} pods${e ? `, engine ${e.running}/${e.pods} running after ${(e.wallMs / 1000).toFixed(1)} s` : ''}`);
  if (e?.phase === 'converged') {
    converged = true;
    break;
  }
}
const last = samples.at(-1) ?? {};
const fpsList = samples.map((s) => s.fps).sort((a, b) => a - b);
const result = {
  nodes,
  pods,
  readyMs,
  converged,
  engineWallMs: last.engine?.wallMs ?? null,
  runningPods: last.engine?.running ?? null,
  fpsMin: fpsList[0] ?? null,
  fpsMedian: fpsList[Math.floor(fpsList.length / 2)] ?? null,
  minFpsWhileConverging: last.minFpsWhileConverging ?? null,
  keyLatencyP50Ms: last.keyLatencyMs?.p50 ?? null,
  keyLatencyP95Ms: last.keyLatencyMs?.p95 ?? null,
  keyLatencyMaxMs: last.keyLatencyMs?.max ?? null,
};
await browser.close();
await server.close();
console.log(JSON.stringify(result));
