// What the rollout subcommands share: their targets (TYPE alone means all of that type), a
// deployment's ReplicaSets and a daemon/stateful set's ControllerRevisions, revision numbers, and the
// `Pod Template:` text of `history --revision` and `undo --dry-run=client`.
// mirrors: kubectl/pkg/polymorphichelpers/history.go, rollback.go; kubectl/pkg/util/deployment

import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../../engine/api/types';
import type { Kubectl } from '../context';
import type { ParsedFlags } from '../flags';
import type { FlagDef } from '../flags';
import { KubectlError } from '../errors';
import { deepEqual } from '../../../engine/api/patch/index';
import { newPrefixWriter, StringWriter } from '../printers/index';
import { describePodTemplate } from '../describe/pod-template';
import { namespaceOf } from './workload-flags';
import { resolveTargets, type TargetResult } from './targets';
import { selectorString } from './pod-for-object';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';
export const HASH_LABEL = 'pod-template-hash';

/** -f, -k, -R, -l as every rollout subcommand declares them. */
export const ROLLOUT_TARGET_FLAGS: FlagDef[] = [
  { name: 'filename', short: 'f', type: 'stringSlice', default: [], usage: 'Filename, directory, or URL to files identifying the resource to get from a server.' },
  { name: 'kustomize', short: 'k', type: 'string', default: '', usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
  { name: 'recursive', short: 'R', type: 'bool', default: false, usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
  { name: 'selector', short: 'l', type: 'string', default: '', usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
];

/** ResourceTypeOrNameArgs(true, …): a bare type selects all its objects. */
export async function rolloutTargets(k: Kubectl, args: string[], f: ParsedFlags): Promise<TargetResult> {
  const v = f.values;
  const files = v.filename as string[];
  if (args.length === 0 && files.length === 0) throw new KubectlError('error: required resource not specified');
  const { namespace, explicit } = namespaceOf(k, v);
  const named = args.some((a) => a.includes('/')) || args.length > 1;
  return resolveTargets(k, args, {
    filenames: files,
    recursive: v.recursive as boolean,
    selector: v.selector as string,
    all: !named && !v.selector,
    namespace,
    explicitNamespace: explicit,
  });
}

export function revisionOf(o: KubeObject): number | undefined {
  const r = o.metadata?.annotations?.[REVISION_ANNOTATION];
  if (r === undefined || !/^\d+$/.test(r)) return undefined;
  return Number(r);
}

function controlledBy(o: KubeObject, owner: KubeObject): boolean {
  return !!o.metadata?.ownerReferences?.some((r) => r.controller && r.uid === owner.metadata?.uid);
}

/** GetAllReplicaSets: the ReplicaSets this deployment controls (old and new). */
export async function deploymentReplicaSets(k: Kubectl, deploy: KubeObject): Promise<KubeObject[]> {
  const sel = selectorString((deploy.spec as { selector?: LabelSelector }).selector);
  const res = await k.call({ method: 'GET', path: `/apis/apps/v1/namespaces/${encodeURIComponent(deploy.metadata?.namespace ?? '')}/replicasets`, query: { labelSelector: sel } });
  return (res.body as { items: KubeObject[] }).items.filter((rs) => controlledBy(rs, deploy));
}

/** The ControllerRevisions a daemon set or stateful set controls. */
export async function controllerRevisions(k: Kubectl, owner: KubeObject): Promise<KubeObject[]> {
  const sel = selectorString((owner.spec as { selector?: LabelSelector }).selector);
  const res = await k.call({ method: 'GET', path: `/apis/apps/v1/namespaces/${encodeURIComponent(owner.metadata?.namespace ?? '')}/controllerrevisions`, query: { labelSelector: sel } });
  return (res.body as { items: KubeObject[] }).items.filter((cr) => controlledBy(cr, owner)).sort((a, b) => ((a.revision as number) ?? 0) - ((b.revision as number) ?? 0));
}

/** printTemplate: DescribePodTemplate through a plain PrefixWriter (tabs left as they are). */
export function templateText(template: PodTemplateSpec | undefined): string {
  const sw = new StringWriter();
  describePodTemplate(template, newPrefixWriter(sw));
  return sw.toString();
}

/** equalIgnoreHash: templates equal apart from the pod-template-hash label. */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  const strip = (t: PodTemplateSpec | undefined): unknown => {
    const labels = { ...(t?.metadata?.labels ?? {}) };
    delete labels[HASH_LABEL];
    const meta = { ...(t?.metadata ?? {}), labels };
    if (Object.keys(labels).length === 0) delete (meta as { labels?: unknown }).labels;
    delete (meta as { creationTimestamp?: unknown }).creationTimestamp;
    return { ...(t ?? {}), metadata: meta };
  };
  return deepEqual(strip(a), strip(b));
}

/** The revision → template (with change-cause) map of a workload, for history. */
export interface RevisionEntry {
  revision: number;
  template: PodTemplateSpec | undefined;
  changeCause?: string;
}
