// The line editor of an interactive container shell (busybox's lineedit, bash's readline) on a Pty in raw
// mode: prompt, insert and erase at the cursor, cursor and word moves, kills, history, Tab completion,
// ^C / ^D, and a redraw when the window size changes (how `kubectl attach` makes the prompt appear).
// Drawing uses only CR, BS, CSI A/B/C/J/K and text, wrapping at the terminal's width.
// mirrors: busybox libbb/lineedit.c (read_line_input)

import type { Prompt } from './prompt';
import type { Pty } from './pty';
import type { ShellSignal } from './signal';

export type EditResult = { kind: 'line'; text: string } | { kind: 'eof' } | { kind: 'interrupt' };

export interface EditOptions {
  /** Earlier lines, oldest first; the entered line is not added here. */
  history: readonly string[];
  /** Ends the edit (the shell is killed): resolves as end of input. */
  signal: ShellSignal;
  /** Candidates for the word before the cursor (full words; a trailing `/` or space marks them complete). */
  complete?: (word: string, first: boolean) => string[];
}

const WORD = /[A-Za-z0-9_]/;
const KEY = /^\x1b(\[[0-9;]*[A-Za-z~]|O[A-Za-z]|[\x7f\x08]|[a-zA-Z])/;

/** One key, or a run of printable text, from the front of the input; '' when an escape sequence is cut short. */
function nextKey(data: string): string {
  if (data[0] === '\x1b') {
    const m = KEY.exec(data);
    if (m) return m[0];
    return /^\x1b(\[[0-9;]*|O)?$/.test(data) ? '' : '\x1b';
  }
  if (data.charCodeAt(0) < 0x20 || data[0] === '\x7f') return data[0];
  return /^[^\x00-\x1f\x7f\x1b]+/.exec(data)![0];
}

class Editor {
  buf: string[] = [];
  cursor = 0;
  /** Cursor offset from the first cell of the prompt's last line, as drawn. */
  private drawn = 0;
  private readonly promptLast: string;
  private histPos: number;
  private draft: string[] = [];
  private tabs = 0;

  constructor(
    private readonly pty: Pty,
    private readonly prompt: Prompt,
    private readonly opts: EditOptions,
  ) {
    this.promptLast = prompt.text.slice(prompt.text.lastIndexOf('\n') + 1);
    this.histPos = opts.history.length;
  }

  get text(): string {
    return this.buf.join('');
  }

  start(): void {
    this.pty.writeRaw(this.prompt.text.replace(/\n/g, '\r\n'));
    this.drawn = this.prompt.width;
  }

  /** Handles one key; a result ends the edit. */
  key(k: string): EditResult | undefined {
    if (k !== '\t') this.tabs = 0;
    switch (k) {
      case '\r':
      case '\n':
        this.moveTo(this.buf.length);
        this.pty.writeRaw('\r\n');
        return { kind: 'line', text: this.text };
      case '\x03':
        this.moveTo(this.buf.length);
        return { kind: 'interrupt' };
      case '\x04':
        if (!this.buf.length) return { kind: 'eof' };
        return this.edit(this.cursor, this.cursor + 1);
      case '\x7f':
      case '\x08':
        return this.backspace();
      case '\x1b[3~':
        return this.edit(this.cursor, this.cursor + 1);
      case '\x1b[D': case '\x1bOD': case '\x02':
        return this.moveTo(Math.max(0, this.cursor - 1));
      case '\x1b[C': case '\x1bOC': case '\x06':
        return this.moveTo(Math.min(this.buf.length, this.cursor + 1));
      case '\x1b[H': case '\x1bOH': case '\x1b[1~': case '\x1b[7~': case '\x01':
        return this.moveTo(0);
      case '\x1b[F': case '\x1bOF': case '\x1b[4~': case '\x1b[8~': case '\x05':
        return this.moveTo(this.buf.length);
      case '\x1b[1;5D': case '\x1b[1;3D': case '\x1bb':
        return this.moveTo(this.wordStart());
      case '\x1b[1;5C': case '\x1b[1;3C': case '\x1bf':
        return this.moveTo(this.wordEnd());
      case '\x1b[A': case '\x1bOA': case '\x10':
        return this.history(-1);
      case '\x1b[B': case '\x1bOB': case '\x0e':
        return this.history(1);
      case '\x15':
        return this.edit(0, this.cursor);
      case '\x0b':
        return this.edit(this.cursor, this.buf.length);
      case '\x17': {
        let i = this.cursor;
        while (i > 0 && this.buf[i - 1] === ' ') i--;
        while (i > 0 && this.buf[i - 1] !== ' ') i--;
        return this.edit(i, this.cursor);
      }
      case '\x0c':
        this.pty.writeRaw('\x1b[H\x1b[J' + this.promptLast);
        this.drawn = this.prompt.width;
        return this.render(false);
      case '\t':
        return this.completeWord();
    }
    if (k.charCodeAt(0) < 0x20 || k[0] === '\x1b' || k === '\x7f') return undefined;
    return this.insert([...k]);
  }

  /** Draws prompt and input again on the current line (SIGWINCH). */
  redraw(): void {
    this.render(true);
  }

  private insert(chars: string[]): undefined {
    const atEnd = this.cursor === this.buf.length;
    this.buf.splice(this.cursor, 0, ...chars);
    this.cursor += chars.length;
    const end = this.prompt.width + this.buf.length;
    // Typing at the end only needs the new characters (and no pending wrap to resolve).
    if (atEnd && end % this.pty.cols !== 0) {
      this.pty.writeRaw(chars.join(''));
      this.drawn = end;
      return undefined;
    }
    return this.render(true);
  }

  private backspace(): undefined {
    if (this.cursor === 0) return undefined;
    const col = (this.prompt.width + this.cursor) % this.pty.cols;
    if (this.cursor === this.buf.length && col !== 0) {
      this.buf.pop();
      this.cursor--;
      this.pty.writeRaw('\b \b');
      this.drawn--;
      return undefined;
    }
    return this.edit(this.cursor - 1, this.cursor);
  }

  private edit(from: number, to: number): undefined {
    if (to <= from || from < 0) return undefined;
    this.buf.splice(from, to - from);
    this.cursor = from;
    return this.render(true);
  }

  private history(dir: -1 | 1): undefined {
    const h = this.opts.history;
    const next = this.histPos + dir;
    if (next < 0 || next > h.length) return undefined;
    if (this.histPos === h.length) this.draft = this.buf;
    this.histPos = next;
    this.buf = next === h.length ? this.draft : [...h[next]];
    this.cursor = this.buf.length;
    return this.render(true);
  }

  private completeWord(): undefined {
    const before = this.buf.slice(0, this.cursor).join('');
    const start = before.lastIndexOf(' ') + 1;
    const word = before.slice(start);
    const first = before.slice(0, start).trim() === '';
    const cands = this.opts.complete?.(word, first) ?? [];
    if (!cands.length) return undefined;
    if (cands.length === 1) return this.insert([...cands[0].slice(word.length)]);
    let common = cands[0];
    for (const c of cands) while (!c.startsWith(common)) common = common.slice(0, -1);
    if (common.length > word.length) return this.insert([...common.slice(word.length)]);
    if (++this.tabs < 2) return undefined;
    this.tabs = 0;
    this.moveTo(this.buf.length);
    const cut = word.lastIndexOf('/') + 1;
    const names = cands.map((c) => c.slice(cut).trimEnd());
    const w = Math.max(...names.map((n) => n.length)) + 2;
    const per = Math.max(1, Math.floor(this.pty.cols / w));
    let list = '';
    for (let i = 0; i < names.length; i += per) list += names.slice(i, i + per).map((n) => n.padEnd(w)).join('').trimEnd() + '\r\n';
    this.pty.writeRaw('\r\n' + list + this.promptLast);
    this.drawn = this.prompt.width;
    return this.render(false);
  }

  private wordStart(): number {
    let i = this.cursor;
    while (i > 0 && !WORD.test(this.buf[i - 1])) i--;
    while (i > 0 && WORD.test(this.buf[i - 1])) i--;
    return i;
  }

  private wordEnd(): number {
    let i = this.cursor;
    while (i < this.buf.length && !WORD.test(this.buf[i])) i++;
    while (i < this.buf.length && WORD.test(this.buf[i])) i++;
    return i;
  }

  private moveTo(pos: number): undefined {
    this.cursor = pos;
    const target = this.prompt.width + pos;
    if (target === this.drawn) return undefined;
    const cols = this.pty.cols;
    const fromRow = Math.floor(this.drawn / cols);
    const toRow = Math.floor(target / cols);
    let s = '';
    if (toRow < fromRow) s += `\x1b[${fromRow - toRow}A`;
    else if (toRow > fromRow) s += `\x1b[${toRow - fromRow}B`;
    const col = target % cols;
    s += '\r' + (col ? `\x1b[${col}C` : '');
    this.pty.writeRaw(s);
    this.drawn = target;
    return undefined;
  }

  /** Redraws the prompt's last line and the input, then places the cursor. */
  private render(fromCurrent: boolean): undefined {
    const cols = this.pty.cols;
    let s = '';
    if (fromCurrent) {
      const up = Math.floor(this.drawn / cols);
      s += (up ? `\x1b[${up}A` : '') + '\r' + this.promptLast;
    }
    s += this.text + '\x1b[J';
    const end = this.prompt.width + this.buf.length;
    // A line that exactly fills the width leaves the cursor in a pending wrap: step onto the next row.
    if (end > 0 && end % cols === 0) s += '\r\n';
    this.pty.writeRaw(s);
    this.drawn = end;
    return this.moveTo(this.cursor);
  }
}

/** Reads one line with editing; the terminal is raw meanwhile. */
export async function editLine(pty: Pty, prompt: Prompt, opts: EditOptions): Promise<EditResult> {
  const ed = new Editor(pty, prompt, opts);
  pty.setRaw(true);
  ed.start();
  pty.onWinch = () => ed.redraw();
  let carry = '';
  try {
    for (;;) {
      const chunk = await pty.readRaw(opts.signal);
      if (chunk === null) return { kind: 'eof' };
      let data = carry + chunk;
      carry = '';
      while (data) {
        const k = nextKey(data);
        if (!k) {
          carry = data;
          break;
        }
        data = data.slice(k.length);
        const r = ed.key(k);
        if (r) {
          // The rest of a paste stays for the next reader.
          if (data) pty.unreadRaw(data);
          return r;
        }
      }
    }
  } finally {
    pty.onWinch = null;
    pty.setRaw(false);
  }
}
