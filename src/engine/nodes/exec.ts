// `kubectl exec`: runs a command inside a running container's simulated shell (its files and env).
// mirrors: pkg/kubelet/cri/streaming (exec), the apiserver's pods/exec errors

import type { Pod } from 'kubernetes-types/core/v1';
import type { Kubelet } from './kubelet';
import type { Store } from '../store/store';
import type { ScriptRunner } from './types';
import { Abort } from './types';
import { containerEnv } from './env';
import { quoteArgv, SHELL_PROGRAMS } from '../runtime/process';
import { StatusError, statusBody, notFound, badRequest } from '../api/errors';

export interface ExecSpec {
  namespace: string;
  pod: string;
  container?: string;
  command: string[];
  tty?: boolean;
}

export interface ExecIO {
  /** All of stdin (exec -i); interactive sessions pass text as it comes through run(). */
  stdin?: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Abort (Ctrl-C, client gone). */
  onAbort?(fn: () => void): void;
}

export interface ExecResult {
  exitCode: number;
}

/** Finds the container and runs the command; Status errors for missing pods or containers. */
export async function execInContainer(store: Store, kubelets: Map<string, Kubelet>, scripts: ScriptRunner, spec: ExecSpec, io: ExecIO): Promise<ExecResult> {
  const pod = store.get('pods', spec.namespace, spec.pod) as Pod | undefined;
  if (!pod) throw notFound('', 'pods', spec.pod);
  const containers = pod.spec?.containers ?? [];
  const name = spec.container ?? containers[0]?.name;
  const c = [...containers, ...(pod.spec?.initContainers ?? [])].find((x) => x.name === name);
  if (!c) throw badRequest(`container ${name} is not valid for pod ${spec.pod}`);
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') {
    throw badRequest(`cannot exec into a container in a completed pod; current phase is ${pod.status.phase}`);
  }
  const kubelet = pod.spec?.nodeName ? kubelets.get(pod.spec.nodeName) : undefined;
  const worker = kubelet?.workers.get(pod.metadata!.uid!);
  const rec = worker?.containers.get(name!);
  if (!kubelet || !worker || !rec || rec.state.kind !== 'running') {
    throw new StatusError(statusBody(400, 'BadRequest', `unable to upgrade connection: container not found ("${name}")`));
  }
  if (!kubelet.up || !kubelet.connected) {
    throw new StatusError(statusBody(500, 'InternalError', `error dialing backend: dial tcp ${kubelet.hostIP}:10250: connect: no route to host`));
  }
  const run = rec.state.run;
  const argv = spec.command;
  if (argv.length === 0) throw badRequest('you must specify at least one command for the container');
  const prog = argv[0].slice(argv[0].lastIndexOf('/') + 1);
  if (!run.image.shell) {
    io.stderr(`error: Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${'0'.repeat(0)}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown\n`);
    return { exitCode: 126 };
  }
  const shells = new Set(['sh', 'bash', 'ash']);
  let script: string;
  if (shells.has(prog) && argv[1] === '-c' && argv.length >= 3) script = argv[2];
  else if (shells.has(prog) && argv.length === 1) script = io.stdin ?? '';
  else if (SHELL_PROGRAMS.has(prog) || shells.has(prog)) script = quoteArgv(argv);
  else {
    io.stderr(`OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown\n`);
    return { exitCode: 126 };
  }
  const env = containerEnv(worker, c);
  const abort = new Abort();
  io.onAbort?.(() => abort.abort());
  const code = await scripts.run(script, {
    env: 'env' in env ? { ...env.env, TERM: spec.tty ? 'xterm' : env.env.TERM ?? '' } : {},
    fs: run.fs,
    hostname: pod.metadata!.name!,
    podIP: worker.podIP,
    namespace: spec.namespace,
    image: run.ref.full,
    stdout: io.stdout,
    stderr: io.stderr,
    stdin: shells.has(prog) && argv.length === 1 ? '' : io.stdin,
    abort,
  });
  return { exitCode: code };
}
