// Field sets and their FieldsV1 form: set algebra (fieldpath/set_test.go), the serialized trie with `f:`,
// `k:{…}`, `v:`, `i:` keys and `.` for a node that is itself a member (serialize_test.go), element order
// and the printed paths conflicts use (element_test.go, path_test.go).
import { describe, expect, it } from 'vitest';
import {
  adopt,
  difference,
  EMPTY,
  has,
  intersection,
  isEmpty,
  recursiveDifference,
  singleton,
  size,
  union,
  withPrefix,
  type FieldSet,
} from '../../../../src/engine/api/fieldmanager/fieldset';
import { compareElements, elementString, keyElement, pathString, valueElement } from '../../../../src/engine/api/fieldmanager/path-element';
import { ensureNamedFieldsAreMembers } from '../../../../src/engine/api/fieldmanager/typed/remove';
import type { Atom } from '../../../../src/engine/api/fieldmanager/schema';
import { listMap, members, NUMERIC, ns, path, struct } from './helpers';

/** The JSON text of a set exactly as the apiserver would store it in fieldsV1. */
const json = (s: FieldSet) => JSON.stringify(s);

describe('FieldsV1 encoding', () => {
  it.each([
    ['a leaf is an empty object', ns(['spec', 'replicas']), '{"f:spec":{"f:replicas":{}}}'],
    ['a member with children carries "."', ns(['metadata', 'labels'], ['metadata', 'labels', 'app']), '{"f:metadata":{"f:labels":{".":{},"f:app":{}}}}'],
    [
      'list items by key, keys sorted by name',
      ns(['ports', { k: { protocol: 'TCP', containerPort: 80 } }], ['ports', { k: { protocol: 'TCP', containerPort: 80 } }, 'name']),
      '{"f:ports":{"k:{\\"containerPort\\":80,\\"protocol\\":\\"TCP\\"}":{".":{},"f:name":{}}}}',
    ],
    ['set items by value', ns(['finalizers', { v: 'kubernetes' }]), '{"f:finalizers":{"v:\\"kubernetes\\"":{}}}'],
    ['indexes', ns(['args', { i: 0 }], ['args', { i: 1 }]), '{"f:args":{"i:0":{},"i:1":{}}}'],
    ['the empty set', ns(), '{}'],
  ])('%s', (_n, set, text) => {
    expect(json(set)).toBe(text);
    expect(adopt(JSON.parse(text))).toBe(set);
  });

  it('orders fields, then keys, then values (numbers, strings, booleans), then indexes', () => {
    const s = ns(['i:2'], ['b'], ['a']);
    expect(Object.keys(s)).toEqual(['f:a', 'f:b', 'f:i:2']);
    const mixed = adopt(JSON.parse('{"i:1":{},"v:true":{},"v:\\"aa\\"":{},"v:3":{},"k:{\\"name\\":\\"b\\"}":{},"k:{\\"name\\":\\"a\\"}":{},"f:z":{}}'))!;
    expect(Object.keys(mixed)).toEqual(['f:z', 'k:{"name":"a"}', 'k:{"name":"b"}', 'v:3', 'v:"aa"', 'v:true', 'i:1']);
  });

  // serialize_test.go TestSerializeV1GoldenData: reading and writing back is byte-identical.
  it.each([
    `{"f:aaa":{},"f:aab":{},"f:aac":{},"f:aad":{},"f:aae":{},"f:aaf":{},"k:{\\"name\\":\\"first\\"}":{},"k:{\\"name\\":\\"second\\"}":{},"k:{\\"port\\":443,\\"protocol\\":\\"tcp\\"}":{},"k:{\\"port\\":443,\\"protocol\\":\\"udp\\"}":{},"v:1":{},"v:2":{},"v:3":{},"v:\\"aa\\"":{},"v:\\"ab\\"":{},"v:true":{},"i:1":{},"i:2":{},"i:3":{},"i:4":{}}`,
    `{"f:aaa":{"k:{\\"name\\":\\"second\\"}":{"v:3":{"f:aab":{}}},"v:3":{},"v:true":{}},"f:aab":{"f:aaa":{},"f:aaf":{"k:{\\"port\\":443,\\"protocol\\":\\"udp\\"}":{"k:{\\"port\\":443,\\"protocol\\":\\"tcp\\"}":{}}},"k:{\\"name\\":\\"first\\"}":{}},"f:aac":{"f:aaa":{"v:1":{}},"f:aac":{},"v:3":{"k:{\\"name\\":\\"second\\"}":{}}},"f:aad":{"f:aac":{"v:1":{}},"f:aaf":{"k:{\\"name\\":\\"first\\"}":{"k:{\\"name\\":\\"first\\"}":{}}},"i:1":{"i:1":{},"i:3":{"v:true":{}}}},"f:aae":{"f:aae":{},"k:{\\"port\\":443,\\"protocol\\":\\"tcp\\"}":{"k:{\\"port\\":443,\\"protocol\\":\\"udp\\"}":{}},"i:4":{"f:aaf":{}}},"f:aaf":{"i:1":{"f:aac":{}},"i:2":{},"i:3":{}},"k:{\\"name\\":\\"first\\"}":{"f:aad":{"f:aaf":{}}},"k:{\\"port\\":443,\\"protocol\\":\\"tcp\\"}":{"f:aaa":{"f:aad":{}}},"k:{\\"port\\":443,\\"protocol\\":\\"udp\\"}":{"f:aac":{},"k:{\\"name\\":\\"first\\"}":{"i:3":{}},"k:{\\"port\\":443,\\"protocol\\":\\"udp\\"}":{"i:4":{}}},"v:1":{"f:aac":{"i:4":{}},"f:aaf":{},"k:{\\"port\\":443,\\"protocol\\":\\"tcp\\"}":{}},"v:2":{"f:aad":{"f:aaf":{}},"i:1":{}},"v:3":{"f:aaa":{},"k:{\\"name\\":\\"first\\"}":{},"i:2":{}},"v:\\"aa\\"":{"f:aab":{"f:aaf":{}},"f:aae":{},"k:{\\"name\\":\\"first\\"}":{"f:aad":{}},"i:2":{}},"v:\\"ab\\"":{"f:aaf":{"i:4":{}},"k:{\\"port\\":443,\\"protocol\\":\\"tcp\\"}":{},"k:{\\"port\\":443,\\"protocol\\":\\"udp\\"}":{},"v:1":{"k:{\\"port\\":443,\\"protocol\\":\\"udp\\"}":{}},"i:1":{"f:aae":{"i:4":{}}}},"v:true":{"k:{\\"name\\":\\"second\\"}":{"f:aaa":{}},"i:2":{"k:{\\"port\\":443,\\"protocol\\":\\"tcp\\"}":{}}},"i:1":{"i:3":{"f:aaf":{}}},"i:2":{"f:aae":{},"k:{\\"port\\":443,\\"protocol\\":\\"tcp\\"}":{"v:1":{}}},"i:3":{"f:aab":{"v:true":{"v:\\"aa\\"":{}}},"f:aaf":{},"i:1":{}},"i:4":{"v:\\"aa\\"":{"f:aab":{"k:{\\"name\\":\\"second\\"}":{}}}}}`,
  ])('golden round trip %#', (text) => {
    expect(json(adopt(JSON.parse(text))!)).toBe(text);
  });

  it('reads any key order and re-sorts', () => {
    const s = adopt({ 'f:b': {}, 'f:a': { 'f:y': {}, '.': {}, 'f:x': {} } })!;
    expect(json(s)).toBe('{"f:a":{".":{},"f:x":{},"f:y":{}},"f:b":{}}');
  });

  it('drops elements of unknown types (TestDropUnknown)', () => {
    expect(json(adopt({ 'f:aaa': {}, 'r:aab': {} })!)).toBe('{"f:aaa":{}}');
    // A node whose only children were dropped is a member again.
    expect(json(adopt({ 'f:a': { 'r:x': {} } })!)).toBe('{"f:a":{}}');
  });

  it('writes key and value elements in their canonical form', () => {
    const s = adopt({ 'f:ports': { 'k:{"protocol":"TCP", "containerPort":80}': {} }, 'f:set': { 'v: "x"': {} }, 'f:args': { 'i:01': {} } })!;
    expect(json(s)).toBe('{"f:args":{"i:1":{}},"f:ports":{"k:{\\"containerPort\\":80,\\"protocol\\":\\"TCP\\"}":{}},"f:set":{"v:\\"x\\"":{}}}');
  });

  it.each([
    ['a key shorter than two characters', { x: {} }],
    ['a key without a colon', { 'fa': {} }],
    ['a key element that is not an object', { 'k:5': {} }],
    ['a key element that is not JSON', { 'k:{name}': {} }],
    ['a value element that is not JSON', { 'v:{': {} }],
    ['an index that is not a number', { 'i:x': {} }],
    ['a node that is not an object', { 'f:a': 1 }],
    ['a list instead of an object', [] as unknown],
  ])('refuses %s', (_n, v) => {
    expect(adopt(v)).toBeUndefined();
  });

  it('interns: equal sets from different sources are one object', () => {
    const a = adopt({ 'f:spec': { 'f:replicas': {} } });
    const b = singleton(path('spec', 'replicas'));
    expect(a).toBe(b);
    expect(Object.isFrozen(a)).toBe(true);
  });
});

