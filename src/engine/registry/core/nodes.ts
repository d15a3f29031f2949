// Nodes: cluster-scoped; status may be set on create (the kubelet registers with it) and is kept on spec writes.
// mirrors: pkg/registry/core/node/strategy.go

import type { Node } from 'kubernetes-types/core/v1';
import type { ResourceDef } from '../types';
import { ALL_VERBS } from '../verbs';
import type { KubeObject, Writable } from '../../api/types';

type NodeObj = Writable<Node> & KubeObject;

export const nodes: ResourceDef<NodeObj> = {
  group: '',
  version: 'v1',
  kind: 'Node',
  plural: 'nodes',
  singular: 'node',
  shortNames: ['no'],
  namespaced: false,
  verbs: ALL_VERBS,
  subresources: { proxy: true, status: true },
  fields: { 'spec.unschedulable': (n) => String(!!n.spec?.unschedulable) },
  prepareForUpdate(node, old) {
    node.status = old.status;
    if (node.status === undefined) delete node.status;
  },
};
