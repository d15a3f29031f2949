// Table columns and cells for horizontal pod autoscalers: REFERENCE `Kind/name`, TARGETS such as
// `cpu: 45%/70%` or `<unknown>/100m (avg)` (two shown, then ` + N more...`), MINPODS MAXPODS REPLICAS.
// mirrors: pkg/printers/internalversion/printers.go (printHorizontalPodAutoscaler, formatHPAMetrics)

import type {
  HorizontalPodAutoscaler,
  MetricSpec,
  MetricStatus,
} from 'kubernetes-types/autoscaling/v2';
import type { HorizontalPodAutoscaler as HorizontalPodAutoscalerV1 } from 'kubernetes-types/autoscaling/v1';
import type { TablePrinter } from './types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { DOC } from './descriptions';
import { age } from './format';
import { quantityOrNil } from './quantity';

const MAX_SHOWN = 2;
const UNKNOWN = '<unknown>';

function resourceTarget(
  name: string,
  target: { averageValue?: string; averageUtilization?: number } | undefined,
  current: { averageValue?: string; averageUtilization?: number } | undefined,
  hasStatus: boolean,
): string {
  if (target?.averageValue !== undefined && target.averageValue !== null) {
    const cur = hasStatus ? quantityOrNil(current?.averageValue) : UNKNOWN;
    return `${name}: ${cur}/${quantityOrNil(target.averageValue)}`;
  }
  const cur = hasStatus && current?.averageUtilization != null ? `${current.averageUtilization}%` : UNKNOWN;
  const tgt = target?.averageUtilization != null ? `${target.averageUtilization}%` : '<auto>';
  return `${name}: ${cur}/${tgt}`;
}

/** One TARGETS entry; statuses are matched to specs by position, as upstream does. */
function formatMetric(spec: MetricSpec, status: MetricStatus | undefined): string {
  switch (spec.type) {
    case 'External': {
      const target = spec.external?.target;
      const current = status?.external?.current;
      if (target?.averageValue != null) {
        const cur = current?.averageValue != null ? quantityOrNil(current.averageValue) : UNKNOWN;
        return `${cur}/${quantityOrNil(target.averageValue)} (avg)`;
      }
      const cur = status?.external ? quantityOrNil(current?.value) : UNKNOWN;
      return `${cur}/${quantityOrNil(target?.value)}`;
    }
    case 'Pods': {
      const cur = status?.pods ? quantityOrNil(status.pods.current?.averageValue) : UNKNOWN;
      return `${cur}/${quantityOrNil(spec.pods?.target?.averageValue)}`;
    }
    case 'Object': {
      const target = spec.object?.target;
      const current = status?.object?.current;
      if (target?.averageValue != null) {
        const cur = current?.averageValue != null ? quantityOrNil(current.averageValue) : UNKNOWN;
        return `${cur}/${quantityOrNil(target.averageValue)} (avg)`;
      }
      const cur = status?.object ? quantityOrNil(current?.value) : UNKNOWN;
      return `${cur}/${quantityOrNil(target?.value)}`;
    }
    case 'Resource':
      return resourceTarget(
        spec.resource?.name ?? '',
        spec.resource?.target,
        status?.resource?.current,
        status?.resource !== undefined && status.resource !== null,
      );
    case 'ContainerResource':
      return resourceTarget(
        spec.containerResource?.name ?? '',
        spec.containerResource?.target,
        status?.containerResource?.current,
        status?.containerResource !== undefined && status.containerResource !== null,
      );
    default:
      return '<unknown type>';
  }
}

export function formatHPAMetrics(specs: MetricSpec[] | undefined, statuses: MetricStatus[] | undefined): string {
  if (!specs || specs.length === 0) return '<none>';
  const list = specs.slice(0, MAX_SHOWN).map((spec, i) => formatMetric(spec, statuses?.[i]));
  const ret = list.join(', ');
  return specs.length > MAX_SHOWN ? `${ret} + ${specs.length - MAX_SHOWN} more...` : ret;
}

/** autoscaling/v1 objects hold one CPU target; the internal type sees it as a Resource metric. */
export function hpaV1ToV2(hpa: HorizontalPodAutoscalerV1): HorizontalPodAutoscaler {
  const spec = hpa.spec;
  const target = spec?.targetCPUUtilizationPercentage;
  const current = hpa.status?.currentCPUUtilizationPercentage;
  return {
    metadata: hpa.metadata,
    spec: {
      scaleTargetRef: spec?.scaleTargetRef ?? { kind: '', name: '' },
      minReplicas: spec?.minReplicas,
      maxReplicas: spec?.maxReplicas ?? 0,
      metrics:
        target === undefined || target === null
          ? undefined
          : [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: target } } }],
    },
    status: {
      currentReplicas: hpa.status?.currentReplicas,
      desiredReplicas: hpa.status?.desiredReplicas ?? 0,
      currentMetrics:
        current === undefined || current === null
          ? undefined
          : [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: current } } }],
    },
  };
}

function isV1(hpa: HorizontalPodAutoscaler | HorizontalPodAutoscalerV1): hpa is HorizontalPodAutoscalerV1 {
  if (hpa.apiVersion) return hpa.apiVersion === 'autoscaling/v1';
  const spec = hpa.spec as Record<string, unknown> | undefined;
  return spec !== undefined && 'targetCPUUtilizationPercentage' in spec;
}

export function hpaCells(obj: HorizontalPodAutoscaler | HorizontalPodAutoscalerV1, now: number): unknown[] {
  const hpa = isV1(obj) ? hpaV1ToV2(obj) : obj;
  const ref = hpa.spec?.scaleTargetRef;
  const min = hpa.spec?.minReplicas;
  return [
    hpa.metadata?.name ?? '',
    `${ref?.kind ?? ''}/${ref?.name ?? ''}`,
    formatHPAMetrics(hpa.spec?.metrics, hpa.status?.currentMetrics),
    min === undefined || min === null ? '<unset>' : String(min),
    hpa.spec?.maxReplicas ?? 0,
    hpa.status?.currentReplicas ?? 0,
    age(hpa.metadata, now),
  ];
}

export const horizontalPodAutoscalerPrinter: TablePrinter<HorizontalPodAutoscaler | HorizontalPodAutoscalerV1> = {
  columns: [
    NAME_COLUMN,
    column('Reference', 'string', DOC['autoscaling/v2beta1 HorizontalPodAutoscalerSpec.scaleTargetRef']),
    column('Targets', 'string', DOC['autoscaling/v2beta1 HorizontalPodAutoscalerSpec.metrics']),
    column('MinPods', 'string', DOC['autoscaling/v2beta1 HorizontalPodAutoscalerSpec.minReplicas']),
    column('MaxPods', 'string', DOC['autoscaling/v2beta1 HorizontalPodAutoscalerSpec.maxReplicas']),
    column('Replicas', 'string', DOC['autoscaling/v2beta1 HorizontalPodAutoscalerStatus.currentReplicas']),
    AGE_COLUMN,
  ],
  rows: (hpa, now) => [hpaCells(hpa, now)],
};
