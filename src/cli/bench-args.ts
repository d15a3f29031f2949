// Command-line flags of `kubeplay bench`: the workload (nodes, pods, their shape) and the scenario to time.

export const SCENARIOS = ['converge', 'rollout', 'chaos', 'list', 'watch'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface BenchArgs {
  scenario: Scenario;
  /** Worker nodes (the control plane comes on top). */
  nodes: number;
  /** Pods in all, spread over Deployments of `perDeployment` replicas. */
  pods: number;
  perDeployment: number;
  seed: number;
  /** Worker shape; the defaults are createCluster's (4 CPU, 8Gi, 110 pods). */
  nodeCpu?: string;
  nodeMemory?: string;
  nodePods?: number;
  /** Container requests, or undefined for none (`--requests none`). */
  requests?: { cpu: string; memory: string };
  /** rollout: the image every Deployment is updated to. */
  image: string;
  /** chaos: share of the workers powered off, in percent. */
  chaosPercent: number;
  /** list: times each list is repeated (default 3); watch: rounds with and without watchers (default 1). */
  repeat?: number;
  /** watch: watchers opened on pods before the Deployments are created. */
  watchers: number;
  /** watch: what each watcher asks for, plain objects (informers) or Table rows (`kubectl get -w`). */
  watchAs: 'object' | 'table';
  /** watch: encode each delivered event as JSON, as the HTTP transport would. */
  encode: boolean;
  /** watch: skip the run without watchers that the overhead is measured against. */
  noBaseline: boolean;
}

export const BENCH_USAGE = `usage: kubeplay bench [--nodes N] [--pods P] [--scenario converge|rollout|chaos|list|watch] [flags]

Workload:
  --nodes N              worker nodes (default 100)
  --pods P               pods in all (default 3000)
  --per-deployment R     replicas per Deployment (default 100)
  --node-cpu Q           worker CPU (default 4)
  --node-memory Q        worker memory (default 8Gi)
  --node-pods N          worker pod capacity (default 110)
  --requests CPU,MEM     container requests (default 100m,64Mi; "none" for none)
  --seed S               simulation seed (default 1)
Scenarios (each starts from a converged cluster):
  converge               time until every pod is Running and Ready (default)
  rollout                then update every Deployment to --image (default nginx:1.28), time until done
  chaos                  then power off --chaos-percent of the workers (default 10), time until recovered
  list                   then list all pods as kubectl get pods -A does (--repeat times, default 3)
  watch                  converge with --watchers watchers on pods (default 100; --watch-as object|table,
                         --encode to JSON-encode each event), against the same run without watchers after an
                         untimed warm-up run (--repeat rounds, default 1; --no-baseline: watchers only)
The last line printed is one JSON object with the figures.
`;

const NUMERIC = new Set(['nodes', 'pods', 'per-deployment', 'node-pods', 'seed', 'chaos-percent', 'repeat', 'watchers']);
const STRING = new Set(['scenario', 'node-cpu', 'node-memory', 'requests', 'image', 'watch-as']);
const BOOLEAN = new Set(['encode', 'no-baseline']);

/** Parses the flags; throws an Error whose message says what is wrong. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const a: BenchArgs = {
    scenario: 'converge',
    nodes: 100,
    pods: 3000,
    perDeployment: 100,
    seed: 1,
    requests: { cpu: '100m', memory: '64Mi' },
    image: 'nginx:1.28',
    chaosPercent: 10,
    watchers: 100,
    watchAs: 'object',
    encode: false,
    noBaseline: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new Error(`unknown argument ${argv[i]}`);
    const name = m[1];
    if (BOOLEAN.has(name)) {
      if (m[2] !== undefined) throw new Error(`--${name} takes no value`);
      if (name === 'encode') a.encode = true;
      else a.noBaseline = true;
      continue;
    }
    if (!NUMERIC.has(name) && !STRING.has(name)) throw new Error(`unknown flag --${name}`);
    const raw = m[2] ?? argv[++i];
    if (raw === undefined || raw === '') throw new Error(`--${name} needs a value`);
    if (NUMERIC.has(name)) {
      const n = Number(raw);
      if (!Number.isInteger(n) || n < 0) throw new Error(`--${name}: not a whole number: ${raw}`);
      setNumber(a, name, n);
    } else setString(a, name, raw);
  }
  if (a.nodes < 1) throw new Error('--nodes must be at least 1');
  if (a.perDeployment < 1) throw new Error('--per-deployment must be at least 1');
  if (a.chaosPercent > 100) throw new Error('--chaos-percent must be at most 100');
  if (a.repeat !== undefined && a.repeat < 1) throw new Error('--repeat must be at least 1');
  return a;
}

function setNumber(a: BenchArgs, name: string, n: number): void {
  switch (name) {
    case 'nodes':
      a.nodes = n;
      break;
    case 'pods':
      a.pods = n;
      break;
    case 'per-deployment':
      a.perDeployment = n;
      break;
    case 'node-pods':
      a.nodePods = n;
      break;
    case 'seed':
      a.seed = n;
      break;
    case 'chaos-percent':
      a.chaosPercent = n;
      break;
    case 'repeat':
      a.repeat = n;
      break;
    case 'watchers':
      a.watchers = n;
      break;
  }
}

function setString(a: BenchArgs, name: string, v: string): void {
  switch (name) {
    case 'scenario':
      if (!(SCENARIOS as readonly string[]).includes(v)) throw new Error(`--scenario must be one of ${SCENARIOS.join(', ')}`);
      a.scenario = v as Scenario;
      break;
    case 'node-cpu':
      a.nodeCpu = v;
      break;
    case 'node-memory':
      a.nodeMemory = v;
      break;
    case 'requests': {
      if (v === 'none') {
        a.requests = undefined;
        break;
      }
      const [cpu, memory, extra] = v.split(',');
      if (!cpu || !memory || extra !== undefined) throw new Error('--requests: expected CPU,MEMORY (e.g. 100m,64Mi) or none');
      a.requests = { cpu, memory };
      break;
    }
    case 'image':
      a.image = v;
      break;
    case 'watch-as':
      if (v !== 'object' && v !== 'table') throw new Error('--watch-as must be object or table');
      a.watchAs = v;
      break;
  }
}
