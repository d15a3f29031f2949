// kubectl create <generator>: the objects kubectl builds for deployment, namespace, configmap and friends.
// mirrors: kubectl/pkg/cmd/create/create_deployment.go, create_namespace.go, create_configmap.go

import type { CommandSpec } from '../command';
import type { KubeObject } from '../../../engine/api/types';
import type { Kubectl } from '../context';
import { KubectlError } from '../errors';
import { DRY_RUN_FLAG, OUTPUT_FLAG, VALIDATE_FLAG } from '../mutate';
import { createGenerated, SAVE_CONFIG } from './create-common';
import { resolvePath } from '../../../engine/runtime/sh/fs';
import { ALLOW_MISSING_TEMPLATE_KEYS_FLAG, SHOW_MANAGED_FIELDS_FLAG, TEMPLATE_FLAG } from './common-flags';

const COMMON = [DRY_RUN_FLAG, OUTPUT_FLAG, VALIDATE_FLAG, SAVE_CONFIG, ALLOW_MISSING_TEMPLATE_KEYS_FLAG, SHOW_MANAGED_FIELDS_FLAG, TEMPLATE_FLAG, { name: 'field-manager', type: 'string' as const, default: 'kubectl-create', usage: 'Name of the manager used to track field ownership.' }];

/** The container name kubectl derives from an image: its last path element without tag or digest. */
export function containerNameFromImage(image: string): string {
  let s = image.split('@')[0];
  s = s.slice(s.lastIndexOf('/') + 1);
  const colon = s.indexOf(':');
  if (colon >= 0) s = s.slice(0, colon);
  return s.toLowerCase().replace(/[^a-z0-9-]/g, '-').replace(/^-+|-+$/g, '');
}

function needName(args: string[], cmd: string): string {
  if (args.length === 0) throw new KubectlError(`error: exactly one NAME is required, got 0\nSee 'kubectl create ${cmd} -h' for help and examples`);
  if (args.length > 1) throw new KubectlError(`error: exactly one NAME is required, got ${args.length}\nSee 'kubectl create ${cmd} -h' for help and examples`);
  return args[0];
}

function deployment(): CommandSpec {
  return {
    name: 'deployment',
    aliases: ['deploy'],
    short: 'Create a deployment with the specified name',
    long: 'Create a deployment with the specified name.',
    examples: '  # Create a deployment named my-dep that runs the busybox image\n  kubectl create deployment my-dep --image=busybox\n  \n  # Create a deployment with a command\n  kubectl create deployment my-dep --image=busybox -- date\n  \n  # Create a deployment named my-dep that runs the nginx image with 3 replicas\n  kubectl create deployment my-dep --image=nginx --replicas=3\n  \n  # Create a deployment named my-dep that runs the busybox image and expose port 5701\n  kubectl create deployment my-dep --image=busybox --port=5701\n  \n  # Create a deployment named my-dep that runs multiple containers\n  kubectl create deployment my-dep --image=busybox:latest --image=ubuntu:latest --image=nginx',
    usage: 'kubectl create deployment NAME --image=image -- [COMMAND] [args...] [options]',
    flags: [
      ...COMMON,
      { name: 'image', type: 'stringSlice', default: [], usage: 'Image names to run. A deployment can have multiple images set for multi-container pod.', required: true },
      { name: 'port', type: 'int', default: -1, usage: 'The containerPort that this deployment exposes.' },
      { name: 'replicas', short: 'r', type: 'int', default: 1, usage: 'Number of replicas to create. Default is 1.' },
    ],
    async run(k, args, f) {
      const dash = f.dashArgs ?? [];
      const names = f.argsLenAtDash >= 0 ? args.slice(0, f.argsLenAtDash) : args;
      const name = needName(names, 'deployment');
      const images = f.values.image as string[];
      if (images.length > 1 && dash.length) throw new KubectlError('error: cannot specify multiple --image options and command');
      const labels = { app: name };
      const port = f.values.port as number;
      const containers = images.map((image) => {
        const c: Record<string, unknown> = { image, name: containerNameFromImage(image), resources: {} };
        if (dash.length) c.command = dash;
        if (port >= 0) c.ports = [{ containerPort: port }];
        return c;
      });
      const obj: KubeObject = {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { creationTimestamp: null as unknown as string, labels, name },
        spec: {
          replicas: f.values.replicas,
          selector: { matchLabels: { ...labels } },
          strategy: {},
          template: { metadata: { creationTimestamp: null, labels: { ...labels } }, spec: { containers } },
        },
        status: {},
      };
      return createGenerated(k, 'deployments.apps', obj, f);
    },
  };
}

