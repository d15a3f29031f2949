// The interactive terminal: keys from xterm go to the line editor (local echo, so typing never waits for
// the engine), Enter sends the command to the worker, `> ` continues an incomplete command, ↑/↓ walk the
// history, Tab completes through the worker, Ctrl-C interrupts. While a command runs, keys wait as
// typeahead for the next prompt, unless the command reads the terminal (the worker says so): then they go
// to it (kubectl exec -it: every key, Ctrl-C too). Commands started by buttons are echoed as if typed.
// All command output is sanitised before it reaches xterm.

import type { Completion, TtyMode } from '../../worker/protocol';
import { LineEditor } from './line-editor';
import { Sanitizer } from './sanitize';

export interface TerminalScreen {
  write(data: string): void;
  cols(): number;
  bell?(): void;
}

export interface RunHandle {
  id: number;
  done: Promise<{ code: number; recorded: string | null }>;
}

export interface TerminalBackend {
  /** `keyboard`: the command is typed at the prompt, so its stdin is this terminal's keyboard. */
  run(line: string, opts: { files?: Record<string, string>; editText?: string; keyboard?: boolean; onOutput(text: string): void; onClear(): void }): RunHandle;
  interrupt(id: number): void;
  complete(line: string): Promise<Completion>;
  /** Keys for the running command, once it reads the terminal. */
  input?(id: number, data: string): void;
}

export interface RunOptions {
  files?: Record<string, string>;
  editText?: string;
}

const PROMPT = '\x1b[38;2;155;140;255m$\x1b[0m ';
const CONTINUATION = '\x1b[38;2;110;118;129m>\x1b[0m ';
const PROMPT_WIDTH = 2;
const TYPEAHEAD_MAX = 4096;
const LIST_MAX = 300;

/** One key or a run of printable text, from the front of xterm's data. */
export function nextKey(data: string): string {
  if (data[0] === '\x1b') {
    const m = /^\x1b(\[[0-9;]*[A-Za-z~]|O[A-Za-z]|[\x7f\x08]|[a-zA-Z.])/.exec(data);
    return m ? m[0] : '\x1b';
  }
  if (data.charCodeAt(0) < 0x20 || data[0] === '\x7f') return data[0];
  const m = /^[^\x00-\x1f\x7f]+/.exec(data);
  return m![0];
}

export function commonPrefix(words: string[]): string {
  if (!words.length) return '';
  let p = words[0];
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** ls-style columns (down, then across) for completion lists. */
export function columns(items: string[], width: number): string {
  const w = Math.max(...items.map((s) => s.length)) + 2;
  const perRow = Math.max(1, Math.floor(width / w));
  const rows = Math.ceil(items.length / perRow);
  let out = '';
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < perRow; c++) {
      const s = items[c * rows + r];
      if (s !== undefined) line += s.padEnd(w);
    }
    out += line.trimEnd() + '\r\n';
  }
  return out;
}

export class TerminalController {
  readonly editor: LineEditor;
  history: string[] = [];
  private histPos = -1;
  private draft = '';
  private pending: string[] = [];
  private foreground: RunHandle | undefined;
  /** What the foreground command's terminal does with keys (see the worker's `tty` event). */
  private ttyMode: TtyMode = 'off';
  private sanitizer: Sanitizer | undefined;
  private typeahead = '';
  private tabs = 0;
  private lastChar = '\n';
  private background = 0;
  /** Called after every command (typed or from a button) with what the history recorded. */
  onRecorded: ((line: string) => void) | undefined;

  constructor(
    private readonly screen: TerminalScreen,
    private readonly backend: TerminalBackend,
    private readonly isComplete: (text: string) => boolean,
  ) {
    this.editor = new LineEditor({ write: (d) => this.raw(d), cols: () => screen.cols() });
  }

  get busy(): boolean {
    return this.foreground !== undefined;
  }

  /** Ctrl-C for the running command, as if pressed (replays stop watches this way). */
  interrupt(): void {
    if (!this.foreground) return;
    this.raw('^C\r\n');
    this.backend.interrupt(this.foreground.id);
  }

  /** Trusted text (welcome, notices) followed by the first prompt. */
  start(welcome: string, history: string[]): void {
    this.history = [...history];
    this.raw(welcome);
    this.prompt();
  }

  private raw(d: string): void {
    if (!d) return;
    this.screen.write(d);
    this.lastChar = d[d.length - 1];
  }

  /** Output that may arrive while the prompt is showing: printed above it. */
  private output(text: string): void {
    if (!text) return;
    if (this.editor.active) {
      this.editor.hide();
      this.raw(text.endsWith('\n') ? text : text + '\r\n');
      this.editor.show();
    } else this.raw(text);
  }

