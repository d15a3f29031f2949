// Makes command output safe to hand to xterm: text from users, containers and objects must not move the
// cursor, retitle the window, write the clipboard (OSC 52) or fake a prompt. Colour (SGR) sequences pass;
// every other control character is shown in caret notation (^[, ^M, ^G), like `cat -v`. While a program
// owns the terminal (kubectl exec -it: a container's line editor draws) the `tty` form also lets through
// what line editing needs: CR, BS, BEL and cursor moves / erasures (CSI A B C D G H J K); OSC and the rest
// are still shown, not executed.

const SGR = /^\x1b\[[0-9;:]*m/;
const EDITING = /^\x1b\[[0-9;]*[ABCDGHJKm]/;
/** A chunk may end inside an SGR sequence (or between CR and LF); keep that tail for the next chunk. */
const PARTIAL_SGR = /\x1b(\[[0-9;:]*)?$/;

function caret(code: number): string {
  if (code === 0x7f) return '^?';
  if (code >= 0x80) return `M-^${String.fromCharCode(code - 0x80 + 0x40)}`;
  return `^${String.fromCharCode(code + 0x40)}`;
}

export function sanitize(text: string, tty = false): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const control = c < 0x20 || c === 0x7f || (c >= 0x80 && c < 0xa0);
    if (!control || c === 0x0a || c === 0x09) continue;
    if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) continue;
    if (tty && (c === 0x0d || c === 0x08 || c === 0x07)) continue;
    if (c === 0x1b) {
      const m = (tty ? EDITING : SGR).exec(text.slice(i, i + 64));
      if (m) {
        i += m[0].length - 1;
        continue;
      }
    }
    out += text.slice(from, i) + caret(c);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Streaming form: SGR sequences split across chunks still pass. */
export class Sanitizer {
  private carry = '';
  /** A program owns the terminal: line-editing controls pass (see sanitize). */
  tty = false;

  push(chunk: string): string {
    let text = this.carry + chunk;
    this.carry = '';
    const m = !this.tty && text.endsWith('\r') ? ['\r'] : PARTIAL_SGR.exec(text.slice(-64));
    if (m) {
      this.carry = m[0];
      text = text.slice(0, text.length - m[0].length);
    }
    return sanitize(text, this.tty);
  }

  /** End of a command's output: whatever was held back is shown as text. */
  flush(): string {
    const t = this.carry;
    this.carry = '';
    return sanitize(t, this.tty);
  }
}
