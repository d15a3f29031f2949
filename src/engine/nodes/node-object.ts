// The Node object a kubelet registers: labels, capacity/allocatable, conditions, addresses, nodeInfo.
// Values follow a kind/kubeadm v1.32 node.

import type { Node, NodeCondition } from 'kubernetes-types/core/v1';
import type { KubeObject, Writable } from '../api/types';
import { rfc3339 } from '../util/time';

export const KUBELET_VERSION = 'v1.32.0';

export interface NodeShape {
  name: string;
  cpu: string;
  memory: string;
  pods: number;
  controlPlane?: boolean;
  labels?: Record<string, string>;
  taints?: { key: string; value?: string; effect: string }[];
  /** Index used for addresses: InternalIP 172.18.0.<index+2>. */
  index: number;
  podCIDR: string;
}

export type NodeObj = Writable<Node> & KubeObject;

/** Memory capacity as the kubelet reports it (Ki), allocatable minus a small eviction reserve. */
function memoryKi(q: string): number {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti)?$/.exec(q);
  if (!m) return 8 * 1024 * 1024;
  const n = Number(m[1]);
  const mult = { Ki: 1, Mi: 1024, Gi: 1024 * 1024, Ti: 1024 * 1024 * 1024 }[m[2] ?? 'Ki'] ?? 1;
  return Math.round((n * mult) / (m[2] ? 1 : 1024));
}

export function nodeConditions(now: string, ready: boolean, transition: string): NodeCondition[] {
  return [
    { type: 'MemoryPressure', status: 'False', lastHeartbeatTime: now, lastTransitionTime: transition, reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
    { type: 'DiskPressure', status: 'False', lastHeartbeatTime: now, lastTransitionTime: transition, reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
    { type: 'PIDPressure', status: 'False', lastHeartbeatTime: now, lastTransitionTime: transition, reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
    ready
      ? { type: 'Ready', status: 'True', lastHeartbeatTime: now, lastTransitionTime: transition, reason: 'KubeletReady', message: 'kubelet is posting ready status' }
      : { type: 'Ready', status: 'False', lastHeartbeatTime: now, lastTransitionTime: transition, reason: 'KubeletNotReady', message: 'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized' },
  ];
}

export function buildNode(shape: NodeShape, nowMs: number, bootId: string, machineId: string): NodeObj {
  const now = rfc3339(nowMs);
  const memKi = memoryKi(shape.memory);
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': shape.name,
    'kubernetes.io/os': 'linux',
    ...(shape.controlPlane ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : {}),
    ...shape.labels,
  };
  const ip = `172.18.${Math.floor((shape.index + 2) / 256)}.${(shape.index + 2) % 256}`;
  const node: NodeObj = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: shape.name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: shape.podCIDR,
      podCIDRs: [shape.podCIDR],
      providerID: `kind://docker/kubeplay/${shape.name}`,
    },
    status: {
      addresses: [
        { type: 'InternalIP', address: ip },
        { type: 'Hostname', address: shape.name },
      ],
      allocatable: { cpu: shape.cpu, 'ephemeral-storage': '102625208Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: `${memKi}Ki`, pods: String(shape.pods) },
      capacity: { cpu: shape.cpu, 'ephemeral-storage': '102625208Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: `${memKi}Ki`, pods: String(shape.pods) },
      conditions: nodeConditions(now, true, now),
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: bootId,
        containerRuntimeVersion: 'containerd://1.7.24',
        kernelVersion: '6.8.0-1017-gcp',
        kubeProxyVersion: KUBELET_VERSION,
        kubeletVersion: KUBELET_VERSION,
        machineID: machineId,
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        systemUUID: machineId.slice(0, 8) + '-' + machineId.slice(8, 12) + '-' + machineId.slice(12, 16) + '-' + machineId.slice(16, 20) + '-' + machineId.slice(20, 32),
      },
    },
  };
  if (shape.taints?.length) node.spec!.taints = shape.taints.map((t) => ({ ...t }));
  return node;
}

export function internalIP(node: Node): string | undefined {
  return node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
}
