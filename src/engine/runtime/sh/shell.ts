// createShell(): the public face of the shell, for the playground terminal (flavor 'terminal',
// bash wording) and for simulated containers (flavor 'busybox', ash wording).

import { isComplete, splitCommands, type ScriptChunk } from './complete';
import { ExitShell } from './control';
import { ShellSyntaxError } from './errors';
import { invoke, runShellText } from './exec';
import { resolvePath, type FileSystem } from './fs';
import { Interp, type Shared } from './interpreter';
import { JobTable } from './jobs';
import { MemFS } from './memfs';
import { prefix, syntaxError, type ShellMode } from './messages';
import { parseCached } from './parser';
import type { Fd } from './redirect';
import { AbortScope, NEVER, type ShellSignal } from './signal';
import { ShellState } from './state';
import { NULL_OUTPUT, emptyInput, type OutputStream, type ShellIO } from './streams';
import type { CommandContext, CommandImpl, CommandTable, Flavor, SleepFn } from './types';
import { standardUtilities } from './utils/index';

export interface ShellOptions {
  flavor: Flavor;
  /** Simulated time and sleep (the only clock the shell uses). */
  now: () => number;
  sleep: SleepFn;
  /** Defaults to a fresh MemFS.standard(). */
  fs?: FileSystem;
  /** Exported environment. */
  env?: Readonly<Record<string, string>>;
  /** Registered commands (kubectl, wget, …); they override standard utilities of the same name. */
  commands?: CommandTable;
  /** Which standard utilities exist: all (default), none, or a list of names. */
  utilities?: boolean | readonly string[];
  hostname?: string;
  cwd?: string;
  aliases?: Readonly<Record<string, string>>;
  /** Default streams for run(); stdin defaults to empty input, output to nowhere. */
  io?: Partial<ShellIO>;
  /** Fires when the whole shell is killed (container stop); background jobs stop too. */
  signal?: ShellSignal;
  /** Interactive shells print job notices and messages without "line N:". Default: terminal yes, busybox no. */
  interactive?: boolean;
  /** $0, used in messages: default "bash" (terminal) or "sh" (busybox). */
  name?: string;
  /** $$: default 1 for busybox (a container's main process), 4242 for the terminal. */
  pid?: number;
  /** Called every 1000 loop iterations so a busy loop cannot starve the host (Ctrl-C delivery). */
  yieldToHost?: () => Promise<void>;
}

export interface RunOptions {
  io?: Partial<ShellIO>;
  /** Ctrl-C for this command line (the shell's own signal still applies). */
  signal?: ShellSignal;
  /** Messages as a shell started that way prints them (a script read from stdin: `stdin`). */
  mode?: ShellMode;
  /** Lines of the script before this text (a script read from stdin runs command by command). */
  lineOffset?: number;
  /** More of the script follows: the EXIT trap waits for exit or finish(). */
  moreInput?: boolean;
}

export class Shell {
  readonly state: ShellState;
  private readonly shared: Shared;
  private readonly mode: ShellMode;
  private readonly io: ShellIO;
  /** Set once `exit` ran at the top level; the status it gave. */
  exitStatus: number | null = null;

  constructor(o: ShellOptions) {
    const utilities = standardUtilities(o.utilities ?? true);
    const commands = new Map<string, CommandImpl>(Object.entries(utilities));
    for (const [k, v] of Object.entries(o.commands ?? {})) commands.set(k, v);
    const interactive = o.interactive ?? o.flavor === 'terminal';
    const hostname = o.hostname ?? 'localhost';
    this.mode = interactive ? 'interactive' : 'string';
    this.shared = {
      flavor: o.flavor,
      fs: o.fs ?? MemFS.standard(o.now, hostname),
      now: o.now,
      sleep: o.sleep,
      commands,
      utilityNames: new Set([...Object.keys(utilities), 'sh', 'bash']),
      hostname,
      lifetime: o.signal ?? NEVER,
      jobs: new JobTable(interactive && o.flavor === 'terminal'),
      pid: o.pid ?? (o.flavor === 'busybox' ? 1 : 4242),
      nextPid: (o.pid ?? (o.flavor === 'busybox' ? 1 : 4242)) + 1,
      startTime: o.now(),
      yieldToHost: o.yieldToHost ?? null,
      loopTicks: 0,
      randomState: 1,
    };
    const st = new ShellState();
    st.arg0 = o.name ?? (o.flavor === 'busybox' ? 'sh' : 'bash');
    st.cwd = o.cwd ?? '/';
    for (const [k, v] of Object.entries(o.env ?? {})) st.set(k, v, true);
    if (!st.vars.has('PWD')) st.set('PWD', st.cwd, true);
    for (const [k, v] of Object.entries(o.aliases ?? {})) st.aliases.set(k, v);
    this.state = st;
    this.io = { stdin: o.io?.stdin ?? emptyInput(), stdout: o.io?.stdout ?? NULL_OUTPUT, stderr: o.io?.stderr ?? NULL_OUTPUT };
    const self = this;
    commands.set('sh', (argv, ctx) => self.runShCommand(argv, ctx));
    commands.set('bash', (argv, ctx) => self.runShCommand(argv, ctx));
  }

