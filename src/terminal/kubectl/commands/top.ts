// kubectl top node|pod: CPU and memory usage from the metrics.k8s.io API (metrics-server), with kubectl's
// `Metrics API not available` when the group is not served and its "metrics not available yet" checks.
// mirrors: kubectl/pkg/cmd/top/top.go, top_node.go, top_pod.go

import type { CommandSpec } from '../command';
import type { Kubectl } from '../context';
import type { KubeObject } from '../../../engine/api/types';
import { KubectlError, ServerError } from '../errors';
import { commandHelp } from '../help';
import { parseLabelSelector } from '../../../engine/api/selectors/labels';
import { parseFieldSelector } from '../../../engine/api/selectors/fields';
import { asStatus } from './apply';
import { NODE_SELECTOR_FLAG } from './common-flags';
import { goDuration } from './go-duration';
import { printNodeMetrics, printPodMetrics, type NodeMetrics, type PodMetrics, type Usage } from './top-printer';

const METRICS = '/apis/metrics.k8s.io/v1beta1';
const METRICS_CREATION_DELAY_MS = 2 * 60_000;

const PROTOBUF_FLAG = { name: 'use-protocol-buffers', type: 'bool' as const, default: true, usage: 'Enables using protocol-buffers to access Metrics API.' };
const SORT_HINT = "The field can be either 'cpu' or 'memory'.";

/** SupportedMetricsAPIVersionAvailable: discovery (fetched afresh) lists metrics.k8s.io/v1beta1. */
async function metricsAvailable(k: Kubectl): Promise<boolean> {
  k.mapper.invalidate();
  const all = await k.mapper.all();
  return all.some((r) => r.group === 'metrics.k8s.io' && r.version === 'v1beta1');
}

async function getJson(k: Kubectl, path: string, query?: Record<string, string>): Promise<unknown> {
  const res = await k.request({ method: 'GET', path, query });
  if (res.status >= 300) throw new ServerError(asStatus(res.body, res.status));
  return res.body;
}

function validateSort(sortBy: string): void {
  if (sortBy && sortBy !== 'cpu' && sortBy !== 'memory') throw new KubectlError('error: --sort-by accepts only cpu or memory');
}

function checkSelector(selector: string, kind: 'label' | 'field'): void {
  if (!selector) return;
  try {
    if (kind === 'label') parseLabelSelector(selector);
    else parseFieldSelector(selector);
  } catch (e) {
    throw new KubectlError(`error: ${(e as Error).message}`);
  }
}

export const topNodeCommand: CommandSpec = {
  name: 'node',
  aliases: ['nodes', 'no'],
  short: 'Display resource (CPU/memory) usage of nodes',
  long: 'Display resource (CPU/memory) usage of nodes.\n\n The top-node command allows you to see the resource consumption of nodes.',
  examples: '  # Show metrics for all nodes\n  kubectl top node\n  \n  # Show metrics for a given node\n  kubectl top node NODE_NAME',
  usage: 'kubectl top node [NAME | -l label] [options]',
  flags: [
    { name: 'no-headers', type: 'bool', default: false, usage: 'If present, print output without headers' },
    NODE_SELECTOR_FLAG,
    { name: 'show-capacity', type: 'bool', default: false, usage: 'Print node resources based on Capacity instead of Allocatable(default) of the nodes.' },
    { name: 'sort-by', type: 'string', default: '', usage: `If non-empty, sort nodes list using specified field. ${SORT_HINT}` },
    PROTOBUF_FLAG,
  ],
  async run(k, args, f) {
    const v = f.values;
    if (args.length > 1) throw new KubectlError("error: node [NAME | -l label]\nSee 'kubectl top node -h' for help and examples");
    const name = args[0] ?? '';
    const selector = v.selector as string;
    validateSort(v['sort-by'] as string);
    if (name && selector) throw new KubectlError('error: only one of NAME or --selector can be provided');
    checkSelector(selector, 'label');
    if (!(await metricsAvailable(k))) throw new KubectlError('error: Metrics API not available');
    const query = selector ? { labelSelector: selector } : undefined;
    const metrics = name
      ? [(await getJson(k, `${METRICS}/nodes/${encodeURIComponent(name)}`)) as NodeMetrics]
      : (((await getJson(k, `${METRICS}/nodes`, query)) as { items?: NodeMetrics[] }).items ?? []);
    if (metrics.length === 0) throw new KubectlError('error: metrics not available yet');
    const nodes = name
      ? [(await getJson(k, `/api/v1/nodes/${encodeURIComponent(name)}`)) as KubeObject]
      : (((await getJson(k, '/api/v1/nodes', query)) as { items?: KubeObject[] }).items ?? []);
    const available = new Map<string, Usage>();
    for (const n of nodes) {
      const status = (n.status ?? {}) as { allocatable?: Usage; capacity?: Usage };
      available.set(n.metadata?.name ?? '', (v['show-capacity'] ? status.capacity : status.allocatable) ?? {});
    }
    await k.out(printNodeMetrics(metrics, available, v['no-headers'] as boolean, v['sort-by'] as string));
    return 0;
  },
};

