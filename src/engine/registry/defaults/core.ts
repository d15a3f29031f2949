// Defaulting of the core/v1 kinds other than Pod and Service.
// mirrors: pkg/apis/core/v1/defaults.go + zz_generated.defaults.go (1.32); Namespace finalizers from
//          pkg/registry/core/namespace/strategy.go PrepareForCreate

import type {
  ConfigMap,
  Endpoints,
  Event,
  LimitRange,
  Namespace,
  Node,
  PersistentVolume,
  PersistentVolumeClaim,
  ReplicationController,
  ResourceQuota,
  Secret,
  ServiceAccount,
} from 'kubernetes-types/core/v1';
import { defaultPodTemplateSpec } from './pod';
import { canonicalQuantityMap, defaultResourceList } from './quantities';
import { defaultStatus } from './status';

export function defaultNamespace(ns: Namespace): void {
  const name = ns.metadata?.name;
  if (name) {
    const meta = ns.metadata ?? (ns.metadata = {});
    meta.labels = { ...(meta.labels ?? {}), 'kubernetes.io/metadata.name': name };
  }
  const spec = ns.spec ?? (ns.spec = {});
  if (!spec.finalizers) spec.finalizers = ['kubernetes'];
  const status = ns.status ?? (ns.status = {});
  if (!status.phase) status.phase = 'Active';
}

export function defaultNode(node: Node): void {
  if (!node.spec) node.spec = {};
  const status = node.status;
  if (!status) return;
  if (status.capacity) status.capacity = defaultResourceList(status.capacity);
  if (status.allocatable) status.allocatable = defaultResourceList(status.allocatable);
  else if (status.capacity) status.allocatable = { ...status.capacity };
}

export function defaultConfigMap(_cm: ConfigMap): void {
  // SetDefaults_ConfigMap only turns a nil data map into an empty one, which serialises to nothing.
}

export function defaultSecret(secret: Secret): void {
  if (!secret.type) secret.type = 'Opaque';
}

export function defaultEvent(_event: Event): void {
  // core/v1 Event has no scheme defaults.
}

export function defaultServiceAccount(_sa: ServiceAccount): void {
  // ServiceAccount has no scheme defaults.
}

export function defaultPersistentVolume(pv: PersistentVolume): void {
  const spec = pv.spec ?? (pv.spec = {});
  if (!spec.persistentVolumeReclaimPolicy) spec.persistentVolumeReclaimPolicy = 'Retain';
  if (!spec.volumeMode) spec.volumeMode = 'Filesystem';
  if (spec.capacity) spec.capacity = defaultResourceList(spec.capacity);
  const status = pv.status ?? ((pv as { status?: PersistentVolume['status'] }).status = {});
  if (!status.phase) status.phase = 'Pending';
}

export function defaultPersistentVolumeClaim(pvc: PersistentVolumeClaim): void {
  const spec = pvc.spec ?? (pvc.spec = {});
  if (!spec.volumeMode) spec.volumeMode = 'Filesystem';
  const res = spec.resources ?? (spec.resources = {});
  if (res.requests) res.requests = defaultResourceList(res.requests);
  if (res.limits) res.limits = defaultResourceList(res.limits);
  const status = pvc.status ?? ((pvc as { status?: PersistentVolumeClaim['status'] }).status = {});
  if (!status.phase) status.phase = 'Pending';
  if (status.capacity) status.capacity = defaultResourceList(status.capacity);
}

export function defaultEndpoints(ep: Endpoints): void {
  for (const ss of ep.subsets ?? []) for (const p of ss.ports ?? []) if (!p.protocol) p.protocol = 'TCP';
}

export function defaultResourceQuota(rq: ResourceQuota): void {
  const spec = rq.spec ?? (rq.spec = {});
  if (spec.hard) spec.hard = defaultResourceList(spec.hard);
  if (rq.status?.hard) rq.status.hard = defaultResourceList(rq.status.hard);
  if (rq.status?.used) rq.status.used = defaultResourceList(rq.status.used);
  defaultStatus(rq, 'ResourceQuota');
}

/** SetDefaults_LimitRangeItem: for Container limits, default ← max, defaultRequest ← default, then min. */
export function defaultLimitRange(lr: LimitRange): void {
  for (const item of lr.spec?.limits ?? []) {
    for (const k of ['max', 'min', 'default', 'defaultRequest'] as const) {
      const list = item[k];
      if (list) item[k] = defaultResourceList(list);
    }
    if (item.maxLimitRequestRatio) item.maxLimitRequestRatio = canonicalQuantityMap(item.maxLimitRequestRatio);
    if (item.type !== 'Container') continue;
    const def = item.default ?? {};
    const defReq = item.defaultRequest ?? {};
    for (const [k, v] of Object.entries(item.max ?? {})) if (!(k in def)) def[k] = v;
    for (const [k, v] of Object.entries(def)) if (!(k in defReq)) defReq[k] = v;
    for (const [k, v] of Object.entries(item.min ?? {})) if (!(k in defReq)) defReq[k] = v;
    // Empty maps are omitted from JSON, as Go's omitempty does.
    if (Object.keys(def).length > 0) item.default = def;
    if (Object.keys(defReq).length > 0) item.defaultRequest = defReq;
  }
}

export function defaultReplicationController(rc: ReplicationController): void {
  const spec = rc.spec ?? (rc.spec = {});
  const labels = spec.template?.metadata?.labels;
  if (labels) {
    if (!spec.selector || Object.keys(spec.selector).length === 0) spec.selector = { ...labels };
    const meta = rc.metadata ?? (rc.metadata = {});
    if (!meta.labels || Object.keys(meta.labels).length === 0) meta.labels = { ...labels };
  }
  if (spec.replicas === undefined) spec.replicas = 1;
  defaultPodTemplateSpec(spec.template);
  defaultStatus(rc, 'ReplicationController');
}
