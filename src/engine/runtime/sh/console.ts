// The stdin (and, with `tty: true`, the terminal) of a container's main process: what `kubectl attach` and
// `kubectl run -it` connect to. The process's output goes to the container log and to every attached
// client; input comes from attached clients; `stdinOnce` closes stdin when the first client that attached
// stdin goes away (the shell then sees end of input and exits).
// mirrors: the CRI runtime's container IO (containerd pkg/cri/io: stdin once, attach to stdout/stderr)

import { Pty } from './pty';
import { BrokenPipe, Pipe, type InputStream } from './streams';

export type ConsoleStream = 'stdout' | 'stderr';

export interface ConsoleClient {
  write(stream: ConsoleStream, text: string): void;
  /** The process ended: no more output. */
  end(): void;
}

export interface Attachment {
  /** Keystrokes or stdin text from the client. */
  input(data: string): void;
  /** The client's stdin ended (^D without a terminal, the end of a pipe, a terminal nobody types at). */
  endInput(): void;
  resize(cols: number, rows: number): void;
  /** The client goes away. */
  detach(): void;
}

export interface ConsoleOptions {
  tty: boolean;
  stdinOnce: boolean;
  /** The container log. */
  log(stream: ConsoleStream, text: string): void;
}

export class Console {
  /** The terminal (tty: true). */
  readonly pty: Pty | undefined;
  /** stdin of a process without a terminal. */
  readonly stdin: InputStream | undefined;
  private readonly pipe: Pipe | undefined;
  private readonly clients = new Set<ConsoleClient>();
  private stdinClosed = false;
  private stdinAttached = false;
  private ended = false;

  constructor(private readonly o: ConsoleOptions) {
    if (o.tty) this.pty = new Pty((t) => this.out('stdout', t));
    else {
      this.pipe = new Pipe();
      this.stdin = this.pipe;
    }
  }

  /** Output of the process. */
  out(stream: ConsoleStream, text: string): void {
    if (!text) return;
    this.o.log(stream, text);
    for (const c of this.clients) c.write(stream, text);
  }

  get running(): boolean {
    return !this.ended;
  }

  /** Connects a client: output from now on; its input goes to the process when `stdin` is set. */
  attach(client: ConsoleClient, stdin: boolean): Attachment {
    if (this.ended) {
      client.end();
      return { input: () => {}, endInput: () => {}, resize: () => {}, detach: () => {} };
    }
    this.clients.add(client);
    // Only the first stdin session counts for stdinOnce.
    const once = stdin && this.o.stdinOnce && !this.stdinAttached;
    if (stdin) this.stdinAttached = true;
    let gone = false;
    const detach = (): void => {
      if (gone) return;
      gone = true;
      this.clients.delete(client);
      if (once) this.closeStdin();
    };
    return {
      input: (data) => {
        if (!stdin || gone || this.stdinClosed) return;
        if (this.pty) this.pty.input(data);
        else this.writeStdin(data);
      },
      endInput: () => {
        if (!stdin || gone) return;
        // containerd: without a terminal, stdinOnce passes the end on to the process; otherwise this client's
        // session is over (its output detached) and the process keeps its stdin, unless stdinOnce closes it.
        if (once && !this.o.tty) this.closeStdin();
        else {
          detach();
          client.end();
        }
      },
      resize: (cols, rows) => {
        if (!gone) this.pty?.resize(cols, rows);
      },
      detach,
    };
  }

  /** The process exited. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.closeStdin();
    const cs = [...this.clients];
    this.clients.clear();
    for (const c of cs) c.end();
  }

  private writeStdin(data: string): void {
    try {
      const p = this.pipe?.writer.write(data);
      if (p) p.catch(() => undefined);
    } catch (e) {
      // The process stopped reading: its stdin is gone.
      if (!(e instanceof BrokenPipe)) throw e;
    }
  }

  private closeStdin(): void {
    if (this.stdinClosed) return;
    this.stdinClosed = true;
    this.pty?.hangup();
    this.pipe?.closeWrite();
  }
}
