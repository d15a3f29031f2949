// buildOpenApiDocument / openApiRoot: the served /openapi/v3 documents, compared with upstream's.
import { describe, expect, it } from 'vitest';
import {
  buildOpenApiDocument, componentsFor, contentHash, groupVersions, openApiRoot, schemaFor,
  type OpenApiResource,
} from '../../../src/engine/schema/index';
import { hasData, upstreamDoc } from './shared-data';

const ALL = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const sub = (name: string, kind: string, group: string, verbs = ['get', 'patch', 'update']) => ({ name, kind, group, version: 'v1', verbs });
const withStatus = (plural: string, kind: string, scale: boolean): OpenApiResource => ({
  plural,
  kind,
  namespaced: true,
  verbs: ALL,
  subresources: [...(scale ? [sub('scale', 'Scale', 'autoscaling')] : []), sub('status', kind, 'apps')],
});
const APPS: OpenApiResource[] = [
  { plural: 'controllerrevisions', kind: 'ControllerRevision', namespaced: true, verbs: ALL, subresources: [] },
  withStatus('daemonsets', 'DaemonSet', false),
  withStatus('deployments', 'Deployment', true),
  withStatus('replicasets', 'ReplicaSet', true),
  withStatus('statefulsets', 'StatefulSet', true),
];

/** Drops the query parameter that v1.32 added after upstream's document was made. */
function without132(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (k, v) =>
    Array.isArray(v) ? v.filter((p) => !(p && p.name === 'ignoreStoreReadErrorWithClusterBreakingPotential')) : v,
  );
}

