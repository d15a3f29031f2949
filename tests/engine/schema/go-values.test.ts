// The value parsers behind the custom UnmarshalJSON checks: Quantity, base64, RFC 3339 time, duration.
import { describe, expect, it } from 'vitest';
import {
  base64Error, durationError, ERR_QUANTITY_FORMAT, ERR_QUANTITY_SUFFIX, quantityError, rfc3339Error,
} from '../../../src/engine/schema/check/go-values';

describe('quantityError', () => {
  it.each(['0', '1', '100m', '1.5', '1.5Gi', '128Mi', '1e3', '1E3', '1E', '-1', '+2k', '0.5', '.5', '1.', '500u', '3n', '1e-3', '12Ki', '00012'])('%s parses', (q) => {
    expect(quantityError(q)).toBeUndefined();
  });
  it.each([
    ['', ERR_QUANTITY_FORMAT],
    ['abc', ERR_QUANTITY_FORMAT],
    ['1Gix', ERR_QUANTITY_FORMAT],
    ['1 Gi', ERR_QUANTITY_FORMAT],
    ['1.5.5', ERR_QUANTITY_FORMAT],
    ['1ki', ERR_QUANTITY_SUFFIX],
    ['1e', ERR_QUANTITY_SUFFIX],
    ['1KB', ERR_QUANTITY_FORMAT],
    ['1Ki2', ERR_QUANTITY_SUFFIX],
  ])('%j fails with %s', (q, err) => {
    expect(quantityError(q)).toBe(err);
  });
});

describe('base64Error', () => {
  it.each([
    ['', undefined],
    ['aGVsbG8=', undefined],
    ['aGVsbG8h', undefined],
    ['aGVs\nbG8=', undefined],
    ['plaintext!', 'illegal base64 data at input byte 9'],
    ['aGVsbG8', 'illegal base64 data at input byte 4'],
    ['a===', 'illegal base64 data at input byte 1'],
    ['aGVsbG8=x', 'illegal base64 data at input byte 8'],
    ['aGU=', undefined],
    ['aG==', undefined],
    ['aG=x', 'illegal base64 data at input byte 2'],
    ['aG=', 'illegal base64 data at input byte 3'],
  ])('%j', (s, want) => {
    expect(base64Error(s)).toBe(want);
  });
});

describe('rfc3339Error', () => {
  it.each(['2024-02-29T10:00:00Z', '2024-01-01T00:00:00.123456789+02:00', '2024-01-01T5:00:00Z'])('%s parses', (t) => {
    expect(rfc3339Error(t)).toBeUndefined();
  });
  it.each([
    ['yesterday', 'parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"'],
    ['2024-01-01', 'parsing time "2024-01-01" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T"'],
    ['2024-01-01 10:00:00Z', 'parsing time "2024-01-01 10:00:00Z" as "2006-01-02T15:04:05Z07:00": cannot parse " 10:00:00Z" as "T"'],
    ['2024-1-01T00:00:00Z', 'parsing time "2024-1-01T00:00:00Z" as "2006-01-02T15:04:05Z07:00": cannot parse "1-01T00:00:00Z" as "01"'],
    ['2024-13-01T00:00:00Z', 'parsing time "2024-13-01T00:00:00Z": month out of range'],
    ['2023-02-29T00:00:00Z', 'parsing time "2023-02-29T00:00:00Z": day out of range'],
    ['2024-01-01T00:00:00', 'parsing time "2024-01-01T00:00:00" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "Z07:00"'],
    ['2024-01-01T00:00:00Zjunk', 'parsing time "2024-01-01T00:00:00Zjunk": extra text: "junk"'],
  ])('%j', (t, want) => {
    expect(rfc3339Error(t)).toBe(want);
  });
});

describe('durationError', () => {
  it.each([
    ['15s', undefined],
    ['1h30m', undefined],
    ['0', undefined],
    ['-1.5h', undefined],
    ['10', 'time: missing unit in duration "10"'],
    ['10x', 'time: unknown unit "x" in duration "10x"'],
    ['abc', 'time: invalid duration "abc"'],
    ['', 'time: invalid duration ""'],
  ])('%j', (d, want) => {
    expect(durationError(d)).toBe(want);
  });
});
