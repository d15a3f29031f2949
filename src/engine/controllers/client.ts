// The in-process client that controllers, the scheduler and kubelets use: reads straight from the store
// (the store is the informer cache), writes through the REST layer (admission, validation, watch).

import type { Registry } from '../registry/registry';
import type { ResourceDef } from '../registry/types';
import type { Rest, DeleteOptions, DeleteResult } from '../api/rest/rest';
import type { KubeObject, UserInfo } from '../api/types';
import type { Store } from '../store/store';
import type { Selector } from '../api/selectors/labels';
import type { RequestOptions } from '../api/rest/context';
import { StatusError } from '../api/errors';

export class Client {
  private defs = new Map<string, ResourceDef>();
  private readonly opts: RequestOptions;
  private readonly freshOpts: RequestOptions;

  constructor(
    readonly rest: Rest,
    readonly registry: Registry,
    readonly user: UserInfo,
    readonly fieldManager: string,
  ) {
    this.opts = { user, fieldManager, trusted: true };
    this.freshOpts = { ...this.opts, fresh: true };
  }

  get store(): Store {
    return this.rest.store;
  }

  def(resource: string): ResourceDef {
    let d = this.defs.get(resource);
    if (!d) {
      d = this.registry.byKey(resource);
      if (!d) throw new Error(`client: unknown resource ${resource}`);
      this.defs.set(resource, d);
    }
    return d;
  }

  get<T = KubeObject>(resource: string, namespace: string | undefined, name: string): T | undefined {
    return this.store.get(resource, namespace, name) as T | undefined;
  }

  list<T = KubeObject>(resource: string, namespace?: string): Iterable<T> {
    return this.store.list(resource, namespace) as Iterable<T>;
  }

  select<T = KubeObject>(resource: string, namespace: string | undefined, selector: Selector): T[] {
    return this.store.listBySelector(resource, namespace, selector) as T[];
  }

  create<T = KubeObject>(resource: string, obj: KubeObject): T {
    return this.rest.create(this.def(resource), obj.metadata?.namespace, obj, this.opts) as T;
  }

  /** Create of an object built for this call alone (no part shared with anything else): skips the copy. */
  createFresh<T = KubeObject>(resource: string, obj: KubeObject): T {
    return this.rest.create(this.def(resource), obj.metadata?.namespace, obj, this.freshOpts) as T;
  }

  update<T = KubeObject>(resource: string, obj: KubeObject): T {
    return this.rest.update(this.def(resource), obj.metadata?.namespace, obj.metadata!.name!, obj, this.opts) as T;
  }

  updateStatus<T = KubeObject>(resource: string, obj: KubeObject): T {
    return this.rest.update(this.def(resource), obj.metadata?.namespace, obj.metadata!.name!, obj, this.opts, 'status') as T;
  }

  delete(resource: string, namespace: string | undefined, name: string, options: DeleteOptions = {}): DeleteResult | undefined {
    try {
      return this.rest.delete(this.def(resource), namespace, name, options, this.opts);
    } catch (e) {
      if (e instanceof StatusError && e.code === 404) return undefined;
      throw e;
    }
  }
}

export function isConflict(e: unknown): boolean {
  return e instanceof StatusError && e.code === 409;
}

export function isNotFound(e: unknown): boolean {
  return e instanceof StatusError && e.code === 404;
}
