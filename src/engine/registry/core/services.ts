// Services: ClusterIP and NodePort allocation on create, kept on update, released on delete.
// mirrors: pkg/registry/core/service/strategy.go, storage/alloc.go

import type { Service } from 'kubernetes-types/core/v1';
import type { ResourceDef } from '../types';
import { ALL_VERBS } from '../verbs';
import type { KubeObject, Writable } from '../../api/types';
import { allocatorsFor } from './service-allocators';

type SvcObj = Writable<Service> & KubeObject;

export const services: ResourceDef<SvcObj> = {
  group: '',
  version: 'v1',
  kind: 'Service',
  plural: 'services',
  singular: 'service',
  shortNames: ['svc'],
  namespaced: true,
  categories: ['all'],
  verbs: NO_DELETECOLLECTION_SVC(),
  subresources: { proxy: true, status: true },
  fields: {
    'spec.clusterIP': (s) => s.spec?.clusterIP ?? '',
    'spec.type': (s) => s.spec?.type ?? '',
  },
  prepareForCreate(svc, ctx) {
    svc.status = { loadBalancer: {} };
    allocatorsFor(ctx.store).allocate(svc, undefined, ctx);
  },
  prepareForUpdate(svc, old, ctx) {
    svc.status = old.status;
    allocatorsFor(ctx.store).allocate(svc, old, ctx);
  },
};

function NO_DELETECOLLECTION_SVC(): string[] {
  // Services have no deletecollection in v1.32 discovery.
  return ALL_VERBS.filter((v) => v !== 'deletecollection');
}
