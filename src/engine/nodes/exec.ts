// `kubectl exec` and `kubectl attach`: runs a command inside a running container's simulated shell (its
// files and env; stdin live, on a terminal with -t), or connects to the main process's stdin and output.
// mirrors: pkg/kubelet/cri/streaming (exec, attach), the apiserver's pods/exec errors

import type { Pod } from 'kubernetes-types/core/v1';
import type { Kubelet } from './kubelet';
import type { Store } from '../store/store';
import type { ScriptRunner } from './types';
import { Abort } from './types';
import { quoteArgv, SHELL_PROGRAMS } from '../runtime/process';
import { StatusError, statusBody, notFound, badRequest } from '../api/errors';
import { isBareShell, shellProfile } from '../runtime/sh/prompt';
import { Pty } from '../runtime/sh/pty';
import { StringInput, type InputStream } from '../runtime/sh/streams';
import { asTerminal } from '../runtime/sh/terminal-stdin';
import { AbortScope, type ShellSignal } from '../runtime/sh/signal';
import type { LogLine } from '../runtime/logs';

export interface ExecSpec {
  namespace: string;
  pod: string;
  container?: string;
  command: string[];
  tty?: boolean;
}

export interface ExecIO {
  /** All of stdin (exec -i) as text; `input` instead streams it. */
  stdin?: string;
  /** stdin as it comes (a terminal or a pipe): read by the command while it runs; with tty, keystrokes. */
  input?: InputStream;
  /** The client's terminal size, now and when it changes (tty). */
  size?: { cols: number; rows: number };
  onResize?(fn: (cols: number, rows: number) => void): void;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Abort (Ctrl-C, client gone). */
  onAbort?(fn: () => void): void;
}

export interface ExecResult {
  exitCode: number;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash']);

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
  const shell = SHELLS.has(prog);
  // Which shells the image has (busybox has no bash, Debian's sh is dash) and how each prompts.
  const profile = shell ? shellProfile(run.ref.full, argv[0]) : null;
  if (shell ? !profile : !SHELL_PROGRAMS.has(prog)) {
    io.stderr(`OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown\n`);
    return { exitCode: 126 };
  }
  const script = shell && argv[1] === '-c' && argv.length >= 3 ? argv[2] : shell && isBareShell(argv) ? '' : quoteArgv(argv);
  // The environment the container started with: later ConfigMap or Secret changes do not reach it.
  const env = { env: run.env };
  const abort = new Abort();
  io.onAbort?.(() => abort.abort());
  // A live stdin: with a tty the keystrokes reach the command through a terminal (echo, ^C, prompts).
  let input: InputStream | undefined = io.input ?? (io.stdin !== undefined ? new StringInput(io.stdin) : undefined);
  let pty: Pty | undefined;
  if (spec.tty && io.input) {
    const term = new Pty(io.stdout);
    pty = term;
    if (io.size) term.resize(io.size.cols, io.size.rows);
    io.onResize?.((cols, rows) => term.resize(cols, rows));
    const over = new AbortScope();
    abort.onAbort(() => over.abort('SIGHUP'));
    void pump(io.input, over, (d) => term.input(d), () => term.hangup());
    input = undefined;
  }
  const interactive = profile && isBareShell(argv) ? profile : undefined;
  const code = await scripts.run(script, {
    env: { ...env.env, TERM: spec.tty ? 'xterm' : env.env.TERM ?? '' },
    fs: run.fs,
    hostname: pod.metadata!.name!,
    podIP: worker.podIP,
    namespace: spec.namespace,
    image: run.ref.full,
    stdout: io.stdout,
    stderr: io.stderr,
    stdin: input ?? '',
    pty,
    repl: interactive,
    abort,
  });
  abort.abort();
  return { exitCode: code };
}

export interface AttachSpec {
  namespace: string;
  pod: string;
  container?: string;
  /** Send the client's stdin to the process (attach -i). */
  stdin: boolean;
  /** Show what the process wrote before the client came (kubectl run's attach, as the container starts). */
  fromStart?: boolean;
}

