// The CommandContext a registered command receives: its streams, environment view, cwd, file
// system, time and signal, and ways to run nested command lines.

import { commandPath } from './builtins/flow';
import { invoke } from './exec';
import { resolvePath, type FileSystem } from './fs';
import type { Interp } from './interpreter';
import { parseCached } from './parser';
import { ShellSyntaxError } from './errors';
import { syntaxError } from './messages';
import { ioOf, type Fd } from './redirect';
import type { ShellSignal } from './signal';
import type { OutputStream, ShellIO } from './streams';
import type { CommandContext, CommandEnv, Flavor, NestedRunOptions } from './types';

class Env implements CommandEnv {
  constructor(
    private readonly sh: Interp,
    private readonly overlay: Map<string, string> | null,
  ) {}

  get(name: string): string | undefined {
    const o = this.overlay?.get(name);
    if (o !== undefined) return o;
    const v = this.sh.state.vars.get(name);
    return v?.exported ? v.value : undefined;
  }

  set(name: string, value: string): void {
    this.overlay?.delete(name);
    this.sh.state.set(name, value);
  }

  export(name: string, value?: string): void {
    const st = this.sh.state;
    if (value !== undefined) st.set(name, value, true);
    else {
      const v = st.vars.get(name);
      if (v) v.exported = true;
      else st.vars.set(name, { value: '', exported: true, readonly: false });
    }
  }

  unset(name: string): void {
    this.overlay?.delete(name);
    this.sh.state.unset(name);
  }

  entries(): [string, string][] {
    const m = this.sh.state.exported();
    if (this.overlay) for (const [k, v] of this.overlay) m.set(k, v);
    return [...m];
  }
}

class Context implements CommandContext {
  readonly io: ShellIO;
  readonly env: CommandEnv;

  constructor(
    private readonly sh: Interp,
    private readonly fds: Fd[],
    private readonly overlay: Map<string, string> | null,
  ) {
    this.io = ioOf(fds);
    this.env = new Env(sh, overlay);
  }

  get cwd(): string {
    return this.sh.state.cwd;
  }

  resolve(path: string): string {
    return resolvePath(this.sh.state.cwd, path);
  }

  get fs(): FileSystem {
    return this.sh.shared.fs;
  }

  get signal(): ShellSignal {
    return this.sh.signal;
  }

  sleep(ms: number, signal: ShellSignal = this.sh.signal): Promise<void> {
    if (signal.aborted) return Promise.resolve();
    return this.sh.shared.sleep(ms, signal);
  }

  now(): number {
    return this.sh.shared.now();
  }

  private nestedFds(opts?: NestedRunOptions): Fd[] {
    const fds = this.fds.slice();
    if (opts?.io?.stdin) fds[0] = opts.io.stdin;
    if (opts?.io?.stdout) fds[1] = opts.io.stdout;
    if (opts?.io?.stderr) fds[2] = opts.io.stderr;
    return fds;
  }

  async run(source: string, opts?: NestedRunOptions): Promise<number> {
    const fds = this.nestedFds(opts);
    const sub = this.sh.subshell(opts?.signal ?? this.sh.signal);
    if (this.overlay) for (const [k, v] of this.overlay) sub.state.set(k, v, true);
    const parsed = parseCached(source);
    if (parsed instanceof ShellSyntaxError) {
      await (fds[2] as OutputStream).write(syntaxError(sub, parsed.detail, source.split('\n')[parsed.line - 1] ?? null));
      return 2;
    }
    sub.curFds = fds;
    return sub.runProcess(parsed.body, fds);
  }

  async exec(argv: string[], opts?: NestedRunOptions): Promise<number> {
    const fds = this.nestedFds(opts);
    const sub = this.sh.withSignal(opts?.signal ?? this.sh.signal);
    sub.curFds = fds;
    let overlay = this.overlay;
    if (opts?.env) overlay = new Map([...(overlay ?? []), ...Object.entries(opts.env)]);
    try {
      return await invoke(sub, argv, fds, overlay, true);
    } catch (e) {
      return sub.statusOf(e, fds);
    }
  }

  programPath(name: string): string | null {
    if (this.sh.shared.commands.has(name)) return commandPath(this.sh, name);
    return this.hasProgram(name) ? this.resolve(name) : null;
  }

  hasProgram(name: string): boolean {
    if (this.sh.shared.commands.has(name)) return true;
    if (!name.includes('/')) return false;
    const st = this.sh.shared.fs.stat(this.resolve(name));
    return !!st && st.type === 'file';
  }

  get flavor(): Flavor {
    return this.sh.shared.flavor;
  }

  get shellName(): string {
    return this.sh.shared.flavor === 'busybox' ? 'sh' : 'bash';
  }

  get hostname(): string {
    return this.sh.shared.hostname;
  }
}

export function createContext(sh: Interp, fds: Fd[], overlay: Map<string, string> | null): CommandContext {
  return new Context(sh, fds, overlay);
}

