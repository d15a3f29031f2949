// The scanner's input: code points with libyaml's lazy decoding — text is checked in 512-byte chunks only
// when the scanner needs more, so a bad character is reported when its chunk is reached, not before.
// mirrors: go-yaml v2 readerc.go (yaml_parser_update_buffer), scannerc.go (skip, skip_line, read, read_line)

import { YamlFailure } from './errors';
import type { Mark } from './types';
import { chr, isAllowedInput, isBreak, utf8Width } from './chars';

const RAW_CHUNK = 512;

export class Reader {
  /** The input as code points (lone surrogates become U+FFFD, as a UTF-8 encoder writes them). */
  private readonly cps: Uint32Array;
  private readonly totalBytes: number;
  /** Current character (libyaml's buffer_pos). */
  pos = 0;
  /** Characters decoded and not yet consumed, end-of-input NULs included (libyaml's unread). */
  unread = 0;
  /** The scanner's mark: characters consumed, and the 0-based line and column. */
  index = 0;
  line = 0;
  column = 0;
  /** Which character sits at the start of libyaml's buffer (its BOM test looks there, not at pos). */
  bufStart = 0;
  private decoded = 0;
  private rawRead = 0;
  private rawDecoded = 0;
  private eof = false;
  private started = false;

  /** The text with lone surrogates replaced, for slicing runs of characters out in one go. */
  private readonly src: string;
  /** UTF-16 offset of each character, when some take two code units (else the index is the offset). */
  private readonly offsets: Uint32Array | undefined;

  constructor(text: string) {
    const cps = new Uint32Array(text.length);
    let n = 0;
    let bytes = 0;
    let astral = false;
    let lone = false;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) {
        const d = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
        if (d >= 0xdc00 && d <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          astral = true;
          i++;
        } else {
          c = 0xfffd;
          lone = true;
        }
      } else if (c >= 0xdc00 && c <= 0xdfff) {
        c = 0xfffd;
        lone = true;
      }
      cps[n++] = c;
      bytes += utf8Width(c);
    }
    this.cps = cps.subarray(0, n);
    this.totalBytes = bytes;
    this.src = lone ? text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd') : text;
    if (astral) {
      const offs = new Uint32Array(n + 1);
      for (let i = 0, o = 0; i < n; i++) {
        offs[i] = o;
        o += this.cps[i] > 0xffff ? 2 : 1;
        offs[i + 1] = o;
      }
      this.offsets = offs;
    }
  }

  /** The characters from index a up to the current one, as a string. */
  sliceFrom(a: number): string {
    const b = Math.min(this.pos, this.cps.length);
    return this.offsets ? this.src.slice(this.offsets[a], this.offsets[b]) : this.src.slice(a, b);
  }

  /** The character k places ahead (0 past the end). */
  at(k = 0): number {
    const i = this.pos + k;
    return i < this.cps.length ? this.cps[i] : 0;
  }

  mark(): Mark {
    return { index: this.index, line: this.line, column: this.column };
  }

  /** Makes `length` characters available (libyaml's CACHE); may raise the reader's errors. */
  cache(length: number): void {
    if (this.unread < length) this.update(length);
  }

  /** libyaml's BOM check, which looks at the first bytes of its buffer rather than at the current character. */
  bufferStartsWithBom(): boolean {
    return this.bufStart < this.cps.length && this.cps[this.bufStart] === 0xfeff;
  }

  skip(): void {
    this.index++;
    this.column++;
    this.unread--;
    this.pos++;
  }

  skipLine(): void {
    const c = this.at();
    if (c === 0x0d && this.at(1) === 0x0a) {
      this.index += 2;
      this.column = 0;
      this.line++;
      this.unread -= 2;
      this.pos += 2;
    } else if (isBreak(c)) {
      this.index++;
      this.column = 0;
      this.line++;
      this.unread--;
      this.pos++;
    }
  }

  /** Consumes the current character and returns it. */
  read(): string {
    const c = this.at();
    this.skip();
    return chr(c);
  }

  /** Consumes a line break and returns it normalised (CR, LF, CRLF and NEL become "\n"; LS and PS stay). */
  readLine(): string {
    const c = this.at();
    let out: string;
    if (c === 0x0d && this.at(1) === 0x0a) {
      this.pos += 2;
      this.index++;
      this.unread--;
      out = '\n';
    } else if (c === 0x0d || c === 0x0a || c === 0x85) {
      this.pos++;
      out = '\n';
    } else if (c === 0x2028 || c === 0x2029) {
      this.pos++;
      out = chr(c);
    } else return '';
    this.index++;
    this.column = 0;
    this.line++;
    this.unread--;
    return out;
  }

  private update(length: number): void {
    if (!this.started) {
      this.started = true;
      this.readRaw();
      if (!this.eof && this.rawRead < 3) this.readRaw();
      // A UTF-8 byte order mark at the start is dropped before anything is decoded.
      if (this.cps.length > 0 && this.cps[0] === 0xfeff) {
        this.pos = this.decoded = this.bufStart = 1;
        this.rawDecoded = 3;
      }
    }
    this.bufStart = this.pos;
    let first = true;
    while (this.unread < length) {
      if (!first || this.rawDecoded === this.rawRead) this.readRaw();
      first = false;
      while (this.rawDecoded < this.rawRead && this.decoded < this.cps.length) {
        const c = this.cps[this.decoded];
        const w = utf8Width(c);
        if (this.rawDecoded + w > this.rawRead) break;
        if (!isAllowedInput(c)) throw new YamlFailure('reader', 'control characters are not allowed', undefined);
        this.rawDecoded += w;
        this.decoded++;
        this.unread++;
      }
      if (this.eof) {
        this.unread++;
        break;
      }
    }
  }

  /** One read of the raw buffer: up to 512 bytes past what is decoded; a read with nothing left sets eof. */
  private readRaw(): void {
    if (this.eof) return;
    if (this.rawRead === this.totalBytes) {
      this.eof = true;
      return;
    }
    this.rawRead = Math.min(this.rawDecoded + RAW_CHUNK, this.totalBytes);
  }
}
