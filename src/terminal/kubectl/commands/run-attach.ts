// `kubectl run -i/--attach`: wait for the pod to run (or finish), attach to it (with -it the local terminal
// goes raw and the container's shell is on it), wait for the exit code under Never/OnFailure, and turn a
// failed pod into kubectl's exit status; --rm deletion is done by the caller.
// mirrors: kubectl/pkg/cmd/run/run.go (handleAttachPod, waitForPod, podRunningAndReady…),
//          kubectl/pkg/cmd/attach/attach.go

import type { Pod } from 'kubernetes-types/core/v1';
import type { Kubectl } from '../context';
import { KubectlError, ServerError } from '../errors';
import { statusBody } from '../../../engine/api/errors';
import { textChunks } from '../../api-client';
import { asStatus } from './apply';
import { findOrDefaultContainer } from './pod-for-object';
import { attachToPod } from './attach';
import { asTerminal } from '../../../engine/runtime/sh/terminal-stdin';
import { untilWithSync, type Condition } from './watch-until';

export interface AttachOptions {
  namespace: string;
  name: string;
  stdin: boolean;
  tty: boolean;
  quiet: boolean;
  leaveStdinOpen: boolean;
  restartPolicy: string;
  timeoutMs: number;
}

class PodCompleted extends Error {}

const deletedError = () => new ServerError(statusBody(404, 'NotFound', 'pods "" not found'));

const runningAndReady: Condition = (type, o) => {
  if (type === 'DELETED') throw deletedError();
  const p = o as Pod;
  const phase = p.status?.phase;
  if (phase === 'Failed' || phase === 'Succeeded') throw new PodCompleted();
  return phase === 'Running' && !!p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
};

const completed: Condition = (type, o) => {
  if (type === 'DELETED') throw deletedError();
  const phase = (o as Pod).status?.phase;
  return phase === 'Failed' || phase === 'Succeeded';
};

const succeeded: Condition = (type, o) => {
  if (type === 'DELETED') throw deletedError();
  return (o as Pod).status?.phase === 'Succeeded';
};

async function waitForPod(k: Kubectl, o: AttachOptions, cond: Condition): Promise<Pod> {
  const out = await untilWithSync(k, `/api/v1/namespaces/${encodeURIComponent(o.namespace)}/pods`, o.name, o.timeoutMs, cond);
  if (out.kind === 'timeout') throw new KubectlError('error: timed out waiting for the condition');
  if (out.kind === 'interrupted') throw new KubectlError('', 130);
  return out.object as Pod;
}

/** Attaches to the run pod; returns kubectl's exit code (errors are thrown). */
export async function attachRunPod(k: Kubectl, o: AttachOptions): Promise<number> {
  let pod: Pod;
  try {
    pod = await waitForPod(k, o, runningAndReady);
  } catch (e) {
    if (!(e instanceof PodCompleted)) throw e;
    pod = (await k.call({ method: 'GET', path: `/api/v1/namespaces/${encodeURIComponent(o.namespace)}/pods/${encodeURIComponent(o.name)}` })).body as Pod;
  }
  const container = await findOrDefaultContainer(k, pod, '', o.quiet);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    await streamLog(k, pod, container, false);
  } else {
    // A container that already exited cannot be attached to: kubectl falls back to its log.
    const now = (await k.call({ method: 'GET', path: `/api/v1/namespaces/${encodeURIComponent(o.namespace)}/pods/${encodeURIComponent(o.name)}` })).body as Pod;
    const running = !!now.status?.containerStatuses?.find((c) => c.name === container)?.state?.running;
    if (!running) {
      if (o.stdin && o.tty && !asTerminal(k.env.stdin) && !o.quiet) await k.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
      if (!o.quiet) await k.err("If you don't see a command prompt, try pressing enter.\n");
      await k.err(`warning: couldn't attach to pod/${o.name}, falling back to streaming logs: unable to upgrade connection: container not found ("${container}")\n`);
      await streamLog(k, now, container, false);
    } else if (k.env.exec && 'attach' in k.env.exec) {
      await attachToPod(k, now, container, { stdin: o.stdin, tty: o.tty, quiet: o.quiet, fromStart: true });
    } else {
      if (!o.quiet) await k.err("If you don't see a command prompt, try pressing enter.\n");
      await streamLog(k, pod, container, true);
    }
  }
  const waitForExit = !o.leaveStdinOpen && (o.restartPolicy === 'Never' || o.restartPolicy === 'OnFailure');
  if (!waitForExit) return 0;
  const done = await waitForPod(k, o, o.restartPolicy === 'OnFailure' ? succeeded : completed);
  return exitStatus(done);
}

/** Succeeded → 0; Failed → the container's exit code with `pod ns/x terminated (Reason)`. */
export function exitStatus(pod: Pod): number {
  const ref = `${pod.metadata?.namespace}/${pod.metadata?.name}`;
  switch (pod.status?.phase) {
    case 'Succeeded':
      return 0;
    case 'Failed': {
      const t = pod.status?.containerStatuses?.[0]?.state?.terminated;
      if (!t || !t.exitCode) throw new KubectlError(`error: pod ${ref} failed with unknown exit code`);
      // An exit-code error is printed without the `error: ` prefix.
      throw new KubectlError(`pod ${ref} terminated (${t.reason ?? ''})\n${t.message ?? ''}`, t.exitCode);
    }
  }
  throw new KubectlError(`error: pod ${ref} left in phase ${pod.status?.phase ?? ''}`);
}

/** The container's output: its whole log, followed while it runs. */
async function streamLog(k: Kubectl, pod: Pod, container: string, follow: boolean): Promise<void> {
  const query: Record<string, string> = { container };
  if (follow) query.follow = 'true';
  const res = await k.request({ method: 'GET', path: `/api/v1/namespaces/${encodeURIComponent(pod.metadata?.namespace ?? '')}/pods/${encodeURIComponent(pod.metadata?.name ?? '')}/log`, query });
  if (res.status >= 300) throw new ServerError(asStatus(res.body, res.status));
  for await (const chunk of textChunks(res, (fn) => k.env.signal.onAbort(fn))) await k.out(chunk);
}