describe('set algebra (set_test.go)', () => {
  const first = { k: { name: 'first' } };
  const s1 = ns(['a0'], ['a1'], ['foo', { i: 0 }], ['foo', { i: 1 }], ['b0', first], ['b1', first], ['bar', 'c0'], ['cp', first, 'child']);
  const s2 = ns(['a1'], ['a2'], ['foo', { i: 1 }], ['foo', { i: 2 }], ['b1', first], ['b2', first], ['bar', 'c2'], ['cp', first]);

  it('intersection', () => {
    expect(intersection(s1, s2)).toBe(ns(['a1'], ['foo', { i: 1 }], ['b1', first]));
  });
  it('s1 - s2', () => {
    expect(difference(s1, s2)).toBe(ns(['a0'], ['foo', { i: 0 }], ['b0', first], ['bar', 'c0'], ['cp', first, 'child']));
  });
  it('s2 - s1', () => {
    expect(difference(s2, s1)).toBe(ns(['a2'], ['foo', { i: 2 }], ['b2', first], ['bar', 'c2'], ['cp', first]));
  });
  it('intersection the hard way: union minus both differences', () => {
    const u = union(s1, s2);
    expect(difference(u, union(difference(s2, s1), difference(s1, s2)))).toBe(intersection(s1, s2));
  });
  it('union keeps members and children of both', () => {
    expect(members(union(ns(['a', 'b']), ns(['a'], ['c'])))).toEqual(['.a', '.a.b', '.c']);
    expect(union(s1, EMPTY)).toBe(s1);
    expect(union(s1, s1)).toBe(s1);
  });

  it.each([
    ['removes simple path', ns(['a']), ns(['a']), ns(), ns()],
    ['removes direct path', ns(['a', 'b', 'c']), ns(['a', 'b', 'c']), ns(), ns()],
    ['only removes matching child', ns(['a', 'b', 'c'], ['b', 'b', 'c']), ns(['a', 'b', 'c']), ns(['b', 'b', 'c']), ns(['b', 'b', 'c'])],
    ['does not remove parent of specific path', ns(['a']), ns(['a', 'aa']), ns(['a']), ns(['a'])],
    ['RecursiveDifference removes nested path', ns(['a', 'b', 'c']), ns(['a']), ns(['a', 'b', 'c']), ns()],
    [
      'RecursiveDifference only removes nested path for matching children',
      ns(['a', 'aa', 'aab'], ['a', 'ab', 'aba']),
      ns(['a', 'aa']),
      ns(['a', 'aa', 'aab'], ['a', 'ab', 'aba']),
      ns(['a', 'ab', 'aba']),
    ],
    ['RecursiveDifference removes all matching children', ns(['a', 'aa', 'aab'], ['a', 'ab', 'aba']), ns(['a']), ns(['a', 'aa', 'aab'], ['a', 'ab', 'aba']), ns()],
  ])('difference: %s', (_n, a, b, diff, rdiff) => {
    expect(difference(a, b)).toBe(diff);
    expect(recursiveDifference(a, b)).toBe(rdiff);
  });

  it('has, size, withPrefix, isEmpty', () => {
    const s = ns(['metadata', 'labels'], ['metadata', 'labels', 'app'], ['spec', 'replicas']);
    expect(has(s, path('metadata', 'labels'))).toBe(true);
    expect(has(s, path('metadata'))).toBe(false);
    expect(has(s, path('spec', 'replicas'))).toBe(true);
    expect(has(s, path('spec', 'replicas', 'x'))).toBe(false);
    expect(size(s)).toBe(3);
    expect(withPrefix(s, 'f:metadata')).toBe(ns(['labels'], ['labels', 'app']));
    expect(isEmpty(withPrefix(s, 'f:status'))).toBe(true);
  });
});

