// kubectl patch: strategic (default), merge or json patches from -p or --patch-file (JSON or YAML),
// on the server or --local on -f objects; `patched` / `patched (no change)`.
// mirrors: kubectl/pkg/cmd/patch/patch.go

import { dryRunStrategy } from './create-common';
import type { CommandSpec } from '../command';
import type { KubeObject } from '../../../engine/api/types';
import { KubectlError, ServerError } from '../errors';
import { parseOutput } from '../output';
import { looksLikeJson, parseYamlDocument, YamlSyntaxError } from '../../../engine/util/yaml';
import { parseJsonGo } from '../../../engine/util/json-syntax';
import { resolvePath } from '../../../engine/runtime/sh/fs';
import { applyJsonPatch, applyMergePatch, applyStrategicMergePatch, deepEqual } from '../../../engine/api/patch/index';
import { patchMetaFor, schemaFor } from '../../../engine/schema/index';
import { asStatus } from './apply';
import { DRY_RUN_FLAG, KUSTOMIZE_FLAG, PRINT_FLAGS, RECURSIVE_FLAG, fieldManagerFlag, filenameFlag, namespaceOf, printOperation } from './workload-flags';
import { resolveTargets, reportErrors } from './targets';

const PATCH_TYPES: Record<string, string> = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
};

