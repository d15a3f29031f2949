// client-go JSONPath: parser and evaluator cases mirrored from client-go's parser_test.go and
// jsonpath_test.go (adapted to JSON data: map keys iterate in sorted order here), plus kubectl's
// printer errors and the relaxed expressions of custom-columns / --sort-by.
import { describe, expect, it } from 'vitest';
import { parseTemplate, type JPNode } from '../../../../src/terminal/kubectl/printers/jsonpath-parser';
import { JSONPath, relaxedJSONPathExpression } from '../../../../src/terminal/kubectl/printers/jsonpath';
import { printJsonPath } from '../../../../src/terminal/kubectl/printers/jsonpath-printer';

function nodeString(n: JPNode): string {
  switch (n.type) {
    case 'list': return 'NodeList';
    case 'text': return `NodeText: ${n.text}`;
    case 'field': return `NodeField: ${n.value}`;
    case 'identifier': return `NodeIdentifier: ${n.name}`;
    case 'array': return `NodeArray: [${n.params.map((p) => `{${p.value} ${p.known} ${p.derived}}`).join(' ')}]`;
    case 'filter': return `NodeFilter: NodeList ${n.operator} NodeList`;
    case 'int': return `NodeInt: ${n.value}`;
    case 'float': return `NodeFloat: ${n.value}`;
    case 'bool': return `NodeBool: ${n.value}`;
    case 'wildcard': return 'NodeWildcard';
    case 'recursive': return 'NodeRecursive';
    case 'union': return 'NodeUnion';
  }
}

function collect(n: JPNode, out: string[] = []): string[] {
  out.push(nodeString(n));
  if (n.type === 'list') n.nodes.forEach((c) => collect(c, out));
  if (n.type === 'filter') {
    collect(n.left, out);
    collect(n.right, out);
  }
  if (n.type === 'union') n.nodes.forEach((c) => collect(c, out));
  return out;
}

