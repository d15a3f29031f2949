// kubectl attach: connects to a running container's main process — its output from now on and, with -i,
// its stdin (a shell started with `stdin: true` reads it; with `tty: true` the local terminal goes raw and
// the container's terminal echoes, edits and redraws its prompt on the resize kubectl sends).
// mirrors: kubectl/pkg/cmd/attach/attach.go

import type { Pod } from 'kubernetes-types/core/v1';
import type { CommandSpec } from '../command';
import type { ExecHost, Kubectl } from '../context';
import type { InputStream, OutputStream } from '../../../engine/runtime/sh/streams';
import type { ShellSignal } from '../../../engine/runtime/sh/signal';
import { KubectlError, ServerError } from '../errors';
import { textChunks } from '../../api-client';
import { asStatus } from './apply';
import { attachablePod, execErrorText, setupTTY } from './exec';
import { findContainer, findOrDefaultContainer, getPodOrOwner } from './pod-for-object';
import { namespaceOf } from './workload-flags';

export interface AttachRequest {
  namespace: string;
  pod: string;
  container: string;
  stdin: boolean;
  tty: boolean;
  /** kubectl run attaches as the container starts: show what it already wrote (when it has no stdin of its own). */
  fromStart: boolean;
}

/** The host side of attach: connects to the container's main process until it ends or the client leaves. */
export interface AttachHost {
  attach(r: AttachRequest, io: { stdin: InputStream; stdout: OutputStream; stderr: OutputStream; signal: ShellSignal }): Promise<{ error?: string }>;
}

function attachHost(k: Kubectl): AttachHost | undefined {
  const h = k.env.exec as (ExecHost & Partial<AttachHost>) | undefined;
  return h?.attach ? (h as AttachHost) : undefined;
}

/**
 * AttachOptions.Run after the pod and container are known: the TTY rules, the prompt hint, the session
 * (the local terminal raw for -it), and the hint to reattach. Without an attach-capable host the
 * container's log is followed.
 */
export async function attachToPod(k: Kubectl, pod: Pod, container: string, o: { stdin: boolean; tty: boolean; quiet: boolean; fromStart: boolean }): Promise<void> {
  const spec = findContainer(pod, container)?.container;
  let tty = o.tty;
  if (tty && !spec?.tty) {
    tty = false;
    if (!o.quiet) await k.err(`error: Unable to use a TTY - container ${container} did not allocate one\n`);
  } else if (!tty && spec?.tty) {
    // A container started with a TTY only speaks the TTY protocol.
    tty = true;
  }
  const host = attachHost(k);
  const t = await setupTTY(k, o.stdin, tty, o.quiet);
  if (!o.quiet) await k.err("If you don't see a command prompt, try pressing enter.\n");
  const ns = pod.metadata?.namespace ?? '';
  const name = pod.metadata?.name ?? '';
  try {
    if (!host) {
      t.restore();
      await followLog(k, ns, name, container);
      return;
    }
    const res = await host.attach({ namespace: ns, pod: name, container, stdin: t.stdin, tty: t.tty, fromStart: o.fromStart }, { stdin: k.env.stdin, stdout: t.stdout, stderr: t.stderr, signal: k.env.signal });
    if (res.error) throw new KubectlError(execErrorText(res.error));
  } finally {
    t.restore();
  }
  if (!o.quiet && o.stdin && t.raw && pod.spec?.restartPolicy === 'Always') {
    await k.out(`Session ended, resume using 'kubectl attach ${name} -c ${container} -i -t' command when the pod is running\n`);
  }
}

async function followLog(k: Kubectl, ns: string, pod: string, container: string): Promise<void> {
  const res = await k.request({
    method: 'GET',
    path: `/api/v1/namespaces/${encodeURIComponent(ns)}/pods/${encodeURIComponent(pod)}/log`,
    query: { container, follow: 'true', tailLines: '0' },
  });
  if (res.status >= 300) throw new ServerError(asStatus(res.body, res.status));
  for await (const chunk of textChunks(res, (fn) => k.env.signal.onAbort(fn))) await k.out(chunk);
}

export const attachCommand: CommandSpec = {
  name: 'attach',
  group: 'Troubleshooting and Debugging Commands',
  short: 'Attach to a running container',
  long: 'Attach to a process that is already running inside an existing container.',
  examples: "  # Get output from running pod mypod; use the 'kubectl.kubernetes.io/default-container' annotation\n  # for selecting the container to be attached or the first container in the pod will be chosen\n  kubectl attach mypod\n  \n  # Get output from ruby-container from pod mypod\n  kubectl attach mypod -c ruby-container\n  \n  # Switch to raw terminal mode; sends stdin to 'bash' in ruby-container from pod mypod\n  # and sends stdout/stderr from 'bash' back to the client\n  kubectl attach mypod -c ruby-container -i -t\n  \n  # Get output from the first pod of a replica set named nginx\n  kubectl attach rs/nginx",
  usage: 'kubectl attach (POD | TYPE/NAME) -c CONTAINER [options]',
  flags: [
    { name: 'container', short: 'c', type: 'string', default: '', usage: 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen' },
    { name: 'pod-running-timeout', type: 'duration', default: 60000, usage: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
    { name: 'quiet', short: 'q', type: 'bool', default: false, usage: 'Only print output from the remote session' },
    { name: 'stdin', short: 'i', type: 'bool', default: false, usage: 'Pass stdin to the container' },
    { name: 'tty', short: 't', type: 'bool', default: false, usage: 'Stdin is a TTY' },
  ],
  async run(k, args, f) {
    const v = f.values;
    if (args.length === 0) throw new KubectlError('error: at least 1 argument is required for attach');
    if (args.length > 2) throw new KubectlError(`error: expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw ${args.length}: [${args.join(' ')}]`);
    const timeout = v['pod-running-timeout'] as number;
    if (timeout <= 0) throw new KubectlError('error: --pod-running-timeout must be higher than zero');
    const { namespace } = namespaceOf(k, v);
    const { object } = await getPodOrOwner(k, args.length === 2 ? `${args[0]}/${args[1]}` : args[0], namespace);
    const pod = await attachablePod(k, object, timeout);
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') throw new KubectlError(`error: cannot attach a container in a completed pod; current phase is ${phase}`);
    const quiet = v.quiet as boolean;
    const container = await findOrDefaultContainer(k, pod, v.container as string, quiet);
    await attachToPod(k, pod, container, { stdin: v.stdin as boolean, tty: v.tty as boolean, quiet, fromStart: false });
    return 0;
  },
};
