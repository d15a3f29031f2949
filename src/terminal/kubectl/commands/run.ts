// kubectl run: creates a Pod from flags (--image, --env, --port, --labels, --command -- args,
// --restart, --overrides), optionally a Service (--expose), and with -i/--attach streams the pod's
// output, waits for its exit code and deletes it with --rm.
// mirrors: kubectl/pkg/cmd/run/run.go

import type { CommandSpec } from '../command';
import type { Kubectl } from '../context';
import type { KubeObject } from '../../../engine/api/types';
import { KubectlError, ServerError } from '../errors';
import { type DryRun } from '../mutate';
import { parseOutput } from '../output';
import { asStatus, withLastApplied } from './apply';
import { SAVE_CONFIG, dryRunStrategy } from './create-common';
import { DRY_RUN_FLAG, KUSTOMIZE_FLAG, POD_RUNNING_TIMEOUT_USAGE, PRINT_FLAGS, RECURSIVE_FLAG, fieldManagerFlag, filenameFlag, namespaceOf, printOperation, typedJson } from './workload-flags';
import { applyOverrides, buildRunPod, validImageReference } from './run-pod';
import { buildService } from './expose-service';
import { attachRunPod } from './run-attach';

const USAGE_HINT = "\nSee 'kubectl run -h' for help and examples";

