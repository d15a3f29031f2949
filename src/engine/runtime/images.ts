// The image catalog: what a known image is (size, tags that exist, entrypoint behaviour, ports, how it
// reacts to SIGTERM). Behaviour is data: the kubelet and the container runtime read these entries.

import type { ProgramModel } from './resources';
import { stressProgram } from './stress';
import { goStressProgram } from './stress-go';

export interface HttpAnswer {
  status: number;
  body: string;
  contentType?: string;
}

export interface ImageEntry {
  /** Repository as it is normalised (docker.io/library/nginx). */
  repository: string;
  /** Compressed size in bytes (drives pull time and the Pulled message). */
  size: number;
  /** Tags that exist; a function for version families. */
  tags: (tag: string) => boolean;
  /** What runs when the pod gives no command: a long-running server, or a shell command line. */
  entrypoint: { kind: 'server' } | { kind: 'sh'; script: string } | { kind: 'exit'; code: number; log?: string[] };
  /** The ENTRYPOINT argv of a server image whose program reads args (vish/stress: /stress -logtostderr). */
  entrypointArgv?: string[];
  /** A program that uses memory and CPU on purpose, modelled from its argv (stress tools). */
  program?: ProgramModel;
  /** Ports the default entrypoint listens on. */
  ports: number[];
  /** The image has a POSIX shell (exec, exec probes, command/args run through it). */
  shell: boolean;
  /** Log lines the default entrypoint writes at start. */
  startupLog?: (env: Record<string, string>) => string[];
  /** Environment checks that make the default entrypoint exit (postgres without a password). */
  requireEnv?: (env: Record<string, string>) => { code: number; log: string[] } | undefined;
  /** SIGTERM: 'exit' stops at once (exit 0 for well-behaved servers), 'ignore' waits for SIGKILL. */
  sigterm: 'exit' | 'ignore';
  sigtermExitCode?: number;
  /** HTTP answer of the default server. */
  http?: (ctx: { path: string; hostname: string; podIP: string; args: string[] }) => HttpAnswer;
  /** CPU cost of one HTTP request in core-seconds (hpa-example burns CPU). */
  cpuPerRequest?: number;
  idleMilliCPU: number;
  idleMemoryBytes: number;
}

const MiB = 1024 * 1024;

/** Tag families like 1.<minor>.<patch> with the highest patch per minor. */
function versions(family: Record<string, number>, extra: string[] = [], suffixes: string[] = ['']): (tag: string) => boolean {
  const set = new Set<string>();
  for (const [minor, maxPatch] of Object.entries(family)) {
    for (const sfx of suffixes) {
      set.add(minor + sfx);
      for (let p = 0; p <= maxPatch; p++) set.add(`${minor}.${p}${sfx}`);
    }
  }
  for (const e of extra) for (const sfx of suffixes) set.add(e + sfx);
  return (tag) => set.has(tag);
}

const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const NGINX_404 = `<html>
<head><title>404 Not Found</title></head>
<body>
<center><h1>404 Not Found</h1></center>
<hr><center>nginx</center>
</body>
</html>
`;

const nginxStartup = () => [
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
  '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
  '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
  '/docker-entrypoint.sh: Configuration complete; ready for start up',
];

