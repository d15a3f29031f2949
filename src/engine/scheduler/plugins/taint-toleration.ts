// TaintToleration: NoSchedule/NoExecute taints filter, PreferNoSchedule taints lower the score.
// mirrors: pkg/scheduler/framework/plugins/tainttoleration, k8s.io/component-helpers/scheduling/corev1

import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import type { FilterPlugin, ScorePlugin } from '../framework';
import { defaultNormalize, unresolvable } from '../framework';

export function toleratesTaint(t: Toleration, taint: Pick<Taint, 'key' | 'value' | 'effect'>): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (!t.key && t.operator !== 'Exists') return false;
  switch (t.operator ?? 'Equal') {
    case 'Exists':
      return true;
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '');
  }
  return false;
}

export function tolerates(tolerations: readonly Toleration[], taint: Pick<Taint, 'key' | 'value' | 'effect'>): boolean {
  return tolerations.some((t) => toleratesTaint(t, taint));
}

const PREFER_KEY = 'TaintToleration/prefer';

export const TaintToleration: FilterPlugin & ScorePlugin = {
  name: 'TaintToleration',
  weight: 3,
  filter(state, node) {
    const taints = node.node.spec?.taints;
    if (!taints || taints.length === 0) return undefined;
    const tols = state.pod.spec?.tolerations ?? [];
    for (const taint of taints) {
      if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
      if (!tolerates(tols, taint)) return unresolvable(`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`);
    }
    return undefined;
  },
  scoreNodes(state, nodes, out) {
    for (let i = 0; i < nodes.length; i++) out[i] = this.score(state, nodes[i]);
  },
  score(state, node) {
    const taints = node.node.spec?.taints;
    if (!taints || taints.length === 0) return 0;
    let tols = state.data.get(PREFER_KEY) as Toleration[] | undefined;
    if (!tols) state.data.set(PREFER_KEY, (tols = (state.pod.spec?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule')));
    let n = 0;
    for (const taint of taints) if (taint.effect === 'PreferNoSchedule' && !tolerates(tols, taint)) n++;
    return n;
  },
  normalize(_state, scores) {
    defaultNormalize(scores, true);
  },
};
