// The page's state and actions: boots the worker, routes its events (feeds, clock, notices, `kubectl edit`
// requests), and turns every button into the terminal command it stands for, so people learn the commands
// by clicking. Components get this object from context.

import { getContext } from 'svelte';
import type { BootInfo, ObjectRef, WorkerEvent } from '../../worker/protocol';
import { EngineProxy } from '../engine/proxy';
import { ClusterState } from './cluster.svelte';
import { ClockModel } from './clock.svelte';
import { EditorState } from '../editor/tabs.svelte';
import { exampleById } from '../editor/examples';
import type { PageParams } from '../embed/params';
import { decodeShare, encodeShare, shareUrl, type SharedSession } from '../embed/share';
import type { RunOptions, TerminalController } from '../terminal/controller';
import { sanitize } from '../terminal/sanitize';
import { shellQuote } from '../../worker/quote';

export interface Notice {
  id: number;
  level: 'info' | 'warning' | 'error';
  text: string;
  /** A command and its output (layouts without a terminal show button results here). */
  command?: string;
  action?: { label: string; run: () => void };
}

const KEY = Symbol('kubeplay-app');
const REPLAY_COMMAND_MS = 8000;
let noticeSeq = 0;

export const WELCOME = [
  '\r\x1b[2K\x1b[1mkubeplay\x1b[0m \x1b[2m·\x1b[0m a simulated Kubernetes v1.32 cluster in your browser\r\n',
  'Try:\r\n',
  '  \x1b[38;2;155;140;255mkubectl get nodes\x1b[0m\r\n',
  '  \x1b[38;2;155;140;255mkubectl create deployment web --image=nginx --replicas=3\x1b[0m\r\n',
  '  \x1b[38;2;155;140;255mkubectl get pods -o wide -w\x1b[0m   \x1b[2m(Ctrl-C stops watching)\x1b[0m\r\n',
  '\x1b[2mTab completes · ↑ recalls history · help lists commands\x1b[0m\r\n',
].join('');

export class AppState {
  readonly engine: EngineProxy;
  readonly cluster = new ClusterState();
  readonly clock = new ClockModel();
  readonly editor = new EditorState();

  booted = $state(false);
  fatal = $state<string | null>(null);
  notices = $state<Notice[]>([]);
  namespace = $state('');
  selectedPod = $state<string | null>(null);
  theme = $state<'dark' | 'light'>('dark');
  verbs = $state.raw<string[]>([]);
  bench = $state.raw<{ phase: string; simMs: number; wallMs: number; running: number; pods: number } | null>(null);
  /** Commands to run once the terminal (or the engine, without a terminal) is ready. */
  private terminal: TerminalController | undefined;
  private bootInfo: BootInfo | undefined;
  private terminalStarted = false;
  private history: string[] = [];

  constructor(readonly params: PageParams, worker?: Worker) {
    this.theme = params.theme;
    this.engine = new EngineProxy(worker);
    this.engine.on((e) => this.onEvent(e));
  }

  /** The context map to mount the app with (components read it with AppState.get()). */
  static context(app: AppState): Map<symbol, AppState> {
    return new Map([[KEY, app]]);
  }

  static get(): AppState {
    return getContext<AppState>(KEY);
  }

  get hasTerminal(): boolean {
    return this.params.layout !== 'map';
  }

  get hasEditor(): boolean {
    return this.params.layout === 'full' || this.params.layout === 'editor+terminal';
  }

  get hasMap(): boolean {
    return this.params.layout === 'full' || this.params.layout === 'map';
  }

  private onEvent(e: WorkerEvent): void {
    switch (e.type) {
      case 'feeds':
        this.cluster.apply(e.batches);
        return;
      case 'clock':
        this.clock.update(e.state);
        return;
      case 'notice':
        this.notify(e.level, e.text);
        return;
      case 'edit':
        this.editor.openEditRequest(e.edit, e.path, e.text);
        return;
      case 'bench':
        this.bench = { phase: e.phase, simMs: e.simMs, wallMs: e.wallMs, running: e.running, pods: e.pods };
        return;
      case 'fatal':
        this.fatal = e.error;
        return;
    }
  }

  notify(level: Notice['level'], text: string, extra: Partial<Notice> = {}): number {
    const id = ++noticeSeq;
    this.notices = [...this.notices.slice(-4), { id, level, text, ...extra }];
    if (level === 'info' && !extra.action) setTimeout(() => this.dismiss(id), 6000);
    return id;
  }

