// `kubectl describe hpa` (autoscaling/v2): each metric as `current / target`, replica bounds, scaling
// behavior, the target's pod counts and the autoscaler's conditions.
// mirrors: k8s.io/kubectl/pkg/describe/describe.go (describeHorizontalPodAutoscalerV2, printDirectionBehavior)

import type { HorizontalPodAutoscaler, HPAScalingRules, MetricSpec, MetricStatus } from 'kubernetes-types/autoscaling/v2';
import type { KubeObject } from '../../../engine/api/types';
import { goQuote } from '../printers/gofmt';
import { describeEvents, describeString, LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, printAnnotationsMultiline, printLabelsMultiline, type PrefixWriter } from '../printers/index';
import { fetchEvents } from './events';
import type { Describer } from './types';
import { quantityString, rfc1123z } from './util';

/** (*Quantity).String(): `<nil>` for an unset value. */
function q(v: string | number | undefined | null): string {
  return v === undefined || v === null ? '<nil>' : quantityString(v);
}

function describeMetric(w: PrefixWriter, metric: MetricSpec, current: MetricStatus | undefined): void {
  switch (metric.type) {
    case 'External': {
      const ext = metric.external!;
      const cur = current?.external;
      if (ext.target.averageValue !== undefined && ext.target.averageValue !== null) {
        const c = cur && cur.current.averageValue !== undefined && cur.current.averageValue !== null ? q(cur.current.averageValue) : '<unknown>';
        w.write(LEVEL_1, `${goQuote(ext.metric.name)} (target average value):\t${c} / ${q(ext.target.averageValue)}\n`);
      } else {
        const c = cur ? q(cur.current.value) : '<unknown>';
        w.write(LEVEL_1, `${goQuote(ext.metric.name)} (target value):\t${c} / ${q(ext.target.value)}\n`);
      }
      return;
    }
    case 'Pods': {
      const pods = metric.pods!;
      const c = current?.pods ? q(current.pods.current.averageValue) : '<unknown>';
      w.write(LEVEL_1, `${goQuote(pods.metric.name)} on pods:\t${c} / ${q(pods.target.averageValue)}\n`);
      return;
    }
    case 'Object': {
      const obj = metric.object!;
      w.write(LEVEL_1, `"${obj.metric.name}" on ${obj.describedObject.kind}/${obj.describedObject.name} `);
      if (obj.target.type === 'AverageValue') {
        const c = current?.object ? q(current.object.current.averageValue) : '<unknown>';
        w.write(LEVEL_0, `(target average value):\t${c} / ${q(obj.target.averageValue)}\n`);
      } else {
        const c = current?.object ? q(current.object.current.value) : '<unknown>';
        w.write(LEVEL_0, `(target value):\t${c} / ${q(obj.target.value)}\n`);
      }
      return;
    }
    case 'Resource':
    case 'ContainerResource': {
      const res = metric.type === 'Resource' ? metric.resource! : metric.containerResource!;
      const cur = metric.type === 'Resource' ? current?.resource : current?.containerResource;
      const container = metric.type === 'ContainerResource' ? ` of container "${metric.containerResource!.container}"` : '';
      w.write(LEVEL_1, `resource ${res.name}${container} on pods`);
      if (res.target.averageValue !== undefined && res.target.averageValue !== null) {
        const c = cur ? q(cur.current.averageValue) : '<unknown>';
        w.write(LEVEL_0, `:\t${c} / ${q(res.target.averageValue)}\n`);
      } else {
        const util = cur?.current.averageUtilization;
        const c = cur && util !== undefined && util !== null ? `${util}% (${q(cur.current.averageValue)})` : '<unknown>';
        const t = res.target.averageUtilization !== undefined && res.target.averageUtilization !== null ? `${res.target.averageUtilization}%` : '<auto>';
        w.write(LEVEL_1, `(as a percentage of request):\t${c} / ${t}\n`);
      }
      return;
    }
    default:
      w.write(LEVEL_1, `<unknown metric type ${goQuote(metric.type)}>\n`);
  }
}

function printDirectionBehavior(w: PrefixWriter, direction: string, rules: HPAScalingRules | undefined): void {
  if (!rules) return;
  w.write(LEVEL_1, `${direction}:\n`);
  if (rules.stabilizationWindowSeconds !== undefined && rules.stabilizationWindowSeconds !== null) w.write(LEVEL_2, `Stabilization Window: ${rules.stabilizationWindowSeconds} seconds\n`);
  if (rules.policies?.length) {
    w.write(LEVEL_2, `Select Policy: ${rules.selectPolicy ?? 'Max'}\n`);
    w.write(LEVEL_2, 'Policies:\n');
    for (const p of rules.policies) w.write(LEVEL_3, `- Type: ${p.type}\tValue: ${p.value}\tPeriod: ${p.periodSeconds} seconds\n`);
  }
}

export const describeHorizontalPodAutoscaler: Describer = async (ctx, obj) => {
  const hpa = obj as HorizontalPodAutoscaler & KubeObject;
  const events = await fetchEvents(ctx, obj, 'HorizontalPodAutoscaler');
  const m = hpa.metadata ?? {};
  const spec = hpa.spec;
  const st = hpa.status;
  return describeString((w) => {
    w.write(LEVEL_0, `Name:\t${m.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${m.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(m.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Reference:\t${spec?.scaleTargetRef.kind ?? ''}/${spec?.scaleTargetRef.name ?? ''}\n`);
    w.write(LEVEL_0, 'Metrics:\t( current / target )\n');
    (spec?.metrics ?? []).forEach((metric, i) => describeMetric(w, metric, st?.currentMetrics?.[i]));
    w.write(LEVEL_0, `Min replicas:\t${spec?.minReplicas ?? '<unset>'}\n`);
    w.write(LEVEL_0, `Max replicas:\t${spec?.maxReplicas ?? 0}\n`);
    if (spec?.behavior) {
      w.write(LEVEL_0, 'Behavior:\n');
      printDirectionBehavior(w, 'Scale Up', spec.behavior.scaleUp);
      printDirectionBehavior(w, 'Scale Down', spec.behavior.scaleDown);
    }
    w.write(LEVEL_0, `${spec?.scaleTargetRef.kind ?? ''} pods:\t`);
    w.write(LEVEL_0, `${st?.currentReplicas ?? 0} current / ${st?.desiredReplicas ?? 0} desired\n`);
    if (st?.conditions?.length) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------\t-------\n');
      for (const c of st.conditions) w.write(LEVEL_1, `${c.type}\t${c.status}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
    }
    if (events) describeEvents(events, w, ctx.now);
  });
};
