// A minimal terminal screen for tests: printable text with auto-wrap (and xterm's pending wrap at the
// last column), CR, BS, LF (as CRLF, like xterm's convertEol), cursor up/down/forward (CSI n A/B/C), erase
// to the end of the line (CSI K) and erase below (CSI J).

export class FakeScreen {
  lines: string[][] = [[]];
  row = 0;
  col = 0;
  private pendingWrap = false;

  constructor(readonly width: number) {}

  cols(): number {
    return this.width;
  }

  write(data: string): void {
    for (let i = 0; i < data.length; i++) {
      const c = data[i];
      if (c === '\x1b') {
        const m = /^\x1b\[([0-9;]*)([ABCJmK])/.exec(data.slice(i));
        if (!m) throw new Error(`unsupported escape at ${JSON.stringify(data.slice(i, i + 8))}`);
        const n = m[2] === 'm' ? 0 : Number(m[1] || 1);
        if (m[2] === 'A') this.row = Math.max(0, this.row - n);
        if (m[2] === 'B') this.row += n;
        if (m[2] === 'C') this.col = Math.min(this.width - 1, this.col + n);
        if (m[2] === 'K') this.line().length = Math.min(this.line().length, this.col);
        if (m[2] === 'J') {
          this.line().length = this.col;
          this.lines.length = this.row + 1;
        }
        if (m[2] !== 'm') this.pendingWrap = false;
        i += m[0].length - 1;
        continue;
      }
      if (c === '\b') {
        // Backspace moves left (out of a pending wrap first), never past the first column.
        if (this.pendingWrap) this.pendingWrap = false;
        else this.col = Math.max(0, this.col - 1);
        continue;
      }
      if (c === '\x07') continue;
      if (c === '\r') {
        this.col = 0;
        this.pendingWrap = false;
        continue;
      }
      if (c === '\n') {
        // Like xterm with convertEol (as the page configures it): LF also returns the carriage.
        this.col = 0;
        this.row++;
        this.pendingWrap = false;
        this.line();
        continue;
      }
      if (this.pendingWrap) {
        this.row++;
        this.col = 0;
        this.pendingWrap = false;
      }
      const l = this.line();
      while (l.length < this.col) l.push(' ');
      l[this.col] = c;
      if (this.col === this.width - 1) this.pendingWrap = true;
      else this.col++;
    }
  }

  private line(): string[] {
    while (this.lines.length <= this.row) this.lines.push([]);
    return this.lines[this.row];
  }

  text(): string {
    return this.lines.map((l) => l.join('').trimEnd()).join('\n').replace(/\n+$/, '');
  }

  /** Cursor as an offset into the joined text of rows from `fromRow`. */
  cursor(): { row: number; col: number } {
    return { row: this.row, col: this.pendingWrap ? this.width : this.col };
  }
}