describe('EnsureNamedFieldsAreMembers (set_test.go)', () => {
  const t: Atom = struct({ named: () => t, list: listMap(['name'], () => t), value: NUMERIC }, { elem: () => t });
  it.each([
    [ns(['named', 'named', 'value']), ['.named', '.named.named', '.named.named.value']],
    [ns(['named', 'a', 'named', 'value'], ['a', 'named', 'value'], ['a', 'b', 'value']), ['.a.b.value', '.a.named', '.a.named.value', '.named', '.named.a.named', '.named.a.named.value']],
    [ns(['named', 'list', { k: { name: 'a' } }, 'named', 'a', 'value']), ['.named', '.named.list', '.named.list[name="a"].named', '.named.list[name="a"].named.a.value']],
  ])('%#', (set, expected) => {
    expect(members(ensureNamedFieldsAreMembers(set, t))).toEqual(expected);
  });
});

describe('path elements', () => {
  it.each([
    [path('spec', 'template', 'spec', 'containers', { k: { name: 'web' } }, 'image'), '.spec.template.spec.containers[name="web"].image'],
    [path('spec', 'ports', { k: { port: 80, protocol: 'TCP' } }), '.spec.ports[port=80,protocol="TCP"]'],
    [path('metadata', 'finalizers', { v: 'a' }), '.metadata.finalizers[="a"]'],
    [path('args', { i: 3 }), '.args[3]'],
    [path('set', { v: 3.5 }), '.set[=3.5]'],
    [path('set', { v: true }), '.set[=true]'],
  ])('%j prints as %s', (p, s) => {
    expect(pathString(p)).toBe(s);
  });

  it('sorts key fields by name and escapes like Go', () => {
    expect(keyElement([['protocol', 'TCP'], ['containerPort', 80]])).toBe('k:{"containerPort":80,"protocol":"TCP"}');
    expect(valueElement('<a&b>')).toBe('v:"\\u003ca\\u0026b\\u003e"');
    expect(elementString('v:"\\u003ca\\u0026b\\u003e"')).toBe('[="<a&b>"]');
  });

  it.each([
    ['f:a', 'f:b', -1],
    ['f:z', 'k:{"a":1}', -1],
    ['k:{"a":1}', 'v:1', -1],
    ['v:"x"', 'i:0', -1],
    ['i:2', 'i:10', -1],
    ['v:2', 'v:10', -1],
    ['v:10', 'v:"1"', -1],
    ['v:"b"', 'v:false', -1],
    ['v:false', 'v:true', -1],
    ['k:{"a":1}', 'k:{"a":1,"b":1}', -1],
    ['k:{"a":2}', 'k:{"b":1}', -1],
    ['k:{"port":80}', 'k:{"port":443}', -1],
  ])('%s < %s', (a, b, c) => {
    expect(compareElements(a, b)).toBe(c);
    expect(compareElements(b, a)).toBe(-c);
    expect(compareElements(a, a)).toBe(0);
  });
});
