import { describe, expect, it } from 'vitest';
import { formatLabelSelector, formatLabels, labelSelectorString, layoutContainerCells, listWithMoreString } from '../../../src/engine/printers/format';
import { rfc3339 } from '../../../src/engine/printers/default';

describe('formatLabels', () => {
  it.each([
    [undefined, '<none>'],
    [{}, '<none>'],
    [{ foo: 'bar' }, 'foo=bar'],
    // Sorted as whole "k=v" strings: '.' sorts before '='.
    [{ a: '2', 'a.b': '1', B: 'x' }, 'B=x,a.b=1,a=2'],
  ])('%j', (labels, want) => {
    expect(formatLabels(labels)).toBe(want);
  });
});

describe('label selectors', () => {
  it.each([
    [undefined, '', '<none>'],
    [{}, '', '<none>'],
    [{ matchLabels: { b: '1', a: '2' } }, 'a=2,b=1', 'a=2,b=1'],
    [{ matchExpressions: [{ key: 'x', operator: 'In', values: ['b', 'a'] }] }, 'x in (a,b)', 'x in (a,b)'],
    [{ matchExpressions: [{ key: 'x', operator: 'NotIn', values: ['a'] }] }, 'x notin (a)', 'x notin (a)'],
    [{ matchExpressions: [{ key: 'x', operator: 'Exists' }, { key: 'w', operator: 'DoesNotExist' }] }, '!w,x', '!w,x'],
    [{ matchExpressions: [{ key: 'x', operator: 'Bogus', values: ['a'] }] }, undefined, '<error>'],
    [{ matchExpressions: [{ key: 'x', operator: 'Exists', values: ['a'] }] }, undefined, '<error>'],
  ])('%j', (selector, text, formatted) => {
    expect(labelSelectorString(selector)).toBe(text);
    expect(formatLabelSelector(selector)).toBe(formatted);
  });
});

describe('small helpers', () => {
  it('layoutContainerCells', () => {
    expect(layoutContainerCells([{ name: 'a', image: 'i1' }, { name: 'b' }])).toEqual(['a,b', 'i1,']);
    expect(layoutContainerCells(undefined)).toEqual(['', '']);
  });
  it('listWithMoreString', () => {
    expect(listWithMoreString([], false, 0, 3)).toBe('<unset>');
    expect(listWithMoreString(['a', 'b', 'c'], true, 5, 3)).toBe('a,b,c + 2 more...');
  });
  it('rfc3339 drops fractions and uses the Go zero time when unset', () => {
    expect(rfc3339('2025-01-02T03:04:05Z')).toBe('2025-01-02T03:04:05Z');
    expect(rfc3339('2025-01-02T03:04:05.987654Z')).toBe('2025-01-02T03:04:05Z');
    expect(rfc3339('2025-01-02T05:04:05+02:00')).toBe('2025-01-02T03:04:05Z');
    expect(rfc3339(undefined)).toBe('0001-01-01T00:00:00Z');
  });
});