  get flavor(): Flavor {
    return this.shared.flavor;
  }

  get fs(): FileSystem {
    return this.shared.fs;
  }

  get cwd(): string {
    return this.state.cwd;
  }

  get hostname(): string {
    return this.shared.hostname;
  }

  /** Simulated time (prompt clocks). */
  now(): number {
    return this.shared.now();
  }

  /** $? after the last run. */
  get lastStatus(): number {
    return this.state.status;
  }

  getVar(name: string): string | undefined {
    return this.state.get(name);
  }

  setVar(name: string, value: string, exported = false): void {
    this.state.set(name, value, exported);
  }

  registerCommand(name: string, impl: CommandImpl): void {
    this.shared.commands.set(name, impl);
  }

  /** Whether argv[0] would be found as a program (exec probes, `kubectl exec`): registered commands or an executable file. */
  hasProgram(name: string): boolean {
    if (this.shared.commands.has(name)) return true;
    if (!name.includes('/')) return false;
    const st = this.shared.fs.stat(resolvePath(this.state.cwd, name));
    if (st?.type === 'file') return (st.mode & 0o111) !== 0;
    return /^\/(usr\/)?(local\/)?s?bin\/[^/]+$/.test(name) && this.shared.commands.has(name.slice(name.lastIndexOf('/') + 1));
  }

  /** Everything a first word can name: for tab completion. */
  commandNames(): string[] {
    const names = new Set<string>([...this.shared.commands.keys(), ...this.state.aliases.keys(), ...this.state.funcs.keys()]);
    return [...names].sort();
  }

  /** "[1]+  Done  …" lines an interactive shell prints before its next prompt. */
  takeNotices(): string[] {
    return this.shared.jobs.take();
  }

  isComplete(text: string): boolean {
    return isComplete(text);
  }

  splitCommands(script: string): ScriptChunk[] {
    return splitCommands(script);
  }

  private fdsFor(opts?: RunOptions): Fd[] {
    return [opts?.io?.stdin ?? this.io.stdin, opts?.io?.stdout ?? this.io.stdout, opts?.io?.stderr ?? this.io.stderr];
  }

  private scopeFor(opts?: RunOptions): AbortScope {
    const scope = new AbortScope(this.shared.lifetime);
    if (opts?.signal) {
      const off = opts.signal.onAbort((r) => scope.abort(r));
      scope.onAbort(off);
    }
    return scope;
  }

  /** Runs a command line (or a whole script) in this shell; state persists between runs. */
  async run(source: string, opts?: RunOptions): Promise<number> {
    const fds = this.fdsFor(opts);
    const stderr = fds[2] as OutputStream;
    const parsed = parseCached(source);
    const scope = this.scopeFor(opts);
    const mode = opts?.mode ?? this.mode;
    const interp = new Interp(this.shared, this.state, scope, mode, fds);
    interp.lineOffset = opts?.lineOffset ?? 0;
    try {
      if (parsed instanceof ShellSyntaxError) {
        interp.line = parsed.line + interp.lineOffset;
        await stderr.write(syntaxError(interp, parsed.detail, source.split('\n')[parsed.line - 1] ?? null));
        this.state.status = 2;
        return 2;
      }
      for (const w of parsed.warnings) await stderr.write(`${prefix(interp)}warning: ${w}\n`);
      let st: number;
      try {
        st = await interp.runList(parsed.body, fds);
      } catch (e) {
        if (e instanceof ExitShell) {
          this.exitStatus = e.status;
          st = e.status;
        } else st = interp.statusOf(e, fds);
      }
      this.state.status = st;
      // A script (or an exiting shell) runs its EXIT trap last.
      if (this.exitStatus !== null || (mode !== 'interactive' && !opts?.moreInput)) await this.runExitTrap(interp, fds);
      return st;
    } finally {
      scope.dispose();
    }
  }

