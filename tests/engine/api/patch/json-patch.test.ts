// JSON patch (RFC 6902) as kube-apiserver applies application/json-patch+json (evanphx/json-patch v4).
// Expected results and error texts were checked against gopkg.in/evanphx/json-patch.v4.
import { describe, expect, it } from 'vitest';
import { applyJsonPatch, decodeJsonPatch, MAX_JSON_PATCH_OPERATIONS } from '../../../../src/engine/api/patch/json-patch';
import { deepFreeze } from '../../../../src/engine/api/patch/json-value';
import { JsonPatchError } from '../../../../src/engine/api/patch/patch-errors';
import { stableStringify } from '../../../../src/engine/api/patch/stable-stringify';

// [name, document, patch, result as Go marshals it | library error text]
const cases: [string, unknown, unknown, string | { error: string }][] = [
  ["add an object member", {"foo":"bar"}, [{"op":"add","path":"/baz","value":"qux"}], '{"baz":"qux","foo":"bar"}'],
  ["add an array element", {"foo":["bar","baz"]}, [{"op":"add","path":"/foo/1","value":"qux"}], '{"foo":["bar","qux","baz"]}'],
  ["remove an object member", {"baz":"qux","foo":"bar"}, [{"op":"remove","path":"/baz"}], '{"foo":"bar"}'],
  ["remove an array element", {"foo":["bar","qux","baz"]}, [{"op":"remove","path":"/foo/1"}], '{"foo":["bar","baz"]}'],
  ["replace a value", {"baz":"qux","foo":"bar"}, [{"op":"replace","path":"/baz","value":"boo"}], '{"baz":"boo","foo":"bar"}'],
  ["move a value", {"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}}, [{"op":"move","from":"/foo/waldo","path":"/qux/thud"}], '{"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}}'],
  ["move an array element", {"foo":["all","grass","cows","eat"]}, [{"op":"move","from":"/foo/1","path":"/foo/3"}], '{"foo":["all","cows","eat","grass"]}'],
  ["test then add", {"baz":"qux","foo":["a",2,"c"]}, [{"op":"test","path":"/baz","value":"qux"},{"op":"test","path":"/foo/1","value":2},{"op":"add","path":"/n","value":1}], '{"baz":"qux","foo":["a",2,"c"],"n":1}'],
  ["add a nested member object", {"foo":"bar"}, [{"op":"add","path":"/child","value":{"grandchild":{}}}], '{"child":{"grandchild":{}},"foo":"bar"}'],
  ["~1 and ~0 escapes", {"a/b":1,"m~n":2}, [{"op":"replace","path":"/a~1b","value":3},{"op":"remove","path":"/m~0n"}], '{"a/b":3}'],
  ["append with -", {"foo":[1]}, [{"op":"add","path":"/foo/-","value":2}], '{"foo":[1,2]}'],
  ["add replaces an existing member", {"a":1}, [{"op":"add","path":"/a","value":2}], '{"a":2}'],
  ["copy a subtree", {"a":{"b":[1,2]}}, [{"op":"copy","from":"/a","path":"/c"},{"op":"add","path":"/c/b/-","value":3}], '{"a":{"b":[1,2]},"c":{"b":[1,2,3]}}'],
  ["add an array value", {"foo":["bar"]}, [{"op":"add","path":"/foo/-","value":["abc","def"]}], '{"foo":["bar",["abc","def"]]}'],
  ["kubectl rollout undo style replace", {"metadata":{"annotations":{"a":"1"}},"spec":{"template":{"x":1}}}, [{"op":"replace","path":"/spec/template","value":{"y":2}},{"op":"replace","path":"/metadata/annotations","value":{"b":"2"}}], '{"metadata":{"annotations":{"b":"2"}},"spec":{"template":{"y":2}}}'],
  ["replace of a missing member adds it", {"a":1}, [{"op":"replace","path":"/b","value":2}], '{"a":1,"b":2}'],
  ["negative index counts from the end", {"a":[1,2,3]}, [{"op":"remove","path":"/a/-1"},{"op":"replace","path":"/a/-2","value":9}], '{"a":[9,2]}'],
  ["add with negative index", {"a":[1,2]}, [{"op":"add","path":"/a/-1","value":9}], '{"a":[1,2,9]}'],
  ["copy from a missing member writes null", {"a":1}, [{"op":"copy","from":"/zz","path":"/b"}], '{"a":1,"b":null}'],
  ["test of a missing member against null passes", {"a":1}, [{"op":"test","path":"/zz","value":null}], '{"a":1}'],
  ["replace of the whole document", {"a":1}, [{"op":"replace","path":"","value":{"b":2}}], '{"b":2}'],
  ["replace of the whole document with a scalar is ignored", {"a":1}, [{"op":"replace","path":"","value":5}], '{"a":1}'],
  ["path without leading slash uses its last segment", {"a":1}, [{"op":"add","path":"x/b","value":2}], '{"a":1,"b":2}'],
  ["index with plus sign", {"a":[1,2]}, [{"op":"replace","path":"/a/+1","value":5}], '{"a":[1,5]}'],
  ["add without value adds null", {"a":1}, [{"op":"add","path":"/b"}], '{"a":1,"b":null}'],
  ["empty patch", {"a":1}, [], '{"a":1}'],
  ["null patch", {"a":1}, null, '{"a":1}'],
  ["error: remove a missing member", {"a":1}, [{"op":"remove","path":"/b"}], { error: "error in remove for path: '/b': Unable to remove nonexistent key: b: missing value" }],
  ["error: add under a missing parent", {"a":1}, [{"op":"add","path":"/b/c","value":1}], { error: "add operation does not apply: doc is missing path: \"/b/c\": missing value" }],
  ["error: remove under a missing parent", {"a":1}, [{"op":"remove","path":"/b/c"}], { error: "remove operation does not apply: doc is missing path: \"/b/c\": missing value" }],
  ["error: replace under a missing parent", {"a":1}, [{"op":"replace","path":"/b/c","value":1}], { error: "replace operation does not apply: doc is missing path: /b/c: missing value" }],
  ["error: replace out of range", {"a":[1]}, [{"op":"replace","path":"/a/3","value":1}], { error: "replace operation does not apply: doc is missing key: /a/3: missing value" }],
  ["error: add out of range", {"a":[1]}, [{"op":"add","path":"/a/3","value":1}], { error: "error in add for path: '/a/3': Unable to access invalid index: 3: invalid index referenced" }],
  ["error: add with a bad index", {"a":[1]}, [{"op":"add","path":"/a/x","value":1}], { error: "error in add for path: '/a/x': value was not a proper array index: 'x': strconv.Atoi: parsing \"x\": invalid syntax" }],
  ["error: remove with a bad index", {"a":[1]}, [{"op":"remove","path":"/a/x"}], { error: "error in remove for path: '/a/x': strconv.Atoi: parsing \"x\": invalid syntax" }],
  ["error: test failed", {"a":1}, [{"op":"test","path":"/a","value":2}], { error: "testing value /a failed: test failed" }],
  ["error: test of the root failed", {"a":1}, [{"op":"test","path":"","value":{"a":2}}], { error: "testing value  failed: test failed" }],
  ["error: test under a missing parent", {"a":1}, [{"op":"test","path":"/x/y","value":2}], { error: "test operation does not apply: is missing path: /x/y: missing value" }],
  ["error: unknown op", {"a":1}, [{"op":"merge","path":"/a","value":2}], { error: "Unexpected kind: merge" }],
  ["error: missing op", {"a":1}, [{"path":"/a","value":2}], { error: "Unexpected kind: unknown" }],
  ["error: add without path", {"a":1}, [{"op":"add","value":2}], { error: "add operation failed to decode path: missing value" }],
  ["error: replace without path", {"a":1}, [{"op":"replace","value":2}], { error: "replace operation failed to decode path: operation missing path field: missing value" }],
  ["error: replace with a number path", {"a":1}, [{"op":"replace","path":3,"value":2}], { error: "replace operation failed to decode path: json: cannot unmarshal number into Go value of type string" }],
  ["error: move without from", {"a":1}, [{"op":"move","path":"/b"}], { error: "move operation failed to decode from: operation, missing from field: missing value" }],
  ["error: move from a missing member", {"a":1}, [{"op":"move","from":"/x","path":"/b"}], { error: "error in move for path: 'x': Unable to remove nonexistent key: x: missing value" }],
  ["error: move to a missing parent", {"a":1}, [{"op":"move","from":"/a","path":"/x/y"}], { error: "move operation does not apply: doc is missing destination path: /x/y: missing value" }],
  ["error: copy from out of range", {"a":[1]}, [{"op":"copy","from":"/a/4","path":"/b"}], { error: "error in copy for from: '/a/4': Unable to access invalid index: 4: invalid index referenced" }],
  ["error: copy to a missing parent", {"a":1}, [{"op":"copy","from":"/a","path":"/x/y"}], { error: "copy operation does not apply: doc is missing destination path: /x/y: missing value" }],
  ["error: add at the root", {"a":1}, [{"op":"add","path":"","value":{"b":1}}], { error: "add operation does not apply: doc is missing path: \"\": missing value" }],
  ["error: traverse through a scalar", {"a":1}, [{"op":"add","path":"/a/b","value":1}], { error: "add operation does not apply: doc is missing path: \"/a/b\": missing value" }],
  ["error: later op fails, nothing applied", {"a":1}, [{"op":"add","path":"/b","value":1},{"op":"remove","path":"/c"}], { error: "error in remove for path: '/c': Unable to remove nonexistent key: c: missing value" }],
  ["error: patch is an object", {"a":1}, {"op":"add"}, { error: "json: cannot unmarshal object into Go value of type jsonpatch.Patch" }],
  ["error: operation is a string", {"a":1}, ["add"], { error: "json: cannot unmarshal string into Go value of type jsonpatch.Operation" }],
];

