// Seeded randomness for the engine (names, IPs, tie-breaks, uids): same seed, same cluster.

/** xoshiro128** seeded through splitmix32; small, fast and good enough for simulation. */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number | string = 1) {
    // No closure here: streams are derived per uid and name, hundreds of thousands of times in a big cluster.
    const x = typeof seed === 'number' ? seed >>> 0 : hashString(seed);
    this.s0 = splitmix32(x, 1);
    this.s1 = splitmix32(x, 2);
    this.s2 = splitmix32(x, 3);
    this.s3 = splitmix32(x, 4);
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  u32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (this.s1 << 9) >>> 0;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    this.s0 >>>= 0;
    this.s1 >>>= 0;
    this.s2 >>>= 0;
    this.s3 >>>= 0;
    return result;
  }

  /** A float in [0, 1). */
  float(): number {
    return this.u32() / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** n characters drawn from alphabet. */
  string(alphabet: string, n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[this.int(alphabet.length)];
    return s;
  }

  /** An RFC 4122 version-4 UUID built from this source. */
  uuid(): string {
    const a = this.u32();
    const b = this.u32();
    const c = this.u32();
    const d = this.u32();
    // Written as character codes and made one flat string: a chain of `+` would keep ~8 rope nodes alive per
    // uid, and every stored object holds uids.
    const u = UUID_CODES;
    hexCodes(u, 0, a, 8);
    hexCodes(u, 9, b >>> 16, 4);
    hexCodes(u, 14, ((b & 0x0fff) | 0x4000) >>> 0, 4);
    hexCodes(u, 19, ((c >>> 16) & 0x3fff) | 0x8000, 4);
    hexCodes(u, 24, c & 0xffff, 4);
    hexCodes(u, 28, d, 8);
    return String.fromCharCode.apply(null, u);
  }

  /** A stream derived from a seed and a label without consuming any other stream: adding consumers shifts nothing. */
  static derive(seed: number | string, label: string): Rng {
    return new Rng(`${seed}\u0000${label}`);
  }

  /**
   * The stream derive(seed, prefix + rest) from prefixHash = hashString(`${seed}\0${prefix}`) and the rest,
   * without building the whole label (hot paths: uids, generated names).
   */
  static deriveFrom(prefixHash: number, ...rest: string[]): Rng {
    let h = prefixHash;
    for (const s of rest) h = hashString(s, h);
    return new Rng(h);
  }

  /** An independent stream derived from this one (e.g. one per subsystem, so adding a consumer does not shift others). */
  fork(label: string): Rng {
    return new Rng((this.u32() ^ hashString(label)) >>> 0);
  }
}

/** The i-th output of splitmix32 started at x. */
function splitmix32(x: number, i: number): number {
  let z = (x + Math.imul(0x9e3779b9, i)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

const HEX_DIGITS = '0123456789abcdef';
/** Scratch for uuid(): 36 character codes, the dashes fixed. */
const UUID_CODES: number[] = Array.from('00000000-0000-0000-0000-000000000000', (ch) => ch.charCodeAt(0));

/** The len lowest hex digits of n (unsigned), most significant first, as character codes at codes[at…]. */
function hexCodes(codes: number[], at: number, n: number, len: number): void {
  for (let i = len - 1; i >= 0; i--) {
    codes[at + i] = HEX_DIGITS.charCodeAt(n & 15);
    n >>>= 4;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** FNV-1a over UTF-16 code units; h continues a previous hash (hashString(a + b) = hashString(b, hashString(a))). */
export function hashString(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
