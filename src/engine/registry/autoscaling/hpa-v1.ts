// autoscaling/v1 HorizontalPodAutoscalers, served from the autoscaling/v2 objects: CPU utilization maps to
// targetCPUUtilizationPercentage, everything v1 cannot say rides in the round-trip annotations.
// mirrors: pkg/apis/autoscaling/v1/conversion.go, pkg/apis/autoscaling/annotations.go

import type { KubeObject } from '../../api/types';
import type { ResourceDef } from '../types';

const METRICS = 'autoscaling.alpha.kubernetes.io/metrics';
const CURRENT_METRICS = 'autoscaling.alpha.kubernetes.io/current-metrics';
const CONDITIONS = 'autoscaling.alpha.kubernetes.io/conditions';
const BEHAVIOR = 'autoscaling.alpha.kubernetes.io/behavior';
const ROUND_TRIP = [METRICS, CURRENT_METRICS, CONDITIONS, BEHAVIOR];
/** autoscaling/v1 formerly applied this in the controller; conversion makes it explicit. */
const DEFAULT_CPU_UTILIZATION = 80;

type Obj = Record<string, any>;

function isCpuUtilization(m: Obj): boolean {
  return m.type === 'Resource' && m.resource?.name === 'cpu' && m.resource?.target?.averageUtilization !== undefined;
}

function withoutRoundTrip(annotations: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!annotations || !ROUND_TRIP.some((k) => k in annotations)) return annotations;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(annotations)) if (!ROUND_TRIP.includes(k)) out[k] = v;
  return out;
}

function compact<T extends Obj>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

// ---- v2 → v1 shapes (v1 metric types are the old v2beta1 ones) ----

function metricSpecToV1(m: Obj): Obj {
  switch (m.type) {
    case 'Resource':
      return { type: m.type, resource: compact({ name: m.resource.name, targetAverageUtilization: m.resource.target?.averageUtilization, targetAverageValue: m.resource.target?.averageValue }) };
    case 'ContainerResource':
      return { type: m.type, containerResource: compact({ name: m.containerResource.name, container: m.containerResource.container, targetAverageUtilization: m.containerResource.target?.averageUtilization, targetAverageValue: m.containerResource.target?.averageValue }) };
    case 'Pods':
      return { type: m.type, pods: compact({ metricName: m.pods.metric?.name, targetAverageValue: m.pods.target?.averageValue, selector: m.pods.metric?.selector }) };
    case 'Object':
      return { type: m.type, object: compact({ target: m.object.describedObject, metricName: m.object.metric?.name, targetValue: m.object.target?.value, selector: m.object.metric?.selector, averageValue: m.object.target?.averageValue }) };
    case 'External':
      return { type: m.type, external: compact({ metricName: m.external.metric?.name, metricSelector: m.external.metric?.selector, targetValue: m.external.target?.value, targetAverageValue: m.external.target?.averageValue }) };
  }
  return m;
}

function metricStatusToV1(m: Obj): Obj {
  switch (m.type) {
    case 'Resource':
      return { type: m.type, resource: compact({ name: m.resource.name, currentAverageUtilization: m.resource.current?.averageUtilization, currentAverageValue: m.resource.current?.averageValue ?? '0' }) };
    case 'ContainerResource':
      return { type: m.type, containerResource: compact({ name: m.containerResource.name, container: m.containerResource.container, currentAverageUtilization: m.containerResource.current?.averageUtilization, currentAverageValue: m.containerResource.current?.averageValue ?? '0' }) };
    case 'Pods':
      return { type: m.type, pods: compact({ metricName: m.pods.metric?.name, currentAverageValue: m.pods.current?.averageValue ?? '0', selector: m.pods.metric?.selector }) };
    case 'Object':
      return { type: m.type, object: compact({ target: m.object.describedObject, metricName: m.object.metric?.name, currentValue: m.object.current?.value ?? '0', selector: m.object.metric?.selector, averageValue: m.object.current?.averageValue }) };
    case 'External':
      return { type: m.type, external: compact({ metricName: m.external.metric?.name, metricSelector: m.external.metric?.selector, currentValue: m.external.current?.value ?? '0', currentAverageValue: m.external.current?.averageValue }) };
  }
  return m;
}

