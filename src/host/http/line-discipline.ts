// A tiny terminal line discipline for interactive `kubectl exec -it POD -- sh`: echo, backspace, Ctrl-C,
// Ctrl-D, a prompt, and each entered line run as its own command (state such as `cd` does not carry over).

export interface LineDisciplineOptions {
  /** Raw keystrokes from a terminal (echo and edit them) rather than plain lines. */
  tty: boolean;
  prompt: string;
  write(text: string): void;
  /** Runs one line; its exit code, or undefined when the session already ended. */
  run(line: string): Promise<number | undefined>;
  /** Ctrl-C while a command runs. */
  interrupt(): void;
  exit(code: number): void;
}

export class LineDiscipline {
  private buf = '';
  private readonly queue: (string | { exit: number | undefined })[] = [];
  private busy = false;
  private lastCode = 0;
  private escape = false;
  private ended = false;

  constructor(private readonly o: LineDisciplineOptions) {}

  begin(): void {
    if (this.o.tty) this.o.write(this.o.prompt);
  }

  input(text: string): void {
    for (const ch of text) {
      if (this.ended) return;
      if (!this.o.tty) {
        if (ch === '\n') this.enter();
        else this.buf += ch;
        continue;
      }
      if (this.escape) {
        // Skip escape sequences (arrow keys): ESC [ params final-byte.
        if (/[A-Za-z~]/.test(ch)) this.escape = false;
        continue;
      }
      switch (ch) {
        case '\x1b':
          this.escape = true;
          break;
        case '\r':
        case '\n':
          this.o.write('\r\n');
          this.enter();
          break;
        case '\x7f':
        case '\b':
          if (this.buf) {
            this.buf = [...this.buf].slice(0, -1).join('');
            this.o.write('\b \b');
          }
          break;
        case '\x03':
          this.o.write('^C\r\n');
          this.buf = '';
          if (this.busy) this.o.interrupt();
          else this.o.write(this.o.prompt);
          break;
        case '\x04':
          if (this.buf === '') this.eof();
          break;
        case '\x15':
          // Ctrl-U: kill the line.
          this.o.write('\b \b'.repeat([...this.buf].length));
          this.buf = '';
          break;
        default:
          if (ch < ' ' && ch !== '\t') break;
          this.buf += ch;
          this.o.write(ch);
      }
    }
  }

  /** End of input: what is typed so far runs, then the session exits with the last status. */
  eof(): void {
    if (this.buf.trim()) this.enter();
    this.queue.push({ exit: undefined });
    void this.pump();
  }

  private enter(): void {
    const line = this.buf;
    this.buf = '';
    const exit = /^\s*exit(?:\s+(\d+))?\s*;?\s*$/.exec(line);
    if (exit) this.queue.push({ exit: exit[1] === undefined ? undefined : Number(exit[1]) & 255 });
    else this.queue.push(line);
    void this.pump();
  }

  private async pump(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    while (this.queue.length && !this.ended) {
      const next = this.queue.shift()!;
      if (typeof next !== 'string') {
        this.ended = true;
        this.o.exit(next.exit ?? this.lastCode);
        break;
      }
      if (next.trim()) {
        const code = await this.o.run(next);
        if (code === undefined) {
          this.ended = true;
          break;
        }
        this.lastCode = code;
      }
      if (this.o.tty && !this.queue.some((q) => typeof q !== 'string')) this.o.write(this.o.prompt);
    }
    this.busy = false;
  }
}
