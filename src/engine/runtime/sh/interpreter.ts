// The interpreter: walks the tree of ast.ts asynchronously. Lists, and-or, pipelines (each stage a
// subshell joined by streaming pipes), compound commands, functions, background jobs, subshell
// boundaries. Simple commands are in exec.ts, redirections in redirect.ts.

import type { AndOr, Command, List, Pipeline, Script } from './ast';
import { AbortCommandLine, ExitShell, ExpansionError, Interrupted, LoopControl, ReturnFromFunction } from './control';
import { runSimple } from './exec';
import { runCompound } from './compound';
import type { ExpandHost } from './expand';
import type { FileSystem } from './fs';
import { JobTable } from './jobs';
import { prefix, type MessageSite, type ShellMode } from './messages';
import { applyRedirects, type Fd } from './redirect';
import { AbortScope, signalStatus, type ShellSignal } from './signal';
import type { ShellState } from './state';
import { BrokenPipe, CaptureOutput, Pipe, emptyInput, type OutputStream } from './streams';
import type { CommandImpl, Flavor, SleepFn } from './types';

/** What every interpreter of one shell (and its subshells) shares. */
export interface Shared {
  readonly flavor: Flavor;
  readonly fs: FileSystem;
  readonly now: () => number;
  readonly sleep: SleepFn;
  readonly commands: Map<string, CommandImpl>;
  /** Names of the standard utilities (so `type` can place them in /usr/bin, others in /usr/local/bin). */
  readonly utilityNames: ReadonlySet<string>;
  readonly hostname: string;
  /** Fires when the whole shell is killed (container stop); background jobs hang off it. */
  readonly lifetime: ShellSignal;
  readonly jobs: JobTable;
  /** $$ */
  readonly pid: number;
  nextPid: number;
  readonly startTime: number;
  /** Lets the host breathe during long loops that never wait (else Ctrl-C could not be delivered). */
  readonly yieldToHost: (() => Promise<void>) | null;
  loopTicks: number;
  randomState: number;
}

const YIELD_EVERY = 1000;

export class Interp implements ExpandHost, MessageSite {
  /** Line of the command being run ($LINENO and messages). */
  line = 1;
  /** Added to parsed line numbers: a script read from stdin is parsed command by command. */
  lineOffset = 0;
  loopDepth = 0;
  funcDepth = 0;
  /** >0 while running a file with `.` / `source` (where `return` is allowed). */
  sourcing = 0;
  /** Status of the last command substitution (an assignment-only command returns it). */
  lastSubst = 0;
  /** Aliases being substituted right now (an alias is not expanded inside itself). */
  readonly expandingAliases = new Set<string>();
  /** The streams of the command being run: command substitutions read and report through them. */
  curFds: Fd[];

  constructor(
    readonly shared: Shared,
    public state: ShellState,
    public signal: ShellSignal,
    readonly mode: ShellMode,
    fds: Fd[],
  ) {
    this.curFds = fds;
  }

  get flavor(): Flavor {
    return this.shared.flavor;
  }

  get arg0(): string {
    return this.state.arg0;
  }

  get fs(): FileSystem {
    return this.shared.fs;
  }

  get cwd(): string {
    return this.state.cwd;
  }

  get nounset(): boolean {
    return this.state.options.nounset;
  }

  get noglob(): boolean {
    return this.state.options.noglob;
  }

  get braceExpansion(): boolean {
    return this.shared.flavor === 'terminal';
  }

  /** Writes a shell message: `bash: [line N: ][builtin: ]text`. */
  err(text: string, builtin?: string, to?: OutputStream): void | Promise<void> {
    return (to ?? (this.curFds[2] as OutputStream)).write(prefix(this, builtin) + text + '\n');
  }

  subshell(signal: ShellSignal = this.signal): Interp {
    const i = new Interp(this.shared, this.state.fork(), signal, this.mode, this.curFds);
    i.line = this.line;
    i.lineOffset = this.lineOffset;
    i.loopDepth = 0;
    return i;
  }

  /** Same state, other signal (a nested `exec` under `timeout`). */
  withSignal(signal: ShellSignal): Interp {
    const i = new Interp(this.shared, this.state, signal, this.mode, this.curFds);
    i.line = this.line;
    i.lineOffset = this.lineOffset;
    return i;
  }

  // ---- ExpandHost ----

