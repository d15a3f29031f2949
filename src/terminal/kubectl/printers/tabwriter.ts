// Go's text/tabwriter (elastic tabstops) with liggitt/tabwriter's RememberWidths, and the presets
// kubectl uses: the table printer's writer and describe's writer.
// mirrors: github.com/liggitt/tabwriter/tabwriter.go (a fork of Go's text/tabwriter);
//          k8s.io/cli-runtime/pkg/printers/tabwriter.go; k8s.io/kubectl/pkg/describe/describe.go (tabbedString)
// Not supported (kubectl never uses them): Escape-bracketed text and FilterHTML.

/** Where printers write text. */
export interface TextWriter {
  write(text: string): void;
}

/** Collects written text in memory (Go's bytes.Buffer). */
export class StringWriter implements TextWriter {
  private parts: string[] = [];
  write(text: string): void {
    if (text.length > 0) this.parts.push(text);
  }
  toString(): string {
    if (this.parts.length > 1) this.parts = [this.parts.join('')];
    return this.parts[0] ?? '';
  }
  /** Returns what was written since the last take() and empties the buffer. */
  take(): string {
    const s = this.toString();
    this.parts = [];
    return s;
  }
}

/** Formatting flags (same bit values as Go). */
export const AlignRight = 1 << 2;
export const DiscardEmptyColumns = 1 << 3;
export const TabIndent = 1 << 4;
export const Debug = 1 << 5;
/** liggitt/tabwriter: keep the widest width seen per column across Flush calls. */
export const RememberWidths = 1 << 6;

interface Cell {
  text: string;
  width: number; // in code points (Go counts runes)
  htab: boolean; // terminated by '\t' rather than '\v'
}

function runeCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) n++;
    else {
      n++;
      i++;
    }
  }
  return n;
}

const SPACES = Array.from({ length: 128 }, (_, i) => ' '.repeat(i));

/** A tabwriter.Writer: cells are tab-terminated; the last cell of a line is not part of a column. */
export class TabWriter implements TextWriter {
  private lines: Cell[][] = [[]];
  private cell = '';
  private widths: number[] = [];
  private maxwidths: number[] = [];

  constructor(
    private readonly output: TextWriter,
    private readonly minwidth: number,
    private readonly tabwidth: number,
    private readonly padding: number,
    private readonly padchar: string,
    private flags: number,
  ) {
    if (minwidth < 0 || tabwidth < 0 || padding < 0) throw new Error('negative minwidth, tabwidth, or padding');
    if (padchar === '\t') this.flags &= ~AlignRight; // tab padding enforces left-alignment
  }

  write(text: string): void {
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch !== 0x09 && ch !== 0x0b && ch !== 0x0a && ch !== 0x0c) continue;
      this.cell += text.slice(n, i);
      n = i + 1;
      const ncells = this.terminateCell(ch === 0x09);
      if (ch === 0x0a || ch === 0x0c) {
        this.lines.push([]);
        // A line with a single cell does not affect later formatting: flush now, as Go does.
        if (ch === 0x0c || ncells === 1) {
          this.flush();
          if (ch === 0x0c && this.flags & Debug) this.output.write('---\n');
        }
      }
    }
    this.cell += text.slice(n);
  }

  /** Formats and writes everything buffered; the writer can be reused afterwards. */
  flush(): void {
    if (this.cell.length > 0) this.terminateCell(false);
    this.format(0, this.lines.length);
    this.lines = [[]];
    this.cell = '';
    this.widths = [];
  }

  /** liggitt/tabwriter SetRememberedWidths (kubectl resets them with nil between resource types). */
  setRememberedWidths(widths: number[] | null): void {
    this.maxwidths = widths ? widths.slice() : [];
  }

  rememberedWidths(): number[] {
    return this.maxwidths.slice();
  }

  private terminateCell(htab: boolean): number {
    const line = this.lines[this.lines.length - 1];
    line.push({ text: this.cell, width: runeCount(this.cell), htab });
    this.cell = '';
    return line.length;
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let current = line0; current < line1; current++) {
      if (column >= this.lines[current].length - 1) continue;
      // A cell exists in this column: this line starts a column block.
      this.writeLines(line0, current);
      line0 = current;
      let width = this.minwidth;
      let discardable = true;
      for (; current < line1; current++) {
        const line = this.lines[current];
        if (column >= line.length - 1) break;
        const c = line[column];
        const w = c.width + this.padding;
        if (w > width) width = w;
        if (c.width > 0 || c.htab) discardable = false;
      }
      if (discardable && this.flags & DiscardEmptyColumns) width = 0;
      if (this.flags & RememberWidths) width = this.remember(width);
      this.widths.push(width);
      this.format(line0, current);
      this.widths.pop();
      line0 = current;
    }
    this.writeLines(line0, line1);
  }

  private remember(width: number): number {
    const col = this.widths.length;
    if (this.maxwidths.length < col) this.maxwidths.push(...this.widths.slice(this.maxwidths.length));
    if (this.maxwidths.length === col) this.maxwidths.push(width);
    else if (this.maxwidths[col] > width) return this.maxwidths[col];
    else if (this.maxwidths[col] < width) this.maxwidths[col] = width;
    return width;
  }

  private writeLines(line0: number, line1: number): void {
    let out = '';
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i];
      let useTabs = (this.flags & TabIndent) !== 0;
      for (let j = 0; j < line.length; j++) {
        const c = line[j];
        if (j > 0 && this.flags & Debug) out += '|';
        if (c.text.length === 0) {
          if (j < this.widths.length) out += this.padding_(c.width, this.widths[j], useTabs);
        } else {
          useTabs = false;
          if ((this.flags & AlignRight) === 0) {
            out += c.text;
            if (j < this.widths.length) out += this.padding_(c.width, this.widths[j], false);
          } else {
            if (j < this.widths.length) out += this.padding_(c.width, this.widths[j], false);
            out += c.text;
          }
        }
      }
      // The last buffered line has no newline: write the incomplete cell instead.
      out += i + 1 === this.lines.length ? this.cell : '\n';
    }
    if (out.length > 0) this.output.write(out);
  }

  private padding_(textw: number, cellw: number, useTabs: boolean): string {
    if (this.padchar === '\t' || useTabs) {
      if (this.tabwidth === 0) return '';
      cellw = Math.ceil(cellw / this.tabwidth) * this.tabwidth;
      const n = cellw - textw;
      return '\t'.repeat(Math.ceil(n / this.tabwidth));
    }
    const n = Math.max(0, cellw - textw);
    if (this.padchar !== ' ') return this.padchar.repeat(n);
    return n < SPACES.length ? SPACES[n] : ' '.repeat(n);
  }
}

/** printers.GetNewTabWriter: min width 6, tab width 4, padding 3, spaces, RememberWidths. */
export function newTableTabWriter(output: TextWriter): TabWriter {
  return new TabWriter(output, 6, 4, 3, ' ', RememberWidths);
}

/** describe's writer: tabwriter.Init(buf, 0, 8, 2, ' ', 0). */
export function newDescribeTabWriter(output: TextWriter): TabWriter {
  return new TabWriter(output, 0, 8, 2, ' ', 0);
}

/** describe's tabbedString: runs fn against a describe tabwriter and returns the flushed text. */
export function tabbedString(fn: (w: TabWriter) => void): string {
  const buf = new StringWriter();
  const w = newDescribeTabWriter(buf);
  fn(w);
  w.flush();
  return buf.toString();
}
