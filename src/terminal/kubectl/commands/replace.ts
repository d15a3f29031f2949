// kubectl replace -f: PUT the whole object (with the live resourceVersion when the file has none), or
// with --force delete it, wait until it is gone and create it again.
// mirrors: kubectl/pkg/cmd/replace/replace.go, cli-runtime/pkg/resource/helper.go (Replace)

import type { CommandSpec } from '../command';
import type { Kubectl } from '../context';
import type { KubeObject } from '../../../engine/api/types';
import type { ManifestInfo } from '../builder';
import { manifestInfos } from '../builder';
import { KubectlError, ServerError } from '../errors';
import { VALIDATE_FLAG, normalizeValidate, withSource, writeQuery, type DryRun } from '../mutate';
import { parseOutput } from '../output';
import { kindGroup } from '../discovery';
import { deepClone } from '../../../engine/store/freeze';
import { asStatus, withLastApplied } from './apply';
import { SAVE_CONFIG, dryRunStrategy } from './create-common';
import { DRY_RUN_FLAG, PRINT_FLAGS, RECURSIVE_FLAG, fieldManagerFlag, filenameFlag, namespaceOf, printOperation } from './workload-flags';
import { reportErrors } from './targets';

export const replaceCommand: CommandSpec = {
  name: 'replace',
  group: 'Advanced Commands',
  short: 'Replace a resource by file name or stdin',
  long: 'Replace a resource by file name or stdin.\n\n JSON and YAML formats are accepted. If replacing an existing resource, the complete resource spec must be provided. This can be obtained by\n\n        $ kubectl get TYPE NAME -o yaml',
  examples:
    "  # Replace a pod using the data in pod.json\n  kubectl replace -f ./pod.json\n  \n  # Replace a pod based on the JSON passed into stdin\n  cat pod.json | kubectl replace -f -\n  \n  # Update a single-container pod's image version (tag) to v4\n  kubectl get pod mypod -o yaml | sed 's/\\(image: myimage\\):.*$/\\1:v4/' | kubectl replace -f -\n  \n  # Force replace, delete and then re-create the resource\n  kubectl replace --force -f ./pod.json",
  usage: 'kubectl replace -f FILENAME [options]',
  flags: [
    ...PRINT_FLAGS,
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background', usage: 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.' },
    DRY_RUN_FLAG,
    fieldManagerFlag('kubectl-replace'),
    filenameFlag('The files that contain the configurations to replace.'),
    { name: 'force', type: 'bool', default: false, usage: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.' },
    { name: 'grace-period', type: 'int', default: -1, usage: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).' },
    { name: 'kustomize', short: 'k', type: 'string', default: '', usage: "Process a kustomization directory. This flag can't be used together with -f or -R." },
    { name: 'raw', type: 'string', default: '', usage: 'Raw URI to PUT to the server.  Uses the transport specified by the kubeconfig file.' },
    RECURSIVE_FLAG,
    SAVE_CONFIG,
    { name: 'subresource', type: 'string', default: '', usage: 'If specified, replace will operate on the subresource of the requested object. This flag is beta and may change in the future.' },
    { name: 'timeout', type: 'duration', default: 0, usage: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object' },
    VALIDATE_FLAG,
    { name: 'wait', type: 'bool', default: false, usage: 'If true, wait for resources to be gone before returning. This waits for finalizers.' },
  ],
  async run(k, _args, f) {
    const v = f.values;
    const dry = await dryRunStrategy(k, v['dry-run']);
    const validate = normalizeValidate(v.validate);
    if (v.output) parseOutput(v.output as string, false);
    const force = v.force as boolean;
    const files = v.filename as string[];
    if (files.length === 0) throw new KubectlError('error: must specify one of -f and -k');
    if ((v['grace-period'] as number) >= 0 && !force) throw new KubectlError('error: --grace-period must have --force specified');
    if ((v.timeout as number) !== 0 && !force) throw new KubectlError('error: --timeout must have --force specified');
    if (force && dry !== 'none') throw new KubectlError('error: --dry-run can not be used when --force is set');
    const { namespace, explicit } = namespaceOf(k, v);
    const infos = await manifestInfos(k, files, v.recursive as boolean, namespace, explicit);
    if (force) return forceReplace(k, infos, v, validate);
    const errors: Error[] = [];
    const sub = (v.subresource as string) || undefined;
    for (const m of infos) {
      try {
        let obj = m.object;
        if (v['save-config']) obj = withLastApplied(obj, undefined);
        if (dry === 'client') {
          await printOperation(k, obj, m.info, 'replaced', dry, v);
          continue;
        }
        obj = deepClone(obj);
        const meta = (obj.metadata ??= {});
        if (m.namespace && m.info.namespaced) meta.namespace = m.namespace;
        const path = k.resourcePath(m.info, m.namespace, m.name, sub);
        if (!meta.resourceVersion) {
          const cur = await k.request({ method: 'GET', path });
          if (cur.status < 300) meta.resourceVersion = (cur.body as KubeObject).metadata?.resourceVersion;
        }
        const res = await k.request({ method: 'PUT', path, query: writeQuery(v['field-manager'] as string, dry, validate), body: obj, headers: { 'content-type': 'application/json' } });
        if (res.status >= 300) throw withSource(new ServerError(asStatus(res.body, res.status)), 'replacing', m.source);
        await printOperation(k, res.body as KubeObject, m.info, 'replaced', dry, v);
      } catch (e) {
        if (!(e instanceof KubectlError)) throw e;
        errors.push(e);
      }
    }
    return reportErrors(k, errors);
  },
};

/** --force: delete everything, wait for it to be gone (polling each second), then create it anew. */
async function forceReplace(k: Kubectl, infos: ManifestInfo[], v: Record<string, unknown>, validate: string): Promise<number> {
  const cascade = String(v.cascade);
  const policy = cascade === 'orphan' ? 'Orphan' : cascade === 'foreground' ? 'Foreground' : 'Background';
  const grace = v['grace-period'] as number;
  for (const m of infos) {
    const body: Record<string, unknown> = { propagationPolicy: policy };
    if (grace >= 0) body.gracePeriodSeconds = grace;
    const res = await k.request({ method: 'DELETE', path: k.resourcePath(m.info, m.namespace, m.name), body, headers: { 'content-type': 'application/json' } });
    if (res.status >= 300) throw new ServerError(asStatus(res.body, res.status));
    await k.out(`${kindGroup(m.info)} "${m.name}" ${grace === 0 ? 'force deleted' : 'deleted'}\n`);
  }
  const timeout = (v.timeout as number) || 5 * 60_000;
  for (const m of infos) {
    const start = k.env.now();
    for (;;) {
      const cur = await k.request({ method: 'GET', path: k.resourcePath(m.info, m.namespace, m.name) });
      if (cur.status === 404) break;
      if (k.env.now() - start >= timeout) throw new KubectlError('error: timed out waiting for the condition');
      await k.env.sleep(1000);
      if (k.env.signal.aborted) throw new KubectlError('', 130);
    }
  }
  let count = 0;
  for (const m of infos) {
    let obj = deepClone(m.object);
    // Helper.Create(modify=true) drops the resourceVersion the file carries.
    if (obj.metadata?.resourceVersion) delete obj.metadata.resourceVersion;
    if (v['save-config']) obj = withLastApplied(obj, undefined);
    const res = await k.request({ method: 'POST', path: k.resourcePath(m.info, m.namespace), query: writeQuery(v['field-manager'] as string, 'none' as DryRun, validate), body: obj, headers: { 'content-type': 'application/json' } });
    if (res.status >= 300) throw new ServerError(asStatus(res.body, res.status));
    count++;
    await printOperation(k, res.body as KubeObject, m.info, 'replaced', 'none', v);
  }
  if (count === 0) throw new KubectlError('error: no objects passed to replace');
  return 0;
}
