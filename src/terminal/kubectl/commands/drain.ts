// kubectl drain: cordon, then evict (or delete) every pod on the node that may go, waiting until each is
// gone; 429s from PodDisruptionBudgets are retried every 5s; kubectl's messages for every failure.
// mirrors: kubectl/pkg/cmd/drain/drain.go (RunDrain, deleteOrEvictPodsSimple), kubectl/pkg/drain/drain.go

import { dryRunStrategy } from './create-common';
import type { CommandSpec } from '../command';
import type { Kubectl } from '../context';
import type { KubeObject } from '../../../engine/api/types';
import { KubectlError } from '../errors';
import { DRY_RUN_FLAG, dryRunSuffix, type DryRun } from '../mutate';
import { parseLabelSelector } from '../../../engine/api/selectors/labels';
import { asStatus } from './apply';
import { CHUNK_SIZE_FLAG, NODE_SELECTOR_FLAG } from './common-flags';
import { cordonOrUncordon } from './cordon';
import { aggregate, podsForDeletion, shouldSkipPod, type DrainOptions } from './drain-filters';
import { goDuration } from './go-duration';
import { checkInterrupted, sleepOrInterrupt } from './interrupt';
import { nodeTargets } from './node-targets';

interface Helper extends DrainOptions {
  gracePeriodSeconds: number;
  /** ms; 0 = no limit. */
  timeout: number;
  disableEviction: boolean;
  dry: DryRun;
}

export const drainCommand: CommandSpec = {
  name: 'drain',
  group: 'Cluster Management Commands',
  short: 'Drain node in preparation for maintenance',
  long: "Drain node in preparation for maintenance.\n\n The given node will be marked unschedulable to prevent new pods from arriving. 'drain' evicts the pods if the API server supports https://kubernetes.io/docs/concepts/workloads/pods/disruptions/ eviction https://kubernetes.io/docs/concepts/workloads/pods/disruptions/ . Otherwise, it will use normal DELETE to delete the pods. The 'drain' evicts or deletes all pods except mirror pods (which cannot be deleted through the API server).  If there are daemon set-managed pods, drain will not proceed without --ignore-daemonsets, and regardless it will not delete any daemon set-managed pods, because those pods would be immediately replaced by the daemon set controller, which ignores unschedulable markings.  If there are any pods that are neither mirror pods nor managed by a replication controller, replica set, daemon set, stateful set, or job, then drain will not delete any pods unless you use --force.  --force will also allow deletion to proceed if the managing resource of one or more pods is missing.\n\n 'drain' waits for graceful termination. You should not operate on the machine until the command completes.\n\n When you are ready to put the node back into service, use kubectl uncordon, which will make the node schedulable again.\n\nhttps://kubernetes.io/images/docs/kubectl_drain.svg Workflowhttps://kubernetes.io/images/docs/kubectl_drain.svg",
  examples:
    '  # Drain node "foo", even if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set on it\n  kubectl drain foo --force\n  \n  # As above, but abort if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set, and use a grace period of 15 minutes\n  kubectl drain foo --grace-period=900',
  usage: 'kubectl drain NODE [options]',
  flags: [
    CHUNK_SIZE_FLAG,
    { name: 'delete-emptydir-data', type: 'bool', default: false, usage: 'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).' },
    { name: 'disable-eviction', type: 'bool', default: false, usage: 'Force drain to use delete, even if eviction is supported. This will bypass checking PodDisruptionBudgets, use with caution.' },
    DRY_RUN_FLAG,
    { name: 'force', type: 'bool', default: false, usage: 'Continue even if there are pods that do not declare a controller.' },
    { name: 'grace-period', type: 'int', default: -1, usage: 'Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used.' },
    { name: 'ignore-daemonsets', type: 'bool', default: false, usage: 'Ignore DaemonSet-managed pods.' },
    { name: 'pod-selector', type: 'string', default: '', usage: 'Label selector to filter pods on the node' },
    NODE_SELECTOR_FLAG,
    { name: 'skip-wait-for-delete-timeout', type: 'int', default: 0, usage: 'If pod DeletionTimestamp older than N seconds, skip waiting for the pod.  Seconds must be greater than 0 to skip.' },
    { name: 'timeout', type: 'duration', default: 0, usage: 'The length of time to wait before giving up, zero means infinite' },
  ],
  async run(k, args, f) {
    const v = f.values;
    const selector = v.selector as string;
    if (args.length === 0 && !f.changed.has('selector')) throw new KubectlError("error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples");
    if (args.length > 0 && selector) throw new KubectlError("error: cannot specify both a node name and a --selector option\nSee 'kubectl drain -h' for help and examples");
    const h: Helper = {
      force: v.force as boolean,
      ignoreDaemonSets: v['ignore-daemonsets'] as boolean,
      deleteEmptyDirData: v['delete-emptydir-data'] as boolean,
      podSelector: v['pod-selector'] as string,
      skipWaitForDeleteTimeoutSeconds: v['skip-wait-for-delete-timeout'] as number,
      chunkSize: v['chunk-size'] as number,
      gracePeriodSeconds: v['grace-period'] as number,
      timeout: v.timeout as number,
      disableEviction: v['disable-eviction'] as boolean,
      dry: await dryRunStrategy(k, v['dry-run']),
    };
    if (h.podSelector) {
      try {
        h.podSelector = parseLabelSelector(h.podSelector).toString();
      } catch {
        throw new KubectlError('error: --pod-selector=<pod_selector> must be a valid label selector');
      }
    }
    const nodes = await nodeTargets(k, 'drain', args, selector, f.changed.has('selector'));
    await cordonOrUncordon(k, nodes, true, h.dry);
    const fatal: NodeFailure[] = [];
    const remaining: string[] = [];
    for (const t of nodes) {
      const errs = await drainNode(k, t.name, h);
      if (!errs) {
        await k.out(`node/${t.name} drained${dryRunSuffix(h.dry)}\n`);
        continue;
      }
      await k.err(`error: unable to drain node "${t.name}" due to error: ${aggregate(errs.messages)}, continuing command...\n`);
      fatal.push(errs);
      remaining.push(t.name);
    }
    if (remaining.length) await k.err(`There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join('')}`);
    if (fatal.length === 0) return 0;
    // CheckErr unwraps an aggregate of one; an aggregate prints one line per error, without `error: `.
    if (fatal.length > 1) throw new KubectlError(fatal.map((e) => aggregate(e.messages)).join('\n'));
    const [only] = fatal;
    throw new KubectlError(only.aggregated ? only.messages.join('\n') : `error: ${only.messages[0]}`);
  },
};

