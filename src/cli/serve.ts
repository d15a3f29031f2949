// `kubeplay serve [--port 6443] [--speed X] [--nodes N] [--seed S] [--kubeconfig PATH] [--address A]`: a simulated
// cluster's API over plain HTTP for the real kubectl and client libraries, until Ctrl-C.

import { BOOT_SETTLE_MS, createCluster } from '../engine/cluster';
import { startServer } from '../host/http/server';
import { defaultKubeconfigPath, writeKubeconfig } from '../host/http/kubeconfig';

const USAGE = `Usage: kubeplay serve [flags]

Serves a simulated cluster's Kubernetes API over plain HTTP and writes a kubeconfig for it.

Flags:
  --port N          port to listen on (default 6443; 0 picks a free one)
  --address A       address to bind (default 127.0.0.1; anything else is reachable from other machines)
  --speed X         simulated seconds per wall second (default 1; 0 stops the clock)
  --nodes N         worker nodes (default 3)
  --seed S          random seed (default 1)
  --kubeconfig P    where to write the kubeconfig (default $TMPDIR/kubeplay-PORT.kubeconfig)
  -v, --verbose     log every request to stderr
`;

interface ServeFlags {
  port: number;
  address: string;
  speed: number;
  nodes: number;
  seed: number | string;
  kubeconfig?: string;
  verbose: boolean;
}

export function parseServeFlags(argv: string[]): ServeFlags | string {
  const f: ServeFlags = { port: 6443, address: '127.0.0.1', speed: 1, nodes: 3, seed: 1, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-v' || a === '--verbose') {
      f.verbose = true;
      continue;
    }
    const m = /^--(port|address|speed|nodes|seed|kubeconfig)(?:=(.*))?$/.exec(a);
    if (!m) return `unknown flag ${a}`;
    const v = m[2] ?? argv[++i];
    if (v === undefined) return `flag needs an argument: --${m[1]}`;
    const num = Number(v);
    switch (m[1]) {
      case 'port':
        if (!Number.isInteger(num) || num < 0 || num > 65535) return `invalid port "${v}"`;
        f.port = num;
        break;
      case 'speed':
        if (!Number.isFinite(num) || num < 0) return `invalid speed "${v}"`;
        f.speed = num;
        break;
      case 'nodes':
        if (!Number.isInteger(num) || num < 0) return `invalid node count "${v}"`;
        f.nodes = num;
        break;
      case 'seed':
        f.seed = /^\d+$/.test(v) ? num : v;
        break;
      case 'address':
        f.address = v;
        break;
      case 'kubeconfig':
        f.kubeconfig = v;
        break;
    }
  }
  return f;
}

export async function serveCommand(argv: string[]): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const flags = parseServeFlags(argv);
  if (typeof flags === 'string') {
    process.stderr.write(`kubeplay serve: ${flags}\n\n${USAGE}`);
    return 1;
  }
  if (flags.address !== '127.0.0.1' && flags.address !== 'localhost' && flags.address !== '::1') {
    process.stderr.write(
      `WARNING: serving on ${flags.address}: the API has no authentication and anyone who can reach this address controls the cluster.\n`,
    );
  }
  // A bug in one request or timer must not take the whole cluster down: report it and keep serving.
  process.on('uncaughtException', (e) => process.stderr.write(`kubeplay: internal error: ${e.stack ?? e.message}\n`));
  process.on('unhandledRejection', (e) => process.stderr.write(`kubeplay: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`));
  // Simulated time starts at wall time: kubectl computes some ages itself (describe's events, logs --since).
  const cluster = createCluster({ nodes: flags.nodes, seed: flags.seed, startTime: Math.floor(Date.now() / 1000) * 1000 - BOOT_SETTLE_MS });
  let server;
  try {
    server = await startServer({
      cluster,
      port: flags.port,
      address: flags.address,
      speed: flags.speed,
      log: flags.verbose ? (line) => process.stderr.write(`${line}\n`) : undefined,
    });
  } catch (e) {
    process.stderr.write(`kubeplay serve: cannot listen on ${flags.address}:${flags.port}: ${(e as Error).message}\n`);
    return 1;
  }
  const kubeconfig = flags.kubeconfig ?? defaultKubeconfigPath(server.port);
  try {
    writeKubeconfig(kubeconfig, server.url);
  } catch (e) {
    process.stderr.write(`kubeplay serve: cannot write kubeconfig ${kubeconfig}: ${(e as Error).message}\n`);
    await server.close();
    return 1;
  }
  // Handlers first: whoever reads the banner may signal at once.
  const stopped = new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      process.stderr.write(`\nkubeplay: ${signal}, stopping\n`);
      void server.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  process.stdout.write(
    `kubeplay: serving a ${flags.nodes}-worker cluster at ${server.url} (speed ${flags.speed}x)\n` +
      `\n  export KUBECONFIG=${kubeconfig}\n  kubectl get nodes\n\nPress Ctrl-C to stop.\n`,
  );
  await stopped;
  return 0;
}
