import { describe, expect, it } from 'vitest';
import type { HorizontalPodAutoscaler, MetricSpec, MetricStatus } from 'kubernetes-types/autoscaling/v2';
import type { HorizontalPodAutoscaler as HPAv1 } from 'kubernetes-types/autoscaling/v1';
import { horizontalPodAutoscalerPrinter } from '../../../src/engine/printers/horizontalpodautoscaler';
import { NOW } from './fixtures';

function hpa(metrics: MetricSpec[] | undefined, current: MetricStatus[] | undefined, minReplicas: number | null = 2): HorizontalPodAutoscaler {
  return {
    metadata: { name: 'some-hpa' },
    spec: { scaleTargetRef: { name: 'some-rc', kind: 'ReplicationController' }, minReplicas: minReplicas ?? undefined, maxReplicas: 10, metrics },
    status: { currentReplicas: 4, desiredReplicas: 5, currentMetrics: current },
  };
}
const selector = { matchLabels: { label: 'value' } };
const row = (targets: string, min = '2') => [['some-hpa', 'ReplicationController/some-rc', targets, min, 10, 4, '<unknown>']];

// Columns: NAME REFERENCE TARGETS MINPODS MAXPODS REPLICAS AGE (upstream TestPrintHPA)
describe('horizontal pod autoscalers', () => {
  const ext = (target: MetricSpec['external']): MetricSpec => ({ type: 'External', external: target });
  const cases: [string, HorizontalPodAutoscaler, unknown[][]][] = [
    ['minReplicas unset, no metrics', hpa(undefined, undefined, null), row('<none>', '<unset>')],
    [
      'external average value, no current',
      hpa([ext({ metric: { name: 'm', selector }, target: { type: 'AverageValue', averageValue: '100m' } })], undefined),
      row('<unknown>/100m (avg)'),
    ],
    [
      'external average value',
      hpa(
        [ext({ metric: { name: 'm', selector }, target: { type: 'AverageValue', averageValue: '100m' } })],
        [{ type: 'External', external: { metric: { name: 'm', selector }, current: { averageValue: '50m' } } }],
      ),
      row('50m/100m (avg)'),
    ],
    ['external value, no current', hpa([ext({ metric: { name: 'm' }, target: { type: 'Value', value: '100m' } })], undefined), row('<unknown>/100m')],
    [
      'external value',
      hpa([ext({ metric: { name: 'm' }, target: { type: 'Value', value: '100m' } })], [{ type: 'External', external: { metric: { name: 'm' }, current: { value: '50m' } } }]),
      row('50m/100m'),
    ],
    [
      'pods, no current',
      hpa([{ type: 'Pods', pods: { metric: { name: 'p' }, target: { type: 'AverageValue', averageValue: '100m' } } }], undefined),
      row('<unknown>/100m'),
    ],
    [
      'pods',
      hpa(
        [{ type: 'Pods', pods: { metric: { name: 'p' }, target: { type: 'AverageValue', averageValue: '100m' } } }],
        [{ type: 'Pods', pods: { metric: { name: 'p' }, current: { averageValue: '50m' } } }],
      ),
      row('50m/100m'),
    ],
    [
      'object value',
      hpa(
        [{ type: 'Object', object: { describedObject: { kind: 'Service', name: 's' }, metric: { name: 'o' }, target: { type: 'Value', value: '100m' } } }],
        [{ type: 'Object', object: { describedObject: { kind: 'Service', name: 's' }, metric: { name: 'o' }, current: { value: '50m' } } }],
      ),
      row('50m/100m'),
    ],
    [
      'resource average value, no current',
      hpa([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'AverageValue', averageValue: '100m' } } }], undefined),
      row('cpu: <unknown>/100m'),
    ],
    [
      'resource average value',
      hpa(
        [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'AverageValue', averageValue: '100m' } } }],
        [{ type: 'Resource', resource: { name: 'cpu', current: { averageValue: '50m' } } }],
      ),
      row('cpu: 50m/100m'),
    ],
    [
      'resource utilization, no current',
      hpa([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }], undefined),
      row('cpu: <unknown>/80%'),
    ],
    [
      'resource utilization',
      hpa(
        [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
        [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 50, averageValue: '40m' } } }],
      ),
      row('cpu: 50%/80%'),
    ],
    [
      'container resource utilization',
      hpa(
        [{ type: 'ContainerResource', containerResource: { name: 'cpu', container: 'application', target: { type: 'Utilization', averageUtilization: 80 } } }],
        [{ type: 'ContainerResource', containerResource: { name: 'cpu', container: 'application', current: { averageUtilization: 50, averageValue: '40m' } } }],
      ),
      row('cpu: 50%/80%'),
    ],
    [
      'container resource average value, no current',
      hpa([{ type: 'ContainerResource', containerResource: { name: 'cpu', container: 'a', target: { type: 'AverageValue', averageValue: '100m' } } }], undefined),
      row('cpu: <unknown>/100m'),
    ],
    [
      'more than two metrics',
      hpa(
        [
          { type: 'Pods', pods: { metric: { name: 'some-pods-metric' }, target: { type: 'AverageValue', averageValue: '100m' } } },
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } },
          { type: 'Pods', pods: { metric: { name: 'other-pods-metric' }, target: { type: 'AverageValue', averageValue: '400m' } } },
        ],
        [
          { type: 'Pods', pods: { metric: { name: 'some-pods-metric' }, current: { averageValue: '50m' } } },
          { type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 50, averageValue: '40m' } } },
        ],
      ),
      row('50m/100m, cpu: 50%/80% + 1 more...'),
    ],
    [
      'memory quantities print canonically (decimal stays decimal); utilization without a current value',
      hpa(
        [
          { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '1024Mi' } } },
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } },
        ],
        [
          { type: 'Resource', resource: { name: 'memory', current: { averageValue: '536870912' } } },
          { type: 'Resource', resource: { name: 'cpu', current: { averageValue: '12m' } } },
        ],
      ),
      row('memory: 536870912/1Gi, cpu: <unknown>/70%'),
    ],
  ];
  it.each(cases)('%s', (_n, h, want) => {
    expect(horizontalPodAutoscalerPrinter.rows(h, NOW)).toEqual(want);
  });

  it('autoscaling/v1 objects print their CPU target', () => {
    const v1: HPAv1 = {
      apiVersion: 'autoscaling/v1',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web' },
      spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 5, targetCPUUtilizationPercentage: 70 },
      status: { currentReplicas: 2, desiredReplicas: 2, currentCPUUtilizationPercentage: 45 },
    };
    expect(horizontalPodAutoscalerPrinter.rows(v1, NOW)).toEqual([['web', 'Deployment/web', 'cpu: 45%/70%', '1', 5, 2, '<unknown>']]);
  });
});
