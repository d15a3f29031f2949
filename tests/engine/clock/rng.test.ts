// Rng streams are part of every recorded transcript (uids, names, tie-breaks): pinned values, and the
// shortcuts (deriveFrom, continued hashString) must give exactly the streams they stand for.
import { describe, expect, it } from 'vitest';
import { Rng, hashString } from '../../../src/engine/clock/rng';

describe('Rng streams', () => {
  it('keeps its pinned values', () => {
    const r = new Rng(42);
    expect([r.u32(), r.u32(), new Rng('seed').u32()]).toEqual([2837322924, 544945897, 1327162122]);
    expect(Rng.derive(1, 'uid/pods/default/web/0').uuid()).toBe('91d5166b-aebf-4fd5-9b37-38814e61e316');
    expect(Rng.derive('abc', 'name/web-/3').string('bcdfghjklmnpqrstvwxz2456789', 5)).toBe('k5s67');
  });

  it('continues a hash: hashString(a + b) = hashString(b, hashString(a))', () => {
    for (const [a, b] of [['', ''], ['1\u0000uid/', 'pods/default/x/0'], ['ü', 'ß✓']]) {
      expect(hashString(b, hashString(a))).toBe(hashString(a + b));
    }
  });

  it.each([
    [1, 'uid/', ['pods', '/', 'default', '/', 'web-0', '/0']],
    ['cluster-7', 'name/', ['app-', '/12']],
    [0, 'uid/', ['events', '/', '', '/', 'node.17f0', '/3']],
  ])('deriveFrom(%s, %s…) is derive of the joined label', (seed, prefix, rest) => {
    const a = Rng.deriveFrom(hashString(`${seed}\u0000${prefix}`), ...rest);
    const b = Rng.derive(seed, prefix + rest.join(''));
    expect([a.u32(), a.u32(), a.uuid()]).toEqual([b.u32(), b.u32(), b.uuid()]);
  });

  it('formats uuids as the hex of its draws (version 4, variant 10)', () => {
    const hex = (n: number, len: number) => n.toString(16).padStart(len, '0');
    const r = new Rng(9);
    const s = new Rng(9);
    for (let i = 0; i < 200; i++) {
      const [a, b, c, d] = [s.u32(), s.u32(), s.u32(), s.u32()];
      const want = `${hex(a, 8)}-${hex(b >>> 16, 4)}-${hex(((b & 0x0fff) | 0x4000) >>> 0, 4)}-${hex(((c >>> 16) & 0x3fff) | 0x8000, 4)}-${hex(c & 0xffff, 4)}${hex(d, 8)}`;
      expect(r.uuid()).toBe(want);
    }
  });
});
