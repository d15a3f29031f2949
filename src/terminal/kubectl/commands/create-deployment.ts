// kubectl create deployment (deploy): one container per --image, app=NAME labels, an optional command
// after `--` and a containerPort on the first container.
// mirrors: kubectl/pkg/cmd/create/create_deployment.go

import type { CommandSpec } from '../command';
import type { FlagDef } from '../flags';
import type { KubeObject } from '../../../engine/api/types';
import { KubectlError } from '../errors';
import { utf8Encode } from '../../../engine/util/base64';
import { GENERATOR_FLAGS, checkInt32, completeCreate, createTyped, nameArg, newMeta, objectNamespace } from './create-common';
import { sha256 } from './create-hash';

/** utilrand's alphabet (no vowels, no confusable digits). */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** A stand-in for utilrand.String(n): reproducible for the same seed text. */
export function randomSuffix(seed: string, n = 5): string {
  const h = sha256(utf8Encode(seed));
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHANUMS[h[i] % ALPHANUMS.length];
  return s;
}

/** The container name kubectl derives from an image: last path element without tag or digest. */
export function containerNameFromImage(image: string, seed: string): string {
  let name = image.split('/').pop() ?? '';
  if (name.includes(':')) name = name.split(':')[0];
  if (name.includes('@')) name = name.split('@')[0];
  // sanitizeAndUniquify: `_` and `.` become `-`, and a random suffix keeps the names apart.
  if (/[_.]/.test(name)) name = `${name.replace(/[_.]/g, '-')}-${randomSuffix(`${seed}/${image}`)}`;
  return name;
}

const PORT_FLAG: FlagDef = { name: 'port', type: 'int', default: -1, usage: 'The containerPort that this deployment exposes.' };
const REPLICAS_FLAG: FlagDef = { name: 'replicas', short: 'r', type: 'int', default: 1, usage: 'Number of replicas to create. Default is 1.' };

export function deploymentCommand(): CommandSpec {
  return {
    name: 'deployment',
    aliases: ['deploy'],
    short: 'Create a deployment with the specified name',
    long: 'Create a deployment with the specified name.',
    examples:
      '  # Create a deployment named my-dep that runs the busybox image\n  kubectl create deployment my-dep --image=busybox\n  \n  # Create a deployment with a command\n  kubectl create deployment my-dep --image=busybox -- date\n  \n  # Create a deployment named my-dep that runs the nginx image with 3 replicas\n  kubectl create deployment my-dep --image=nginx --replicas=3\n  \n  # Create a deployment named my-dep that runs the busybox image and expose port 5701\n  kubectl create deployment my-dep --image=busybox --port=5701\n  \n  # Create a deployment named my-dep that runs multiple containers\n  kubectl create deployment my-dep --image=busybox:latest --image=ubuntu:latest --image=nginx',
    usage: 'kubectl create deployment NAME --image=image -- [COMMAND] [args...] [options]',
    flags: [
      ...GENERATOR_FLAGS,
      { name: 'image', type: 'stringSlice', default: [], usage: 'Image names to run. A deployment can have multiple images set for multi-container pod.', required: true },
      PORT_FLAG,
      REPLICAS_FLAG,
    ],
    async run(k, args, f) {
      checkInt32(f, PORT_FLAG, 'deployment');
      checkInt32(f, REPLICAS_FLAG, 'deployment');
      const name = nameArg(args, f, 'deployment');
      const command = args.length > 1 ? args.slice(1) : undefined;
      const s = await completeCreate(k, f);
      const images = f.values.image as string[];
      if (images.length > 1 && command) throw new KubectlError('error: cannot specify multiple --image options and command');
      const port = f.values.port as number;
      const seed = `${k.env.now()}`;
      const containers = images.map((image, i) => {
        const c: Record<string, unknown> = { name: containerNameFromImage(image, seed), image };
        if (command) c.command = command;
        if (i === 0 && port >= 0) c.ports = [{ containerPort: port }];
        c.resources = {};
        return c;
      });
      const labels = { app: name };
      const obj: KubeObject = {
        kind: 'Deployment',
        apiVersion: 'apps/v1',
        metadata: newMeta(name, objectNamespace(s), { labels }),
        spec: {
          replicas: f.values.replicas,
          selector: { matchLabels: labels },
          template: { metadata: { creationTimestamp: null, labels }, spec: { containers } },
          strategy: {},
        },
        status: {},
      };
      return createTyped(k, { group: 'apps', version: 'v1', resource: 'deployments', kind: 'Deployment', namespaced: true, errorPrefix: 'failed to create deployment: ' }, obj, s);
    },
  };
}
