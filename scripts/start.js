#!/usr/bin/env node
// `npm start`: builds the static playground and serves it, printing the URL.
import { spawn, spawnSync } from 'node:child_process';

const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const port = process.env.PORT ?? '5173';
const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', port, '--strictPort', '--host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'inherit'] });
let announced = false;
child.stdout.on('data', (d) => {
  const text = String(d);
  if (!announced && /Local:/.test(text)) {
    announced = true;
    console.log(`kubeplay is running at http://127.0.0.1:${port}/`);
  }
});
const stop = () => child.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', (code) => process.exit(code ?? 0));
