// pods/log: a container's log from its kubelet, with tailLines, timestamps, previous, sinceSeconds and follow.
// mirrors: pkg/registry/core/pod/rest/log.go, pkg/kubelet/kuberuntime/logs

import type { Pod } from 'kubernetes-types/core/v1';
import type { ApiRequest, ApiResponse } from '../types';
import type { Kubelet } from '../../nodes/kubelet';
import type { LogLine } from '../../runtime/logs';
import { queryParam, queryBool } from '../request';
import { PushStream } from '../stream';
import { StatusError, badRequest, statusBody } from '../errors';
import type { SubresourceHandler } from './types';

/** RFC3339Nano as the kubelet writes --timestamps (9 digits). */
export function logTimestamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 19)}.${iso.slice(20, 23)}000000Z`;
}

export function podLogHandler(kubelets: Map<string, Kubelet>): SubresourceHandler {
  return (req: ApiRequest, def, rp, _opts, rest): ApiResponse => {
    const pod = rest.get(def, rp.namespace, rp.name!) as Pod;
    const containers = pod.spec?.containers ?? [];
    const all = [...(pod.spec?.initContainers ?? []), ...containers, ...(pod.spec?.ephemeralContainers ?? [])];
    let container = queryParam(req, 'container');
    const podName = pod.metadata!.name!;
    if (!container) {
      if (containers.length === 1) container = containers[0].name;
      else {
        const names = containers.map((c) => c.name).join(' ');
        const init = (pod.spec?.initContainers ?? []).map((c) => c.name).join(' ');
        throw badRequest(`a container name must be specified for pod ${podName}, choose one of: [${names}]${init ? ` or one of the init containers: [${init}]` : ''}`);
      }
    }
    if (!all.some((c) => c.name === container)) {
      throw badRequest(`container ${container} is not valid for pod ${podName}`);
    }
    const previous = queryBool(req, 'previous');
    const nodeName = pod.spec?.nodeName;
    const kubelet = nodeName ? kubelets.get(nodeName) : undefined;
    const worker = kubelet?.workers.get(pod.metadata!.uid!);
    const rec = worker?.containers.get(container);
    const waiting = pod.status?.containerStatuses?.find((c) => c.name === container)?.state?.waiting ?? pod.status?.initContainerStatuses?.find((c) => c.name === container)?.state?.waiting;
    const run = previous ? rec?.previous : rec?.current;
    if (!run) {
      if (previous) {
        throw new StatusError(statusBody(400, 'BadRequest', `previous terminated container "${container}" in pod "${podName}" not found`));
      }
      const reason = waiting?.reason ?? 'ContainerCreating';
      throw new StatusError(statusBody(400, 'BadRequest', `container "${container}" in pod "${podName}" is waiting to start: ${reason === 'ContainerCreating' || reason === 'PodInitializing' ? reason : waiting?.message && reason !== 'CrashLoopBackOff' ? `trying and failing to pull image` : reason}`));
    }
    const timestamps = queryBool(req, 'timestamps');
    const tail = queryParam(req, 'tailLines');
    const sinceSeconds = queryParam(req, 'sinceSeconds');
    const limitBytes = queryParam(req, 'limitBytes');
    const now = rest.clock.now();
    let lines: LogLine[] = run.logs.lines;
    if (sinceSeconds) lines = lines.filter((l) => l.time >= now - Number(sinceSeconds) * 1000);
    if (tail !== undefined && Number(tail) >= 0) lines = Number(tail) === 0 ? [] : lines.slice(-Number(tail));
    const fmt = (l: LogLine) => (timestamps ? `${logTimestamp(l.time)} ${l.text}\n` : `${l.text}\n`);
    let text = lines.map(fmt).join('');
    if (limitBytes) text = text.slice(0, Number(limitBytes));
    const headers = { 'content-type': 'text/plain' };
    if (!queryBool(req, 'follow') || !run.running) return { status: 200, headers, body: text };
    const stream = new PushStream<string>();
    if (text) stream.push(text);
    const off = run.logs.follow(
      (l) => stream.push(fmt(l)),
      () => stream.end(),
    );
    stream.onClose(off);
    return { status: 200, headers, text: stream };
  };
}
