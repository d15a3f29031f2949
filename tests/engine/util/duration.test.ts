// AGE columns: HumanDuration exactly as apimachinery formats it.
import { describe, expect, it } from 'vitest';
import { humanDuration, shortHumanDuration } from '../../../src/engine/util/duration';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('humanDuration', () => {
  const cases: [number, string][] = [
    [-2 * S, '<invalid>'],
    [-500, '0s'],
    [0, '0s'],
    [45 * S, '45s'],
    [119 * S, '119s'],
    [2 * M, '2m'],
    [3 * M + 2 * S, '3m2s'],
    [9 * M + 59 * S, '9m59s'],
    [10 * M, '10m'],
    [179 * M, '179m'],
    [3 * H, '3h'],
    [5 * H + 30 * M, '5h30m'],
    [8 * H, '8h'],
    [47 * H, '47h'],
    [2 * D, '2d'],
    [2 * D + 3 * H, '2d3h'],
    [8 * D, '8d'],
    [729 * D, '729d'],
    [3 * 365 * D + 45 * D, '3y45d'],
    [9 * 365 * D, '9y'],
  ];
  for (const [ms, want] of cases) it(`${ms} ms → ${want}`, () => expect(humanDuration(ms)).toBe(want));
});

describe('shortHumanDuration', () => {
  it('uses one unit', () => {
    expect([59 * S, 61 * S, 2 * H, 3 * D, 800 * D].map(shortHumanDuration)).toEqual(['59s', '1m', '2h', '3d', '2y']);
  });
});
