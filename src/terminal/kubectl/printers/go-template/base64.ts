// encoding/base64 StdEncoding.DecodeString as kubectl's base64decode uses it: padding required,
// CR/LF ignored, the offset of the first bad byte on error.
// mirrors: Go src/encoding/base64/base64.go (decodeQuantum)

import { utf8Bytes } from '../gofmt';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Map<number, number>([...ALPHABET].map((c, i) => [c.charCodeAt(0), i]));
const PAD = 0x3d;

function isNewline(b: number | undefined): boolean {
  return b === 0x0a || b === 0x0d;
}

/** The decoded text, or the byte offset Go reports in "illegal base64 data at input byte N". */
export function base64Decode(s: string): string | { badByte: number } {
  const src = utf8Bytes(s);
  const out: number[] = [];
  let si = 0;
  while (si < src.length) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let err: number | undefined;
    let j = 0;
    for (; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return decode(out);
        return { badByte: si - j };
      }
      const c = src[si++];
      const d = DECODE.get(c);
      if (d !== undefined) {
        dbuf[j] = d;
        continue;
      }
      if (isNewline(c)) {
        j--;
        continue;
      }
      if (c !== PAD || j < 2) return { badByte: si - 1 };
      if (j === 2) {
        while (si < src.length && isNewline(src[si])) si++;
        if (si === src.length) return { badByte: src.length };
        if (src[si] !== PAD) return { badByte: si - 1 };
        si++;
      }
      while (si < src.length && isNewline(src[si])) si++;
      if (si < src.length) err = si;
      dlen = j;
      break;
    }
    const val = (dbuf[0] << 18) | (dbuf[1] << 12) | (dbuf[2] << 6) | dbuf[3];
    const bytes = [(val >> 16) & 255, (val >> 8) & 255, val & 255];
    out.push(...bytes.slice(0, dlen - 1));
    if (err !== undefined) return { badByte: err };
  }
  return decode(out);
}

function decode(bytes: number[]): string {
  return new TextDecoder().decode(new Uint8Array(bytes));
}
