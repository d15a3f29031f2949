// kubectl create configmap (cm): data from literals, files, directories or env files; --append-hash.
// mirrors: kubectl/pkg/cmd/create/create_configmap.go

import type { CommandSpec } from '../command';
import type { KubeObject } from '../../../engine/api/types';
import { KubectlError } from '../errors';
import { isConfigMapKey } from '../../../engine/api/validation/names';
import { goQuote } from '../printers/gofmt';
import { GENERATOR_FLAGS, completeCreate, createTyped, nameArg, newMeta, objectNamespace, type TypedTarget } from './create-common';
import { addEnvFileSources, addFileSources, addLiteralSources, checkEnvFileAlone, type AddKey } from './create-data';
import { configMapHash } from './create-hash';

const TARGET: TypedTarget = { group: '', version: 'v1', resource: 'configmaps', kind: 'ConfigMap', namespaced: true, errorPrefix: 'failed to create configmap: ' };

/** addKeyFromLiteralToConfigMap: a valid, new key. */
function configMapAdder(name: string, data: Record<string, string>): AddKey {
  return (key, value) => {
    const errs = isConfigMapKey(key);
    if (errs.length) throw new KubectlError(`error: ${goQuote(key)} is not a valid key name for a ConfigMap: ${errs.join(',')}`);
    if (Object.prototype.hasOwnProperty.call(data, key)) {
      throw new KubectlError(`error: cannot add key ${goQuote(key)}, another key by that name already exists in Data for ConfigMap ${goQuote(name)}`);
    }
    data[key] = value;
  };
}

export function configMapCommand(): CommandSpec {
  return {
    name: 'configmap',
    aliases: ['cm'],
    short: 'Create a config map from a local file, directory or literal value',
    long: 'Create a config map based on a file, directory, or specified literal value.\n\n A single config map may package one or more key/value pairs.\n\n When creating a config map based on a file, the key will default to the basename of the file, and the value will default to the file content.  If the basename is an invalid key, you may specify an alternate key.\n\n When creating a config map based on a directory, each file whose basename is a valid key in the directory will be packaged into the config map.  Any directory entries except regular files are ignored (e.g. subdirectories, symlinks, devices, pipes, etc).',
    examples:
      '  # Create a new config map named my-config based on folder bar\n  kubectl create configmap my-config --from-file=path/to/bar\n  \n  # Create a new config map named my-config with specified keys instead of file basenames on disk\n  kubectl create configmap my-config --from-file=key1=/path/to/bar/file1.txt --from-file=key2=/path/to/bar/file2.txt\n  \n  # Create a new config map named my-config with key1=config1 and key2=config2\n  kubectl create configmap my-config --from-literal=key1=config1 --from-literal=key2=config2\n  \n  # Create a new config map named my-config from the key=value pairs in the file\n  kubectl create configmap my-config --from-file=path/to/bar\n  \n  # Create a new config map named my-config from an env file\n  kubectl create configmap my-config --from-env-file=path/to/foo.env --from-env-file=path/to/bar.env',
    usage: 'kubectl create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]',
    flags: [
      ...GENERATOR_FLAGS,
      { name: 'from-file', type: 'stringSlice', default: [], usage: 'Key file can be specified using its file path, in which case file basename will be used as configmap key, or optionally with a key and file path, in which case the given key will be used.  Specifying a directory will iterate each named file in the directory whose basename is a valid configmap key.' },
      { name: 'from-literal', type: 'stringArray', default: [], usage: 'Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)' },
      { name: 'from-env-file', type: 'stringSlice', default: [], usage: 'Specify the path to a file to read lines of key=val pairs to create a configmap.' },
      { name: 'append-hash', type: 'bool', default: false, usage: 'Append a hash of the configmap to its name.' },
    ],
    async run(k, args, f) {
      const name = nameArg(args, f, 'configmap');
      const s = await completeCreate(k, f);
      const v = f.values;
      checkEnvFileAlone(v);
      const data: Record<string, string> = {};
      const add = configMapAdder(name, data);
      addFileSources(k, v['from-file'] as string[], add);
      addLiteralSources(v['from-literal'] as string[], add);
      addEnvFileSources(k, v['from-env-file'] as string[], 'env config file cannot be a directory', add);
      const finalName = v['append-hash'] ? `${name}-${configMapHash(name, data)}` : name;
      const obj: KubeObject = { kind: 'ConfigMap', apiVersion: 'v1', metadata: newMeta(finalName, objectNamespace(s)) };
      if (Object.keys(data).length) obj.data = data;
      return createTyped(k, TARGET, obj, s);
    },
  };
}
