// One container of a pod as the runtime sees it: its run (server or script), logs, files and exit.

import type { Container } from 'kubernetes-types/core/v1';
import type { ImageEntry, ImageRef } from '../runtime/images';
import { LogBuffer } from '../runtime/logs';
import { planProcess, type ProcessPlan } from '../runtime/process';
import type { KubeletDeps } from './types';
import { Abort } from './types';
import type { FileSystem } from '../runtime/sh/fs';

export interface Terminated {
  exitCode: number;
  reason: string;
  message?: string;
  startedAt: number;
  finishedAt: number;
  containerID: string;
  signal?: number;
}

export type ExitHandler = (code: number, reason: string, message?: string) => void;

/** A started container process. */
export class ContainerRun {
  readonly logs = new LogBuffer();
  readonly startedAt: number;
  private abort = new Abort();
  private exited = false;
  private killTimer?: number;
  /** SIGTERM was sent and the process ignores it. */
  private termRequested = false;
  readonly plan: ProcessPlan;

  constructor(
    private readonly deps: KubeletDeps,
    readonly spec: Container,
    readonly image: ImageEntry,
    readonly ref: ImageRef,
    readonly containerID: string,
    private readonly makeFs: () => FileSystem,
    private readonly env: Record<string, string>,
    private readonly hostname: string,
    private readonly podIP: string,
    private readonly namespace: string,
    private readonly onExit: ExitHandler,
  ) {
    this.startedAt = deps.clock.now();
    this.plan = planProcess(image, spec);
  }

  private fsCache?: FileSystem;

  /** The container's files, built on first use (most server containers are never looked into). */
  get fs(): FileSystem {
    return (this.fsCache ??= this.makeFs());
  }

  get running(): boolean {
    return !this.exited;
  }

  /** Whether the process listens on a port (servers: the image's ports and declared containerPorts). */
  listensOn(port: number): boolean {
    if (this.exited) return false;
    if (this.plan.kind !== 'server') return false;
    if (this.image.ports.includes(port)) return true;
    return (this.spec.ports ?? []).some((p) => p.containerPort === port);
  }

  start(): void {
    const now = this.deps.clock.now();
    const plan = this.plan;
    switch (plan.kind) {
      case 'exit':
        for (const l of plan.log) this.logs.write('stderr', l + '\n', now);
        this.exit(plan.code, plan.code === 0 ? 'Completed' : 'Error');
        return;
      case 'notfound':
        // Start failures are reported by the kubelet before this point.
        this.exit(128, 'StartError');
        return;
      case 'server': {
        const fail = this.image.requireEnv?.(this.env);
        if (fail) {
          for (const l of fail.log) this.logs.write('stderr', l + '\n', now);
          // A crashing entrypoint takes a moment to fail.
          this.deps.clock.setTimeout(() => this.exit(fail.code, 'Error'), 300);
          return;
        }
        for (const l of this.image.startupLog?.(this.env) ?? []) this.logs.write('stdout', l + '\n', now);
        return;
      }
      case 'script': {
        this.deps.work.pending++;
        const p = this.deps.scripts.run(plan.script, {
          env: this.env,
          fs: this.fs,
          hostname: this.hostname,
          podIP: this.podIP,
          namespace: this.namespace,
          image: this.ref.full,
          stdout: (t) => this.logs.write('stdout', t, this.deps.clock.now()),
          stderr: (t) => this.logs.write('stderr', t, this.deps.clock.now()),
          abort: this.abort,
        });
        p.then(
          (code) => {
            this.deps.work.suspended();
            if (this.exited) return;
            this.exit(code, code === 0 ? 'Completed' : 'Error');
          },
          () => {
            this.deps.work.suspended();
            if (!this.exited) this.exit(1, 'Error');
          },
        );
        return;
      }
    }
  }

  /** SIGTERM: servers that honour it exit at once; shells as PID 1 ignore it until SIGKILL. */
  terminate(graceMs: number): void {
    if (this.exited || this.termRequested) return;
    this.termRequested = true;
    const honours = this.plan.kind === 'server' && this.image.sigterm === 'exit';
    if (honours) {
      this.deps.clock.setTimeout(() => this.exit(this.image.sigtermExitCode ?? 0, this.image.sigtermExitCode ? 'Error' : 'Completed'), 100);
    }
    this.killTimer = this.deps.clock.setTimeout(() => this.kill(), Math.max(0, graceMs));
  }

  /** SIGKILL. */
  kill(): void {
    if (this.exited) return;
    this.exit(137, 'Error', 9);
  }

  /** The node lost power: the process is gone without a trace of exit handling. */
  vanish(): void {
    this.exited = true;
    this.abort.abort();
    if (this.killTimer !== undefined) this.deps.clock.clearTimeout(this.killTimer);
  }

  /** Out of memory (the runtime's OOM killer). */
  oomKill(): void {
    if (this.exited) return;
    this.exit(137, 'OOMKilled', 9);
  }

  private exit(code: number, reason: string, _signal?: number): void {
    if (this.exited) return;
    this.exited = true;
    this.abort.abort();
    if (this.killTimer !== undefined) this.deps.clock.clearTimeout(this.killTimer);
    this.logs.close(this.deps.clock.now());
    this.logs.endFollowers();
    this.onExit(code, reason);
  }
}
