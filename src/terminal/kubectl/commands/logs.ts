// kubectl logs: a pod's (or a workload's first pod's) container log, -c/--all-containers, -l with a
// default tail of 10, --prefix, -f streaming (several streams interleaved line by line), --previous,
// --tail, --since, --since-time, --timestamps, --limit-bytes, and kubectl's errors.
// mirrors: kubectl/pkg/cmd/logs/logs.go, kubectl/pkg/polymorphichelpers/logsforobject.go

import type { Pod } from 'kubernetes-types/core/v1';
import type { CommandSpec } from '../command';
import type { Kubectl } from '../context';
import type { KubeObject } from '../../../engine/api/types';
import { KubectlError, ServerError } from '../errors';
import { asStatus } from './apply';
import { textChunks } from '../../api-client';
import { POD_RUNNING_TIMEOUT_USAGE, SELECTOR_FLAG, namespaceOf } from './workload-flags';
import { allContainerNames, DEFAULT_CONTAINER_ANNOTATION, findContainer, getPodOrOwner, goTypeName, hasSeveralContainers, podsForSelector, podSelectorFor } from './pod-for-object';

const USAGE = 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]';
const USAGE_ERROR = `error: expected '${USAGE}'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples`;

/** One log stream to read: a pod's container. */
export interface LogRequest {
  namespace: string;
  pod: string;
  container: string;
}

