// `kubeplay kubectl ARGS…`: the playground's kubectl as a command, talking HTTP to the server named in
// $KUBECONFIG (or ~/.kube/config, or --server).

import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { load } from 'js-yaml';
import { HttpApiClient, ConnectionError } from '../host/http-client';
import { NodeFileSystem } from '../host/node-fs';
import { RESTMapper } from '../terminal/kubectl/discovery';
import { KubeConfig } from '../terminal/kubectl/config';
import { runKubectl } from '../terminal/kubectl/kubectl';
import { AbortScope } from '../engine/runtime/sh/signal';
import { StringInput } from '../engine/runtime/sh/streams';

interface KubeconfigFile {
  'current-context'?: string;
  contexts?: { name: string; context: { cluster: string; user: string; namespace?: string } }[];
  clusters?: { name: string; cluster: { server: string; 'insecure-skip-tls-verify'?: boolean; 'certificate-authority-data'?: string } }[];
  users?: { name: string }[];
}

function loadKubeconfig(explicit: string | undefined, env: Record<string, string | undefined>): { config: KubeConfig; server?: string } {
  const paths = explicit ? [explicit] : (env.KUBECONFIG ?? `${env.HOME ?? homedir()}/.kube/config`).split(':').filter(Boolean);
  for (const p of paths) {
    let doc: KubeconfigFile;
    try {
      doc = load(readFileSync(p, 'utf8')) as KubeconfigFile;
    } catch {
      continue;
    }
    const cfg = new KubeConfig();
    cfg.clusters = (doc.clusters ?? []).map((c) => ({
      name: c.name,
      server: c.cluster.server,
      insecureSkipTLSVerify: c.cluster['insecure-skip-tls-verify'] || undefined,
      certificateAuthorityData: c.cluster['certificate-authority-data'] ? true : undefined,
    }));
    cfg.users = (doc.users ?? []).map((u) => ({ name: u.name }));
    cfg.contexts = (doc.contexts ?? []).map((c) => ({ name: c.name, cluster: c.context.cluster, user: c.context.user, namespace: c.context.namespace }));
    cfg.currentContext = doc['current-context'] ?? '';
    const ctx = cfg.current();
    const server = cfg.clusters.find((c) => c.name === ctx?.cluster)?.server;
    return { config: cfg, server };
  }
  return { config: new KubeConfig('http://localhost:8080') };
}

export interface KubectlIO {
  stdin: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: Record<string, string | undefined>;
  signal?: AbortScope;
  /** Whether stdout is a terminal (colours, TTY checks), and its width. */
  isTTY?: boolean;
  columns?: number;
}

export async function kubectlCommand(argv: string[]): Promise<number> {
  const signal = new AbortScope();
  process.on('SIGINT', () => signal.abort('SIGINT'));
  const stdin = process.stdin.isTTY ? '' : await readStdin();
  return runKubectlOverHttp(argv, {
    stdin,
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    env: process.env,
    signal,
    isTTY: process.stdout.isTTY === true,
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
  });
}

/** The playground's kubectl against the API server named by --server, --kubeconfig or $KUBECONFIG. */
export async function runKubectlOverHttp(argv: string[], io: KubectlIO): Promise<number> {
  let serverFlag: string | undefined;
  let kubeconfigFlag: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const m = /^(?:--server|-s|--kubeconfig)(?:=(.*))?$/.exec(argv[i]);
    if (!m) continue;
    const v = m[1] ?? argv[i + 1];
    if (argv[i].startsWith('--kubeconfig')) kubeconfigFlag = v;
    else serverFlag = v;
  }
  const { config, server } = loadKubeconfig(kubeconfigFlag, io.env);
  const target = serverFlag ?? server ?? 'http://localhost:8080';
  const client = new HttpApiClient(target);
  try {
    return await runKubectl(
      {
        client,
        mapper: new RESTMapper(client),
        config,
        fs: new NodeFileSystem(),
        cwd: process.cwd(),
        stdin: new StringInput(io.stdin),
        stdout: { write: io.stdout, isTTY: io.isTTY ?? false, columns: io.columns },
        stderr: { write: io.stderr },
        signal: io.signal ?? new AbortScope(),
        now: () => Date.now(),
        sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
        getenv: (n) => io.env[n],
      },
      argv,
    );
  } catch (e) {
    if (e instanceof ConnectionError) {
      io.stderr(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

function readStdin(): Promise<string> {
  return new Promise((resolve) => {
    let s = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (d) => (s += d));
    process.stdin.on('end', () => resolve(s));
  });
}
