// `kubectl describe node`: roles, taints, the node's Lease, conditions, addresses, capacity, system
// info, the non-terminated pods with their share of allocatable resources, and the totals.
// mirrors: k8s.io/kubectl/pkg/describe/describe.go (NodeDescriber, describeNode, describeNodeLease,
//          describeNodeResource, getPodsTotalRequestsAndLimits, findNodeRoles)

import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../engine/api/types';
import { compareGoStrings } from '../printers/gofmt';
import {
  describeEvents, describeString, LEVEL_0, LEVEL_1, printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline, type DescribedEvent, type PrefixWriter, type Taint,
} from '../printers/index';
import { searchEvents } from './events';
import { addResources, podRequestsAndLimits, type ResourceMap } from './pod-resources';
import type { Describer } from './types';
import { apiPath, getObject, listAll, Quantity, quantityOf, rfc1123z, since, serverError } from './util';

const NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';
const NODE_ROLE_LABEL = 'kubernetes.io/role';
const NODE_LEASE_NAMESPACE = 'kube-node-lease';

/** findNodeRoles: from node-role.kubernetes.io/<role> labels and kubernetes.io/role, sorted. */
function nodeRoles(labels: Record<string, string> | undefined): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels ?? {})) {
    if (k.startsWith(NODE_ROLE_PREFIX)) {
      const role = k.slice(NODE_ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === NODE_ROLE_LABEL && v !== '') roles.add(v);
  }
  return [...roles].sort(compareGoStrings);
}