// ---- v1 → v2 ----

function metricSpecFromV1(m: Obj): Obj {
  switch (m.type) {
    case 'Resource':
      return { type: m.type, resource: { name: m.resource.name, target: targetOf(m.resource.targetAverageUtilization, m.resource.targetAverageValue) } };
    case 'ContainerResource':
      return { type: m.type, containerResource: { name: m.containerResource.name, container: m.containerResource.container, target: targetOf(m.containerResource.targetAverageUtilization, m.containerResource.targetAverageValue) } };
    case 'Pods':
      return { type: m.type, pods: { metric: compact({ name: m.pods.metricName, selector: m.pods.selector }), target: { type: 'AverageValue', averageValue: m.pods.targetAverageValue } } };
    case 'Object':
      return {
        type: m.type,
        object: { describedObject: m.object.target, metric: compact({ name: m.object.metricName, selector: m.object.selector }), target: compact({ type: m.object.averageValue ? 'AverageValue' : 'Value', value: m.object.targetValue, averageValue: m.object.averageValue }) },
      };
    case 'External':
      return {
        type: m.type,
        external: { metric: compact({ name: m.external.metricName, selector: m.external.metricSelector }), target: compact({ type: m.external.targetAverageValue ? 'AverageValue' : 'Value', value: m.external.targetValue, averageValue: m.external.targetAverageValue }) },
      };
  }
  return m;
}

function targetOf(utilization: number | undefined, value: string | undefined): Obj {
  return utilization !== undefined ? { type: 'Utilization', averageUtilization: utilization } : { type: 'AverageValue', averageValue: value };
}

function metricStatusFromV1(m: Obj): Obj {
  switch (m.type) {
    case 'Resource':
      return { type: m.type, resource: { name: m.resource.name, current: compact({ averageUtilization: m.resource.currentAverageUtilization, averageValue: m.resource.currentAverageValue }) } };
    case 'ContainerResource':
      return { type: m.type, containerResource: { name: m.containerResource.name, container: m.containerResource.container, current: compact({ averageUtilization: m.containerResource.currentAverageUtilization, averageValue: m.containerResource.currentAverageValue }) } };
    case 'Pods':
      return { type: m.type, pods: { metric: compact({ name: m.pods.metricName, selector: m.pods.selector }), current: { averageValue: m.pods.currentAverageValue } } };
    case 'Object':
      return { type: m.type, object: { describedObject: m.object.target, metric: compact({ name: m.object.metricName, selector: m.object.selector }), current: compact({ value: m.object.currentValue, averageValue: m.object.averageValue }) } };
    case 'External':
      return { type: m.type, external: { metric: compact({ name: m.external.metricName, selector: m.external.metricSelector }), current: compact({ value: m.external.currentValue, averageValue: m.external.currentAverageValue }) } };
  }
  return m;
}

function parseJson<T>(text: string | undefined): T | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