export const topPodCommand: CommandSpec = {
  name: 'pod',
  aliases: ['pods', 'po'],
  short: 'Display resource (CPU/memory) usage of pods',
  long: "Display resource (CPU/memory) usage of pods.\n\n The 'top pod' command allows you to see the resource consumption of pods.\n\n Due to the metrics pipeline delay, they may be unavailable for a few minutes since pod creation.",
  examples:
    '  # Show metrics for all pods in the default namespace\n  kubectl top pod\n  \n  # Show metrics for all pods in the given namespace\n  kubectl top pod --namespace=NAMESPACE\n  \n  # Show metrics for a given pod and its containers\n  kubectl top pod POD_NAME --containers\n  \n  # Show metrics for the pods defined by label name=myLabel\n  kubectl top pod -l name=myLabel',
  usage: 'kubectl top pod [NAME | -l label] [options]',
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false, usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
    { name: 'containers', type: 'bool', default: false, usage: 'If present, print usage of containers within a pod.' },
    { name: 'field-selector', type: 'string', default: '', usage: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." },
    { name: 'no-headers', type: 'bool', default: false, usage: 'If present, print output without headers.' },
    NODE_SELECTOR_FLAG,
    { name: 'sort-by', type: 'string', default: '', usage: `If non-empty, sort pods list using specified field. ${SORT_HINT}` },
    { name: 'sum', type: 'bool', default: false, usage: 'Print the sum of the resource usage' },
    PROTOBUF_FLAG,
  ],
  async run(k, args, f) {
    const v = f.values;
    if (args.length > 1) throw new KubectlError("error: pod [NAME | -l label]\nSee 'kubectl top pod -h' for help and examples");
    const name = args[0] ?? '';
    const ns = (v.namespace as string) || k.namespace;
    const allNs = v['all-namespaces'] as boolean;
    const selector = v.selector as string;
    const fieldSelector = v['field-selector'] as string;
    validateSort(v['sort-by'] as string);
    if (name && (selector || fieldSelector)) throw new KubectlError('error: only one of NAME or selector can be provided');
    checkSelector(selector, 'label');
    checkSelector(fieldSelector, 'field');
    if (!(await metricsAvailable(k))) throw new KubectlError('error: Metrics API not available');
    const base = allNs ? METRICS : `${METRICS}/namespaces/${encodeURIComponent(ns)}`;
    const query: Record<string, string> = {};
    if (selector) query.labelSelector = selector;
    if (fieldSelector) query.fieldSelector = fieldSelector;
    const metrics = name
      ? [(await getJson(k, `${base}/pods/${encodeURIComponent(name)}`)) as PodMetrics]
      : (((await getJson(k, `${base}/pods`, query)) as { items?: PodMetrics[] }).items ?? []);
    if (metrics.length === 0) {
      await verifyEmptyMetrics(k, ns, name, query);
      await k.err(allNs ? 'No resources found\n' : `No resources found in ${ns} namespace.\n`);
    }
    await k.out(printPodMetrics(metrics, v.containers as boolean, allNs, v['no-headers'] as boolean, v['sort-by'] as string, v.sum as boolean));
    return 0;
  },
};

/** Throws kubectl's "not available yet" / "not available for pod" errors when pods exist without metrics. */
async function verifyEmptyMetrics(k: Kubectl, ns: string, name: string, query: Record<string, string>): Promise<void> {
  const pods = name
    ? [(await getJson(k, `/api/v1/namespaces/${encodeURIComponent(ns)}/pods/${encodeURIComponent(name)}`)) as KubeObject]
    : (((await getJson(k, `/api/v1/namespaces/${encodeURIComponent(ns)}/pods`, query)) as { items?: KubeObject[] }).items ?? []);
  if (!name && pods.length === 0) return;
  for (const p of pods) {
    const age = k.env.now() - Date.parse(p.metadata?.creationTimestamp ?? '');
    if (age > METRICS_CREATION_DELAY_MS) throw new KubectlError(`error: Metrics not available for pod ${p.metadata?.namespace ?? ''}/${p.metadata?.name ?? ''}, age: ${goDuration(age)}`);
  }
  throw new KubectlError('error: metrics not available yet');
}

export const topCommand: CommandSpec = {
  name: 'top',
  group: 'Cluster Management Commands',
  short: 'Display resource (CPU/memory) usage',
  long: 'Display resource (CPU/memory) usage.\n\n The top command allows you to see the resource consumption for nodes or pods.\n\n This command requires Metrics Server to be correctly configured and working on the server.',
  usage: 'kubectl top [flags] [options]',
  flags: [],
  subcommands: [topNodeCommand, topPodCommand],
  async run(k, args) {
    return groupWithoutSubcommand(k, topCommand, ['top'], args);
  },
};

/** cmdutil.DefaultSubCommandRun: a group command alone prints its help on stderr and exits 1. */
export async function groupWithoutSubcommand(k: Kubectl, cmd: CommandSpec, path: string[], args: string[]): Promise<number> {
  if (args.length) throw new KubectlError(`error: unknown command "${args.join(' ')}"\nSee 'kubectl ${path.join(' ')} -h' for help and examples`);
  await k.err(commandHelp(cmd, path));
  return 1;
}
