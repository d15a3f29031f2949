// Ingresses, IngressClasses and NetworkPolicies (networking.k8s.io/v1).
import type { ResourceDef } from '../types';
import { ALL_VERBS } from '../verbs';
import { keepOldStatus, resetStatus } from '../status-strategy';

export const ingresses: ResourceDef = {
  group: 'networking.k8s.io', version: 'v1', kind: 'Ingress', plural: 'ingresses', singular: 'ingress', shortNames: ['ing'],
  namespaced: true, verbs: ALL_VERBS, subresources: { status: true }, generation: true,
  // IngressStatus{} serialises with its (struct-typed) loadBalancer: `status: {loadBalancer: {}}`.
  prepareForCreate: resetStatus,
  prepareForUpdate: keepOldStatus,
};

export const ingressclasses: ResourceDef = {
  group: 'networking.k8s.io', version: 'v1', kind: 'IngressClass', plural: 'ingressclasses', singular: 'ingressclass',
  namespaced: false, verbs: ALL_VERBS, generation: true,
};

export const networkpolicies: ResourceDef = {
  group: 'networking.k8s.io', version: 'v1', kind: 'NetworkPolicy', plural: 'networkpolicies', singular: 'networkpolicy', shortNames: ['netpol'],
  namespaced: true, verbs: ALL_VERBS, generation: true,
};
