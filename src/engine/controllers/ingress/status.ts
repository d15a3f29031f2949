// The control side of the simulated ingress-nginx: a "Scheduled for sync" event whenever an Ingress it
// serves changes, and the periodic status sync (every 60 s) that publishes its address in
// status.loadBalancer.ingress — `localhost`, as kind's ingress-nginx (--publish-status-address=localhost).
// mirrors: kubernetes/ingress-nginx internal/ingress/status/status.go (UpdateInterval, runningAddresses),
// internal/ingress/controller/store (Sync events)

import type { Ingress } from 'kubernetes-types/networking/v1';
import type { KubeObject } from '../../api/types';
import { Controller, nsName, splitKey, type ControllerContext } from '../context';
import type { Client } from '../client';
import { isConflict, isNotFound } from '../client';
import { servedByNginx } from '../../network/ingress';
import { deepEqual } from '../../store/freeze';

type IngObj = Ingress & KubeObject;

export const STATUS_SYNC_MS = 60_000;
export const PUBLISHED_ADDRESS = 'localhost';
const SOURCE = { component: 'nginx-ingress-controller' };
/** Queue keys that record the "Scheduled for sync" event rather than syncing status. */
const EVENT_PREFIX = 'sync-event:';

export class IngressStatusController extends Controller {
  readonly name = 'ingress-nginx';
  private readonly client: Client;
  private timer?: number;

  constructor(ctx: ControllerContext) {
    super(ctx);
    this.client = ctx.client('system:serviceaccount:ingress-nginx:ingress-nginx', 'nginx-ingress-controller');
  }

  start(): void {
    this.watch('ingresses.networking.k8s.io', (e) => {
      if (e.type === 'DELETED') return;
      // Any change to an Ingress it serves (its own status updates included) is scheduled for sync.
      const ing = e.object as IngObj;
      // Handlers may only enqueue: the event is written when the key is processed.
      if (servedByNginx(this.ctx.store, ing)) this.queue.add(EVENT_PREFIX + nsName(ing));
    });
    const tick = () => {
      for (const k of this.resyncKeys()) this.queue.add(k);
      this.timer = this.ctx.clock.setTimeout(tick, STATUS_SYNC_MS);
    };
    this.timer = this.ctx.clock.setTimeout(tick, STATUS_SYNC_MS);
  }

  override stop(): void {
    super.stop();
    if (this.timer !== undefined) this.ctx.clock.clearTimeout(this.timer);
  }

  *resyncKeys(): Iterable<string> {
    for (const i of this.client.list<IngObj>('ingresses.networking.k8s.io')) yield nsName(i);
  }

  sync(key: string): void {
    if (key.startsWith(EVENT_PREFIX)) {
      const [ns, name] = splitKey(key.slice(EVENT_PREFIX.length));
      const ing = this.client.get<IngObj>('ingresses.networking.k8s.io', ns, name);
      if (ing) this.ctx.event(SOURCE, ing, 'Normal', 'Sync', 'Scheduled for sync');
      return;
    }
    const [ns, name] = splitKey(key);
    const ing = this.client.get<IngObj>('ingresses.networking.k8s.io', ns, name);
    if (!ing || !servedByNginx(this.ctx.store, ing)) return;
    const want = [{ hostname: PUBLISHED_ADDRESS }];
    if (deepEqual(ing.status?.loadBalancer?.ingress ?? [], want)) return;
    try {
      this.client.updateStatus('ingresses.networking.k8s.io', { ...ing, status: { loadBalancer: { ingress: want } } } as KubeObject);
    } catch (e) {
      if (isConflict(e) || isNotFound(e)) this.queue.addRateLimited(key);
      else throw e;
    }
  }
}