export const runCommand: CommandSpec = {
  name: 'run',
  group: 'Basic Commands (Beginner)',
  short: 'Run a particular image on the cluster',
  long: 'Create and run a particular image in a pod.',
  examples:
    '  # Start a nginx pod\n  kubectl run nginx --image=nginx\n  \n  # Start a hazelcast pod and let the container expose port 5701\n  kubectl run hazelcast --image=hazelcast/hazelcast --port=5701\n  \n  # Start a hazelcast pod and set environment variables "DNS_DOMAIN=cluster" and "POD_NAMESPACE=default" in the container\n  kubectl run hazelcast --image=hazelcast/hazelcast --env="DNS_DOMAIN=cluster" --env="POD_NAMESPACE=default"\n  \n  # Start a hazelcast pod and set labels "app=hazelcast" and "env=prod" in the container\n  kubectl run hazelcast --image=hazelcast/hazelcast --labels="app=hazelcast,env=prod"\n  \n  # Dry run; print the corresponding API objects without creating them\n  kubectl run nginx --image=nginx --dry-run=client\n  \n  # Start a nginx pod, but overload the spec with a partial set of values parsed from JSON\n  kubectl run nginx --image=nginx --overrides=\'{ "apiVersion": "v1", "spec": { ... } }\'\n  \n  # Start a busybox pod and keep it in the foreground, don\'t restart it if it exits\n  kubectl run -i -t busybox --image=busybox --restart=Never\n  \n  # Start the nginx pod using the default command, but use custom arguments (arg1 .. argN) for that command\n  kubectl run nginx --image=nginx -- <arg1> <arg2> ... <argN>\n  \n  # Start the nginx pod using a different command and custom arguments\n  kubectl run nginx --image=nginx --command -- <cmd> <arg1> ... <argN>',
  usage: 'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
  flags: [
    ...PRINT_FLAGS,
    { name: 'annotations', type: 'stringArray', default: [], usage: 'Annotations to apply to the pod.' },
    { name: 'attach', type: 'bool', default: false, usage: "If true, wait for the Pod to start running, and then attach to the Pod as if 'kubectl attach ...' were called.  Default false, unless '-i/--stdin' is set, in which case the default is true. With '--restart=Never' the exit code of the container process is returned." },
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background', usage: 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.' },
    { name: 'command', type: 'bool', default: false, usage: "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default." },
    DRY_RUN_FLAG,
    { name: 'env', type: 'stringArray', default: [], usage: 'Environment variables to set in the container.' },
    { name: 'expose', type: 'bool', default: false, usage: 'If true, create a ClusterIP service associated with the pod.  Requires `--port`.' },
    fieldManagerFlag('kubectl-run'),
    filenameFlag('to use to replace the resource.'),
    { name: 'force', type: 'bool', default: false, usage: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.' },
    { name: 'grace-period', type: 'int', default: -1, usage: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).' },
    { name: 'image', type: 'string', default: '', usage: 'The image for the container to run.', required: true },
    { name: 'image-pull-policy', type: 'string', default: '', usage: 'The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server.' },
    { ...KUSTOMIZE_FLAG, usage: "Process a kustomization directory. This flag can't be used together with -f or -R." },
    { name: 'labels', short: 'l', type: 'string', default: '', usage: 'Comma separated labels to apply to the pod. Will override previous values.' },
    { name: 'leave-stdin-open', type: 'bool', default: false, usage: 'If the pod is started in interactive mode or with stdin, leave stdin open after the first attach completes. By default, stdin will be closed after the first attach completes.' },
    { name: 'override-type', type: 'string', default: 'merge', usage: 'The method used to override the generated object: json, merge, or strategic.' },
    { name: 'overrides', type: 'string', default: '', usage: 'An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field.' },
    { name: 'pod-running-timeout', type: 'duration', default: 60000, usage: POD_RUNNING_TIMEOUT_USAGE },
    { name: 'port', type: 'string', default: '', usage: 'The port that this container exposes.' },
    { name: 'privileged', type: 'bool', default: false, usage: 'If true, run the container in privileged mode.' },
    { name: 'quiet', short: 'q', type: 'bool', default: false, usage: 'If true, suppress prompt messages.' },
    RECURSIVE_FLAG,
    { name: 'restart', type: 'string', default: 'Always', usage: 'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].' },
    { name: 'rm', type: 'bool', default: false, usage: "If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with '--attach' or with '-i/--stdin'." },
    SAVE_CONFIG,
    { name: 'stdin', short: 'i', type: 'bool', default: false, usage: 'Keep stdin open on the container in the pod, even if nothing is attached.' },
    { name: 'timeout', type: 'duration', default: 0, usage: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object' },
    { name: 'tty', short: 't', type: 'bool', default: false, usage: 'Allocate a TTY for the container in the pod.' },
    { name: 'wait', type: 'bool', default: false, usage: 'If true, wait for resources to be gone before returning. This waits for finalizers.' },
  ],
  async run(k, args, f) {
    const v = f.values;
    const dry = await dryRunStrategy(k, v['dry-run']);
    const interactive = v.stdin as boolean;
    const attach = f.changed.has('attach') ? (v.attach as boolean) : (v.attach as boolean) || interactive;
    if (v.output) parseOutput(v.output as string, false);
    if (args.length === 0 || f.argsLenAtDash === 0) throw new KubectlError(`error: NAME is required for run${USAGE_HINT}`);
    const image = v.image as string;
    if (!image) throw new KubectlError('error: --image is required');
    if (!validImageReference(image)) throw new KubectlError(`error: Invalid image name "${image}": invalid reference format`);
    if (v.tty && !interactive) throw new KubectlError(`error: -i/--stdin is required for containers with -t/--tty=true${USAGE_HINT}`);
    if (v.expose && !v.port) throw new KubectlError(`error: --port must be set when exposing a service${USAGE_HINT}`);
    const { namespace, explicit } = namespaceOf(k, v);
    const restart = v.restart as string;
    if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw new KubectlError(`error: invalid restart policy: ${restart}${USAGE_HINT}`);
    if (!attach && v.rm) throw new KubectlError(`error: --rm should only be used for attached containers${USAGE_HINT}`);
    if (attach && dry !== 'none') throw new KubectlError(`error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)${USAGE_HINT}`);
    const pullPolicy = v['image-pull-policy'] as string;
    if (pullPolicy && !['Always', 'IfNotPresent', 'Never'].includes(pullPolicy)) throw new KubectlError(`error: invalid image pull policy: ${pullPolicy}${USAGE_HINT}`);

    const name = args[0];
    let pod = buildRunPod({
      name,
      image,
      labels: v.labels as string,
      annotations: v.annotations as string[],
      env: v.env as string[],
      port: v.port as string,
      imagePullPolicy: pullPolicy,
      restart,
      command: v.command as boolean,
      args: args.slice(1),
      stdin: interactive,
      leaveStdinOpen: v['leave-stdin-open'] as boolean,
      tty: v.tty as boolean,
      privileged: v.privileged as boolean,
    });
    pod = applyOverrides(pod, v.overrides as string, v['override-type'] as string, '', 'v1');
    const created = await createObject(k, pod, 'pods', namespace, explicit, dry, v);
    if (v.expose) {
      const labels = v.labels as string;
      const svc = buildService({ name, port: v.port as string, selector: labels || `run=${name}`, labels });
      await createObject(k, svc, 'services', namespace, explicit, dry, v);
      await printCreated(k, svc, dry, v, true);
      if (v.output === 'yaml') await k.out('---\n');
    }
    if (!attach) {
      await printCreated(k, created, dry, v, false);
      return 0;
    }
    let code = 0;
    let failure: unknown;
    try {
      code = await attachRunPod(k, {
        namespace: created.metadata?.namespace ?? namespace,
        name,
        stdin: interactive,
        tty: v.tty as boolean,
        quiet: v.quiet as boolean,
        leaveStdinOpen: v['leave-stdin-open'] as boolean,
        restartPolicy: restart,
        timeoutMs: v['pod-running-timeout'] as number,
      });
    } catch (e) {
      failure = e;
    }
    // Interrupted, kubectl exits at once: its deferred --rm never runs (the pod stays).
    if (v.rm && !k.env.signal.aborted) await removePod(k, created, namespace, v);
    if (failure) throw failure;
    return code;
  },
};

/** Creates (or, for --dry-run=client, only namespaces) the generated object. */
async function createObject(k: Kubectl, obj: KubeObject, resource: string, namespace: string, explicit: boolean, dry: DryRun, v: Record<string, unknown>): Promise<KubeObject> {
  if (dry === 'client') {
    if (explicit) (obj.metadata ??= {}).namespace = namespace;
    return obj;
  }
  const body = v['save-config'] ? withLastApplied(obj, undefined) : obj;
  const query: Record<string, string> = { fieldManager: v['field-manager'] as string };
  if (dry === 'server') query.dryRun = 'All';
  const res = await k.request({ method: 'POST', path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/${resource}`, query, body, headers: { 'content-type': 'application/json' } });
  if (res.status >= 300) throw new ServerError(asStatus(res.body, res.status));
  return res.body as KubeObject;
}

async function printCreated(k: Kubectl, obj: KubeObject, dry: DryRun, v: Record<string, unknown>, service: boolean): Promise<void> {
  const info = await k.mapper.lookup(service ? 'services' : 'pods');
  if (dry === 'client' && v.output === 'json') {
    await k.out(typedJson(obj));
    return;
  }
  await printOperation(k, obj, info, 'created', dry, v);
}

/** --rm: delete what was created, ignoring NotFound, without waiting (run's DeleteOptions). */
async function removePod(k: Kubectl, pod: KubeObject, namespace: string, v: Record<string, unknown>): Promise<void> {
  const cascade = String(v.cascade);
  const policy = cascade === 'orphan' ? 'Orphan' : cascade === 'foreground' ? 'Foreground' : 'Background';
  const body: Record<string, unknown> = { propagationPolicy: policy };
  const grace = v['grace-period'] as number;
  if (v.force && grace < 0) body.gracePeriodSeconds = 0;
  const name = pod.metadata?.name ?? '';
  const res = await k.request({ method: 'DELETE', path: `/api/v1/namespaces/${encodeURIComponent(pod.metadata?.namespace ?? namespace)}/pods/${encodeURIComponent(name)}`, body, headers: { 'content-type': 'application/json' } });
  if (res.status === 404) return;
  if (res.status >= 300) throw new ServerError(asStatus(res.body, res.status));
  // run passes --quiet on to its DeleteOptions.
  if (!v.quiet) await k.out(`pod "${name}" ${v.force ? 'force deleted' : 'deleted'}\n`);
}
