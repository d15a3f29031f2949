// Shared by the serve tests: an in-process `kubeplay serve` on a free port with its own kubeconfig and HOME,
// and the real kubectl run against it (asynchronously: the server shares this process's event loop).

import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCluster, type ClusterOptions } from '../../src/engine/cluster';
import { startServer, type RunningServer } from '../../src/host/http/server';
import { writeKubeconfig } from '../../src/host/http/kubeconfig';

export const KUBECTL = '/usr/bin/kubectl';
export const hasKubectl = existsSync(KUBECTL);
if (!hasKubectl) console.warn(`serve tests: ${KUBECTL} is missing; the tests that drive the real kubectl are skipped`);

export interface TestServer {
  server: RunningServer;
  url: string;
  dir: string;
  kubeconfig: string;
  kubectl(args: string[], opts?: { stdin?: string; timeoutMs?: number }): Promise<RunResult>;
  close(): Promise<void>;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}

export async function startTestServer(opts: { speed?: number; cluster?: ClusterOptions; maxBodyBytes?: number } = {}): Promise<TestServer> {
  const cluster = createCluster({ nodes: 2, ...opts.cluster });
  const server = await startServer({ cluster, port: 0, speed: opts.speed ?? 1, maxBodyBytes: opts.maxBodyBytes });
  const dir = mkdtempSync(join(tmpdir(), 'kubeplay-serve-test-'));
  const kubeconfig = join(dir, 'kubeconfig');
  writeKubeconfig(kubeconfig, server.url);
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, KUBECONFIG: kubeconfig };
  return {
    server,
    url: server.url,
    dir,
    kubeconfig,
    kubectl: (args, o = {}) => run(KUBECTL, args, env, o.stdin, o.timeoutMs ?? 20_000),
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs a program to completion without blocking the event loop. */
export function run(file: string, args: string[], env: NodeJS.ProcessEnv, stdin?: string, timeoutMs = 20_000): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = execFile(file, args, { env, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : (child.exitCode ?? -1)) : 0;
      resolve({ stdout, stderr, code });
    });
    if (stdin !== undefined) child.stdin!.end(stdin);
    else child.stdin!.end();
  });
}

/** Runs kubectl for a while (watch, follow), then stops it with SIGINT: what it printed by then. */
export function runFor(t: TestServer, args: string[], ms: number): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(KUBECTL, args, { env: { PATH: process.env.PATH, HOME: t.dir, KUBECONFIG: t.kubeconfig } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGINT'), ms);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code: code ?? -1 });
    });
  });
}

/** Polls until cond holds (wall time; the server's clock runs meanwhile). */
export async function waitFor<T>(fn: () => T | undefined | false | Promise<T | undefined | false>, ms = 10_000, what = 'condition'): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
