// Which pods drain deletes: the pods on the node, each passed through kubectl's filters (deleted long
// ago, DaemonSet-managed, mirror, emptyDir, no controller), giving the fatal errors and warnings it prints.
// mirrors: kubectl/pkg/drain/filters.go, kubectl/pkg/drain/drain.go (GetPodsForDeletion)

import type { Kubectl } from '../context';
import type { KubeObject } from '../../../engine/api/types';
import { asStatus } from './apply';
import { ServerError } from '../errors';

const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

export interface DrainOptions {
  force: boolean;
  ignoreDaemonSets: boolean;
  deleteEmptyDirData: boolean;
  podSelector: string;
  skipWaitForDeleteTimeoutSeconds: number;
  chunkSize: number;
}

type Reason = 'Okay' | 'Skip' | 'Warning' | 'Error';

interface Status {
  delete: boolean;
  reason: Reason;
  message?: string;
}

export interface PodDelete {
  pod: KubeObject;
  status: Status;
}

const OKAY: Status = { delete: true, reason: 'Okay' };
const SKIP: Status = { delete: false, reason: 'Skip' };

interface PodShape {
  metadata?: { name?: string; namespace?: string; annotations?: Record<string, string>; deletionTimestamp?: string; ownerReferences?: { kind?: string; name?: string; controller?: boolean }[] };
  spec?: { volumes?: { emptyDir?: unknown }[] };
  status?: { phase?: string };
}

function shape(p: KubeObject): PodShape {
  return p as unknown as PodShape;
}

function controllerOf(p: KubeObject): { kind?: string; name?: string } | undefined {
  return shape(p).metadata?.ownerReferences?.find((r) => r.controller === true);
}

function finished(p: KubeObject): boolean {
  const phase = shape(p).status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** shouldSkipPod: its deletion started more than N seconds ago (N > 0). */
export function shouldSkipPod(p: KubeObject, skipSeconds: number, now: number): boolean {
  const ts = shape(p).metadata?.deletionTimestamp;
  return skipSeconds > 0 && !!ts && Math.trunc((now - Date.parse(ts)) / 1000) > skipSeconds;
}

/** The pods on the node and what drain does with each. */
export class PodDeleteList {
  constructor(readonly items: PodDelete[]) {}

  pods(): KubeObject[] {
    return this.items.filter((i) => i.status.delete).map((i) => i.pod);
  }

  /** `msg: ns/a, ns/b; msg2: …` (kubectl groups by message; first-seen order here, Go's map order is random). */
  warnings(): string {
    return group(this.items, 'Warning').map(([msg, pods]) => `${msg}: ${pods.join(', ')}`).join('; ');
  }

  errors(): string[] {
    return group(this.items, 'Error').map(([msg, pods]) => `cannot delete ${msg || 'unexpected error'}: ${pods.join(', ')}`);
  }
}

function group(items: PodDelete[], reason: Reason): [string, string[]][] {
  const m = new Map<string, string[]>();
  for (const i of items) {
    if (i.status.reason !== reason) continue;
    const key = i.status.message ?? '';
    const list = m.get(key) ?? [];
    list.push(`${shape(i.pod).metadata?.namespace ?? ''}/${shape(i.pod).metadata?.name ?? ''}`);
    m.set(key, list);
  }
  return [...m];
}

/** Lists the node's pods (all namespaces, in chunks) and classifies them. */
export async function podsForDeletion(k: Kubectl, node: string, o: DrainOptions): Promise<PodDeleteList> {
  const pods: KubeObject[] = [];
  let cont = '';
  do {
    const query: Record<string, string> = { fieldSelector: `spec.nodeName=${node}` };
    if (o.podSelector) query.labelSelector = o.podSelector;
    if (o.chunkSize > 0) query.limit = String(o.chunkSize);
    if (cont) query.continue = cont;
    const res = await k.request({ method: 'GET', path: '/api/v1/pods', query });
    if (res.status >= 300) throw new ServerError(asStatus(res.body, res.status));
    const body = res.body as { items?: KubeObject[]; metadata?: { continue?: string } };
    pods.push(...(body.items ?? []));
    cont = body.metadata?.continue ?? '';
  } while (cont);
  const filters: ((p: KubeObject) => Promise<Status> | Status)[] = [
    (p) => (shouldSkipPod(p, o.skipWaitForDeleteTimeoutSeconds, k.env.now()) ? SKIP : OKAY),
    (p) => daemonSetFilter(k, p, o),
    (p) => (shape(p).metadata?.annotations?.[MIRROR_POD_ANNOTATION] !== undefined ? SKIP : OKAY),
    (p) => localStorageFilter(p, o),
    (p) => unreplicatedFilter(p, o),
  ];
  const items: PodDelete[] = [];
  for (const pod of pods) {
    let status = OKAY;
    for (const filter of filters) {
      status = await filter(pod);
      if (!status.delete) break;
    }
    items.push({ pod, status });
  }
  return new PodDeleteList(items);
}

async function daemonSetFilter(k: Kubectl, p: KubeObject, o: DrainOptions): Promise<Status> {
  const ref = controllerOf(p);
  if (!ref || ref.kind !== 'DaemonSet') return OKAY;
  if (finished(p)) return OKAY;
  const ns = shape(p).metadata?.namespace ?? '';
  const res = await k.request({ method: 'GET', path: `/apis/apps/v1/namespaces/${encodeURIComponent(ns)}/daemonsets/${encodeURIComponent(ref.name ?? '')}` });
  if (res.status >= 300) {
    const message = asStatus(res.body, res.status).message ?? '';
    if (res.status === 404 && o.force) return { delete: true, reason: 'Warning', message };
    return { delete: false, reason: 'Error', message };
  }
  if (!o.ignoreDaemonSets) return { delete: false, reason: 'Error', message: DAEMONSET_FATAL };
  return { delete: false, reason: 'Warning', message: DAEMONSET_WARNING };
}

function localStorageFilter(p: KubeObject, o: DrainOptions): Status {
  if (!(shape(p).spec?.volumes ?? []).some((v) => v.emptyDir !== undefined && v.emptyDir !== null)) return OKAY;
  if (finished(p)) return OKAY;
  if (!o.deleteEmptyDirData) return { delete: false, reason: 'Error', message: LOCAL_STORAGE_FATAL };
  return { delete: true, reason: 'Warning', message: LOCAL_STORAGE_WARNING };
}

function unreplicatedFilter(p: KubeObject, o: DrainOptions): Status {
  if (finished(p)) return OKAY;
  if (controllerOf(p)) return OKAY;
  if (o.force) return { delete: true, reason: 'Warning', message: UNMANAGED_WARNING };
  return { delete: false, reason: 'Error', message: UNMANAGED_FATAL };
}

/** utilerrors.NewAggregate(...).Error(): one message as is, several (deduplicated) as `[a, b]`. */
export function aggregate(messages: string[]): string {
  const seen = [...new Set(messages)];
  if (messages.length === 1 || seen.length === 1) return seen[0] ?? '';
  return `[${seen.join(', ')}]`;
}