  dismiss(id: number): void {
    this.notices = this.notices.filter((n) => n.id !== id);
  }

  async boot(): Promise<void> {
    const p = this.params;
    const resources = p.layout === 'terminal' || p.layout === 'editor+terminal' ? (['namespaces'] as const) : (['namespaces', 'nodes', 'pods', 'deployments', 'services', 'events'] as const);
    this.engine.send({ type: 'subscribe', resources: [...resources] });
    let shared: SharedSession | undefined;
    if (p.share) {
      try {
        shared = await decodeShare(p.share);
      } catch {
        this.notify('error', 'This share link is damaged or incomplete; opened an empty playground instead.');
      }
    }
    let info: BootInfo;
    try {
      info = await this.engine.request({ type: 'boot', options: { nodes: p.bench?.nodes ?? p.nodes, speed: p.speed ?? (p.bench ? 60 : undefined), persist: p.persist, bench: p.bench } });
    } catch (e) {
      this.fatal = `The cluster could not start: ${e instanceof Error ? e.message : String(e)}`;
      return;
    }
    this.bootInfo = info;
    this.verbs = info.verbs;
    this.clock.update(info.clock);
    this.booted = true;
    if (info.notice) this.notify('warning', info.notice);
    else if (info.restored) this.notify('info', 'Restored your cluster from the last visit. Reset starts a fresh one.');
    for (const m of p.manifests) this.editor.openFile(m.name, m.text, false);
    for (const id of p.examples) {
      const ex = exampleById(id);
      if (ex) this.editor.openFile(ex.file, ex.yaml);
    }
    if (shared) for (const m of shared.manifests) this.editor.openFile(m.name, m.text, false);
    if (!this.editor.tabs.length && this.hasEditor) {
      const ex = exampleById('web')!;
      this.editor.openFile(ex.file, ex.yaml);
    }
    this.history = [...info.history];
    this.startTerminal();
    // Browser tests and the embedding page wait for this; the figure is the start-up time.
    (window as Window & { __kubeplayReadyMs?: number }).__kubeplayReadyMs = performance.now();
    document.documentElement.dataset.ready = '1';
    if (p.apply) for (const t of this.editor.tabs.filter((t) => t.kind === 'file')) await this.applyTab(t.id);
    for (const c of p.commands) await this.run(c);
    if (shared?.history.length) {
      this.history.push(...shared.history);
      if (this.terminal) this.terminal.history.push(...shared.history);
      this.notify('info', `This link shares ${shared.history.length} command${shared.history.length === 1 ? '' : 's'} (↑ recalls them).`, {
        action: { label: 'Replay them', run: () => void this.replay(shared!.history) },
      });
    }
  }

  attachTerminal(t: TerminalController): void {
    this.terminal = t;
    t.onRecorded = (line) => this.history.push(line);
    this.startTerminal();
  }

  private startTerminal(): void {
    if (!this.terminal || !this.bootInfo || this.terminalStarted) return;
    this.terminalStarted = true;
    this.terminal.start(WELCOME, this.history);
  }

  /** Runs a command line as if typed, echoed in the terminal (or shown as a notice without one). */
  async run(line: string, opts: RunOptions = {}): Promise<number> {
    if (this.terminal && this.terminalStarted) return this.terminal.runCommand(line, opts);
    let text = '';
    const h = this.engine.run(line, { ...opts, onOutput: (t) => (text += t), onClear: () => (text = '') });
    const r = await h.done;
    if (r.recorded) this.history.push(r.recorded);
    this.notify(r.code === 0 ? 'info' : 'error', sanitize(text).trimEnd() || (r.code === 0 ? 'done' : `exit status ${r.code}`), { command: line });
    return r.code;
  }

  /** Runs shared commands in order; one still running after a while (a watch) gets Ctrl-C. */
  private async replay(lines: string[]): Promise<void> {
    for (const l of lines) {
      const timer = setTimeout(() => this.terminal?.interrupt(), REPLAY_COMMAND_MS);
      try {
        await this.run(l);
      } finally {
        clearTimeout(timer);
      }
    }
  }

  // ---- editor actions ----

