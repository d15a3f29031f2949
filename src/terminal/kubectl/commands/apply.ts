// kubectl apply -f (client-side): create with the last-applied annotation, or patch with the three-way
// strategic merge patch between last-applied, the manifest and the live object.
// mirrors: kubectl/pkg/cmd/apply/apply.go, patcher.go

import { dryRunStrategy } from './create-common';
import { reportErrors } from './targets';
import type { CommandSpec } from '../command';
import type { Kubectl } from '../context';
import type { KubeObject } from '../../../engine/api/types';
import { manifestInfoStream, type ManifestInfo } from '../builder';
import { KubectlError, ServerError, isStatus, reasonForCode } from '../errors';
import { DRY_RUN_FLAG, OUTPUT_FLAG, VALIDATE_FLAG, normalizeValidate, printResult, withSource, writeQuery, type DryRun } from '../mutate';
import { createThreeWayMergePatch, createThreeWayJsonMergePatch, isEmptyPatch } from '../../../engine/api/patch/create-patch';
import { stableStringify } from '../../../engine/api/patch/stable-stringify';
import { patchMetaFor, schemaFor } from '../../../engine/schema/index';
import { deepClone } from '../../../engine/store/freeze';
import { ALLOW_MISSING_TEMPLATE_KEYS_FLAG, TEMPLATE_FLAG } from './common-flags';
import { notAvailableFlag } from '../unavailable';
import { findFieldsOwners, LAST_APPLIED_PATH, upgradeManagedFieldsPatch } from '../../../engine/api/fieldmanager/csa-upgrade';
import type { ManagedFieldsEntry } from '../../../engine/api/fieldmanager/managed';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export const applyCommand: CommandSpec = {
  name: 'apply',
  group: 'Advanced Commands',
  short: 'Apply a configuration to a resource by file name or stdin',
  long: "Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn't exist yet. To use 'apply', always create the resource initially with either 'apply' or 'create --save-config'.\n\n JSON and YAML formats are accepted.\n\n Alpha Disclaimer: the --prune functionality is not yet complete. Do not use unless you are aware of what the current state is. See https://issues.k8s.io/34274.",
  examples: "  # Apply the configuration in pod.json to a pod\n  kubectl apply -f ./pod.json\n  \n  # Apply resources from a directory containing kustomization.yaml - e.g. dir/kustomization.yaml\n  kubectl apply -k dir/\n  \n  # Apply the JSON passed into stdin to a pod\n  cat pod.json | kubectl apply -f -\n  \n  # Apply the configuration from all files that end with '.json'\n  kubectl apply -f '*.json'\n  \n  # Note: --prune is still in Alpha\n  # Apply the configuration in manifest.yaml that matches label app=nginx and delete all other resources that are not in the file and match label app=nginx\n  kubectl apply --prune -f manifest.yaml -l app=nginx\n  \n  # Apply the configuration in manifest.yaml and delete all the other config maps that are not in the file\n  kubectl apply --prune -f manifest.yaml --all --prune-allowlist=core/v1/ConfigMap",
  usage: 'kubectl apply (-f FILENAME | -k DIRECTORY) [options]',
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    TEMPLATE_FLAG,
    { name: 'openapi-patch', type: 'bool', default: true, usage: 'If true, use openapi to calculate diff when the openapi presents and the resource can be found in the openapi spec. Otherwise, fall back to use baked-in types.' },
    notAvailableFlag({ name: 'all', type: 'bool', default: false, usage: 'Select all resources in the namespace of the specified resource types.' }),
    notAvailableFlag({ name: 'cascade', type: 'string', default: 'background', usage: 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.' }),
    notAvailableFlag({ name: 'grace-period', type: 'int', default: -1, usage: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).' }),
    notAvailableFlag({ name: 'prune-allowlist', type: 'stringArray', default: [], usage: 'Overwrite the default allowlist with <group/version/kind> for --prune' }),
    notAvailableFlag({ name: 'subresource', type: 'string', default: '', usage: 'If specified, apply will operate on the subresource of the requested object.  Only allowed when using --server-side. This flag is beta and may change in the future.' }),
    notAvailableFlag({ name: 'timeout', type: 'duration', default: 0, usage: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object' }),
    { name: 'filename', short: 'f', type: 'stringSlice', default: [], usage: 'The files that contain the configurations to apply.' },
    { name: 'recursive', short: 'R', type: 'bool', default: false, usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
    VALIDATE_FLAG,
    { name: 'server-side', type: 'bool', default: false, usage: 'If true, apply runs in the server instead of the client.' },
    { name: 'force-conflicts', type: 'bool', default: false, usage: 'If true, server-side apply will force the changes against conflicts.' },
    { name: 'field-manager', type: 'string', default: 'kubectl-client-side-apply', usage: 'Name of the manager used to track field ownership.' },
    { name: 'overwrite', type: 'bool', default: true, usage: 'Automatically resolve conflicts between the modified and live configuration by using values from the modified configuration' },
    { name: 'force', type: 'bool', default: false, usage: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.' },
    { name: 'prune', type: 'bool', default: false, usage: 'Automatically delete resource objects, that do not appear in the configs and are created by either apply or create --save-config. Should be used with either -l or --all.' },
    { name: 'selector', short: 'l', type: 'string', default: '', usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: 'kustomize', short: 'k', type: 'string', default: '', usage: "Process a kustomization directory. This flag can't be used together with -f or -R." },
    { name: 'wait', type: 'bool', default: false, usage: 'If true, wait for resources to be gone before returning. This waits for finalizers.' },
    { name: 'show-managed-fields', type: 'bool', default: false, usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.' },
  ],
  async run(k, args, f) {
    const v = f.values;
    const files = v.filename as string[];
    if (files.length === 0) throw new KubectlError('error: must specify one of -f and -k');
    if (args.length) throw new KubectlError(`error: Unexpected args: [${args.join(' ')}]\nSee 'kubectl apply -h' for help and examples`);
    const dry = await dryRunStrategy(k, v['dry-run']);
    const validate = normalizeValidate(v.validate);
    validateServerSideFlags(v, dry);
    const ns = (v.namespace as string) || k.namespace;
    const { infos, errors } = await manifestInfoStream(k, files, v.recursive as boolean, ns, !!v.namespace);
    if (infos.length === 0 && errors.length === 0) throw new KubectlError('error: no objects passed to apply');
    const serverSide = v['server-side'] as boolean;
    for (const info of infos) {
      try {
        if (serverSide) await applyServerSide(k, info, dry, validate, v, f.changed);
        else await applyOne(k, info, dry, validate, v.output as string, v['field-manager'] as string);
      } catch (e) {
        if (e instanceof KubectlError) {
          errors.push(e);
          continue;
        }
        throw e;
      }
    }
    return reportErrors(k, errors);
  },
};

/** The manifest with namespace set and annotations emptied of last-applied, as JSON + "\n". */
export function lastAppliedFor(obj: KubeObject, namespace: string | undefined): string {
  const o = deepClone(obj);
  const meta = (o.metadata ??= {});
  if (namespace) meta.namespace = namespace;
  const annotations = { ...(meta.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  meta.annotations = annotations;
  return stableStringify(o) + '\n';
}

export function withLastApplied(obj: KubeObject, namespace: string | undefined): KubeObject {
  const o = deepClone(obj);
  const meta = (o.metadata ??= {});
  if (namespace) meta.namespace = namespace;
  meta.annotations = { ...(meta.annotations ?? {}), [LAST_APPLIED]: lastAppliedFor(obj, namespace) };
  return o;
}

async function applyOne(k: Kubectl, m: ManifestInfo, dry: DryRun, validate: string, output: string | undefined, manager: string): Promise<void> {
  const { info, namespace, name } = m;
  const path = k.resourcePath(info, namespace, name);
  const cur = await k.request({ method: 'GET', path });
  const modified = withLastApplied(m.object, namespace);
  if (cur.status === 404) {
    if (dry === 'client') return printResult(k, modified, info, 'created', dry, output);
    const res = await k.request({ method: 'POST', path: k.resourcePath(info, namespace), query: writeQuery(manager, dry, validate), body: modified, headers: { 'content-type': 'application/json' } });
    if (res.status >= 300) throw withSource(new ServerError(asStatus(res.body, res.status)), 'creating', m.source);
    return printResult(k, res.body as KubeObject, info, 'created', dry, output);
  }
  if (cur.status >= 300) throw withSource(new ServerError(asStatus(cur.body, cur.status)), 'retrieving current configuration of:\nResource: "' + `${info.group ? info.group + '/' : ''}${info.version}, Resource=${info.resource}", GroupVersionKind: "${info.group ? info.group + '/' : ''}${info.version}, Kind=${info.kind}"\nName: "${name}", Namespace: "${namespace ?? ''}"\nfrom server for`, m.source);
  const live = cur.body as KubeObject;
  const originalText = live.metadata?.annotations?.[LAST_APPLIED];
  const original = originalText ? (JSON.parse(originalText) as KubeObject) : {};
  const known = !!schemaFor(info.group, info.version, info.kind);
  const patch = known
    ? createThreeWayMergePatch(original, modified, live, patchMetaFor(info.group, info.version, info.kind), true)
    : createThreeWayJsonMergePatch(original, modified, live);
  if (isEmptyPatch(patch)) return printResult(k, live, info, 'unchanged', dry, output);
  if (dry === 'client') return printResult(k, live, info, 'configured', dry, output);
  const res = await k.request({
    method: 'PATCH',
    path,
    query: writeQuery(manager, dry, validate),
    body: stableStringify(patch),
    headers: { 'content-type': known ? 'application/strategic-merge-patch+json' : 'application/merge-patch+json' },
  });
  if (res.status >= 300) throw withSource(new ServerError(asStatus(res.body, res.status)), 'patching', m.source);
  return printResult(k, res.body as KubeObject, info, 'configured', dry, output);
}

/** kubectl's advice after an apply conflict (apply.go). */
const CONFLICT_HINT = `Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts`;

const WARNING_LAST_APPLIED_FAILED = 'Warning: failed to migrate kubectl.kubernetes.io/last-applied-configuration for Server-Side Apply. This is non-fatal and will be retried next time you apply. Error: ';
const WARNING_MIGRATION_FAILED = 'Warning: server rejected managed fields migration to Server-Side Apply. This is non-fatal and will be retried next time you apply. Error: ';
const WARNING_REAPPLY_FAILED = 'Warning: failed to re-apply configuration after performing Server-Side Apply migration. This is non-fatal and will be retried next time you apply. Error: ';
const SSA_MANAGER = 'kubectl';
const LAST_APPLIED_MANAGER = 'kubectl-last-applied';
const MAX_PATCH_RETRY = 5;

/** Flag combinations kubectl apply refuses (ApplyOptions.Validate). */
export function validateServerSideFlags(v: Record<string, unknown>, dry: DryRun): void {
  const serverSide = v['server-side'] as boolean;
  if (v['force-conflicts'] && !serverSide) throw new KubectlError('error: --force-conflicts only works with --server-side');
  if (dry === 'client' && serverSide) throw new KubectlError("error: --dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)");
  if (serverSide && v.force) throw new KubectlError('error: --force cannot be used with --server-side');
}

/**
 * `apply --server-side`: one apply PATCH with the manifest; then, for the default manager, the
 * last-applied annotation kept under its own applier and client-side-apply ownership folded into
 * `kubectl`'s (followed by the apply again), as kubectl does when an object comes from client-side apply.
 */
async function applyServerSide(k: Kubectl, m: ManifestInfo, dry: DryRun, validate: string, v: Record<string, unknown>, changed: ReadonlySet<string>): Promise<void> {
  const { info, namespace, name } = m;
  // GetApplyFieldManagerFlag: an explicit --field-manager wins, else "kubectl".
  const manager = changed.has('field-manager') ? (v['field-manager'] as string) : SSA_MANAGER;
  const path = k.resourcePath(info, namespace, name);
  const base = writeQuery(manager, dry, validate);
  const obj = deepClone(m.object);
  if (namespace && info.namespaced) (obj.metadata ??= {}).namespace = namespace;
  const data = stableStringify(obj) + '\n';
  const applyOnce = () =>
    k.request({ method: 'PATCH', path, query: { ...base, force: String(!!v['force-conflicts']) }, body: data, headers: { 'content-type': 'application/apply-patch+yaml' } });
  const res = await applyOnce();
  if (res.status >= 300) {
    const status = asStatus(res.body, res.status);
    if (status.code === 409 && status.reason === 'Conflict') throw new KubectlError(`error: ${status.message ?? ''}\n${CONFLICT_HINT}`);
    throw new ServerError(status);
  }
  let live = res.body as KubeObject;
  if (manager === SSA_MANAGER) {
    const saved = await saveLastAppliedAnnotation(k, info, path, live, dry, validate);
    if (saved instanceof Error) await k.err(WARNING_LAST_APPLIED_FAILED + saved.message + '\n');
    else {
      live = saved;
      const migrated = await migrateToServerSideApply(k, path, live, manager, dry, validate);
      if (migrated instanceof Error) await k.err(WARNING_MIGRATION_FAILED + migrated.message + '\n');
      else if (migrated) {
        const again = await applyOnce();
        if (again.status >= 300) await k.err(WARNING_REAPPLY_FAILED + asStatus(again.body, again.status).message + '\n');
        else live = again.body as KubeObject;
      }
    }
  }
  if (live.metadata?.deletionTimestamp) await k.err(`Warning: Detected changes to resource ${live.metadata.name} which is currently being deleted.\n`);
  await printResult(k, live, info, 'serverside-applied', dry, v.output as string, !!v['show-managed-fields']);
}

/** saveLastApplyAnnotationIfNecessary: the annotation applied by `kubectl-last-applied` so SSA keeps it. */
async function saveLastAppliedAnnotation(k: Kubectl, info: ManifestInfo['info'], path: string, live: KubeObject, dry: DryRun, validate: string): Promise<KubeObject | Error> {
  const annotation = live.metadata?.annotations?.[LAST_APPLIED];
  if (annotation === undefined) return live;
  const entries = live.metadata?.managedFields as ManagedFieldsEntry[] | undefined;
  if (findFieldsOwners(entries, 'Apply', [LAST_APPLIED_PATH]).length > 0) return live;
  const meta: Record<string, unknown> = { annotations: { [LAST_APPLIED]: annotation }, name: live.metadata?.name };
  if (info.namespaced && live.metadata?.namespace) meta.namespace = live.metadata.namespace;
  const body = stableStringify({ apiVersion: info.group ? `${info.group}/${info.version}` : info.version, kind: info.kind, metadata: meta }) + '\n';
  const res = await k.request({ method: 'PATCH', path, query: writeQuery(LAST_APPLIED_MANAGER, dry, validate), body, headers: { 'content-type': 'application/apply-patch+yaml' } });
  if (res.status >= 300) return new Error(asStatus(res.body, res.status).message ?? '');
  return res.body as KubeObject;
}

/** migrateToSSAIfNecessary: true when a managedFields migration was sent (the apply is then repeated). */
async function migrateToServerSideApply(k: Kubectl, path: string, live: KubeObject, manager: string, dry: DryRun, validate: string): Promise<boolean | Error> {
  let obj = live;
  const owners = findFieldsOwners(obj.metadata?.managedFields as ManagedFieldsEntry[] | undefined, 'Update', [LAST_APPLIED_PATH]);
  const names = [...new Set(owners.map((e) => e.manager ?? ''))];
  let last: Error | undefined;
  for (let i = 0; i < MAX_PATCH_RETRY; i++) {
    const patch = upgradeManagedFieldsPatch(obj.metadata?.managedFields as ManagedFieldsEntry[] | undefined, obj.metadata?.resourceVersion, names, manager);
    if (!patch) return false;
    const res = await k.request({ method: 'PATCH', path, query: writeQuery(manager, dry, validate), body: JSON.stringify(patch), headers: { 'content-type': 'application/json-patch+json' } });
    if (res.status < 300) return true;
    const status = asStatus(res.body, res.status);
    last = new Error(status.message ?? '');
    if (status.code !== 409) return last;
    const again = await k.request({ method: 'GET', path });
    if (again.status >= 300) return new Error(asStatus(again.body, again.status).message ?? '');
    obj = again.body as KubeObject;
  }
  return last ?? false;
}

export function asStatus(body: unknown, code: number) {
  if (isStatus(body)) return body;
  return { kind: 'Status' as const, apiVersion: 'v1' as const, metadata: {}, status: 'Failure' as const, message: String(body ?? ''), code, reason: reasonForCode(code) };
}
