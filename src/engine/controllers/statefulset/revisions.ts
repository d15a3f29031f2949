// StatefulSet revisions: the update revision (the current template, reused or rolled back to when an equal
// revision exists), the current revision named in status, the template a revision restores, and history
// truncation that keeps every revision a live pod or the status still names.
// mirrors: pkg/controller/statefulset/stateful_set_control.go (getStatefulSetRevisions, truncateHistory),
//          stateful_set_utils.go (ApplyRevision)

import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { Client } from '../client';
import { ensureRevision, ownedRevisions, type RevisionObj } from '../history';
import type { PodObj } from '../podutil';
import { podRevision, type SetObj } from './pods';

export interface SetRevisions {
  current: RevisionObj;
  update: RevisionObj;
  collisionCount: number;
}

export function statefulSetRevisions(client: Client, set: SetObj): SetRevisions {
  const template = set.spec!.template!;
  const { revision: update } = ensureRevision(client, set, template, template.metadata?.labels ?? {});
  const wanted = set.status?.currentRevision;
  const current = (wanted && ownedRevisions(client, set).find((r) => r.metadata!.name === wanted)) || update;
  return { current, update, collisionCount: set.status?.collisionCount ?? 0 };
}

/** The pod template a revision restores (its data is a `$patch: replace` of spec.template). */
export function revisionTemplate(rev: RevisionObj): PodTemplateSpec {
  const t = (rev.data as { spec?: { template?: PodTemplateSpec & { $patch?: string } } } | undefined)?.spec?.template;
  if (!t) return {};
  const { $patch: _patch, ...rest } = t;
  return rest;
}

/** The set as it was at a revision (ApplyRevision): same object with the revision's template. */
export function applyRevision(set: SetObj, rev: RevisionObj): SetObj {
  return { ...set, spec: { ...set.spec!, template: revisionTemplate(rev) } };
}

/** Deletes the oldest non-live revisions beyond spec.revisionHistoryLimit. */
export function truncateHistory(client: Client, set: SetObj, pods: PodObj[], current: RevisionObj, update: RevisionObj): void {
  const live = new Set([current.metadata!.name!, update.metadata!.name!]);
  for (const p of pods) live.add(podRevision(p));
  const history = ownedRevisions(client, set).filter((r) => !live.has(r.metadata!.name!));
  const limit = set.spec?.revisionHistoryLimit ?? 10;
  if (limit < 0 || history.length <= limit) return;
  for (const r of history.slice(0, history.length - limit)) client.delete('controllerrevisions.apps', r.metadata!.namespace, r.metadata!.name!);
}
