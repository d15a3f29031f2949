// `kubectl describe deployment`: replica counts, strategy, pod template, conditions, and the old and
// new ReplicaSets it controls (listed by the deployment's selector, matched by template).
// mirrors: k8s.io/kubectl/pkg/describe/describe.go (DeploymentDescriber, printReplicaSetsByLabels),
//          k8s.io/kubectl/pkg/util/deployment/deployment.go (GetAllReplicaSetsInChunks)

import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../../engine/api/types';
import { compareGoStrings } from '../printers/gofmt';
import { goSortSlice } from '../printers/gosort';
import { describeEvents, describeString, LEVEL_0, LEVEL_1, printAnnotationsMultiline, printLabelsMultiline } from '../printers/index';
import { fetchEvents } from './events';
import { describePodTemplate } from './pod-template';
import type { DescribeContext, Describer } from './types';
import { apiPath, controllerOf, intOrString, listAll, rfc1123z, selectorString } from './util';

const POD_TEMPLATE_HASH = 'pod-template-hash';

/** A JSON value with nulls and empty lists dropped: apiequality.Semantic treats nil and empty alike. */
function normalize(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalize);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x === null || x === undefined || (Array.isArray(x) && x.length === 0)) continue;
      out[k] = normalize(x);
    }
    return out;
  }
  return v;
}

/** equalIgnoreHash: templates equal once the pod-template-hash label is removed from both. */
function equalIgnoreHash(a: unknown, b: unknown): boolean {
  const strip = (t: unknown) => {
    const copy = JSON.parse(JSON.stringify(t ?? {})) as { metadata?: { labels?: Record<string, string> } };
    if (copy.metadata?.labels) delete copy.metadata.labels[POD_TEMPLATE_HASH];
    return JSON.stringify(normalize(copy));
  };
  return strip(a) === strip(b);
}

/** The ReplicaSets a deployment controls: the new one (template matches) and all the others. */
export async function deploymentReplicaSets(ctx: DescribeContext, d: Deployment & KubeObject): Promise<{ old: ReplicaSet[]; newRS?: ReplicaSet } | undefined> {
  const m = d.metadata ?? {};
  const res = await listAll<ReplicaSet & KubeObject>(ctx, apiPath('apps/v1', 'replicasets', m.namespace), { labelSelector: selectorString(d.spec?.selector) });
  if (res.error) return undefined;
  const owned = res.items.filter((rs) => controllerOf(rs)?.uid === m.uid);
  // replicaSetsByCreationTimestamp, ties broken by name (sort.Sort).
  goSortSlice(owned, (a, b) => {
    const ta = Date.parse(a.metadata?.creationTimestamp ?? '') || 0;
    const tb = Date.parse(b.metadata?.creationTimestamp ?? '') || 0;
    return ta === tb ? compareGoStrings(a.metadata?.name ?? '', b.metadata?.name ?? '') < 0 : ta < tb;
  });
  const newRS = owned.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
  return { old: owned.filter((rs) => rs !== newRS), newRS };
}

function replicaSetsText(list: readonly ReplicaSet[]): string {
  return list.map((rs) => `${rs.metadata?.name ?? ''} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(', ') || '<none>';
}

export const describeDeployment: Describer = async (ctx, obj) => {
  const d = obj as Deployment & KubeObject;
  const events = await fetchEvents(ctx, obj, 'Deployment');
  const sets = await deploymentReplicaSets(ctx, d);
  const m = d.metadata ?? {};
  const spec = d.spec;
  const st = d.status ?? {};
  return describeString((w) => {
    w.write(LEVEL_0, `Name:\t${m.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${m.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(m.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', m.labels);
    printAnnotationsMultiline(w, 'Annotations', m.annotations);
    w.write(LEVEL_0, `Selector:\t${selectorString(spec?.selector)}\n`);
    w.write(LEVEL_0, `Replicas:\t${spec?.replicas ?? 0} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`);
    w.write(LEVEL_0, `StrategyType:\t${spec?.strategy?.type ?? ''}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${spec?.minReadySeconds ?? 0}\n`);
    const ru = spec?.strategy?.rollingUpdate;
    if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${intOrString(ru.maxUnavailable)} max unavailable, ${intOrString(ru.maxSurge)} max surge\n`);
    describePodTemplate(spec?.template, w);
    if (st.conditions?.length) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(LEVEL_1, '----\t------\t------\n');
      for (const c of st.conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
    }
    if (sets && (sets.old.length > 0 || sets.newRS)) {
      w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetsText(sets.old)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetsText(sets.newRS ? [sets.newRS] : [])}\n`);
    }
    if (events) describeEvents(events, w, ctx.now);
  });
};
