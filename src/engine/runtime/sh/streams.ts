// Text streams between commands. Pipes stream chunk by chunk with a little buffering, so
// `kubectl get pods -w | grep web` prints as lines arrive and `… | head -n 1` can finish early.

import type { ShellSignal } from './signal';

export interface InputStream {
  /** The next chunk of text, or null at end of input. */
  read(): Promise<string | null>;
  /** The next line without its newline; a last unterminated line is returned too; null at end. */
  readLine(): Promise<string | null>;
  /** Everything up to end of input. */
  readAll(): Promise<string>;
  lines(): AsyncIterableIterator<string>;
  /** The reader wants no more: a pipe's writer then gets a broken pipe. */
  close(): void;
}

export interface OutputStream {
  /**
   * Writes text. May return a promise when the reader is behind (a full pipe): producers of
   * unbounded output must await it. Throws BrokenPipe once the reader has gone away.
   */
  write(text: string): void | Promise<void>;
  /** True for the terminal itself (column output of ls, for instance). */
  readonly isTTY?: boolean;
  /** The terminal's width in columns, when it is one and knows it (kubectl wraps help to it). */
  readonly columns?: number;
}

export interface ShellIO {
  stdin: InputStream;
  stdout: OutputStream;
  stderr: OutputStream;
}

/** Thrown by a pipe's write when nobody will read: the writer dies of SIGPIPE (status 141). */
export class BrokenPipe extends Error {
  constructor() {
    super('Broken pipe');
  }
}

/** Line and whole-input reading on top of a chunk source; the leftover buffer lives here, so `read` and `cat` share it. */
export abstract class BufferedInput implements InputStream {
  private rest = '';
  private off = 0;
  private ended = false;

  protected abstract pull(): Promise<string | null> | string | null;

  /** Text read from the source but not yet handed out (a line reader's leftover); it is taken away. */
  protected takeBuffered(): string {
    const s = this.rest.slice(this.off);
    this.rest = '';
    this.off = 0;
    return s;
  }

  /** Nothing left to read: after readLine() this means the line just read had no newline. */
  get exhausted(): boolean {
    return this.ended && this.off >= this.rest.length;
  }

  close(): void {
    this.ended = true;
    this.rest = '';
    this.off = 0;
  }

  async read(): Promise<string | null> {
    if (this.off < this.rest.length) {
      const s = this.rest.slice(this.off);
      this.rest = '';
      this.off = 0;
      return s;
    }
    if (this.ended) return null;
    const c = await this.pull();
    if (c === null) this.ended = true;
    return c;
  }

  async readLine(): Promise<string | null> {
    for (;;) {
      const nl = this.rest.indexOf('\n', this.off);
      if (nl >= 0) {
        const line = this.rest.slice(this.off, nl);
        this.off = nl + 1;
        if (this.off >= this.rest.length) {
          this.rest = '';
          this.off = 0;
        }
        return line;
      }
      const c = this.ended ? null : await this.pull();
      if (c === null) {
        this.ended = true;
        if (this.off < this.rest.length) {
          const line = this.rest.slice(this.off);
          this.rest = '';
          this.off = 0;
          return line;
        }
        return null;
      }
      this.rest = this.rest.slice(this.off) + c;
      this.off = 0;
    }
  }

  async readAll(): Promise<string> {
    let s = this.rest.slice(this.off);
    this.rest = '';
    this.off = 0;
    while (!this.ended) {
      const c = await this.pull();
      if (c === null) this.ended = true;
      else s += c;
    }
    return s;
  }

  [Symbol.asyncIterator](): AsyncIterator<string> {
    return this.lines();
  }

  async *lines(): AsyncIterableIterator<string> {
    for (;;) {
      const l = await this.readLine();
      if (l === null) return;
      yield l;
    }
  }
}

/** Input from a fixed string (here-documents, files, `<<<`). */
export class StringInput extends BufferedInput {
  constructor(private text: string | null) {
    super();
  }

