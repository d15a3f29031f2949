// Turns engine objects into the small, JSON-safe views the page draws (protocol.ts). Pod STATUS and node
// STATUS come from the same table printers `kubectl get` uses, so the map and the terminal agree.

import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Event, Namespace, Node, Pod, Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../engine/api/types';
import { podCells } from '../engine/printers/pod';
import { findNodeRoles, nodeCells } from '../engine/printers/node';
import { parseTime } from '../engine/util/time';
import { milliValueOf, valueOf } from '../engine/util/quantity';
import type { DeploymentView, EventView, NamespaceView, NodeView, PodView, ServiceView } from './protocol';

/** Resolves a ReplicaSet's owning Deployment (pods are grouped by Deployment on the map). */
export type OwnerLookup = (namespace: string, replicaSet: string) => string | undefined;

function ms(t: string | undefined | null): number {
  const v = parseTime(t ?? undefined);
  return Number.isNaN(v) ? 0 : v;
}

export function podView(obj: KubeObject, now: number, rsOwner: OwnerLookup): PodView {
  const pod = obj as Pod;
  const cells = podCells(pod, now);
  const meta = pod.metadata!;
  const ref = meta.ownerReferences?.find((r) => r.controller) ?? meta.ownerReferences?.[0];
  let ownerKind = ref?.kind ?? '';
  let ownerName = ref?.name ?? '';
  if (ref?.kind === 'ReplicaSet') {
    const d = rsOwner(meta.namespace ?? '', ref.name);
    if (d) {
      ownerKind = 'Deployment';
      ownerName = d;
    }
  }
  return {
    key: meta.uid ?? `${meta.namespace}/${meta.name}`,
    namespace: meta.namespace ?? '',
    name: meta.name ?? '',
    node: pod.spec?.nodeName ?? '',
    status: String(cells[2] ?? ''),
    ready: String(cells[1] ?? ''),
    restarts: Number.parseInt(String(cells[3] ?? '0'), 10) || 0,
    ip: pod.status?.podIP ?? '',
    ownerKind,
    ownerName,
    created: ms(meta.creationTimestamp),
    deleting: !!meta.deletionTimestamp,
  };
}

/** Requests counted against a node: pods bound to it that have not finished. */
export function countsAgainstNode(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return !!pod.spec?.nodeName && phase !== 'Succeeded' && phase !== 'Failed';
}

export interface NodeMachine {
  power: NodeView['power'];
  partitioned: boolean;
}

export interface NodeUsage {
  cpu: number;
  mem: number;
  pods: number;
}

export function nodeView(obj: KubeObject, now: number, machine: NodeMachine, usage: NodeUsage): NodeView {
  const node = obj as Node;
  const cells = nodeCells(node, now);
  const alloc = node.status?.allocatable ?? node.status?.capacity ?? {};
  return {
    key: node.metadata!.name!,
    name: node.metadata!.name!,
    status: String(cells[1]),
    ready: String(cells[1]).startsWith('Ready'),
    unschedulable: !!node.spec?.unschedulable,
    roles: findNodeRoles(node),
    power: machine.power,
    partitioned: machine.partitioned,
    cpuAllocatable: milliValueOf(alloc.cpu),
    memAllocatable: valueOf(alloc.memory),
    podsAllocatable: valueOf(alloc.pods),
    cpuRequests: usage.cpu,
    memRequests: usage.mem,
    pods: usage.pods,
    created: ms(node.metadata!.creationTimestamp),
    taints: (node.spec?.taints ?? []).map((t) => `${t.key}${t.value ? '=' + t.value : ''}:${t.effect}`),
  };
}

export function deploymentView(obj: KubeObject): DeploymentView {
  const d = obj as Deployment;
  const m = d.metadata!;
  return {
    key: m.uid ?? `${m.namespace}/${m.name}`,
    namespace: m.namespace ?? '',
    name: m.name ?? '',
    replicas: d.spec?.replicas ?? 1,
    ready: d.status?.readyReplicas ?? 0,
    updated: d.status?.updatedReplicas ?? 0,
    available: d.status?.availableReplicas ?? 0,
    images: (d.spec?.template?.spec?.containers ?? []).map((c) => c.image ?? ''),
  };
}

export function serviceView(obj: KubeObject): ServiceView {
  const s = obj as Service;
  const m = s.metadata!;
  const ports = (s.spec?.ports ?? []).map((p) => `${p.port}${p.nodePort ? ':' + p.nodePort : ''}/${p.protocol ?? 'TCP'}`);
  const sel = Object.entries(s.spec?.selector ?? {}).map(([k, v]) => `${k}=${v}`);
  return {
    key: m.uid ?? `${m.namespace}/${m.name}`,
    namespace: m.namespace ?? '',
    name: m.name ?? '',
    type: s.spec?.type ?? 'ClusterIP',
    clusterIP: s.spec?.clusterIP ?? '',
    ports: ports.join(',') || '<none>',
    selector: sel.join(',') || '<none>',
  };
}

export function eventView(obj: KubeObject): EventView {
  const e = obj as unknown as Event;
  const m = e.metadata!;
  const kind = e.involvedObject?.kind ?? '';
  const name = e.involvedObject?.name ?? '';
  const time = ms(e.lastTimestamp) || ms(e.eventTime) || ms(e.firstTimestamp) || ms(m.creationTimestamp);
  return {
    key: m.uid ?? `${m.namespace}/${m.name}`,
    namespace: m.namespace ?? '',
    time,
    type: e.type ?? '',
    reason: e.reason ?? '',
    object: `${kind.toLowerCase()}/${name}`,
    objectKind: kind,
    objectName: name,
    message: e.message ?? '',
    count: e.count ?? 1,
    source: e.source?.component ?? e.reportingComponent ?? '',
  };
}

export function namespaceView(obj: KubeObject): NamespaceView {
  const n = obj as Namespace;
  return { key: n.metadata!.name!, name: n.metadata!.name!, phase: n.status?.phase ?? 'Active' };
}
