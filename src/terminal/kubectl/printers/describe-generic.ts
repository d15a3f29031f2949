// The generic describer kubectl uses for kinds without their own (custom resources): name,
// namespace, labels, annotations, then every other field, then events.
// mirrors: k8s.io/kubectl/pkg/describe/describe.go (genericDescriber.Describe)

import { isJsonObject, type JsonObject } from './gofmt';
import { describeEvents, type DescribedEvent } from './describe-events';
import { describeString, LEVEL_0, printAnnotationsMultiline, printLabelsMultiline, printUnstructuredContent } from './prefix-writer';

const SKIPPED = ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations'];

/** `kubectl describe` of an object without a dedicated describer. `events` undefined: no Events section. */
export function describeGeneric(obj: JsonObject, events: DescribedEvent[] | undefined, nowMs: number): string {
  const meta = isJsonObject(obj.metadata) ? obj.metadata : {};
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return describeString((w) => {
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(meta.namespace)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels as Record<string, string> | undefined);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations as Record<string, string> | undefined);
    printUnstructuredContent(w, LEVEL_0, obj, '', SKIPPED);
    if (events !== undefined) describeEvents(events, w, nowMs);
  });
}
