// kubectl create: -f manifests, and the generators (deployment, namespace, configmap, …) whose objects
// match what kubectl builds client side.
// mirrors: kubectl/pkg/cmd/create

import { reportErrors } from './targets';
import type { CommandSpec } from '../command';
import type { Kubectl } from '../context';
import type { KubeObject } from '../../../engine/api/types';
import { manifestInfoStream } from '../builder';
import { KubectlError, ServerError } from '../errors';
import { DRY_RUN_FLAG, OUTPUT_FLAG, VALIDATE_FLAG, normalizeValidate, printResult, withSource, writeQuery } from '../mutate';
import { asStatus, withLastApplied } from './apply';
import { createGenerators } from './create-generators';

import { SAVE_CONFIG, dryRunStrategy } from './create-common';
import { ALLOW_MISSING_TEMPLATE_KEYS_FLAG, SHOW_MANAGED_FIELDS_FLAG, TEMPLATE_FLAG } from './common-flags';
import { notAvailableFlag } from '../unavailable';

export const createCommand: CommandSpec = {
  name: 'create',
  group: 'Basic Commands (Beginner)',
  short: 'Create a resource from a file or from stdin',
  long: 'Create a resource from a file or from stdin.\n\n JSON and YAML formats are accepted.',
  examples: '  # Create a pod using the data in pod.json\n  kubectl create -f ./pod.json\n  \n  # Create a pod based on the JSON passed into stdin\n  cat pod.json | kubectl create -f -\n  \n  # Edit the data in registry.yaml in JSON then create the resource using the edited data\n  kubectl create -f registry.yaml --edit -o json',
  usage: 'kubectl create -f FILENAME [options]',
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
    notAvailableFlag({ name: 'kustomize', short: 'k', type: 'string', default: '', usage: "Process the kustomization directory. This flag can't be used together with -f or -R." }),
    notAvailableFlag({ name: 'raw', type: 'string', default: '', usage: 'Raw URI to POST to the server.  Uses the transport specified by the kubeconfig file.' }),
    notAvailableFlag({ name: 'selector', short: 'l', type: 'string', default: '', usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." }),
    { name: 'filename', short: 'f', type: 'stringSlice', default: [], usage: 'Filename, directory, or URL to files to use to create the resource' },
    { name: 'recursive', short: 'R', type: 'bool', default: false, usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
    VALIDATE_FLAG,
    SAVE_CONFIG,
    { name: 'field-manager', type: 'string', default: 'kubectl-create', usage: 'Name of the manager used to track field ownership.' },
    { name: 'edit', type: 'bool', default: false, usage: 'Edit the API resource before creating' },
    { name: 'windows-line-endings', type: 'bool', default: false, usage: 'Only relevant if --edit=true. Defaults to the line ending native to your platform.' },
  ],
  subcommands: [],
  async run(k, args, f) {
    const v = f.values;
    const files = v.filename as string[];
    // CreateOptions.Complete refuses positional arguments (words that are no generator) first.
    if (args.length) throw new KubectlError(`error: Unexpected args: [${args.join(' ')}]\nSee 'kubectl create -h' for help and examples`);
    if (files.length === 0) throw new KubectlError("error: must specify one of -f and -k\n");
    const dry = await dryRunStrategy(k, v['dry-run']);
    const validate = normalizeValidate(v.validate);
    const ns = (v.namespace as string) || k.namespace;
    const { infos, errors } = await manifestInfoStream(k, files, v.recursive as boolean, ns, !!v.namespace);
    for (const m of infos) {
      const body = v['save-config'] ? withLastApplied(m.object, m.namespace) : m.object;
      try {
        if (dry === 'client') {
          await printResult(k, body, m.info, 'created', dry, v.output as string);
          continue;
        }
        const res = await k.request({ method: 'POST', path: k.resourcePath(m.info, m.namespace), query: writeQuery(v['field-manager'] as string, dry, validate), body, headers: { 'content-type': 'application/json' } });
        if (res.status >= 300) throw withSource(new ServerError(asStatus(res.body, res.status)), 'creating', m.source);
        await printResult(k, res.body as KubeObject, m.info, 'created', dry, v.output as string);
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

createCommand.subcommands = createGenerators();

export { SAVE_CONFIG } from './create-common';