const parserCases: [string, string, string[]][] = [
  ['plain', 'hello jsonpath', ['NodeText: hello jsonpath']],
  ['variable', 'hello {.jsonpath}', ['NodeText: hello ', 'NodeList', 'NodeField: jsonpath']],
  ['arrayfield', "hello {['jsonpath']}", ['NodeText: hello ', 'NodeList', 'NodeField: jsonpath']],
  ['quote', '{"{"}', ['NodeList', 'NodeText: {']],
  ['array', '{[1:3]}', ['NodeList', 'NodeArray: [{1 true false} {3 true false} {0 false false}]']],
  ['allarray', '{.book[*].author}', ['NodeList', 'NodeField: book', 'NodeArray: [{0 false false} {0 false false} {0 false false}]', 'NodeField: author']],
  ['wildcard', '{.bicycle.*}', ['NodeList', 'NodeField: bicycle', 'NodeWildcard']],
  ['filter', '{[?(@.price<3)]}', ['NodeList', 'NodeFilter: NodeList < NodeList', 'NodeList', 'NodeField: price', 'NodeList', 'NodeInt: 3']],
  ['recursive', '{..}', ['NodeList', 'NodeRecursive']],
  ['recurField', '{..price}', ['NodeList', 'NodeRecursive', 'NodeField: price']],
  ['arraydict', "{['book.price']}", ['NodeList', 'NodeField: book', 'NodeField: price']],
  ['union', "{['bicycle.price', 3, 'book.price']}", ['NodeList', 'NodeUnion', 'NodeList', 'NodeField: bicycle', 'NodeField: price', 'NodeList', 'NodeArray: [{3 true false} {4 true true} {0 false false}]', 'NodeList', 'NodeField: book', 'NodeField: price']],
  ['range', '{range .items}{.name},{end}', ['NodeList', 'NodeIdentifier: range', 'NodeField: items', 'NodeList', 'NodeField: name', 'NodeText: ,', 'NodeList', 'NodeIdentifier: end']],
  ['paired parentheses in quotes', '{[?(@.status.nodeInfo.osImage == "()")]}', ['NodeList', 'NodeFilter: NodeList == NodeList', 'NodeList', 'NodeField: status', 'NodeField: nodeInfo', 'NodeField: osImage', 'NodeList', 'NodeText: ()']],
  ['escaped double quotes', '{[?(@.status.nodeInfo.osImage == "(\\"\\")")]}', ['NodeList', 'NodeFilter: NodeList == NodeList', 'NodeList', 'NodeField: status', 'NodeField: nodeInfo', 'NodeField: osImage', 'NodeList', 'NodeText: ("")']],
  ['unregular parentheses', '{[?(@.test == "())(")]}', ['NodeList', 'NodeFilter: NodeList == NodeList', 'NodeList', 'NodeField: test', 'NodeList', 'NodeText: ())(']],
  ['single quotes', "{[?(@.status.nodeInfo.osImage == 'Linux')]}", ['NodeList', 'NodeFilter: NodeList == NodeList', 'NodeList', 'NodeField: status', 'NodeField: nodeInfo', 'NodeField: osImage', 'NodeList', 'NodeText: Linux']],
  ['filter suffix', '{[?(@.status.nodeInfo.osImage == "{[()]}")]}', ['NodeList', 'NodeFilter: NodeList == NodeList', 'NodeList', 'NodeField: status', 'NodeField: nodeInfo', 'NodeField: osImage', 'NodeList', 'NodeText: {[()]}']],
  ['double inside single', `{[?(@.status.nodeInfo.osImage == "''")]}`, ['NodeList', 'NodeFilter: NodeList == NodeList', 'NodeList', 'NodeField: status', 'NodeField: nodeInfo', 'NodeField: osImage', 'NodeList', "NodeText: ''"]],
  ['single inside double', `{[?(@.status.nodeInfo.osImage == '""')]}`, ['NodeList', 'NodeFilter: NodeList == NodeList', 'NodeList', 'NodeField: status', 'NodeField: nodeInfo', 'NodeField: osImage', 'NodeList', 'NodeText: ""']],
  ['single containing escaped single', "{[?(@.status.nodeInfo.osImage == '\\\\\\'')]}", ['NodeList', 'NodeFilter: NodeList == NodeList', 'NodeList', 'NodeField: status', 'NodeField: nodeInfo', 'NodeField: osImage', 'NodeList', "NodeText: \\'"]],
  ['negative slice', '{[-5:]}', ['NodeList', 'NodeArray: [{-5 true false} {0 false false} {0 false false}]']],
  ['negative index', '{[-1]}', ['NodeList', 'NodeArray: [{-1 true false} {0 true true} {0 false false}]']],
  ['negative end', '{[1:-1]}', ['NodeList', 'NodeArray: [{1 true false} {-1 true false} {0 false false}]']],
  ['bool and float', '{true}{1.5}', ['NodeList', 'NodeBool: true', 'NodeList', 'NodeFloat: 1.5']],
  ['escaped dots in a field', '{.metadata.labels.app\\.kubernetes\\.io/name}', ['NodeList', 'NodeField: metadata', 'NodeField: labels', 'NodeField: app.kubernetes.io/name']],
];

describe('parser (client-go parser_test.go)', () => {
  it.each(parserCases)('%s', (_n, text, nodes) => {
    expect(collect(parseTemplate(text)).slice(1)).toEqual(nodes);
  });

  it.each([
    ['{.hello', 'unclosed action'],
    ['{*}', "unrecognized character in action: U+002A '*'"],
    ['{+12.3.0}', 'cannot parse number +12.3.0'],
    ['{[1}', 'unterminated array'],
    ['{[?(.price]}', 'unterminated filter'],
    ['{........}', 'invalid multiple recursive descent'],
    ['{\\\\\\}', "unrecognized character in action: U+005C '\\'"],
    ['{[x]}', 'invalid array index x'],
    ['{[-]}', 'array index - is not a number'],
    ['{"abc}', 'unterminated quoted string'],
    ['{"a\\qb"}', 'unquote string "a\\qb" error invalid syntax'],
    ['{[?(@.a==1)}', 'unclosed array expect ]'],
    ['{.a\n}', 'unclosed action'],
    ['{\t}', 'unrecognized character in action: U+0009'],
  ])('%j fails with %j', (text, message) => {
    expect(() => parseTemplate(text)).toThrow(message);
  });
});

