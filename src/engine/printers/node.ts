// Table columns and cells for nodes: STATUS from the Ready condition (+SchedulingDisabled), ROLES from
// node-role labels, VERSION, and the wide address / OS / runtime columns.
// mirrors: pkg/printers/internalversion/printers.go (printNode, findNodeRoles, getNodeInternalIP, getNodeExternalIP)

import type { Node } from 'kubernetes-types/core/v1';
import type { TablePrinter } from './types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { DOC } from './descriptions';
import { age, compareBytes } from './format';

const ROLE_PREFIX = 'node-role.kubernetes.io/';
const ROLE_LABEL = 'kubernetes.io/role';

export const nodeColumns = [
  NAME_COLUMN,
  column('Status', 'string', 'The status of the node'),
  column('Roles', 'string', 'The roles of the node'),
  AGE_COLUMN,
  column('Version', 'string', DOC['core/v1 NodeSystemInfo.kubeletVersion']),
  column('Internal-IP', 'string', DOC['core/v1 NodeStatus.addresses'], 1),
  column('External-IP', 'string', DOC['core/v1 NodeStatus.addresses'], 1),
  column('OS-Image', 'string', DOC['core/v1 NodeSystemInfo.osImage'], 1),
  column('Kernel-Version', 'string', DOC['core/v1 NodeSystemInfo.kernelVersion'], 1),
  column('Container-Runtime', 'string', DOC['core/v1 NodeSystemInfo.containerRuntimeVersion'], 1),
];

/** Roles from `node-role.kubernetes.io/<role>` keys and a non-empty `kubernetes.io/role` value, sorted. */
export function findNodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  const labels = node.metadata?.labels ?? {};
  for (const key of Object.keys(labels)) {
    if (key.startsWith(ROLE_PREFIX)) {
      const role = key.slice(ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (key === ROLE_LABEL && labels[key]) {
      roles.add(labels[key]!);
    }
  }
  return [...roles].sort(compareBytes);
}

function address(node: Node, type: string): string {
  return node.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>';
}

export function nodeCells(node: Node, now: number): unknown[] {
  // Only the Ready condition counts; a later duplicate overrides an earlier one.
  let ready: string | undefined;
  for (const c of node.status?.conditions ?? []) if (c.type === 'Ready') ready = c.status;
  const status = [ready === undefined ? 'Unknown' : ready === 'True' ? 'Ready' : 'NotReady'];
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  const info = node.status?.nodeInfo;
  return [
    node.metadata?.name ?? '',
    status.join(','),
    findNodeRoles(node).join(',') || '<none>',
    age(node.metadata, now),
    info?.kubeletVersion ?? '',
    address(node, 'InternalIP'),
    address(node, 'ExternalIP'),
    info?.osImage || '<unknown>',
    info?.kernelVersion || '<unknown>',
    info?.containerRuntimeVersion || '<unknown>',
  ];
}

export const nodePrinter: TablePrinter<Node> = {
  columns: nodeColumns,
  rows: (node, now) => [nodeCells(node, now)],
};
