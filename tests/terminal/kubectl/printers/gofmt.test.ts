// Go formatting rules reproduced for unstructured values: fmt %v / %#v, strconv 'g', Quote, %#U.
import { describe, expect, it } from 'vitest';
import {
  compareGoStrings, formatFloatG, formatGoNumber, goQuote, goSprint, goSyntax, goUnicodeVerb, utf8Length, utf8Prefix,
} from '../../../../src/terminal/kubectl/printers/gofmt';

describe('formatFloatG (strconv.FormatFloat(f, g, -1, 64))', () => {
  it.each([
    [0.5, '0.5'], [1.5, '1.5'], [100000, '100000'], [1e6, '1e+06'], [1234567.5, '1.2345675e+06'], [123456.7, '123456.7'],
    [0.0001, '0.0001'], [0.00001, '1e-05'], [1e21, '1e+21'], [1e100, '1e+100'], [-2.5, '-2.5'], [1.7976931348623157e308, '1.7976931348623157e+308'],
    [5e-324, '5e-324'], [0, '0'], [NaN, 'NaN'], [Infinity, '+Inf'], [-Infinity, '-Inf'], [0.1 + 0.2, '0.30000000000000004'],
  ])('%d → %s', (n, s) => expect(formatFloatG(n)).toBe(s));
});

describe('formatGoNumber (int64 or float64 %v)', () => {
  it.each([[3, '3'], [-42, '-42'], [1e6, '1000000'], [1e18, '1000000000000000000'], [2.5, '2.5'], [1e19, '1e+19']])('%d → %s', (n, s) =>
    expect(formatGoNumber(n)).toBe(s),
  );
});

describe('goSprint (fmt.Sprint)', () => {
  it.each([
    ['x', 'x'], [null, '<nil>'], [true, 'true'], [[1, 'a', null], '[1 a <nil>]'], [{ b: 1, a: [2] }, 'map[a:[2] b:1]'], [{}, 'map[]'], [[], '[]'],
  ])('%j → %s', (v, s) => expect(goSprint(v)).toBe(s));
});

describe('goSyntax (fmt %#v)', () => {
  it.each([
    [{ a: 'x', b: null, c: [1, 2.5], d: {} }, 'map[string]interface {}{"a":"x", "b":interface {}(nil), "c":[]interface {}{1, 2.5}, "d":map[string]interface {}{}}'],
    [null, '<nil>'],
    ['q"\n', '"q\\"\\n"'],
  ])('%j', (v, s) => expect(goSyntax(v)).toBe(s));
});

describe('goQuote (strconv.Quote)', () => {
  it.each([
    ['abc', '"abc"'], ['a"b\\c', '"a\\"b\\\\c"'], ['\n\t\r\x07\x08\x0c\x0b', '"\\n\\t\\r\\a\\b\\f\\v"'], ['\x1b\x7f', '"\\x1b\\x7f"'],
    ['héllo ✓ 😀', '"héllo ✓ 😀"'], ['\u00a0\u200b', '"\\u00a0\\u200b"'], ['{.foo', '"{.foo"'],
  ])('%j → %s', (s, q) => expect(goQuote(s)).toBe(q));
});

describe('helpers', () => {
  it('%#U', () => {
    expect(goUnicodeVerb(0x2a)).toBe("U+002A '*'");
    expect(goUnicodeVerb(0x09)).toBe('U+0009');
    expect(goUnicodeVerb(0x1f600)).toBe("U+1F600 '😀'");
  });
  it('Go string order is UTF-8 byte order', () => {
    expect(['b', 'a', 'B', '\uffff', '😀', 'é'].sort(compareGoStrings)).toEqual(['B', 'a', 'b', 'é', '\uffff', '😀']);
  });
  it('UTF-8 lengths and byte prefixes', () => {
    expect(utf8Length('aé✓😀')).toBe(1 + 2 + 3 + 4);
    expect(utf8Prefix('aé✓', 3)).toBe('aé');
    expect(utf8Prefix('aé✓', 4)).toBe('aé\ufffd');
    expect(utf8Prefix('abc', 10)).toBe('abc');
  });
});