function run(template: string, data: unknown, allowMissingKeys = false): string {
  return new JSONPath('test').allowMissingKeys(allowMissingKeys).parse(template).execute(data);
}

const types = {
  bools: [true, false, true, false],
  integers: [1, 2, 3, 4],
  floats: [1.0, 2.2, 3.3, 4.0],
  strings: ['one', 'two', 'three', 'four'],
  interfaces: [true, 'one', 1, 1.1],
  maps: [{ name: 'one', value: 1 }, { name: 'two', value: 2.02 }, { name: 'three', value: 3.03 }, { name: 'four', value: 4.04 }],
};

const store = {
  Name: 'jsonpath',
  Book: [
    { Category: 'reference', Author: 'Nigel Rees', Title: 'Sayings of the Centurey', Price: 8.95 },
    { Category: 'fiction', Author: 'Evelyn Waugh', Title: 'Sword of Honour', Price: 12.99 },
    { Category: 'fiction', Author: 'Herman Melville', Title: 'Moby Dick', Price: 8.99 },
  ],
  Bicycle: [{ Color: 'red', Price: 19.95, IsNew: true }, { Color: 'green', Price: 20.01, IsNew: false }],
  Labels: { engieer: 10, 'web/html': 15, 'k8s-app': 20 },
  Employees: { jason: 'manager', dan: 'clerk' },
};

const points = [
  { id: 'i1', x: 4, y: -5 }, { id: 'i2', x: -2, y: -5, z: 1 }, { id: 'i3', x: 8, y: 3 }, { id: 'i4', x: -6, y: -1 },
  { id: 'i5', x: 0, y: 2, z: 1 }, { id: 'i6', x: 1, y: 4 }, { id: 'i7', x: null, y: 4 },
];

const nodes = {
  kind: 'List',
  items: [
    { kind: 'None', metadata: { name: '127.0.0.1', labels: { 'kubernetes.io/hostname': '127.0.0.1' } }, status: { capacity: { cpu: '4' }, ready: true, addresses: [{ type: 'LegacyHostIP', address: '127.0.0.1' }] } },
    { kind: 'None', metadata: { name: '127.0.0.2', labels: { 'kubernetes.io/hostname': '127.0.0.2' } }, status: { capacity: { cpu: '8' }, ready: false, addresses: [{ type: 'LegacyHostIP', address: '127.0.0.2' }, { type: 'another', address: '127.0.0.3' }] } },
  ],
  users: [{ name: 'myself', user: {} }, { name: 'e2e', user: { username: 'admin', password: 'secret' } }],
};

const pods = {
  items: [
    { metadata: { name: 'pod1' }, spec: { containers: [{ name: 'foo', another: [{ name: 'value1' }, { name: 'value2' }] }, { name: 'bar', another: [{ name: 'value1' }, { name: 'value2' }] }] } },
    { metadata: { name: 'pod2' }, spec: { containers: [{ name: 'baz', another: [{ name: 'value1' }, { name: 'value2' }] }] } },
  ],
};

const containers = { spec: { containers: ['fake0', 'fake1', 'fake2', 'fake3', 'fake4', 'fake5'].map((name) => ({ image: 'radial/busyboxplus:curl', name })) } };

