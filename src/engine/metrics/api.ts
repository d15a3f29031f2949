// The metrics.k8s.io/v1beta1 API as kube-apiserver proxies it from metrics-server: NodeMetrics and
// PodMetrics lists and single objects, label and field selectors, Tables (`kubectl get podmetrics`), and
// its wording for missing metrics (`podmetrics.metrics.k8s.io "default/web" not found`).
// mirrors: kubernetes-sigs/metrics-server pkg/api (pod.go, node.go, table.go)

import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { ApiRequest, ApiResponse, KubeObject } from '../api/types';
import type { ResourcePath } from '../api/request';
import type { ExternalGroup } from '../api/subresources/types';
import type { Store } from '../store/store';
import type { Clock } from '../clock/clock';
import { header, queryBool, queryParam } from '../api/request';
import { negotiate, partialObjectMetadata, type IncludeObject } from '../api/table';
import type { Selector } from '../api/selectors/labels';
import type { FieldSelector } from '../api/selectors/fields';
import { parseFieldSelectorParam, parseLabels } from '../api/rest/rest';
import * as errors from '../api/errors';
import { rfc3339 } from '../util/time';
import { goDurationMs } from '../nodes/backoff';
import { formatBytes, formatNanocores } from './usage';
import type { MetricsServer, NodeUsage, PodUsage } from './metrics-server';

export const METRICS_GROUP = 'metrics.k8s.io';
export const METRICS_VERSION = 'v1beta1';
const API_VERSION = `${METRICS_GROUP}/${METRICS_VERSION}`;

/** What discovery says about the group (metrics-server serves get and list only). */
export const METRICS_API_GROUP: ExternalGroup = {
  name: METRICS_GROUP,
  version: METRICS_VERSION,
  resources: [
    { name: 'nodes', singularName: '', namespaced: false, kind: 'NodeMetrics', verbs: ['get', 'list'] },
    { name: 'pods', singularName: '', namespaced: true, kind: 'PodMetrics', verbs: ['get', 'list'] },
  ],
};

type PodObj = Pod & KubeObject;
type NodeObj = Node & KubeObject;

function podMetricsObject(u: PodUsage, now: number, typed: boolean): KubeObject {
  const metadata: Record<string, unknown> = { name: u.name, namespace: u.namespace, creationTimestamp: rfc3339(now) };
  if (u.labels) metadata.labels = u.labels;
  const body: KubeObject = {
    metadata,
    timestamp: rfc3339(u.timestamp),
    window: goDurationMs(u.windowMs),
    containers: u.containers.map((c) => ({ name: c.name, usage: { cpu: formatNanocores(c.cpuNano), memory: formatBytes(c.memoryBytes) } })),
  };
  return typed ? { kind: 'PodMetrics', apiVersion: API_VERSION, ...body } : body;
}

function nodeMetricsObject(u: NodeUsage, now: number, typed: boolean): KubeObject {
  const metadata: Record<string, unknown> = { name: u.name, creationTimestamp: rfc3339(now) };
  if (u.labels) metadata.labels = u.labels;
  const body: KubeObject = {
    metadata,
    timestamp: rfc3339(u.timestamp),
    window: goDurationMs(u.windowMs),
    usage: { cpu: formatNanocores(u.cpuNano), memory: formatBytes(u.memoryBytes) },
  };
  return typed ? { kind: 'NodeMetrics', apiVersion: API_VERSION, ...body } : body;
}

const TABLE_COLUMNS = [
  { name: 'Name', type: 'string', format: 'name', description: 'Name of the resource', priority: 0 },
  { name: 'cpu', type: 'string', format: 'quantity', description: '', priority: 0 },
  { name: 'memory', type: 'string', format: 'quantity', description: '', priority: 0 },
  { name: 'Window', type: 'string', format: 'duration', description: '', priority: 0 },
];

/** metrics-server's table: name, the summed usage per resource, the window. */
function table(objects: KubeObject[], include: IncludeObject, pods: PodUsage[] | undefined, nodes: NodeUsage[] | undefined): unknown {
  const rows = objects.map((o, i) => {
    let cpu: number;
    let mem: number;
    if (pods) {
      cpu = pods[i].containers.reduce((s, c) => s + c.cpuNano, 0);
      mem = pods[i].containers.reduce((s, c) => s + c.memoryBytes, 0);
    } else {
      cpu = nodes![i].cpuNano;
      mem = nodes![i].memoryBytes;
    }
    const row: Record<string, unknown> = { cells: [o.metadata!.name, formatNanocores(cpu), formatBytes(mem), o.window] };
    if (include === 'Metadata') row.object = partialObjectMetadata(o);
    else if (include === 'Object') row.object = o;
    return row;
  });
  // With no rows metrics-server sends no column definitions (they come from the first item).
  return { kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: {}, columnDefinitions: objects.length ? TABLE_COLUMNS : null, rows };
}

