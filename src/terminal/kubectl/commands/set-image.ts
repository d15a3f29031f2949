// kubectl set image: CONTAINER=IMAGE pairs (or *=IMAGE) on pods and pod templates.
// mirrors: kubectl/pkg/cmd/set/set_image.go

import type { CommandSpec } from '../command';
import type { Container } from 'kubernetes-types/core/v1';
import { KubectlError } from '../errors';
import { DRY_RUN_FLAG, PRINT_FLAGS, SELECTOR_FLAG, fieldManagerFlag } from './workload-flags';
import { resourcesAndPairs } from './label-annotate';
import { parsePairs } from './run-pod';
import { podSpecOf, runSet, setTargetFlags } from './set-common';

export const setImageCommand: CommandSpec = {
  name: 'image',
  short: 'Update the image of a pod template',
  long: 'Update existing container image(s) of resources.\n\n Possible resources include (case insensitive):\n\n        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)',
  examples:
    "  # Set a deployment's nginx container image to 'nginx:1.9.1', and its busybox container image to 'busybox'\n  kubectl set image deployment/nginx busybox=busybox nginx=nginx:1.9.1\n  \n  # Update all deployments' and rc's nginx container's image to 'nginx:1.9.1'\n  kubectl set image deployments,rc nginx=nginx:1.9.1 --all\n  \n  # Update image of all containers of daemonset abc to 'nginx:1.9.1'\n  kubectl set image daemonset abc *=nginx:1.9.1\n  \n  # Print result (in yaml format) of updating nginx container image from local file, without hitting the server\n  kubectl set image -f path/to/file.yaml nginx=nginx:1.9.1 --local -o yaml",
  usage: 'kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N [options]',
  flags: [
    ...PRINT_FLAGS,
    DRY_RUN_FLAG,
    fieldManagerFlag('kubectl-set'),
    ...setTargetFlags('If true, set image will NOT contact api-server but run locally.', 'Filename, directory, or URL to files identifying the resource to get from a server.'),
    SELECTOR_FLAG,
  ],
  async run(k, args, f) {
    const v = f.values;
    const { resources, pairs } = resourcesAndPairs(args, 'image');
    const images = parsePairs(pairs, 'image');
    const errors: Error[] = [];
    return runSet(
      k,
      f,
      {
        resources,
        operation: 'image updated',
        patchErrorPrefix: 'failed to patch image update to pod template: ',
        errors,
        mutate(obj) {
          const spec = podSpecOf(obj);
          for (const [name, image] of Object.entries(images)) {
            const a = setImage(spec.initContainers, name, image);
            const b = setImage(spec.containers, name, image);
            if (!a && !b) errors.push(new Error(`error: unable to find container named ${JSON.stringify(name)}`));
          }
          return true;
        },
      },
      () => {
        const errs: string[] = [];
        if (v.all && v.selector) errs.push('cannot set --all and --selector at the same time');
        if (!resources.length && !(v.filename as string[]).length) errs.push('one or more resources must be specified as <resource> <name> or <resource>/<name>');
        const n = Object.keys(images).length;
        if (n < 1) errs.push('at least one image update is required');
        else if (n > 1 && '*' in images) errs.push('all containers are already specified by *, but saw more than one container_name=container_image pairs');
        if (v.local && v['dry-run'] === 'server') errs.push('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
        if (errs.length === 1) throw new KubectlError(`error: ${errs[0]}`);
        if (errs.length > 1) throw new KubectlError(errs.join('\n'));
      },
    );
  },
};

function setImage(containers: Container[] | undefined, name: string, image: string): boolean {
  let found = false;
  for (const c of containers ?? []) {
    if (c.name === name || name === '*') {
      found = true;
      (c as { image?: string }).image = image;
    }
  }
  return found;
}