describe('applyJsonPatch', () => {
  it.each(cases)('%s', (_name, doc, patch, expected) => {
    const d = deepFreeze(structuredClone(doc));
    const p = deepFreeze(structuredClone(patch));
    if (typeof expected === 'string') {
      expect(stableStringify(applyJsonPatch(d, p))).toBe(expected);
    } else {
      let caught: unknown;
      try {
        applyJsonPatch(d, p);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(JsonPatchError);
      expect((caught as Error).message).toBe(expected.error);
    }
  });

  it('answers apply failures with the generic 422 the API server sends', () => {
    try {
      applyJsonPatch({ a: 1 }, [{ op: 'remove', path: '/b' }]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(JsonPatchError);
      expect((e as JsonPatchError).status).toEqual({
        code: 422,
        reason: 'Invalid',
        message: 'the server rejected our request due to an error in our request',
        details: {},
      });
    }
  });

  it('never writes into the document or the operation values, even across copy', () => {
    const doc = deepFreeze({ a: { list: [1, 2] }, b: { keep: true } });
    const value = deepFreeze({ x: { y: 1 } });
    const out = applyJsonPatch(doc, [
      { op: 'add', path: '/c', value },
      { op: 'add', path: '/c/x/z', value: 2 },
      { op: 'copy', from: '/a', path: '/d' },
      { op: 'add', path: '/a/list/-', value: 3 },
      { op: 'add', path: '/d/list/0', value: 0 },
    ]) as Record<string, unknown>;
    expect(out).toEqual({
      a: { list: [1, 2, 3] },
      b: { keep: true },
      c: { x: { y: 1, z: 2 } },
      d: { list: [0, 1, 2] },
    });
    expect(out.b).toBe(doc.b); // untouched subtrees are shared
    expect(value).toEqual({ x: { y: 1 } });
  });

  it('applies many operations on a large document without cloning it per operation', () => {
    const items = Array.from({ length: 20000 }, (_, i) => ({ name: `item-${i}` }));
    const doc = { metadata: { name: 'big' }, items };
    const ops = Array.from({ length: 2000 }, (_, i) => ({ op: 'replace', path: `/items/${i}/name`, value: `renamed-${i}` }));
    const started = performance.now();
    const out = applyJsonPatch(doc, ops) as { items: { name: string }[] };
    expect(performance.now() - started).toBeLessThan(1000);
    expect(out.items[1999].name).toBe('renamed-1999');
    expect(items[0].name).toBe('item-0');
  });
});

describe('decodeJsonPatch', () => {
  it('accepts a list of operations and null (no operations)', () => {
    expect(decodeJsonPatch([{ op: 'add', path: '/a', value: 1 }, null])).toEqual([{ op: 'add', path: '/a', value: 1 }, {}]);
    expect(decodeJsonPatch(null)).toEqual([]);
  });

  it.each([
    ['an object', { op: 'add' }, 'Warn', 'error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp'],
    ['an object', { op: 'add' }, 'Ignore', 'json: cannot unmarshal object into Go value of type jsonpatch.Patch'],
    ['a string item', ['x'], 'Strict', 'error decoding patch: json: cannot unmarshal string into Go value of type handlers.jsonPatchOp'],
    ['a number item', [1], 'Ignore', 'json: cannot unmarshal number into Go value of type jsonpatch.Operation'],
    ['a non-string op', [{ op: 1 }], 'Warn', 'error decoding patch: json: cannot unmarshal number into Go struct field jsonPatchOp.op of type string'],
  ] as const)('rejects %s (fieldValidation %s) with 400', (_what, body, validation, message) => {
    try {
      decodeJsonPatch(body, validation);
      expect.unreachable();
    } catch (e) {
      expect((e as JsonPatchError).status).toEqual({ code: 400, reason: 'BadRequest', message });
    }
  });

  it('refuses more than 10000 operations with 413', () => {
    const ops = Array.from({ length: MAX_JSON_PATCH_OPERATIONS + 1 }, () => ({ op: 'test', path: '/a', value: 1 }));
    try {
      decodeJsonPatch(ops);
      expect.unreachable();
    } catch (e) {
      expect((e as JsonPatchError).status).toEqual({
        code: 413,
        reason: 'RequestEntityTooLarge',
        message: 'Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001',
      });
    }
  });
});