  protected pull(): string | null {
    const t = this.text;
    this.text = null;
    return t === '' ? null : t;
  }
}

/** Empty input (a closed stdin). */
export function emptyInput(): InputStream {
  return new StringInput(null);
}

/** Discards everything (/dev/null, and the default stderr of a headless shell). */
export const NULL_OUTPUT: OutputStream = { write: () => {} };

/** Collects output in memory ($(…), tests, exec probes). */
export class CaptureOutput implements OutputStream {
  private chunks: string[] = [];

  write(text: string): void {
    this.chunks.push(text);
  }

  get text(): string {
    if (this.chunks.length > 1) this.chunks = [this.chunks.join('')];
    return this.chunks[0] ?? '';
  }

  clear(): void {
    this.chunks = [];
  }
}

/** Forwards writes to a callback (terminal, container log). */
export function callbackOutput(fn: (text: string) => void, isTTY = false): OutputStream {
  return { write: fn, isTTY };
}

const PIPE_BUFFER = 65536; // like a Linux pipe: writers block past this many buffered characters

/** A pipe between two commands: `writer` for the left side, the pipe itself is the right side's stdin. */
export class Pipe extends BufferedInput {
  private queue: string[] = [];
  private buffered = 0;
  private writeClosed = false;
  private readClosed = false;
  private wakeReader: (() => void) | null = null;
  private wakeWriters: (() => void)[] = [];
  /** Called once when the reader closes its end early (the interpreter then kills the writer with SIGPIPE). */
  onReaderClosed: (() => void) | null = null;

  readonly writer: OutputStream = {
    write: (text: string): void | Promise<void> => {
      if (this.readClosed) throw new BrokenPipe();
      if (this.writeClosed || !text) return;
      this.queue.push(text);
      this.buffered += text.length;
      this.wake();
      if (this.buffered > PIPE_BUFFER) {
        return new Promise<void>((resolve) => this.wakeWriters.push(resolve)).then(() => {
          if (this.readClosed) throw new BrokenPipe();
        });
      }
    },
  };

  /** End of input for the reader (the writing command has finished). */
  closeWrite(): void {
    this.writeClosed = true;
    this.wake();
  }

  override close(): void {
    super.close();
    if (this.readClosed) return;
    this.readClosed = true;
    this.queue = [];
    this.buffered = 0;
    this.releaseWriters();
    const cb = this.onReaderClosed;
    this.onReaderClosed = null;
    if (cb && !this.writeClosed) cb();
  }

  protected pull(): Promise<string | null> | string | null {
    if (this.queue.length) return this.take();
    if (this.writeClosed || this.readClosed) return null;
    return new Promise<string | null>((resolve) => {
      this.wakeReader = () => resolve(this.queue.length ? this.take() : null);
    });
  }

  private take(): string {
    const s = this.queue.length === 1 ? this.queue[0] : this.queue.join('');
    this.queue = [];
    this.buffered = 0;
    this.releaseWriters();
    return s;
  }

  private wake(): void {
    const w = this.wakeReader;
    if (w) {
      this.wakeReader = null;
      w();
    }
  }

  private releaseWriters(): void {
    const ws = this.wakeWriters;
    if (!ws.length) return;
    this.wakeWriters = [];
    for (const w of ws) w();
  }
}

/** An input that ends early (returns end of input) when the signal fires: a blocked `read` stops on Ctrl-C. */
export function abortableRead<T>(p: Promise<T>, signal: ShellSignal, onAbort: T): Promise<T> {
  if (signal.aborted) return Promise.resolve(onAbort);
  return new Promise<T>((resolve, reject) => {
    const off = signal.onAbort(() => resolve(onAbort));
    p.then(
      (v) => {
        off();
        resolve(v);
      },
      (e) => {
        off();
        reject(e);
      },
    );
  });
}
