// A pseudo-terminal for interactive container sessions (`kubectl exec -it`, `kubectl run -it`, attach): the
// line discipline between the client's keystrokes and the processes on the terminal. Cooked mode echoes,
// erases (^? ^U ^W), turns ^C into SIGINT for the foreground and ^D into end of input, and maps CR to NL on
// input and NL to CR NL on output; raw mode hands keys untouched to a line editor (busybox, readline).
// mirrors: the Linux n_tty line discipline with stty sane (icrnl onlcr icanon isig echo echoe echoctl echoke)

import type { AbortScope, ShellSignal } from './signal';
import { BufferedInput, type InputStream, type OutputStream } from './streams';

const INTR = '\x03';
const EOF_KEY = '\x04';
const ERASE = '\x7f';
const KILL = '\x15';
const WERASE = '\x17';
const LNEXT = '\x16';
const REPRINT = '\x12';
/** Keys with no effect here: ^\ (SIGQUIT), ^Z (SIGTSTP), ^S/^Q (flow control), ^O. */
const IGNORED = new Set(['\x1c', '\x1a', '\x13', '\x11', '\x0f']);

/** What an echoed character looks like: control characters as ^X (echoctl). */
function echoOf(ch: string): string {
  const c = ch.charCodeAt(0);
  if (ch === '\t') return '\t';
  if (c < 0x20) return '^' + String.fromCharCode(c + 0x40);
  if (c === 0x7f) return '^?';
  return ch;
}

interface Waiter {
  raw: boolean;
  resolve(v: string | null): void;
}

export class Pty {
  cols = 80;
  rows = 24;
  /** Gets SIGINT on ^C: the foreground command, or the shell while it reads a command line. */
  foreground: AbortScope | null = null;
  /** The window size changed (SIGWINCH): a line editor redraws. */
  onWinch: (() => void) | null = null;
  /** A reader blocks until input comes (the kubelet's async-work accounting for main processes). */
  onWait: (() => void) | null = null;
  /** The terminal's output side as processes write to it. */
  readonly stdout: OutputStream;
  private raw = false;
  private line = '';
  private literalNext = false;
  /** Cooked input ready for readers: lines (with their NL), text flushed by ^D, or null for end of input. */
  private ready: (string | null)[] = [];
  /** Keys received in raw mode and not yet read. */
  private rawBuf = '';
  private waiter: Waiter | null = null;
  private hung = false;

  constructor(private readonly emit: (text: string) => void) {
    const self = this;
    this.stdout = {
      write: (t: string) => this.write(t),
      isTTY: true,
      get columns() {
        return self.cols;
      },
    };
  }

  /** Output from a process: NL becomes CR NL (onlcr). */
  write(text: string): void {
    if (text) this.emit(text.replace(/\r?\n/g, '\r\n'));
  }

  /** Output that already is terminal-ready (a line editor's drawing). */
  writeRaw(text: string): void {
    if (text) this.emit(text);
  }

  get closed(): boolean {
    return this.hung;
  }

  /** Keystrokes from the client. */
  input(data: string): void {
    if (this.hung || !data) return;
    if (this.raw) {
      this.rawBuf += data;
      this.wake();
      return;
    }
    this.cook(data, true);
  }

  /** The client went away: readers get end of input from now on. */
  hangup(): void {
    this.hung = true;
    this.wake();
  }

  resize(cols: number, rows: number): void {
    if (!(cols > 0) || !(rows > 0) || (cols === this.cols && rows === this.rows)) return;
    this.cols = cols;
    this.rows = rows;
    this.onWinch?.();
  }

  /**
   * A line editor takes the keys raw (busybox's lineedit, readline clear icanon/echo/isig). Input that
   * was cooked meanwhile (typed while a command ran, already echoed) is handed back to it as keys.
   */
  setRaw(raw: boolean): void {
    if (raw === this.raw) return;
    this.raw = raw;
    if (raw) {
      let back = '';
      for (const item of this.ready) back += item === null ? EOF_KEY : item;
      this.rawBuf = back + this.line + this.rawBuf;
      this.ready = [];
      this.line = '';
    } else if (this.rawBuf) {
      // Keys left over after the editor finished (the rest of a paste) were never echoed: cook them silently.
      const rest = this.rawBuf;
      this.rawBuf = '';
      this.cook(rest, false);
    }
  }

