// Everything the engine worker does for the page: owns the cluster, the wall-clock driver, the terminal
// session (and a quiet second session for the pod panel), live feeds, completion, `kubectl edit` via the
// page's editor, and persistence. Requests come in as protocol messages and get replies by id.

import type { Cluster } from '../engine/cluster';
import type { FileSystem } from '../engine/runtime/sh/fs';
import { AbortScope } from '../engine/runtime/sh/signal';
import { CaptureOutput } from '../engine/runtime/sh/streams';
import { KeyboardTerminal } from '../engine/runtime/sh/keyboard';
import type { CommandImpl } from '../engine/runtime/sh/types';
import { InProcessClient } from '../terminal/api-client';
import { COMMANDS } from '../terminal/kubectl/commands/index';
import type { PlaygroundHost } from '../terminal/playground';
import { HOME, TerminalSession } from '../terminal/session';
import { clockSleep, clusterExec, clusterPlayground } from '../host/in-process';
import { WallClockDriver } from '../host/driver';
import { bootCluster, freshCluster, type Booted } from './boot';
import { Completer } from './completion';
import { EditorBridge } from './editor-bridge';
import { FeedHub } from './feeds';
import { expandHistory } from './history-expansion';
import { RunOutput } from './output';
import * as persist from './persist';
import { shellQuote } from './quote';
import { slicedAdvance } from './advance';
import { AutoSave } from './autosave';
import { startBenchReports } from './bench-report';
import type { SnapshotExtras } from './snapshot';
import type { BootInfo, BootOptions, ClockAction, ClockState, FeedResource, FromWorker, ObjectRef, Reply, ReplyValues, Request, ToWorker } from './protocol';

const CLOCK_EVERY_MS = 250;
const PANEL_TIMEOUT_MS = 10000;

function writeFile(fs: FileSystem, path: string, text: string): void {
  const dir = path.slice(0, path.lastIndexOf('/')) || '/';
  fs.mkdir(dir, { parents: true });
  fs.writeFile(path, text);
}

function homeFiles(fs: FileSystem, dir = HOME, out: { path: string; text: string }[] = []): { path: string; text: string }[] {
  for (const name of fs.readdir(dir)) {
    const p = `${dir}/${name}`;
    const st = fs.stat(p);
    if (st?.type === 'dir') homeFiles(fs, p, out);
    else if (st?.type === 'file' && st.size < 1 << 20) out.push({ path: p, text: fs.readFile(p) });
  }
  return out;
}

export class WorkerHost {
  private cluster!: Cluster;
  private startedAt = 0;
  private driver: WallClockDriver | undefined;
  private session!: TerminalSession;
  private panel!: TerminalSession;
  private feeds: FeedHub | undefined;
  private completer!: Completer;
  private readonly bridge: EditorBridge;
  private runs = new Map<number, AbortScope>();
  /** The keyboard of the run that owns the terminal (the one typed at the prompt), by run id. */
  private keyboards = new Map<number, KeyboardTerminal>();
  private termSize = { cols: 80, rows: 24 };
  /** The next run request was typed at the page's prompt: the keyboard is its stdin. */
  private keyboardNext = false;
  private subscribed: FeedResource[] = [];
  private speed = 1;
  private paused = false;
  private seed: number | undefined;
  private readonly autosave: AutoSave;
  private stopBench: (() => void) | undefined;

  constructor(private readonly post: (m: FromWorker) => void) {
    this.bridge = new EditorBridge((e) => this.post(e));
    setInterval(() => {
      if (this.driver && !this.paused) this.post({ type: 'clock', state: this.clockState() });
    }, CLOCK_EVERY_MS);
    this.autosave = new AutoSave(
      () => (this.driver ? { cluster: this.cluster, extras: () => this.snapshotExtras() } : undefined),
      (text) => this.post({ type: 'notice', level: 'warning', text }),
    );
  }

  async handle(msg: ToWorker): Promise<void> {
    switch (msg.type) {
      case 'subscribe':
        this.subscribed = [...new Set([...this.subscribed, ...msg.resources])];
        this.feeds?.subscribe(msg.resources);
        return;
      case 'interrupt':
        this.runs.get(msg.run)?.abort('SIGINT');
        return;
      case 'keyboard':
        this.keyboardNext = true;
        return;
      case 'input':
        this.keyboards.get(msg.run)?.type(msg.data);
        return;
      case 'resize':
        if (!(msg.cols > 0 && msg.rows > 0)) return;
        this.termSize = { cols: Math.floor(msg.cols), rows: Math.floor(msg.rows) };
        for (const k of this.keyboards.values()) k.resize(this.termSize.cols, this.termSize.rows);
        return;
      case 'editReply':
        this.bridge.reply(msg.edit, msg.text);
        return;
      case 'save':
        await this.autosave.save(true);
        return;
      default:
        await this.request(msg);
    }
  }

