// kubectl annotate: add, change (--overwrite) or remove (`key-`) annotations on objects, or --list them.
// mirrors: kubectl/pkg/cmd/annotate/annotate.go

import type { CommandSpec } from '../command';
import { KubectlError } from '../errors';
import { DRY_RUN_FLAG, FIELD_SELECTOR_FLAG, KUSTOMIZE_FLAG, PRINT_FLAGS, RECURSIVE_FLAG, SELECTOR_FLAG, fieldManagerFlag, filenameFlag } from './workload-flags';
import { parseAnnotationArgs, resourcesAndPairs, runMapUpdate } from './label-annotate';

export const annotateCommand: CommandSpec = {
  name: 'annotate',
  group: 'Settings Commands',
  short: 'Update the annotations on a resource',
  long: 'Update the annotations on one or more resources.\n\n All Kubernetes objects support the ability to store additional data with the object as annotations. Annotations are key/value pairs that can be larger than labels and include arbitrary string values such as structured JSON. Tools and system extensions may use annotations to store their own data.\n\n Attempting to set an annotation that already exists will fail unless --overwrite is set. If --resource-version is specified and does not match the current resource version on the server the command will fail.\n\nUse "kubectl api-resources" for a complete list of supported resources.',
  examples:
    "  # Update pod 'foo' with the annotation 'description' and the value 'my frontend'\n  # If the same annotation is set multiple times, only the last value will be applied\n  kubectl annotate pods foo description='my frontend'\n  \n  # Update a pod identified by type and name in \"pod.json\"\n  kubectl annotate -f pod.json description='my frontend'\n  \n  # Update pod 'foo' with the annotation 'description' and the value 'my frontend running nginx', overwriting any existing value\n  kubectl annotate --overwrite pods foo description='my frontend running nginx'\n  \n  # Update all pods in the namespace\n  kubectl annotate pods --all description='my frontend running nginx'\n  \n  # Update pod 'foo' only if the resource is unchanged from version 1\n  kubectl annotate pods foo description='my frontend running nginx' --resource-version=1\n  \n  # Update pod 'foo' by removing an annotation named 'description' if it exists\n  # Does not require the --overwrite flag\n  kubectl annotate pods foo description-",
  usage: 'kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  flags: [
    ...PRINT_FLAGS,
    { name: 'all', type: 'bool', default: false, usage: 'Select all resources, in the namespace of the specified resource types.' },
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false, usage: 'If true, check the specified action in all namespaces.' },
    DRY_RUN_FLAG,
    fieldManagerFlag('kubectl-annotate'),
    FIELD_SELECTOR_FLAG,
    filenameFlag('Filename, directory, or URL to files identifying the resource to update the annotation'),
    KUSTOMIZE_FLAG,
    { name: 'list', type: 'bool', default: false, usage: 'If true, display the annotations for a given resource.' },
    { name: 'local', type: 'bool', default: false, usage: 'If true, annotation will NOT contact api-server but run locally.' },
    { name: 'overwrite', type: 'bool', default: false, usage: 'If true, allow annotations to be overwritten, otherwise reject annotation updates that overwrite existing annotations.' },
    RECURSIVE_FLAG,
    { name: 'resource-version', type: 'string', default: '', usage: 'If non-empty, the annotation update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.' },
    SELECTOR_FLAG,
  ],
  async run(k, args, f) {
    const v = f.values;
    const { resources, pairs } = resourcesAndPairs(args, 'annotation');
    const { set, remove } = parseAnnotationArgs(pairs);
    if (v.list && v.output) throw new KubectlError('error: --list and --output may not be specified together');
    if (v.all && v.selector) throw new KubectlError('error: cannot set --all and --selector at the same time');
    if (v.all && v['field-selector']) throw new KubectlError('error: cannot set --all and --field-selector at the same time');
    const files = v.filename as string[];
    if (!v.local) {
      if (!resources.length && !files.length) throw new KubectlError('error: one or more resources must be specified as <resource> <name> or <resource>/<name>');
    } else {
      if (v['dry-run'] === 'server') throw new KubectlError('error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
      if (resources.length) throw new KubectlError('error: can only use local files by -f rsrc.yaml or --filename=rsrc.json when --local=true is set');
      if (!files.length) throw new KubectlError('error: one or more files must be specified as -f rsrc.yaml or --filename=rsrc.json');
    }
    if (!set.size && !remove.length && !v.list) throw new KubectlError('error: at least one annotation update is required');
    return runMapUpdate(k, f, resources, { field: 'annotations', set, remove });
  },
};
