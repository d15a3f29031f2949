// kubectl set env: KEY=VAL / KEY- / -e / `-e -` (stdin) / --from=configmap|secret (with --keys,
// --prefix) on the containers matching -c, --overwrite=false checks, and --list (with --resolve).
// mirrors: kubectl/pkg/cmd/set/set_env.go, kubectl/pkg/cmd/set/env/env_parse.go, env_resolve.go

import type { Container, EnvVar, EnvVarSource } from 'kubernetes-types/core/v1';
import type { CommandSpec } from '../command';
import type { Kubectl } from '../context';
import type { KubeObject } from '../../../engine/api/types';
import { KubectlError } from '../errors';
import { decodeBase64 } from '../../../engine/util/base64';
import { DRY_RUN_FLAG, PRINT_FLAGS, SELECTOR_FLAG, fieldManagerFlag, namespaceOf } from './workload-flags';
import { podSpecOf, runSet, selectContainers } from './set-common';
import { resolveTargets, reportErrors } from './targets';

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const ENV_NAME_MSG = "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

/** SplitEnvironmentFromResources. */
function splitEnv(args: string[]): { resources: string[]; envArgs: string[] } | undefined {
  const resources: string[] = [];
  const envArgs: string[] = [];
  for (const s of args) {
    const isEnv = /^[\s\S]+=[\s\S]*$/.test(s) || s.endsWith('-');
    if (isEnv) envArgs.push(s);
    else if (envArgs.length) return undefined;
    else resources.push(s);
  }
  return { resources, envArgs };
}

