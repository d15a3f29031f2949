// From `POD` or `TYPE/NAME` to pods: the object's pod selector, the first pod in kubectl's order
// (ByLogging for logs, reverse ActivePods for exec/attach), waiting for one to appear, and the
// default-container rules with their `Defaulted container …` notice.
// mirrors: kubectl/pkg/polymorphichelpers/helpers.go (GetFirstPod, SelectorsForObject),
//          kubectl/pkg/util/podutils/podutils.go, kubectl/pkg/cmd/util/podcmd/podcmd.go

import type { Pod, Container } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../../engine/api/types';
import type { Kubectl } from '../context';
import { KubectlError, ServerError } from '../errors';
import { asStatus } from './apply';
import { watchEvents } from '../../api-client';
import { withKind } from './targets';

export const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

/** Reads `NAME` (a pod) or `TYPE/NAME`; NotFound errors are returned for the caller to word. */
export async function getPodOrOwner(k: Kubectl, arg: string, namespace: string): Promise<{ object: KubeObject; resource: string }> {
  const slash = arg.indexOf('/');
  const info = await k.mapper.lookup(slash >= 0 ? arg.slice(0, slash) : 'pods');
  const name = slash >= 0 ? arg.slice(slash + 1) : arg;
  if (slash >= 0 && (!name || name.includes('/'))) throw new KubectlError('error: arguments in resource/name form must have a single resource and name');
  const res = await k.request({ method: 'GET', path: k.resourcePath(info, info.namespaced ? namespace : undefined, name) });
  if (res.status >= 300) throw new ServerError(asStatus(res.body, res.status));
  return { object: withKind(res.body as KubeObject, info), resource: info.resource };
}

/** metav1.LabelSelectorAsSelector(…).String(): requirements sorted by key. */
export function selectorString(sel: LabelSelector | undefined): string {
  const reqs: { key: string; text: string }[] = [];
  for (const [key, v] of Object.entries(sel?.matchLabels ?? {})) reqs.push({ key, text: `${key}=${v}` });
  for (const e of sel?.matchExpressions ?? []) {
    const vals = [...(e.values ?? [])].sort().join(',');
    const text = e.operator === 'In' ? `${e.key} in (${vals})` : e.operator === 'NotIn' ? `${e.key} notin (${vals})` : e.operator === 'Exists' ? e.key : `!${e.key}`;
    reqs.push({ key: e.key, text });
  }
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return reqs.map((r) => r.text).join(',');
}

/** The pod selector of a workload or service (SelectorsForObject); errors worded like kubectl's. */
export function podSelectorFor(o: KubeObject): string {
  const kind = o.kind ?? '';
  const spec = (o.spec ?? {}) as { selector?: LabelSelector | Record<string, string> };
  switch (kind) {
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Deployment':
    case 'Job':
      return selectorString(spec.selector as LabelSelector | undefined);
    case 'ReplicationController':
      return mapSelector(spec.selector as Record<string, string> | undefined);
    case 'Service': {
      const sel = spec.selector as Record<string, string> | undefined;
      if (!sel || Object.keys(sel).length === 0) throw new Error(`invalid service '${o.metadata?.name ?? ''}': Service is defined without a selector`);
      return mapSelector(sel);
    }
  }
  throw new Error(`selector for ${goTypeName(o)} not implemented`);
}

function mapSelector(sel: Record<string, string> | undefined): string {
  return Object.keys(sel ?? {})
    .sort()
    .map((key) => `${key}=${sel![key]}`)
    .join(',');
}

/** `*v1.Deployment` as Go's %T prints the typed object. */
export function goTypeName(o: KubeObject): string {
  const v = (o.apiVersion ?? 'v1').split('/').pop();
  return `*${v}.${o.kind ?? 'Unknown'}`;
}

export type PodOrder = 'logging' | 'attach';

/**
 * Lists the pods matching the selector, sorted; when there are none, watches until one appears
 * (or the timeout, `timed out waiting for the condition`).
 */
export async function podsForSelector(k: Kubectl, namespace: string, selector: string, timeoutMs: number, order: PodOrder): Promise<Pod[]> {
  const path = `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods`;
  const res = await k.call({ method: 'GET', path, query: { labelSelector: selector } });
  const list = res.body as { items: Pod[]; metadata?: { resourceVersion?: string } };
  if (list.items.length) return sortPods(list.items, order);
  const w = await k.call({ method: 'GET', path, query: { labelSelector: selector, resourceVersion: list.metadata?.resourceVersion ?? '', watch: 'true' } });
  let abort: (() => void) | undefined;
  let timedOut = false;
  if (timeoutMs > 0) {
    void k.env.sleep(timeoutMs).then(() => {
      timedOut = true;
      abort?.();
    });
  }
  for await (const e of watchEvents(w, (fn) => {
    abort = fn;
    k.env.signal.onAbort(fn);
  })) {
    if (e.type === 'ADDED' || e.type === 'MODIFIED') return [e.object as Pod];
  }
  if (timedOut) throw new KubectlError('error: timed out waiting for the condition');
  throw new KubectlError('', 130);
}

export function sortPods(pods: Pod[], order: PodOrder): Pod[] {
  const cmp = order === 'logging' ? byLogging : (a: Pod, b: Pod) => activePods(b, a);
  return [...pods].sort(cmp);
}

function isReady(p: Pod): boolean {
  return !!p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
}

function readyTime(p: Pod): number {
  const c = p.status?.conditions?.find((x) => x.type === 'Ready' && x.status === 'True');
  return c?.lastTransitionTime ? Date.parse(c.lastTransitionTime) : 0;
}

