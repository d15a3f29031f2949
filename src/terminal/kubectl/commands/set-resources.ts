// kubectl set resources: --limits / --requests (cpu=100m,memory=256Mi) on selected containers.
// mirrors: kubectl/pkg/cmd/set/set_resources.go, kubectl/pkg/generate/versioned/run.go (HandleResourceRequirementsV1)

import type { CommandSpec } from '../command';
import { KubectlError } from '../errors';
import { canonicalQuantity, quantityParseError } from '../../../engine/util/quantity';
import { DRY_RUN_FLAG, PRINT_FLAGS, SELECTOR_FLAG, fieldManagerFlag } from './workload-flags';
import { podSpecOf, runSet, selectContainers, setTargetFlags } from './set-common';

const LIMITS_USAGE = "The resource requirement requests for this container.  For example, 'cpu=100m,memory=256Mi'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges.";

/** `cpu=100m,memory=256Mi` → canonical quantities (populateResourceListV1). */
export function parseResourceList(spec: string): Record<string, string> | undefined {
  if (!spec) return undefined;
  const out: Record<string, string> = {};
  for (const stmt of spec.split(',')) {
    const parts = stmt.split('=');
    if (parts.length !== 2) throw new KubectlError(`error: Invalid argument syntax ${stmt}, expected <resource>=<value>`);
    const err = quantityParseError(parts[1]);
    if (err) throw new KubectlError(`error: ${err}`);
    out[parts[0]] = canonicalQuantity(parts[1]);
  }
  return out;
}

export const setResourcesCommand: CommandSpec = {
  name: 'resources',
  short: 'Update resource requests/limits on objects with pod templates',
  long: 'Specify compute resource requirements (CPU, memory) for any resource that defines a pod template.  If a pod is successfully scheduled, it is guaranteed the amount of resource requested, but may burst up to its specified limits.\n\n For each compute resource, if a limit is specified and a request is omitted, the request will default to the limit.\n\n Possible resources include (case insensitive): Use "kubectl api-resources" for a complete list of supported resources..',
  examples:
    '  # Set a deployments nginx container cpu limits to "200m" and memory to "512Mi"\n  kubectl set resources deployment nginx -c=nginx --limits=cpu=200m,memory=512Mi\n  \n  # Set the resource request and limits for all containers in nginx\n  kubectl set resources deployment nginx --limits=cpu=200m,memory=512Mi --requests=cpu=100m,memory=256Mi\n  \n  # Remove the resource requests for resources on containers in nginx\n  kubectl set resources deployment nginx --limits=cpu=0,memory=0 --requests=cpu=0,memory=0\n  \n  # Print the result (in yaml format) of updating nginx container limits from a local, without hitting the server\n  kubectl set resources -f path/to/file.yaml --limits=cpu=200m,memory=512Mi --local -o yaml',
  usage: 'kubectl set resources (-f FILENAME | TYPE NAME)  ([--limits=LIMITS & --requests=REQUESTS] [options]',
  flags: [
    ...PRINT_FLAGS,
    { name: 'containers', short: 'c', type: 'string', default: '*', usage: 'The names of containers in the selected pod templates to change, all containers are selected by default - may use wildcards' },
    DRY_RUN_FLAG,
    fieldManagerFlag('kubectl-set'),
    ...setTargetFlags('If true, set resources will NOT contact api-server but run locally.', 'Filename, directory, or URL to files identifying the resource to get from a server.'),
    { name: 'limits', type: 'string', default: '', usage: LIMITS_USAGE },
    { name: 'requests', type: 'string', default: '', usage: LIMITS_USAGE },
    SELECTOR_FLAG,
  ],
  async run(k, args, f) {
    const v = f.values;
    const selector = v.containers as string;
    const errors: Error[] = [];
    let limits: Record<string, string> | undefined;
    let requests: Record<string, string> | undefined;
    return runSet(
      k,
      f,
      {
        resources: args,
        operation: 'resource requirements updated',
        patchErrorPrefix: 'failed to patch resources update to pod template ',
        errors,
        mutate(obj) {
          const spec = podSpecOf(obj);
          const containers = [...selectContainers(spec.containers, selector), ...selectContainers(spec.initContainers, selector)];
          if (containers.length === 0) {
            errors.push(new Error(`error: unable to find container named ${selector}`));
            return false;
          }
          for (const c of containers) {
            const r = ((c as { resources?: { limits?: Record<string, string>; requests?: Record<string, string> } }).resources ??= {});
            if (limits) r.limits = { ...(r.limits ?? {}), ...limits };
            if (requests) r.requests = { ...(r.requests ?? {}), ...requests };
          }
          return true;
        },
      },
      () => {
        if (v.local && v['dry-run'] === 'server') throw new KubectlError('error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
        if (v.all && v.selector) throw new KubectlError('error: cannot set --all and --selector at the same time');
        if (!v.limits && !v.requests) throw new KubectlError('error: you must specify an update to requests or limits (in the form of --requests/--limits)');
        limits = parseResourceList(v.limits as string);
        requests = parseResourceList(v.requests as string);
      },
    );
  },
};
