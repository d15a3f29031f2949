import { describe, expect, it } from 'vitest';
import { firstPendingIndexes, formatIntervals, generateNameWithIndex, hasIndex, parseIntervals, withIndexes } from '../../../../src/engine/controllers/job/indexed';
import type { Pod } from 'kubernetes-types/core/v1';

const iv = (...pairs: [number, number][]) => pairs.map(([first, last]) => ({ first, last }));
const podAt = (ix: number): Pod => ({ metadata: { annotations: { 'batch.kubernetes.io/job-completion-index': String(ix) } } });

describe('indexed job intervals', () => {
  it.each([
    [iv(), ''],
    [iv([0, 0]), '0'],
    [iv([0, 1]), '0,1'],
    [iv([1, 1], [3, 5], [7, 7]), '1,3-5,7'],
    [iv([0, 9]), '0-9'],
  ])('formats %j as %s', (intervals, text) => {
    expect(formatIntervals(intervals)).toBe(text);
  });

  it.each([
    ['1,3-5,7', 10, iv([1, 1], [3, 5], [7, 7])],
    ['0,1,2', 10, iv([0, 2])],
    ['2-8', 5, iv([2, 4])],
    ['6,x,1', 5, iv()],
    ['1,x,3', 5, iv([1, 1], [3, 3])],
  ])('parses %s with completions %d', (text, completions, want) => {
    expect(parseIntervals(text, completions)).toEqual(want);
  });

  it('merges new indexes into intervals', () => {
    expect(withIndexes(iv([1, 1], [5, 6]), [0, 2, 3, 4, 9])).toEqual(iv([0, 6], [9, 9]));
    expect(hasIndex(iv([1, 3], [7, 7]), 2)).toBe(true);
    expect(hasIndex(iv([1, 3], [7, 7]), 5)).toBe(false);
  });

  it('picks the lowest indexes neither succeeded nor running', () => {
    expect(firstPendingIndexes([podAt(1), podAt(4)], iv([0, 0], [2, 2]), 3, 8)).toEqual([3, 5, 6]);
    expect(firstPendingIndexes([], iv(), 2, 1)).toEqual([0]);
    expect(firstPendingIndexes([podAt(0)], iv([1, 4]), 5, 5)).toEqual([]);
  });

  it('names pods <job>-<index>- and shortens long job names', () => {
    expect(generateNameWithIndex('pi', 3)).toBe('pi-3-');
    const long = 'x'.repeat(70);
    const name = generateNameWithIndex(long, 12);
    expect(name).toHaveLength(58);
    expect(name.endsWith('-12-')).toBe(true);
  });
});
