// The garbage collector: deletes dependents whose owners are gone (background), deletes dependents before
// the owner (foreground, foregroundDeletion finalizer), or orphans them (orphan finalizer).
// mirrors: pkg/controller/garbagecollector/garbagecollector.go (attemptToDeleteItem, orphanDependents)

import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../api/types';
import type { ResourceDef } from '../../registry/types';
import { resourceKey } from '../../registry/types';
import { Controller, type ControllerContext } from '../context';
import type { Client } from '../client';
import type { StoreEvent } from '../../store/store';
import { isConflict, isNotFound } from '../client';

export class GarbageCollector extends Controller {
  readonly name = 'garbagecollector';
  private readonly client: Client;

  constructor(ctx: ControllerContext) {
    super(ctx);
    this.client = ctx.client('system:serviceaccount:kube-system:generic-garbage-collector', 'kube-controller-manager');
  }

  start(): void {
    this.ctx.store.watchAll((e) => this.onEvent(e));
  }

  *resyncKeys(): Iterable<string> {
    for (const r of this.ctx.store.resources()) {
      for (const o of this.ctx.store.list(r)) {
        if (o.metadata!.ownerReferences?.length || o.metadata!.finalizers?.some((f) => f === 'orphan' || f === 'foregroundDeletion')) yield itemKey(r, o);
      }
    }
  }

  private onEvent(e: StoreEvent): void {
    const o = e.object;
    if (e.type === 'DELETED') {
      // Dependents of a vanished owner need attention.
      for (const d of this.ctx.store.dependents(o.metadata!.uid!)) this.queue.add(itemKey(d.resource, d.object));
      // A blocking dependent is gone: its foreground-deleting owner may now finish.
      for (const r of o.metadata!.ownerReferences ?? []) if (r.blockOwnerDeletion) this.enqueueOwner(o, r);
      return;
    }
    const fin = o.metadata!.finalizers;
    if (o.metadata!.deletionTimestamp && fin && (fin.includes('orphan') || fin.includes('foregroundDeletion'))) this.queue.add(itemKey(e.resource, o));
    if (o.metadata!.ownerReferences?.length && (e.type === 'ADDED' || e.old?.metadata?.ownerReferences !== o.metadata!.ownerReferences)) {
      this.queue.add(itemKey(e.resource, o));
    }
    // A dependent went away or changed: a foreground owner may be able to finish.
    for (const r of o.metadata!.ownerReferences ?? []) if (r.blockOwnerDeletion) this.enqueueOwner(o, r);
  }

  private enqueueOwner(o: KubeObject, r: OwnerReference): void {
    const def = this.ownerDef(r);
    if (!def) return;
    const owner = this.client.get(resourceKey(def), def.namespaced ? o.metadata!.namespace : undefined, r.name);
    if (owner?.metadata?.deletionTimestamp) this.queue.add(itemKey(resourceKey(def), owner));
  }

  private ownerDef(r: OwnerReference): ResourceDef | undefined {
    return this.ctx.registry.forKind(r.apiVersion, r.kind);
  }

  sync(key: string): void {
    const [resource, ns, name] = key.split('\0');
    const o = this.client.get(resource, ns || undefined, name);
    if (!o) return;
    const fin = o.metadata!.finalizers ?? [];
    if (o.metadata!.deletionTimestamp && fin.includes('orphan')) return this.orphanDependents(resource, o);
    if (o.metadata!.deletionTimestamp && fin.includes('foregroundDeletion')) return this.deleteForeground(resource, o);
    this.attemptToDelete(resource, o);
  }

  /** A dependent whose owners are all gone is deleted; owners still present keep it. */
  private attemptToDelete(resource: string, o: KubeObject): void {
    const refs = o.metadata!.ownerReferences ?? [];
    if (refs.length === 0) return;
    const dangling: OwnerReference[] = [];
    let waitingForForeground = false;
    for (const r of refs) {
      const def = this.ownerDef(r);
      if (!def) continue;
      const owner = this.client.get(resourceKey(def), def.namespaced ? o.metadata!.namespace : undefined, r.name);
      if (!owner || owner.metadata!.uid !== r.uid) dangling.push(r);
      else if (owner.metadata!.deletionTimestamp && owner.metadata!.finalizers?.includes('foregroundDeletion')) waitingForForeground = true;
    }
    if (dangling.length === 0 && !waitingForForeground) return;
    const solid = refs.length - dangling.length - (waitingForForeground ? 1 : 0);
    if (dangling.length === refs.length || (solid === 0 && !waitingForForeground)) {
      this.del(resource, o, 'Background');
      return;
    }
    if (waitingForForeground && solid === 0 && dangling.length + 1 === refs.length) {
      // Only a foreground-deleting owner remains: delete in foreground so it waits for us.
      this.del(resource, o, 'Foreground');
      return;
    }
    if (dangling.length) {
      const keep = refs.filter((r) => !dangling.includes(r));
      this.patchOwners(resource, o, keep);
    }
  }

  private deleteForeground(resource: string, owner: KubeObject): void {
    const deps = this.ctx.store.dependents(owner.metadata!.uid!);
    let blocking = 0;
    for (const d of deps) {
      const ref = d.object.metadata!.ownerReferences!.find((r) => r.uid === owner.metadata!.uid);
      if (ref?.blockOwnerDeletion) blocking++;
      if (!d.object.metadata!.deletionTimestamp) this.del(d.resource, d.object, 'Foreground');
    }
    if (blocking > 0) return;
    this.removeFinalizer(resource, owner, 'foregroundDeletion');
  }

  private orphanDependents(resource: string, owner: KubeObject): void {
    const uid = owner.metadata!.uid!;
    for (const d of this.ctx.store.dependents(uid)) {
      this.patchOwners(d.resource, d.object, d.object.metadata!.ownerReferences!.filter((r) => r.uid !== uid));
    }
    this.removeFinalizer(resource, owner, 'orphan');
  }

  private patchOwners(resource: string, o: KubeObject, refs: OwnerReference[]): void {
    const meta = { ...o.metadata, ownerReferences: refs.length ? refs : undefined };
    if (!meta.ownerReferences) delete meta.ownerReferences;
    try {
      this.client.update(resource, { ...o, metadata: meta });
    } catch (e) {
      if (!isConflict(e) && !isNotFound(e)) throw e;
      this.queue.addRateLimited(itemKey(resource, o));
    }
  }

  private removeFinalizer(resource: string, o: KubeObject, f: string): void {
    const fin = (o.metadata!.finalizers ?? []).filter((x) => x !== f);
    const meta = { ...o.metadata, finalizers: fin.length ? fin : undefined };
    if (!meta.finalizers) delete meta.finalizers;
    try {
      this.client.update(resource, { ...o, metadata: meta });
    } catch (e) {
      if (!isConflict(e) && !isNotFound(e)) throw e;
      this.queue.addRateLimited(itemKey(resource, o));
    }
  }

  private del(resource: string, o: KubeObject, policy: 'Background' | 'Foreground'): void {
    this.client.delete(resource, o.metadata!.namespace, o.metadata!.name!, { propagationPolicy: policy, preconditions: { uid: o.metadata!.uid } });
  }
}

function itemKey(resource: string, o: KubeObject): string {
  return `${resource}\0${o.metadata!.namespace ?? ''}\0${o.metadata!.name}`;
}
