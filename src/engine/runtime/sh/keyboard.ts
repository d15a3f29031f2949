// The user's own terminal while a command typed at the playground prompt runs (the page's xterm, or a test
// that types): cooked mode echoes, edits lines, turns ^C into SIGINT for the command and ^D into end of
// input; raw mode (kubectl exec/attach/run -t) hands every key to the reader untouched. The host learns
// when keys are wanted (`onMode`), so keys typed at a command that never reads stay typeahead.
// mirrors: the local tty kubectl runs on (n_tty), and kubectl's term.MakeRaw / restore (moby/term)

import { Pty } from './pty';
import type { AbortScope, ShellSignal } from './signal';
import { BufferedInput } from './streams';
import type { TerminalSize, TerminalStdin } from './terminal-stdin';

/** What the terminal does with keys now: nothing reads them (off), a cooked reader waits, or raw. */
export type KeyboardMode = 'off' | 'cooked' | 'raw';

export class KeyboardTerminal extends BufferedInput implements TerminalStdin {
  readonly isTTY = true;
  readonly interactive = true;
  /** Called when the mode changes (a host then starts or stops sending keys). */
  onMode: ((mode: KeyboardMode) => void) | null = null;
  private readonly pty: Pty;
  private readonly resizeFns = new Set<(size: TerminalSize) => void>();
  private current: KeyboardMode = 'off';
  private raw = false;

  /**
   * `echo` gets what the line discipline shows (typed characters, ^C, erasures); `foreground` is what ^C
   * interrupts (the running command line).
   */
  constructor(echo: (text: string) => void, size: TerminalSize = { cols: 80, rows: 24 }, foreground?: AbortScope) {
    super();
    this.pty = new Pty(echo);
    this.pty.resize(size.cols, size.rows);
    this.pty.foreground = foreground ?? null;
    // A cooked reader blocking is what makes the keys go to the command rather than to the next prompt.
    this.pty.onWait = () => {
      if (!this.raw) this.setMode('cooked');
    };
  }

  get mode(): KeyboardMode {
    return this.current;
  }

  /** Keys as typed. */
  type(data: string): void {
    this.pty.input(data);
  }

  /** The keyboard is gone (the run ended, the page went away): readers see end of input. */
  hangup(): void {
    this.pty.hangup();
  }

  setRaw(raw: boolean): void {
    if (raw === this.raw) return;
    this.raw = raw;
    this.pty.setRaw(raw);
    this.setMode(raw ? 'raw' : 'off');
  }

  size(): TerminalSize {
    return { cols: this.pty.cols, rows: this.pty.rows };
  }

  resize(cols: number, rows: number): void {
    if (!(cols > 0) || !(rows > 0) || (cols === this.pty.cols && rows === this.pty.rows)) return;
    this.pty.resize(cols, rows);
    for (const fn of [...this.resizeFns]) fn({ cols, rows });
  }

  onResize(fn: (size: TerminalSize) => void): () => void {
    this.resizeFns.add(fn);
    return () => this.resizeFns.delete(fn);
  }

  readInput(signal: ShellSignal): Promise<string | null> {
    const left = this.takeBuffered();
    if (left) return Promise.resolve(left);
    return this.raw ? this.pty.readRaw(signal) : this.pty.readCooked(signal);
  }

  protected pull(): Promise<string | null> {
    return this.raw ? this.pty.readRaw() : this.pty.readCooked();
  }

  private setMode(m: KeyboardMode): void {
    if (m === this.current) return;
    this.current = m;
    this.onMode?.(m);
  }
}