  getVar(name: string): string | undefined {
    const s = this.state;
    switch (name) {
      case '?': return String(s.status);
      case '#': return String(s.positional.length);
      case '$': return String(this.shared.pid);
      case '!': return s.lastBgPid === null ? '' : String(s.lastBgPid);
      case '0': return s.arg0;
      case '-': return (s.options.errexit ? 'e' : '') + (s.options.noglob ? 'f' : '') + 'h' + (this.mode === 'interactive' ? 'i' : '') + (s.options.nounset ? 'u' : '') + (s.options.xtrace ? 'x' : '');
      case 'LINENO': return String(this.line);
      case 'SECONDS': return s.vars.has('SECONDS') ? s.get('SECONDS') : String(Math.floor((this.shared.now() - this.shared.startTime) / 1000));
      case 'RANDOM': {
        // A fixed-seed LCG: deterministic like the rest of the simulation.
        this.shared.randomState = (this.shared.randomState * 1103515245 + 12345) & 0x7fffffff;
        return String(this.shared.randomState % 32768);
      }
    }
    const c = name.charCodeAt(0);
    if (c >= 49 && c <= 57) return s.positional[Number(name) - 1];
    return s.get(name);
  }

  setVar(name: string, value: string): void {
    if (!this.state.set(name, value)) {
      throw new ExpansionError(`${name}: readonly variable`, `${name}: is read only`);
    }
  }

  positional(): readonly string[] {
    return this.state.positional;
  }

  async commandSubst(body: Script): Promise<string> {
    const sub = this.subshell();
    const cap = new CaptureOutput();
    const fds = this.curFds.slice();
    fds[1] = cap;
    const st = await sub.runProcess(body.body, fds);
    this.lastSubst = st;
    // bash lets $? see a substitution's status within the same command; ash does not.
    if (this.flavor === 'terminal') this.state.status = st;
    return cap.text.replace(/\n+$/, '');
  }

  // ---- execution ----

  checkSignal(): void {
    if (this.signal.aborted) throw new Interrupted(this.signal.reason ?? 'SIGINT');
  }

  /**
   * Runs a list as a process: converts exit, interruption, broken pipes and expansion errors into
   * an exit status. Used at every process boundary (the shell, subshells, stages, jobs).
   */
  async runProcess(list: List, fds: Fd[]): Promise<number> {
    let st: number;
    try {
      st = await this.runList(list, fds);
    } catch (e) {
      st = this.statusOf(e, fds);
    }
    this.state.status = st;
    return st;
  }

  statusOf(e: unknown, fds: Fd[]): number {
    if (e instanceof ExitShell) return e.status;
    if (e instanceof ReturnFromFunction) return e.status;
    if (e instanceof LoopControl) return 0;
    if (e instanceof Interrupted) return signalStatus(e.signal);
    if (e instanceof BrokenPipe) return signalStatus('SIGPIPE');
    if (e instanceof AbortCommandLine) return e.status;
    if (e instanceof ExpansionError) {
      void this.err(this.flavor === 'busybox' ? e.busybox : e.bash, undefined, fds[2] as OutputStream);
      if (this.mode === 'interactive') return 1;
      return this.flavor === 'busybox' ? 2 : e.status;
    }
    throw e;
  }

  async runList(list: List, fds: Fd[]): Promise<number> {
    let st = 0;
    for (const item of list.items) {
      this.checkSignal();
      if (item.background) {
        this.spawn(item, fds);
        st = 0;
        this.state.status = 0;
        continue;
      }
      st = await this.runAndOr(item, fds);
    }
    return st;
  }

  private async runAndOr(ao: AndOr, fds: Fd[]): Promise<number> {
    const n = ao.rest.length;
    let st = await this.runPipeline(ao.first, fds, n > 0);
    let lastRan = 0;
    for (let i = 0; i < n; i++) {
      const r = ao.rest[i];
      if ((r.op === '&&') !== (st === 0)) continue;
      this.checkSignal();
      st = await this.runPipeline(r.pipeline, fds, i < n - 1);
      lastRan = i + 1;
    }
    if (st !== 0 && this.state.options.errexit && this.condDepth === 0 && lastRan === n) {
      const last = n ? ao.rest[n - 1].pipeline : ao.first;
      if (!last.negated) throw new ExitShell(st);
    }
    return st;
  }

  /** >0 while running an if/while condition or a non-final && / || member (set -e ignores failures there). */
  condDepth = 0;

  private async runPipeline(p: Pipeline, fds: Fd[], inCondition: boolean): Promise<number> {
    if (inCondition || p.negated) this.condDepth++;
    let st: number;
    try {
      st = p.commands.length === 1 ? await this.runCommand(p.commands[0], fds) : await this.runStages(p, fds);
    } finally {
      if (inCondition || p.negated) this.condDepth--;
    }
    if (p.negated) st = st === 0 ? 1 : 0;
    this.state.status = st;
    return st;
  }