describe('buildOpenApiDocument', () => {
  const doc = buildOpenApiDocument('apps/v1', APPS);

  it('has the v3 envelope and the group-version components', () => {
    expect(doc.openapi).toBe('3.0.0');
    expect(doc.info).toEqual({ title: 'Kubernetes', version: 'v1.32.4' });
    expect(doc.components.schemas).toBe(componentsFor('apps/v1'));
    expect(Object.keys(doc.components.schemas)).toContain('io.k8s.api.autoscaling.v1.Scale');
    expect(Object.keys(doc.paths)).toEqual([...Object.keys(doc.paths)].sort());
  });

  it('PATCH carries what kubectl needs for server-side validation and strategic merge patches', () => {
    const patch = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'].patch!;
    expect(patch.operationId).toBe('patchAppsV1NamespacedDeployment');
    expect(patch['x-kubernetes-group-version-kind']).toEqual({ group: 'apps', version: 'v1', kind: 'Deployment' });
    expect(patch.parameters!.map((p) => p.name)).toEqual(['dryRun', 'fieldManager', 'fieldValidation', 'force']);
    expect(Object.keys(patch.requestBody!.content)).toEqual([
      'application/apply-patch+yaml', 'application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json',
    ]);
    const scale = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale'].put!;
    expect(scale['x-kubernetes-group-version-kind']).toEqual({ group: 'autoscaling', version: 'v1', kind: 'Scale' });
  });

  it.runIf(hasData)('matches the upstream apps/v1 paths exactly (besides the 1.32 delete parameter)', () => {
    const up = upstreamDoc('apis/apps/v1').paths;
    expect(Object.keys(doc.paths).sort()).toEqual(Object.keys(up).sort());
    for (const [path, item] of Object.entries(doc.paths)) {
      expect(without132(item), path).toEqual(up[path]);
    }
  });

  it.runIf(hasData)('builds core paths like upstream: subresources, connect, log, cluster scope', () => {
    const cs = (name: string, kind: string, verbs: string[], group = '') => ({ name, kind, group, version: 'v1', verbs });
    const core = buildOpenApiDocument('v1', [
      { plural: 'namespaces', kind: 'Namespace', namespaced: false, verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], subresources: [cs('finalize', 'Namespace', ['update']), cs('status', 'Namespace', ['get', 'patch', 'update'])] },
      { plural: 'pods', kind: 'Pod', namespaced: true, verbs: ALL, subresources: [
        cs('eviction', 'Eviction', ['create'], 'policy'), cs('exec', 'PodExecOptions', ['create', 'get']),
        cs('log', 'Pod', ['get']), cs('proxy', 'PodProxyOptions', ['create', 'delete', 'get', 'patch', 'update']),
      ] },
      { plural: 'componentstatuses', kind: 'ComponentStatus', namespaced: false, verbs: ['get', 'list'], subresources: [] },
    ]);
    const up = upstreamDoc('api/v1').paths;
    const shape = (item: object) =>
      Object.fromEntries(Object.entries(item).filter(([m]) => m !== 'parameters').map(([m, op]) => [m, [op.operationId, op.description, op['x-kubernetes-action'], JSON.stringify(op['x-kubernetes-group-version-kind'])]]));
    for (const path of Object.keys(core.paths)) {
      expect(up[path], path).toBeDefined();
      expect(shape(core.paths[path]), path).toEqual(shape(up[path]));
    }
    expect(Object.keys(core.paths).length).toBe(20);
    // Pod DELETE answers with the Pod; Namespace DELETE with a Status.
    expect(core.paths['/api/v1/namespaces/{namespace}/pods/{name}'].delete!.responses['200'].content!['application/json'].schema).toEqual({ $ref: '#/components/schemas/io.k8s.api.core.v1.Pod' });
    expect(core.paths['/api/v1/namespaces/{name}'].delete!.responses['200'].content!['application/json'].schema).toEqual({ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Status' });
    expect(core.paths['/api/v1/namespaces/{namespace}/pods/{name}/log'].parameters!.map((p) => p.name)).toEqual([
      'container', 'follow', 'insecureSkipTLSVerifyBackend', 'limitBytes', 'name', 'namespace', 'pretty', 'previous', 'sinceSeconds', 'stream', 'tailLines', 'timestamps',
    ]);
  });

  it('names operations of dotted groups like upstream', () => {
    const rbac = buildOpenApiDocument('rbac.authorization.k8s.io/v1', [
      { plural: 'clusterroles', kind: 'ClusterRole', namespaced: false, verbs: ALL, subresources: [] },
    ]);
    const get = rbac.paths['/apis/rbac.authorization.k8s.io/v1/clusterroles/{name}'].get!;
    expect(get.operationId).toBe('readRbacAuthorizationV1ClusterRole');
    expect(get.tags).toEqual(['rbacAuthorization_v1']);
    expect(rbac.paths['/apis/rbac.authorization.k8s.io/v1/'].get!.operationId).toBe('getRbacAuthorizationV1APIResources');
  });
});

describe('registry and root', () => {
  it('lists every served group-version and resolves kinds', () => {
    expect(groupVersions()).toEqual([
      'v1', 'apps/v1', 'autoscaling/v1', 'autoscaling/v2', 'batch/v1', 'networking.k8s.io/v1', 'policy/v1',
      'rbac.authorization.k8s.io/v1', 'storage.k8s.io/v1', 'discovery.k8s.io/v1', 'coordination.k8s.io/v1',
      'scheduling.k8s.io/v1', 'events.k8s.io/v1', 'node.k8s.io/v1', 'authorization.k8s.io/v1', 'authentication.k8s.io/v1',
      'metrics.k8s.io/v1beta1',
    ]);
    for (const gv of groupVersions()) expect(Object.keys(componentsFor(gv)).length, gv).toBeGreaterThan(5);
    expect(schemaFor('batch', 'v1', 'CronJob')?.name).toBe('io.k8s.api.batch.v1.CronJob');
    expect(schemaFor('policy', 'v1', 'DeleteOptions')?.name).toBe('io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions');
    expect(schemaFor('metrics.k8s.io', 'v1beta1', 'NodeMetricsList')?.schema.required).toEqual(['items']);
  });

  it('every $ref in every document resolves inside that document', () => {
    for (const gv of groupVersions()) {
      const schemas = componentsFor(gv);
      const refs = JSON.stringify(schemas).match(/#\/components\/schemas\/[\w.]+/g) ?? [];
      for (const r of refs) expect(schemas[r.slice('#/components/schemas/'.length)], `${gv}: ${r}`).toBeDefined();
    }
  });

  it('indexes documents with stable upper-case hashes', () => {
    const root = openApiRoot(['v1', 'apps/v1']);
    expect(Object.keys(root.paths)).toEqual(['api/v1', 'apis/apps/v1']);
    expect(root.paths['apis/apps/v1'].serverRelativeURL).toMatch(/^\/openapi\/v3\/apis\/apps\/v1\?hash=[0-9A-F]{32}$/);
    expect(openApiRoot(['v1', 'apps/v1'])).toEqual(root);
    expect(root.paths['api/v1'].serverRelativeURL).not.toBe(root.paths['apis/apps/v1'].serverRelativeURL.replace('apis/apps', 'api'));
    const doc = buildOpenApiDocument('apps/v1', APPS);
    expect(openApiRoot({ 'apps/v1': doc }).paths['apis/apps/v1'].serverRelativeURL).toBe(`/openapi/v3/apis/apps/v1?hash=${contentHash(JSON.stringify(doc))}`);
    expect(contentHash('a')).not.toBe(contentHash('b'));
  });
});
