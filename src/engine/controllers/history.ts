// ControllerRevisions for DaemonSets and StatefulSets: a hashed snapshot of the pod template per revision.
// mirrors: pkg/controller/history/controller_history.go

import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject, Writable } from '../api/types';
import type { Client } from './client';
import { controllerOwnerRef } from './podutil';
import { fnv32a, safeEncodeString } from '../util/names';
import { deepEqual } from '../store/freeze';

export type RevisionObj = Writable<ControllerRevision> & KubeObject;

export function templateHash(template: PodTemplateSpec | undefined, collisionCount = 0): string {
  let h = fnv32a(JSON.stringify(sortKeys(template ?? {})));
  if (collisionCount) h = fnv32a(String(collisionCount), h);
  return safeEncodeString(String(h >>> 0));
}

function sortKeys(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(sortKeys);
  const o = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o).sort()) if (o[k] !== undefined) out[k] = sortKeys(o[k]);
  return out;
}

/** Revisions owned by the controller, oldest first. */
export function ownedRevisions(client: Client, owner: KubeObject): RevisionObj[] {
  const out: RevisionObj[] = [];
  for (const d of client.store.dependents(owner.metadata!.uid!)) if (d.resource === 'controllerrevisions.apps') out.push(d.object as RevisionObj);
  return out.sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0));
}

/**
 * The revision for the current template: reuses a matching one (bumping its revision number to the
 * newest, as a rollback does) or creates the next. Returns it with its hash.
 */
export function ensureRevision(client: Client, owner: KubeObject, template: PodTemplateSpec, labels: Record<string, string>): { revision: RevisionObj; hash: string } {
  const revisions = ownedRevisions(client, owner);
  const data = { spec: { template: { ...template, $patch: 'replace' } } };
  const hash = templateHash(template);
  const max = revisions.reduce((m, r) => Math.max(m, r.revision ?? 0), 0);
  const match = revisions.find((r) => deepEqual((r.data as { spec?: { template?: unknown } })?.spec?.template, data.spec.template));
  if (match) {
    if ((match.revision ?? 0) < max) {
      const updated = client.update<RevisionObj>('controllerrevisions.apps', { ...match, revision: max + 1 } as KubeObject);
      return { revision: updated, hash: updated.metadata!.labels?.['controller-revision-hash'] ?? hash };
    }
    return { revision: match, hash: match.metadata!.labels?.['controller-revision-hash'] ?? hash };
  }
  const rev: RevisionObj = {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: `${owner.metadata!.name}-${hash}`,
      namespace: owner.metadata!.namespace,
      labels: { ...labels, 'controller-revision-hash': hash },
      ownerReferences: [controllerOwnerRef(owner)],
    },
    data,
    revision: max + 1,
  };
  return { revision: client.create<RevisionObj>('controllerrevisions.apps', rev), hash };
}

/** Deletes the oldest revisions beyond the history limit that no live pod uses. */
export function truncateHistory(client: Client, owner: KubeObject, limit: number, inUse: Set<string>, current: string): void {
  const revisions = ownedRevisions(client, owner).filter((r) => r.metadata!.name !== current && !inUse.has(r.metadata!.labels?.['controller-revision-hash'] ?? ''));
  const excess = revisions.length - limit;
  for (let i = 0; i < excess; i++) client.delete('controllerrevisions.apps', revisions[i].metadata!.namespace, revisions[i].metadata!.name!);
}