  /** A notice line in the terminal (e.g. "restored from your last visit"), above the prompt. */
  notice(text: string): void {
    this.output(text);
  }

  private prompt(): void {
    if (this.lastChar !== '\n') this.raw('\r\n');
    this.editor.start(this.pending.length ? CONTINUATION : PROMPT, PROMPT_WIDTH);
    if (this.typeahead) {
      const t = this.typeahead;
      this.typeahead = '';
      this.handleData(t);
    }
  }

  /** The worker's word on the foreground command's terminal: keys go to it from now on, or not. */
  setInputMode(run: number, mode: TtyMode): void {
    if (this.foreground?.id !== run) return;
    this.ttyMode = mode;
    if (this.sanitizer) {
      this.raw(this.sanitizer.flush());
      this.sanitizer.tty = mode !== 'off';
    }
    if (mode !== 'off' && this.typeahead) {
      const t = this.typeahead;
      this.typeahead = '';
      this.backend.input?.(run, t);
    }
  }

  handleData(data: string): void {
    if (this.busy && this.ttyMode !== 'off' && this.backend.input) {
      this.backend.input(this.foreground!.id, data);
      return;
    }
    while (data.length) {
      if (this.busy) {
        const ctrlC = data.indexOf('\x03');
        if (ctrlC < 0) {
          this.typeahead = (this.typeahead + data).slice(-TYPEAHEAD_MAX);
          return;
        }
        this.typeahead = (this.typeahead + data.slice(0, ctrlC)).slice(-TYPEAHEAD_MAX);
        this.raw('^C\r\n');
        this.backend.interrupt(this.foreground!.id);
        this.typeahead = '';
        return;
      }
      const key = nextKey(data);
      data = data.slice(key.length);
      if (key !== '\t') this.tabs = 0;
      this.key(key);
    }
  }

  private key(k: string): void {
    const e = this.editor;
    switch (k) {
      case '\r':
      case '\n':
        void this.submit();
        return;
      case '\x7f':
      case '\x08':
        return e.backspace();
      case '\x1b[3~':
        return e.deleteForward();
      case '\x04':
        if (e.buffer) e.deleteForward();
        return;
      case '\x1b[D':
      case '\x02':
        return e.left();
      case '\x1b[C':
      case '\x06':
        return e.right();
      case '\x1b[H':
      case '\x1bOH':
      case '\x1b[1~':
      case '\x1b[7~':
      case '\x01':
        return e.home();
      case '\x1b[F':
      case '\x1bOF':
      case '\x1b[4~':
      case '\x1b[8~':
      case '\x05':
        return e.end();
      case '\x1b[1;5D':
      case '\x1b[1;3D':
      case '\x1bb':
        return e.wordLeft();
      case '\x1b[1;5C':
      case '\x1b[1;3C':
      case '\x1bf':
        return e.wordRight();
      case '\x0b':
        return e.killToEnd();
      case '\x15':
        return e.killToStart();
      case '\x17':
        return e.killWordBack();
      case '\x1b\x7f':
      case '\x1b\x08':
        return e.killAlnumWordBack();
      case '\x1bd':
        return e.killWordForward();
      case '\x19':
        return e.yank();
      case '\x14':
        return e.transpose();
      case '\x0c':
        this.raw('\x1b[H\x1b[2J');
        return e.redrawAtHome();
      case '\x03':
        e.end();
        this.raw('^C');
        e.commit();
        this.lastChar = '\n';
        this.pending = [];
        this.histPos = -1;
        return this.prompt();
      case '\x1b[A':
      case '\x10':
        return this.historyUp();
      case '\x1b[B':
      case '\x0e':
        return this.historyDown();
      case '\t':
        void this.complete();
        return;
      default:
        if (k.charCodeAt(0) >= 0x20 && k[0] !== '\x1b' && k !== '\x7f') e.insert(k);
        else this.screen.bell?.();
    }
  }

  private async submit(): Promise<void> {
    const line = this.editor.commit();
    this.lastChar = '\n';
    if (!this.pending.length && !line.trim()) return this.prompt();
    const text = [...this.pending, line].join('\n');
    if (!this.isComplete(text)) {
      this.pending.push(line);
      return this.prompt();
    }
    this.pending = [];
    this.histPos = -1;
    await this.execute(text, {});
  }

