// kubectl create secret generic | docker-registry | tls: Secrets from literals and files, a
// .dockerconfigjson from registry credentials, and a checked TLS key pair; --append-hash.
// mirrors: kubectl/pkg/cmd/create/create_secret.go, create_secret_docker.go, create_secret_tls.go

import type { CommandSpec } from '../command';
import type { Kubectl } from '../context';
import type { KubeObject } from '../../../engine/api/types';
import { KubectlError } from '../errors';
import { encodeBase64 } from '../../../engine/util/base64';
import { isConfigMapKey } from '../../../engine/api/validation/names';
import { resolvePath } from '../../../engine/runtime/sh/fs';
import { goQuote } from '../printers/gofmt';
import { GENERATOR_FLAGS, completeCreate, createTyped, nameArg, newMeta, objectNamespace, type CreateSettings, type TypedTarget } from './create-common';
import { addEnvFileSources, addFileSources, addLiteralSources, checkEnvFileAlone, type AddKey } from './create-data';
import { secretHash } from './create-hash';
import { x509KeyPairError } from './create-tls';
import { goCompactJson } from './create-typed';

const TARGET: TypedTarget = { group: '', version: 'v1', resource: 'secrets', kind: 'Secret', namespaced: true, errorPrefix: 'failed to create secret ' };

const APPEND_HASH = { name: 'append-hash', type: 'bool' as const, default: false, usage: 'Append a hash of the secret to its name.' };

/** addKeyFromLiteralToSecret: a valid, new key; values are stored base64-encoded. */
function secretAdder(data: Record<string, string>): AddKey {
  return (key, value) => {
    const errs = isConfigMapKey(key);
    if (errs.length) throw new KubectlError(`error: ${goQuote(key)} is not valid key name for a Secret ${errs.join(';')}`);
    if (Object.prototype.hasOwnProperty.call(data, key)) throw new KubectlError(`error: cannot add key ${key}, another key by that name already exists`);
    data[key] = encodeBase64(value);
  };
}

/** newSecretObj plus the name hash, then create or print. */
async function finish(k: Kubectl, f: { values: Record<string, unknown> }, s: CreateSettings, name: string, type: string, data: Record<string, string>): Promise<number> {
  const finalName = f.values['append-hash'] ? `${name}-${secretHash(name, type, data)}` : name;
  const obj: KubeObject = { kind: 'Secret', apiVersion: 'v1', metadata: newMeta(finalName, objectNamespace(s)) };
  if (Object.keys(data).length) obj.data = data;
  if (type) obj.type = type;
  return createTyped(k, TARGET, obj, s);
}

