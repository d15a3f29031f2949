// DaemonSets: one pod per eligible node; generation on spec changes; status subresource.
import type { ResourceDef } from '../types';
import { ALL_VERBS } from '../verbs';
import { withStatus } from '../status-strategy';

export const daemonsets: ResourceDef = {
  group: 'apps', version: 'v1', kind: 'DaemonSet', plural: 'daemonsets', singular: 'daemonset', shortNames: ['ds'],
  namespaced: true, categories: ['all'], verbs: ALL_VERBS, subresources: { status: true }, generation: true, ...withStatus,
};
