// pods/binding: the scheduler's write that assigns a pod to a node.
// mirrors: pkg/registry/core/pod/storage/storage.go (BindingREST, assignPod)

import type { Pod } from 'kubernetes-types/core/v1';
import type { ResourceDef } from '../../registry/types';
import type { KubeObject, Writable } from '../types';
import type { Rest } from '../rest/rest';
import type { RequestOptions } from '../rest/context';
import * as errors from '../errors';
import { rfc3339 } from '../../util/time';

export function bindPod(rest: Rest, def: ResourceDef, ns: string, name: string, body: unknown, opts: RequestOptions): unknown {
  const binding = body as { metadata?: { name?: string; annotations?: Record<string, string> }; target?: { kind?: string; name?: string } };
  const nodeName = binding?.target?.name;
  if (!nodeName) {
    throw new errors.StatusError(
      errors.statusBody(422, 'Invalid', `Binding "${name}" is invalid: target.name: Required value`, {
        name,
        kind: 'Binding',
        causes: [{ reason: 'FieldValueRequired', message: 'Required value', field: 'target.name' }],
      }),
    );
  }
  const pod = rest.get(def, ns, name) as Writable<Pod> & KubeObject;
  if (pod.metadata?.deletionTimestamp) {
    throw errors.conflict('', 'pods', name, `pod ${name} is being deleted, cannot be assigned to a host`);
  }
  if (pod.spec?.nodeName) {
    throw errors.conflict('', 'pods', name, `pod ${name} is already assigned to node "${pod.spec.nodeName}"`);
  }
  const now = rfc3339(rest.clock.now());
  const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
  conditions.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null as unknown as string, lastTransitionTime: now });
  const next: KubeObject = {
    ...pod,
    metadata: { ...pod.metadata, annotations: { ...pod.metadata?.annotations, ...binding.metadata?.annotations } },
    spec: { ...pod.spec, nodeName },
    status: { ...pod.status, conditions },
  } as KubeObject;
  // A nomination is spent once the pod is bound.
  delete (next.status as { nominatedNodeName?: string }).nominatedNodeName;
  if (Object.keys(next.metadata!.annotations!).length === 0) delete next.metadata!.annotations;
  // Binding changes spec and status together, which neither the main resource nor /status may do.
  rest.commitBinding(def, pod, next, opts);
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 };
}
