// Core kinds without special strategy: ConfigMaps, Secrets, ServiceAccounts, Endpoints.

import type { ResourceDef } from '../types';
import { ALL_VERBS } from '../verbs';
import type { KubeObject } from '../../api/types';
import { secretDefaults } from './secret-strategy';

export const configmaps: ResourceDef = {
  group: '',
  version: 'v1',
  kind: 'ConfigMap',
  plural: 'configmaps',
  singular: 'configmap',
  shortNames: ['cm'],
  namespaced: true,
  verbs: ALL_VERBS,
};

export const secrets: ResourceDef = {
  group: '',
  version: 'v1',
  kind: 'Secret',
  plural: 'secrets',
  singular: 'secret',
  namespaced: true,
  verbs: ALL_VERBS,
  fields: { type: (s: KubeObject) => (s.type as string | undefined) ?? '' },
  defaults: secretDefaults as (s: KubeObject) => void,
};

export const serviceaccounts: ResourceDef = {
  group: '',
  version: 'v1',
  kind: 'ServiceAccount',
  plural: 'serviceaccounts',
  singular: 'serviceaccount',
  shortNames: ['sa'],
  namespaced: true,
  verbs: ALL_VERBS,
  subresources: { token: true },
};

export const endpoints: ResourceDef = {
  group: '',
  version: 'v1',
  kind: 'Endpoints',
  plural: 'endpoints',
  singular: 'endpoints',
  shortNames: ['ep'],
  namespaced: true,
  verbs: ALL_VERBS,
};