  /** The next chunk of raw keys; null once hung up or when the signal fires. */
  readRaw(signal?: ShellSignal): Promise<string | null> {
    return this.wait(true, signal);
  }

  /** Keys a raw reader took but did not use (the rest of a paste): they are read again next. */
  unreadRaw(data: string): void {
    this.rawBuf = data + this.rawBuf;
  }

  /** The next cooked item: a line with its NL, text flushed by ^D, or null for ^D on an empty line / hangup / signal. */
  readCooked(signal?: ShellSignal): Promise<string | null> {
    return this.wait(false, signal);
  }

  /** A process's stdin on this terminal; `signal` (the process's) stops a blocked read. End of input is per reader. */
  stdin(signal?: ShellSignal): InputStream {
    return new PtyInput(this, signal);
  }

  private wait(raw: boolean, signal?: ShellSignal): Promise<string | null> {
    const now = this.take(raw);
    if (now !== undefined) return Promise.resolve(now);
    if (signal?.aborted) return Promise.resolve(null);
    this.onWait?.();
    return new Promise((resolve) => {
      let off = (): void => {};
      const w: Waiter = {
        raw,
        resolve: (v) => {
          off();
          resolve(v);
        },
      };
      this.waiter = w;
      if (signal) {
        off = signal.onAbort(() => {
          if (this.waiter === w) this.waiter = null;
          resolve(null);
        });
      }
    });
  }

  /** What a reader of that kind gets now, or undefined when it must wait. */
  private take(raw: boolean): string | null | undefined {
    if (raw) {
      if (this.rawBuf) {
        const s = this.rawBuf;
        this.rawBuf = '';
        return s;
      }
    } else if (this.ready.length) return this.ready.shift()!;
    return this.hung ? null : undefined;
  }

  private wake(): void {
    const w = this.waiter;
    if (!w) return;
    const v = this.take(w.raw);
    if (v === undefined) return;
    this.waiter = null;
    w.resolve(v);
  }

  private commit(item: string | null): void {
    this.ready.push(item);
    this.wake();
  }

  private echo(text: string, on: boolean): void {
    if (on) this.emit(text);
  }

  private erase(on: boolean): void {
    const chars = [...this.line];
    const last = chars.pop();
    if (last === undefined) return;
    this.line = chars.join('');
    const w = last === '\t' ? 1 : echoOf(last).length;
    this.echo('\b \b'.repeat(w), on);
  }

  private cook(data: string, echo: boolean): void {
    for (let ch of data) {
      if (this.literalNext) {
        this.literalNext = false;
        this.line += ch;
        this.echo(echoOf(ch), echo);
        continue;
      }
      if (ch === '\r') ch = '\n';
      switch (ch) {
        case '\n':
          this.echo('\r\n', echo);
          this.commit(this.line + '\n');
          this.line = '';
          continue;
        case INTR:
          // isig: echo, flush what was typed, signal the foreground.
          this.echo('^C', echo);
          this.line = '';
          this.ready = [];
          this.foreground?.abort('SIGINT');
          continue;
        case EOF_KEY:
          this.commit(this.line === '' ? null : this.line);
          this.line = '';
          continue;
        case ERASE:
          this.erase(echo);
          continue;
        case KILL:
          while (this.line) this.erase(echo);
          continue;
        case WERASE:
          while (this.line && /\s$/.test(this.line)) this.erase(echo);
          while (this.line && !/\s$/.test(this.line)) this.erase(echo);
          continue;
        case LNEXT:
          this.literalNext = true;
          continue;
        case REPRINT:
          this.echo('^R\r\n' + [...this.line].map(echoOf).join(''), echo);
          continue;
      }
      if (IGNORED.has(ch)) continue;
      this.line += ch;
      this.echo(echoOf(ch), echo);
    }
  }
}

/** stdin of one process on the terminal: cooked lines as they are entered; ^D ends this reader only. */
class PtyInput extends BufferedInput {
  constructor(
    private readonly pty: Pty,
    private readonly signal?: ShellSignal,
  ) {
    super();
  }

  protected pull(): Promise<string | null> {
    return this.pty.readCooked(this.signal);
  }
}
