// deepFreeze, deepClone and shareUnchanged: frozen stored trees, copies, and structural sharing for writes.
import { describe, expect, it } from 'vitest';
import { deepClone, deepEqual, deepFreeze, shareUnchanged } from '../../../src/engine/store/freeze';

describe('deepFreeze', () => {
  it('freezes every level and stops at subtrees that are frozen already', () => {
    const shared = Object.freeze({ a: { b: 1 } });
    const o = deepFreeze({ x: [{ y: 'z'.repeat(20) + String(Math.PI) }], shared, n: null, s: 'a' + 'b'.repeat(30) });
    expect(Object.isFrozen(o)).toBe(true);
    expect(Object.isFrozen(o.x)).toBe(true);
    expect(Object.isFrozen(o.x[0])).toBe(true);
    // A frozen subtree is taken as it is (its inside is the owner's business).
    expect(Object.isFrozen(shared.a)).toBe(false);
    expect(o.s).toBe('a' + 'b'.repeat(30));
    expect(deepEqual(deepClone(o), o)).toBe(true);
  });
});

describe('shareUnchanged', () => {
  const old = deepFreeze({
    conditions: [
      { type: 'Ready', status: 'False', reason: 'ContainersNotReady' },
      { type: 'PodScheduled', status: 'True' },
    ],
    hostIPs: [{ ip: '10.0.0.2' }],
    phase: 'Pending',
    order: { a: 1, b: 2 },
  });

  const cases: { name: string; next: Record<string, unknown>; same: string[]; fresh: string[]; whole?: boolean }[] = [
    {
      name: 'identical value: the old object itself',
      next: { conditions: [{ type: 'Ready', status: 'False', reason: 'ContainersNotReady' }, { type: 'PodScheduled', status: 'True' }], hostIPs: [{ ip: '10.0.0.2' }], phase: 'Pending', order: { a: 1, b: 2 } },
      same: [],
      fresh: [],
      whole: true,
    },
    {
      name: 'one condition changed: the others and unchanged fields are shared',
      next: { conditions: [{ type: 'Ready', status: 'True' }, { type: 'PodScheduled', status: 'True' }], hostIPs: [{ ip: '10.0.0.2' }], phase: 'Running', order: { a: 1, b: 2 } },
      same: ['conditions.1', 'hostIPs', 'order'],
      fresh: ['conditions', 'conditions.0'],
    },
    {
      name: 'same keys in another order are not shared (output order must not change)',
      next: { conditions: [], hostIPs: [{ ip: '10.0.0.2' }], phase: 'Pending', order: { b: 2, a: 1 } },
      same: ['hostIPs'],
      fresh: ['order', 'conditions'],
    },
    {
      name: 'an extra key, even undefined, is a change',
      next: { conditions: [], hostIPs: [{ ip: '10.0.0.2', extra: undefined }], phase: 'Pending', order: { a: 1, b: 2 } },
      same: ['order'],
      fresh: ['hostIPs', 'hostIPs.0'],
    },
  ];

  const at = (o: unknown, path: string): unknown => (path === '' ? o : path.split('.').reduce((v, k) => (v as Record<string, unknown>)[k], o));

  for (const c of cases) {
    it(c.name, () => {
      const before = JSON.stringify(c.next);
      const r = shareUnchanged(old, c.next);
      expect(JSON.stringify(r)).toBe(before);
      if (c.whole) expect(r).toBe(old);
      else expect(r).toBe(c.next);
      for (const p of c.same) expect(at(r, p)).toBe(at(old, p));
      for (const p of c.fresh) expect(at(r, p)).not.toBe(at(old, p));
    });
  }

  it('leaves values without a counterpart alone', () => {
    const next = { a: [1, 2] };
    expect(shareUnchanged(undefined, next)).toBe(next);
    expect(shareUnchanged({ a: 'x' }, next)).toBe(next);
    expect(shareUnchanged([1, 2], next)).toBe(next);
  });
});
