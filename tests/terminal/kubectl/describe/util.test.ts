// The Go formatting helpers describers share: time formats, selector strings, `%v` of lists and maps.
import { describe, expect, it } from 'vitest';
import { formatLabelSelector, goList, goMap, goTimeString, rfc1123z, selectorString, setSelectorString, since } from '../../../../src/terminal/kubectl/describe/util';

describe('describe util', () => {
  it.each([
    [undefined, 'Mon, 01 Jan 0001 00:00:00 +0000'],
    [null, 'Mon, 01 Jan 0001 00:00:00 +0000'],
    ['2025-03-01T12:00:00Z', 'Sat, 01 Mar 2025 12:00:00 +0000'],
    ['2025-01-01T00:02:10.123456Z', 'Wed, 01 Jan 2025 00:02:10 +0000'],
  ])('rfc1123z(%s)', (ts, want) => {
    expect(rfc1123z(ts)).toBe(want);
  });

  it.each([
    ['2025-03-01T12:00:00Z', '2025-03-01 12:00:00 +0000 UTC'],
    ['2025-03-01T12:00:00.500000Z', '2025-03-01 12:00:00.5 +0000 UTC'],
    [undefined, '0001-01-01 00:00:00 +0000 UTC'],
  ])('goTimeString(%s)', (ts, want) => {
    expect(goTimeString(ts)).toBe(want);
  });

  it('ages like translateTimestampSince', () => {
    const now = Date.parse('2025-03-01T12:00:00Z');
    expect(since('2025-03-01T11:59:30Z', now)).toBe('30s');
    expect(since('2025-03-01T11:55:00Z', now)).toBe('5m');
    expect(since('2025-03-01T12:00:10Z', now)).toBe('<invalid>');
    expect(since(undefined, now)).toBe('<unknown>');
  });

  it('prints selectors sorted by key with sorted value sets', () => {
    const ls = { matchLabels: { b: '2', a: '1' }, matchExpressions: [{ key: 'c', operator: 'In', values: ['z', 'y'] }, { key: '0', operator: 'DoesNotExist' }, { key: 'd', operator: 'Exists' }, { key: 'e', operator: 'NotIn', values: ['q'] }] };
    expect(selectorString(ls)).toBe('!0,a=1,b=2,c in (y,z),d,e notin (q)');
    expect(selectorString({})).toBe('');
    expect(selectorString(undefined)).toBe('');
    expect(formatLabelSelector({})).toBe('<none>');
    expect(formatLabelSelector(undefined)).toBe('<none>');
    expect(setSelectorString({ tier: 'web', app: 'shop' })).toBe('app=shop,tier=web');
  });

  it("prints Go's %v of slices and maps", () => {
    expect(goList(undefined)).toBe('[]');
    expect(goList(['get', 'list'])).toBe('[get list]');
    expect(goMap({ b: '2', a: '1' })).toBe('map[a:1 b:2]');
    expect(goMap(undefined)).toBe('map[]');
  });
});
