// Go-compatible JSON text and %v formatting used on the wire and in upstream error texts.
import { describe, expect, it } from 'vitest';
import { compareGoStrings, goFloat, goSprint, goTypeName } from '../../../../src/engine/api/patch/go-format';
import { stableStringify } from '../../../../src/engine/api/patch/stable-stringify';

describe('stableStringify', () => {
  it.each([
    ['sorted keys at every level', { b: 1, a: { d: [{ z: 1, y: 2 }], c: null } }, '{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}'],
    ['$ directives sort before letters', { containers: [], '$setElementOrder/containers': [] }, '{"$setElementOrder/containers":[],"containers":[]}'],
    ['HTML-safe escapes like encoding/json', { s: '<a href="x">&</a>' }, '{"s":"\\u003ca href=\\"x\\"\\u003e\\u0026\\u003c/a\\u003e"}'],
    ['line and paragraph separators escaped', { s: 'a\u2028b\u2029' }, '{"s":"a\\u2028b\\u2029"}'],
    ['control characters', { s: '\n\t\u0001' }, '{"s":"\\n\\t\\u0001"}'],
    ['numbers as Go prints float64/int64', [1, -0, 1.5, 1e21, 1e-7, 123456789], '[1,0,1.5,1e+21,1e-7,123456789]'],
    ['undefined members are skipped', { a: undefined, b: 1 }, '{"b":1}'],
    ['byte order for keys beyond the BMP', { '\u{1F600}': 1, '\uFFFD': 2, z: 3 }, '{"z":3,"\uFFFD":2,"\u{1F600}":1}'],
    ['lone surrogates become U+FFFD', { s: 'a\ud800b' }, '{"s":"a\uFFFDb"}'],
  ])('%s', (_name, value, expected) => {
    expect(stableStringify(value)).toBe(expected);
  });
});

describe('Go formatting helpers', () => {
  it.each([
    [1234567, '1234567'],
    [1234567.5, '1.2345675e+06'],
    [123456.5, '123456.5'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1e21, '1e+21'],
  ])('formats %s with %%v', (n, expected) => {
    expect(Number.isInteger(n) && Math.abs(n) < 2 ** 63 ? goSprint(n) : goFloat(n)).toBe(expected);
  });

  it('prints maps and slices like fmt', () => {
    expect(goSprint({ b: [1, 'x', null, true], a: { z: 'q r' }, $patch: 'delete' })).toBe(
      'map[$patch:delete a:map[z:q r] b:[1 x <nil> true]]',
    );
  });

  it('names decoded JSON types as reflect does', () => {
    expect([{}, [], 'a', true, 1, 1.5, null].map(goTypeName)).toEqual([
      'map[string]interface {}',
      '[]interface {}',
      'string',
      'bool',
      'int64',
      'float64',
      '%!s(<nil>)',
    ]);
  });

  it('compares strings byte-wise', () => {
    expect(['b', 'B', '$x', 'a', '\uFFFD', '\u{1F600}'].sort(compareGoStrings)).toEqual(['$x', 'B', 'a', 'b', '\uFFFD', '\u{1F600}']);
  });
});
