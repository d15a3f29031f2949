// coordination.k8s.io Leases: node heartbeats in kube-node-lease, leader election in kube-system.

import type { ResourceDef } from '../types';
import { ALL_VERBS } from '../verbs';

export const leases: ResourceDef = {
  group: 'coordination.k8s.io',
  version: 'v1',
  kind: 'Lease',
  plural: 'leases',
  singular: 'lease',
  namespaced: true,
  verbs: ALL_VERBS,
};