export interface AttachIO {
  /** The client's stdin (keystrokes with a tty). */
  input?: InputStream;
  size?: { cols: number; rows: number };
  onResize?(fn: (cols: number, rows: number) => void): void;
  stdout(text: string): void;
  stderr(text: string): void;
  /** The client goes away (Ctrl-C without a terminal). */
  onAbort?(fn: () => void): void;
}

/**
 * Attaches to a running container's main process: its output from now on, and (with stdin) its input,
 * until the process ends or the client leaves. A process that does not read stdin only shows output.
 */
export async function attachToContainer(store: Store, kubelets: Map<string, Kubelet>, spec: AttachSpec, io: AttachIO): Promise<void> {
  const pod = store.get('pods', spec.namespace, spec.pod) as Pod | undefined;
  if (!pod) throw notFound('', 'pods', spec.pod);
  const name = spec.container ?? pod.spec?.containers?.[0]?.name;
  const c = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find((x) => x.name === name);
  if (!c) throw badRequest(`container ${name} is not valid for pod ${spec.pod}`);
  const kubelet = pod.spec?.nodeName ? kubelets.get(pod.spec.nodeName) : undefined;
  const rec = kubelet?.workers.get(pod.metadata!.uid!)?.containers.get(name!);
  // kubectl run attaches as the container starts; one that finished meanwhile has its whole output to show.
  if (spec.fromStart && rec?.state.kind === 'terminated' && rec.current) {
    for (const l of rec.current.logs.lines) (l.stream === 'stdout' ? io.stdout : io.stderr)(l.text + '\n');
    return;
  }
  if (!kubelet || !rec || rec.state.kind !== 'running') {
    throw new StatusError(statusBody(400, 'BadRequest', `unable to upgrade connection: container not found ("${name}")`));
  }
  if (!kubelet.up || !kubelet.connected) {
    throw new StatusError(statusBody(500, 'InternalError', `error dialing backend: dial tcp ${kubelet.hostIP}:10250: connect: no route to host`));
  }
  const run = rec.state.run;
  const session = new AbortScope();
  await new Promise<void>((resolve) => {
    let over = false;
    let leave = (): void => {};
    const finish = () => {
      if (over) return;
      over = true;
      session.abort('SIGHUP');
      leave();
      resolve();
    };
    const con = run.console;
    const line = (l: LogLine) => (l.stream === 'stdout' ? io.stdout(l.text + '\n') : io.stderr(l.text + '\n'));
    // kubectl run attaches as the container starts: what it wrote meanwhile is shown first (whole lines; a
    // prompt still being edited comes back with the redraw below).
    if (spec.fromStart) for (const l of run.logs.lines) line(l);
    if (con) {
      const a = con.attach({ write: (s, t) => (s === 'stdout' ? io.stdout(t) : io.stderr(t)), end: finish }, spec.stdin);
      leave = () => a.detach();
      // kubectl sends the size one larger, then the real one, so the program redraws (its prompt appears).
      if (io.size) {
        a.resize(io.size.cols + 1, io.size.rows + 1);
        a.resize(io.size.cols, io.size.rows);
      }
      io.onResize?.((cols, rows) => a.resize(cols, rows));
      if (spec.stdin && io.input) void pump(io.input, session, (d) => a.input(d), () => a.endInput());
    } else {
      // Output only: what the process writes from now on.
      leave = run.logs.follow(line, finish);
      // kubectl still copies its stdin to the stream; the runtime has no stdin to give it to (containerd's
      // attach ignores it), so keys are read and dropped, and their end changes nothing.
      if (spec.stdin && io.input) void pump(io.input, session, () => {}, () => {});
    }
    io.onAbort?.(finish);
  });
}

/**
 * Copies the client's stdin to the process until it ends (then `end`) or the session is over. A terminal
 * is read so that the read is withdrawn when the session ends: keys typed afterwards are not lost.
 */
async function pump(input: InputStream, over: ShellSignal, to: (data: string) => void, end: () => void): Promise<void> {
  const term = asTerminal(input);
  for (;;) {
    const chunk = term ? await term.readInput(over) : await input.read();
    if (over.aborted) return;
    if (chunk === null) break;
    to(chunk);
  }
  end();
}