const ENTRIES: ImageEntry[] = [
  {
    repository: 'docker.io/library/nginx',
    size: 72_099_501,
    tags: versions(
      { '1.7': 12, '1.9': 15, '1.10': 3, '1.11': 13, '1.12': 2, '1.13': 12, '1.14': 2, '1.15': 12, '1.16': 1, '1.17': 10, '1.18': 0, '1.19': 10, '1.20': 2, '1.21': 6, '1.22': 1, '1.23': 4, '1.24': 0, '1.25': 5, '1.26': 3, '1.27': 5, '1.28': 0, '1.29': 1 },
      ['latest', 'stable', 'mainline', '1', 'perl', 'bookworm'],
      ['', '-alpine', '-perl', '-alpine-slim', '-bookworm'],
    ),
    entrypoint: { kind: 'server' },
    ports: [80],
    shell: true,
    startupLog: nginxStartup,
    sigterm: 'exit',
    http: ({ path }) => (path === '/' || path === '/index.html' ? { status: 200, body: NGINX_WELCOME, contentType: 'text/html' } : { status: 404, body: NGINX_404, contentType: 'text/html' }),
    idleMilliCPU: 0,
    idleMemoryBytes: 3 * MiB,
  },
  {
    repository: 'docker.io/library/httpd',
    size: 58_000_000,
    tags: versions({ '2.4': 63, '2.2': 34 }, ['latest', '2', 'alpine'], ['', '-alpine', '-bookworm']),
    entrypoint: { kind: 'server' },
    ports: [80],
    shell: true,
    sigterm: 'exit',
    http: () => ({ status: 200, body: '<html><body><h1>It works!</h1></body></html>\n', contentType: 'text/html' }),
    idleMilliCPU: 1,
    idleMemoryBytes: 6 * MiB,
  },
  {
    repository: 'docker.io/library/redis',
    size: 45_000_000,
    tags: versions({ '5.0': 14, '6.0': 20, '6.2': 17, '7.0': 15, '7.2': 7, '7.4': 2, '8.0': 2 }, ['latest', '5', '6', '7', '8', 'alpine'], ['', '-alpine', '-bookworm']),
    entrypoint: { kind: 'server' },
    ports: [6379],
    shell: true,
    startupLog: () => ['1:C 01 Jan 2025 00:00:00.000 * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo', '1:M 01 Jan 2025 00:00:00.000 * Ready to accept connections tcp'],
    sigterm: 'exit',
    idleMilliCPU: 2,
    idleMemoryBytes: 4 * MiB,
  },
  {
    repository: 'docker.io/library/postgres',
    size: 150_000_000,
    tags: versions({ '12': 22, '13': 18, '14': 15, '15': 10, '16': 6, '17': 2 }, ['latest', 'alpine'], ['', '-alpine', '-bookworm']),
    entrypoint: { kind: 'server' },
    ports: [5432],
    shell: true,
    requireEnv: (env) =>
      env.POSTGRES_PASSWORD || env.POSTGRES_HOST_AUTH_METHOD === 'trust'
        ? undefined
        : {
            code: 1,
            log: [
              'Error: Database is uninitialized and superuser password is not specified.',
              '       You must specify POSTGRES_PASSWORD to a non-empty value for the',
              '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
            ],
          },
    startupLog: () => ['PostgreSQL init process complete; ready for start up.', 'LOG:  database system is ready to accept connections'],
    sigterm: 'exit',
    idleMilliCPU: 3,
    idleMemoryBytes: 25 * MiB,
  },
  {
    repository: 'docker.io/library/mysql',
    size: 170_000_000,
    tags: versions({ '5.7': 44, '8.0': 40, '8.4': 3, '9.0': 1, '9.1': 0 }, ['latest', '5', '8', '9', 'lts'], ['', '-oracle', '-debian']),
    entrypoint: { kind: 'server' },
    ports: [3306],
    shell: true,
    requireEnv: (env) =>
      env.MYSQL_ROOT_PASSWORD || env.MYSQL_ALLOW_EMPTY_PASSWORD || env.MYSQL_RANDOM_ROOT_PASSWORD
        ? undefined
        : {
            code: 1,
            log: [
              '2025-01-01 00:00:00+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified',
              '    You need to specify one of the following as an environment variable:',
              '    - MYSQL_ROOT_PASSWORD',
              '    - MYSQL_ALLOW_EMPTY_PASSWORD',
              '    - MYSQL_RANDOM_ROOT_PASSWORD',
            ],
          },
    sigterm: 'exit',
    idleMilliCPU: 5,
    idleMemoryBytes: 350 * MiB,
  },
  {
    repository: 'docker.io/library/busybox',
    size: 2_155_000,
    tags: versions({ '1.24': 2, '1.25': 1, '1.26': 2, '1.27': 2, '1.28': 4, '1.29': 3, '1.30': 1, '1.31': 1, '1.32': 1, '1.33': 1, '1.34': 1, '1.35': 0, '1.36': 1, '1.37': 0 }, ['latest', 'stable', 'musl', 'glibc', 'uclibc'], ['', '-musl', '-glibc', '-uclibc']),
    entrypoint: { kind: 'sh', script: '' },
    ports: [],
    shell: true,
    sigterm: 'ignore',
    idleMilliCPU: 0,
    idleMemoryBytes: 256 * 1024,
  },
  {
    repository: 'registry.k8s.io/busybox',
    size: 1_144_547,
    tags: versions({ '1.24': 0, '1.27': 2 }, ['latest']),
    entrypoint: { kind: 'sh', script: '' },
    ports: [],
    shell: true,
    sigterm: 'ignore',
    idleMilliCPU: 0,
    idleMemoryBytes: 256 * 1024,
  },
  {
    repository: 'docker.io/library/alpine',
    size: 3_650_000,
    tags: versions({ '3.13': 12, '3.14': 10, '3.15': 11, '3.16': 9, '3.17': 10, '3.18': 12, '3.19': 7, '3.20': 6, '3.21': 3, '3.22': 0 }, ['latest', 'edge', '3']),
    entrypoint: { kind: 'sh', script: '' },
    ports: [],
    shell: true,
    sigterm: 'ignore',
    idleMilliCPU: 0,
    idleMemoryBytes: 256 * 1024,
  },
  {
    repository: 'docker.io/library/ubuntu',
    size: 29_700_000,
    tags: versions({ '18.04': 0, '20.04': 0, '22.04': 0, '24.04': 0 }, ['latest', 'rolling', 'bionic', 'focal', 'jammy', 'noble', 'oracular']),
    entrypoint: { kind: 'sh', script: '' },
    ports: [],
    shell: true,
    sigterm: 'ignore',
    idleMilliCPU: 0,
    idleMemoryBytes: 512 * 1024,
  },
  {
    repository: 'docker.io/library/debian',
    size: 48_500_000,
    tags: versions({ '10': 13, '11': 11, '12': 9 }, ['latest', 'stable', 'buster', 'bullseye', 'bookworm', 'trixie', 'bookworm-slim', 'bullseye-slim', 'stable-slim']),
    entrypoint: { kind: 'sh', script: '' },
    ports: [],
    shell: true,
    sigterm: 'ignore',
    idleMilliCPU: 0,
    idleMemoryBytes: 512 * 1024,
  },
  {
    repository: 'docker.io/curlimages/curl',
    size: 12_000_000,
    tags: versions({ '8.10': 1, '8.11': 1, '8.12': 1, '7.85': 0 }, ['latest']),
    entrypoint: { kind: 'exit', code: 2, log: ['curl: try \'curl --help\' or \'curl --manual\' for more information'] },
    ports: [],
    shell: true,
    sigterm: 'exit',
    idleMilliCPU: 0,
    idleMemoryBytes: 1 * MiB,
  },
  {
    repository: 'registry.k8s.io/pause',
    size: 320_368,
    tags: versions({ '3.1': 0, '3.2': 0, '3.5': 0, '3.6': 0, '3.7': 0, '3.8': 0, '3.9': 0, '3.10': 0 }, ['latest']),
    entrypoint: { kind: 'server' },
    ports: [],
    shell: false,
    sigterm: 'exit',
    idleMilliCPU: 0,
    idleMemoryBytes: 200 * 1024,
  },
  {
    repository: 'registry.k8s.io/hpa-example',
    size: 185_000_000,
    tags: (t) => t === 'latest',
    entrypoint: { kind: 'server' },
    ports: [80],
    shell: true,
    sigterm: 'exit',
    http: () => ({ status: 200, body: 'OK!', contentType: 'text/html' }),
    cpuPerRequest: 0.2,
    idleMilliCPU: 1,
    idleMemoryBytes: 10 * MiB,
  },
  {
    repository: 'docker.io/hashicorp/http-echo',
    size: 3_500_000,
    tags: versions({ '0.2': 3, '1.0': 0 }, ['latest', '1', 'alpine']),
    entrypoint: { kind: 'server' },
    ports: [5678],
    shell: false,
    sigterm: 'exit',
    http: ({ args }) => {
      const text = args.find((a) => a.startsWith('-text=') || a.startsWith('--text='));
      return { status: 200, body: (text ? text.slice(text.indexOf('=') + 1) : '') + '\n', contentType: 'text/plain' };
    },
    idleMilliCPU: 0,
    idleMemoryBytes: 2 * MiB,
  },
  {
    repository: 'gcr.io/google-samples/hello-app',
    size: 4_300_000,
    tags: versions({ '1.0': 0, '2.0': 0 }, []),
    entrypoint: { kind: 'server' },
    ports: [8080],
    shell: false,
    startupLog: () => ['2025/01/01 00:00:00 Server listening on port 8080'],
    sigterm: 'exit',
    http: ({ hostname, path }) => ({ status: 200, body: `Hello, world!\nVersion: ${path ? '1.0.0' : '1.0.0'}\nHostname: ${hostname}\n`, contentType: 'text/plain' }),
    idleMilliCPU: 0,
    idleMemoryBytes: 2 * MiB,
  },
  {
    repository: 'registry.k8s.io/echoserver',
    size: 46_000_000,
    tags: versions({ '1.4': 0, '1.10': 0 }, []),
    entrypoint: { kind: 'server' },
    ports: [8080],
    shell: true,
    sigterm: 'exit',
    http: ({ hostname, path, podIP }) => ({
      status: 200,
      body: `\n\nHostname: ${hostname}\n\nPod Information:\n\t-no pod information available-\n\nServer values:\n\tserver_version=nginx: 1.13.3 - lua: 10008\n\nRequest Information:\n\tclient_address=${podIP}\n\tmethod=GET\n\treal path=${path}\n\tquery=\n\trequest_version=1.1\n\trequest_scheme=http\n\trequest_uri=http://${hostname}:8080${path}\n\n`,
      contentType: 'text/plain',
    }),
    idleMilliCPU: 1,
    idleMemoryBytes: 5 * MiB,
  },
  {
    // CMD ['/usr/local/bin/stress'] with single quotes is not JSON, so Docker stored it in shell form:
    // without a command the container runs sh -c "['/usr/local/bin/stress']" and fails.
    repository: 'docker.io/polinux/stress',
    size: 4_041_718,
    tags: versions({}, ['latest', '1.0.4']),
    entrypoint: { kind: 'exit', code: 127, log: ["/bin/sh: [/usr/local/bin/stress]: not found"] },
    program: stressProgram,
    ports: [],
    shell: true,
    // stress is PID 1 without a SIGTERM handler: the signal is ignored until SIGKILL.
    sigterm: 'ignore',
    idleMilliCPU: 0,
    idleMemoryBytes: 512 * 1024,
  },
  {
    repository: 'docker.io/progrium/stress',
    size: 107_961_432,
    tags: (t) => t === 'latest',
    entrypoint: { kind: 'server' },
    entrypointArgv: ['/usr/bin/stress', '--verbose'],
    program: stressProgram,
    ports: [],
    shell: true,
    sigterm: 'ignore',
    idleMilliCPU: 0,
    idleMemoryBytes: 512 * 1024,
  },
  {
    repository: 'docker.io/containerstack/alpine-stress',
    size: 3_390_254,
    tags: (t) => t === 'latest',
    entrypoint: { kind: 'sh', script: '' },
    program: stressProgram,
    ports: [],
    shell: true,
    sigterm: 'ignore',
    idleMilliCPU: 0,
    idleMemoryBytes: 256 * 1024,
  },
  {
    // FROM scratch with ENTRYPOINT ["/stress", "-logtostderr"]; a Go PID 1 exits 2 on SIGTERM.
    repository: 'docker.io/vish/stress',
    size: 2_346_496,
    tags: (t) => t === 'latest',
    entrypoint: { kind: 'server' },
    entrypointArgv: ['/stress', '-logtostderr'],
    program: goStressProgram,
    ports: [],
    shell: false,
    sigterm: 'exit',
    sigtermExitCode: 2,
    idleMilliCPU: 0,
    idleMemoryBytes: 1900 * 1024,
  },
  {
    repository: 'docker.io/traefik/whoami',
    size: 3_000_000,
    tags: versions({ 'v1.10': 3, 'v1.11': 0 }, ['latest']),
    entrypoint: { kind: 'server' },
    ports: [80],
    shell: false,
    sigterm: 'exit',
    http: ({ hostname, podIP }) => ({ status: 200, body: `Hostname: ${hostname}\nIP: 127.0.0.1\nIP: ${podIP}\n`, contentType: 'text/plain' }),
    idleMilliCPU: 0,
    idleMemoryBytes: 2 * MiB,
  },
];