  async applyTab(id: string): Promise<number> {
    const tab = this.editor.tabs.find((t) => t.id === id);
    if (!tab) return 1;
    const text = this.editor.text(id);
    if (tab.kind === 'edit') {
      this.engine.send({ type: 'editReply', edit: tab.edit!, text });
      this.editor.close(id);
      return 0;
    }
    if (tab.kind === 'object' && tab.ref) {
      const ref = tab.ref;
      const target = `${ref.resource}/${ref.name}${ref.namespace ? ` -n ${shellQuote(ref.namespace)}` : ''}`;
      const code = this.verbs.includes('edit')
        ? await this.run(`kubectl edit ${target}`, { editText: text })
        : await this.run(`kubectl apply -f ${tab.path}`, { files: { [tab.path]: text } });
      if (code === 0) await this.reloadObject(id);
      return code;
    }
    return this.run(`kubectl apply -f ${tab.path}`, { files: { [tab.path]: text } });
  }

  async deleteTab(id: string): Promise<number> {
    const tab = this.editor.tabs.find((t) => t.id === id);
    if (!tab) return 1;
    if (tab.kind === 'object' && tab.ref) {
      const ref = tab.ref;
      return this.run(`kubectl delete ${ref.resource} ${shellQuote(ref.name)}${ref.namespace ? ` -n ${shellQuote(ref.namespace)}` : ''}`);
    }
    return this.run(`kubectl delete -f ${tab.path}`, { files: { [tab.path]: this.editor.text(id) } });
  }

  cancelEdit(id: string): void {
    const tab = this.editor.tabs.find((t) => t.id === id);
    if (tab?.kind === 'edit') this.engine.send({ type: 'editReply', edit: tab.edit!, text: null });
    this.editor.close(id);
  }

  /** Opens an object's YAML (as `kubectl get -o yaml` prints it) in the editor. */
  async openObject(ref: ObjectRef, kindName: string): Promise<void> {
    const r = await this.engine.request({ type: 'yaml', ref });
    if (!r.ok) {
      this.notify('error', sanitize(r.text).trim());
      return;
    }
    this.editor.openObject(ref, kindName, r.text);
  }

  async reloadObject(id: string): Promise<void> {
    const tab = this.editor.tabs.find((t) => t.id === id);
    if (!tab?.ref) return;
    const r = await this.engine.request({ type: 'yaml', ref: tab.ref });
    if (r.ok) this.editor.resetText(id, r.text);
  }

  // ---- cluster actions ----

  nodeAction(action: 'kill' | 'start' | 'partition' | 'heal' | 'cordon' | 'uncordon' | 'drain' | 'remove', node: string): Promise<number> {
    const n = shellQuote(node);
    switch (action) {
      case 'cordon':
      case 'uncordon':
        return this.run(`kubectl ${action} ${n}`);
      case 'drain':
        return this.run(`kubectl drain ${n} --ignore-daemonsets --delete-emptydir-data`);
      default:
        return this.run(`kubeplay node ${action} ${n}`);
    }
  }

  addNode(): Promise<number> {
    return this.run('kubeplay node add');
  }

  podAction(action: 'delete' | 'crash', namespace: string, name: string): Promise<number> {
    const target = `${shellQuote(name)} -n ${shellQuote(namespace)}`;
    return action === 'delete' ? this.run(`kubectl delete pod ${target}`) : this.run(`kubeplay pod crash ${target}`);
  }

  async reset(): Promise<void> {
    const info = await this.engine.request({ type: 'reset', nodes: this.params.nodes });
    this.selectedPod = null;
    this.clock.update(info.clock);
    this.terminal?.notice('\x1b[2m— cluster reset: a fresh cluster is up —\x1b[0m\r\n');
    this.notify('info', 'Started a fresh cluster.');
  }

  // ---- time ----

  setSpeed(speed: number): void {
    void this.engine.request({ type: 'clock', change: { action: 'speed', speed } }).then((s) => this.clock.update(s));
    if (this.clock.state.paused && speed > 0) this.resume();
  }

  pause(): void {
    void this.engine.request({ type: 'clock', change: { action: 'pause' } }).then((s) => this.clock.update(s));
  }

  resume(): void {
    void this.engine.request({ type: 'clock', change: { action: 'resume' } }).then((s) => this.clock.update(s));
  }

  step(ms = 1000): void {
    void this.engine.request({ type: 'clock', change: { action: 'step', ms } }).then((s) => this.clock.update(s));
  }

  // ---- sharing ----

  async share(): Promise<string> {
    const data = await encodeShare({ v: 1, manifests: this.editor.files(), history: [...(this.terminal?.history ?? this.history)] });
    const base = location.href.split('#')[0];
    return shareUrl(base, data);
  }
}
