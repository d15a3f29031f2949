// VolumeBinding: pods whose PersistentVolumeClaims are not bound. Immediate-mode claims must be bound before
// scheduling; WaitForFirstConsumer claims are bound to the chosen node (the PV controller provisions there).
// mirrors: pkg/scheduler/framework/plugins/volumebinding (simplified: no topology-limited PV matching)

import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { CycleState, FilterPlugin, PreFilterPlugin, Status } from '../framework';
import { unresolvable } from '../framework';
import type { NodeInfo } from '../nodeinfo';
import { matchTerm } from './node-affinity';

interface Claims {
  /** Immediate claims not bound yet: the pod cannot schedule. */
  unboundImmediate: string[];
  /** Claims missing entirely. */
  missing: string[];
  /** Bound PVs whose node affinity limits the nodes. */
  boundPVs: PersistentVolume[];
}

const KEY = 'VolumeBinding';

export function podClaims(state: CycleState): Claims {
  let c = state.data.get(KEY) as Claims | undefined;
  if (c) return c;
  c = { unboundImmediate: [], missing: [], boundPVs: [] };
  const ns = state.pod.metadata!.namespace!;
  for (const v of state.pod.spec?.volumes ?? []) {
    const claimName = v.persistentVolumeClaim?.claimName ?? (v.ephemeral ? `${state.pod.metadata!.name}-${v.name}` : undefined);
    if (!claimName) continue;
    const pvc = state.store.get('persistentvolumeclaims', ns, claimName) as PersistentVolumeClaim | undefined;
    if (!pvc) {
      c.missing.push(claimName);
      continue;
    }
    if (pvc.spec?.volumeName && pvc.status?.phase === 'Bound') {
      const pv = state.store.get('persistentvolumes', undefined, pvc.spec.volumeName) as PersistentVolume | undefined;
      if (pv) c.boundPVs.push(pv);
      continue;
    }
    const scName = pvc.spec?.storageClassName;
    const sc = scName ? (state.store.get('storageclasses.storage.k8s.io', undefined, scName) as StorageClass | undefined) : undefined;
    if (sc?.volumeBindingMode !== 'WaitForFirstConsumer') c.unboundImmediate.push(claimName);
  }
  state.data.set(KEY, c);
  return c;
}

export const VolumeBindingPreFilter: PreFilterPlugin = {
  name: KEY,
  preFilter(state): Status | undefined {
    const c = podClaims(state);
    if (c.missing.length) return unresolvable(`persistentvolumeclaim "${c.missing[0]}" not found`);
    if (c.unboundImmediate.length) return unresolvable('pod has unbound immediate PersistentVolumeClaims');
    return undefined;
  },
};

export const VolumeBinding: FilterPlugin = {
  name: KEY,
  skip(state) {
    return podClaims(state).boundPVs.length === 0;
  },
  filter(state, node: NodeInfo) {
    const c = podClaims(state);
    for (const pv of c.boundPVs) {
      const terms = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms;
      if (terms && !terms.some((t) => matchTerm(t, node.node))) return unresolvable('node(s) had volume node affinity conflict');
    }
    return undefined;
  },
};
