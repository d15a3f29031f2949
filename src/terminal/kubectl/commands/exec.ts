// kubectl exec: runs a command in a pod's container (POD, TYPE/NAME → its first pod, or -f), with the
// default-container notice, -i (stdin streamed), -t (only when stdin is a terminal, which then goes raw:
// the container's terminal echoes and edits), and exit codes as `command terminated with exit code N`.
// mirrors: kubectl/pkg/cmd/exec/exec.go, kubectl/pkg/polymorphichelpers/attachablepodforobject.go

import type { Pod } from 'kubernetes-types/core/v1';
import type { CommandSpec } from '../command';
import type { Kubectl } from '../context';
import type { KubeObject } from '../../../engine/api/types';
import { KubectlError } from '../errors';
import { manifestInfos } from '../builder';
import { POD_RUNNING_TIMEOUT_USAGE, filenameFlag, namespaceOf } from './workload-flags';
import { findOrDefaultContainer, getPodOrOwner, goTypeName, podSelectorFor, podsForSelector } from './pod-for-object';
import type { OutputStream } from '../../../engine/runtime/sh/streams';
import { asTerminal } from '../../../engine/runtime/sh/terminal-stdin';

export const CONTAINER_FLAG_USAGE =
  'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen';

export const execCommand: CommandSpec = {
  name: 'exec',
  group: 'Troubleshooting and Debugging Commands',
  short: 'Execute a command in a container',
  long: 'Execute a command in a container.',
  examples:
    "  # Get output from running the 'date' command from pod mypod, using the first container by default\n  kubectl exec mypod -- date\n  \n  # Get output from running the 'date' command in ruby-container from pod mypod\n  kubectl exec mypod -c ruby-container -- date\n  \n  # Switch to raw terminal mode; sends stdin to 'bash' in ruby-container from pod mypod\n  # and sends stdout/stderr from 'bash' back to the client\n  kubectl exec mypod -c ruby-container -i -t -- bash -il\n  \n  # List contents of /usr from the first container of pod mypod and sort by modification time\n  # If the command you want to execute in the pod has any flags in common (e.g. -i),\n  # you must use two dashes (--) to separate your command's flags/arguments\n  # Also note, do not surround your command and its flags/arguments with quotes\n  # unless that is how you would execute it normally (i.e., do ls -t /usr, not \"ls -t /usr\")\n  kubectl exec mypod -i -t -- ls -t /usr\n  \n  # Get output from running 'date' command from the first pod of the deployment mydeployment, using the first container by default\n  kubectl exec deploy/mydeployment -- date\n  \n  # Get output from running 'date' command from the first pod of the service myservice, using the first container by default\n  kubectl exec svc/myservice -- date",
  usage: 'kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]',
  flags: [
    { name: 'container', short: 'c', type: 'string', default: '', usage: CONTAINER_FLAG_USAGE },
    filenameFlag('to use to exec into the resource'),
    { name: 'pod-running-timeout', type: 'duration', default: 60000, usage: POD_RUNNING_TIMEOUT_USAGE },
    { name: 'quiet', short: 'q', type: 'bool', default: false, usage: 'Only print output from the remote session' },
    { name: 'stdin', short: 'i', type: 'bool', default: false, usage: 'Pass stdin to the container' },
    { name: 'tty', short: 't', type: 'bool', default: false, usage: 'Stdin is a TTY' },
  ],
  async run(k, args, f) {
    const v = f.values;
    const files = v.filename as string[];
    const dash = f.argsLenAtDash;
    const resourceName = args.length > 0 && dash !== 0 ? args[0] : '';
    let command: string[] = [];
    if (dash > -1) command = args.slice(dash);
    else if (args.length > 1 || (args.length > 0 && files.length)) {
      throw new KubectlError("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples");
    }
    if (!resourceName && files.length === 0) throw new KubectlError('error: pod, type/name or --filename must be specified');
    if (command.length === 0) throw new KubectlError('error: you must specify at least one command for the container');
    const { namespace, explicit } = namespaceOf(k, v);
    const timeout = v['pod-running-timeout'] as number;
    let object: KubeObject;
    if (files.length) {
      const infos = await manifestInfos(k, files, false, namespace, explicit);
      if (infos.length !== 1) throw new KubectlError('error: cannot exec into multiple objects at a time');
      const m = infos[0];
      object = await k.get(m.info, m.namespace, m.name);
    } else object = (await getPodOrOwner(k, resourceName, namespace)).object;
    const pod = await attachablePod(k, object, timeout);
    const quiet = v.quiet as boolean;
    return execInPod(k, pod, { container: v.container as string, command, stdin: v.stdin as boolean, tty: v.tty as boolean, quiet });
  },
};

