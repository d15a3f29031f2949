// patchMetaFor: merge keys, strategies and list types read from the served schemas.
import { describe, expect, it } from 'vitest';
import type { FieldPatchMeta, PatchMeta } from '../../../src/engine/api/patch/patch-meta';
import { emptyPatchMeta } from '../../../src/engine/api/patch/patch-meta';
import { patchMetaFor } from '../../../src/engine/schema/index';

/** Follows a dotted path of struct fields ('spec.template.spec') through `elem`. */
function at(meta: PatchMeta, path: string): FieldPatchMeta {
  const parts = path.split('.');
  let m: PatchMeta = meta;
  let f: FieldPatchMeta | undefined;
  for (const [i, p] of parts.entries()) {
    f = m.field(p);
    if (!f) throw new Error(`no field ${parts.slice(0, i + 1).join('.')}`);
    if (i < parts.length - 1) m = f.elem!;
  }
  return f!;
}

const podSpec = 'spec.template.spec';

describe('patchMetaFor', () => {
  const deployment = patchMetaFor('apps', 'v1', 'Deployment');

  it.each([
    // [kind meta, path, strategies, mergeKey, listType, shape]
    ['containers', `${podSpec}.containers`, ['merge'], 'name', 'map', 'array'],
    ['init containers', `${podSpec}.initContainers`, ['merge'], 'name', 'map', 'array'],
    ['container ports', `${podSpec}.containers.ports`, ['merge'], 'containerPort', 'map', 'array'],
    ['container env', `${podSpec}.containers.env`, ['merge'], 'name', 'map', 'array'],
    ['volume mounts', `${podSpec}.containers.volumeMounts`, ['merge'], 'mountPath', 'map', 'array'],
    ['tolerations', `${podSpec}.tolerations`, [], undefined, 'atomic', 'array'],
    ['volumes', `${podSpec}.volumes`, ['merge', 'retainKeys'], 'name', 'map', 'array'],
    ['image pull secrets', `${podSpec}.imagePullSecrets`, ['merge'], 'name', 'map', 'array'],
    ['container args', `${podSpec}.containers.args`, [], undefined, 'atomic', 'array'],
    ['strategy', 'spec.strategy', ['retainKeys'], undefined, undefined, 'object'],
    ['owner references', 'metadata.ownerReferences', ['merge'], 'uid', 'map', 'array'],
    ['finalizers', 'metadata.finalizers', ['merge'], undefined, 'set', 'array'],
    ['conditions', 'status.conditions', ['merge'], 'type', 'map', 'array'],
  ])('%s', (_name, path, strategies, mergeKey, listType, shape) => {
    const f = at(deployment, path);
    expect(f.strategies).toEqual(strategies);
    expect(f.mergeKey).toBe(mergeKey);
    expect(f.listType).toBe(listType);
    expect(f.shape).toBe(shape);
  });

  it('Service ports merge on port and list-map on port+protocol', () => {
    const f = at(patchMetaFor('', 'v1', 'Service'), 'spec.ports');
    expect(f).toMatchObject({ strategies: ['merge'], mergeKey: 'port', listType: 'map', listMapKeys: ['port', 'protocol'] });
    expect(f.elem!.field('targetPort')!.shape).toBe('primitive');
  });

  it('describes maps, atomic structs and scalar-like types', () => {
    const labels = at(deployment, 'metadata.labels');
    expect(labels.shape).toBe('map');
    expect(labels.elem).toBeUndefined();
    expect(at(deployment, `${podSpec}.nodeSelector`).mapType).toBe('atomic');
    expect(at(deployment, `${podSpec}.containers.resources.limits`).shape).toBe('map');
    expect(at(deployment, `${podSpec}.containers.resources.limits`).elem).toBeUndefined();
    // LocalObjectReference is +structType=atomic: the field inherits the map type.
    expect(at(deployment, `${podSpec}.containers.env.valueFrom.configMapKeyRef`).mapType).toBe('atomic');
    expect(at(deployment, 'metadata.creationTimestamp').shape).toBe('primitive');
    expect(at(deployment, 'spec.strategy.rollingUpdate.maxSurge').shape).toBe('primitive');
    expect(at(deployment, 'spec.replicas').shape).toBe('primitive');
    expect(deployment.field('nope')).toBeUndefined();
  });

  it('covers proto-generated groups and metrics; unknown kinds get the empty meta', () => {
    expect(at(patchMetaFor('batch', 'v1', 'CronJob'), 'spec.jobTemplate.spec.template.spec.containers').mergeKey).toBe('name');
    expect(at(patchMetaFor('networking.k8s.io', 'v1', 'Ingress'), 'spec.rules').listType).toBe('atomic');
    expect(at(patchMetaFor('rbac.authorization.k8s.io', 'v1', 'Role'), 'rules').shape).toBe('array');
    expect(at(patchMetaFor('metrics.k8s.io', 'v1beta1', 'PodMetrics'), 'containers').shape).toBe('array');
    expect(patchMetaFor('example.com', 'v1', 'Widget')).toBe(emptyPatchMeta);
  });
});