/** Control-plane and add-on images kind preloads: servers on their usual ports. */
function component(repository: string, ports: number[], tags: string[], size: number, shell = false): ImageEntry {
  return {
    repository,
    size,
    tags: (t) => tags.includes(t),
    entrypoint: { kind: 'server' },
    ports,
    shell,
    sigterm: 'exit',
    http: ({ path }) => ({ status: 200, body: path === '/ready' || path === '/health' || path === '/healthz' || path === '/livez' || path === '/readyz' ? 'OK' : '', contentType: 'text/plain' }),
    idleMilliCPU: 5,
    idleMemoryBytes: 30 * MiB,
  };
}

ENTRIES.push(
  component('registry.k8s.io/coredns/coredns', [53, 8080, 8181, 9153], ['v1.11.1', 'v1.11.3', 'v1.12.0'], 18_562_039),
  component('registry.k8s.io/etcd', [2379, 2380, 2381], ['3.5.15-0', '3.5.16-0', '3.5.21-0'], 57_680_541),
  component('registry.k8s.io/kube-apiserver', [6443], ['v1.31.0', 'v1.32.0', 'v1.33.0'], 28_050_000),
  component('registry.k8s.io/kube-controller-manager', [10257], ['v1.31.0', 'v1.32.0', 'v1.33.0'], 26_260_000),
  component('registry.k8s.io/kube-scheduler', [10259], ['v1.31.0', 'v1.32.0', 'v1.33.0'], 20_660_000),
  component('registry.k8s.io/kube-proxy', [10249, 10256], ['v1.31.0', 'v1.32.0', 'v1.33.0'], 30_910_000, true),
);

