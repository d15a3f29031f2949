// `kubectl edit` in the page: the terminal's EditorHost asks the page to open the text in the editor
// and waits for Save (new text) or Cancel. The page's own Save button on an object's YAML answers in
// advance with `preset`, so saving runs a real `kubectl edit` with the user's text.

import type { EditorHost } from '../terminal/kubectl/context';
import type { WorkerEvent } from './protocol';

export class EditorBridge implements EditorHost {
  private next = 1;
  private pending = new Map<number, (text: string | undefined) => void>();
  /** The answer to the next edit request, if the page already has it. */
  preset: string | undefined;

  constructor(private readonly post: (e: WorkerEvent) => void) {}

  edit(path: string, text: string): Promise<string | undefined> {
    if (this.preset !== undefined) {
      const t = this.preset;
      this.preset = undefined;
      return Promise.resolve(t);
    }
    const edit = this.next++;
    this.post({ type: 'edit', edit, path, text });
    return new Promise((resolve) => this.pending.set(edit, resolve));
  }

  reply(edit: number, text: string | null): void {
    const r = this.pending.get(edit);
    this.pending.delete(edit);
    r?.(text ?? undefined);
  }

  /** Cancels every open edit (reset). */
  cancelAll(): void {
    for (const r of this.pending.values()) r(undefined);
    this.pending.clear();
    this.preset = undefined;
  }
}