function podName(p: KubeObject): string {
  return p.metadata?.name ?? '';
}

function podNamespace(p: KubeObject): string {
  return p.metadata?.namespace ?? '';
}

/** Why a node's drain stopped: the messages, and whether they came as an aggregate (printed one per line). */
interface NodeFailure {
  messages: string[];
  aggregated: boolean;
}

/** deleteOrEvictPodsSimple: undefined when the node was drained. */
async function drainNode(k: Kubectl, node: string, h: Helper): Promise<NodeFailure | undefined> {
  const list = await podsForDeletion(k, node, h);
  const errs = list.errors();
  if (errs.length) return { messages: errs, aggregated: true };
  const warnings = list.warnings();
  if (warnings) await k.err(`Warning: ${warnings}\n`);
  const pods = list.pods();
  if (h.dry === 'client') {
    for (const p of pods) await k.out(`evicting pod ${podNamespace(p)}/${podName(p)} (dry run)\n`);
    return undefined;
  }
  const failure = await deleteOrEvictPods(k, pods, h);
  if (!failure) return undefined;
  const pending = await podsForDeletion(k, node, h);
  const left = pending.pods();
  if (left.length) {
    await k.err(`There are pending pods in node "${node}" when an error occurred: ${aggregate(failure.messages)}\n${left.map((p) => `pod/${podName(p)}\n`).join('')}`);
  }
  const newErrs = pending.errors();
  if (newErrs.length) await k.err(`Following errors occurred while getting the list of pods to delete:\n${aggregate(newErrs)}`);
  return failure;
}

/** CheckEvictionSupport: pods/eviction in GET /api/v1 with its group and version. */
async function evictionSupported(k: Kubectl): Promise<boolean> {
  const res = await k.call({ method: 'GET', path: '/api/v1' });
  const resources = (res.body as { resources?: { name: string; kind?: string; group?: string; version?: string }[] }).resources ?? [];
  return resources.some((r) => r.name === 'pods/eviction' && r.kind === 'Eviction' && !!r.group && !!r.version);
}

function deleteOptions(h: Helper): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  if (h.gracePeriodSeconds >= 0) o.gracePeriodSeconds = h.gracePeriodSeconds;
  if (h.dry === 'server') o.dryRun = ['All'];
  return o;
}

async function deleteOrEvictPods(k: Kubectl, pods: KubeObject[], h: Helper): Promise<NodeFailure | undefined> {
  if (pods.length === 0) return undefined;
  const deadline = h.timeout > 0 ? k.env.now() + h.timeout : Infinity;
  if (!h.disableEviction && (await evictionSupported(k))) {
    // One goroutine per pod; Go's scheduler runs the newest first (runnext), then the others in order.
    const order = [pods[pods.length - 1], ...pods.slice(0, -1)];
    const results = await Promise.all(order.map((p) => evictPod(k, p, h, deadline)));
    const messages = results.filter((r): r is string => r !== undefined);
    return messages.length ? { messages, aggregated: true } : undefined;
  }
  const message = await deletePods(k, pods, h, deadline);
  return message === undefined ? undefined : { messages: [message], aggregated: false };
}

