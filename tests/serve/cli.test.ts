// `kubeplay serve` as a command: flags, the printed URL and export line, the kubeconfig, clean stop on SIGTERM.

import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { parseServeFlags } from '../../src/cli/serve';
import { kubeconfigYaml } from '../../src/host/http/kubeconfig';

const BIN = new URL('../../bin/kubeplay.js', import.meta.url).pathname;
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function serve(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const ready = new Promise<void>((resolve, reject) => {
    const check = () => (stdout.includes('Press Ctrl-C') ? resolve() : undefined);
    child.stdout.on('data', check);
    void exited.then(() => reject(new Error(`serve exited: ${stderr}`)));
  });
  return { child, ready, exited, out: () => stdout, err: () => stderr };
}

describe('kubeplay serve', () => {
  it('starts on a free port, writes the kubeconfig, serves, and stops on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubeplay-cli-'));
    dirs.push(dir);
    const s = serve(['--port', '0', '--speed', '2', '--nodes', '1', '--seed', '7'], { TMPDIR: dir });
    await s.ready;
    const url = /at (http:\/\/127\.0\.0\.1:(\d+)) /.exec(s.out())!;
    expect(url).not.toBeNull();
    expect(Number(url[2])).toBeGreaterThan(0);
    const path = join(dir, `kubeplay-${url[2]}.kubeconfig`);
    expect(s.out()).toContain(`export KUBECONFIG=${path}\n`);
    expect(s.out()).toContain('(speed 2x)');
    const cfg = load(readFileSync(path, 'utf8')) as { clusters: { cluster: Record<string, unknown> }[]; users: { user: unknown }[] };
    expect(cfg.clusters[0].cluster).toEqual({ server: url[1], 'insecure-skip-tls-verify': true });
    expect(cfg.users[0].user).toEqual({});
    const version = (await (await fetch(`${url[1]}/version`)).json()) as { minor: string };
    expect(version.minor).toBe('32');
    const nodes = (await (await fetch(`${url[1]}/api/v1/nodes`)).json()) as { items: { metadata: { name: string; creationTimestamp: string } }[] };
    expect(nodes.items.map((n) => n.metadata.name)).toEqual(['control-plane', 'worker-1']);
    // Simulated time starts at wall time, so kubectl's own age computations make sense.
    expect(Math.abs(Date.parse(nodes.items[0].metadata.creationTimestamp) - Date.now())).toBeLessThan(5 * 60_000);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expect(s.err()).toContain('SIGTERM, stopping');
  });

  it('warns when bound beyond the loopback address; --kubeconfig picks the path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubeplay-cli-'));
    dirs.push(dir);
    const path = join(dir, 'sub', 'kc.yaml');
    const s = serve(['--port=0', '--address=127.0.0.2', `--kubeconfig=${path}`, '--speed=0']);
    await s.ready;
    expect(s.err()).toMatch(/^WARNING: serving on 127\.0\.0\.2: the API has no authentication/);
    expect(readFileSync(path, 'utf8')).toContain('server: http://127.0.0.2:');
    s.child.kill('SIGINT');
    expect(await s.exited).toBe(0);
  });

  it.each([
    [['--port', 'x'], 'invalid port "x"'],
    [['--speed', '-1'], 'invalid speed "-1"'],
    [['--bogus'], 'unknown flag --bogus'],
    [['--nodes'], 'flag needs an argument: --nodes'],
  ])('rejects %j', (args, message) => {
    expect(parseServeFlags(args)).toBe(message);
  });

  it('parses flags', () => {
    expect(parseServeFlags(['--port', '0', '--speed=10', '--nodes', '5', '--seed', 'abc', '-v'])).toEqual({
      port: 0,
      address: '127.0.0.1',
      speed: 10,
      nodes: 5,
      seed: 'abc',
      verbose: true,
    });
  });

  it('writes a kubeconfig kubectl and client-node accept for plain http', () => {
    expect(kubeconfigYaml('http://127.0.0.1:6443')).toBe(
      [
        'apiVersion: v1',
        'kind: Config',
        'clusters:',
        '  - name: kubeplay',
        '    cluster:',
        '      server: http://127.0.0.1:6443',
        '      insecure-skip-tls-verify: true',
        'contexts:',
        '  - name: kubeplay',
        '    context:',
        '      cluster: kubeplay',
        '      user: kubeplay',
        '      namespace: default',
        'current-context: kubeplay',
        'preferences: {}',
        'users:',
        '  - name: kubeplay',
        '    user: {}',
        '',
      ].join('\n'),
    );
  });
});
