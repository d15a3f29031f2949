// kubectl rollout history: the REVISION / CHANGE-CAUSE table, or one revision's pod template
// (--revision), of deployments (from their ReplicaSets) and daemon/stateful sets (ControllerRevisions).
// mirrors: kubectl/pkg/cmd/rollout/rollout_history.go, kubectl/pkg/polymorphichelpers/history.go

import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { CommandSpec } from '../command';
import type { Kubectl } from '../context';
import type { KubeObject } from '../../../engine/api/types';
import { KubectlError } from '../errors';
import { kindGroup } from '../discovery';
import { tabbedString } from '../printers/index';
import { applyStrategicMergePatch } from '../../../engine/api/patch/index';
import { patchMetaFor } from '../../../engine/schema/index';
import { PRINT_FLAGS, withoutManagedFields } from './workload-flags';
import { formatObjects, parseOutput, outputOptionsFrom } from '../output';
import { reportErrors } from './targets';
import { CHANGE_CAUSE_ANNOTATION, ROLLOUT_TARGET_FLAGS, controllerRevisions, deploymentReplicaSets, revisionOf, rolloutTargets, templateText, type RevisionEntry } from './rollout-common';

export const rolloutHistoryCommand: CommandSpec = {
  name: 'history',
  short: 'View rollout history',
  long: 'View previous rollout revisions and configurations.',
  examples: '  # View the rollout history of a deployment\n  kubectl rollout history deployment/abc\n  \n  # View the details of daemonset revision 3\n  kubectl rollout history daemonset/abc --revision=3',
  usage: 'kubectl rollout history (TYPE NAME | TYPE/NAME) [flags] [options]',
  flags: [...PRINT_FLAGS, ...ROLLOUT_TARGET_FLAGS, { name: 'revision', type: 'int', default: 0, usage: 'See the details, including podTemplate of the revision specified' }],
  async run(k, args, f) {
    const v = f.values;
    const revision = v.revision as number;
    if (args.length === 0 && !(v.filename as string[]).length) throw new KubectlError('error: required resource not specified');
    if (revision < 0) throw new KubectlError(`error: revision must be a positive integer: ${revision}`);
    const r = await rolloutTargets(k, args, f);
    if (r.errors.length) return reportErrors(k, r.errors);
    for (const t of r.targets) {
      const { entries, objects } = await historyOf(k, t.object);
      if (v.output) {
        // -o prints the history objects themselves (ReplicaSets / ControllerRevisions).
        const pick = revision > 0 ? objects.filter((o) => o.revision === revision) : objects;
        for (const o of pick) await k.out(formatObjects([v['show-managed-fields'] ? o.object : withoutManagedFields(o.object)], parseOutput(v.output as string, false, outputOptionsFrom(v, k.env)), true, k.env.fs, k.env.cwd));
        continue;
      }
      let text: string;
      if (entries.length === 0) text = 'No rollout history found.';
      else if (revision > 0) {
        const e = entries.find((x) => x.revision === revision);
        if (!e) throw new KubectlError('error: unable to find the specified revision');
        text = templateText(e.template);
      } else {
        text = tabbedString((w) => {
          w.write('REVISION\tCHANGE-CAUSE\n');
          for (const e of entries) w.write(`${e.revision}\t${e.changeCause || '<none>'}\n`);
        });
      }
      const withRevision = revision > 0 ? `with revision #${revision}` : '';
      await k.out(`${kindGroup(t.info)}/${t.name} ${withRevision}\n${text}\n`);
    }
    return 0;
  },
};

/** Revisions sorted ascending, with their templates and change causes. */
export async function historyOf(k: Kubectl, obj: KubeObject): Promise<{ entries: RevisionEntry[]; objects: { revision: number; object: KubeObject }[] }> {
  const byRevision = new Map<number, RevisionEntry>();
  const objects: { revision: number; object: KubeObject }[] = [];
  if (obj.kind === 'Deployment') {
    for (const rs of await deploymentReplicaSets(k, obj)) {
      const rev = revisionOf(rs);
      if (rev === undefined) continue;
      const template = (rs.spec as { template?: PodTemplateSpec }).template;
      byRevision.set(rev, { revision: rev, template, changeCause: rs.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION] });
      objects.push({ revision: rev, object: withKind(rs, 'ReplicaSet') });
    }
  } else if (obj.kind === 'DaemonSet' || obj.kind === 'StatefulSet') {
    for (const cr of await controllerRevisions(k, obj)) {
      const rev = cr.revision as number;
      byRevision.set(rev, { revision: rev, template: templateFromRevision(obj, cr), changeCause: cr.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION] });
      objects.push({ revision: rev, object: withKind(cr, 'ControllerRevision') });
    }
  } else {
    throw new KubectlError(`error: no history viewer has been implemented for "${obj.kind}"`);
  }
  const entries = [...byRevision.values()].sort((a, b) => a.revision - b.revision);
  objects.sort((a, b) => a.revision - b.revision);
  return { entries, objects };
}

/** The pod template a ControllerRevision restores (its data applied to the owner). */
export function templateFromRevision(owner: KubeObject, cr: KubeObject): PodTemplateSpec | undefined {
  const applied = applyStrategicMergePatch(owner, cr.data ?? {}, patchMetaFor('apps', 'v1', owner.kind ?? '')) as KubeObject;
  return (applied.spec as { template?: PodTemplateSpec } | undefined)?.template;
}

function withKind(o: KubeObject, kind: string): KubeObject {
  return o.kind ? o : { apiVersion: 'apps/v1', kind, ...o };
}
