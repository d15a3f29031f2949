// The events of an object, as describe fetches them: an involvedObject field selector over the object's
// namespace (all namespaces for cluster-scoped objects), in the server's order — DescribeEvents sorts.
// mirrors: k8s.io/kubectl/pkg/describe/describe.go (searchEvents), client-go events GetFieldSelector

import type { KubeObject } from '../../../engine/api/types';
import type { DescribeContext } from './types';
import type { DescribedEvent } from '../printers/index';
import { apiPath, listAll, serverError } from './util';

export interface EventRef {
  name: string;
  namespace: string;
  /** Omitted for pods (kubectl clears it so events of a recreated pod with the same uid match). */
  kind?: string;
  uid?: string;
}

/** The reference reference.GetReference builds for an object. */
export function refOf(obj: KubeObject, kind = obj.kind): EventRef {
  const m = obj.metadata ?? {};
  return { name: m.name ?? '', namespace: m.namespace ?? '', kind: kind || undefined, uid: m.uid || undefined };
}

/**
 * Events about `ref`. Most describers ignore a failed list (the section then reads `<none>`); with
 * `strict` the failure is the describe's error, as for config maps.
 */
export async function searchEvents(ctx: DescribeContext, ref: EventRef, strict = false): Promise<DescribedEvent[]> {
  const terms = [`involvedObject.name=${ref.name}`, `involvedObject.namespace=${ref.namespace}`];
  if (ref.kind) terms.push(`involvedObject.kind=${ref.kind}`);
  if (ref.uid) terms.push(`involvedObject.uid=${ref.uid}`);
  const res = await listAll<DescribedEvent>(ctx, apiPath('v1', 'events', ref.namespace || undefined), { fieldSelector: terms.join(',') });
  if (strict && res.error) throw serverError(res.error);
  return res.items;
}

/** The Events section's input: undefined (no section) when --show-events=false. */
export async function fetchEvents(ctx: DescribeContext, obj: KubeObject, kind = obj.kind, strict = false): Promise<DescribedEvent[] | undefined> {
  if (!ctx.settings.showEvents) return undefined;
  return searchEvents(ctx, refOf(obj, kind), strict);
}
