// Namespaces: Active on create, Terminating on delete until the namespace controller finalizes them.
// mirrors: pkg/registry/core/namespace/strategy.go, storage/storage.go

import type { Namespace } from 'kubernetes-types/core/v1';
import type { ResourceDef } from '../types';
import type { KubeObject, Writable } from '../../api/types';
import { rfc3339 } from '../../util/time';

type NsObj = Writable<Namespace> & KubeObject;

export const namespaces: ResourceDef<NsObj> = {
  group: '',
  version: 'v1',
  kind: 'Namespace',
  plural: 'namespaces',
  singular: 'namespace',
  shortNames: ['ns'],
  namespaced: false,
  verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  subresources: { finalize: true, status: true },
  fields: { 'status.phase': (n) => n.status?.phase ?? '' },
  prepareForCreate(ns) {
    ns.spec = { finalizers: ['kubernetes'] };
    ns.status = { phase: 'Active' };
    // Every namespace carries its name as a label (NamespaceDefaultLabelName).
    ns.metadata!.labels = { ...ns.metadata!.labels, 'kubernetes.io/metadata.name': ns.metadata!.name! };
  },
  prepareForUpdate(ns, old) {
    ns.spec = old.spec;
    ns.status = old.status;
    ns.metadata!.labels = { ...ns.metadata!.labels, 'kubernetes.io/metadata.name': ns.metadata!.name! };
  },
  onDelete(old, ctx) {
    const finalizers = old.spec?.finalizers ?? [];
    if (old.metadata!.deletionTimestamp) {
      // Deleted again once finalized: remove unless spec finalizers remain.
      return finalizers.length > 0 || (old.metadata!.finalizers?.length ?? 0) > 0 ? old : undefined;
    }
    if (finalizers.length === 0 && (old.metadata!.finalizers?.length ?? 0) === 0) return undefined;
    return {
      ...old,
      metadata: { ...old.metadata, deletionTimestamp: rfc3339(ctx.now()), deletionGracePeriodSeconds: 0 },
      status: { ...old.status, phase: 'Terminating' },
    };
  },
};
