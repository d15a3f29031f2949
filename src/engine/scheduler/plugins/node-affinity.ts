// NodeAffinity: nodeSelector and required node affinity filter; preferred terms score.
// mirrors: pkg/scheduler/framework/plugins/nodeaffinity, component-helpers nodeaffinity

import type { Node, NodeSelectorRequirement, NodeSelectorTerm } from 'kubernetes-types/core/v1';
import type { FilterPlugin, ScorePlugin } from '../framework';
import { defaultNormalize, unresolvable } from '../framework';

function matchRequirement(r: NodeSelectorRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const v = labels[r.key];
  switch (r.operator) {
    case 'In':
      return has && (r.values ?? []).includes(v);
    case 'NotIn':
      return !has || !(r.values ?? []).includes(v);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      if (!has) return false;
      const n = Number.parseInt(v, 10);
      const b = Number.parseInt((r.values ?? [])[0] ?? '', 10);
      if (!Number.isFinite(n) || !Number.isFinite(b)) return false;
      return r.operator === 'Gt' ? n > b : n < b;
    }
  }
  return false;
}

export function matchTerm(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata?.labels ?? {};
  for (const r of exprs) if (!matchRequirement(r, labels)) return false;
  for (const r of fields) if (!matchRequirement(r, { 'metadata.name': node.metadata?.name ?? '' })) return false;
  return true;
}

export const NodeAffinity: FilterPlugin & ScorePlugin = {
  name: 'NodeAffinity',
  weight: 2,
  filter(state, node) {
    const spec = state.pod.spec;
    const labels = node.node.metadata?.labels ?? {};
    const sel = spec?.nodeSelector;
    if (sel) for (const k in sel) if (labels[k] !== sel[k]) return unresolvable("node(s) didn't match Pod's node affinity/selector");
    const terms = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
    if (terms && !terms.some((t) => matchTerm(t, node.node))) return unresolvable("node(s) didn't match Pod's node affinity/selector");
    return undefined;
  },
  skip(state) {
    const spec = state.pod.spec;
    const sel = spec?.nodeSelector;
    if (sel) for (const _ in sel) return false;
    // An empty term list rejects every node: only a missing one skips.
    return spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms == null;
  },
  scoreNodes(state, nodes, out) {
    for (let i = 0; i < nodes.length; i++) out[i] = this.score(state, nodes[i]);
  },
  score(state, node) {
    let s = 0;
    for (const p of state.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
      if (p.weight && matchTerm(p.preference, node.node)) s += p.weight;
    }
    return s;
  },
  skipScore(state) {
    const prefs = state.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution;
    return !prefs || prefs.every((p) => !p.weight);
  },
  normalize(_state, scores) {
    defaultNormalize(scores, false);
  },
};