function generic(): CommandSpec {
  return {
    name: 'generic',
    short: 'Create a secret from a local file, directory, or literal value',
    long: "Create a secret based on a file, directory, or specified literal value.\n\n A single secret may package one or more key/value pairs.\n\n When creating a secret based on a file, the key will default to the basename of the file, and the value will default to the file content. If the basename is an invalid key or you wish to chose your own, you may specify an alternate key.\n\n When creating a secret based on a directory, each file whose basename is a valid key in the directory will be packaged into the secret. Any directory entries except regular files are ignored (e.g. subdirectories, symlinks, devices, pipes, etc).",
    examples:
      '  # Create a new secret named my-secret with keys for each file in folder bar\n  kubectl create secret generic my-secret --from-file=path/to/bar\n  \n  # Create a new secret named my-secret with specified keys instead of names on disk\n  kubectl create secret generic my-secret --from-file=ssh-privatekey=path/to/id_rsa --from-file=ssh-publickey=path/to/id_rsa.pub\n  \n  # Create a new secret named my-secret with key1=supersecret and key2=topsecret\n  kubectl create secret generic my-secret --from-literal=key1=supersecret --from-literal=key2=topsecret\n  \n  # Create a new secret named my-secret using a combination of a file and a literal\n  kubectl create secret generic my-secret --from-file=ssh-privatekey=path/to/id_rsa --from-literal=passphrase=topsecret\n  \n  # Create a new secret named my-secret from env files\n  kubectl create secret generic my-secret --from-env-file=path/to/foo.env --from-env-file=path/to/bar.env',
    usage: 'kubectl create secret generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]',
    flags: [
      ...GENERATOR_FLAGS,
      { name: 'from-file', type: 'stringSlice', default: [], usage: 'Key files can be specified using their file path, in which case a default name will be given to them, or optionally with a name and file path, in which case the given name will be used.  Specifying a directory will iterate each named file in the directory that is a valid secret key.' },
      { name: 'from-literal', type: 'stringArray', default: [], usage: 'Specify a key and literal value to insert in secret (i.e. mykey=somevalue)' },
      { name: 'from-env-file', type: 'stringSlice', default: [], usage: 'Specify the path to a file to read lines of key=val pairs to create a secret.' },
      { name: 'type', type: 'string', default: '', usage: 'The type of secret to create' },
      APPEND_HASH,
    ],
    async run(k, args, f) {
      const name = nameArg(args, f, 'secret generic');
      const s = await completeCreate(k, f);
      const v = f.values;
      checkEnvFileAlone(v);
      const data: Record<string, string> = {};
      const add = secretAdder(data);
      addLiteralSources(v['from-literal'] as string[], add);
      addFileSources(k, v['from-file'] as string[], add);
      addEnvFileSources(k, v['from-env-file'] as string[], 'env secret file cannot be a directory', add);
      return finish(k, f, s, name, v.type as string, data);
    },
  };
}

const DOCKER_CONFIG_JSON_KEY = '.dockerconfigjson';

/** handleDockerCfgJSONContent: {"auths":{server:{username,password,email,auth}}} (empty fields omitted). */
export function dockerConfigJson(username: string, password: string, email: string, server: string): string {
  const entry: Record<string, string> = {};
  if (username) entry.username = username;
  if (password) entry.password = password;
  if (email) entry.email = email;
  entry.auth = encodeBase64(`${username}:${password}`);
  return goCompactJson({ auths: { [server]: entry } });
}

