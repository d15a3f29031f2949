// Terminal output of one command on its way to the page: text is coalesced for a frame (a busy
// `kubectl get pods -w` sends one message per frame, not per line) and `clear` travels out of band, so
// the page can treat every byte of text as untrusted and neutralise escape sequences in it.

import type { WorkerEvent } from './protocol';

const FRAME_MS = 16;
const MAX_BUFFER = 64 * 1024;

export class RunOutput {
  private buf = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The terminal itself (for `ls` columns and for `clear`). */
  readonly isTTY = true;

  constructor(
    private readonly run: number,
    private readonly post: (e: WorkerEvent) => void,
    /** The terminal's width when the command started (kubectl wraps help text to it). */
    readonly columns?: number,
  ) {}

  write = (text: string): void => {
    if (!text) return;
    this.buf += text;
    if (this.buf.length >= MAX_BUFFER) this.flush();
    else if (this.timer === undefined) this.timer = setTimeout(() => this.flush(), FRAME_MS);
  };

  /** Clears the screen after what was written so far. */
  clear(): void {
    this.flush();
    this.post({ type: 'clear', run: this.run });
  }

  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.buf) return;
    const text = this.buf;
    this.buf = '';
    this.post({ type: 'output', run: this.run, text });
  }
}
