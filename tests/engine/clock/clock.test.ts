// Unit tests for the simulated clock's timer heap and advance semantics.
import { describe, expect, it } from 'vitest';
import { SimClock } from '../../../src/engine/clock/clock';
import { Rng } from '../../../src/engine/clock/rng';

describe('SimClock', () => {
  it('fires timers in (due, sequence) order', () => {
    const c = new SimClock(0);
    const out: string[] = [];
    c.setTimeout(() => out.push('b'), 20);
    c.setTimeout(() => out.push('a'), 10);
    c.setTimeout(() => out.push('c'), 20);
    c.setTimeout(() => out.push('z'), 0);
    c.advance(20);
    expect(out).toEqual(['z', 'a', 'b', 'c']);
    expect(c.now()).toBe(20);
  });

  it('fires timers scheduled during the drain when they are already due', () => {
    const c = new SimClock(1000);
    const out: number[] = [];
    c.setTimeout(() => {
      out.push(c.now());
      c.setTimeout(() => out.push(c.now()), 5);
      c.setTimeout(() => out.push(c.now()), 500);
    }, 10);
    c.advance(100);
    expect(out).toEqual([1010, 1015]);
    expect(c.now()).toBe(1100);
    c.advance(1000);
    expect(out).toEqual([1010, 1015, 1510]);
  });

  it('sees the due time as now inside a timer', () => {
    const c = new SimClock(0);
    let seen = -1;
    c.setTimeout(() => (seen = c.now()), 42);
    c.advance(1000);
    expect(seen).toBe(42);
  });

  it('skips cleared timers and reports the next due one', () => {
    const c = new SimClock(0);
    const out: number[] = [];
    const id = c.setTimeout(() => out.push(1), 5);
    c.setTimeout(() => out.push(2), 7);
    c.clearTimeout(id);
    expect(c.nextDue()).toBe(7);
    expect(c.step()).toBe(true);
    expect(out).toEqual([2]);
    expect(c.now()).toBe(7);
    expect(c.step()).toBe(false);
  });

  it('refuses re-entrant advance', () => {
    const c = new SimClock(0);
    c.setTimeout(() => c.advance(1), 1);
    expect(() => c.advance(5)).toThrow(/inside a timer/);
  });
});

describe('Rng', () => {
  it('is deterministic per seed and differs across seeds', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const c = new Rng(8);
    const sa = Array.from({ length: 5 }, () => a.u32());
    expect(Array.from({ length: 5 }, () => b.u32())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.u32())).not.toEqual(sa);
  });

  it('draws in range and makes v4 uuids', () => {
    const r = new Rng('x');
    for (let i = 0; i < 1000; i++) {
      const n = r.int(7);
      expect(n).toBeGreaterThanOrEqual(0);
      expect(n).toBeLessThan(7);
    }
    expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