/** Images with a shell and general-purpose tools run `command` in the interpreter. */
const BY_REPO = new Map(ENTRIES.map((e) => [e.repository, e]));
/** Aliases: the old k8s.gcr.io registry serves the same images. */
const ALIASES: Record<string, string> = { 'k8s.gcr.io/pause': 'registry.k8s.io/pause', 'k8s.gcr.io/busybox': 'registry.k8s.io/busybox', 'k8s.gcr.io/hpa-example': 'registry.k8s.io/hpa-example', 'k8s.gcr.io/echoserver': 'registry.k8s.io/echoserver' };

export interface ImageRef {
  /** As written in the pod spec. */
  raw: string;
  /** docker.io/library/nginx */
  repository: string;
  tag: string;
  digest?: string;
  /** docker.io/library/nginx:1.27 */
  full: string;
}

/** Normalises an image reference like containerd does (docker.io/library/ prefix, :latest). */
export function parseImage(raw: string): ImageRef | undefined {
  if (!raw || /\s/.test(raw) || /[A-Z]/.test(raw.split(/[:@]/)[0])) return undefined;
  let rest = raw;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!/^sha256:[0-9a-f]{64}$/.test(digest)) return undefined;
  }
  let tag = 'latest';
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!/^[\w][\w.-]{0,127}$/.test(tag)) return undefined;
  }
  const first = rest.split('/')[0];
  let repository = rest;
  if (!rest.includes('/')) repository = `docker.io/library/${rest}`;
  else if (!first.includes('.') && !first.includes(':') && first !== 'localhost') repository = `docker.io/${rest}`;
  if (!/^[a-z0-9]+([._-][a-z0-9]+)*(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/.test(repository.slice(repository.indexOf('/') + 1))) return undefined;
  repository = ALIASES[repository] ?? repository;
  return { raw, repository, tag, digest, full: digest ? `${repository}@${digest}` : `${repository}:${tag}` };
}

export function lookupImage(ref: ImageRef): ImageEntry | undefined {
  return BY_REPO.get(ref.repository);
}

/** A generic long-running app for repositories the catalog does not know. */
export function genericImage(ref: ImageRef): ImageEntry {
  let h = 0;
  for (const c of ref.repository) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return {
    repository: ref.repository,
    size: 20_000_000 + (h % 180_000_000),
    tags: () => true,
    entrypoint: { kind: 'server' },
    ports: [],
    shell: true,
    sigterm: 'exit',
    http: () => ({ status: 200, body: 'OK\n', contentType: 'text/plain' }),
    idleMilliCPU: 1,
    idleMemoryBytes: 8 * MiB,
  };
}

/** Pull time: a fixed registry round trip plus size over a ~25 MB/s link. */
export function pullMillis(entry: ImageEntry): number {
  return 400 + Math.round(entry.size / 25_000);
}

/** A stable fake digest per image (containerd reports repo@sha256:…). */
export function imageDigest(ref: ImageRef): string {
  let out = '';
  let h = 0x811c9dc5;
  const s = ref.full;
  while (out.length < 64) {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
    h = Math.imul(h ^ out.length, 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return `sha256:${out.slice(0, 64)}`;
}