function ok(body: unknown): ApiResponse {
  return { status: 200, headers: { 'content-type': 'application/json' }, body };
}

function fail(e: errors.StatusError): ApiResponse {
  return { status: e.code, headers: { 'content-type': 'application/json' }, body: e.status };
}

function labelSelector(req: ApiRequest): Selector | undefined {
  return parseLabels(queryParam(req, 'labelSelector'));
}

function fieldSelector(req: ApiRequest): FieldSelector | undefined {
  return parseFieldSelectorParam(queryParam(req, 'fieldSelector'));
}

function byName(a: KubeObject, b: KubeObject): number {
  const ka = `${a.metadata!.namespace ?? ''}/${a.metadata!.name}`;
  const kb = `${b.metadata!.namespace ?? ''}/${b.metadata!.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** The handler installed as the API server's `external` hook; undefined for other groups. */
export function metricsApiHandler(server: MetricsServer, store: Store, clock: Clock): (req: ApiRequest, rp: ResourcePath) => ApiResponse | undefined {
  return (req, rp) => {
    if (rp.group !== METRICS_GROUP) return undefined;
    try {
      return serve(req, rp);
    } catch (e) {
      if (e instanceof errors.StatusError) return fail(e);
      throw e;
    }
  };

  function serve(req: ApiRequest, rp: ResourcePath): ApiResponse {
    if (rp.version !== METRICS_VERSION || (rp.resource !== 'pods' && rp.resource !== 'nodes') || rp.subresource) return fail(errors.pathNotFound());
    if (rp.resource === 'nodes' && rp.namespace !== undefined) return fail(errors.pathNotFound());
    if (req.method !== 'GET' || queryBool(req, 'watch')) {
      const verb = req.method === 'GET' ? 'watch' : ({ POST: 'create', PUT: 'update', PATCH: 'patch', DELETE: 'delete' } as const)[req.method];
      return fail(errors.methodNotSupported(METRICS_GROUP, rp.resource, verb));
    }
    const now = clock.now();
    const shape = negotiate(header(req, 'accept'));
    const v = queryParam(req, 'includeObject');
    const include: IncludeObject = v === 'None' || v === 'Object' ? v : 'Metadata';
    const asTable = shape === 'Table';
    if (rp.resource === 'pods') {
      if (rp.name !== undefined) {
        const ns = rp.namespace ?? '';
        const pod = store.get('pods', ns, rp.name) as PodObj | undefined;
        if (!pod) return fail(errors.notFound('', 'pods', rp.name));
        const [u] = server.podMetrics([pod]);
        if (!u) return fail(errors.notFound(METRICS_GROUP, 'podmetrics', `${ns}/${rp.name}`));
        const obj = podMetricsObject(u, now, true);
        return ok(asTable ? table([obj], include, [u], undefined) : obj);
      }
      const sel = labelSelector(req);
      const fields = fieldSelector(req);
      let pods = (sel ? store.listBySelector('pods', rp.namespace, sel) : [...store.list('pods', rp.namespace)]) as PodObj[];
      if (fields) pods = pods.filter((p) => fields.matches((f) => (f === 'metadata.name' ? p.metadata!.name : p.metadata!.namespace)));
      pods.sort(byName);
      const usages = server.podMetrics(pods);
      const items = usages.map((u) => podMetricsObject(u, now, false));
      if (asTable) return ok(table(items, include, usages, undefined));
      return ok({ kind: 'PodMetricsList', apiVersion: API_VERSION, metadata: {}, items });
    }
    if (rp.name !== undefined) {
      const node = store.get('nodes', undefined, rp.name) as NodeObj | undefined;
      if (!node) return fail(errors.notFound('', 'node', rp.name));
      const [u] = server.nodeMetrics([node]);
      if (!u) return fail(errors.notFound(METRICS_GROUP, 'nodemetrics', rp.name));
      const obj = nodeMetricsObject(u, now, true);
      return ok(asTable ? table([obj], include, undefined, [u]) : obj);
    }
    const sel = labelSelector(req);
    const fields = fieldSelector(req);
    let nodes = (sel ? store.listBySelector('nodes', undefined, sel) : [...store.list('nodes')]) as NodeObj[];
    if (fields) nodes = nodes.filter((n) => fields.matches((f) => (f === 'metadata.name' ? n.metadata!.name : '')));
    nodes.sort(byName);
    const usages = server.nodeMetrics(nodes);
    const items = usages.map((u) => nodeMetricsObject(u, now, false));
    if (asTable) return ok(table(items, include, undefined, usages));
    return ok({ kind: 'NodeMetricsList', apiVersion: API_VERSION, metadata: {}, items });
  }
}
