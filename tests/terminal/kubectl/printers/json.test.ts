// `-o json`: Go encoding/json output (sorted keys, HTML escaping, 4-space indent).
import { describe, expect, it } from 'vitest';
import { goJsonMarshal, goJsonMarshalIndent, goJsonString, printJson, printJsonWatchEvent } from '../../../../src/terminal/kubectl/printers/json';

describe('goJsonString', () => {
  it.each([
    ['plain', '"plain"'], ['<a href="x">&</a>', '"\\u003ca href=\\"x\\"\\u003e\\u0026\\u003c/a\\u003e"'], ['a\\b', '"a\\\\b"'],
    ['\n\r\t\b\f', '"\\n\\r\\t\\b\\f"'], ['\x00\x1f', '"\\u0000\\u001f"'], ['\x7f', '"\x7f"'], ['\u2028\u2029', '"\\u2028\\u2029"'],
    ['é😀', '"é😀"'], ['\ud800x', '"\\ufffdx"'],
  ])('%j', (s, out) => expect(goJsonString(s)).toBe(out));
});

describe('marshal', () => {
  it('compact, with sorted keys and Go number formatting', () => {
    expect(goJsonMarshal({ b: [1, 2.5, 1e21, 1e-7, null, true], a: {}, c: [], d: undefined })).toBe('{"a":{},"b":[1,2.5,1e+21,1e-7,null,true],"c":[]}');
  });
  it('indented with 4 spaces; empty containers stay on one line', () => {
    expect(goJsonMarshalIndent({ kind: 'Pod', metadata: { labels: {}, name: 'a' }, spec: { containers: [{ name: 'c' }], volumes: [] } })).toBe(
      '{\n    "kind": "Pod",\n    "metadata": {\n        "labels": {},\n        "name": "a"\n    },\n    "spec": {\n        "containers": [\n            {\n                "name": "c"\n            }\n        ],\n        "volumes": []\n    }\n}',
    );
  });
});

describe('printers', () => {
  it('printJson ends with a newline', () => {
    expect(printJson({ apiVersion: 'v1', kind: 'List', items: [], metadata: { resourceVersion: '' } })).toBe(
      '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n',
    );
  });
  it('printJson refuses objects without kind', () => {
    expect(() => printJson({ metadata: {} })).toThrow('missing apiVersion or kind; try GetObjectKind().SetGroupVersionKind() if you know the type');
  });
  it('watch events are one compact line, type first', () => {
    expect(printJsonWatchEvent('ADDED', { kind: 'Pod', metadata: { name: 'a' } })).toBe('{"type":"ADDED","object":{"kind":"Pod","metadata":{"name":"a"}}}\n');
  });
});