  private async request(req: Request): Promise<void> {
    try {
      const value = await this.answer(req);
      this.post({ type: 'reply', id: req.id, op: req.type, ok: true, value } as Reply);
    } catch (e) {
      this.post({ type: 'reply', id: req.id, op: req.type, ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  }

  private answer(req: Request): Promise<ReplyValues[Request['type']]> | ReplyValues[Request['type']] {
    switch (req.type) {
      case 'boot':
        return this.boot(req.options);
      case 'run':
        return this.run(req.id, req.line, req.files, req.editText);
      case 'capture':
        return this.capture(req.line);
      case 'complete':
        return this.completer.complete(req.line);
      case 'clock':
        return this.clock(req.change);
      case 'yaml':
        return this.yaml(req.ref);
      case 'logs':
        return this.logs(req.namespace, req.pod, req.tail);
      case 'history':
        return [...this.session.history];
      case 'reset':
        return this.reset(req.nodes);
    }
  }

  // ---- lifecycle ----

  private async boot(o: BootOptions): Promise<BootInfo> {
    this.autosave.enabled = o.persist && !o.bench && persist.available();
    this.seed = o.seed;
    this.speed = o.speed !== undefined && o.speed > 0 ? o.speed : 1;
    this.paused = o.speed === 0;
    const booted = await bootCluster(o, Date.now());
    if (booted.snapshot && o.speed === undefined) {
      this.speed = booted.snapshot.speed > 0 ? booted.snapshot.speed : 1;
      this.paused = booted.snapshot.paused;
    }
    this.install(booted, booted.snapshot?.history ?? [], booted.snapshot?.files ?? []);
    if (o.bench) this.stopBench = startBenchReports(this.cluster, o.bench.pods, (e) => this.post(e));
    if (!booted.snapshot) this.autosave.soon();
    return this.bootInfo(!!booted.snapshot, booted.notice);
  }

  private bootInfo(restored: boolean, notice?: string): BootInfo {
    return { restored, notice, history: [...this.session.history], clock: this.clockState(), verbs: COMMANDS.map((c) => c.name) };
  }

  private install(b: Booted, history: string[], files: { path: string; text: string }[]): void {
    this.cluster = b.cluster;
    this.startedAt = b.startedAt;
    this.session = this.makeSession(true);
    this.panel = this.makeSession(false);
    this.session.history.push(...history);
    for (const f of files) {
      try {
        writeFile(this.session.fs, f.path, f.text);
      } catch {
        // A file that no longer fits the file system is not worth failing a restore for.
      }
    }
    this.completer = new Completer({ session: this.session, handle: (r) => this.cluster.handle(r) });
    this.feeds = new FeedHub(this.cluster, (batches) => this.post({ type: 'feeds', batches }));
    if (this.subscribed.length) this.feeds.subscribe(this.subscribed);
    const cluster = this.cluster;
    const target = slicedAdvance(
      cluster,
      () => this.cluster === cluster,
      (e) => this.post({ type: 'notice', level: 'error', text: `The simulation hit an internal error: ${e instanceof Error ? e.message : String(e)}` }),
    );
    this.driver = new WallClockDriver(target, { speed: this.speed });
    if (!this.paused) this.driver.start();
    this.post({ type: 'clock', state: this.clockState() });
  }

  private teardown(): void {
    this.driver?.stop();
    this.feeds?.dispose();
    for (const scope of this.runs.values()) scope.abort('SIGHUP');
    this.bridge.cancelAll();
    this.stopBench?.();
  }

  private async reset(nodes: number): Promise<BootInfo> {
    const history = [...this.session.history];
    const files = homeFiles(this.session.fs);
    this.teardown();
    this.install(freshCluster(nodes, this.seed, Date.now()), history, files);
    this.autosave.forget();
    if (this.autosave.enabled) {
      await persist.clearSnapshot().catch(() => undefined);
      this.autosave.soon();
    }
    return this.bootInfo(false);
  }

  private makeSession(terminal: boolean): TerminalSession {
    const c = this.cluster;
    const playground: PlaygroundHost = {
      ...clusterPlayground(c),
      setSpeed: (s) => void this.clock({ action: 'speed', speed: s }),
      pause: () => void this.clock({ action: 'pause' }),
      resume: () => void this.clock({ action: 'resume' }),
    };
    const s = new TerminalSession({
      client: new InProcessClient((req) => c.handle(req)),
      now: () => c.clock.now(),
      sleep: clockSleep(c),
      playground,
      exec: clusterExec(c),
      editor: terminal ? this.bridge : undefined,
      hostname: 'kubeplay',
    });
    // `clear` goes to the page out of band, so the page can refuse escape sequences in all other output.
    const clear: CommandImpl = async (_argv, ctx) => {
      const out = ctx.io.stdout;
      if (out instanceof RunOutput) out.clear();
      else await ctx.io.stdout.write('\x1b[H\x1b[2J\x1b[3J');
      return 0;
    };
    s.shell.registerCommand('clear', clear);
    return s;
  }

  // ---- commands ----

  private async run(id: number, line: string, files: Record<string, string> | undefined, editText: string | undefined): Promise<ReplyValues['run']> {
    const out = new RunOutput(id, (e) => this.post(e), this.termSize.cols);
    const typed = this.keyboardNext;
    this.keyboardNext = false;
    for (const [path, text] of Object.entries(files ?? {})) writeFile(this.session.fs, path, text);
    const exp = expandHistory(line, this.session.history);
    if (!exp.ok) {
      out.write(exp.error);
      out.flush();
      return { code: 1, recorded: null };
    }
    if (exp.expanded) out.write(exp.line + '\n');
    const scope = new AbortScope();
    this.runs.set(id, scope);
    const keyboard = typed ? this.keyboardFor(id, out, scope) : undefined;
    if (editText !== undefined) this.bridge.preset = editText;
    let code: number;
    try {
      code = await this.session.run(exp.line, { stdout: out, stderr: out, stdin: keyboard }, scope);
      for (const n of this.session.shell.takeNotices()) out.write(n + '\n');
    } catch (e) {
      out.write(`kubeplay: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      code = 1;
    } finally {
      this.runs.delete(id);
      if (keyboard) {
        keyboard.hangup();
        this.keyboards.delete(id);
      }
      if (editText !== undefined) this.bridge.preset = undefined;
      scope.dispose();
      out.flush();
    }
    this.autosave.soon();
    const trimmed = exp.line.trim();
    return { code, recorded: trimmed && !trimmed.startsWith('#') ? exp.line : null };
  }

  /**
   * The keyboard as stdin of a command typed at the page's prompt (commands from buttons and the embedding
   * API get a terminal nobody types at). Mode changes go to the page after the output so far.
   */
  private keyboardFor(id: number, out: RunOutput, scope: AbortScope): KeyboardTerminal {
    const k = new KeyboardTerminal((t) => out.write(t), this.termSize, scope);
    k.onMode = (mode) => {
      out.flush();
      this.post({ type: 'tty', run: id, mode });
    };
    this.keyboards.set(id, k);
    return k;
  }

  private async capture(line: string): Promise<{ code: number; text: string }> {
    const cap = new CaptureOutput();
    const scope = new AbortScope();
    const timer = setTimeout(() => scope.abort('SIGINT'), PANEL_TIMEOUT_MS);
    try {
      const code = await this.panel.run(line, { stdout: cap, stderr: cap }, scope);
      return { code, text: cap.text };
    } finally {
      clearTimeout(timer);
      this.panel.history.length = 0;
    }
  }

  private async yaml(ref: ObjectRef): Promise<{ text: string; ok: boolean }> {
    const ns = ref.namespace ? ` -n ${shellQuote(ref.namespace)}` : '';
    const r = await this.capture(`kubectl get ${shellQuote(ref.resource)} ${shellQuote(ref.name)}${ns} -o yaml`);
    return { text: r.text, ok: r.code === 0 };
  }

  private logs(namespace: string, pod: string, tail: number): { text: string; ok: boolean } {
    const base = `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}`;
    const p = this.cluster.handle({ method: 'GET', path: base });
    if (p.status !== 200) return { text: statusMessage(p.body), ok: false };
    const spec = (p.body as { spec?: { containers?: { name: string }[] } }).spec;
    const names = (spec?.containers ?? []).map((c) => c.name);
    let text = '';
    for (const name of names) {
      const r = this.cluster.handle({ method: 'GET', path: `${base}/log`, query: { container: name, tailLines: String(tail) } });
      const body = r.status === 200 ? (typeof r.body === 'string' ? r.body : '') : statusMessage(r.body) + '\n';
      text += names.length > 1 ? `==> ${name} <==\n${body}` : body;
    }
    return { text, ok: true };
  }

  // ---- time ----

  private clockState(): ClockState {
    return { now: this.cluster.clock.now(), startedAt: this.startedAt, speed: this.speed, paused: this.paused };
  }

  private async clock(change: ClockAction): Promise<ClockState> {
    const d = this.driver!;
    switch (change.action) {
      case 'pause':
        d.stop();
        this.paused = true;
        break;
      case 'resume':
        this.paused = false;
        d.start();
        break;
      case 'speed':
        if (change.speed <= 0) {
          d.stop();
          this.paused = true;
        } else {
          this.speed = change.speed;
          d.setSpeed(change.speed);
        }
        break;
      case 'step':
        await d.step(Math.max(0, Math.round(change.ms)));
        break;
    }
    const state = this.clockState();
    this.post({ type: 'clock', state });
    this.autosave.soon();
    return state;
  }

  private snapshotExtras(): SnapshotExtras {
    return { startedAt: this.startedAt, speed: this.speed, paused: this.paused, history: [...this.session.history], files: homeFiles(this.session.fs) };
  }
}

function statusMessage(body: unknown): string {
  const m = (body as { message?: unknown } | undefined)?.message;
  return typeof m === 'string' ? `Error from server: ${m}` : 'Error from server';
}