export const describeNode: Describer = async (ctx, obj) => {
  const node = obj as Node & KubeObject;
  const name = node.metadata?.name ?? '';
  const pods = await listAll<Pod & KubeObject>(ctx, apiPath('v1', 'pods'), { fieldSelector: `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed` });
  let canViewPods = true;
  if (pods.error) {
    if (pods.error.code !== 403) throw serverError(pods.error);
    canViewPods = false;
  }
  let events: DescribedEvent[] | undefined;
  if (ctx.settings.showEvents) {
    // The node controller records events against the node's uid, the kubelet against its name.
    events = await searchEvents(ctx, { name, namespace: '', kind: 'Node', uid: node.metadata?.uid });
    events.push(...(await searchEvents(ctx, { name, namespace: '', kind: 'Node', uid: name })));
  }
  const lease = await getObject<Lease>(ctx, apiPath('coordination.k8s.io/v1', 'leases', NODE_LEASE_NAMESPACE, name));
  return describeString((w) => {
    const m = node.metadata ?? {};
    const spec = node.spec ?? {};
    const st = node.status ?? {};
    w.write(LEVEL_0, `Name:\t${name}\n`);
    const roles = nodeRoles(m.labels);
    w.write(LEVEL_0, `Roles:\t${roles.length ? roles.join(',') : '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(m.creationTimestamp)}\n`);
    printTaintsMultiline(w, 'Taints', spec.taints as Taint[] | undefined);
    w.write(LEVEL_0, `Unschedulable:\t${spec.unschedulable === true}\n`);
    if (lease.obj) describeNodeLease(lease.obj, w);
    else w.write(LEVEL_0, `Lease:\tFailed to get lease: ${lease.error}\n`);
    if (st.conditions?.length) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of st.conditions) {
        w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
      }
    }
    w.write(LEVEL_0, 'Addresses:\n');
    for (const a of st.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
    const printResourceList = (list: Record<string, string>) => {
      for (const r of Object.keys(list).sort(compareGoStrings)) w.write(LEVEL_0, `  ${r}:\t${quantityOf(list, r).toString()}\n`);
    };
    const capacity = (st.capacity ?? {}) as Record<string, string>;
    const allocatable = (st.allocatable ?? {}) as Record<string, string>;
    if (Object.keys(capacity).length) {
      w.write(LEVEL_0, 'Capacity:\n');
      printResourceList(capacity);
    }
    if (Object.keys(allocatable).length) {
      w.write(LEVEL_0, 'Allocatable:\n');
      printResourceList(allocatable);
    }
    const info = st.nodeInfo;
    w.write(LEVEL_0, 'System Info:\n');
    w.write(LEVEL_0, `  Machine ID:\t${info?.machineID ?? ''}\n`);
    w.write(LEVEL_0, `  System UUID:\t${info?.systemUUID ?? ''}\n`);
    w.write(LEVEL_0, `  Boot ID:\t${info?.bootID ?? ''}\n`);
    w.write(LEVEL_0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`);
    w.write(LEVEL_0, `  OS Image:\t${info?.osImage ?? ''}\n`);
    w.write(LEVEL_0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`);
    w.write(LEVEL_0, `  Architecture:\t${info?.architecture ?? ''}\n`);
    w.write(LEVEL_0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}\n`);
    if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`);
    if (spec.podCIDRs?.length) w.write(LEVEL_0, `PodCIDRs:\t${spec.podCIDRs.join(',')}\n`);
    if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`);
    if (canViewPods) describeNodeResource(pods.items, Object.keys(allocatable).length ? allocatable : capacity, w, ctx.now);
    else w.write(LEVEL_0, 'Pods:\tnot authorized\n');
    if (events) describeEvents(events, w, ctx.now);
  });
};

function describeNodeLease(lease: Lease, w: PrefixWriter): void {
  w.write(LEVEL_0, 'Lease:\n');
  w.write(LEVEL_1, `HolderIdentity:\t${lease.spec?.holderIdentity ?? '<unset>'}\n`);
  w.write(LEVEL_1, `AcquireTime:\t${lease.spec?.acquireTime ? rfc1123z(lease.spec.acquireTime) : '<unset>'}\n`);
  w.write(LEVEL_1, `RenewTime:\t${lease.spec?.renewTime ? rfc1123z(lease.spec.renewTime) : '<unset>'}\n`);
}

/** int64(float64 percentage): Go truncates toward zero (NaN and ±Inf become math.MinInt64 on amd64). */
function percent(part: number, whole: number): string {
  const f = (part / whole) * 100;
  return Number.isFinite(f) ? String(Math.trunc(f)) : '-9223372036854775808';
}

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

function isHugePage(name: string): boolean {
  return name.startsWith('hugepages-');
}

function describeNodeResource(pods: readonly Pod[], allocatable: Record<string, string>, w: PrefixWriter, nowMs: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const allocCpu = quantityOf(allocatable, 'cpu').milliValue();
  const allocMem = quantityOf(allocatable, 'memory').value();
  const get = (m: ResourceMap, k: string) => m.get(k) ?? Quantity.ZERO;
  const reqs: ResourceMap = new Map();
  const limits: ResourceMap = new Map();
  for (const pod of pods) {
    const { requests: r, limits: l } = podRequestsAndLimits(pod);
    addResources(reqs, r);
    addResources(limits, l);
    const cpuReq = get(r, 'cpu');
    const cpuLim = get(l, 'cpu');
    const memReq = get(r, 'memory');
    const memLim = get(l, 'memory');
    w.write(
      LEVEL_1,
      `${pod.metadata?.namespace ?? ''}\t${pod.metadata?.name ?? ''}\t\t${cpuReq.toString()} (${percent(cpuReq.milliValue(), allocCpu)}%)\t${cpuLim.toString()} (${percent(cpuLim.milliValue(), allocCpu)}%)\t${memReq.toString()} (${percent(memReq.value(), allocMem)}%)\t${memLim.toString()} (${percent(memLim.value(), allocMem)}%)\t${since(pod.metadata?.creationTimestamp, nowMs)}\n`,
    );
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const totalRow = (name: string, byValue: (q: Quantity) => number, whole: number) => {
    const rq = get(reqs, name);
    const lm = get(limits, name);
    const fr = whole !== 0 ? percent(byValue(rq), whole) : '0';
    const fl = whole !== 0 ? percent(byValue(lm), whole) : '0';
    w.write(LEVEL_1, `${name}\t${rq.toString()} (${fr}%)\t${lm.toString()} (${fl}%)\n`);
  };
  totalRow('cpu', (q) => q.milliValue(), allocCpu);
  totalRow('memory', (q) => q.value(), allocMem);
  totalRow('ephemeral-storage', (q) => q.value(), quantityOf(allocatable, 'ephemeral-storage').value());
  const names = Object.keys(allocatable);
  for (const name of names.filter(isHugePage).sort(compareGoStrings)) totalRow(name, (q) => q.value(), quantityOf(allocatable, name).value());
  const extended = names.filter((n) => !isHugePage(n) && !STANDARD_CONTAINER_RESOURCES.has(n) && n !== 'pods').sort(compareGoStrings);
  for (const name of extended) w.write(LEVEL_1, `${name}\t${get(reqs, name).toString()}\t${get(limits, name).toString()}\n`);
}
