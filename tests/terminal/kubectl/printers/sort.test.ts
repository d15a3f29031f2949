// --sort-by: Go's unstable pdqsort reproduced exactly (tie order checked against kubectl v1.32 on
// lists of 11 to 200 objects, fixtures/sort.json), value comparison rules and errors.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goSort, goSortSlice } from '../../../../src/terminal/kubectl/printers/gosort';
import { printName } from '../../../../src/terminal/kubectl/printers/name-printer';
import { parseQuantity, SortError, sortObjects, sortTableRows } from '../../../../src/terminal/kubectl/printers/sort';
import { printGetTables } from '../../../../src/terminal/kubectl/printers/table-output';
import type { Table } from '../../../../src/terminal/kubectl/printers/table-printer';
import { listOf } from '../../../../src/terminal/kubectl/printers/yaml';

interface SortSet {
  n: number;
  kinds: number;
  field?: string;
  nameOut?: string;
  tableOut?: string;
  items?: unknown[];
  table?: Table;
}

const { sets } = JSON.parse(readFileSync(new URL('./fixtures/sort.json', import.meta.url), 'utf8')) as { sets: SortSet[] };
const data = new Map(sets.filter((s) => s.items).map((s) => [s.n, s]));
const runs = sets.filter((s) => s.field).map((s) => [`${s.n} objects, ${s.kinds} distinct keys, ${s.field}`, s] as const);

describe('tie order matches kubectl v1.32', () => {
  it.each(runs)('-o name: %s', (_n, s) => {
    const items = structuredClone(data.get(s.n)!.items!);
    expect(printName(listOf(sortObjects(items, s.field!)))).toBe(s.nameOut);
  });
  it.each(runs)('table: %s', (_n, s) => {
    const table = structuredClone(data.get(s.n)!.table!);
    const res = printGetTables([{ table, resource: 'widgets', groupKind: { group: 'example.com', kind: 'Widget' }, namespaced: true }], { sortBy: s.field });
    expect(res.output).toBe(s.tableOut);
  });
});

describe('goSort', () => {
  it('is an insertion sort (stable) up to 12 elements', () => {
    const items = [3, 1, 2, 1, 3, 2, 1].map((k, i) => ({ k, i }));
    goSortSlice(items, (a, b) => a.k < b.k);
    expect(items.map((x) => x.i)).toEqual([1, 3, 6, 2, 5, 0, 4]);
  });

  it('sorts large inputs, including reversed and equal runs', () => {
    for (const input of [Array.from({ length: 500 }, (_, i) => 500 - i), Array.from({ length: 300 }, (_, i) => (i * 7919) % 101), Array(100).fill(4)]) {
      const copy = input.slice();
      goSortSlice(copy, (a, b) => a < b);
      expect(copy).toEqual(input.slice().sort((a, b) => a - b));
    }
  });

  it('does nothing for fewer than two elements', () => {
    let calls = 0;
    goSort({ len: 1, less: () => (calls++, true), swap: () => calls++ });
    expect(calls).toBe(0);
  });
});

const pod = (name: string, spec: Record<string, unknown>) => ({ kind: 'Pod', apiVersion: 'v1', metadata: { name }, spec });
const names = (items: { metadata: { name: string } }[]) => items.map((i) => i.metadata.name);

describe('sortObjects', () => {
  it.each([
    ['strings', [pod('a', { v: 'b' }), pod('b', { v: 'a' }), pod('c', { v: 'c' })], ['b', 'a', 'c']],
    ['integers', [pod('a', { v: 10 }), pod('b', { v: 9 }), pod('c', { v: -1 })], ['c', 'b', 'a']],
    ['floats', [pod('a', { v: 1.5 }), pod('b', { v: 0.5 })], ['b', 'a']],
    ['quantities compare by value', [pod('a', { v: '1Gi' }), pod('b', { v: '500Mi' }), pod('c', { v: '2' }), pod('d', { v: '100m' })], ['d', 'c', 'b', 'a']],
    ['numeric strings are quantities', [pod('a', { v: '10' }), pod('b', { v: '9' })], ['b', 'a']],
    ['a non-quantity falls back to string order (not transitive)', [pod('a', { v: '10' }), pod('b', { v: 'x' }), pod('c', { v: '9' })], ['c', 'a', 'b']],
    ['timestamps as strings', [pod('a', { v: '2024-02-01T00:00:00Z' }), pod('b', { v: '2024-01-01T00:00:00Z' })], ['b', 'a']],
    ['missing values first', [pod('a', { v: 2 }), pod('b', {}), pod('c', { v: 1 })], ['b', 'c', 'a']],
    ['null sorts first', [pod('a', { v: 2 }), pod('b', { v: null }), pod('c', { v: 1 })], ['b', 'c', 'a']],
  ])('%s', (_n, items, expected) => {
    expect(names(sortObjects(items as ReturnType<typeof pod>[], '.spec.v'))).toEqual(expected);
  });

  it('fails when no object has the field', () => {
    expect(() => sortObjects([pod('a', {})], '{.spec.v}')).toThrow('couldn\'t find any field with path "{.spec.v}" in the list of objects');
  });

  it.each([
    [[pod('a', { v: 1 }), pod('b', { v: 1.5 })], 'Field {.spec.v} in *unstructured.Unstructured is an unsortable type: interface, err: unsortable interface: interface'],
    [[pod('a', { v: true }), pod('b', { v: false })], 'Field {.spec.v} in *unstructured.Unstructured is an unsortable type: interface, err: unsortable type: bool'],
    [[pod('a', { v: 'x' }), pod('b', { v: 2 })], 'Field {.spec.v} in *unstructured.Unstructured is an unsortable type: interface, err: unsortable interface: interface'],
  ])('exits on unsortable values (%#)', (items, message) => {
    const e = (() => {
      try {
        sortObjects(items, '.spec.v');
      } catch (err) {
        return err as SortError;
      }
      return undefined;
    })();
    expect(e).toBeInstanceOf(SortError);
    expect(e?.message).toBe(message);
    expect(e?.source).toBe('sorter.go:329');
  });

  it('rejects fields it cannot relax', () => {
    expect(() => sortObjects([pod('a', {})], '{{.a}}')).toThrow('unexpected path string');
  });
});

describe('sortTableRows', () => {
  it('sorts rows by their object and reports the sorter.go:375 source on unsortable values', () => {
    const table: Table = { columnDefinitions: [], rows: [{ cells: ['a'], object: pod('a', { v: 2 }) }, { cells: ['b'], object: pod('b', { v: 1 }) }] };
    sortTableRows(table, 'spec.v');
    expect(table.rows!.map((r) => r.cells[0])).toEqual(['b', 'a']);
    const bad: Table = { rows: [{ cells: ['a'], object: pod('a', { v: {} }) }, { cells: ['b'], object: pod('b', { v: {} }) }] };
    expect(() => sortTableRows(bad, '.spec.v')).toThrow('Field {.spec.v} in [][][]reflect.Value is an unsortable type: interface, err: unsortable type: map[string]interface {}');
  });
});

describe('parseQuantity', () => {
  it.each([
    ['1', 1], ['100m', 0.1], ['1k', 1000], ['1Ki', 1024], ['2Gi', 2 * 2 ** 30], ['1e3', 1000], ['-1', -1], ['.5', 0.5], ['1.5M', 1.5e6],
  ])('%s = %d', (s, v) => expect(parseQuantity(s)).toBeCloseTo(v as number));
  it.each(['abc', '', '1x', '1 Gi', '2024-01-01T00:00:00Z', 'Gi'])('%j is not a quantity', (s) => expect(parseQuantity(s)).toBeNull());
});
