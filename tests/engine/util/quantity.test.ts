import { describe, expect, it } from 'vitest';
import {
  ERR_QUANTITY_FORMAT,
  ERR_QUANTITY_SUFFIX,
  Quantity,
  canonicalQuantity,
  milliValueOf,
  parseQuantity,
  quantityParseError,
  tryParseQuantity,
  valueOf,
} from '../../../src/engine/util/quantity';

describe('Quantity.String() (canonical form)', () => {
  // [input, String()] — inputs upstream keeps verbatim stay, others are canonicalised.
  const table: Array<[string, string]> = [
    ['100m', '100m'],
    ['1', '1'],
    ['1.5', '1500m'],
    ['0.5', '500m'],
    ['1000m', '1'],
    ['2Gi', '2Gi'],
    ['500Mi', '500Mi'],
    ['123Mi', '123Mi'],
    ['1536Mi', '1536Mi'],
    ['1.5Gi', '1536Mi'],
    ['0.5Gi', '512Mi'],
    ['1024Mi', '1Gi'],
    ['1000M', '1G'],
    ['1e3', '1e3'],
    ['1E3', '1E3'],
    ['1.5e3', '1500'],
    ['1k', '1k'],
    ['128974848', '128974848'],
    ['129e6', '129e6'],
    ['129M', '129M'],
    ['.001Ki', '1024m'],
    ['.000001Ki', '1024u'],
    ['.000000001Ki', '1024n'],
    ['.000000000001Ki', '2n'],
    ['0', '0'],
    ['0m', '0'],
    ['00', '0'],
    ['-100m', '-100m'],
    ['-1.5', '-1500m'],
    ['1Ki', '1Ki'],
    ['8Gi', '8Gi'],
    ['1.0', '1'],
    ['1.0000000001', '1000000001n'],
    ['10000T', '10P'],
    ['100000', '100k'],
    ['1500', '1500'],
  ];
  it.each(table)('%s → %s', (input, expected) => {
    expect(parseQuantity(input).toString()).toBe(expected);
    expect(canonicalQuantity(input)).toBe(expected);
  });

  it('accepts JSON numbers as their text', () => {
    expect(parseQuantity(0.5).toString()).toBe('500m');
    expect(parseQuantity(2).toString()).toBe('2');
  });
});

describe('parse errors', () => {
  it.each([
    ['', ERR_QUANTITY_FORMAT],
    ['abc', ERR_QUANTITY_FORMAT],
    ['1.5.5', ERR_QUANTITY_FORMAT],
    ['1Kb', ERR_QUANTITY_FORMAT],
    ['1 Gi', ERR_QUANTITY_FORMAT],
    ['1K', ERR_QUANTITY_SUFFIX],
    ['1e', ERR_QUANTITY_SUFFIX],
    ['1mi', ERR_QUANTITY_SUFFIX],
  ])('%j → %s', (input, message) => {
    expect(() => Quantity.parse(input)).toThrow(message);
    expect(quantityParseError(input)).toBe(message);
  });

  it('states the regular expression exactly', () => {
    expect(ERR_QUANTITY_FORMAT).toBe("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    expect(tryParseQuantity('x')).toBeUndefined();
    expect(quantityParseError('1Gi')).toBeUndefined();
  });
});

describe('values and arithmetic', () => {
  it('milliValue and value round up like ScaledValue', () => {
    expect(parseQuantity('100m').milliValue()).toBe(100);
    expect(parseQuantity('1.5').milliValue()).toBe(1500);
    expect(parseQuantity('1n').milliValue()).toBe(1);
    expect(parseQuantity('1500m').value()).toBe(2);
    expect(parseQuantity('2Gi').value()).toBe(2147483648);
    expect(parseQuantity('-1.5').value()).toBe(-1);
    expect(milliValueOf('250m')).toBe(250);
    expect(milliValueOf(undefined)).toBe(0);
    expect(valueOf('1k')).toBe(1000);
  });

  it('compares across formats', () => {
    expect(parseQuantity('1').cmp(parseQuantity('1000m'))).toBe(0);
    expect(parseQuantity('1Gi').cmp(parseQuantity('1G'))).toBe(1);
    expect(parseQuantity('100m').cmp(parseQuantity('0.2'))).toBe(-1);
  });

  it('adds and subtracts, keeping the first non-zero format', () => {
    expect(parseQuantity('100m').add(parseQuantity('400m')).toString()).toBe('500m');
    expect(parseQuantity('1Gi').add(parseQuantity('512Mi')).toString()).toBe('1536Mi');
    expect(Quantity.ZERO.add(parseQuantity('1Gi')).toString()).toBe('1Gi');
    expect(parseQuantity('1').sub(parseQuantity('1500m')).toString()).toBe('-500m');
  });

  it('rounds resource lists up to milli precision', () => {
    expect(parseQuantity('0.0001').roundUpToMilli().toString()).toBe('1m');
    expect(parseQuantity('100m').roundUpToMilli().toString()).toBe('100m');
  });

  it('caps binary quantities at MaxInt64', () => {
    expect(parseQuantity('100Ei').toString()).toBe('9223372036854775807');
  });
});
