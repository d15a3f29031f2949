// sigs.k8s.io/yaml + go-yaml v2 output, case by case (expectations checked against kubectl v1.32's
// `-o yaml`; the larger objects are covered by the golden tests).
import { describe, expect, it } from 'vitest';
import { YamlPrinter, listOf, printYaml, toYaml } from '../../../../src/terminal/kubectl/printers/yaml';
import { isBase60Float, resolvesToString, yamlKeyLess } from '../../../../src/terminal/kubectl/printers/yaml-scalar';

const scalarCases: [string, unknown, string][] = [
  ['plain string', 'nginx', 'v: nginx\n'],
  ['bool-like true', 'true', 'v: "true"\n'],
  ['bool-like False', 'False', 'v: "False"\n'],
  ['YAML 1.1 yes', 'yes', 'v: "yes"\n'],
  ['YAML 1.1 y', 'y', 'v: "y"\n'],
  ['YAML 1.1 on', 'on', 'v: "on"\n'],
  ['YAML 1.1 OFF', 'OFF', 'v: "OFF"\n'],
  ['not a bool: yess', 'yess', 'v: yess\n'],
  ['null', 'null', 'v: "null"\n'],
  ['tilde', '~', 'v: "~"\n'],
  ['empty', '', 'v: ""\n'],
  ['int', '1', 'v: "1"\n'],
  ['negative int', '-1', 'v: "-1"\n'],
  ['plus int', '+1', 'v: "+1"\n'],
  ['float', '1.5', 'v: "1.5"\n'],
  ['exponent', '1e3', 'v: "1e3"\n'],
  ['leading dot', '.5', 'v: ".5"\n'],
  ['octal', '0755', 'v: "0755"\n'],
  ['invalid octal is still a float', '08', 'v: "08"\n'],
  ['hex', '0x1F', 'v: "0x1F"\n'],
  ['binary', '0b101', 'v: "0b101"\n'],
  ['underscores', '1_000', 'v: "1_000"\n'],
  ['too big for int64/uint64', '123456789012345678901234567890', 'v: "123456789012345678901234567890"\n'],
  ['.inf', '.inf', 'v: ".inf"\n'],
  ['.NaN', '.NaN', 'v: ".NaN"\n'],
  ['a lone dot', '.', 'v: .\n'],
  ['a lone dash', '-', "v: '-'\n"],
  ['timestamp', '2024-01-15T10:00:00Z', 'v: "2024-01-15T10:00:00Z"\n'],
  ['date', '2024-01-15', 'v: "2024-01-15"\n'],
  ['not a date (month 13)', '2024-13-01', 'v: 2024-13-01\n'],
  ['base 60', '1:20', 'v: "1:20"\n'],
  ['not base 60', '1:70', 'v: 1:70\n'],
  ['version', 'v1.32.4', 'v: v1.32.4\n'],
  ['image with tag', 'nginx:1.25', 'v: nginx:1.25\n'],
  ['colon space', 'a: b', "v: 'a: b'\n"],
  ['trailing colon', 'a:', "v: 'a:'\n"],
  ['hash after space', 'a #b', "v: 'a #b'\n"],
  ['hash inside word', 'a#b', 'v: a#b\n'],
  ['leading hash', '#x', "v: '#x'\n"],
  ['leading dash space', '- x', "v: '- x'\n"],
  ['leading dash', '-x', 'v: -x\n'],
  ['document marker', '---', "v: '---'\n"],
  ['ellipsis', '...', "v: '...'\n"],
  ['leading star', '*x', "v: '*x'\n"],
  ['leading ampersand', '&x', "v: '&x'\n"],
  ['leading bang', '!x', "v: '!x'\n"],
  ['leading percent', '%x', "v: '%x'\n"],
  ['leading at', '@x', "v: '@x'\n"],
  ['leading backtick', '`x', "v: '`x'\n"],
  ['leading brace', '{x}', "v: '{x}'\n"],
  ['leading bracket', '[x]', "v: '[x]'\n"],
  ['leading pipe', '|x', "v: '|x'\n"],
  ['leading gt', '>x', "v: '>x'\n"],
  ['leading question', '?x', 'v: ?x\n'],
  ['question space', '? x', "v: '? x'\n"],
  ['comma inside', 'a,b', 'v: a,b\n'],
  ['leading double quote', '"x"', `v: '"x"'\n`],
  ['quote inside', "it's", "v: it's\n"],
  ['leading single quote', "'x'", `v: '''x'''\n`],
  ['leading space', ' x', "v: ' x'\n"],
  ['trailing space', 'x ', "v: 'x '\n"],
  ['tab', 'a\tb', 'v: "a\\tb"\n'],
  ['escape char', 'a\x1bb', 'v: "a\\eb"\n'],
  ['carriage return', 'a\rb', 'v: "a\\rb"\n'],
  ['NUL', 'a\0b', 'v: "a\\0b"\n'],
  ['NEL folds to a space in the JSON to YAML re-parse', 'a\x85b', 'v: a b\n'],
  ['NEL with blanks around', 'a \x85 b', 'v: a b\n'],
  ['two NELs make a newline', 'a\x85\x85b', 'v: |-\n  a\n  b\n'],
  ['leading NEL', '\x85ab', "v: ' ab'\n"],
  ['emoji', 'hi 😀', 'v: "hi \\U0001F600"\n'],
  ['BMP unicode', 'héllo wörld ✓', 'v: héllo wörld ✓\n'],
  ['non-breaking space', 'a\u00a0b', 'v: a\u00a0b\n'],
  ['byte order mark', '\ufeffx', 'v: "\\uFEFF\\x78"\n'],
  ['literal with clip', 'line1\nline2\n', 'v: |\n  line1\n  line2\n'],
  ['literal with strip', 'line1\nline2', 'v: |-\n  line1\n  line2\n'],
  ['literal with keep', 'x\n\n', 'v: |+\n  x\n\n'],
  ['just a newline', '\n', 'v: |4+\n\n'.replace('4', '2')],
  ['literal with leading space', ' x\ny', 'v: |2-\n   x\n  y\n'],
  ['literal keeps blank lines without indentation', 'a\n\nb\n', 'v: |\n  a\n\n  b\n'],
  ['space before newline: double quoted', 'a \nb', 'v: "a \\nb"\n'],
  ['trailing space on a multi-line value', 'a\nb ', 'v: "a\\nb "\n'],
  ['long plain value folds at 80 columns', 'aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq rrrr',
    'v: aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp\n  qqqq rrrr\n'],
  ['a long word is never broken', 'x'.repeat(100), `v: ${'x'.repeat(100)}\n`],
  ['double spaces are not folded', `${'a'.repeat(79)}  b`, `v: ${'a'.repeat(79)}  b\n`],
  ['numbers: int', 3, 'v: 3\n'],
  ['numbers: negative', -42, 'v: -42\n'],
  ['numbers: float', 0.5, 'v: 0.5\n'],
  ['numbers: big integer', 1000000, 'v: 1000000\n'],
  ['numbers: float with exponent', 1234567.5, 'v: 1.2345675e+06\n'],
  ['numbers: tiny', 0.00001, 'v: 1e-05\n'],
  ['numbers: 1e21', 1e21, 'v: 1e+21\n'],
  ['numbers: past int64', 1e20, 'v: 100000000000000000000\n'.replace('100000000000000000000', '1e+20')],
  ['numbers: within uint64', 1e19, 'v: 10000000000000000000\n'],
  ['bool', true, 'v: true\n'],
  ['null', null, 'v: null\n'],
  ['empty map', {}, 'v: {}\n'],
  ['empty list', [], 'v: []\n'],
];

