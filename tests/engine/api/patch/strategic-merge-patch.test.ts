// Strategic merge patch application, as kube-apiserver applies application/strategic-merge-patch+json.
// Expected values were checked against k8s.io/apimachinery strategicpatch (results compared as Go
// marshals them: sorted keys, list order significant).
import { describe, expect, it } from 'vitest';
import { deepFreeze, type JsonObject } from '../../../../src/engine/api/patch/json-value';
import { StrategicMergePatchError } from '../../../../src/engine/api/patch/patch-errors';
import {
  applyStrategicMergePatch,
  mergeStrategicMergePatches,
} from '../../../../src/engine/api/patch/strategic-merge-patch';
import { stableStringify } from '../../../../src/engine/api/patch/stable-stringify';
import { podMeta } from './k8s-meta';

type Expected = string | { error: string; code: number };

// [name, live object, patch, result as Go marshals it | error]
const cases: [string, unknown, unknown, Expected][] = [
  [
    "sets, replaces and adds scalar fields",
    {"metadata":{"name":"web"},"spec":{"restartPolicy":"Always"}},
    {"spec":{"restartPolicy":"Never","hostname":"h"}},
    '{"metadata":{"name":"web"},"spec":{"hostname":"h","restartPolicy":"Never"}}',
  ],
  [
    "null deletes a field",
    {"metadata":{"name":"web","labels":{"a":"1","b":"2"}}},
    {"metadata":{"labels":{"a":null}}},
    '{"metadata":{"labels":{"b":"2"},"name":"web"}}',
  ],
  [
    "null for an absent field is ignored",
    {"metadata":{"name":"web"}},
    {"metadata":{"labels":null,"annotations":{"x":null}}},
    '{"metadata":{"annotations":{},"name":"web"}}',
  ],
  [
    "nulls inside a new map are dropped",
    {"spec":{}},
    {"spec":{"nodeSelector":{"disk":"ssd","zone":null}}},
    '{"spec":{"nodeSelector":{"disk":"ssd"}}}',
  ],
  [
    "maps merge recursively",
    {"metadata":{"labels":{"app":"web"},"annotations":{"a":"x"}}},
    {"metadata":{"labels":{"tier":"front"}}},
    '{"metadata":{"annotations":{"a":"x"},"labels":{"app":"web","tier":"front"}}}',
  ],
  [
    "a map replaces a scalar of another type",
    {"spec":{"nodeSelector":"bad"}},
    {"spec":{"nodeSelector":{"disk":"ssd"}}},
    '{"spec":{"nodeSelector":{"disk":"ssd"}}}',
  ],
  [
    "lists without patch strategy are replaced",
    {"spec":{"tolerations":[{"key":"a"},{"key":"b"}]}},
    {"spec":{"tolerations":[{"key":"c"}]}},
    '{"spec":{"tolerations":[{"key":"c"}]}}',
  ],
  [
    "atomic list of scalars is replaced",
    {"spec":{"containers":[{"name":"web","args":["a","b"]}]}},
    {"spec":{"containers":[{"name":"web","args":["c"]}]}},
    '{"spec":{"containers":[{"args":["c"],"name":"web"}]}}',
  ],
  [
    "merge list: item merged by key",
    {"spec":{"containers":[{"name":"web","image":"nginx:1.25","imagePullPolicy":"IfNotPresent"}]}},
    {"spec":{"containers":[{"name":"web","image":"nginx:1.26"}]}},
    '{"spec":{"containers":[{"image":"nginx:1.26","imagePullPolicy":"IfNotPresent","name":"web"}]}}',
  ],
  [
    "merge list: new item goes before server-only items",
    {"spec":{"containers":[{"name":"a"},{"name":"b"}]}},
    {"spec":{"containers":[{"name":"c","image":"x"}]}},
    '{"spec":{"containers":[{"image":"x","name":"c"},{"name":"a"},{"name":"b"}]}}',
  ],
  [
    "merge list: new item follows its patch neighbour",
    {"spec":{"containers":[{"name":"a"},{"name":"b"},{"name":"c"}]}},
    {"spec":{"containers":[{"name":"b","image":"y"},{"name":"d"}]}},
    '{"spec":{"containers":[{"name":"a"},{"image":"y","name":"b"},{"name":"d"},{"name":"c"}]}}',
  ],
  [
    "merge list: patch order decides between patched items",
    {"spec":{"containers":[{"name":"a"},{"name":"b"}]}},
    {"spec":{"containers":[{"name":"b","image":"2"},{"name":"a","image":"1"}]}},
    '{"spec":{"containers":[{"image":"2","name":"b"},{"image":"1","name":"a"}]}}',
  ],
  [
    "merge list: $patch delete removes by key",
    {"spec":{"containers":[{"name":"a"},{"name":"b"},{"name":"c"}]}},
    {"spec":{"containers":[{"name":"b","$patch":"delete"}]}},
    '{"spec":{"containers":[{"name":"a"},{"name":"c"}]}}',
  ],
  [
    "merge list: $patch delete removes every duplicate",
    {"spec":{"containers":[{"name":"a"},{"name":"b","image":"1"},{"name":"b","image":"2"}]}},
    {"spec":{"containers":[{"name":"b","$patch":"delete"}]}},
    '{"spec":{"containers":[{"name":"a"}]}}',
  ],
  [
    "merge list: $patch replace keeps only the patch items",
    {"spec":{"containers":[{"name":"a","image":"x"},{"name":"b"}]}},
    {"spec":{"containers":[{"name":"c"},{"$patch":"replace"}]}},
    '{"spec":{"containers":[{"name":"c"}]}}',
  ],
  [
    "merge list: delete of a missing item is a no-op",
    {"spec":{"containers":[{"name":"a"}]}},
    {"spec":{"containers":[{"name":"z","$patch":"delete"}]}},
    '{"spec":{"containers":[{"name":"a"}]}}',
  ],
  [
    "merge list: new list on an absent field drops directive items",
    {"spec":{}},
    {"spec":{"containers":[{"name":"a"},{"name":"b","$patch":"delete"}]}},
    '{"spec":{"containers":[{"name":"a"}]}}',
  ],
  [
    "merge list: nested merge list (env by name)",
    {"spec":{"containers":[{"name":"web","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]}]}},
    {"spec":{"containers":[{"name":"web","env":[{"name":"B","value":"3"},{"name":"C","value":"4"}]}]}},
    '{"spec":{"containers":[{"env":[{"name":"A","value":"1"},{"name":"B","value":"3"},{"name":"C","value":"4"}],"name":"web"}]}}',
  ],
  [
    "merge list: numeric merge key (ports by containerPort)",
    {"spec":{"containers":[{"name":"web","ports":[{"containerPort":80,"protocol":"TCP"},{"containerPort":443}]}]}},
    {"spec":{"containers":[{"name":"web","ports":[{"containerPort":8080,"name":"alt"},{"containerPort":80,"name":"http"}]}]}},
    '{"spec":{"containers":[{"name":"web","ports":[{"containerPort":8080,"name":"alt"},{"containerPort":80,"name":"http","protocol":"TCP"},{"containerPort":443}]}]}}',
  ],
  [
    "merge list: new items keep their nulls (taken as sent)",
    {"spec":{"containers":[{"name":"a"}]}},
    {"spec":{"containers":[{"name":"b","image":null}]}},
    '{"spec":{"containers":[{"image":null,"name":"b"},{"name":"a"}]}}',
  ],
  [
    "$setElementOrder orders the merged list",
    {"spec":{"containers":[{"name":"a"},{"name":"b"},{"name":"c"}]}},
    {"spec":{"$setElementOrder/containers":[{"name":"c"},{"name":"a"},{"name":"b"}],"containers":[{"name":"a","image":"x"}]}},
    '{"spec":{"containers":[{"name":"c"},{"image":"x","name":"a"},{"name":"b"}]}}',
  ],
  [
    "$setElementOrder without the list reorders the live list",
    {"spec":{"containers":[{"name":"a"},{"name":"b"}]}},
    {"spec":{"$setElementOrder/containers":[{"name":"b"},{"name":"a"}]}},
    '{"spec":{"containers":[{"name":"b"},{"name":"a"}]}}',
  ],
  [
    "$setElementOrder keeps server-only items by live order",
    {"spec":{"containers":[{"name":"a"},{"name":"x"},{"name":"b"},{"name":"y"}]}},
    {"spec":{"$setElementOrder/containers":[{"name":"b"},{"name":"a"}],"containers":[{"name":"b","image":"2"}]}},
    '{"spec":{"containers":[{"name":"x"},{"image":"2","name":"b"},{"name":"a"},{"name":"y"}]}}',
  ],
  [
    "$setElementOrder with a deletion",
    {"spec":{"containers":[{"name":"a"},{"name":"b"},{"name":"c"}]}},
    {"spec":{"$setElementOrder/containers":[{"name":"c"},{"name":"a"}],"containers":[{"name":"b","$patch":"delete"}]}},
    '{"spec":{"containers":[{"name":"c"},{"name":"a"}]}}',
  ],
  [
    "$setElementOrder with deletion and addition",
    {"spec":{"containers":[{"name":"1"},{"name":"2","image":"b"},{"name":"4","image":"c"}]}},
    {"spec":{"$setElementOrder/containers":[{"name":"2"},{"name":"3"}],"containers":[{"name":"3"},{"name":"1","$patch":"delete"}]}},
    '{"spec":{"containers":[{"image":"b","name":"2"},{"image":"c","name":"4"},{"name":"3"}]}}',
  ],
  [
    "$setElementOrder on an absent list adds it",
    {"spec":{}},
    {"spec":{"$setElementOrder/containers":[{"name":"b"},{"name":"a"}],"containers":[{"name":"b"},{"name":"a"}]}},
    '{"spec":{"containers":[{"name":"b"},{"name":"a"}]}}',
  ],
  [
    "error: $setElementOrder disagrees with the patch list order",
    {"spec":{}},
    {"spec":{"$setElementOrder/containers":[{"name":"b"},{"name":"a"}],"containers":[{"name":"a"},{"name":"b"}]}},
    { error: "The order in patch list:\n[map[name:a] map[name:b]]\n doesn't match $setElementOrder list:\n[map[name:b] map[name:a]]\n", code: 500 },
  ],
  [
    "primitive merge list: set union",
    {"metadata":{"finalizers":["a","b"]}},
    {"metadata":{"finalizers":["b","c"]}},
    '{"metadata":{"finalizers":["a","b","c"]}}',
  ],
  [
    "primitive merge list: $deleteFromPrimitiveList",
    {"metadata":{"finalizers":["a","b","c"]}},
    {"metadata":{"$deleteFromPrimitiveList/finalizers":["b","x"]}},
    '{"metadata":{"finalizers":["a","c"]}}',
  ],
  [
    "primitive merge list: add, delete and order",
    {"metadata":{"finalizers":["a","b"]}},
    {"metadata":{"$setElementOrder/finalizers":["b","c"],"finalizers":["c"],"$deleteFromPrimitiveList/finalizers":["a"]}},
    '{"metadata":{"finalizers":["b","c"]}}',
  ],
  [
    "primitive merge list: $setElementOrder only",
    {"metadata":{"finalizers":["a","b","c"]}},
    {"metadata":{"$setElementOrder/finalizers":["c","b","a"]}},
    '{"metadata":{"finalizers":["c","b","a"]}}',
  ],
  [
    "primitive merge list: deletion list for an absent field",
    {"metadata":{}},
    {"metadata":{"$deleteFromPrimitiveList/finalizers":["a"]}},
    '{"metadata":{}}',
  ],
  [
    "$patch replace on a map",
    {"metadata":{"labels":{"a":"1","b":"2"}}},
    {"metadata":{"labels":{"c":"3","$patch":"replace"}}},
    '{"metadata":{"labels":{"c":"3"}}}',
  ],
  [
    "$patch delete on a map",
    {"metadata":{"name":"x","labels":{"a":"1"}}},
    {"metadata":{"labels":{"$patch":"delete"}}},
    '{"metadata":{"labels":{},"name":"x"}}',
  ],
  [
    "$patch replace at the root",
    {"metadata":{"name":"x"},"spec":{"hostname":"h"}},
    {"$patch":"replace","spec":{"hostname":"g"}},
    '{"spec":{"hostname":"g"}}',
  ],
  [
    "$patch delete on a new map drops it",
    {"metadata":{}},
    {"metadata":{"labels":{"a":"1","$patch":"delete"}}},
    '{"metadata":{}}',
  ],
  [
    "$retainKeys clears unlisted fields",
    {"spec":{"volumes":[{"name":"v","hostPath":{"path":"/x"}}]}},
    {"spec":{"volumes":[{"name":"v","emptyDir":{},"$retainKeys":["emptyDir","name"]}]}},
    '{"spec":{"volumes":[{"emptyDir":{},"name":"v"}]}}',
  ],
  [
    "$retainKeys on a struct (deployment strategy style)",
    {"a":1,"b":2,"c":3},
    {"$retainKeys":["a","d"],"d":4},
    '{"a":1,"d":4}',
  ],
  [
    "replace strategy field taken as sent",
    {"spec":{"template":{"x":1}}},
    {"spec":{"template":{"y":{"z":null}}}},
    '{"spec":{"template":{"x":1,"y":{}}}}',
  ],
  [
    "unknown fields merge as plain maps",
    {"spec":{"extra":{"a":1,"list":[1,2]}}},
    {"spec":{"extra":{"b":2,"list":[3]}}},
    '{"spec":{"extra":{"a":1,"b":2,"list":[3]}}}',
  ],
  [
    "error: $patch merge on a list item",
    {"spec":{"containers":[{"name":"a"}]}},
    {"spec":{"containers":[{"name":"a","$patch":"merge"}]}},
    { error: "merging lists cannot yet be specified in the patch", code: 500 },
  ],
  [
    "error: unknown $patch on a map",
    {"metadata":{"labels":{"a":"1"}}},
    {"metadata":{"labels":{"$patch":"merge","b":"2"}}},
    { error: "unknown patch type: merge in map: map[$patch:merge b:2]", code: 500 },
  ],
  [
    "error: unknown $patch on a list item",
    {"spec":{"containers":[{"name":"a"}]}},
    {"spec":{"containers":[{"name":"a","$patch":"bogus"}]}},
    { error: "unknown patch type: bogus in map: map[$patch:bogus name:a]", code: 500 },
  ],
  [
    "error: merge key missing in a patch item",
    {"spec":{"containers":[{"name":"a"}]}},
    {"spec":{"containers":[{"image":"x"}]}},
    { error: "map: map[image:x] does not contain declared merge key: name", code: 500 },
  ],
  [
    "error: delete directive without merge key",
    {"spec":{"containers":[{"name":"a"}]}},
    {"spec":{"containers":[{"$patch":"delete"}]}},
    { error: "map: map[$patch:delete] does not contain declared merge key: name", code: 500 },
  ],
  [
    "error: malformed $deleteFromPrimitiveList key",
    {"metadata":{"finalizers":["a"]}},
    {"metadata":{"$deleteFromPrimitiveList":["a"]}},
    { error: "invalid patch format of primitive list", code: 400 },
  ],
  [
    "error: malformed $setElementOrder key",
    {"metadata":{"finalizers":["a"]}},
    {"metadata":{"$setElementOrder":["a"]}},
    { error: "invalid patch format of setElementOrder list", code: 400 },
  ],
  [
    "error: $setElementOrder is not a list",
    {"metadata":{"finalizers":["a"]}},
    {"metadata":{"$setElementOrder/finalizers":"a"}},
    { error: "expected a []interface {}, but received a string", code: 500 },
  ],
  [
    "error: $retainKeys is not a list",
    {"a":1},
    {"$retainKeys":"a"},
    { error: "invalid patch format of retainKeys", code: 400 },
  ],
  [
    "error: patch key missing from $retainKeys",
    {"a":1},
    {"$retainKeys":["a"],"b":2},
    { error: "invalid patch format of retainKeys", code: 400 },
  ],
  [
    "error: patch list order contradicts $setElementOrder",
    {"spec":{"containers":[{"name":"a"},{"name":"b"}]}},
    {"spec":{"$setElementOrder/containers":[{"name":"a"},{"name":"b"}],"containers":[{"name":"b","image":"1"},{"name":"a","image":"2"}]}},
    { error: "The order in patch list:\n[map[image:1 name:b] map[image:2 name:a]]\n doesn't match $setElementOrder list:\n[map[name:a] map[name:b]]\n", code: 500 },
  ],
  [
    "error: mixed element types",
    {"metadata":{"finalizers":["a"]}},
    {"metadata":{"finalizers":[1]}},
    { error: "list element types are not identical: [[a] [1]]", code: 500 },
  ],
  [
    "error: list of lists",
    {"metadata":{"finalizers":[["a"]]}},
    {"metadata":{"finalizers":[["b"]]}},
    { error: "lists of lists are not supported", code: 422 },
  ],
];

describe('applyStrategicMergePatch', () => {
  it.each(cases)('%s', (_name, original, patch, expected) => {
    const o = deepFreeze(structuredClone(original));
    const p = deepFreeze(structuredClone(patch));
    if (typeof expected === 'string') {
      expect(stableStringify(applyStrategicMergePatch(o, p, podMeta))).toBe(expected);
    } else {
      let caught: unknown;
      try {
        applyStrategicMergePatch(o, p, podMeta);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(StrategicMergePatchError);
      expect((caught as Error).message).toBe(expected.error);
      expect((caught as StrategicMergePatchError).status.code).toBe(expected.code);
    }
  });

  it('maps errors to the statuses kube-apiserver answers with', () => {
    const status = (original: unknown, patch: unknown) => {
      try {
        applyStrategicMergePatch(original, patch, podMeta);
      } catch (e) {
        return (e as StrategicMergePatchError).status;
      }
      return undefined;
    };
    expect(status({}, { $retainKeys: 'x' })).toEqual({
      code: 400,
      reason: 'BadRequest',
      message: 'invalid patch format of retainKeys',
    });
    expect(status({ metadata: { finalizers: [['a']] } }, { metadata: { finalizers: [['b']] } })).toEqual({
      code: 422,
      reason: 'Invalid',
      message: 'the server rejected our request due to an error in our request',
      details: {},
    });
    expect(status({ metadata: { labels: {} } }, { metadata: { labels: { $patch: 'x' } } })).toEqual({
      code: 500,
      reason: '',
      message: 'unknown patch type: x in map: map[$patch:x]',
    });
    expect(status({}, [1])).toEqual({
      code: 400,
      reason: 'BadRequest',
      message: 'json: cannot unmarshal array into Go value of type map[string]interface {}',
    });
  });

  it('treats a null patch as no change and a missing original as {}', () => {
    const live = deepFreeze({ a: 1 });
    expect(applyStrategicMergePatch(live, null, podMeta)).toBe(live);
    expect(applyStrategicMergePatch(undefined, { a: 1 }, podMeta)).toEqual({ a: 1 });
  });

  it('shares untouched subtrees and never mutates its inputs', () => {
    const live = deepFreeze({
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', image: 'nginx:1.25', env: [{ name: 'A', value: '1' }] }] },
    });
    const out = applyStrategicMergePatch(live, deepFreeze({ metadata: { labels: { tier: 'x' } } }), podMeta);
    expect(out.spec).toBe(live.spec);
    expect(out.metadata).not.toBe(live.metadata);
    expect(live.metadata.labels).toEqual({ app: 'web' });
  });

  it('formats numbers and nested values in error texts as Go does', () => {
    expect(() =>
      applyStrategicMergePatch(
        { spec: { containers: [{ name: 'a' }] } },
        { spec: { containers: [{ image: 'x', ports: [{ containerPort: 80 }], ready: true, weight: 1.5 }] } },
        podMeta,
      ),
    ).toThrow(
      'map: map[image:x ports:[map[containerPort:80]] ready:true weight:1.5] does not contain declared merge key: name',
    );
  });
});

describe('mergeStrategicMergePatches', () => {
  it('merges patches so that applying the result equals applying them in turn', () => {
    const live = deepFreeze({ metadata: { labels: { a: '1', b: '2' }, finalizers: ['x'] } });
    const p1 = deepFreeze({ metadata: { labels: { a: null, c: '3' } } });
    const p2 = deepFreeze({ metadata: { labels: { c: '4' }, finalizers: ['y'] } });
    const merged: JsonObject = mergeStrategicMergePatches(podMeta, p1, p2);
    expect(merged).toEqual({ metadata: { labels: { a: null, c: '4' }, finalizers: ['y'] } });
    const stepwise = applyStrategicMergePatch(applyStrategicMergePatch(live, p1, podMeta), p2, podMeta);
    expect(applyStrategicMergePatch(live, merged, podMeta)).toEqual(stepwise);
  });
});
