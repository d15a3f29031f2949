// One container of a pod as the runtime sees it: its run (server or script), logs, files and exit.

import type { Container } from 'kubernetes-types/core/v1';
import type { ImageEntry, ImageRef } from '../runtime/images';
import { LogBuffer } from '../runtime/logs';
import { planProcess, type ProcessPlan } from '../runtime/process';
import { exceedsAt, memoryLimitBytes, startProgram, type NodeCapacity, type ProgramLogLine, type ProgramStart, type ResourceDemand } from '../runtime/resources';
import type { KubeletDeps } from './types';
import { Abort } from './types';
import type { FileSystem } from '../runtime/sh/fs';
import { Console } from '../runtime/sh/console';
import { isBareShell, shellProfile } from '../runtime/sh/prompt';

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
  /** Timers of a modelled program (later log lines, its own exit, the OOM kill); cleared on exit. */
  private programTimers: number[] = [];
  /** What a modelled program (stress) asks for over time: read by the metrics and the OOM killer. */
  demand?: ResourceDemand;
  /** The node's capacity (set by the pod worker): the ceiling of a program without limits. */
  node?: NodeCapacity;
  /** stdin (and the terminal) of a main process that reads it: what attach connects to. */
  console?: Console;
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
    readonly env: Record<string, string>,
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
        const prog = startProgram(this.image, this.spec, now);
        if (prog) this.runProgram(prog);
        return;
      }
      case 'script': {
        this.deps.work.pending++;
        // With `stdin: true` the process reads what attached clients send (kubectl run -i, kubectl attach);
        // a bare shell then reads its commands from there, interactively on a terminal.
        const repl = this.spec.stdin && isBareShell(plan.argv) ? (shellProfile(this.ref.full, plan.argv[0]) ?? undefined) : undefined;
        if (this.spec.stdin) this.console = new Console({ tty: !!this.spec.tty, stdinOnce: !!this.spec.stdinOnce, log: (s, t) => this.logs.write(s, t, this.deps.clock.now()) });
        const con = this.console;
        const p = this.deps.scripts.run(plan.script, {
          env: this.env,
          fs: this.fs,
          hostname: this.hostname,
          podIP: this.podIP,
          namespace: this.namespace,
          image: this.ref.full,
          stdout: con ? (t) => con.out('stdout', t) : (t) => this.logs.write('stdout', t, this.deps.clock.now()),
          stderr: con ? (t) => con.out('stderr', t) : (t) => this.logs.write('stderr', t, this.deps.clock.now()),
          abort: this.abort,
          repl,
          pty: con?.pty,
          stdin: con?.stdin,
          onInputWait: con ? () => this.deps.work.suspended() : undefined,
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

  /**
   * A modelled program: its log over time, its own exit, and the memory cgroup's OOM killer, which stops
   * the container (all of it: memory.oom.group on cgroup v2) the moment its memory would pass the limit,
   * or without a limit the node's memory. It never gets more cores than the node has.
   */
  private runProgram(prog: ProgramStart): void {
    const node = this.node;
    this.demand = prog.demand && node && prog.demand.cpuCores > node.cpuCores ? { ...prog.demand, cpuCores: node.cpuCores } : prog.demand;
    const later = (ms: number, fn: () => void): void => {
      if (ms <= 0) fn();
      else this.programTimers.push(this.deps.clock.setTimeout(fn, ms));
    };
    const write = (lines: ProgramLogLine[]): void => {
      for (const l of lines) this.logs.write(l.stream, l.text + '\n', this.deps.clock.now());
    };
    // Lines are grouped by the moment they are written: one timer per moment.
    const byTime = new Map<number, ProgramLogLine[]>();
    for (const l of prog.log) {
      const t = l.atMs ?? 0;
      const group = byTime.get(t);
      if (group) group.push(l);
      else byTime.set(t, [l]);
    }
    for (const [t, lines] of byTime) later(t, () => write(lines));
    const limit = memoryLimitBytes(this.spec) || (node?.memoryBytes ?? 0);
    const oomAt = limit > 0 && prog.demand ? exceedsAt(prog.demand.memory, limit) : undefined;
    if (oomAt !== undefined) later(Math.max(1, oomAt), () => this.oomKill());
    const exit = prog.exit;
    if (exit) {
      later(exit.afterMs, () => {
        write(exit.log ?? []);
        this.exit(exit.code, exit.code === 0 ? 'Completed' : 'Error');
      });
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
    this.clearProgramTimers();
    this.console?.end();
  }

  private clearProgramTimers(): void {
    for (const t of this.programTimers) this.deps.clock.clearTimeout(t);
    this.programTimers.length = 0;
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
    this.clearProgramTimers();
    this.logs.close(this.deps.clock.now());
    this.logs.endFollowers();
    this.console?.end();
    this.onExit(code, reason);
  }
}