function maxRestarts(p: Pod): number {
  let m = 0;
  for (const c of p.status?.containerStatuses ?? []) m = Math.max(m, c.restartCount ?? 0);
  return m;
}

function created(p: Pod): number {
  return p.metadata?.creationTimestamp ? Date.parse(p.metadata.creationTimestamp) : 0;
}

/** t1 after t2, zero times last (afterOrZero). */
function afterOrZero(t1: number, t2: number): boolean {
  if (t1 === 0 || t2 === 0) return t1 === 0;
  return t1 > t2;
}

const LOG_PHASE: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };
const ACTIVE_PHASE: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** podutils.ByLogging: assigned, running, ready, longest ready, most restarts, oldest first. */
function byLogging(a: Pod, b: Pod): number {
  const less = (x: Pod, y: Pod): boolean | undefined => {
    const nx = x.spec?.nodeName ?? '';
    const ny = y.spec?.nodeName ?? '';
    if (nx !== ny && (!nx || !ny)) return !!nx;
    const px = LOG_PHASE[x.status?.phase ?? ''] ?? 0;
    const py = LOG_PHASE[y.status?.phase ?? ''] ?? 0;
    if (px !== py) return px < py;
    if (isReady(x) !== isReady(y)) return isReady(x);
    if (isReady(x) && isReady(y) && readyTime(x) !== readyTime(y)) return afterOrZero(readyTime(y), readyTime(x));
    if (maxRestarts(x) !== maxRestarts(y)) return maxRestarts(x) > maxRestarts(y);
    if (created(x) !== created(y)) return afterOrZero(created(y), created(x));
    return undefined;
  };
  const r = less(a, b);
  return r === undefined ? 0 : r ? -1 : 1;
}

/** podutils.ActivePods Less (the pod less worth keeping first); exec/attach use its reverse. */
function activePods(a: Pod, b: Pod): number {
  const less = (x: Pod, y: Pod): boolean | undefined => {
    const nx = x.spec?.nodeName ?? '';
    const ny = y.spec?.nodeName ?? '';
    if (nx !== ny && (!nx || !ny)) return !nx;
    const px = ACTIVE_PHASE[x.status?.phase ?? ''] ?? 0;
    const py = ACTIVE_PHASE[y.status?.phase ?? ''] ?? 0;
    if (px !== py) return px < py;
    if (isReady(x) !== isReady(y)) return !isReady(x);
    const dx = x.metadata?.deletionTimestamp;
    const dy = y.metadata?.deletionTimestamp;
    if (!!dx !== !!dy) return !!dx;
    if (dx && dy && dx !== dy) return Date.parse(dx) < Date.parse(dy);
    if (isReady(x) && isReady(y) && readyTime(x) !== readyTime(y)) return afterOrZero(readyTime(x), readyTime(y));
    if (maxRestarts(x) !== maxRestarts(y)) return maxRestarts(x) > maxRestarts(y);
    if (created(x) !== created(y)) return afterOrZero(created(x), created(y));
    return undefined;
  };
  const r = less(a, b);
  return r === undefined ? 0 : r ? -1 : 1;
}

/** `nginx, sidecar, debugger (ephem), init (init)` (podcmd.AllContainerNames). */
export function allContainerNames(pod: Pod): string {
  const names: string[] = (pod.spec?.containers ?? []).map((c) => c.name);
  for (const c of pod.spec?.ephemeralContainers ?? []) names.push(`${c.name} (ephem)`);
  for (const c of pod.spec?.initContainers ?? []) names.push(`${c.name} (init)`);
  return names.join(', ');
}

/** Finds a container by name in containers, init containers, then ephemeral containers. */
export function findContainer(pod: Pod, name: string): { container: Container; fieldPath: string } | undefined {
  const c = pod.spec?.containers?.find((x) => x.name === name);
  if (c) return { container: c, fieldPath: `spec.containers{${name}}` };
  const i = pod.spec?.initContainers?.find((x) => x.name === name);
  if (i) return { container: i, fieldPath: `spec.initContainers{${name}}` };
  const e = pod.spec?.ephemeralContainers?.find((x) => x.name === name);
  if (e) return { container: e as Container, fieldPath: `spec.ephemeralContainers{${name}}` };
  return undefined;
}

/** Whether the pod has more than one container of any kind (when kubectl announces its default). */
export function hasSeveralContainers(pod: Pod): boolean {
  return (pod.spec?.containers?.length ?? 0) > 1 || (pod.spec?.initContainers?.length ?? 0) > 0 || (pod.spec?.ephemeralContainers?.length ?? 0) > 0;
}

/**
 * FindOrDefaultContainerByName (exec, attach): the named container, else the annotation's, else the
 * first, with the `Defaulted container` notice on stderr unless quiet.
 */
export async function findOrDefaultContainer(k: Kubectl, pod: Pod, name: string, quiet: boolean): Promise<string> {
  if (name) {
    if (!findContainer(pod, name)) throw new KubectlError(`error: container ${name} not found in pod ${pod.metadata?.name ?? ''}`);
    return name;
  }
  const containers = pod.spec?.containers ?? [];
  if (containers.length === 0) throw new KubectlError(`error: pod ${pod.metadata?.namespace}/${pod.metadata?.name} does not have any containers`);
  const annotated = pod.metadata?.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (annotated && findContainer(pod, annotated)) return annotated;
  if (!quiet && hasSeveralContainers(pod)) await k.err(`Defaulted container "${containers[0].name}" out of: ${allContainerNames(pod)}\n`);
  return containers[0].name;
}