/** ParseEnv: KEY=VAL, KEY-, and `-` (KEY=VAL lines from stdin, `#` comments). */
async function parseEnv(k: Kubectl, specs: string[]): Promise<{ env: EnvVar[]; remove: string[] }> {
  const env: EnvVar[] = [];
  const remove: string[] = [];
  const set = new Set<string>();
  for (const spec of specs) {
    if (spec === '-') {
      for (let line of (await k.env.stdin.readAll()).split('\n')) {
        const hash = line.indexOf('#');
        if (hash >= 0) line = line.slice(0, hash);
        const i = line.indexOf('=');
        if (i >= 0) env.push({ name: line.slice(0, i), value: line.slice(i + 1) });
      }
    } else if (spec.includes('=')) {
      const i = spec.indexOf('=');
      const name = spec.slice(0, i);
      if (!ENV_NAME.test(name)) throw new KubectlError(`error: ${JSON.stringify(name)} is not a valid key name: ${ENV_NAME_MSG}`);
      set.add(name);
      env.push({ name, value: spec.slice(i + 1) });
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
    else throw new KubectlError(`error: unknown environment variable: ${spec}`);
  }
  if (remove.some((r) => set.has(r))) throw new KubectlError('error: can not both modify and remove the same environment variable in the same command');
  return { env, remove };
}

/** updateEnv: replaces same-named entries in place, drops removed ones, appends new ones. */
export function updateEnv(existing: EnvVar[], env: EnvVar[], remove: string[]): EnvVar[] {
  const out: EnvVar[] = [];
  const covered = new Set(remove);
  for (const e of existing) {
    if (covered.has(e.name)) continue;
    const newer = env.find((x) => x.name === e.name);
    if (newer) {
      covered.add(e.name);
      out.push(newer);
    } else out.push(e);
  }
  for (const e of env) {
    if (covered.has(e.name)) continue;
    covered.add(e.name);
    out.push(e);
  }
  return out;
}

function refString(from: EnvVarSource): string {
  if (from.configMapKeyRef) return `configmap ${from.configMapKeyRef.name}, key ${from.configMapKeyRef.key}`;
  if (from.secretKeyRef) return `secret ${from.secretKeyRef.name}, key ${from.secretKeyRef.key}`;
  if (from.fieldRef) return `field path ${from.fieldRef.fieldPath}`;
  if (from.resourceFieldRef) return `resource field ${from.resourceFieldRef.containerName ? from.resourceFieldRef.containerName + '/' : ''}${from.resourceFieldRef.resource}`;
  return 'invalid valueFrom';
}

export const setEnvCommand: CommandSpec = {
  name: 'env',
  short: 'Update environment variables on a pod template',
  long: 'Update environment variables on a pod template.\n\n List environment variable definitions in one or more pods, pod templates. Add, update, or remove container environment variable definitions in one or more pod templates (within replication controllers or deployment configurations). View or modify the environment variable definitions on all containers in the specified pods or pod templates, or just those that match a wildcard.\n\n If "--env -" is passed, environment variables can be read from STDIN using the standard env syntax.\n\n Possible resources include (case insensitive):\n\n        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)',
  examples:
    "  # Update deployment 'registry' with a new environment variable\n  kubectl set env deployment/registry STORAGE_DIR=/local\n  \n  # List the environment variables defined on a deployments 'sample-build'\n  kubectl set env deployment/sample-build --list\n  \n  # List the environment variables defined on all pods\n  kubectl set env pods --all --list\n  \n  # Output modified deployment in YAML, and does not alter the object on the server\n  kubectl set env deployment/sample-build STORAGE_DIR=/data -o yaml\n  \n  # Update all containers in all replication controllers in the project to have ENV=prod\n  kubectl set env rc --all ENV=prod\n  \n  # Import environment from a secret\n  kubectl set env --from=secret/mysecret deployment/myapp\n  \n  # Import environment from a config map with a prefix\n  kubectl set env --from=configmap/myconfigmap --prefix=MYSQL_ deployment/myapp\n  \n  # Import specific keys from a config map\n  kubectl set env --keys=my-example-key --from=configmap/myconfigmap deployment/myapp\n  \n  # Remove the environment variable ENV from container 'c1' in all deployment configs\n  kubectl set env deployments --all --containers=\"c1\" ENV-\n  \n  # Remove the environment variable ENV from a deployment definition on disk and\n  # update the deployment config on the server\n  kubectl set env -f deploy.json ENV-\n  \n  # Set some of the local shell environment into a deployment config on the server\n  env | grep RAILS_ | kubectl set env -e - deployment/registry",
  usage: 'kubectl set env RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N [options]',
  flags: [
    ...PRINT_FLAGS,
    { name: 'all', type: 'bool', default: false, usage: 'If true, select all resources in the namespace of the specified resource types' },
    { name: 'containers', short: 'c', type: 'string', default: '*', usage: 'The names of containers in the selected pod templates to change - may use wildcards' },
    DRY_RUN_FLAG,
    { name: 'env', short: 'e', type: 'stringArray', default: [], usage: 'Specify a key-value pair for an environment variable to set into each container.' },
    fieldManagerFlag('kubectl-set'),
    { name: 'filename', short: 'f', type: 'stringSlice', default: [], usage: 'Filename, directory, or URL to files the resource to update the env' },
    { name: 'from', type: 'string', default: '', usage: 'The name of a resource from which to inject environment variables' },
    { name: 'keys', type: 'stringSlice', default: [], usage: 'Comma-separated list of keys to import from specified resource' },
    { name: 'kustomize', short: 'k', type: 'string', default: '', usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: 'list', type: 'bool', default: false, usage: 'If true, display the environment and any changes in the standard format. this flag will removed when we have kubectl view env.' },
    { name: 'local', type: 'bool', default: false, usage: 'If true, set env will NOT contact api-server but run locally.' },
    { name: 'overwrite', type: 'bool', default: true, usage: 'If true, allow environment to be overwritten, otherwise reject updates that overwrite existing environment.' },
    { name: 'prefix', type: 'string', default: '', usage: 'Prefix to append to variable names' },
    { name: 'recursive', short: 'R', type: 'bool', default: false, usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    { name: 'resolve', type: 'bool', default: false, usage: 'If true, show secret or configmap references when listing variables' },
    SELECTOR_FLAG,
  ],
  async run(k, args, f) {
    const v = f.values;
    if (v.all && v.selector) throw new KubectlError('error: cannot set --all and --selector at the same time');
    const split = splitEnv(args);
    if (!split) throw new KubectlError(`error: all resources must be specified before environment changes: ${args.join(' ')}`);
    const { resources, envArgs } = split;
    if (v.local && v['dry-run'] === 'server') throw new KubectlError('error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
    if (!(v.filename as string[]).length && resources.length < 1) throw new KubectlError('error: one or more resources must be specified as <resource> <name> or <resource>/<name>');
    if (v.list && v.output) throw new KubectlError('error: --list and --output may not be specified together');
    const keys = v.keys as string[];
    if (keys.length && !v.from) throw new KubectlError('error: when specifying --keys, a configmap or secret must be provided with --from');
    const { env, remove } = await parseEnv(k, [...(v.env as string[]), ...envArgs]);
    if (v.from) env.push(...(await envFrom(k, v, keys)));
    const prefix = v.prefix as string;
    if (prefix) for (const e of env) e.name = `${prefix}${e.name}`;

    const list = v.list as boolean;
    const selector = v.containers as string;
    const blocks: { header: string; env: EnvVar[] }[] = [];
    return runSet(k, f, {
      resources,
      operation: 'env updated',
      patchErrorPrefix: 'failed to patch env update to pod template: ',
      mutate(obj) {
        const spec = podSpecOf(obj);
        const containers: Container[] = [...selectContainers(spec.containers, selector), ...selectContainers(spec.initContainers, selector)];
        if (containers.length === 0) {
          void k.err(`Warning: ${obj.kind}/${obj.metadata?.name} does not have any containers matching ${JSON.stringify(selector)}\n`);
          return true;
        }
        for (const c of containers) {
          if (!v.overwrite) {
            for (const e of env) {
              const cur = c.env?.find((x) => x.name === e.name);
              if (cur && cur.value !== e.value) throw new Error(`'${cur.name}' already has a value (${cur.value ?? ''}), and --overwrite is false`);
            }
          }
          (c as { env?: EnvVar[] }).env = updateEnv(c.env ?? [], env, remove);
          if (list) blocks.push({ header: `# ${obj.kind} ${obj.metadata?.name}, container ${c.name}\n`, env: c.env ?? [] });
        }
        return true;
      },
      afterMutate: async () => {
        if (!list) return true;
        const { namespace } = namespaceOf(k, v);
        for (const b of blocks) await k.out(b.header + (await listEnv(k, b.env, !!v.resolve, namespace)));
        return false;
      },
      afterPatch() {
        if (env.length === 0 && envArgs.length === 0) throw new KubectlError('error: at least one environment variable must be provided');
      },
    });
  },
};

/** The --list lines of one container; --resolve looks up config map and secret keys. */
async function listEnv(k: Kubectl, env: EnvVar[], resolve: boolean, namespace: string): Promise<string> {
  let out = '';
  const failures = new Map<string, string[]>();
  for (const e of env) {
    if (!e.valueFrom) {
      out += `${e.name}=${e.value ?? ''}\n`;
      continue;
    }
    if (resolve) {
      const r = await resolveRef(k, e.valueFrom, namespace);
      if (r.value !== undefined) {
        out += `${e.name}=${r.value}\n`;
        continue;
      }
      if (r.error) failures.set(r.error, [...(failures.get(r.error) ?? []), e.name]);
    }
    out += `# ${e.name} from ${refString(e.valueFrom)}\n`;
  }
  const errs = [...failures].map(([err, names]) => `error retrieving reference for ${names.sort().join(', ')}: ${err}`).sort();
  for (const e of errs) await k.err(e + '\n');
  return out;
}

async function resolveRef(k: Kubectl, from: EnvVarSource, namespace: string): Promise<{ value?: string; error?: string }> {
  const ref = from.configMapKeyRef ?? from.secretKeyRef;
  if (!ref) return {};
  const secret = !!from.secretKeyRef;
  const res = await k.request({ method: 'GET', path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/${secret ? 'secrets' : 'configmaps'}/${encodeURIComponent(ref.name ?? '')}` });
  if (res.status >= 300) return { error: (res.body as { message?: string })?.message ?? 'error' };
  const data = ((res.body as KubeObject).data ?? {}) as Record<string, string>;
  if (!(ref.key in data)) return { error: `key ${ref.key} not found in ${secret ? 'secret' : 'config map'} ${ref.name}` };
  return { value: secret ? (decodeBase64(data[ref.key]) ?? '') : data[ref.key] };
}

/** --from=configmap/x|secret/x: one env var per key (sorted), named after the key. */
async function envFrom(k: Kubectl, v: Record<string, unknown>, keys: string[]): Promise<EnvVar[]> {
  const { namespace, explicit } = namespaceOf(k, v);
  const r = await resolveTargets(k, [v.from as string], { namespace, explicitNamespace: explicit, selector: v.selector as string });
  if (r.errors.length) {
    await reportErrors(k, r.errors.slice(1));
    throw r.errors[0];
  }
  const out: EnvVar[] = [];
  for (const t of r.targets) {
    const kind = t.object.kind;
    if (kind !== 'Secret' && kind !== 'ConfigMap') throw new KubectlError('error: unsupported resource specified in --from');
    const data = (t.object.data ?? {}) as Record<string, string>;
    for (const key of Object.keys(data).sort()) {
      if (keys.length && !keys.includes(key)) continue;
      const name = key.replace(/[^a-zA-Z0-9_]/g, '_').toUpperCase();
      if (name !== key) await k.err(`Warning: key ${key} transferred to ${name}\n`);
      const ref = { name: t.name, key };
      out.push({ name, valueFrom: kind === 'Secret' ? { secretKeyRef: ref } : { configMapKeyRef: ref } });
    }
  }
  return out;
}

