// The editable input line of the terminal (readline's job): buffer and cursor, the editing commands
// (cursor and word moves, kills, yank), and drawing it after a prompt on a terminal that wraps long
// lines. Pure logic over a write() callback, so it is tested without a browser.

export interface LineEditorIO {
  write(data: string): void;
  /** Terminal width in columns. */
  cols(): number;
}

const WORD = /[A-Za-z0-9_]/;

export class LineEditor {
  buffer = '';
  cursor = 0;
  private prompt = '';
  private promptWidth = 0;
  /** Cursor offset (columns from the prompt's first cell) as last drawn. */
  private drawn = 0;
  private shown = false;
  /** Last killed text (Ctrl-Y yanks it back). */
  private killed = '';

  constructor(private readonly io: LineEditorIO) {}

  get active(): boolean {
    return this.shown;
  }

  /** Draws a prompt (with its visible width) and starts editing `initial`. */
  start(prompt: string, promptWidth: number, initial = ''): void {
    this.prompt = prompt;
    this.promptWidth = promptWidth;
    this.buffer = initial;
    this.cursor = initial.length;
    this.drawn = 0;
    this.shown = true;
    this.render(false);
  }

  /** Ends editing: the cursor goes below the input; returns the text. */
  commit(): string {
    const text = this.buffer;
    if (this.shown) {
      this.moveTo(this.buffer.length);
      this.io.write('\r\n');
    }
    this.shown = false;
    this.buffer = '';
    this.cursor = 0;
    return text;
  }

  /** Removes prompt and input from the screen (to print something above them); show() puts them back. */
  hide(): void {
    if (!this.shown) return;
    const up = Math.floor(this.drawn / this.io.cols());
    this.io.write((up ? `\x1b[${up}A` : '') + '\r\x1b[J');
    this.drawn = 0;
    this.shown = false;
  }

  show(): void {
    if (this.shown) return;
    this.shown = true;
    this.drawn = 0;
    this.render(false);
  }

  /** Prints text under the input (a completion list), then draws prompt and input again below it. */
  printBelow(text: string): void {
    if (!this.shown) return;
    this.moveTo(this.buffer.length);
    this.io.write('\r\n' + text);
    this.drawn = 0;
    this.render(false);
  }

  /** After the screen was cleared (Ctrl-L): the cursor stands at the top-left. */
  redrawAtHome(): void {
    this.drawn = 0;
    this.render(false);
  }

  setBuffer(text: string, cursor = text.length): void {
    this.buffer = text;
    this.cursor = Math.max(0, Math.min(cursor, text.length));
    this.render(true);
  }

  insert(text: string): void {
    const clean = text.replace(/\t/g, '    ').replace(/[\x00-\x1f\x7f]/g, '');
    if (!clean) return;
    this.buffer = this.buffer.slice(0, this.cursor) + clean + this.buffer.slice(this.cursor);
    this.cursor += clean.length;
    // Typing at the end only needs the new characters (the common case, and the cheapest echo).
    if (this.cursor === this.buffer.length && this.shown && (this.promptWidth + this.buffer.length) % this.io.cols() !== 0) {
      this.io.write(clean);
      this.drawn = this.promptWidth + this.cursor;
      return;
    }
    this.render(true);
  }

  backspace(): void {
    if (this.cursor === 0) return;
    this.buffer = this.buffer.slice(0, this.cursor - 1) + this.buffer.slice(this.cursor);
    this.cursor--;
    this.render(true);
  }

  deleteForward(): void {
    if (this.cursor >= this.buffer.length) return;
    this.buffer = this.buffer.slice(0, this.cursor) + this.buffer.slice(this.cursor + 1);
    this.render(true);
  }

  left(): void {
    if (this.cursor > 0) this.moveTo(this.cursor - 1);
  }

  right(): void {
    if (this.cursor < this.buffer.length) this.moveTo(this.cursor + 1);
  }

  home(): void {
    this.moveTo(0);
  }

  end(): void {
    this.moveTo(this.buffer.length);
  }

  /** Start of the previous word (readline backward-word). */
  wordLeft(): void {
    this.moveTo(this.prevWordStart());
  }

