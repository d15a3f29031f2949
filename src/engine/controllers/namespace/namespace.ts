// The namespace controller: empties a Terminating namespace of every namespaced resource, reports what
// remains in conditions, then finalizes it (removes the "kubernetes" finalizer) so it can go.
// mirrors: pkg/controller/namespace/deletion/namespaced_resources_deleter.go

import type { Namespace, NamespaceCondition } from 'kubernetes-types/core/v1';
import type { KubeObject, Writable } from '../../api/types';
import { resourceKey } from '../../registry/types';
import { Controller, controllerRef, type ControllerContext } from '../context';
import type { Client } from '../client';
import { rfc3339 } from '../../util/time';
import { deepEqual } from '../../store/freeze';

type NsObj = Writable<Namespace> & KubeObject;

export class NamespaceController extends Controller {
  readonly name = 'namespace';
  private readonly client: Client;

  constructor(ctx: ControllerContext) {
    super(ctx);
    this.client = ctx.client('system:serviceaccount:kube-system:namespace-controller', 'kube-controller-manager');
  }

  start(): void {
    this.watch('namespaces', (e) => {
      if (e.type !== 'DELETED' && e.object.metadata!.deletionTimestamp) this.queue.add(e.object.metadata!.name!);
    });
  }

  *resyncKeys(): Iterable<string> {
    for (const n of this.client.list('namespaces')) if (n.metadata!.deletionTimestamp) yield n.metadata!.name!;
  }

  sync(name: string): void {
    const ns = this.client.get<NsObj>('namespaces', undefined, name);
    if (!ns || !ns.metadata!.deletionTimestamp) return;
    const defs = this.ctx.registry.all().filter((d) => d.namespaced && !d.conversion && d.verbs.includes('delete') && d.verbs.includes('list'));
    const remaining = new Map<string, number>();
    const finalizersLeft = new Map<string, number>();
    for (const def of defs) {
      const key = resourceKey(def);
      const items = [...this.ctx.store.list(key, name)];
      if (items.length === 0) continue;
      remaining.set(key, items.length);
      for (const o of items) {
        for (const f of o.metadata!.finalizers ?? []) finalizersLeft.set(f, (finalizersLeft.get(f) ?? 0) + 1);
        if (o.metadata!.deletionTimestamp) continue;
        // Owned objects go with their owners (background); delete the roots.
        if (controllerRef(o) && key !== 'pods') continue;
        this.client.delete(key, name, o.metadata!.name!, { propagationPolicy: 'Background' });
      }
    }
    if (remaining.size) {
      this.setConditions(ns, remaining, finalizersLeft);
      this.queue.addAfter(name, 1000);
      return;
    }
    const spec = { ...ns.spec, finalizers: (ns.spec?.finalizers ?? []).filter((f) => f !== 'kubernetes') };
    const next = { ...ns, spec } as KubeObject;
    this.ctx.rest.commitBinding(this.client.def('namespaces'), ns, next, { trusted: true });
    // With no finalizers left the namespace itself goes.
    this.client.delete('namespaces', undefined, name);
  }

  private setConditions(ns: NsObj, remaining: Map<string, number>, finalizers: Map<string, number>): void {
    const now = rfc3339(this.ctx.clock.now());
    const list = [...remaining].map(([r, n]) => `${r.split('.')[0]}${r.includes('.') ? '.' + r.split('.').slice(1).join('.') : ''} has ${n} resource instances`).sort();
    const fins = [...finalizers].map(([f, n]) => `${f} in ${n} resource instances`).sort();
    const conds: NamespaceCondition[] = [
      { type: 'NamespaceDeletionDiscoveryFailure', status: 'False', lastTransitionTime: now, reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' },
      { type: 'NamespaceDeletionGroupVersionParsingFailure', status: 'False', lastTransitionTime: now, reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed' },
      { type: 'NamespaceDeletionContentFailure', status: 'False', lastTransitionTime: now, reason: 'ContentDeleted', message: 'All content successfully deleted, may be waiting on finalization' },
      { type: 'NamespaceContentRemaining', status: 'True', lastTransitionTime: now, reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${list.join(', ')}` },
      fins.length
        ? { type: 'NamespaceFinalizersRemaining', status: 'True', lastTransitionTime: now, reason: 'SomeFinalizersRemain', message: `Some content in the namespace has finalizers remaining: ${fins.join(', ')}` }
        : { type: 'NamespaceFinalizersRemaining', status: 'False', lastTransitionTime: now, reason: 'ContentHasNoFinalizers', message: 'All content-preserving finalizers finished' },
    ];
    const old = ns.status?.conditions ?? [];
    for (const c of conds) {
      const prev = old.find((o) => o.type === c.type);
      if (prev && prev.status === c.status && prev.reason === c.reason) c.lastTransitionTime = prev.lastTransitionTime;
    }
    if (deepEqual(old, conds)) return;
    this.ctx.rest.commitBinding(this.client.def('namespaces'), ns, { ...ns, status: { ...ns.status, conditions: conds } } as KubeObject, { trusted: true });
  }
}
