// The scale subresource (autoscaling/v1 Scale) of Deployments, ReplicaSets and StatefulSets.

import type { ResourceDef, ScaleSubresource } from '../../registry/types';
import type { ApiRequest, KubeObject } from '../types';
import type { Rest } from '../rest/rest';
import type { RequestOptions } from '../rest/context';
import { formatSelectorForScale } from './scale-selector';
import { deepClone } from '../../store/freeze';
import * as errors from '../errors';

function at(obj: unknown, path: string[]): unknown {
  let cur = obj;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

export function scaleOf(def: ResourceDef, scale: ScaleSubresource, obj: KubeObject): KubeObject {
  const m = obj.metadata!;
  const status: Record<string, unknown> = { replicas: (at(obj, scale.statusReplicasPath) as number | undefined) ?? 0 };
  if (scale.labelSelectorPath) {
    const sel = formatSelectorForScale(at(obj, scale.labelSelectorPath));
    if (sel) status.selector = sel;
  }
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp },
    spec: { replicas: (at(obj, scale.specReplicasPath) as number | undefined) ?? 0 },
    status,
  };
}

export function applyScale(
  rest: Rest,
  def: ResourceDef,
  scale: ScaleSubresource,
  ns: string | undefined,
  name: string,
  _req: ApiRequest,
  opts: RequestOptions,
  change: (current: KubeObject) => KubeObject,
): KubeObject {
  const cur = rest.get(def, ns, name);
  const next = change(scaleOf(def, scale, cur));
  const replicas = (next.spec as { replicas?: unknown } | undefined)?.replicas;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas)) {
    throw errors.badRequest('Scale in version "v1" cannot be handled as a Scale: spec.replicas must be an integer');
  }
  const rv = next.metadata?.resourceVersion;
  if (rv && rv !== cur.metadata!.resourceVersion) {
    throw errors.conflict(def.group, def.plural, name, errors.optimisticLockMessage);
  }
  if (replicas < 0) {
    throw new errors.StatusError(
      errors.statusBody(422, 'Invalid', `Scale.autoscaling "${name}" is invalid: spec.replicas: Invalid value: ${replicas}: must be greater than or equal to 0`, {
        name,
        group: 'autoscaling',
        kind: 'Scale',
        causes: [{ reason: 'FieldValueInvalid', message: `Invalid value: ${replicas}: must be greater than or equal to 0`, field: 'spec.replicas' }],
      }),
    );
  }
  const obj = deepClone(cur);
  let target = obj as Record<string, unknown>;
  for (const p of scale.specReplicasPath.slice(0, -1)) target = (target[p] ??= {}) as Record<string, unknown>;
  target[scale.specReplicasPath[scale.specReplicasPath.length - 1]] = replicas;
  const updated = rest.update(def, ns, name, obj, { ...opts, subresource: 'scale' });
  return scaleOf(def, scale, updated);
}
