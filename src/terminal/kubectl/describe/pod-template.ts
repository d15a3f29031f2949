// The `Pod Template:` section of workload descriptions (deployments, replica sets, jobs, …).
// mirrors: k8s.io/kubectl/pkg/describe/describe.go (DescribePodTemplate)

import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { LEVEL_0, LEVEL_1, printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline, type PrefixWriter } from '../printers/index';
import { describeContainers } from './containers';
import { describeTopologySpreadConstraints } from './pod';
import { describeVolumes } from './volumes';

export function describePodTemplate(template: PodTemplateSpec | undefined | null, w: PrefixWriter): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!template) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  const spec = template.spec ?? { containers: [] };
  printLabelsMultiline(w, '  Labels', template.metadata?.labels);
  const annotations = template.metadata?.annotations;
  if (annotations && Object.keys(annotations).length > 0) printAnnotationsMultiline(w, '  Annotations', annotations);
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (spec.initContainers?.length) describeContainers('Init Containers', spec.initContainers, undefined, undefined, w, '  ');
  describeContainers('Containers', spec.containers ?? [], undefined, undefined, w, '  ');
  describeVolumes(spec.volumes, w, '  ');
  describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '  ');
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector);
  printTolerationsMultiline(w, '  Tolerations', spec.tolerations);
}
