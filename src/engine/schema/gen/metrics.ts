// Hand-written definitions for metrics.k8s.io/v1beta1 (served by metrics-server, no proto in the data):
// NodeMetrics, PodMetrics, ContainerMetrics and the two lists, shaped like openapi-gen would emit them
// for k8s.io/metrics pkg/apis/metrics/v1beta1 types. Descriptions are our own wording. Build-time only.

import type { Schema, SchemaMap } from '../types';
import { REF_PREFIX } from '../types';

export const METRICS_PKG = 'io.k8s.metrics.pkg.apis.metrics.v1beta1';
const META = REF_PREFIX + 'io.k8s.apimachinery.pkg.apis.meta.v1.';
const QUANTITY = REF_PREFIX + 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const GV = { group: 'metrics.k8s.io', version: 'v1beta1' };

function gvk(kind: string): Schema['x-kubernetes-group-version-kind'] {
  return [{ group: GV.group, kind, version: GV.version }];
}

/** `typeMeta` holds the apiVersion/kind property schemas every kind carries. */
export function metricsDefinitions(typeMeta: Record<string, Schema>): SchemaMap {
  const objectMeta: Schema = {
    description: "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
    default: {},
    allOf: [{ $ref: META + 'ObjectMeta' }],
  };
  const listMeta: Schema = {
    description: 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata',
    default: {},
    allOf: [{ $ref: META + 'ListMeta' }],
  };
  const timestamp: Schema = {
    description: 'The end of the interval the metrics were collected over: they describe [Timestamp-Window, Timestamp].',
    allOf: [{ $ref: META + 'Time' }],
  };
  const window: Schema = {
    description: 'The length of the interval the metrics were collected over.',
    allOf: [{ $ref: META + 'Duration' }],
  };
  const usage = (what: string): Schema => ({
    description: `Resource usage of the ${what}: cpu as cores used, memory as the working set.`,
    type: 'object',
    additionalProperties: { $ref: QUANTITY },
  });
  const list = (kind: string, item: string): Schema => ({
    description: `${kind} is a list of ${item} objects.`,
    type: 'object',
    required: ['items'],
    properties: {
      apiVersion: typeMeta.apiVersion,
      items: {
        description: `List of ${item} objects.`,
        type: 'array',
        items: { default: {}, allOf: [{ $ref: `${REF_PREFIX}${METRICS_PKG}.${item}` }] },
      },
      kind: typeMeta.kind,
      metadata: listMeta,
    },
    'x-kubernetes-group-version-kind': gvk(kind),
  });
  return {
    [`${METRICS_PKG}.ContainerMetrics`]: {
      description: 'ContainerMetrics is the resource usage of one container.',
      type: 'object',
      required: ['name', 'usage'],
      properties: {
        name: { description: 'Container name, as in the pod spec.', type: 'string', default: '' },
        usage: usage('container'),
      },
    },
    [`${METRICS_PKG}.NodeMetrics`]: {
      description: 'NodeMetrics is the resource usage of a node, as metrics-server last observed it.',
      type: 'object',
      required: ['timestamp', 'window', 'usage'],
      properties: { apiVersion: typeMeta.apiVersion, kind: typeMeta.kind, metadata: objectMeta, timestamp, usage: usage('node'), window },
      'x-kubernetes-group-version-kind': gvk('NodeMetrics'),
    },
    [`${METRICS_PKG}.NodeMetricsList`]: list('NodeMetricsList', 'NodeMetrics'),
    [`${METRICS_PKG}.PodMetrics`]: {
      description: 'PodMetrics is the resource usage of the containers of a pod, as metrics-server last observed it.',
      type: 'object',
      required: ['timestamp', 'window', 'containers'],
      properties: {
        apiVersion: typeMeta.apiVersion,
        containers: {
          description: 'Resource usage of each container of the pod.',
          type: 'array',
          items: { default: {}, allOf: [{ $ref: `${REF_PREFIX}${METRICS_PKG}.ContainerMetrics` }] },
        },
        kind: typeMeta.kind,
        metadata: objectMeta,
        timestamp,
        window,
      },
      'x-kubernetes-group-version-kind': gvk('PodMetrics'),
    },
    [`${METRICS_PKG}.PodMetricsList`]: list('PodMetricsList', 'PodMetrics'),
  };
}