  /** End of the next word (readline forward-word). */
  wordRight(): void {
    this.moveTo(this.nextWordEnd());
  }

  /** Ctrl-K */
  killToEnd(): void {
    this.killed = this.buffer.slice(this.cursor);
    this.buffer = this.buffer.slice(0, this.cursor);
    this.render(true);
  }

  /** Ctrl-U */
  killToStart(): void {
    this.killed = this.buffer.slice(0, this.cursor);
    this.buffer = this.buffer.slice(this.cursor);
    this.cursor = 0;
    this.render(true);
  }

  /** Ctrl-W: the whitespace-delimited word before the cursor (unix-word-rubout). */
  killWordBack(): void {
    let i = this.cursor;
    while (i > 0 && /\s/.test(this.buffer[i - 1])) i--;
    while (i > 0 && !/\s/.test(this.buffer[i - 1])) i--;
    this.killRange(i, this.cursor);
  }

  /** Alt-Backspace: the alphanumeric word before the cursor (backward-kill-word). */
  killAlnumWordBack(): void {
    this.killRange(this.prevWordStart(), this.cursor);
  }

  /** Alt-D */
  killWordForward(): void {
    this.killRange(this.cursor, this.nextWordEnd());
  }

  /** Ctrl-Y */
  yank(): void {
    if (this.killed) this.insert(this.killed);
  }

  /** Ctrl-T: swap the two characters around the cursor. */
  transpose(): void {
    if (this.buffer.length < 2 || this.cursor === 0) return;
    const i = this.cursor === this.buffer.length ? this.cursor - 1 : this.cursor;
    const b = this.buffer;
    this.buffer = b.slice(0, i - 1) + b[i] + b[i - 1] + b.slice(i + 1);
    this.cursor = i + 1;
    this.render(true);
  }

  private killRange(from: number, to: number): void {
    if (to <= from) return;
    this.killed = this.buffer.slice(from, to);
    this.buffer = this.buffer.slice(0, from) + this.buffer.slice(to);
    this.cursor = from;
    this.render(true);
  }

  private prevWordStart(): number {
    let i = this.cursor;
    while (i > 0 && !WORD.test(this.buffer[i - 1])) i--;
    while (i > 0 && WORD.test(this.buffer[i - 1])) i--;
    return i;
  }

  private nextWordEnd(): number {
    let i = this.cursor;
    const n = this.buffer.length;
    while (i < n && !WORD.test(this.buffer[i])) i++;
    while (i < n && WORD.test(this.buffer[i])) i++;
    return i;
  }

  /** Moves the terminal cursor to buffer offset `pos` without redrawing. */
  private moveTo(pos: number): void {
    this.cursor = pos;
    if (!this.shown) return;
    if (this.promptWidth + pos === this.drawn) return;
    const cols = this.io.cols();
    const target = this.promptWidth + pos;
    const fromRow = Math.floor(this.drawn / cols);
    const toRow = Math.floor(target / cols);
    let s = '';
    if (toRow < fromRow) s += `\x1b[${fromRow - toRow}A`;
    else if (toRow > fromRow) s += `\x1b[${toRow - fromRow}B`;
    s += '\r';
    const col = target % cols;
    if (col) s += `\x1b[${col}C`;
    this.io.write(s);
    this.drawn = target;
  }

  /** Redraws prompt and buffer from the prompt's first cell, then places the cursor. */
  private render(fromCurrent: boolean): void {
    if (!this.shown) return;
    const cols = this.io.cols();
    let s = '';
    if (fromCurrent) {
      const up = Math.floor(this.drawn / cols);
      if (up) s += `\x1b[${up}A`;
      s += '\r\x1b[J';
    }
    s += this.prompt + this.buffer;
    const end = this.promptWidth + this.buffer.length;
    // A line that exactly fills the width leaves xterm's cursor in a pending wrap: step onto the next row.
    if (end > 0 && end % cols === 0) s += '\r\n';
    this.io.write(s);
    this.drawn = end;
    this.moveTo(this.cursor);
  }
}
