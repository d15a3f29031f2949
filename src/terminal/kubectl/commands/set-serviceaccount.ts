// kubectl set serviceaccount (sa): sets spec.serviceAccountName in pod templates.
// mirrors: kubectl/pkg/cmd/set/set_serviceaccount.go

import type { CommandSpec } from '../command';
import { KubectlError } from '../errors';
import { DRY_RUN_FLAG, PRINT_FLAGS, fieldManagerFlag } from './workload-flags';
import { podSpecOf, runSet, setTargetFlags } from './set-common';

export const setServiceAccountCommand: CommandSpec = {
  name: 'serviceaccount',
  aliases: ['sa'],
  short: 'Update the service account of a resource',
  long: 'Update the service account of pod template resources.\n\n Possible resources (case insensitive) can be:\n\n replicationcontroller (rc), deployment (deploy), daemonset (ds), job, replicaset (rs), statefulset',
  examples:
    "  # Set deployment nginx-deployment's service account to serviceaccount1\n  kubectl set serviceaccount deployment nginx-deployment serviceaccount1\n  \n  # Print the result (in YAML format) of updated nginx deployment with the service account from local file, without hitting the API server\n  kubectl set sa -f nginx-deployment.yaml serviceaccount1 --local --dry-run=client -o yaml",
  usage: 'kubectl set serviceaccount (-f FILENAME | TYPE NAME) SERVICE_ACCOUNT [options]',
  flags: [
    ...PRINT_FLAGS,
    DRY_RUN_FLAG,
    fieldManagerFlag('kubectl-set'),
    ...setTargetFlags('If true, set serviceaccount will NOT contact api-server but run locally.', 'Filename, directory, or URL to files identifying the resource to get from a server.'),
  ],
  async run(k, args, f) {
    if (f.values.local && f.values['dry-run'] === 'server') throw new KubectlError('error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
    if (args.length === 0) throw new KubectlError('error: serviceaccount is required');
    const name = args[args.length - 1];
    return runSet(k, f, {
      resources: args.slice(0, -1),
      operation: 'serviceaccount updated',
      patchErrorPrefix: 'failed to patch ServiceAccountName ',
      mutate(obj) {
        (podSpecOf(obj) as { serviceAccountName?: string }).serviceAccountName = name;
        return true;
      },
    });
  },
};