const execCases: [string, unknown, string][] = [
  ['{ .bools }', types, '[true,false,true,false]'],
  ['{ .bools[0] }', types, 'true'],
  ['{ .bools[-1] }', types, 'false'],
  ['{ .bools[0:2] }', types, 'true false'],
  ['{ .bools[:4:2] }', types, 'true true'],
  ['{ .integers }', types, '[1,2,3,4]'],
  ['{ .integers[-2] }', types, '3'],
  ['{ .integers[:4:2] }', types, '1 3'],
  ['{ .floats }', types, '[1,2.2,3.3,4]'],
  ['{ .floats[0:2] }', types, '1 2.2'],
  ['{ .floats[:4:2] }', types, '1 3.3'],
  ['{ .strings }', types, '["one","two","three","four"]'],
  ['{ .strings[-2] }', types, 'three'],
  ['{ .interfaces }', types, '[true,"one",1,1.1]'],
  ['{ .interfaces[:4:2] }', types, 'true 1'],
  ['{ .maps }', types, '[{"name":"one","value":1},{"name":"two","value":2.02},{"name":"three","value":3.03},{"name":"four","value":4.04}]'],
  ['{ .maps[-2] }', types, '{"name":"three","value":3.03}'],
  ['{ .maps[::2] }', types, '{"name":"one","value":1} {"name":"three","value":3.03}'],
  ['{ .maps[1::2] }', types, '{"name":"two","value":2.02} {"name":"four","value":4.04}'],
  ['hello jsonpath', null, 'hello jsonpath'],
  ['{..}', [1, 2, 3], '[1,2,3]'],
  ['{[?(@<5)]}', [2, 6, 3, 7], '2 3'],
  ['{"{"}', null, '{'],
  ['{[1,3,4]}', [0, 1, 2, 3, 4], '1 3 4'],
  ['{[0:2]}', ['Monday', 'Tudesday'], 'Monday Tudesday'],
  ['hello {.Name}', store, 'hello jsonpath'],
  ['{$.Labels.web/html}', store, '15'],
  ['{$.Employees.jason}', store, 'manager'],
  ['{.Labels.k8s-app}', store, '20'],
  ['{.Bicycle[*].Color}', store, 'red green'],
  ['{.Book[*].Author}', store, 'Nigel Rees Evelyn Waugh Herman Melville'],
  ['{range .Bicycle[*]}{ "{" }{ @.* }{ "} " }{end}', store, '{red true 19.95} {green false 20.01} '],
  ['{..Price}', store, '19.95 20.01 8.95 12.99 8.99'],
  ['{...Price}', store, '19.95 20.01 8.95 12.99 8.99'],
  ['{.Bicycle}', store, '[{"Color":"red","IsNew":true,"Price":19.95},{"Color":"green","IsNew":false,"Price":20.01}]'],
  ['{range .Bicycle[*]}{ @ }{ " " }{end}', store, '{"Color":"red","IsNew":true,"Price":19.95} {"Color":"green","IsNew":false,"Price":20.01} '],
  ['{.Book[-1:]}', store, '{"Author":"Herman Melville","Category":"fiction","Price":8.99,"Title":"Moby Dick"}'],
  ['{..Book[2]}', store, '{"Author":"Herman Melville","Category":"fiction","Price":8.99,"Title":"Moby Dick"}'],
  ['{.Bicycle[?(@.IsNew==true)]}', store, '{"Color":"red","IsNew":true,"Price":19.95}'],
  ['{[?(@.z)].id}', points, 'i2 i5'],
  ["{[0]['id']}", points, 'i1'],
  ["{[-1]['x']}", points, 'null'],
  ['{range .items[*]}{.metadata.name}, {end}{.kind}', nodes, '127.0.0.1, 127.0.0.2, List'],
  ['{range .items[*]}{.metadata.name}{"\\t"}{end}', nodes, '127.0.0.1\t127.0.0.2\t'],
  ['{.items[*].status.addresses[*].address}', nodes, '127.0.0.1 127.0.0.2 127.0.0.3'],
  ['{range .items[*]}{range .status.addresses[*]}{.address}, {end}{end}', nodes, '127.0.0.1, 127.0.0.2, 127.0.0.3, '],
  ['{.items[*].metadata.name}', nodes, '127.0.0.1 127.0.0.2'],
  ["{.items[*]['metadata.name', 'status.capacity']}", nodes, '127.0.0.1 127.0.0.2 {"cpu":"4"} {"cpu":"8"}'],
  ['{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}', nodes, '[127.0.0.1, {"cpu":"4"}] [127.0.0.2, {"cpu":"8"}] '],
  ['{.users[?(@.name=="e2e")].user.password}', nodes, 'secret'],
  ['{.items[0].metadata.labels.kubernetes\\.io/hostname}', nodes, '127.0.0.1'],
  ['{.items[?(@.metadata.labels.kubernetes\\.io/hostname=="127.0.0.1")].kind}', nodes, 'None'],
  ['{.items[?(@..ready==true)].metadata.name}', nodes, '127.0.0.1'],
  ['{..name}', nodes, '127.0.0.1 127.0.0.2 myself e2e'],
  ['{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}', pods, 'pod1:foo,bar,+pod2:baz,+'],
  ['{range .items[*]}{.metadata.name}{"~"}{range @.spec.containers[*]}{.name}{":"}{range @.another[*]}{.name}{","}{end}{"+"}{end}{"#"}{end}', pods, 'pod1~foo:value1,value2,+bar:value1,value2,+#pod2~baz:value1,value2,+#'],
  ['{range .items[*]}{.metadata.name}{"\\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\\n"}{end}', pods, 'pod1\tfoo bar \tfoo bar \npod2\tbaz \tbaz \n'],
  ['{.spec.containers[0].name}', containers, 'fake0'],
  ['{.spec.containers[0:0].name}', containers, ''],
  ['{.spec.containers[0:-1].name}', containers, 'fake0 fake1 fake2 fake3 fake4'],
  ['{.spec.containers[-1].name}', containers, 'fake5'],
  ['{.spec.containers[-2:].name}', containers, 'fake4 fake5'],
  ['{.spec.containers[-6].name}', containers, 'fake0'],
  ['{.spec.containers[7:7].name}', containers, ''],
  ['{.spec.containers[-7:-7].name}', containers, ''],
  ['{.spec.containers[0:6:].name}', containers, 'fake0 fake1 fake2 fake3 fake4 fake5'],
  ['{.spec.containers[1:4:2].name}', containers, 'fake1 fake3'],
  ['{.spec.containers[1:4:4].name}', containers, 'fake1'],
  ['{.spec.containers[0:6:5].name}', containers, 'fake0 fake5'],
  ['{.spec.containers[*].name[*]}', { spec: { containers: [{ name: [1, 2] }] } }, '1 2'],
  ['{.a.*}', { a: 'hé' }, '104 195 169'],
  ['{.a}{"\\n"}{.b}', { a: 1e6, b: 0.5 }, '1000000\n0.5'],
  ['{.a} {.b}', { a: 1234567.5, b: 1e-7 }, '1.2345675e+06 1e-07'],
  ['{.a}', { a: '<b>&' }, '<b>&'],
  ['{.a}', { a: ['<b>&'] }, '["\\u003cb\\u003e\\u0026"]'],
];