function namespace(): CommandSpec {
  return {
    name: 'namespace',
    aliases: ['ns'],
    short: 'Create a namespace with the specified name',
    long: 'Create a namespace with the specified name.',
    examples: '  # Create a new namespace named my-namespace\n  kubectl create namespace my-namespace',
    usage: 'kubectl create namespace NAME [--dry-run=server|client|none] [options]',
    flags: [...COMMON],
    async run(k, args, f) {
      const name = needName(args, 'namespace');
      return createGenerated(k, 'namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { creationTimestamp: null as unknown as string, name }, spec: {}, status: {} }, f);
    },
  };
}

/** --from-literal / --from-file / --from-env-file into a map (values as given), with kubectl's errors. */
export async function collectData(k: Kubectl, f: { values: Record<string, unknown> }, kind: 'configmap' | 'secret'): Promise<Record<string, string>> {
  const data: Record<string, string> = {};
  const add = (key: string, value: string) => {
    if (!/^[-._a-zA-Z0-9]+$/.test(key) || key === '.' || key === '..') {
      throw new KubectlError(`error: "${key}" is not a valid key name for a ${kind === 'configmap' ? 'ConfigMap' : 'Secret'}: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`);
    }
    if (key in data) throw new KubectlError(`error: cannot add key "${key}", another key by that name already exists in Data for ${kind === 'configmap' ? 'ConfigMap' : 'Secret'} "${'' }"`);
    data[key] = value;
  };
  for (const lit of (f.values['from-literal'] as string[]) ?? []) {
    const i = lit.indexOf('=');
    if (i <= 0) throw new KubectlError(`error: invalid literal source ${lit}, expected key=value`);
    add(lit.slice(0, i), lit.slice(i + 1));
  }
  for (const src of (f.values['from-file'] as string[]) ?? []) {
    const i = src.indexOf('=');
    const key = i >= 0 ? src.slice(0, i) : undefined;
    const file = i >= 0 ? src.slice(i + 1) : src;
    const path = resolvePath(k.env.cwd, file);
    const st = k.env.fs.stat(path);
    if (!st) throw new KubectlError(`error: error reading ${file}: no such file or directory`);
    if (st.type === 'dir') {
      if (key) throw new KubectlError(`error: cannot give a key name for a directory path`);
      for (const name of k.env.fs.readdir(path)) {
        const p = `${path}/${name}`;
        if (k.env.fs.stat(p)?.type === 'file') add(name, k.env.fs.readFile(p));
      }
      continue;
    }
    add(key ?? file.slice(file.lastIndexOf('/') + 1), k.env.fs.readFile(path));
  }
  for (const file of (f.values['from-env-file'] as string[]) ?? []) {
    const path = resolvePath(k.env.cwd, file);
    if (!k.env.fs.stat(path)) throw new KubectlError(`error: error reading ${file}: no such file or directory`);
    for (const line of k.env.fs.readFile(path).split('\n')) {
      const t = line.replace(/^\s+/, '');
      if (!t || t.startsWith('#')) continue;
      const i = t.indexOf('=');
      if (i < 0) {
        throw new KubectlError(`error: "${t}" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')`);
      }
      add(t.slice(0, i), t.slice(i + 1));
    }
  }
  return data;
}

function configmap(): CommandSpec {
  return {
    name: 'configmap',
    aliases: ['cm'],
    short: 'Create a config map from a local file, directory or literal value',
    long: 'Create a config map based on a file, directory, or specified literal value.\n\n A single config map may package one or more key/value pairs.\n\n When creating a config map based on a file, the key will default to the basename of the file, and the value will default to the file content.  If the basename is an invalid key, you may specify an alternate key.\n\n When creating a config map based on a directory, each file whose basename is a valid key in the directory will be packaged into the config map.  Any directory entries except regular files are ignored (e.g. subdirectories, symlinks, devices, pipes, etc).',
    examples: '  # Create a new config map named my-config based on folder bar\n  kubectl create configmap my-config --from-file=path/to/bar\n  \n  # Create a new config map named my-config with specified keys instead of file basenames on disk\n  kubectl create configmap my-config --from-file=key1=/path/to/bar/file1.txt --from-file=key2=/path/to/bar/file2.txt\n  \n  # Create a new config map named my-config with key1=config1 and key2=config2\n  kubectl create configmap my-config --from-literal=key1=config1 --from-literal=key2=config2\n  \n  # Create a new config map named my-config from the key=value pairs in the file\n  kubectl create configmap my-config --from-file=path/to/bar\n  \n  # Create a new config map named my-config from an env file\n  kubectl create configmap my-config --from-env-file=path/to/foo.env --from-env-file=path/to/bar.env',
    usage: 'kubectl create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]',
    flags: [
      ...COMMON,
      { name: 'from-literal', type: 'stringArray', default: [], usage: 'Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)' },
      { name: 'from-file', type: 'stringSlice', default: [], usage: 'Key file can be specified using its file path, in which case file basename will be used as configmap key, or optionally with a key and file path, in which case the given key will be used.  Specifying a directory will iterate each named file in the directory whose basename is a valid configmap key.' },
      { name: 'from-env-file', type: 'stringSlice', default: [], usage: 'Specify the path to a file to read lines of key=val pairs to create a configmap.' },
      { name: 'append-hash', type: 'bool', default: false, usage: 'Append a hash of the configmap to its name.' },
    ],
    async run(k, args, f) {
      const name = needName(args, 'configmap');
      const data = await collectData(k, f, 'configmap');
      const obj: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { creationTimestamp: null as unknown as string, name } };
      if (Object.keys(data).length) obj.data = data;
      return createGenerated(k, 'configmaps', obj, f);
    },
  };
}

export function createGenerators(): CommandSpec[] {
  return [configmap(), deployment(), namespace()];
}