  private async runStages(p: Pipeline, fds: Fd[]): Promise<number> {
    const n = p.commands.length;
    const pipes: Pipe[] = [];
    for (let i = 0; i < n - 1; i++) pipes.push(new Pipe());
    const runs: Promise<number>[] = [];
    for (let i = 0; i < n; i++) {
      const scope = new AbortScope(this.signal);
      const stage = fds.slice();
      if (i > 0) stage[0] = pipes[i - 1];
      if (i < n - 1) {
        stage[1] = pipes[i].writer;
        if (p.stderrToo[i]) stage[2] = pipes[i].writer;
        // The reader went away early (`| head -n 1`): the writer dies of SIGPIPE, as it would on its next write.
        pipes[i].onReaderClosed = () => scope.abort('SIGPIPE');
      }
      const sub = new Interp(this.shared, this.state.fork(), scope, this.mode, stage);
      sub.line = this.line;
      sub.lineOffset = this.lineOffset;
      runs.push(
        sub.runStage(p.commands[i], stage).then((st) => {
          if (i < n - 1) pipes[i].closeWrite();
          if (i > 0) pipes[i - 1].close();
          scope.dispose();
          return st;
        }),
      );
    }
    const statuses = await Promise.all(runs);
    if (this.state.options.pipefail) {
      for (let i = n - 1; i >= 0; i--) if (statuses[i] !== 0) return statuses[i];
      return 0;
    }
    return statuses[n - 1];
  }

  private async runStage(cmd: Command, fds: Fd[]): Promise<number> {
    try {
      return await this.runCommand(cmd, fds);
    } catch (e) {
      return this.statusOf(e, fds);
    }
  }

  private spawn(item: AndOr, fds: Fd[]): void {
    const shared = this.shared;
    const scope = new AbortScope(shared.lifetime);
    const pid = shared.nextPid++;
    const job = shared.jobs.add(pid, item.source, scope);
    const jobFds = fds.slice();
    jobFds[0] = emptyInput();
    const sub = new Interp(shared, this.state.fork(), scope, this.mode, jobFds);
    sub.line = this.line;
    sub.lineOffset = this.lineOffset;
    const list: List = { items: [{ ...item, background: false }] };
    job.promise = Promise.resolve().then(() => sub.runProcess(list, jobFds)).then((st) => {
      const status = scope.aborted ? signalStatus(scope.reason!) : st;
      shared.jobs.finish(job, status);
      return status;
    });
    this.state.lastBgPid = pid;
    if (this.mode === 'interactive' && this.flavor === 'terminal') {
      void (fds[2] as OutputStream).write(`[${job.id}] ${pid}\n`);
    }
  }

  async runCommand(cmd: Command, fds: Fd[]): Promise<number> {
    const saved = this.curFds;
    this.curFds = fds;
    try {
      if (cmd.type === 'simple') return await runSimple(this, cmd, fds);
      if (cmd.type === 'function') {
        this.state.funcs.set(cmd.name, cmd.body);
        return 0;
      }
      this.line = cmd.line + this.lineOffset;
      if (!cmd.redirects.length) return await runCompound(this, cmd, fds);
      const opened = await applyRedirects(this, cmd.redirects, fds);
      if (!opened) return 1;
      this.curFds = opened;
      return await runCompound(this, cmd, opened);
    } finally {
      this.curFds = saved;
    }
  }

  /** Runs an if/while condition (set -e does not apply inside). */
  async cond(list: List, fds: Fd[]): Promise<number> {
    this.condDepth++;
    try {
      return await this.runList(list, fds);
    } finally {
      this.condDepth--;
    }
  }

  /** Once per loop iteration: lets the host breathe now and then, and honours Ctrl-C. */
  async tick(): Promise<void> {
    const sh = this.shared;
    if (++sh.loopTicks >= YIELD_EVERY) {
      sh.loopTicks = 0;
      if (sh.yieldToHost) await sh.yieldToHost();
    }
    this.checkSignal();
  }

  /** Runs a loop body; returns 'break' / 'continue' / null for a LoopControl addressed to this loop. */
  async loopBody(body: List, fds: Fd[]): Promise<{ st: number; ctl: 'break' | 'continue' | null }> {
    try {
      return { st: await this.runList(body, fds), ctl: null };
    } catch (e) {
      if (!(e instanceof LoopControl)) throw e;
      if (e.levels > 1) {
        e.levels--;
        throw e;
      }
      return { st: 0, ctl: e.kind };
    }
  }
}
