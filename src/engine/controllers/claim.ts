// Adoption and release by selector, like ControllerRefManager: a controller owns the objects whose
// controllerRef points at it and that still match; it adopts matching orphans and releases non-matching ones.
// mirrors: pkg/controller/controller_ref_manager.go

import type { KubeObject } from '../api/types';
import type { Selector } from '../api/selectors/labels';
import type { Client } from './client';
import { controllerOwnerRef } from './podutil';
import { controllerRef } from './context';
import { isConflict, isNotFound } from './client';

export function claimObjects(client: Client, resource: string, owner: KubeObject, selector: Selector, candidates: KubeObject[]): KubeObject[] {
  const out: KubeObject[] = [];
  const ownerUid = owner.metadata!.uid!;
  const deleting = !!owner.metadata!.deletionTimestamp;
  for (const o of candidates) {
    const ref = controllerRef(o);
    const matches = selector.matches(o.metadata!.labels);
    if (ref) {
      if (ref.uid !== ownerUid) continue;
      if (matches) {
        out.push(o);
        continue;
      }
      // Owned but no longer matching: release (unless the owner is going away).
      if (deleting) continue;
      update(client, resource, {
        ...o,
        metadata: { ...o.metadata, ownerReferences: o.metadata!.ownerReferences!.filter((r) => r.uid !== ownerUid) },
      });
      continue;
    }
    if (!matches || deleting || o.metadata!.deletionTimestamp) continue;
    const adopted = update(client, resource, {
      ...o,
      metadata: { ...o.metadata, ownerReferences: [...(o.metadata!.ownerReferences ?? []), controllerOwnerRef(owner)] },
    });
    if (adopted) out.push(adopted);
  }
  return out;
}

function update(client: Client, resource: string, obj: KubeObject): KubeObject | undefined {
  const meta = obj.metadata!;
  if (meta.ownerReferences && meta.ownerReferences.length === 0) delete meta.ownerReferences;
  try {
    return client.update(resource, obj);
  } catch (e) {
    if (isConflict(e) || isNotFound(e)) return undefined;
    throw e;
  }
}
