// kubectl label: add, change (--overwrite) or remove (`key-`) labels on objects, or --list them.
// mirrors: kubectl/pkg/cmd/label/label.go

import type { CommandSpec } from '../command';
import { KubectlError } from '../errors';
import { DRY_RUN_FLAG, FIELD_SELECTOR_FLAG, KUSTOMIZE_FLAG, PRINT_FLAGS, RECURSIVE_FLAG, SELECTOR_FLAG, fieldManagerFlag, filenameFlag } from './workload-flags';
import { parseLabelArgs, resourcesAndPairs, runMapUpdate } from './label-annotate';

export const labelCommand: CommandSpec = {
  name: 'label',
  group: 'Settings Commands',
  short: 'Update the labels on a resource',
  long: "Update the labels on a resource.\n\n  *  A label key and value must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters each.\n  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.\n  *  If --overwrite is true, then existing labels can be overwritten, otherwise attempting to overwrite a label will result in an error.\n  *  If --resource-version is specified, then updates will use this resource version, otherwise the existing resource-version will be used.",
  examples:
    "  # Update pod 'foo' with the label 'unhealthy' and the value 'true'\n  kubectl label pods foo unhealthy=true\n  \n  # Update pod 'foo' with the label 'status' and the value 'unhealthy', overwriting any existing value\n  kubectl label --overwrite pods foo status=unhealthy\n  \n  # Update all pods in the namespace\n  kubectl label pods --all status=unhealthy\n  \n  # Update a pod identified by the type and name in \"pod.json\"\n  kubectl label -f pod.json status=unhealthy\n  \n  # Update pod 'foo' only if the resource is unchanged from version 1\n  kubectl label pods foo status=unhealthy --resource-version=1\n  \n  # Update pod 'foo' by removing a label named 'bar' if it exists\n  # Does not require the --overwrite flag\n  kubectl label pods foo bar-",
  usage: 'kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  flags: [
    ...PRINT_FLAGS,
    { name: 'all', type: 'bool', default: false, usage: 'Select all resources, in the namespace of the specified resource types' },
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false, usage: 'If true, check the specified action in all namespaces.' },
    DRY_RUN_FLAG,
    fieldManagerFlag('kubectl-label'),
    FIELD_SELECTOR_FLAG,
    filenameFlag('Filename, directory, or URL to files identifying the resource to update the labels'),
    KUSTOMIZE_FLAG,
    { name: 'list', type: 'bool', default: false, usage: 'If true, display the labels for a given resource.' },
    { name: 'local', type: 'bool', default: false, usage: 'If true, label will NOT contact api-server but run locally.' },
    { name: 'overwrite', type: 'bool', default: false, usage: 'If true, allow labels to be overwritten, otherwise reject label updates that overwrite existing labels.' },
    RECURSIVE_FLAG,
    { name: 'resource-version', type: 'string', default: '', usage: 'If non-empty, the labels update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.' },
    SELECTOR_FLAG,
  ],
  async run(k, args, f) {
    const v = f.values;
    const { resources, pairs } = resourcesAndPairs(args, 'label');
    const { set, remove } = parseLabelArgs(pairs);
    if (v.list && v.output) throw new KubectlError('error: --list and --output may not be specified together');
    if (v.all && v.selector) throw new KubectlError('error: cannot set --all and --selector at the same time');
    if (v.all && v['field-selector']) throw new KubectlError('error: cannot set --all and --field-selector at the same time');
    const files = v.filename as string[];
    if (v.local) {
      if (v['dry-run'] === 'server') throw new KubectlError('error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
      if (resources.length) throw new KubectlError('error: can only use local files by -f pod.yaml or --filename=pod.json when --local=true is set');
      if (!files.length) throw new KubectlError('error: one or more files must be specified as -f pod.yaml or --filename=pod.json');
    } else if (!resources.length && !files.length) {
      throw new KubectlError('error: one or more resources must be specified as <resource> <name> or <resource>/<name>');
    }
    if (!set.size && !remove.length && !v.list) throw new KubectlError('error: at least one label update is required');
    return runMapUpdate(k, f, resources, { field: 'labels', set, remove });
  },
};
