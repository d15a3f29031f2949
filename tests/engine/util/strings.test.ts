// flat(): the same string value back, whatever way it was built.
import { describe, expect, it } from 'vitest';
import { flat, flatSink } from '../../../src/engine/util/strings';

describe('flat', () => {
  it.each([
    ['short', 'abc'],
    ['empty', ''],
    ['concatenated', ['kubelet', 'worker-1', 'Pod', 'bench', 'app-0-abcde'].join('\0') + `\0${String(12345)}`],
    ['template', `${'x'.repeat(7)}/${'y'.repeat(9)}`],
  ])('%s', (_name, s) => {
    const before = flatSink();
    expect(flat(s)).toBe(s);
    // Only strings long enough to be ropes are read.
    if (s.length < 13) expect(flatSink()).toBe(before);
    else expect(flatSink()).not.toBe(before);
  });
});
