#!/usr/bin/env node
// `npm test`: every suite (unit, golden transcripts, serve/differential, browser), then one closing line
// `N passed, M failed` that CI reads. Exit status is non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
const out = mkdtempSync(join(tmpdir(), 'kubeplay-test-'));
let passed = 0;
let failed = 0;

// 1. vitest: unit, golden transcripts, serve (JSON report for the counts).
const report = join(out, 'vitest.json');
const vt = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], { stdio: 'inherit', env });
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  // A suite that failed to load counts as a failure even when it had no tests.
  failed += (r.testResults ?? []).filter((s) => s.status === 'failed' && (s.assertionResults ?? []).length === 0).length;
} else if (vt.status !== 0) {
  failed++;
}

// 2. Browser tests (playwright-core with Debian's Chromium), when present.
const e2e = 'tests/e2e';
if (existsSync(e2e) && readdirSync(e2e).some((f) => f.endsWith('.e2e.mjs'))) {
  const res = spawnSync(process.execPath, ['tests/e2e/run.mjs'], { stdio: ['ignore', 'pipe', 'inherit'], env, encoding: 'utf8' });
  process.stdout.write(res.stdout ?? '');
  const m = /e2e: (\d+) passed, (\d+) failed/.exec(res.stdout ?? '');
  if (m) {
    passed += Number(m[1]);
    failed += Number(m[2]);
  } else failed++;
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
