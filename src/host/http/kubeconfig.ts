// The kubeconfig `kubeplay serve` writes: one cluster at a plain-HTTP server, an empty user.

import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { dump } from 'js-yaml';

export const CONTEXT_NAME = 'kubeplay';

/** Where serve writes it unless --kubeconfig says otherwise. */
export function defaultKubeconfigPath(port: number): string {
  return join(tmpdir(), `kubeplay-${port}.kubeconfig`);
}

/**
 * The kubeconfig text. `insecure-skip-tls-verify` is meaningless over http, but @kubernetes/client-node
 * refuses plain-http servers without it.
 */
export function kubeconfigYaml(server: string, name = CONTEXT_NAME): string {
  return dump(
    {
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name, cluster: { server, 'insecure-skip-tls-verify': true } }],
      contexts: [{ name, context: { cluster: name, user: name, namespace: 'default' } }],
      'current-context': name,
      preferences: {},
      users: [{ name, user: {} }],
    },
    { lineWidth: -1 },
  );
}

export function writeKubeconfig(path: string, server: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, kubeconfigYaml(server), { mode: 0o600 });
}
