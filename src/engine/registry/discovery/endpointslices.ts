// EndpointSlices: a Service's endpoints, split in slices of at most 100.
import type { ResourceDef } from '../types';
import { ALL_VERBS } from '../verbs';

export const endpointslices: ResourceDef = {
  group: 'discovery.k8s.io', version: 'v1', kind: 'EndpointSlice', plural: 'endpointslices', singular: 'endpointslice',
  namespaced: true, verbs: ALL_VERBS, generation: true,
};