describe('scalars', () => {
  it.each(scalarCases)('%s', (_name, value, expected) => expect(toYaml({ v: value })).toBe(expected));
});

describe('structure', () => {
  it('sorts keys, indents maps by two and sequences not at all under their key', () => {
    const obj = {
      spec: { containers: [{ name: 'web', image: 'nginx', args: ['--a', '--b'], env: [{ value: '1', name: 'X' }] }], replicas: 2 },
      kind: 'Pod',
      apiVersion: 'v1',
    };
    expect(toYaml(obj)).toBe(
      'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - args:\n    - --a\n    - --b\n    env:\n    - name: X\n      value: "1"\n' +
        '    image: nginx\n    name: web\n  replicas: 2\n',
    );
  });

  it('nests sequences and empty collections inline', () => {
    expect(toYaml({ l: [1, [2, [3]], {}, [], { a: [] }, null] })).toBe('l:\n- 1\n- - 2\n  - - 3\n- {}\n- []\n- a: []\n- null\n');
  });

  it('orders keys like go-yaml: letters first, digit runs numerically', () => {
    const keys = ['b1', 'a10', 'a9', 'A', '_b', '1x', 'a-b', 'a.b', 'a_b', 'b01', 'b001', 'app.kubernetes.io/name'];
    const obj = Object.fromEntries(keys.map((k) => [k, 'v']));
    expect(toYaml(obj)).toBe(
      '_b: v\n1x: v\nA: v\na-b: v\na.b: v\na_b: v\na9: v\na10: v\napp.kubernetes.io/name: v\nb1: v\nb01: v\nb001: v\n',
    );
  });

  it('quotes keys that would read back as something else', () => {
    expect(toYaml({ true: 1, n: 2, '': 3, '1': 4, 'sp key': 5 })).toBe('"": 3\n"1": 4\n"n": 2\nsp key: 5\n"true": 1\n');
  });

  it('writes keys over 128 bytes and multi-line keys as complex keys', () => {
    const long = 'k'.repeat(129);
    expect(toYaml({ [long]: 'v', 'a\nb': 'w' })).toBe(`? |-\n  a\n  b\n: w\n? ${long}\n: v\n`);
  });

  it('drops undefined members like JSON does', () => {
    expect(toYaml({ a: undefined, b: [undefined, 1] })).toBe('b:\n- null\n- 1\n');
  });

  it('prints a last-applied annotation as a literal block', () => {
    const obj = { metadata: { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1","kind":"Pod"}\n' } } };
    expect(toYaml(obj)).toBe(
      'metadata:\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: |\n      {"apiVersion":"v1","kind":"Pod"}\n',
    );
  });

  it('folds long quoted values too', () => {
    const v = `"${'word '.repeat(20).trim()}"`;
    expect(toYaml({ message: v })).toBe(
      `message: '"word word word word word word word word word word word word word word word\n  word word word word word"'\n`,
    );
  });
});

describe('printers', () => {
  it('wraps items in a v1 List with an empty resourceVersion', () => {
    expect(printYaml(listOf([{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' } }]))).toBe(
      'apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: a\nkind: List\nmetadata:\n  resourceVersion: ""\n',
    );
  });

  it('separates later documents with ---', () => {
    const p = new YamlPrinter();
    expect(p.printObj({ kind: 'A' })).toBe('kind: A\n');
    expect(p.printObj({ kind: 'B' })).toBe('---\nkind: B\n');
    expect(p.printWatchEvent('ADDED', { kind: 'C' })).toBe('---\nobject:\n  kind: C\ntype: ADDED\n');
  });

  it.each(['a\x7fb', 'a\x80b', 'a\ufffeb'])('fails like kubectl on control character in %j', (v) => {
    expect(() => toYaml({ v })).toThrow('yaml: control characters are not allowed');
  });

  it('refuses objects without kind', () => {
    expect(() => printYaml({ metadata: {} })).toThrow('missing apiVersion or kind');
  });
});

describe('resolution helpers', () => {
  it.each([
    ['abc', true], ['Yes', false], ['NO', false], ['Null', false], ['12', false], ['1.2.3', true], ['2024-01-01 10:00:00', false],
    ['2024-02-30', true], ['-.inf', false], ['+.Inf', false], ['0o17', false], ['1e', true],
  ])('resolvesToString(%j) = %j', (s, expected) => expect(resolvesToString(s)).toBe(expected));

  it.each([['1:20', true], ['190:20:30', true], ['1:60', false], ['a:1', false], ['-1:30.5', true]])('isBase60Float(%j) = %j', (s, e) =>
    expect(isBase60Float(s)).toBe(e),
  );

  it.each([['a', 'b', true], ['a9', 'a10', true], ['a10', 'a9', false], ['A', 'a', true], ['_', 'a', true], ['a', 'ab', true], ['b01', 'b1', false], ['x0', 'x00', true]])(
    'yamlKeyLess(%j, %j) = %j',
    (a, b, e) => expect(yamlKeyLess(a, b)).toBe(e),
  );
});