describe('execution (client-go jsonpath_test.go)', () => {
  it.each(execCases)('%s', (template, data, expected) => expect(run(template, data)).toBe(expected));

  it.each([
    ['{hello}', store, 'unrecognized identifier hello'],
    ['{.hello}', store, 'hello is not found'],
    ['{.Labels[0]}', store, 'map[string]interface {} is not array or slice'],
    ['{.Book[?(@.Price<>10)]}', store, 'unrecognized filter operator <>'],
    ['{range .Labels.*}{@}{end}{end}', store, 'not in range, nothing to end'],
    ['{.spec.containers[-1:0].name}', containers, 'starting index 5 is greater than ending index 0'],
    ['{.spec.containers[-7].name}', containers, 'array index out of bounds: index -1, length 6'],
    ['{.spec.containers[3:1].name}', containers, 'starting index 3 is greater than ending index 1'],
    ['{.spec.containers[0:6:0].name}', containers, 'step must be > 0'],
    ['{.spec.containers[0:6:-1].name}', containers, 'step must be > 0'],
    ['{.spec.containers[0:9].name}', containers, 'array index out of bounds: index 8, length 6'],
    ['{.items[?(@.metadata.annotations.color=="blue")].metadata.name}', { items: [{ metadata: { name: 'pod1' } }] }, 'annotations is not found'],
    ['{[?(@.x=="a")]}', [{ x: 1 }], 'incompatible types for comparison'],
    ['{[?(@.x>true)]}', [{ x: true }], 'invalid type for comparison'],
    ['{[?(@.x==1)]}', [{ x: null }], 'invalid type for comparison'],
    ['{[?(@[*]==1)]}', [[1, 2]], 'can only compare one element at a time'],
    ['{.a[?(@==1)]}', { a: { b: 1 } }, 'map[b:1] is not array or slice and cannot be filtered'],
  ])('%s fails with %j', (template, data, message) => {
    expect(() => run(template, data)).toThrow(message);
  });

  it('tolerates missing keys when allowed (kubectl -o jsonpath)', () => {
    expect(run('{.hello}', store, true)).toBe('');
    expect(run('before-{.hello}after', store, true)).toBe('before-after');
    expect(run('{range .items[*]}{.metadata.name}{end}', { items: [] }, true)).toBe('');
    expect(run('{.items[?(@.metadata.annotations.color=="blue")].metadata.name}', {
      items: [
        { metadata: { name: 'pod1', annotations: { color: 'blue' } } },
        { metadata: { name: 'pod2' } },
        { metadata: { name: 'pod3', annotations: { color: 'green' } } },
        { metadata: { name: 'pod4', annotations: { color: 'blue' } } },
      ],
    }, true)).toBe('pod1 pod4');
    expect(run('{range .items[?(.status.phase=="Running")]}{.metadata.name}{" is Running\\n"}{end}', {
      items: [
        { metadata: { name: 'pod1' }, status: { phase: 'Running' } },
        { metadata: { name: 'pod2' }, status: { phase: 'Running' } },
        { resourceVersion: '' },
      ],
    }, true)).toBe('pod1 is Running\npod2 is Running\n');
  });

  it('-o jsonpath-as-json prints each result list as an indented JSON array', () => {
    expect(printJsonPath('{.items[*].metadata.name}', pods, { outputJSON: true })).toBe('[\n    "pod1",\n    "pod2"\n]\n');
  });
});