function dockerRegistry(): CommandSpec {
  return {
    name: 'docker-registry',
    short: 'Create a secret for use with a Docker registry',
    long: "Create a new secret for use with Docker registries.\n        \n        Dockercfg secrets are used to authenticate against Docker registries.\n        \n        When using the Docker command line to push images, you can authenticate to a given registry by running:\n        '$ docker login DOCKER_REGISTRY_SERVER --username=DOCKER_USER --password=DOCKER_PASSWORD --email=DOCKER_EMAIL'.\n        \n That produces a ~/.dockercfg file that is used by subsequent 'docker push' and 'docker pull' commands to authenticate to the registry. The email address is optional.\n\n        When creating applications, you may have a Docker registry that requires authentication.  In order for the\n        nodes to pull images on your behalf, they must have the credentials.  You can provide this information\n        by creating a dockercfg secret and attaching it to your service account.",
    examples:
      '  # If you do not already have a .dockercfg file, create a dockercfg secret directly\n  kubectl create secret docker-registry my-secret --docker-server=DOCKER_REGISTRY_SERVER --docker-username=DOCKER_USER --docker-password=DOCKER_PASSWORD --docker-email=DOCKER_EMAIL\n  \n  # Create a new secret named my-secret from ~/.docker/config.json\n  kubectl create secret docker-registry my-secret --from-file=path/to/.docker/config.json',
    usage: 'kubectl create secret docker-registry NAME --docker-username=user --docker-password=password --docker-email=email [--docker-server=string] [--from-file=[key=]source] [--dry-run=server|client|none] [options]',
    flags: [
      ...GENERATOR_FLAGS,
      { name: 'docker-username', type: 'string', default: '', usage: 'Username for Docker registry authentication' },
      { name: 'docker-password', type: 'string', default: '', usage: 'Password for Docker registry authentication' },
      { name: 'docker-email', type: 'string', default: '', usage: 'Email for Docker registry' },
      { name: 'docker-server', type: 'string', default: 'https://index.docker.io/v1/', usage: 'Server location for Docker registry' },
      APPEND_HASH,
      { name: 'from-file', type: 'stringSlice', default: [], usage: 'Key files can be specified using their file path, in which case a default name of .dockerconfigjson will be given to them, or optionally with a name and file path, in which case the given name will be used. Specifying a directory will iterate each named file in the directory that is a valid secret key. For this command, the key should always be .dockerconfigjson.' },
    ],
    async run(k, args, f) {
      const name = nameArg(args, f, 'secret docker-registry');
      const s = await completeCreate(k, f);
      const v = f.values;
      const files = (v['from-file'] as string[]).map((src) => (src.includes('=') ? src : `${DOCKER_CONFIG_JSON_KEY}=${src}`));
      const [user, pass, email, server] = ['docker-username', 'docker-password', 'docker-email', 'docker-server'].map((n) => v[n] as string);
      if (files.length === 0 && (!user || !pass || !server)) {
        throw new KubectlError('error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
      }
      const data: Record<string, string> = {};
      if (files.length) addFileSources(k, files, secretAdder(data));
      else data[DOCKER_CONFIG_JSON_KEY] = encodeBase64(dockerConfigJson(user, pass, email, server));
      return finish(k, f, s, name, 'kubernetes.io/dockerconfigjson', data);
    },
  };
}

/** os.ReadFile with the kubectl tls wording: `Cannot read file <f>, open <f>: <errno>`. */
function readTlsFile(k: Kubectl, file: string): string {
  const full = resolvePath(k.env.cwd, file);
  const st = k.env.fs.stat(full);
  if (!st) throw new KubectlError(`error: Cannot read file ${file}, open ${file}: no such file or directory`);
  if (st.type === 'dir') throw new KubectlError(`error: Cannot read file ${file}, read ${file}: is a directory`);
  return k.env.fs.readFile(full);
}

function tls(): CommandSpec {
  return {
    name: 'tls',
    short: 'Create a TLS secret',
    long: 'Create a TLS secret from the given public/private key pair.\n\n The public/private key pair must exist beforehand. The public key certificate must be .PEM encoded and match the given private key.',
    examples: '  # Create a new TLS secret named tls-secret with the given key pair\n  kubectl create secret tls tls-secret --cert=path/to/tls.crt --key=path/to/tls.key',
    usage: 'kubectl create secret tls NAME --cert=path/to/cert/file --key=path/to/key/file [--dry-run=server|client|none] [options]',
    flags: [
      ...GENERATOR_FLAGS,
      { name: 'cert', type: 'string', default: '', usage: 'Path to PEM encoded public key certificate.' },
      { name: 'key', type: 'string', default: '', usage: 'Path to private key associated with given certificate.' },
      APPEND_HASH,
    ],
    async run(k, args, f) {
      const name = nameArg(args, f, 'secret tls');
      const s = await completeCreate(k, f);
      const cert = f.values.cert as string;
      const key = f.values.key as string;
      if (!cert || !key) throw new KubectlError('error: key and cert must be specified');
      const certPem = readTlsFile(k, cert);
      const keyPem = readTlsFile(k, key);
      const bad = x509KeyPairError(certPem, keyPem);
      if (bad) throw new KubectlError(`error: ${bad}`);
      return finish(k, f, s, name, 'kubernetes.io/tls', { 'tls.crt': encodeBase64(certPem), 'tls.key': encodeBase64(keyPem) });
    },
  };
}

export function secretCommand(): CommandSpec {
  return {
    name: 'secret',
    short: 'Create a secret using a specified subcommand',
    long: 'Create a secret with specified type.\n\n A docker-registry type secret is for accessing a container registry.\n\n A generic type secret indicate an Opaque secret type.\n\n A tls type secret holds TLS certificate and its associated key.',
    usage: 'kubectl create secret (docker-registry | generic | tls) [options]',
    flags: [],
    subcommands: [dockerRegistry(), generic(), tls()],
  };
}