export const logsCommand: CommandSpec = {
  name: 'logs',
  group: 'Troubleshooting and Debugging Commands',
  short: 'Print the logs for a container in a pod',
  long: 'Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is optional.',
  examples:
    "  # Return snapshot logs from pod nginx with only one container\n  kubectl logs nginx\n  \n  # Return snapshot logs from pod nginx, prefixing each line with the source pod and container name\n  kubectl logs nginx --prefix\n  \n  # Return snapshot logs from pod nginx, limiting output to 500 bytes\n  kubectl logs nginx --limit-bytes=500\n  \n  # Return snapshot logs from pod nginx, waiting up to 20 seconds for it to start running.\n  kubectl logs nginx --pod-running-timeout=20s\n  \n  # Return snapshot logs from pod nginx with multi containers\n  kubectl logs nginx --all-containers=true\n  \n  # Return snapshot logs from all pods in the deployment nginx\n  kubectl logs deployment/nginx --all-pods=true\n  \n  # Return snapshot logs from all containers in pods defined by label app=nginx\n  kubectl logs -l app=nginx --all-containers=true\n  \n  # Return snapshot logs from all pods defined by label app=nginx, limiting concurrent log requests to 10 pods\n  kubectl logs -l app=nginx --max-log-requests=10\n  \n  # Return snapshot of previous terminated ruby container logs from pod web-1\n  kubectl logs -p -c ruby web-1\n  \n  # Begin streaming the logs from pod nginx, continuing even if errors occur\n  kubectl logs nginx -f --ignore-errors=true\n  \n  # Begin streaming the logs of the ruby container in pod web-1\n  kubectl logs -f -c ruby web-1\n  \n  # Begin streaming the logs from all containers in pods defined by label app=nginx\n  kubectl logs -f -l app=nginx --all-containers=true\n  \n  # Display only the most recent 20 lines of output in pod nginx\n  kubectl logs --tail=20 nginx\n  \n  # Show all logs from pod nginx written in the last hour\n  kubectl logs --since=1h nginx\n  \n  # Show all logs with timestamps from pod nginx starting from August 30, 2024, at 06:00:00 UTC\n  kubectl logs nginx --since-time=2024-08-30T06:00:00Z --timestamps=true\n  \n  # Show logs from a kubelet with an expired serving certificate\n  kubectl logs --insecure-skip-tls-verify-backend nginx\n  \n  # Return snapshot logs from first container of a job named hello\n  kubectl logs job/hello\n  \n  # Return snapshot logs from container nginx-1 of a deployment named nginx\n  kubectl logs deployment/nginx -c nginx-1",
  usage: 'kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]',
  flags: [
    { name: 'all-containers', type: 'bool', default: false, usage: "Get all containers' logs in the pod(s)." },
    { name: 'all-pods', type: 'bool', default: false, usage: 'Get logs from all pod(s). Sets prefix to true.' },
    { name: 'container', short: 'c', type: 'string', default: '', usage: 'Print the logs of this container' },
    { name: 'follow', short: 'f', type: 'bool', default: false, usage: 'Specify if the logs should be streamed.' },
    { name: 'ignore-errors', type: 'bool', default: false, usage: 'If watching / following pod logs, allow for any errors that occur to be non-fatal' },
    { name: 'insecure-skip-tls-verify-backend', type: 'bool', default: false, usage: 'Skip verifying the identity of the kubelet that logs are requested from.  In theory, an attacker could provide invalid log content back. You might want to use this if your kubelet serving certificates have expired.' },
    { name: 'limit-bytes', type: 'int', default: 0, usage: 'Maximum bytes of logs to return. Defaults to no limit.' },
    { name: 'max-log-requests', type: 'int', default: 5, usage: 'Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5.' },
    { name: 'pod-running-timeout', type: 'duration', default: 20000, usage: POD_RUNNING_TIMEOUT_USAGE },
    { name: 'prefix', type: 'bool', default: false, usage: 'Prefix each log line with the log source (pod name and container name)' },
    { name: 'previous', short: 'p', type: 'bool', default: false, usage: 'If true, print the logs for the previous instance of the container in a pod if it exists.' },
    SELECTOR_FLAG,
    { name: 'since', type: 'duration', default: 0, usage: 'Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used.' },
    { name: 'since-time', type: 'string', default: '', usage: 'Only return logs after a specific date (RFC3339). Defaults to all logs. Only one of since-time / since may be used.' },
    { name: 'tail', type: 'int', default: -1, usage: 'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.' },
    { name: 'timestamps', type: 'bool', default: false, usage: 'Include timestamps on each line in the log output' },
  ],
  async run(k, args, f) {
    const v = f.values;
    const selector = v.selector as string;
    let container = v.container as string;
    if (args.length === 0 && !selector) throw new KubectlError(USAGE_ERROR);
    if (args.length === 1 && selector) throw new KubectlError("error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples");
    if (args.length > 2) throw new KubectlError(USAGE_ERROR);
    if (args.length === 2) container = args[1];
    const allPods = v['all-pods'] as boolean;
    const prefix = (v.prefix as boolean) || allPods;
    const { namespace } = namespaceOf(k, v);
    const query = logQuery(v, !!selector, f.changed.has('tail'), container);

    // Complete: find the object (errors here come before flag validation, as in kubectl).
    let object: KubeObject | Pod[];
    if (selector) {
      const res = await k.call({ method: 'GET', path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods`, query: { labelSelector: selector } });
      object = (res.body as { items: Pod[] }).items;
      if (object.length === 0) await k.err(`No resources found in ${namespace} namespace.\n`);
    } else {
      try {
        object = (await getPodOrOwner(k, args[0], namespace)).object;
      } catch (e) {
        if (e instanceof ServerError && e.status.reason === 'NotFound') {
          throw new KubectlError(`error: error from server (NotFound): ${e.status.message} in namespace "${namespace}"`);
        }
        throw e;
      }
    }
    validate(v, f.changed.has('container') && args.length === 2, container);

    const requests = await logRequests(k, object, container, v['all-containers'] as boolean, allPods, v['pod-running-timeout'] as number);
    if (v.follow && requests.length > 1 && requests.length > (v['max-log-requests'] as number)) {
      throw new KubectlError(`error: you are attempting to follow ${requests.length} log streams, but maximum allowed concurrency is ${v['max-log-requests']}, use --max-log-requests to increase the limit`);
    }
    const ignore = v['ignore-errors'] as boolean;
    if (v.follow && requests.length > 1) return followAll(k, requests, query, prefix, ignore);
    for (const r of requests) {
      try {
        await consume(k, r, query, prefix);
      } catch (e) {
        if (!(e instanceof KubectlError) || !ignore) throw e;
        await k.out(`error: ${e.message.replace(/^error: /, '')}\n`);
      }
    }
    return 0;
  },
};

/** PodLogOptions as query parameters (ToLogOptions). */
function logQuery(v: Record<string, unknown>, bySelector: boolean, tailSet: boolean, container: string): Record<string, string> {
  const q: Record<string, string> = {};
  if (container) q.container = container;
  if (v.follow) q.follow = 'true';
  if (v.previous) q.previous = 'true';
  if (v.timestamps) q.timestamps = 'true';
  if (v['insecure-skip-tls-verify-backend']) q.insecureSkipTLSVerifyBackend = 'true';
  const sinceTime = v['since-time'] as string;
  if (sinceTime) {
    const t = Date.parse(sinceTime);
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(sinceTime) || Number.isNaN(t)) {
      throw new KubectlError(`error: parsing time "${sinceTime}" as "2006-01-02T15:04:05Z07:00": cannot parse "${sinceTime}" as "2006"`);
    }
    q.sinceTime = new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  const limit = v['limit-bytes'] as number;
  if (limit !== 0) q.limitBytes = String(limit);
  const since = v.since as number;
  // Rounded to the nearest second.
  if (since !== 0) q.sinceSeconds = String(Math.sign(since) * Math.round(Math.abs(since) / 1000));
  const tail = v.tail as number;
  if (bySelector && tail === -1 && !tailSet) q.tailLines = '10';
  else if (tail !== -1) q.tailLines = String(tail);
  return q;
}

function validate(v: Record<string, unknown>, containerTwice: boolean, container: string): void {
  if (v['since-time'] && v.since !== 0) throw new KubectlError('error: at most one of `sinceTime` or `sinceSeconds` may be specified');
  if (v['all-containers'] && container) throw new KubectlError(`error: --all-containers=true should not be specified with container name ${container}`);
  if (containerTwice) throw new KubectlError('error: only one of -c or an inline [CONTAINER] arg is allowed');
  if ((v['limit-bytes'] as number) < 0) throw new KubectlError('error: --limit-bytes must be greater than 0');
  if ((v.since as number) < 0) throw new KubectlError('error: --since must be greater than 0');
  if ((v.tail as number) < -1) throw new KubectlError('error: --tail must be greater than or equal to -1');
}

/** LogsForObject: which pod/container streams to read, with kubectl's notices on stderr. */
export async function logRequests(k: Kubectl, object: KubeObject | Pod[], container: string, allContainers: boolean, allPods: boolean, timeoutMs: number): Promise<LogRequest[]> {
  if (Array.isArray(object)) {
    const out: LogRequest[] = [];
    for (const p of object) out.push(...(await podRequests(k, p, container, allContainers, allPods)));
    return out;
  }
  if (object.kind === 'Pod') return podRequests(k, object as Pod, container, allContainers, allPods);
  let selector: string;
  try {
    selector = podSelectorFor(object);
  } catch (e) {
    throw new KubectlError(`error: cannot get the logs from ${goTypeName(object)}: ${(e as Error).message}`);
  }
  const pods = await podsForSelector(k, object.metadata?.namespace ?? k.namespace, selector, timeoutMs, 'logging');
  if (pods.length > 1) {
    if (allPods) return logRequests(k, pods, container, allContainers, allPods, timeoutMs);
    await k.err(`Found ${pods.length} pods, using pod/${pods[0].metadata?.name}\n`);
  }
  return podRequests(k, pods[0], container, allContainers, allPods);
}

async function podRequests(k: Kubectl, pod: Pod, container: string, allContainers: boolean, allPods: boolean): Promise<LogRequest[]> {
  const ns = pod.metadata?.namespace ?? '';
  const name = pod.metadata?.name ?? '';
  if (allContainers) {
    const names = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? []), ...(pod.spec?.ephemeralContainers ?? [])].map((c) => c.name);
    return names.map((c) => ({ namespace: ns, pod: name, container: c }));
  }
  let c = container;
  const annotated = pod.metadata?.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (!c && annotated) {
    if (findContainer(pod, annotated)) c = annotated;
    else await k.err(`Default container name "${annotated}" not found in pod ${name}\n`);
  }
  if (!c) {
    c = pod.spec?.containers?.[0]?.name ?? '';
    if (hasSeveralContainers(pod) && !allPods) await k.err(`Defaulted container "${c}" out of: ${allContainerNames(pod)}\n`);
  }
  if (!findContainer(pod, c)) throw new KubectlError(`error: container ${c} is not valid for pod ${name}`);
  return [{ namespace: ns, pod: name, container: c }];
}

function logPath(r: LogRequest): string {
  return `/api/v1/namespaces/${encodeURIComponent(r.namespace)}/pods/${encodeURIComponent(r.pod)}/log`;
}

/** Reads one stream to the end (or Ctrl-C), prefixing whole lines when asked. */
async function consume(k: Kubectl, r: LogRequest, query: Record<string, string>, prefix: boolean): Promise<void> {
  const res = await k.request({ method: 'GET', path: logPath(r), query: { ...query, container: r.container } });
  if (res.status >= 300) throw new ServerError(asStatus(res.body, res.status));
  const w = lineWriter(k, prefix ? `[pod/${r.pod}/${r.container}] ` : '');
  for await (const chunk of textChunks(res, (fn) => k.env.signal.onAbort(fn))) await w.write(chunk);
  await w.end();
}

/** -f with several streams: all at once, whole lines interleaved as they arrive. */
async function followAll(k: Kubectl, requests: LogRequest[], query: Record<string, string>, prefix: boolean, ignore: boolean): Promise<number> {
  let failure: KubectlError | undefined;
  await Promise.all(
    requests.map(async (r) => {
      try {
        await consume(k, r, query, prefix);
      } catch (e) {
        if (!(e instanceof KubectlError)) throw e;
        if (ignore) await k.out(`error: ${e.message.replace(/^error: /, '')}\n`);
        else failure ??= e;
      }
    }),
  );
  if (failure) throw failure;
  return 0;
}

/** Buffers to whole lines (DefaultConsumeRequest) and adds the `[pod/x/c] ` prefix to each. */
function lineWriter(k: Kubectl, prefix: string): { write(t: string): Promise<void>; end(): Promise<void> } {
  let buf = '';
  return {
    async write(t: string) {
      buf += t;
      const nl = buf.lastIndexOf('\n');
      if (nl < 0) return;
      const whole = buf.slice(0, nl + 1);
      buf = buf.slice(nl + 1);
      await k.out(prefix ? whole.slice(0, -1).split('\n').map((l) => `${prefix}${l}\n`).join('') : whole);
    },
    async end() {
      if (buf) await k.out(prefix + buf);
      buf = '';
    },
  };
}