  /** The end of the shell's input (a stdin script or an interactive session): runs a pending EXIT trap. */
  async finish(opts?: RunOptions): Promise<void> {
    if (this.state.exitTrap === null) return;
    const fds = this.fdsFor(opts);
    const scope = this.scopeFor(opts);
    try {
      await this.runExitTrap(new Interp(this.shared, this.state, scope, opts?.mode ?? this.mode, fds), fds);
    } finally {
      scope.dispose();
    }
  }

  private async runExitTrap(interp: Interp, fds: Fd[]): Promise<void> {
    const trap = this.state.exitTrap;
    if (trap === null) return;
    const st = this.state.status;
    this.state.exitTrap = null;
    const parsedTrap = parseCached(trap);
    if (!(parsedTrap instanceof ShellSyntaxError)) {
      try {
        await interp.runList(parsedTrap.body, fds);
      } catch (e) {
        interp.statusOf(e, fds);
      }
    }
    this.state.status = st;
  }

  /** Runs argv as a program (a container's command/args, an exec probe): no parsing, no functions. */
  async runArgv(argv: string[], opts?: RunOptions): Promise<number> {
    const fds = this.fdsFor(opts);
    const scope = this.scopeFor(opts);
    const interp = new Interp(this.shared, this.state, scope, this.mode, fds);
    try {
      return await invoke(interp, argv, fds, null, true);
    } catch (e) {
      return interp.statusOf(e, fds);
    } finally {
      scope.dispose();
    }
  }

  /** `sh` / `bash` as a command: -c TEXT [arg0 [args…]], a script file, or a script on stdin. */
  private async runShCommand(argv: string[], ctx: CommandContext): Promise<number> {
    const { io, signal } = ctx;
    const fds: Fd[] = [io.stdin, io.stdout, io.stderr];
    // A new process: it inherits the caller's environment (exported variables and A=1 prefixes).
    const state = new ShellState();
    for (const [k, v] of ctx.env.entries()) state.set(k, v, true);
    state.cwd = ctx.cwd;
    const name = argv[0].slice(argv[0].lastIndexOf('/') + 1);
    state.arg0 = name;
    let i = 1;
    let command: string | null = null;
    for (; i < argv.length && argv[i].startsWith('-') && argv[i] !== '-'; i++) {
      const a = argv[i];
      if (a === '--') {
        i++;
        break;
      }
      for (const c of a.slice(1)) {
        if (c === 'c') command = '';
        else if (c === 'e') state.options.errexit = true;
        else if (c === 'x') state.options.xtrace = true;
        else if (c === 'u') state.options.nounset = true;
      }
    }
    const interp = new Interp(this.shared, state, signal, 'string', fds);
    let text: string;
    let mode: 'string' | 'file' = 'string';
    if (command !== null) {
      if (i >= argv.length) {
        await io.stderr.write(`${name}: -c: option requires an argument\n`);
        return 2;
      }
      text = argv[i++];
      if (i < argv.length) state.arg0 = argv[i++];
      state.positional = argv.slice(i);
    } else if (i < argv.length) {
      const file = argv[i];
      try {
        text = this.shared.fs.readFile(resolvePath(state.cwd, file));
      } catch {
        if (this.flavor === 'busybox') await io.stderr.write(`${name}: can't open '${file}': No such file or directory\n`);
        else await io.stderr.write(`${name}: ${file}: No such file or directory\n`);
        return this.flavor === 'busybox' ? 2 : 127;
      }
      state.arg0 = file;
      state.positional = argv.slice(i + 1);
      mode = 'file';
    } else {
      text = await io.stdin.readAll();
    }
    let st = await runShellText(interp, state, text, mode, fds);
    if (state.exitTrap) {
      const trap = state.exitTrap;
      state.exitTrap = null;
      const saved = state.status;
      state.status = st;
      await runShellText(interp, state, trap, mode, fds);
      state.status = saved;
      st = st ?? saved;
    }
    return st;
  }
}

/** Creates a shell. */
export function createShell(options: ShellOptions): Shell {
  return new Shell(options);
}