describe('kubectl printer errors', () => {
  it('parse errors name the template', () => {
    expect(() => printJsonPath('{.foo', {})).toThrow('error parsing jsonpath {.foo, unclosed action');
    expect(() => printJsonPath('', {})).toThrow('template format specified but no template given');
  });

  it('execution errors dump the template and the object as Go would', () => {
    const obj = { kind: 'List', items: [{ a: 1.5, b: null, c: 'x"y', d: [true], e: {} }] };
    expect(() => printJsonPath('{.items[3]}', obj)).toThrow(
      'error executing jsonpath "{.items[3]}": Error executing template: array index out of bounds: index 3, length 1. ' +
        'Printing more information for debugging the template:\n\ttemplate was:\n\t\t{.items[3]}\n' +
        '\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{"items":[]interface {}{map[string]interface {}' +
        '{"a":1.5, "b":interface {}(nil), "c":"x\\"y", "d":[]interface {}{true}, "e":map[string]interface {}{}}}, "kind":"List"}\n\n\n',
    );
  });

  it('a template without braces is printed as text, not relaxed', () => {
    expect(printJsonPath('.metadata.name', { metadata: { name: 'x' } })).toBe('.metadata.name');
  });
});

describe('RelaxedJSONPathExpression', () => {
  it.each([
    ['metadata.name', '{.metadata.name}'],
    ['.metadata.name', '{.metadata.name}'],
    ['{metadata.name}', '{.metadata.name}'],
    ['{.metadata.name}', '{.metadata.name}'],
    ['', ''],
    ['.spec.containers[*].image', '{.spec.containers[*].image}'],
  ])('%j → %j', (input, expected) => expect(relaxedJSONPathExpression(input)).toBe(expected));

  it('rejects nested braces', () => {
    expect(() => relaxedJSONPathExpression('{{.a}}')).toThrow(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  });
});
