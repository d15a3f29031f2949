// kubectl rollout status: watches a deployment, daemon set or stateful set and prints kubectl's
// progress lines on every change until the rollout is complete (or --watch=false, --timeout, Ctrl-C).
// mirrors: kubectl/pkg/cmd/rollout/rollout_status.go, kubectl/pkg/polymorphichelpers/rollout_status.go

import type { CommandSpec } from '../command';
import type { KubeObject } from '../../../engine/api/types';
import { KubectlError } from '../errors';
import { reportErrors } from './targets';
import { ROLLOUT_TARGET_FLAGS, revisionOf, rolloutTargets } from './rollout-common';
import { untilWithSync } from './watch-until';
import { namespaceOf } from './workload-flags';

interface Status {
  text: string;
  done: boolean;
}

/** DeploymentStatusViewer.Status. */
export function deploymentStatus(d: KubeObject, revision: number): Status {
  const name = d.metadata?.name ?? '';
  const spec = (d.spec ?? {}) as { replicas?: number };
  const st = (d.status ?? {}) as { observedGeneration?: number; replicas?: number; updatedReplicas?: number; availableReplicas?: number; conditions?: { type: string; reason?: string }[] };
  if (revision > 0) {
    const rev = revisionOf(d);
    if (rev === undefined) throw new KubectlError(`error: cannot get the revision of deployment "${name}": ${d.metadata?.annotations?.['deployment.kubernetes.io/revision'] === undefined ? 'strconv.ParseInt: parsing "": invalid syntax' : 'invalid revision'}`);
    if (rev !== revision) throw new KubectlError(`error: desired revision (${revision}) is different from the running revision (${rev})`);
  }
  if ((d.metadata?.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const progressing = st.conditions?.find((c) => c.type === 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded') throw new KubectlError(`error: deployment "${name}" exceeded its progress deadline`);
    const updated = st.updatedReplicas ?? 0;
    if (spec.replicas !== undefined && updated < spec.replicas) {
      return { text: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${spec.replicas} new replicas have been updated...\n`, done: false };
    }
    if ((st.replicas ?? 0) > updated) {
      return { text: `Waiting for deployment "${name}" rollout to finish: ${(st.replicas ?? 0) - updated} old replicas are pending termination...\n`, done: false };
    }
    if ((st.availableReplicas ?? 0) < updated) {
      return { text: `Waiting for deployment "${name}" rollout to finish: ${st.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`, done: false };
    }
    return { text: `deployment "${name}" successfully rolled out\n`, done: true };
  }
  return { text: 'Waiting for deployment spec update to be observed...\n', done: false };
}

/** DaemonSetStatusViewer.Status. */
export function daemonSetStatus(ds: KubeObject): Status {
  const name = ds.metadata?.name ?? '';
  const spec = (ds.spec ?? {}) as { updateStrategy?: { type?: string } };
  const st = (ds.status ?? {}) as { observedGeneration?: number; updatedNumberScheduled?: number; desiredNumberScheduled?: number; numberAvailable?: number };
  if (spec.updateStrategy?.type !== 'RollingUpdate') throw new KubectlError('error: rollout status is only available for RollingUpdate strategy type');
  if ((ds.metadata?.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const desired = st.desiredNumberScheduled ?? 0;
    if ((st.updatedNumberScheduled ?? 0) < desired) return { text: `Waiting for daemon set "${name}" rollout to finish: ${st.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...\n`, done: false };
    if ((st.numberAvailable ?? 0) < desired) return { text: `Waiting for daemon set "${name}" rollout to finish: ${st.numberAvailable ?? 0} of ${desired} updated pods are available...\n`, done: false };
    return { text: `daemon set "${name}" successfully rolled out\n`, done: true };
  }
  return { text: 'Waiting for daemon set spec update to be observed...\n', done: false };
}

/** StatefulSetStatusViewer.Status. */
export function statefulSetStatus(sts: KubeObject): Status {
  const spec = (sts.spec ?? {}) as { replicas?: number; updateStrategy?: { type?: string; rollingUpdate?: { partition?: number } } };
  const st = (sts.status ?? {}) as { observedGeneration?: number; readyReplicas?: number; updatedReplicas?: number; currentReplicas?: number; updateRevision?: string; currentRevision?: string };
  if (spec.updateStrategy?.type !== 'RollingUpdate') throw new KubectlError('error: rollout status is only available for RollingUpdate strategy type');
  if (!st.observedGeneration || (sts.metadata?.generation ?? 0) > st.observedGeneration) return { text: 'Waiting for statefulset spec update to be observed...\n', done: false };
  if (spec.replicas !== undefined && (st.readyReplicas ?? 0) < spec.replicas) return { text: `Waiting for ${spec.replicas - (st.readyReplicas ?? 0)} pods to be ready...\n`, done: false };
  const ru = spec.updateStrategy.rollingUpdate;
  if (ru) {
    if (spec.replicas !== undefined && ru.partition !== undefined && (st.updatedReplicas ?? 0) < spec.replicas - ru.partition) {
      return { text: `Waiting for partitioned roll out to finish: ${st.updatedReplicas ?? 0} out of ${spec.replicas - ru.partition} new pods have been updated...\n`, done: false };
    }
    return { text: `partitioned roll out complete: ${st.updatedReplicas ?? 0} new pods have been updated...\n`, done: true };
  }
  if (st.updateRevision !== st.currentRevision) return { text: `waiting for statefulset rolling update to complete ${st.updatedReplicas ?? 0} pods at revision ${st.updateRevision}...\n`, done: false };
  return { text: `statefulset rolling update complete ${st.currentReplicas ?? 0} pods at revision ${st.currentRevision}...\n`, done: true };
}

function statusOf(o: KubeObject, revision: number): Status {
  if (o.kind === 'Deployment') return deploymentStatus(o, revision);
  if (o.kind === 'DaemonSet') return daemonSetStatus(o);
  if (o.kind === 'StatefulSet') return statefulSetStatus(o);
  throw new KubectlError(`error: no status viewer has been implemented for ${o.kind}${o.apiVersion?.includes('/') ? '.' + o.apiVersion.split('/')[0] : ''}`);
}

export const rolloutStatusCommand: CommandSpec = {
  name: 'status',
  short: 'Show the status of the rollout',
  long: "Show the status of the rollout.\n\n By default 'rollout status' will watch the status of the latest rollout until it's done. If you don't want to wait for the rollout to finish then you can use --watch=false. Note that if a new rollout starts in-between, then 'rollout status' will continue watching the latest revision. If you want to pin to a specific revision and abort if it is rolled over by another revision, use --revision=N where N is the revision you need to watch for.",
  examples: '  # Watch the rollout status of a deployment\n  kubectl rollout status deployment/nginx',
  usage: 'kubectl rollout status (TYPE NAME | TYPE/NAME) [flags] [options]',
  flags: [
    ...ROLLOUT_TARGET_FLAGS,
    { name: 'revision', type: 'int', default: 0, usage: 'Pin to a specific revision for showing its status. Defaults to 0 (last revision).' },
    { name: 'timeout', type: 'duration', default: 0, usage: 'The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).' },
    { name: 'watch', short: 'w', type: 'bool', default: true, usage: "Watch the status of the rollout until it's done." },
  ],
  async run(k, args, f) {
    const v = f.values;
    const revision = v.revision as number;
    if (args.length === 0 && !(v.filename as string[]).length) throw new KubectlError('error: required resource not specified');
    if (revision < 0) throw new KubectlError(`error: revision must be a positive integer: ${revision}`);
    const r = await rolloutTargets(k, args, f);
    if (r.errors.length) return reportErrors(k, r.errors);
    if (r.targets.length === 0) {
      await k.err(`No resources found in ${namespaceOf(k, v).namespace} namespace.\n`);
      return 0;
    }
    const watch = v.watch as boolean;
    for (const t of r.targets) {
      const out = await untilWithSync(k, k.resourcePath(t.info, t.namespace), t.name, v.timeout as number, async (type, obj) => {
        if (type === 'DELETED') throw new KubectlError('error: object has been deleted');
        const s = statusOf(obj, revision);
        await k.out(s.text);
        return s.done || !watch;
      });
      if (out.kind === 'timeout') throw new KubectlError('error: timed out waiting for the condition');
      if (out.kind === 'interrupted') return 130;
    }
    return 0;
  },
};