  private async execute(text: string, opts: RunOptions): Promise<number> {
    const san = new Sanitizer();
    const handle = this.backend.run(text, {
      ...opts,
      keyboard: true,
      onOutput: (t) => this.raw(san.push(t)),
      onClear: () => this.raw(san.flush() + '\x1b[H\x1b[2J\x1b[3J'),
    });
    this.foreground = handle;
    this.sanitizer = san;
    let code = 1;
    try {
      const r = await handle.done;
      code = r.code;
      this.record(r.recorded);
    } catch (e) {
      this.raw(`kubeplay: ${e instanceof Error ? e.message : String(e)}\r\n`);
    } finally {
      this.raw(san.flush());
      this.foreground = undefined;
      this.sanitizer = undefined;
      this.ttyMode = 'off';
    }
    this.prompt();
    return code;
  }

  private record(line: string | null): void {
    if (line === null) return;
    this.history.push(line);
    this.onRecorded?.(line);
  }

  /**
   * Runs a command as if typed (chaos buttons, Apply, the embedding API). At an idle prompt the draft is
   * set aside and comes back afterwards; while another command runs, this one runs alongside it.
   */
  async runCommand(line: string, opts: RunOptions = {}): Promise<number> {
    if (!this.busy) {
      const draft = { buffer: this.editor.buffer, cursor: this.editor.cursor, pending: this.pending };
      if (this.editor.active) this.editor.hide();
      this.pending = [];
      this.raw(PROMPT + line.replace(/\n/g, '\r\n' + CONTINUATION) + '\r\n');
      const typeahead = this.typeahead;
      this.typeahead = '';
      const code = await this.execute(line, opts);
      this.pending = draft.pending;
      if (draft.buffer) this.editor.setBuffer(draft.buffer, draft.cursor);
      if (typeahead) this.handleData(typeahead);
      return code;
    }
    // Alongside a running command (say `kubectl get pods -w`): echo and interleave the output.
    if (this.lastChar !== '\n') this.raw('\r\n');
    this.raw(PROMPT + line.replace(/\n/g, '\r\n' + CONTINUATION) + '\r\n');
    const san = new Sanitizer();
    this.background++;
    const handle = this.backend.run(line, { ...opts, onOutput: (t) => this.output(san.push(t)), onClear: () => undefined });
    try {
      const r = await handle.done;
      this.record(r.recorded);
      this.output(san.flush());
      return r.code;
    } finally {
      this.background--;
    }
  }

  private historyUp(): void {
    if (!this.history.length) return;
    if (this.histPos === -1) {
      this.draft = this.editor.buffer;
      this.histPos = this.history.length;
    }
    if (this.histPos === 0) return;
    this.histPos--;
    this.editor.setBuffer(oneLine(this.history[this.histPos]));
  }

  private historyDown(): void {
    if (this.histPos === -1) return;
    this.histPos++;
    if (this.histPos >= this.history.length) {
      this.histPos = -1;
      this.editor.setBuffer(this.draft);
    } else this.editor.setBuffer(oneLine(this.history[this.histPos]));
  }

  private async complete(): Promise<void> {
    const e = this.editor;
    const buffer = e.buffer;
    const cursor = e.cursor;
    const before = buffer.slice(0, cursor);
    let res: Completion;
    try {
      res = await this.backend.complete(before);
    } catch {
      return;
    }
    // The user kept typing while the worker answered: that answer is stale.
    if (e.buffer !== buffer || e.cursor !== cursor || !e.active) return;
    const word = before.slice(res.from);
    const after = buffer.slice(cursor);
    const replace = (w: string) => e.setBuffer(before.slice(0, res.from) + w + after, res.from + w.length);
    if (res.candidates.length === 0) return this.screen.bell?.();
    if (res.candidates.length === 1) {
      const c = res.candidates[0];
      return replace(after.startsWith(' ') && c.endsWith(' ') ? c.slice(0, -1) : c);
    }
    const common = commonPrefix(res.candidates);
    if (common.length > word.length) {
      this.tabs = 0;
      return replace(common);
    }
    this.tabs++;
    if (this.tabs < 2) return this.screen.bell?.();
    this.tabs = 0;
    const cut = word.lastIndexOf('/') + 1;
    const names = res.candidates.slice(0, LIST_MAX).map((c) => c.trimEnd().slice(cut));
    if (res.candidates.length > LIST_MAX) names.push(`… ${res.candidates.length - LIST_MAX} more`);
    e.printBelow(columns(names, this.screen.cols()));
  }
}

/** History entries with newlines (multi-line commands) come back on one line where that is safe. */
function oneLine(entry: string): string {
  return entry.includes('<<') ? entry.split('\n')[0] : entry.replace(/\\\n/g, '').replace(/\n/g, '; ');
}