export const patchCommand: CommandSpec = {
  name: 'patch',
  group: 'Advanced Commands',
  short: 'Update fields of a resource',
  long: 'Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.\n\n JSON and YAML formats are accepted.\n\n Note: Strategic merge patch is not supported for custom resources.',
  examples:
    '  # Partially update a node using a strategic merge patch, specifying the patch as JSON\n  kubectl patch node k8s-node-1 -p \'{"spec":{"unschedulable":true}}\'\n  \n  # Partially update a node using a strategic merge patch, specifying the patch as YAML\n  kubectl patch node k8s-node-1 -p $\'spec:\\n unschedulable: true\'\n  \n  # Partially update a node identified by the type and name specified in "node.json" using strategic merge patch\n  kubectl patch -f node.json -p \'{"spec":{"unschedulable":true}}\'\n  \n  # Update a container\'s image; spec.containers[*].name is required because it\'s a merge key\n  kubectl patch pod valid-pod -p \'{"spec":{"containers":[{"name":"kubernetes-serve-hostname","image":"new image"}]}}\'\n  \n  # Update a container\'s image using a JSON patch with positional arrays\n  kubectl patch pod valid-pod --type=\'json\' -p=\'[{"op": "replace", "path": "/spec/containers/0/image", "value":"new image"}]\'\n  \n  # Update a deployment\'s replicas through the \'scale\' subresource using a merge patch\n  kubectl patch deployment nginx-deployment --subresource=\'scale\' --type=\'merge\' -p \'{"spec":{"replicas":2}}\'',
  usage: 'kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]',
  flags: [
    ...PRINT_FLAGS,
    DRY_RUN_FLAG,
    fieldManagerFlag('kubectl-patch'),
    filenameFlag('Filename, directory, or URL to files identifying the resource to update'),
    KUSTOMIZE_FLAG,
    { name: 'local', type: 'bool', default: false, usage: 'If true, patch will operate on the content of the file, not the server-side resource.' },
    { name: 'patch', short: 'p', type: 'string', default: '', usage: 'The patch to be applied to the resource JSON file.' },
    { name: 'patch-file', type: 'string', default: '', usage: 'A file containing a patch to be applied to the resource.' },
    RECURSIVE_FLAG,
    { name: 'subresource', type: 'string', default: '', usage: 'If specified, patch will operate on the subresource of the requested object. This flag is beta and may change in the future.' },
    { name: 'type', type: 'string', default: 'strategic', usage: 'The type of patch being provided; one of [json merge strategic]' },
  ],
  async run(k, args, f) {
    const v = f.values;
    const dry = await dryRunStrategy(k, v['dry-run']);
    if (v.output) parseOutput(v.output as string, false);
    const patchText = v.patch as string;
    const patchFile = v['patch-file'] as string;
    const local = v.local as boolean;
    if (patchText && patchFile) throw new KubectlError('error: cannot specify --patch and --patch-file together');
    if (!patchText && !patchFile) throw new KubectlError('error: must specify --patch or --patch-file containing the contents of the patch');
    if (local && args.length) throw new KubectlError('error: cannot specify --local and server resources');
    if (local && dry === 'server') throw new KubectlError('error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
    const type = (v.type as string).toLowerCase();
    if (!PATCH_TYPES[type]) throw new KubectlError(`error: --type must be one of [json merge strategic], not ${JSON.stringify(v.type)}`);
    let raw = patchText;
    if (patchFile) {
      const path = resolvePath(k.env.cwd, patchFile);
      if (!k.env.fs.stat(path)) throw new KubectlError(`error: unable to read patch file: open ${patchFile}: no such file or directory`);
      raw = k.env.fs.readFile(path);
    }
    // yaml.ToJSON: JSON (a leading `{`) goes to the server untouched; only YAML is converted here.
    let body: string;
    if (looksLikeJson(raw)) body = raw;
    else {
      try {
        body = JSON.stringify(parseYamlDocument(raw) ?? null);
      } catch (e) {
        if (!(e instanceof YamlSyntaxError)) throw e;
        throw new KubectlError(`error: unable to parse ${JSON.stringify(patchText)}: ${e.message}`);
      }
    }
    const { namespace, explicit } = namespaceOf(k, v);
    const sub = v.subresource as string;
    const r = await resolveTargets(k, args, { filenames: v.filename as string[], recursive: v.recursive as boolean, local, namespace, explicitNamespace: explicit });
    const errors: Error[] = [...r.errors];
    let count = r.errors.length;
    for (const t of r.targets) {
      count++;
      try {
        if (!local && dry !== 'client') {
          let before = t.object;
          if (sub) before = (await k.call({ method: 'GET', path: k.resourcePath(t.info, t.namespace, t.name, sub) })).body as KubeObject;
          const query: Record<string, string> = { fieldManager: v['field-manager'] as string };
          if (dry === 'server') query.dryRun = 'All';
          const res = await k.request({ method: 'PATCH', path: k.resourcePath(t.info, t.namespace, t.name, sub || undefined), query, body, headers: { 'content-type': PATCH_TYPES[type] } });
          if (res.status === 415) {
            const gvk = `${t.info.group ? t.info.group + '/' : ''}${t.info.version}, Kind=${t.info.kind}`;
            throw new KubectlError(`error: ${PATCH_TYPES[type]} is not supported by ${gvk}: ${asStatus(res.body, res.status).message}`);
          }
          if (res.status >= 300) throw new ServerError(asStatus(res.body, res.status));
          const after = res.body as KubeObject;
          await printOperation(k, after, t.info, deepEqual(before, after) ? 'patched (no change)' : 'patched', dry, v);
          continue;
        }
        let patch: unknown;
        try {
          patch = parseJsonGo(body);
        } catch (e) {
          throw new KubectlError(`error: ${(e as Error).message}`);
        }
        const patched = patchLocally(t.object, patch, type, t.info.group, t.info.version, t.info.kind);
        await printOperation(k, patched, t.info, deepEqual(t.object, patched) ? 'patched (no change)' : 'patched', dry, v);
      } catch (e) {
        if (!(e instanceof KubectlError)) throw e;
        errors.push(e);
      }
    }
    if (errors.length) return reportErrors(k, errors);
    if (count === 0) throw new KubectlError('error: no objects passed to patch');
    return 0;
  },
};

/** getPatchedJSON: applies the patch client side (--local, --dry-run=client). */
function patchLocally(obj: KubeObject, patch: unknown, type: string, group: string, version: string, kind: string): KubeObject {
  try {
    if (type === 'json') return applyJsonPatch(obj, patch) as KubeObject;
    if (type === 'merge') return applyMergePatch(obj, patch) as KubeObject;
    if (!schemaFor(group, version, kind)) {
      throw new KubectlError(`error: strategic merge patch is not supported for ${group ? group + '/' : ''}${version}, Kind=${kind} locally, try --type merge`);
    }
    return applyStrategicMergePatch(obj, patch, patchMetaFor(group, version, kind)) as KubeObject;
  } catch (e) {
    if (e instanceof KubectlError) throw e;
    const msg = (e as Error).message;
    const missing = /doc is missing key: (.*)$/.exec(msg);
    if (missing) throw new KubectlError(`error: Object to be patched is missing field (${missing[1]})`);
    throw new KubectlError(`error: ${msg}`);
  }
}