/** An autoscaling/v2 object as autoscaling/v1 shows it. */
export function hpaToV1(o: KubeObject): KubeObject {
  const spec = (o.spec ?? {}) as Obj;
  const status = o.status as Obj | undefined;
  const annotations: Record<string, string> = { ...(withoutRoundTrip(o.metadata?.annotations) ?? {}) };
  const metrics: Obj[] = spec.metrics ?? [];
  const cpu = metrics.find(isCpuUtilization);
  const others = metrics.filter((m) => !isCpuUtilization(m)).map(metricSpecToV1);
  if (others.length) annotations[METRICS] = JSON.stringify(others);
  const current: Obj[] = status?.currentMetrics ?? [];
  if (current.length) annotations[CURRENT_METRICS] = JSON.stringify(current.map(metricStatusToV1));
  if (spec.behavior) annotations[BEHAVIOR] = JSON.stringify(spec.behavior);
  if (status?.conditions?.length) annotations[CONDITIONS] = JSON.stringify(status.conditions);
  const metadata = { ...o.metadata, annotations };
  if (Object.keys(annotations).length === 0) delete (metadata as Obj).annotations;
  const out: KubeObject = {
    kind: 'HorizontalPodAutoscaler',
    apiVersion: 'autoscaling/v1',
    metadata,
    spec: compact({ scaleTargetRef: spec.scaleTargetRef, minReplicas: spec.minReplicas, maxReplicas: spec.maxReplicas, targetCPUUtilizationPercentage: cpu?.resource.target.averageUtilization }),
  };
  if (status) {
    const cur = current.find((m) => m.type === 'Resource' && m.resource?.name === 'cpu' && m.resource?.current?.averageUtilization !== undefined);
    out.status = compact({
      observedGeneration: status.observedGeneration,
      lastScaleTime: status.lastScaleTime,
      currentReplicas: status.currentReplicas ?? 0,
      desiredReplicas: status.desiredReplicas ?? 0,
      currentCPUUtilizationPercentage: cur?.resource.current.averageUtilization,
    });
  }
  return out;
}

/** An autoscaling/v1 object as autoscaling/v2 stores it. */
export function hpaFromV1(o: KubeObject): KubeObject {
  const spec = (o.spec ?? {}) as Obj;
  const status = o.status as Obj | undefined;
  const given = o.metadata?.annotations;
  let metrics: Obj[] = [];
  if (spec.targetCPUUtilizationPercentage !== undefined && spec.targetCPUUtilizationPercentage !== null) {
    metrics.push({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: spec.targetCPUUtilizationPercentage } } });
  }
  const others = parseJson<Obj[]>(given?.[METRICS]);
  if (others) metrics = [...others.map(metricSpecFromV1), ...metrics];
  if (metrics.length === 0) metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION } } }];
  const outSpec: Obj = compact({ scaleTargetRef: spec.scaleTargetRef, minReplicas: spec.minReplicas, maxReplicas: spec.maxReplicas, metrics, behavior: parseJson(given?.[BEHAVIOR]) });
  const annotations = withoutRoundTrip(given);
  const metadata = { ...o.metadata };
  if (annotations && Object.keys(annotations).length) metadata.annotations = annotations;
  else delete metadata.annotations;
  const out: KubeObject = { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata, spec: outSpec };
  if (status) {
    let currentMetrics: Obj[] | undefined;
    if (status.currentCPUUtilizationPercentage !== undefined) currentMetrics = [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: status.currentCPUUtilizationPercentage } } }];
    const cur = parseJson<Obj[]>(given?.[CURRENT_METRICS]);
    if (cur) currentMetrics = cur.map(metricStatusFromV1);
    out.status = compact({
      observedGeneration: status.observedGeneration,
      lastScaleTime: status.lastScaleTime,
      currentReplicas: status.currentReplicas,
      desiredReplicas: status.desiredReplicas,
      currentMetrics,
      conditions: parseJson<Obj[]>(given?.[CONDITIONS]),
    });
  }
  return out;
}

export function horizontalPodAutoscalersV1(storage: ResourceDef): ResourceDef {
  const printer = storage.table;
  return {
    ...storage,
    version: 'v1',
    defaults: undefined,
    validate: undefined,
    prepareForCreate: undefined,
    prepareForUpdate: undefined,
    validateStatus: undefined,
    conversion: { storage, toStorage: hpaFromV1, fromStorage: hpaToV1 },
    table: printer && { ...printer, rows: (obj: KubeObject, now: number) => printer.rows(hpaFromV1(obj), now) },
  };
}
