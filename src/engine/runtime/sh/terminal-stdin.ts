// stdin that is the user's terminal (the page's xterm, or a transcript that stands for one): programs ask
// whether it is a terminal (isatty), put it in raw mode (kubectl exec -t, like term.MakeRaw), and read the
// window size. A pipe or a redirected file is a plain InputStream, not a terminal.

import { StringInput, type InputStream } from './streams';
import type { ShellSignal } from './signal';

export interface TerminalSize {
  cols: number;
  rows: number;
}

export interface TerminalStdin extends InputStream {
  readonly isTTY: true;
  /** A person can type into it; false for a transcript, whose terminal has no keyboard (reads end at once). */
  readonly interactive: boolean;
  /** Raw mode: every key goes to the reader as typed (^C and ^D too), no local echo or line editing. */
  setRaw(raw: boolean): void;
  size(): TerminalSize;
  /** Calls fn when the window size changes; returns the unsubscribe function. */
  onResize(fn: (size: TerminalSize) => void): () => void;
  /**
   * The next chunk (raw keys, or a cooked line), or null at end of input. When the signal fires first
   * it resolves null and takes nothing, so a copier that stops (a finished exec session) eats no keys.
   */
  readInput(signal: ShellSignal): Promise<string | null>;
}

/** The stream as a terminal, or undefined for pipes, files and here-documents. */
export function asTerminal(stream: InputStream): TerminalStdin | undefined {
  return (stream as Partial<TerminalStdin>).isTTY === true ? (stream as TerminalStdin) : undefined;
}

/** A terminal with nobody at the keyboard (transcripts, headless runs): reads see end of input. */
export class ClosedTerminal extends StringInput implements TerminalStdin {
  readonly isTTY = true;
  readonly interactive = false;

  constructor(private readonly cols = 80) {
    super(null);
  }

  setRaw(): void {}

  size(): TerminalSize {
    return { cols: this.cols, rows: 24 };
  }

  onResize(): () => void {
    return () => {};
  }

  readInput(): Promise<string | null> {
    return Promise.resolve(null);
  }
}
