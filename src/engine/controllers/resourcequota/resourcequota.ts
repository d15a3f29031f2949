// The resource quota controller: status.hard from spec, status.used recomputed from the namespace's objects.
// mirrors: pkg/controller/resourcequota/resource_quota_controller.go

import type { ResourceQuota } from 'kubernetes-types/core/v1';
import type { KubeObject, Writable } from '../../api/types';
import { Controller, nsName, splitKey, type ControllerContext } from '../context';
import type { Client } from '../client';
import { usageOf, addUsage, type Usage } from '../../admission/quota-usage';
import { deepEqual } from '../../store/freeze';
import { isConflict, isNotFound } from '../client';

type RQObj = Writable<ResourceQuota> & KubeObject;
const TRACKED = ['pods', 'services', 'configmaps', 'secrets', 'persistentvolumeclaims', 'replicationcontrollers', 'resourcequotas', 'deployments.apps', 'replicasets.apps', 'statefulsets.apps', 'daemonsets.apps', 'jobs.batch', 'cronjobs.batch'];

export class ResourceQuotaController extends Controller {
  readonly name = 'resourcequota';
  private readonly client: Client;

  constructor(ctx: ControllerContext) {
    super(ctx);
    this.client = ctx.client('system:serviceaccount:kube-system:resourcequota-controller', 'kube-controller-manager');
  }

  start(): void {
    this.watch('resourcequotas', (e) => this.queue.add(nsName(e.object)));
    for (const r of TRACKED) {
      this.watch(r, (e) => {
        const ns = e.object.metadata!.namespace!;
        for (const q of this.client.list('resourcequotas', ns)) this.queue.add(nsName(q));
      });
    }
  }

  *resyncKeys(): Iterable<string> {
    for (const q of this.client.list('resourcequotas')) yield nsName(q);
  }

  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const q = this.client.get<RQObj>('resourcequotas', ns, name);
    if (!q) return;
    const hard = q.spec?.hard ?? {};
    const total: Usage = new Map();
    for (const r of TRACKED) {
      for (const o of this.client.list(r, ns)) {
        if (r === 'pods' && o.metadata!.deletionTimestamp) continue;
        for (const [k, v] of usageOf(r, o)) if (k in hard) addUsage(total, k, v);
      }
    }
    const used: Record<string, string> = {};
    for (const k of Object.keys(hard)) used[k] = total.get(k)?.toString() ?? '0';
    const status = { hard: { ...hard }, used };
    if (deepEqual(q.status, status)) return;
    try {
      this.client.updateStatus('resourcequotas', { ...q, status } as KubeObject);
    } catch (e) {
      if (!isConflict(e) && !isNotFound(e)) throw e;
      this.queue.addRateLimited(key);
    }
  }
}