/** AttachablePodForObject: the pod itself, or the first of a workload's pods (most active first). */
export async function attachablePod(k: Kubectl, object: KubeObject, timeoutMs: number): Promise<Pod> {
  if (object.kind === 'Pod') return object as Pod;
  let selector: string;
  try {
    selector = podSelectorFor(object);
  } catch (e) {
    throw new KubectlError(`error: cannot attach to ${goTypeName(object)}: ${(e as Error).message}`);
  }
  const pods = await podsForSelector(k, object.metadata?.namespace ?? k.namespace, selector, timeoutMs, 'attach');
  return pods[0];
}

export interface ExecRequest {
  container: string;
  command: string[];
  stdin: boolean;
  tty: boolean;
  quiet: boolean;
}

/** What SetupTTY decided: stdin and tty as the session uses them, and the local terminal in raw mode. */
export interface TtySession {
  stdin: boolean;
  tty: boolean;
  /** Keys go to the remote side untouched; it echoes and edits. */
  raw: boolean;
  /** Where remote output goes: a remote terminal's CR LF is shown as LF when ours is not raw. */
  stdout: OutputStream;
  stderr: OutputStream;
  /** Leaves raw mode. */
  restore(): void;
}

/**
 * StreamOptions.SetupTTY: a TTY only with stdin, and only when stdin is a terminal (else the notice);
 * a terminal someone types at goes raw for the session.
 */
export async function setupTTY(k: Kubectl, stdin: boolean, tty: boolean, quiet: boolean): Promise<TtySession> {
  const plain = { stdin, tty: false, raw: false, stdout: k.env.stdout, stderr: k.env.stderr, restore: () => {} };
  if (!stdin || !tty) return plain;
  const term = asTerminal(k.env.stdin);
  if (!term) {
    if (!quiet) await k.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    return plain;
  }
  if (!term.interactive) return { ...plain, tty: true, stdout: lfOnly(k.env.stdout), stderr: lfOnly(k.env.stderr) };
  term.setRaw(true);
  return { stdin, tty: true, raw: true, stdout: k.env.stdout, stderr: k.env.stderr, restore: () => term.setRaw(false) };
}

function lfOnly(out: OutputStream): OutputStream {
  return { write: (t) => out.write(t.replace(/\r\n/g, '\n')), isTTY: out.isTTY, columns: out.columns };
}

/** Runs the command through the host and maps the outcome to kubectl's output and exit code. */
export async function execInPod(k: Kubectl, pod: Pod, r: ExecRequest): Promise<number> {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new KubectlError(`error: cannot exec into a container in a completed pod; current phase is ${phase}`);
  const container = r.container || (await findOrDefaultContainer(k, pod, '', r.quiet));
  const host = k.env.exec;
  if (!host) throw new KubectlError('error: unable to upgrade connection: exec is not available in this session');
  const t = await setupTTY(k, r.stdin, r.tty, r.quiet);
  let res: { exitCode: number; error?: string };
  try {
    res = await host.exec(
      { namespace: pod.metadata?.namespace ?? '', pod: pod.metadata?.name ?? '', container, command: r.command, stdin: t.stdin, tty: t.tty },
      { stdin: k.env.stdin, stdout: t.stdout, stderr: t.stderr, signal: k.env.signal },
    );
  } finally {
    t.restore();
  }
  if (res.error) throw new KubectlError(execErrorText(res.error));
  if (res.exitCode !== 0) {
    // A Ctrl-C ends the session; kubectl itself dies of the signal.
    if (k.env.signal.aborted) return res.exitCode;
    throw new KubectlError(`command terminated with exit code ${res.exitCode}`, res.exitCode);
  }
  return 0;
}

/**
 * How kubectl shows a failed exec request: the API server's own checks come back as Status errors,
 * the kubelet's answers through the upgrade proxy as plain errors.
 */
export function execErrorText(message: string): string {
  if (/^(error: |Error from server)/.test(message)) return message;
  if (/ is not valid for pod /.test(message) || /^pod .* does not have a host assigned$/.test(message)) return `Error from server (BadRequest): ${message}`;
  if (/^error dialing backend/.test(message)) return `Error from server: ${message}`;
  return `error: ${message}`;
}
