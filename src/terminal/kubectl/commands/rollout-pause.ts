// kubectl rollout pause / resume / restart: flip spec.paused, or stamp the template with
// kubectl.kubernetes.io/restartedAt, through a strategic merge patch; kubectl's texts for objects
// already in that state and for unsupported kinds.
// mirrors: kubectl/pkg/cmd/rollout/rollout_pause.go, rollout_resume.go, rollout_restart.go,
//          kubectl/pkg/polymorphichelpers/objectpauser.go, objectresumer.go, objectrestarter.go

import type { CommandSpec } from '../command';
import type { Kubectl } from '../context';
import type { ParsedFlags } from '../flags';
import type { KubeObject } from '../../../engine/api/types';
import { ServerError } from '../errors';
import { createTwoWayMergePatch } from '../../../engine/api/patch/create-patch';
import { stableStringify } from '../../../engine/api/patch/stable-stringify';
import { patchMetaFor } from '../../../engine/schema/index';
import { deepClone } from '../../../engine/store/freeze';
import { qualifiedResource } from '../discovery';
import { asStatus } from './apply';
import { PRINT_FLAGS, fieldManagerFlag, namespaceOf, printOperation } from './workload-flags';
import { reportErrors } from './targets';
import { ROLLOUT_TARGET_FLAGS, rolloutTargets } from './rollout-common';

const FLAGS = [...PRINT_FLAGS, fieldManagerFlag('kubectl-rollout'), ...ROLLOUT_TARGET_FLAGS];

interface Toggle {
  /** Changes obj in place or throws the error text (`is already paused`). */
  change(obj: KubeObject, nowMs: number): void;
  done: string;
  /** Operation printed when the patch comes out empty; undefined → an error (restart). */
  unchanged?: string;
}

const PAUSE: Toggle = {
  change(obj) {
    if (obj.kind !== 'Deployment') throw new Error('pausing is not supported');
    const spec = obj.spec as { paused?: boolean };
    if (spec.paused) throw new Error('is already paused');
    spec.paused = true;
  },
  done: 'paused',
  unchanged: 'already paused',
};

const RESUME: Toggle = {
  change(obj) {
    if (obj.kind !== 'Deployment') throw new Error('resuming is not supported');
    const spec = obj.spec as { paused?: boolean };
    if (!spec.paused) throw new Error('is not paused');
    delete spec.paused;
  },
  done: 'resumed',
  unchanged: 'already resumed',
};

/** RFC 3339 in UTC, to the second, like time.Now().Format(time.RFC3339). */
function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const RESTART: Toggle = {
  change(obj, nowMs) {
    if (!['Deployment', 'DaemonSet', 'StatefulSet'].includes(obj.kind ?? '')) throw new Error('restarting is not supported');
    const spec = obj.spec as { paused?: boolean; template?: { metadata?: { annotations?: Record<string, string> } } };
    if (obj.kind === 'Deployment' && spec.paused) throw new Error("can't restart paused deployment (run rollout resume first)");
    const meta = ((spec.template ??= {}).metadata ??= {});
    meta.annotations = { ...(meta.annotations ?? {}), 'kubectl.kubernetes.io/restartedAt': rfc3339(nowMs) };
  },
  done: 'restarted',
};

async function runToggle(k: Kubectl, args: string[], f: ParsedFlags, t: Toggle): Promise<number> {
  const v = f.values;
  const r = await rolloutTargets(k, args, f);
  const errors: Error[] = [...r.errors];
  if (r.targets.length === 0 && errors.length === 0) {
    await k.err(`No resources found in ${namespaceOf(k, v).namespace} namespace.\n`);
    return 0;
  }
  for (const target of r.targets) {
    const after = deepClone(target.object);
    try {
      t.change(after, k.env.now());
    } catch (e) {
      errors.push(new Error(`error: ${qualifiedResource(target.info)} ${JSON.stringify(target.name)} ${(e as Error).message}`));
      continue;
    }
    const patch = stableStringify(createTwoWayMergePatch(target.object, after, patchMetaFor(target.info.group, target.info.version, target.info.kind)));
    if (patch === '{}') {
      if (t.unchanged) await printOperation(k, target.object, target.info, t.unchanged, 'none', v);
      else errors.push(new Error(`failed to create patch for ${target.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`));
      continue;
    }
    const res = await k.request({
      method: 'PATCH',
      path: k.resourcePath(target.info, target.namespace, target.name),
      query: { fieldManager: v['field-manager'] as string },
      body: patch,
      headers: { 'content-type': 'application/strategic-merge-patch+json' },
    });
    if (res.status >= 300) {
      errors.push(new Error(`failed to patch: ${new ServerError(asStatus(res.body, res.status)).status.message}`));
      continue;
    }
    await printOperation(k, res.body as KubeObject, target.info, t.done, 'none', v);
  }
  return reportErrors(k, errors);
}

export const rolloutPauseCommand: CommandSpec = {
  name: 'pause',
  short: 'Mark the provided resource as paused',
  long: 'Mark the provided resource as paused.\n\n Paused resources will not be reconciled by a controller. Use "kubectl rollout resume" to resume a paused resource. Currently only deployments support being paused.',
  examples: '  # Mark the nginx deployment as paused\n  # Any current state of the deployment will continue its function; new updates\n  # to the deployment will not have an effect as long as the deployment is paused\n  kubectl rollout pause deployment/nginx',
  usage: 'kubectl rollout pause RESOURCE [options]',
  flags: FLAGS,
  run: (k, args, f) => runToggle(k, args, f, PAUSE),
};

export const rolloutResumeCommand: CommandSpec = {
  name: 'resume',
  short: 'Resume a paused resource',
  long: 'Resume a paused resource.\n\n Paused resources will not be reconciled by a controller. By resuming a resource, we allow it to be reconciled again. Currently only deployments support being resumed.',
  examples: '  # Resume an already paused deployment\n  kubectl rollout resume deployment/nginx',
  usage: 'kubectl rollout resume RESOURCE [options]',
  flags: FLAGS,
  run: (k, args, f) => runToggle(k, args, f, RESUME),
};

export const rolloutRestartCommand: CommandSpec = {
  name: 'restart',
  short: 'Restart a resource',
  long: 'Restart a resource.\n\n        Resource rollout will be restarted.',
  examples: "  # Restart all deployments in the test-namespace namespace\n  kubectl rollout restart deployment -n test-namespace\n  \n  # Restart a deployment\n  kubectl rollout restart deployment/nginx\n  \n  # Restart a daemon set\n  kubectl rollout restart daemonset/abc\n  \n  # Restart deployments with the app=nginx label\n  kubectl rollout restart deployment --selector=app=nginx",
  usage: 'kubectl rollout restart RESOURCE [options]',
  flags: FLAGS,
  run: (k, args, f) => runToggle(k, args, f, RESTART),
};
