// kubectl kustomize: finds the kustomization like kustomize does, then reports that building it is not
// supported in the playground.

import type { CommandSpec } from '../command';
import { KubectlError } from '../errors';
import { resolvePath } from '../../../engine/runtime/sh/fs';

export const kustomizeCommand: CommandSpec = {
  name: 'kustomize',
  group: 'Advanced Commands',
  short: 'Build a kustomization target from a directory or URL',
  long: "Build a set of KRM resources using a 'kustomization.yaml' file. The DIR argument must be a path to a directory containing 'kustomization.yaml', or a git repository URL with a path suffix specifying same with respect to the repository root. If DIR is omitted, '.' is assumed.",
  examples: '  # Build the current working directory\n  kubectl kustomize\n  \n  # Build some shared configuration directory\n  kubectl kustomize /home/config/production\n  \n  # Build from github\n  kubectl kustomize https://github.com/kubernetes-sigs/kustomize.git/examples/helloWorld?ref=v1.0.6',
  usage: 'kubectl kustomize DIR [flags] [options]',
  flags: [
    { name: 'as-current-user', type: 'bool', default: false, usage: 'use the uid and gid of the command executor to run the function in the container' },
    { name: 'enable-alpha-plugins', type: 'bool', default: false, usage: 'enable kustomize plugins' },
    { name: 'enable-helm', type: 'bool', default: false, usage: 'Enable use of the Helm chart inflator generator.' },
    { name: 'env', short: 'e', type: 'stringSlice', default: [], usage: 'a list of environment variables to be used by functions' },
    { name: 'helm-api-versions', type: 'stringSlice', default: [], usage: 'Kubernetes api versions used by Helm for Capabilities.APIVersions' },
    { name: 'helm-command', type: 'string', default: 'helm', usage: 'helm command (path to executable)' },
    { name: 'helm-debug', type: 'bool', default: false, usage: 'Enable debug output from the Helm chart inflator generator.' },
    { name: 'helm-kube-version', type: 'string', default: '', usage: 'Kubernetes version used by Helm for Capabilities.KubeVersion' },
    { name: 'load-restrictor', type: 'string', default: 'LoadRestrictionsRootOnly', usage: "if set to 'LoadRestrictionsNone', local kustomizations may load files from outside their root. This does, however, break the relocatability of the kustomization." },
    { name: 'mount', type: 'stringSlice', default: [], usage: 'a list of storage options read from the filesystem' },
    { name: 'network', type: 'bool', default: false, usage: 'enable network access for functions that declare it' },
    { name: 'network-name', type: 'string', default: 'bridge', usage: 'the docker network to run the container in' },
    { name: 'output', short: 'o', type: 'string', default: '', usage: 'If specified, write output to this path.' },
  ],
  async run(k, args) {
    if (args.length > 1) throw new KubectlError(`error: specify one path to kustomization.yaml`);
    const dir = resolvePath(k.env.cwd, args[0] ?? '.');
    const st = k.env.fs.stat(dir);
    if (!st) throw new KubectlError(`error: must build at directory: not a valid directory: evalsymlink failure on '${args[0] ?? '.'}' : lstat ${dir}: no such file or directory`);
    const found = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'].some((n) => k.env.fs.stat(`${dir.replace(/\/$/, '')}/${n}`));
    if (st.type !== 'dir' || !found) throw new KubectlError(`error: unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '${dir}'`);
    throw new KubectlError('error: kustomize is not supported in this playground; apply the plain manifests with kubectl apply -f');
  },
};
