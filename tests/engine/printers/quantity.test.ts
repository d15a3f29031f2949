import { describe, expect, it } from 'vitest';
import { canonicalQuantity, quantityOrNil, quantityOrZero } from '../../../src/engine/printers/quantity';

// Expected strings are what apimachinery's Quantity.String() returns after ParseQuantity.
describe('canonicalQuantity', () => {
  it.each([
    ['0', '0'],
    ['0Gi', '0'],
    ['100m', '100m'],
    ['0.5', '500m'],
    ['1000m', '1'],
    ['1500m', '1500m'],
    ['2000', '2k'],
    ['1500', '1500'],
    ['1e3', '1e3'],
    ['1.5e3', '1500'],
    ['1E6', '1e6'],
    ['12e-3', '12e-3'],
    ['1Gi', '1Gi'],
    ['1024Mi', '1Gi'],
    ['1000Mi', '1000Mi'],
    ['1.5Gi', '1536Mi'],
    ['0.5Ki', '512'],
    ['1.5Ki', '1536'],
    ['1536', '1536'],
    ['536870912', '536870912'],
    ['4Gi', '4Gi'],
    ['10G', '10G'],
    ['10000M', '10G'],
    ['1k', '1k'],
    ['1K', '1K'], // not a suffix: left as sent
    ['0.1m', '100u'],
    ['0.0000000001', '1n'],
    ['-100m', '-100m'],
    ['+5', '5'],
    ['007', '7'],
    ['1.', '1'],
  ])('%s → %s', (input, want) => {
    expect(canonicalQuantity(input)).toBe(want);
  });

  it('numbers and unparsable input', () => {
    expect(canonicalQuantity(2)).toBe('2');
    expect(canonicalQuantity(0.25)).toBe('250m');
    expect(canonicalQuantity('abc')).toBe('abc');
  });

  it('missing map entries are zero, nil pointers <nil>', () => {
    expect(quantityOrZero(undefined)).toBe('0');
    expect(quantityOrNil(undefined)).toBe('<nil>');
    expect(quantityOrNil('2Gi')).toBe('2Gi');
  });
});
