// Name generation as the apiserver and controllers do it: generateName suffixes, pod-template-hash.
// mirrors: apimachinery/pkg/util/rand/rand.go (String, SafeEncodeString), pkg/controller/controller_utils.go

import type { Rng } from '../clock/rng';

/** The alphabet without vowels and confusable characters, so generated names spell no words. */
export const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

export const MAX_GENERATED_NAME_LENGTH = 63 - 5;

/** generateName + 5 random characters (base cut to 58). */
export function generateName(base: string, rng: Rng): string {
  if (base.length > MAX_GENERATED_NAME_LENGTH) base = base.slice(0, MAX_GENERATED_NAME_LENGTH);
  return base + rng.string(ALPHANUMS, 5);
}

/** Maps each character of a decimal string into ALPHANUMS (by char code), as rand.SafeEncodeString does. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += ALPHANUMS[s.charCodeAt(i) % ALPHANUMS.length];
  return out;
}

/** FNV-1a 32-bit over UTF-8 bytes of s, continuing from h. */
export function fnv32a(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      h = Math.imul(h ^ c, 0x01000193) >>> 0;
      continue;
    }
    // Encode as UTF-8 bytes.
    const bytes: number[] = [];
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const c2 = s.charCodeAt(++i);
      c = 0x10000 + ((c - 0xd800) << 10) + (c2 - 0xdc00);
      bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    } else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
