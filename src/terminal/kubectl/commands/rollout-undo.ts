// kubectl rollout undo: puts back the pod template of the previous (or --to-revision) revision —
// a JSON patch of the deployment's template and annotations, or a daemon/stateful set's
// ControllerRevision data; `rolled back`, `skipped rollback (…)`, and kubectl's errors.
// mirrors: kubectl/pkg/cmd/rollout/rollout_undo.go, kubectl/pkg/polymorphichelpers/rollback.go

import { dryRunStrategy } from './create-common';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { CommandSpec } from '../command';
import type { Kubectl } from '../context';
import type { KubeObject } from '../../../engine/api/types';
import { KubectlError, ServerError } from '../errors';
import { DRY_RUN_FLAG, type DryRun } from '../mutate';
import { deepClone } from '../../../engine/store/freeze';
import { stableStringify } from '../../../engine/api/patch/stable-stringify';
import { asStatus } from './apply';
import { PRINT_FLAGS, printOperation } from './workload-flags';
import { reportErrors } from './targets';
import { HASH_LABEL, ROLLOUT_TARGET_FLAGS, controllerRevisions, deploymentReplicaSets, equalIgnoreHash, revisionOf, rolloutTargets, templateText } from './rollout-common';
import { templateFromRevision } from './rollout-history';

const SKIP_ANNOTATIONS = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

const notFound = (r: number) => new KubectlError(`error: unable to find specified revision ${r} in history`);

export const rolloutUndoCommand: CommandSpec = {
  name: 'undo',
  short: 'Undo a previous rollout',
  long: 'Roll back to a previous rollout.',
  examples: '  # Roll back to the previous deployment\n  kubectl rollout undo deployment/abc\n  \n  # Roll back to daemonset revision 3\n  kubectl rollout undo daemonset/abc --to-revision=3\n  \n  # Roll back to the previous deployment with dry-run\n  kubectl rollout undo --dry-run=server deployment/abc',
  usage: 'kubectl rollout undo (TYPE NAME | TYPE/NAME) [flags] [options]',
  flags: [...PRINT_FLAGS, DRY_RUN_FLAG, ...ROLLOUT_TARGET_FLAGS, { name: 'to-revision', type: 'int', default: 0, usage: 'The revision to rollback to. Default to 0 (last revision).' }],
  async run(k, args, f) {
    const v = f.values;
    const dry = await dryRunStrategy(k, v['dry-run']);
    const to = v['to-revision'] as number;
    const r = await rolloutTargets(k, args, f);
    if (r.errors.length) return reportErrors(k, r.errors);
    for (const t of r.targets) {
      let result: string;
      if (t.object.kind === 'Deployment') result = await undoDeployment(k, t.object, to, dry);
      else if (t.object.kind === 'DaemonSet' || t.object.kind === 'StatefulSet') result = await undoFromRevisions(k, t.object, to, dry);
      else throw new KubectlError(`error: no rollbacker has been implemented for "${t.object.kind}"`);
      await printOperation(k, t.object, t.info, result, dry, v);
    }
    return 0;
  },
};

async function undoDeployment(k: Kubectl, d: KubeObject, to: number, dry: DryRun): Promise<string> {
  if (to < 0) throw notFound(to);
  const name = d.metadata?.name ?? '';
  const path = `/apis/apps/v1/namespaces/${encodeURIComponent(d.metadata?.namespace ?? '')}/deployments/${encodeURIComponent(name)}`;
  const live = await k.request({ method: 'GET', path });
  if (live.status >= 300) throw new KubectlError(`error: failed to retrieve Deployment ${name}: ${asStatus(live.body, live.status).message}`);
  const deploy = live.body as KubeObject;
  const rss = await deploymentReplicaSets(k, deploy);
  let target: KubeObject | undefined;
  if (to > 0) {
    target = rss.find((rs) => revisionOf(rs) === to);
    if (!target) throw notFound(to);
  } else {
    // The second-newest revision.
    const sorted = rss.filter((rs) => revisionOf(rs) !== undefined).sort((a, b) => revisionOf(b)! - revisionOf(a)!);
    target = sorted[1];
    if (!target) throw new KubectlError(`error: no rollout history found for deployment "${name}"`);
  }
  const template = deepClone((target.spec as { template?: PodTemplateSpec }).template ?? {}) as PodTemplateSpec;
  if (dry === 'client') return templateText(template);
  if ((deploy.spec as { paused?: boolean }).paused) throw new KubectlError("error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
  if (equalIgnoreHash(template, (deploy.spec as { template?: PodTemplateSpec }).template)) return `skipped rollback (current template already matches revision ${to})`;
  const labels = { ...(template.metadata?.labels ?? {}) };
  delete labels[HASH_LABEL];
  (template as { metadata?: Record<string, unknown> }).metadata = { ...(template.metadata ?? {}), labels };
  const annotations: Record<string, string> = {};
  for (const [key, val] of Object.entries(deploy.metadata?.annotations ?? {})) if (SKIP_ANNOTATIONS.has(key)) annotations[key] = val;
  for (const [key, val] of Object.entries(target.metadata?.annotations ?? {})) if (!SKIP_ANNOTATIONS.has(key)) annotations[key] = val;
  const patch = [
    { op: 'replace', path: '/spec/template', value: template },
    { op: 'replace', path: '/metadata/annotations', value: annotations },
  ];
  const res = await k.request({ method: 'PATCH', path, query: dry === 'server' ? { dryRun: 'All' } : {}, body: stableStringify(patch), headers: { 'content-type': 'application/json-patch+json' } });
  if (res.status >= 300) throw new KubectlError(`error: failed restoring revision ${to}: ${new ServerError(asStatus(res.body, res.status)).status.message}`);
  return 'rolled back';
}

async function undoFromRevisions(k: Kubectl, obj: KubeObject, to: number, dry: DryRun): Promise<string> {
  if (to < 0) throw notFound(to);
  const history = await controllerRevisions(k, obj);
  if (to === 0 && history.length <= 1) throw new KubectlError('error: no last revision to roll back to');
  const target = to === 0 ? history[history.length - 2] : history.find((h) => h.revision === to);
  if (!target) throw notFound(to);
  const template = templateFromRevision(obj, target);
  if (dry === 'client') return templateText(template);
  if (equalIgnoreHash(template, (obj.spec as { template?: PodTemplateSpec }).template)) return `skipped rollback (current template already matches revision ${to})`;
  const path = k.resourcePath(await k.mapper.lookup(obj.kind === 'DaemonSet' ? 'daemonsets.apps' : 'statefulsets.apps'), obj.metadata?.namespace, obj.metadata?.name ?? '');
  const res = await k.request({ method: 'PATCH', path, query: dry === 'server' ? { dryRun: 'All' } : {}, body: stableStringify(target.data ?? {}), headers: { 'content-type': 'application/strategic-merge-patch+json' } });
  if (res.status >= 300) throw new KubectlError(`error: failed restoring revision ${to}: ${new ServerError(asStatus(res.body, res.status)).status.message}`);
  return 'rolled back';
}
