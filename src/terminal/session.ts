// A terminal session: the bash-like shell with kubectl (and `k`), `kubeplay`, `watch`, `clear`, `history`,
// `help`, a home directory for manifests, and the kubeconfig. The page, `kubeplay run` and tests use it.
// A running command's stdin is the terminal (the page's keyboard in the foreground).

import { createShell, type Shell } from '../engine/runtime/sh/shell';
import type { CommandImpl } from '../engine/runtime/sh/types';
import type { ShellSignal } from '../engine/runtime/sh/signal';
import { MemFS } from '../engine/runtime/sh/memfs';
import type { InputStream, OutputStream } from '../engine/runtime/sh/streams';
import { ClosedTerminal } from '../engine/runtime/sh/terminal-stdin';
import type { ApiClient } from './api-client';
import { RESTMapper } from './kubectl/discovery';
import { KubeConfig } from './kubectl/config';
import { runKubectl } from './kubectl/kubectl';
import type { EditorHost, ExecHost } from './kubectl/context';
import type { PlaygroundHost } from './playground';
import { kubeplayCommand } from './kubeplay-command';

export interface SessionOptions {
  client: ApiClient;
  /** Simulated time. */
  now(): number;
  /** Sleeps on the simulated clock (resolves early when the signal fires). */
  sleep(ms: number, signal: ShellSignal): Promise<void>;
  playground?: PlaygroundHost;
  editor?: EditorHost;
  exec?: ExecHost;
  server?: string;
  hostname?: string;
}

export const HOME = '/home/user';

const HELP = `kubeplay terminal — a bash-like shell connected to a simulated Kubernetes v1.32 cluster.

Commands:
  kubectl (alias k)   the Kubernetes CLI: get, describe, apply, create, delete, scale, logs, exec, …
  kubeplay            playground controls: node kill|start|partition|add|remove, pod crash, …
  watch -n SECS CMD   re-run a command every SECS seconds (Ctrl-C stops)
  sleep, echo, cat, grep, head, tail, wc, sort, cut, tr, sed, env, export, alias, history, clear

Files you create (cat <<EOF > web.yaml …) live in ${HOME} and can be applied with kubectl apply -f.
`;

export class TerminalSession {
  readonly shell: Shell;
  readonly config: KubeConfig;
  readonly mapper: RESTMapper;
  readonly history: string[] = [];
  readonly fs: MemFS;

  constructor(private readonly opts: SessionOptions) {
    this.config = new KubeConfig(opts.server);
    this.mapper = new RESTMapper(opts.client);
    this.fs = MemFS.standard(opts.now, opts.hostname ?? 'kubeplay');
    this.fs.mkdir(HOME, { parents: true });
    const kubectl: CommandImpl = (argv, ctx) =>
      runKubectl(
        {
          client: opts.client,
          mapper: this.mapper,
          config: this.config,
          fs: ctx.fs,
          cwd: ctx.cwd,
          stdin: ctx.io.stdin,
          stdout: ctx.io.stdout,
          stderr: ctx.io.stderr,
          signal: ctx.signal,
          now: opts.now,
          sleep: (ms) => ctx.sleep(ms),
          editor: opts.editor,
          exec: opts.exec,
          getenv: (n) => ctx.env.get(n),
        },
        argv.slice(1),
      );
    this.shell = createShell({
      flavor: 'terminal',
      now: opts.now,
      sleep: opts.sleep,
      fs: this.fs,
      cwd: HOME,
      hostname: opts.hostname ?? 'kubeplay',
      env: { HOME, USER: 'user', SHELL: '/bin/bash', TERM: 'xterm-256color', PATH: '/usr/local/bin:/usr/bin:/bin' },
      aliases: { k: 'kubectl' },
      commands: {
        kubectl,
        kubeplay: kubeplayCommand(opts.playground, () => this.config.namespace),
        help: async (_argv, ctx) => {
          await ctx.io.stdout.write(HELP);
          return 0;
        },
        history: async (_argv, ctx) => {
          await ctx.io.stdout.write(this.history.map((h, i) => `${String(i + 1).padStart(5)}  ${h}\n`).join(''));
          return 0;
        },
        clear: async (_argv, ctx) => {
          await ctx.io.stdout.write('\x1b[H\x1b[2J\x1b[3J');
          return 0;
        },
      },
    });
  }

  /**
   * Runs one command line (or a multi-line command) as if typed; output goes to the given streams. stdin is
   * the terminal: the page's keyboard while the command runs, or (by default) a terminal nobody types at,
   * whose reads end at once.
   */
  async run(text: string, io: { stdout: OutputStream; stderr: OutputStream; stdin?: InputStream }, signal?: ShellSignal): Promise<number> {
    const trimmed = text.trim();
    if (trimmed && !trimmed.startsWith('#')) this.history.push(text);
    const stdin = io.stdin ?? new ClosedTerminal(io.stdout.columns ?? 80);
    return this.shell.run(text, { io: { stdin, stdout: io.stdout, stderr: io.stderr }, signal });
  }

  isComplete(text: string): boolean {
    return this.shell.isComplete(text);
  }
}
