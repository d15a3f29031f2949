// What every control-plane component gets: clock, randomness, store, clients and event recorders.

import type { Clock } from '../clock/clock';
import type { Rng } from '../clock/rng';
import type { Store, StoreEvent } from '../store/store';
import type { Registry } from '../registry/registry';
import type { Rest } from '../api/rest/rest';
import { Client } from './client';
import { EventRecorder, type EventSource } from '../events/recorder';
import { WorkQueue } from './queue';
import type { KubeObject } from '../api/types';

export class ControllerContext {
  readonly recorder: EventRecorder;
  private clients = new Map<string, Client>();

  constructor(
    readonly clock: Clock,
    readonly rng: Rng,
    readonly store: Store,
    readonly registry: Registry,
    readonly rest: Rest,
  ) {
    this.recorder = new EventRecorder(this.client('system:kube-controller-manager', 'kube-controller-manager'), clock);
  }

  /** A client acting as user with a field manager name. */
  client(user: string, fieldManager: string): Client {
    const key = `${user}\0${fieldManager}`;
    let c = this.clients.get(key);
    if (!c) {
      c = new Client(this.rest, this.registry, { username: user, groups: ['system:authenticated'] }, fieldManager);
      this.clients.set(key, c);
    }
    return c;
  }

  event(source: EventSource, obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string): void {
    this.recorder.event(source, obj, type, reason, message, fieldPath);
  }
}

/** A level-triggered controller: watches feed keys into a queue; sync(key) reconciles one object. */
export abstract class Controller {
  abstract readonly name: string;
  readonly queue: WorkQueue;
  private stops: (() => void)[] = [];

  constructor(protected readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock, (k) => this.sync(k), (k, e) => this.onError(k, e));
  }

  abstract start(): void;
  abstract sync(key: string): void;
  /** Keys of every object this controller reconciles (used to resync after a restart). */
  abstract resyncKeys(): Iterable<string>;

  protected onError(_key: string, _err: unknown): void {}

  protected watch(resource: string, handler: (e: StoreEvent) => void): void {
    this.stops.push(this.ctx.store.watch(resource, {}, handler));
  }

  pause(): void {
    this.queue.paused = true;
  }

  resume(): void {
    for (const k of this.resyncKeys()) this.queue.add(k);
    this.queue.resume();
  }

  stop(): void {
    for (const s of this.stops.splice(0)) s();
    this.queue.paused = true;
  }
}

export function nsName(o: KubeObject): string {
  const m = o.metadata!;
  return m.namespace ? `${m.namespace}/${m.name}` : m.name!;
}

export function splitKey(key: string): [string | undefined, string] {
  const i = key.indexOf('/');
  return i < 0 ? [undefined, key] : [key.slice(0, i), key.slice(i + 1)];
}

/** The controller owner reference of an object, if any. */
export function controllerRef(o: KubeObject): { kind: string; name: string; uid: string; apiVersion: string } | undefined {
  return o.metadata?.ownerReferences?.find((r) => r.controller) as { kind: string; name: string; uid: string; apiVersion: string } | undefined;
}
