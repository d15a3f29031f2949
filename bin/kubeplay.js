#!/usr/bin/env node
// kubeplay's command-line entry: loads the TypeScript sources through tsx (no build step needed).
import { register } from 'tsx/esm/api';
import { spawnSync } from 'node:child_process';
import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';

// Large benchmarks (150,000 pods) need more than Node's default heap limit (about 4 GB): run them in a
// child with a limit of three quarters of the machine's memory, unless the caller chose one.
const args = process.argv.slice(2);
const wantHeap = Math.floor((totalmem() / 2 ** 20) * 0.75);
if (args[0] === 'bench' && !process.env.KUBEPLAY_HEAP_SET && getHeapStatistics().heap_size_limit / 2 ** 20 < wantHeap && !/max-old-space-size/.test(`${process.execArgv} ${process.env.NODE_OPTIONS ?? ''}`)) {
  const r = spawnSync(process.execPath, [`--max-old-space-size=${wantHeap}`, ...process.execArgv, new URL(import.meta.url).pathname, ...args], {
    stdio: 'inherit',
    env: { ...process.env, KUBEPLAY_HEAP_SET: '1' },
  });
  process.exit(r.status ?? 1);
}

register();
const { main } = await import('../src/cli/main.ts');
const code = await main(args);
process.exitCode = code;
