// What the `kubectl set` subcommands share: the pod spec inside a workload, container selection with
// wildcards, and the change loop (two-way strategic merge patch, `{}` skipped, --local/--dry-run=client
// printing the changed object, `<kind>/<name> <operation>` on success).
// mirrors: kubectl/pkg/cmd/set/helper.go, kubectl/pkg/polymorphichelpers/updatepodspec.go

import { dryRunStrategy } from './create-common';
import type { Container, PodSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../engine/api/types';
import type { Kubectl } from '../context';
import type { ParsedFlags } from '../flags';
import type { FlagDef } from '../flags';
import { KubectlError, ServerError } from '../errors';
import { createTwoWayMergePatch } from '../../../engine/api/patch/create-patch';
import { stableStringify } from '../../../engine/api/patch/stable-stringify';
import { patchMetaFor } from '../../../engine/schema/index';
import { deepClone } from '../../../engine/store/freeze';
import { asStatus } from './apply';
import { namespaceOf, printOperation } from './workload-flags';
import { resolveTargets, reportErrors, type Target } from './targets';
import { goTypeName } from './pod-for-object';

/** --all, -f, -k, --local, -R, -l: the flags the set subcommands declare (usage texts differ). */
export function setTargetFlags(local: string, filename: string, all = 'Select all resources, in the namespace of the specified resource types'): FlagDef[] {
  return [
    { name: 'all', type: 'bool', default: false, usage: all },
    { name: 'filename', short: 'f', type: 'stringSlice', default: [], usage: filename },
    { name: 'kustomize', short: 'k', type: 'string', default: '', usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: 'local', type: 'bool', default: false, usage: local },
    { name: 'recursive', short: 'R', type: 'bool', default: false, usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
  ];
}

/** UpdatePodSpecForObject: the pod spec a workload carries (mutable, inside obj). */
export function podSpecOf(obj: KubeObject): PodSpec {
  const spec = obj.spec as Record<string, unknown> | undefined;
  switch (obj.kind) {
    case 'Pod':
      return (obj.spec ??= {}) as PodSpec;
    case 'ReplicationController':
    case 'Deployment':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'Job': {
      const t = ((spec ?? (obj.spec = {})) as { template?: { spec?: PodSpec } });
      return ((t.template ??= {}).spec ??= {} as PodSpec);
    }
    case 'CronJob': {
      const jt = ((spec ?? (obj.spec = {})) as { jobTemplate?: { spec?: { template?: { spec?: PodSpec } } } });
      return ((((jt.jobTemplate ??= {}).spec ??= {}).template ??= {}).spec ??= {} as PodSpec);
    }
  }
  throw new Error(`the object is not a pod or does not have a pod template: ${goTypeName(obj)}`);
}

/** selectString: `*` and simple wildcards over container names. */
export function selectString(s: string, spec: string): boolean {
  if (spec === '*') return true;
  if (!spec.includes('*')) return s === spec;
  const re = new RegExp('^' + spec.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
  return re.test(s);
}

export function selectContainers(containers: Container[] | undefined, spec: string): Container[] {
  return (containers ?? []).filter((c) => selectString(c.name, spec));
}

export interface SetRun {
  resources: string[];
  /** `image updated`, `env updated`… */
  operation: string;
  /** Prefix of a failed PATCH's error (`failed to patch image update to pod template: `). */
  patchErrorPrefix: string;
  /** Changes obj in place; returns false when nothing applies (no patch). Errors are per object. */
  mutate(obj: KubeObject, target: Target): boolean;
  /** Extra errors collected while mutating (set image's missing containers). */
  errors?: Error[];
  /** Runs before patches are sent, after all objects were mutated (set env --list stops here). */
  afterMutate?(): Promise<boolean>;
  /** Called after each successful PATCH (set env's late check). */
  afterPatch?(): void;
  /** set selector patches (and prints) even an empty change and reports mutate errors bare. */
  selectorStyle?: boolean;
}

/** Resolves the targets (GET latest unless --local), mutates, patches and prints. */
export async function runSet(k: Kubectl, f: ParsedFlags, s: SetRun, validate?: () => void): Promise<number> {
  const v = f.values;
  const dry = await dryRunStrategy(k, v['dry-run']);
  const local = v.local as boolean;
  const { namespace, explicit } = namespaceOf(k, v);
  if (local && s.resources.length) {
    throw new KubectlError("error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'");
  }
  const r = await resolveTargets(k, s.resources, {
    filenames: v.filename as string[],
    recursive: v.recursive as boolean,
    selector: local ? undefined : (v.selector as string | undefined),
    all: local ? false : (v.all as boolean),
    local,
    namespace,
    explicitNamespace: explicit,
  });
  if (r.errors.length) return reportErrors(k, r.errors);
  validate?.();
  const errors: Error[] = [];
  const work: { t: Target; before: KubeObject; after: KubeObject }[] = [];
  for (const t of r.targets) {
    const after = deepClone(t.object);
    try {
      if (!s.mutate(after, t)) continue;
      work.push({ t, before: t.object, after });
    } catch (e) {
      if (s.selectorStyle) errors.push(e as Error);
      else errors.push(new Error(`error: ${t.info.resource}/${t.name} ${(e as Error).message.replace(/^error: /, '')}\n`));
    }
  }
  if (s.afterMutate && !(await s.afterMutate())) return reportErrors(k, [...(s.errors ?? []), ...errors]);
  for (const { t, before, after } of work) {
    const patch = createTwoWayMergePatch(before, after, patchMetaFor(t.info.group, t.info.version, t.info.kind));
    const body = stableStringify(patch);
    if (body === '{}' && !s.selectorStyle) continue;
    if (local || dry === 'client') {
      await printOperation(k, after, t.info, s.operation, dry, v);
      continue;
    }
    const query: Record<string, string> = { fieldManager: v['field-manager'] as string };
    if (dry === 'server') query.dryRun = 'All';
    const res = await k.request({ method: 'PATCH', path: k.resourcePath(t.info, t.namespace, t.name), query, body, headers: { 'content-type': 'application/strategic-merge-patch+json' } });
    if (res.status >= 300) {
      errors.push(new Error(`${s.patchErrorPrefix}${new ServerError(asStatus(res.body, res.status)).status.message ?? ''}`));
      continue;
    }
    s.afterPatch?.();
    await printOperation(k, res.body as KubeObject, t.info, s.operation, dry, v);
  }
  return reportErrors(k, [...(s.errors ?? []), ...errors]);
}