/** One pod's eviction goroutine: retry on 429, then wait for it to be gone. Returns an error message. */
async function evictPod(k: Kubectl, pod: KubeObject, h: Helper, deadline: number): Promise<string | undefined> {
  const name = podName(pod);
  const ns = podNamespace(pod);
  let active = pod;
  let refresh = false;
  for (;;) {
    await k.out(h.dry === 'server' ? `evicting pod ${ns}/${name} (server dry run)\n` : `evicting pod ${ns}/${name}\n`);
    if (k.env.now() >= deadline) return `error when evicting pods/"${name}" -n "${ns}": global timeout reached: ${goDuration(h.timeout)}`;
    if (refresh) {
      const fresh = await k.request({ method: 'GET', path: podPath(ns, name) });
      if (fresh.status < 300) active = fresh.body as KubeObject;
      refresh = false;
    }
    const eviction = { kind: 'Eviction', apiVersion: 'policy/v1', metadata: { name, namespace: ns, creationTimestamp: null }, deleteOptions: deleteOptions(h) };
    const res = await k.request({ method: 'POST', path: `${podPath(ns, podName(active))}/eviction`, body: eviction, headers: { 'content-type': 'application/json' } });
    if (res.status < 300) break;
    const status = asStatus(res.body, res.status);
    if (res.status === 404) return undefined;
    if (res.status === 429) {
      await k.err(`error when evicting pods/"${podName(active)}" -n "${podNamespace(active)}" (will retry after 5s): ${status.message ?? ''}\n`);
      await sleepOrInterrupt(k, 5000);
      continue;
    }
    const terminating = status.details?.causes?.some((c) => c.reason === 'NamespaceTerminating') ?? false;
    if (res.status === 403 && terminating) {
      if (active.metadata?.deletionTimestamp) break;
      await k.err(`error when evicting pod "${podName(active)}" from terminating namespace "${podNamespace(active)}" (will retry after 5s): ${status.message ?? ''}\n`);
      await sleepOrInterrupt(k, 5000);
      continue;
    }
    return `error when evicting pods/"${podName(active)}" -n "${podNamespace(active)}": ${status.message ?? ''}`;
  }
  if (h.dry === 'server') return undefined;
  const left = await waitForDelete(k, [pod], true, h, deadline);
  if (left.error) return `error when waiting for pod "${name}" in namespace "${ns}" to terminate: ${left.error}`;
  return undefined;
}

async function deletePods(k: Kubectl, pods: KubeObject[], h: Helper, deadline: number): Promise<string | undefined> {
  for (const p of pods) {
    const res = await k.request({ method: 'DELETE', path: podPath(podNamespace(p), podName(p)), body: deleteOptions(h), headers: { 'content-type': 'application/json' } });
    if (res.status >= 300 && res.status !== 404) return asStatus(res.body, res.status).message ?? '';
  }
  return (await waitForDelete(k, pods, false, h, deadline)).error;
}

function podPath(ns: string, name: string): string {
  return `/api/v1/namespaces/${encodeURIComponent(ns)}/pods/${encodeURIComponent(name)}`;
}

/** Polls every second (first at once) until every pod is gone or replaced; prints `pod/x evicted|deleted`. */
async function waitForDelete(k: Kubectl, pods: KubeObject[], eviction: boolean, h: Helper, deadline: number): Promise<{ error?: string }> {
  let pending = pods;
  for (;;) {
    const next: KubeObject[] = [];
    for (const pod of pending) {
      const res = await k.request({ method: 'GET', path: podPath(podNamespace(pod), podName(pod)) });
      const cur = res.body as KubeObject;
      if (res.status === 404 || (res.status < 300 && cur.metadata?.uid !== pod.metadata?.uid)) {
        await k.out(`pod/${podName(pod)} ${eviction ? 'evicted' : 'deleted'}\n`);
        continue;
      }
      if (res.status >= 300) {
        await k.out(`pod/${podName(pod)} ${eviction ? 'eviction failed' : 'deletion failed'}\n`);
        return { error: asStatus(res.body, res.status).message ?? '' };
      }
      if (shouldSkipPod(cur, h.skipWaitForDeleteTimeoutSeconds, k.env.now())) {
        await k.out(`pod "${podName(pod)}" has DeletionTimestamp older than ${h.skipWaitForDeleteTimeoutSeconds} seconds, skipping\n`);
        continue;
      }
      next.push(pod);
    }
    pending = next;
    if (pending.length === 0) return {};
    const left = deadline - k.env.now();
    if (left <= 1000) {
      if (left > 0) await sleepOrInterrupt(k, left);
      checkInterrupted(k);
      return { error: 'context deadline exceeded' };
    }
    await sleepOrInterrupt(k, 1000);
  }
}
