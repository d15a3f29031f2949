#!/usr/bin/env node
// Browser tests: builds dist/ if it is missing or older than the sources, serves it from a sub-path with a
// tiny static server, drives Debian's Chromium with playwright-core, runs every tests/e2e/*.e2e.mjs, prints
// each result and ends with exactly one line `e2e: N passed, M failed` (scripts/test.js reads it).
// Usage: node tests/e2e/run.mjs [name-filter]

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer, BASE_PATH } from './lib/server.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const here = join(root, 'tests/e2e');
const filter = process.argv[2] ?? '';
const TEST_TIMEOUT_MS = 60_000;

function newest(path) {
  let t = 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  for (const e of readdirSync(path)) t = Math.max(t, newest(join(path, e)));
  return t;
}

function ensureBuild() {
  const index = join(root, 'dist/index.html');
  const sources = ['src', 'index.html', 'vite.config.ts', 'public'].map((p) => join(root, p)).filter(existsSync);
  const stale = !existsSync(index) || Math.max(...sources.map(newest)) > statSync(index).mtimeMs;
  if (!stale) return;
  console.log('e2e: building dist/ (vite build)…');
  const r = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    console.log('e2e: vite build failed');
    console.log('e2e: 0 passed, 1 failed');
    process.exit(1);
  }
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

async function main() {
  if (!existsSync('/usr/bin/chromium')) {
    console.log('e2e: /usr/bin/chromium is missing (apt-get install -y chromium)');
    console.log('e2e: 0 passed, 1 failed');
    process.exit(1);
  }
  ensureBuild();
  const server = await startServer(join(root, 'dist'));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const files = readdirSync(here).filter((f) => f.endsWith('.e2e.mjs')).sort();
  let passed = 0;
  let failed = 0;
  const t0 = Date.now();
  for (const f of files) {
    const mod = await import(pathToFileURL(join(here, f)).href);
    for (const test of mod.tests ?? []) {
      const name = `${f.replace('.e2e.mjs', '')}: ${test.name}`;
      if (filter && !name.includes(filter)) continue;
      // A fresh context per test: its own storage (IndexedDB), as a first-time visitor.
      const context = await browser.newContext({ viewport: test.viewport ?? { width: 1280, height: 800 }, deviceScaleFactor: test.scale ?? 1 });
      const errors = [];
      context.on('weberror', (e) => errors.push(String(e.error())));
      const start = Date.now();
      let timer;
      try {
        await Promise.race([
          test.run({ context, baseUrl: server.url, root, errors, log: (...a) => console.log('   ', ...a) }),
          new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${TEST_TIMEOUT_MS / 1000} s`)), TEST_TIMEOUT_MS))),
        ]);
        if (errors.length && !test.allowPageErrors) throw new Error(`page errors: ${errors.join('; ')}`);
        passed++;
        console.log(`  ✓ ${name} (${Date.now() - start} ms)`);
      } catch (e) {
        failed++;
        const shot = join(tmpdir(), `kubeplay-e2e-${name.replace(/[^\w]+/g, '-')}.png`);
        await context.pages()[0]?.screenshot({ path: shot }).catch(() => {});
        e.message += ` (screenshot: ${shot})`;
        console.log(`  ✗ ${name} (${Date.now() - start} ms)\n      ${String(e?.stack ?? e).split('\n').slice(0, 6).join('\n      ')}`);
      } finally {
        clearTimeout(timer);
        await context.close().catch(() => {});
      }
    }
  }
  await browser.close();
  await server.close();
  console.log(`e2e: ran in ${((Date.now() - t0) / 1000).toFixed(1)} s from ${BASE_PATH}`);
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.log(String(e?.stack ?? e));
  console.log('e2e: 0 passed, 1 failed');
  process.exit(1);
});
