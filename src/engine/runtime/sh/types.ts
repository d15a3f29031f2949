// The contract between the shell and the commands registered into it (kubectl, wget, coreutils…).

import type { FileSystem } from './fs';
import type { ShellSignal } from './signal';
import type { ShellIO } from './streams';

export type Flavor = 'terminal' | 'busybox';

/** A command: gets argv (argv[0] is the name it was called by) and returns its exit status. */
export type CommandImpl = (argv: string[], ctx: CommandContext) => Promise<number>;

export type CommandTable = Readonly<Record<string, CommandImpl>>;

/** Injected time: `sleep` resolves after ms of simulated time, or early once the signal fires. */
export type SleepFn = (ms: number, signal: ShellSignal) => Promise<void>;

export interface CommandEnv {
  /** An exported variable or one assigned for this command (`A=1 cmd`). */
  get(name: string): string | undefined;
  /** Sets a shell variable (keeps its exported flag). */
  set(name: string, value: string): void;
  /** Marks a variable exported, optionally setting it. */
  export(name: string, value?: string): void;
  unset(name: string): void;
  /** What a child process would receive: exported variables and this command's assignments. */
  entries(): [string, string][];
}

export interface NestedRunOptions {
  /** Replaces some of the caller's streams. */
  io?: Partial<ShellIO>;
  /** Extra environment for the nested command (`env A=1 cmd`). */
  env?: Readonly<Record<string, string>>;
  /** Cancels the nested run (defaults to the caller's signal). */
  signal?: ShellSignal;
}

export interface CommandContext {
  readonly io: ShellIO;
  readonly env: CommandEnv;
  /** Working directory (absolute). */
  readonly cwd: string;
  /** An absolute, normalised path for a user-supplied one. */
  resolve(path: string): string;
  readonly fs: FileSystem;
  /** Fires on Ctrl-C, `timeout`, a kill or a closed pipe: stop promptly (the shell reports 128+n). */
  readonly signal: ShellSignal;
  /** Simulated sleep; resolves early when the signal (default: the command's) fires. */
  sleep(ms: number, signal?: ShellSignal): Promise<void>;
  /** Simulated time, ms since the epoch. */
  now(): number;
  /** Runs shell text in a subshell of the caller (`watch 'kubectl get pods | grep web'`). */
  run(source: string, opts?: NestedRunOptions): Promise<number>;
  /** Runs argv as a program, like execvp: no functions or shell-only builtins (`timeout`, `xargs`). */
  exec(argv: string[], opts?: NestedRunOptions): Promise<number>;
  /** Whether exec() would find a program of that name. */
  hasProgram(name: string): boolean;
  /** Where the program lives (`which`): /usr/bin/…, /usr/local/bin/…, /bin/… (busybox); null if none. */
  programPath(name: string): string | null;
  readonly flavor: Flavor;
  /** The shell's name as used in its messages: 'bash' or 'sh'. */
  readonly shellName: string;
  readonly hostname: string;
}
