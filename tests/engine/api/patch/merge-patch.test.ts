// JSON merge patch (RFC 7386) as kube-apiserver applies application/merge-patch+json and kubectl computes
// it (label, annotate, scale). Expected values were checked against gopkg.in/evanphx/json-patch.v4.
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../../../src/engine/api/patch/json-value';
import { applyMergePatch, createMergePatch } from '../../../../src/engine/api/patch/merge-patch';
import { hasConflicts } from '../../../../src/engine/api/patch/patch-conflicts';
import { MergePatchError } from '../../../../src/engine/api/patch/patch-errors';
import { stableStringify } from '../../../../src/engine/api/patch/stable-stringify';

// [name, document, patch, result as Go marshals it | error]
const applyCases: [string, unknown, unknown, string | { error: string }][] = [
  ["replace a member", {"a":"b"}, {"a":"c"}, '{"a":"c"}'],
  ["add a member", {"a":"b"}, {"b":"c"}, '{"a":"b","b":"c"}'],
  ["null removes a member", {"a":"b"}, {"a":null}, '{}'],
  ["null removes only that member", {"a":"b","b":"c"}, {"a":null}, '{"b":"c"}'],
  ["arrays are replaced", {"a":["b"]}, {"a":"c"}, '{"a":"c"}'],
  ["a scalar replaces an array", {"a":"c"}, {"a":["b"]}, '{"a":["b"]}'],
  ["nested merge with removal", {"a":{"b":"c"}}, {"a":{"b":"d","c":null}}, '{"a":{"b":"d"}}'],
  ["array of objects replaced whole", {"a":[{"b":"c"}]}, {"a":[1]}, '{"a":[1]}'],
  ["untouched null members stay", {"e":null}, {"a":1}, '{"a":1,"e":null}'],
  ["nulls pruned from a new member", {}, {"a":{"bb":{"ccc":null}}}, '{"a":{"bb":{}}}'],
  ["nulls pruned when replacing a scalar", {"a":1}, {"a":{"b":null,"c":1}}, '{"a":{"c":1}}'],
  ["nulls kept inside arrays that replace an object", {"a":{"x":1}}, {"a":[{"b":null}]}, '{"a":[{"b":null}]}'],
  ["nulls pruned inside arrays for a new member", {}, {"a":[{"b":null,"c":1},null]}, '{"a":[{"c":1},null]}'],
  ["kubectl scale", {"spec":{"replicas":1,"selector":{}}}, {"spec":{"replicas":4}}, '{"spec":{"replicas":4,"selector":{}}}'],
  ["kubectl label", {"metadata":{"name":"x","labels":{"a":"1","b":"2"}}}, {"metadata":{"labels":{"a":null,"c":"3"}}}, '{"metadata":{"labels":{"b":"2","c":"3"},"name":"x"}}'],
  ["an array patch becomes the document", {"a":1}, [{"a":null,"b":1}], '[{"b":1}]'],
  ["error: null patch", {"a":1}, null, { error: "Invalid JSON Patch" }],
  ["error: scalar patch", {"a":1}, "x", { error: "Invalid JSON Patch" }],
];

// [name, original, modified, merge patch]
const createCases: [string, unknown, unknown, string][] = [
  ["unchanged", {"a":1,"b":{"c":[1]}}, {"a":1,"b":{"c":[1]}}, '{}'],
  ["changed, added and removed", {"a":1,"b":2,"n":{"x":1,"y":2}}, {"a":3,"c":4,"n":{"x":1}}, '{"a":3,"b":null,"c":4,"n":{"y":null}}'],
  ["arrays compared whole", {"a":[1,2],"b":[{"x":1}]}, {"a":[1,2],"b":[{"x":2}]}, '{"b":[{"x":2}]}'],
  ["type change", {"a":{"b":1}}, {"a":[1]}, '{"a":[1]}'],
  ["null to value and value to null", {"a":null,"b":1}, {"a":1,"b":null}, '{"a":1,"b":null}'],
  ["kubectl label on metadata", {"metadata":{"name":"x","labels":{"app":"web"}}}, {"metadata":{"name":"x","labels":{"app":"web","tier":"db"}}}, '{"metadata":{"labels":{"tier":"db"}}}'],
];

describe('applyMergePatch', () => {
  it.each(applyCases)('%s', (_name, doc, patch, expected) => {
    const d = deepFreeze(structuredClone(doc));
    const p = deepFreeze(structuredClone(patch));
    if (typeof expected === 'string') {
      expect(stableStringify(applyMergePatch(d, p))).toBe(expected);
    } else {
      expect(() => applyMergePatch(d, p)).toThrow(expected.error);
    }
  });

  it('answers "Invalid JSON Patch" with 400', () => {
    try {
      applyMergePatch({}, 7);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(MergePatchError);
      expect((e as MergePatchError).status).toEqual({ code: 400, reason: 'BadRequest', message: 'Invalid JSON Patch' });
    }
  });

  it('shares untouched members with the document', () => {
    const doc = deepFreeze({ metadata: { name: 'x' }, spec: { a: { deep: [1] } } });
    const out = applyMergePatch(doc, { metadata: { labels: { a: '1' } } }) as typeof doc;
    expect(out.spec).toBe(doc.spec);
  });
});

describe('createMergePatch', () => {
  it.each(createCases)('%s', (_name, original, modified, expected) => {
    const o = deepFreeze(structuredClone(original));
    const m = deepFreeze(structuredClone(modified));
    const patch = createMergePatch(o, m);
    expect(stableStringify(patch)).toBe(expected);
    if (!JSON.stringify(modified).includes('null')) expect(applyMergePatch(o, patch)).toEqual(modified);
  });

  it('diffs lists of documents pairwise and rejects mismatched inputs', () => {
    expect(createMergePatch([{ a: 1 }, { b: 1 }], [{ a: 2 }, { b: 1 }])).toEqual([{ a: 2 }, {}]);
    expect(() => createMergePatch([{ a: 1 }], { a: 1 })).toThrow('Mismatched JSON Documents');
    expect(() => createMergePatch([{ a: 1 }], [])).toThrow('Invalid JSON Document');
  });
});

describe('hasConflicts', () => {
  it.each([
    ['disjoint keys', { a: 1 }, { b: 2 }, false],
    ['same value', { a: { b: 1 } }, { a: { b: 1, c: 2 } }, false],
    ['different value', { a: { b: 1 } }, { a: { b: 2 } }, true],
    ['map against scalar', { a: { b: 1 } }, { a: 1 }, true],
    ['lists of different length', { a: [1] }, { a: [1, 2] }, true],
    ['equal lists', { a: [{ x: 1 }] }, { a: [{ x: 1, y: 2 }] }, false],
  ] as const)('%s', (_name, left, right, expected) => {
    expect(hasConflicts(left, right)).toBe(expected);
  });
});
