// A push stream that buffers until its consumer subscribes: watch events and followed logs.

import type { ApiStream } from './types';

export class PushStream<T> implements ApiStream<T> {
  private buffer: T[] = [];
  private onItem?: (item: T) => void;
  private onEnd?: () => void;
  private ended = false;
  private closers: (() => void)[] = [];

  /** Runs when the stream ends for any reason (client close, server end). */
  onClose(fn: () => void): void {
    if (this.ended) fn();
    else this.closers.push(fn);
  }

  get closed(): boolean {
    return this.ended;
  }

  push(item: T): void {
    if (this.ended) return;
    if (this.onItem) this.onItem(item);
    else this.buffer.push(item);
  }

  subscribe(onItem: (item: T) => void, onEnd: () => void): void {
    this.onItem = onItem;
    this.onEnd = onEnd;
    const pending = this.buffer;
    this.buffer = [];
    for (const item of pending) onItem(item);
    if (this.ended) onEnd();
  }

  /** Server side end. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    for (const fn of this.closers.splice(0)) fn();
    this.onEnd?.();
  }

  close(): void {
    this.end();
  }
}
