// Client-side patch computation as kubectl does it: two-way and three-way strategic merge patches and the
// three-way JSON merge patch. Expected patches were checked against k8s.io/apimachinery (strategicpatch,
// jsonmergepatch) and are compared as the JSON text kubectl sends.
import { describe, expect, it } from 'vitest';
import {
  APPLY_PRECONDITIONS,
  createThreeWayJsonMergePatch,
  createThreeWayMergePatch,
  createTwoWayMergePatch,
  isEmptyPatch,
  requireKeyUnchanged,
  requireMetadataKeyUnchanged,
} from '../../../../src/engine/api/patch/create-patch';
import { deepFreeze } from '../../../../src/engine/api/patch/json-value';
import { PatchConflictError, PreconditionFailedError } from '../../../../src/engine/api/patch/patch-errors';
import { applyStrategicMergePatch } from '../../../../src/engine/api/patch/strategic-merge-patch';
import { stableStringify } from '../../../../src/engine/api/patch/stable-stringify';
import { applyMergePatch } from '../../../../src/engine/api/patch/merge-patch';
import { podMeta } from './k8s-meta';

const frozen = <T>(v: T): T => deepFreeze(structuredClone(v));

// [name, original, modified, two-way patch as sent | error]
const twoWayCases: [string, unknown, unknown, string | { error: string }][] = [
  [
    "no change gives an empty patch",
    {"metadata":{"name":"a","labels":{"x":"1"}}},
    {"metadata":{"name":"a","labels":{"x":"1"}}},
    '{}',
  ],
  [
    "changed and added scalars",
    {"spec":{"hostname":"a"}},
    {"spec":{"hostname":"b","subdomain":"s"}},
    '{"spec":{"hostname":"b","subdomain":"s"}}',
  ],
  [
    "removed field becomes null",
    {"metadata":{"labels":{"a":"1","b":"2"}}},
    {"metadata":{"labels":{"a":"1"}}},
    '{"metadata":{"labels":{"b":null}}}',
  ],
  [
    "whole map removed",
    {"metadata":{"name":"n","labels":{"a":"1"}}},
    {"metadata":{"name":"n"}},
    '{"metadata":{"labels":null}}',
  ],
  [
    "type change sends the new value",
    {"spec":{"nodeSelector":{"a":"1"}}},
    {"spec":{"nodeSelector":"x"}},
    '{"spec":{"nodeSelector":"x"}}',
  ],
  [
    "atomic list sent whole",
    {"spec":{"tolerations":[{"key":"a"}]}},
    {"spec":{"tolerations":[{"key":"a"},{"key":"b"}]}},
    '{"spec":{"tolerations":[{"key":"a"},{"key":"b"}]}}',
  ],
  [
    "merge list item changed: item with key plus $setElementOrder",
    {"spec":{"containers":[{"name":"web","image":"nginx:1.25"}]}},
    {"spec":{"containers":[{"name":"web","image":"nginx:1.26"}]}},
    '{"spec":{"$setElementOrder/containers":[{"name":"web"}],"containers":[{"image":"nginx:1.26","name":"web"}]}}',
  ],
  [
    "merge list item added",
    {"spec":{"containers":[{"name":"a","image":"1"}]}},
    {"spec":{"containers":[{"name":"a","image":"1"},{"name":"b","image":"2"}]}},
    '{"spec":{"$setElementOrder/containers":[{"name":"a"},{"name":"b"}],"containers":[{"image":"2","name":"b"}]}}',
  ],
  [
    "merge list item removed: delete directive",
    {"spec":{"containers":[{"name":"a"},{"name":"b"}]}},
    {"spec":{"containers":[{"name":"a"}]}},
    '{"spec":{"$setElementOrder/containers":[{"name":"a"}],"containers":[{"$patch":"delete","name":"b"}]}}',
  ],
  [
    "merge list reordered only",
    {"spec":{"containers":[{"name":"a"},{"name":"b"}]}},
    {"spec":{"containers":[{"name":"b"},{"name":"a"}]}},
    '{"spec":{"$setElementOrder/containers":[{"name":"b"},{"name":"a"}]}}',
  ],
  [
    "merge list: add, change, delete at once",
    {"spec":{"containers":[{"name":"c","image":"3"},{"name":"a","image":"1"},{"name":"b"}]}},
    {"spec":{"containers":[{"name":"d"},{"name":"a","image":"2"},{"name":"b"}]}},
    '{"spec":{"$setElementOrder/containers":[{"name":"d"},{"name":"a"},{"name":"b"}],"containers":[{"name":"d"},{"image":"2","name":"a"},{"$patch":"delete","name":"c"}]}}',
  ],
  [
    "merge list from empty sends the list",
    {"spec":{"containers":[]}},
    {"spec":{"containers":[{"name":"a"}]}},
    '{"spec":{"containers":[{"name":"a"}]}}',
  ],
  [
    "merge list emptied: delete directives only",
    {"spec":{"containers":[{"name":"a"},{"name":"b"}]}},
    {"spec":{"containers":[]}},
    '{"spec":{"containers":[{"$patch":"delete","name":"a"},{"$patch":"delete","name":"b"}]}}',
  ],
  [
    "numeric merge keys sort as text",
    {"spec":{"containers":[{"name":"w","ports":[{"containerPort":9},{"containerPort":10}]}]}},
    {"spec":{"containers":[{"name":"w","ports":[{"containerPort":10,"name":"x"},{"containerPort":100}]}]}},
    '{"spec":{"$setElementOrder/containers":[{"name":"w"}],"containers":[{"$setElementOrder/ports":[{"containerPort":10},{"containerPort":100}],"name":"w","ports":[{"containerPort":10,"name":"x"},{"containerPort":100},{"$patch":"delete","containerPort":9}]}]}}',
  ],
  [
    "nested merge list change",
    {"spec":{"containers":[{"name":"w","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]}]}},
    {"spec":{"containers":[{"name":"w","env":[{"name":"A","value":"1"},{"name":"B","value":"3"}]}]}},
    '{"spec":{"$setElementOrder/containers":[{"name":"w"}],"containers":[{"$setElementOrder/env":[{"name":"A"},{"name":"B"}],"env":[{"name":"B","value":"3"}],"name":"w"}]}}',
  ],
  [
    "primitive merge list: additions, deletions, order",
    {"metadata":{"finalizers":["a","b"]}},
    {"metadata":{"finalizers":["c","b"]}},
    '{"metadata":{"$deleteFromPrimitiveList/finalizers":["a"],"$setElementOrder/finalizers":["c","b"],"finalizers":["c"]}}',
  ],
  [
    "primitive merge list: only deletions",
    {"metadata":{"finalizers":["a","b","c"]}},
    {"metadata":{"finalizers":["a","c"]}},
    '{"metadata":{"$deleteFromPrimitiveList/finalizers":["b"],"$setElementOrder/finalizers":["a","c"]}}',
  ],
  [
    "primitive merge list unchanged but unsorted still gets $setElementOrder",
    {"metadata":{"finalizers":["b","a"]}},
    {"metadata":{"finalizers":["b","a"]}},
    '{"metadata":{"$setElementOrder/finalizers":["b","a"]}}',
  ],
  [
    "primitive merge list unchanged and sorted gives nothing",
    {"metadata":{"finalizers":["a","b"]}},
    {"metadata":{"finalizers":["a","b"]}},
    '{}',
  ],
  [
    "retainKeys list item: $retainKeys generated",
    {"spec":{"volumes":[{"name":"v","hostPath":{"path":"/a"}}]}},
    {"spec":{"volumes":[{"name":"v","emptyDir":{}}]}},
    '{"spec":{"$setElementOrder/volumes":[{"name":"v"}],"volumes":[{"$retainKeys":["emptyDir","name"],"emptyDir":{},"hostPath":null,"name":"v"}]}}',
  ],
  [
    "explicit null in modified is sent",
    {"metadata":{"labels":{"a":"1"}}},
    {"metadata":{"labels":{"a":null}}},
    '{"metadata":{"labels":{"a":null}}}',
  ],
  [
    "error: merge key missing",
    {"spec":{"containers":[{"name":"a"}]}},
    {"spec":{"containers":[{"image":"x"}]}},
    { error: "map: map[image:x] does not contain declared merge key: name" },
  ],
  [
    "error: mixed element types",
    {"metadata":{"finalizers":["a"]}},
    {"metadata":{"finalizers":[1]}},
    { error: "list element types are not identical: [[a] [1]]" },
  ],
];

describe('createTwoWayMergePatch', () => {
  it.each(twoWayCases)('%s', (_name, original, modified, expected) => {
    const o = frozen(original);
    const m = frozen(modified);
    if (typeof expected !== 'string') {
      expect(() => createTwoWayMergePatch(o, m, podMeta)).toThrow(expected.error);
      return;
    }
    const patch = createTwoWayMergePatch(o, m, podMeta);
    expect(stableStringify(patch)).toBe(expected);
    // Applying the patch to the original yields the modified object (explicit nulls aside).
    if (!JSON.stringify(modified).includes('null')) {
      expect(stableStringify(applyStrategicMergePatch(o, patch, podMeta))).toBe(stableStringify(modified));
    }
  });

  it('sends nothing when a primitive merge list is only put into sorted order (as upstream)', () => {
    // diffLists compares `modified` with the original after sorting it, so this reordering is lost.
    const original = { metadata: { finalizers: ['f2', 'f1'] } };
    const patch = createTwoWayMergePatch(original, { metadata: { finalizers: ['f1', 'f2'] } }, podMeta);
    expect(patch).toEqual({});
  });

  it('checks preconditions on the computed patch', () => {
    const o = { kind: 'Pod', metadata: { name: 'a' } };
    expect(() => createTwoWayMergePatch(o, { kind: 'Job', metadata: { name: 'a' } }, podMeta, [requireKeyUnchanged('kind')])).toThrow(
      new PreconditionFailedError({ kind: 'Job' }),
    );
    expect(() =>
      createTwoWayMergePatch(o, { kind: 'Pod', metadata: { name: 'b' } }, podMeta, [requireMetadataKeyUnchanged('name')]),
    ).toThrow('precondition failed for: map[metadata:map[name:b]]');
    expect(createTwoWayMergePatch(o, { ...o, spec: {} }, podMeta, APPLY_PRECONDITIONS)).toEqual({ spec: {} });
  });

  it('rejects documents that are not objects', () => {
    expect(() => createTwoWayMergePatch([], {}, podMeta)).toThrow('invalid JSON document');
  });
});

interface ThreeWayCase {
  name: string;
  lastApplied: unknown;
  manifest: unknown;
  live: unknown;
  /** The patch kubectl sends. */
  patch: string;
  /** The live object after the API server applies it. */
  result: string;
}

const threeWayCases: ThreeWayCase[] = [
  {
    name: "unchanged manifest, live defaults and status kept: empty patch",
    lastApplied: {"spec":{"containers":[{"name":"w","image":"a"}]}},
    manifest: {"spec":{"containers":[{"name":"w","image":"a"}]}},
    live: {"spec":{"containers":[{"name":"w","image":"a","imagePullPolicy":"Always"}],"dnsPolicy":"ClusterFirst"},"status":{"phase":"Running"}},
    patch: '{}',
    result: '{"spec":{"containers":[{"image":"a","imagePullPolicy":"Always","name":"w"}],"dnsPolicy":"ClusterFirst"},"status":{"phase":"Running"}}',
  },
  {
    name: "field removed from the manifest is deleted",
    lastApplied: {"metadata":{"labels":{"a":"1","b":"2"}}},
    manifest: {"metadata":{"labels":{"a":"1"}}},
    live: {"metadata":{"labels":{"a":"1","b":"2","c":"3"}}},
    patch: '{"metadata":{"labels":{"b":null}}}',
    result: '{"metadata":{"labels":{"a":"1","c":"3"}}}',
  },
  {
    name: "field set by someone else is kept",
    lastApplied: {"metadata":{"labels":{"a":"1"}}},
    manifest: {"metadata":{"labels":{"a":"1"}}},
    live: {"metadata":{"labels":{"a":"1","other":"x"}}},
    patch: '{}',
    result: '{"metadata":{"labels":{"a":"1","other":"x"}}}',
  },
  {
    name: "live drift on a managed field is overwritten",
    lastApplied: {"spec":{"hostname":"a"}},
    manifest: {"spec":{"hostname":"a"}},
    live: {"spec":{"hostname":"z"}},
    patch: '{"spec":{"hostname":"a"}}',
    result: '{"spec":{"hostname":"a"}}',
  },
  {
    name: "container removed from manifest: delete directive",
    lastApplied: {"spec":{"containers":[{"name":"a"},{"name":"b"}]}},
    manifest: {"spec":{"containers":[{"name":"a"}]}},
    live: {"spec":{"containers":[{"name":"a","image":"x"},{"name":"b"},{"name":"sidecar"}]}},
    patch: '{"spec":{"$setElementOrder/containers":[{"name":"a"}],"containers":[{"$patch":"delete","name":"b"}]}}',
    result: '{"spec":{"containers":[{"image":"x","name":"a"},{"name":"sidecar"}]}}',
  },
  {
    name: "container added and changed",
    lastApplied: {"spec":{"containers":[{"name":"a","image":"1"}]}},
    manifest: {"spec":{"containers":[{"name":"a","image":"2"},{"name":"b","image":"3"}]}},
    live: {"spec":{"containers":[{"name":"a","image":"1","imagePullPolicy":"IfNotPresent"}]}},
    patch: '{"spec":{"$setElementOrder/containers":[{"name":"a"},{"name":"b"}],"containers":[{"image":"2","name":"a"},{"image":"3","name":"b"}]}}',
    result: '{"spec":{"containers":[{"image":"2","imagePullPolicy":"IfNotPresent","name":"a"},{"image":"3","name":"b"}]}}',
  },
  {
    name: "finalizer removed and added",
    lastApplied: {"metadata":{"finalizers":["a","b"]}},
    manifest: {"metadata":{"finalizers":["b","c"]}},
    live: {"metadata":{"finalizers":["a","b","z"]}},
    patch: '{"metadata":{"$deleteFromPrimitiveList/finalizers":["a"],"$setElementOrder/finalizers":["b","c"],"finalizers":["c"]}}',
    result: '{"metadata":{"finalizers":["b","c","z"]}}',
  },
  {
    name: "retainKeys volume source switched",
    lastApplied: {"spec":{"volumes":[{"name":"v","hostPath":{"path":"/a"}}]}},
    manifest: {"spec":{"volumes":[{"name":"v","emptyDir":{}}]}},
    live: {"spec":{"volumes":[{"name":"v","hostPath":{"path":"/a","type":""}}]}},
    patch: '{"spec":{"$setElementOrder/volumes":[{"name":"v"}],"volumes":[{"$retainKeys":["emptyDir","name"],"emptyDir":{},"hostPath":null,"name":"v"}]}}',
    result: '{"spec":{"volumes":[{"emptyDir":{},"name":"v"}]}}',
  },
];

describe('createThreeWayMergePatch', () => {
  it.each(threeWayCases)('$name', (c) => {
    const live = frozen(c.live);
    const patch = createThreeWayMergePatch(frozen(c.lastApplied), frozen(c.manifest), live, podMeta);
    expect(stableStringify(patch)).toBe(c.patch);
    expect(stableStringify(applyStrategicMergePatch(live, patch, podMeta))).toBe(c.result);
  });

  it('without a last-applied configuration sends only additions and changes', () => {
    const live = { metadata: { labels: { a: '2', b: '3' } } };
    const patch = createThreeWayMergePatch(undefined, { metadata: { labels: { a: '1' } } }, live, podMeta);
    expect(patch).toEqual({ metadata: { labels: { a: '1' } } });
  });

  it('reports an unchanged apply as an empty patch', () => {
    const doc = { metadata: { name: 'a' }, spec: { containers: [{ name: 'w', image: 'x' }] } };
    expect(isEmptyPatch(createThreeWayMergePatch(doc, doc, { ...doc, status: {} }, podMeta))).toBe(true);
  });

  describe('with overwrite=false', () => {
    it('fails on keys changed differently in the live object, with both sides as YAML', () => {
      const run = () =>
        createThreeWayMergePatch(
          { metadata: { labels: { a: '1' } } },
          { metadata: { labels: { a: '2' } } },
          { metadata: {} },
          podMeta,
          false,
        );
      expect(run).toThrow(PatchConflictError);
      expect(run).toThrow(
        'patch:\nmetadata:\n  labels:\n    a: "2"\n\nconflicts with changes made from original to current:\nmetadata:\n  labels: null\n\n',
      );
    });

    it('accepts the same change on both sides', () => {
      const patch = createThreeWayMergePatch({ spec: { hostname: 'a' } }, { spec: { hostname: 'b' } }, { spec: { hostname: 'b' } }, podMeta, false);
      expect(patch).toEqual({});
    });

    it('compares merge lists by merge key', () => {
      const original = { spec: { containers: [{ name: 'a', image: '1' }, { name: 'b', image: '1' }] } };
      const modified = { spec: { containers: [{ name: 'a', image: '2' }, { name: 'b', image: '1' }] } };
      // Someone else added a field to b only: no overlap with the patch, which changes a.
      const current = { spec: { containers: [{ name: 'a', image: '1' }, { name: 'b', image: '1', tty: true }] } };
      expect(stableStringify(createThreeWayMergePatch(original, modified, current, podMeta, false))).toBe(
        '{"spec":{"$setElementOrder/containers":[{"name":"a"},{"name":"b"}],"containers":[{"image":"2","name":"a"}]}}',
      );
      // Someone else changed b's image: the patch restores it, which is a conflict.
      const drifted = { spec: { containers: [{ name: 'b', image: '9' }, { name: 'a', image: '1' }] } };
      expect(() => createThreeWayMergePatch(original, modified, drifted, podMeta, false)).toThrow(PatchConflictError);
      const conflicting = { spec: { containers: [{ name: 'a', image: '3' }, { name: 'b', image: '1' }] } };
      expect(() => createThreeWayMergePatch(original, modified, conflicting, podMeta, false)).toThrow(
        'patch:\nspec:\n  $setElementOrder/containers:\n  - name: a\n  - name: b\n  containers:\n  - image: "2"\n    name: a\n\n' +
          'conflicts with changes made from original to current:\nspec:\n  containers:\n  - image: "3"\n    name: a\n\n',
      );
    });
  });
});

interface JsonMergeCase {
  name: string;
  lastApplied: unknown;
  manifest: unknown;
  live: unknown;
  expected: string | { error: string };
}

const jsonMergeCases: JsonMergeCase[] = [
  {
    name: "CR field changed, removed and live-only field kept",
    lastApplied: {"apiVersion":"x/v1","kind":"Foo","metadata":{"name":"f"},"spec":{"a":1,"b":{"c":2,"d":3},"list":[1,2]}},
    manifest: {"apiVersion":"x/v1","kind":"Foo","metadata":{"name":"f"},"spec":{"a":2,"b":{"c":2},"list":[1]}},
    live: {"apiVersion":"x/v1","kind":"Foo","metadata":{"name":"f","uid":"u"},"spec":{"a":1,"b":{"c":2,"d":3,"e":4},"list":[1,2]},"status":{"ok":true}},
    expected: '{"spec":{"a":2,"b":{"d":null},"list":[1]}}',
  },
  {
    name: "unchanged gives {}",
    lastApplied: {"kind":"Foo","spec":{"a":1}},
    manifest: {"kind":"Foo","spec":{"a":1}},
    live: {"kind":"Foo","spec":{"a":1,"z":0}},
    expected: '{}',
  },
  {
    name: "explicit empty map is a value",
    lastApplied: {"spec":{"m":{"a":1}}},
    manifest: {"spec":{"m":{}}},
    live: {"spec":{"m":{"a":1,"b":2}}},
    expected: '{"spec":{"m":{"a":null}}}',
  },
  {
    name: "precondition: kind changed",
    lastApplied: {"kind":"Foo","metadata":{"name":"f"}},
    manifest: {"kind":"Bar","metadata":{"name":"f"}},
    live: {"kind":"Foo","metadata":{"name":"f"}},
    expected: { error: "precondition failed for: map[kind:Bar]" },
  },
];

describe('createThreeWayJsonMergePatch (types without strategic metadata)', () => {
  it.each(jsonMergeCases)('$name', (c) => {
    const run = () => createThreeWayJsonMergePatch(frozen(c.lastApplied), frozen(c.manifest), frozen(c.live), APPLY_PRECONDITIONS);
    if (typeof c.expected !== 'string') {
      expect(run).toThrow(c.expected.error);
      return;
    }
    const patch = run();
    expect(stableStringify(patch)).toBe(c.expected);
    expect(applyMergePatch(c.live, patch)).toMatchObject(c.manifest as object);
  });
});
