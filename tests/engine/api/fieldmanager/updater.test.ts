// Ownership across appliers and updaters (merge/update.go): the cases of structured-merge-diff's merge
// tests (leaf_test, set_test, key_test, nested_test, multiple_appliers_test, field_level_overrides_test)
// that do not need version conversion, replayed on hand-built schemas.
import { describe, expect, it } from 'vitest';
import { atomicList, BOOLEAN, expectedPaths, listMap, managedPaths, mapOf, NUMERIC, replay, setOf, STRING, struct, type Op, type P } from './helpers';
import type { Atom } from '../../../../src/engine/api/fieldmanager/schema';

interface Case {
  ops: Op[];
  /** The live object afterwards (Go's nil as null where the merge keeps a null). */
  object: unknown;
  /** Every manager and its member paths; managers with no fields must be gone. */
  managed?: Record<string, P[][]>;
}

function run(atom: Atom, cases: Record<string, Case>) {
  it.each(Object.entries(cases))('%s', (_name, c) => {
    const state = replay(atom, c.ops);
    expect(state.live).toEqual(c.object);
    if (c.managed) expect(managedPaths(state.managed)).toEqual(expectedPaths(c.managed));
    for (const st of state.managed.values()) expect(Object.keys(st.set).length).toBeGreaterThan(0);
  });
}

const leaf = struct({ numeric: NUMERIC, string: STRING, bool: BOOLEAN });

describe('leaf fields (leaf_test)', () => {
  run(leaf, {
    apply_twice: {
      ops: [
        { apply: 'default', object: { numeric: 1, string: 'string' } },
        { apply: 'default', object: { numeric: 2, string: 'string', bool: false } },
      ],
      object: { numeric: 2, string: 'string', bool: false },
      managed: { default: [['numeric'], ['string'], ['bool']] },
    },
    apply_update_apply_no_conflict: {
      ops: [
        { apply: 'default', object: { numeric: 1, string: 'string' } },
        { update: 'controller', object: { numeric: 1, string: 'string', bool: true } },
        { apply: 'default', object: { numeric: 2, string: 'string' } },
      ],
      object: { numeric: 2, string: 'string', bool: true },
      managed: { default: [['numeric'], ['string']], controller: [['bool']] },
    },
    apply_update_apply_with_conflict: {
      ops: [
        { apply: 'default', object: { numeric: 1, string: 'string' } },
        { update: 'controller', object: { numeric: 1, string: 'controller string', bool: true } },
        { apply: 'default', object: { numeric: 2, string: 'user string' }, conflicts: [['controller', ['string']]] },
        { apply: 'default', object: { numeric: 2, string: 'user string' }, force: true },
      ],
      object: { numeric: 2, string: 'user string', bool: true },
      managed: { default: [['numeric'], ['string']], controller: [['bool']] },
    },
    apply_twice_remove: {
      ops: [
        { apply: 'default', object: { numeric: 1, string: 'string', bool: false } },
        { apply: 'default', object: { string: 'new string' } },
      ],
      object: { string: 'new string' },
      managed: { default: [['string']] },
    },
    update_apply_omits: {
      ops: [
        { apply: 'default', object: { numeric: 2 } },
        { update: 'controller', object: { numeric: 1 } },
        { apply: 'default', object: {} },
      ],
      object: { numeric: 1 },
      managed: { controller: [['numeric']] },
    },
    update_remove_empty_set: {
      ops: [
        { apply: 'default', object: { string: 'string' } },
        { update: 'controller', object: { string: 'new string' } },
      ],
      object: { string: 'new string' },
      managed: { controller: [['string']] },
    },
    apply_remove_empty_set: {
      ops: [
        { apply: 'default', object: { string: 'string' } },
        { apply: 'default', object: {} },
      ],
      // Everything went: the root itself is Go's nil.
      object: null,
      managed: {},
    },
    same_value_is_co_owned_not_a_conflict: {
      ops: [
        { update: 'controller', object: { numeric: 1 } },
        { apply: 'default', object: { numeric: 1 } },
      ],
      object: { numeric: 1 },
      managed: { controller: [['numeric']], default: [['numeric']] },
    },
    co_owner_leaving_keeps_the_value: {
      ops: [
        { apply: 'one', object: { numeric: 1, string: 'a' } },
        { apply: 'two', object: { numeric: 1 } },
        { apply: 'one', object: { string: 'a' } },
      ],
      object: { numeric: 1, string: 'a' },
      managed: { one: [['string']], two: [['numeric']] },
    },
    two_appliers_conflict_then_force_takes_ownership: {
      ops: [
        { apply: 'one', object: { numeric: 1, bool: true } },
        { apply: 'two', object: { numeric: 2 }, conflicts: [['one', ['numeric']]] },
        { apply: 'two', object: { numeric: 2 }, force: true },
      ],
      object: { numeric: 2, bool: true },
      managed: { one: [['bool']], two: [['numeric']] },
    },
    updater_never_conflicts_and_takes_changed_fields: {
      ops: [
        { apply: 'one', object: { numeric: 1, string: 's' } },
        { update: 'controller', object: { numeric: 5, string: 's' } },
      ],
      object: { numeric: 5, string: 's' },
      managed: { one: [['string']], controller: [['numeric']] },
    },
    updater_removing_a_field_takes_it_from_its_owner: {
      ops: [
        { apply: 'one', object: { numeric: 1, string: 's' } },
        { update: 'controller', object: { string: 's' } },
      ],
      object: { string: 's' },
      managed: { one: [['string']] },
    },
  });
});

const sets = struct({ list: setOf(STRING) });

describe('sets (set_test)', () => {
  run(sets, {
    apply_twice: {
      ops: [
        { apply: 'default', object: { list: ['a', 'c'] } },
        { apply: 'default', object: { list: ['a', 'b', 'c', 'd'] } },
      ],
      object: { list: ['a', 'b', 'c', 'd'] },
      managed: { default: [['list', { v: 'a' }], ['list', { v: 'b' }], ['list', { v: 'c' }], ['list', { v: 'd' }]] },
    },
    apply_update_apply_no_overlap: {
      ops: [
        { apply: 'default', object: { list: ['a', 'c'] } },
        { update: 'controller', object: { list: ['a', 'b', 'c', 'd'] } },
        { apply: 'default', object: { list: ['a', 'aprime', 'c', 'cprime'] } },
      ],
      object: { list: ['a', 'b', 'aprime', 'c', 'd', 'cprime'] },
      managed: {
        default: [['list', { v: 'a' }], ['list', { v: 'aprime' }], ['list', { v: 'c' }], ['list', { v: 'cprime' }]],
        controller: [['list', { v: 'b' }], ['list', { v: 'd' }]],
      },
    },
    apply_update_apply_with_overlap: {
      ops: [
        { apply: 'default', object: { list: ['a', 'c'] } },
        { update: 'controller', object: { list: ['a', 'b', 'c', 'd'] } },
        { apply: 'default', object: { list: ['a', 'b', 'c'] } },
      ],
      object: { list: ['a', 'b', 'c', 'd'] },
      managed: {
        default: [['list', { v: 'a' }], ['list', { v: 'b' }], ['list', { v: 'c' }]],
        controller: [['list', { v: 'b' }], ['list', { v: 'd' }]],
      },
    },
    apply_twice_reorder: {
      ops: [
        { apply: 'default', object: { list: ['a', 'b', 'c', 'd'] } },
        { apply: 'default', object: { list: ['a', 'd', 'c', 'b'] } },
      ],
      object: { list: ['a', 'd', 'c', 'b'] },
      managed: { default: [['list', { v: 'a' }], ['list', { v: 'b' }], ['list', { v: 'c' }], ['list', { v: 'd' }]] },
    },
    // A reorder changes no field: the updater gets no entry, the applier's order wins back.
    apply_update_apply_reorder: {
      ops: [
        { apply: 'default', object: { list: ['a', 'b', 'c', 'd'] } },
        { update: 'controller', object: { list: ['a', 'd', 'c', 'b'] } },
        { apply: 'default', object: { list: ['a', 'b', 'c', 'd'] } },
      ],
      object: { list: ['a', 'b', 'c', 'd'] },
      managed: { default: [['list', { v: 'a' }], ['list', { v: 'b' }], ['list', { v: 'c' }], ['list', { v: 'd' }]] },
    },
    apply_twice_remove: {
      ops: [
        { apply: 'default', object: { list: ['a', 'b', 'c', 'd'] } },
        { apply: 'default', object: { list: ['a', 'c'] } },
      ],
      object: { list: ['a', 'c'] },
      managed: { default: [['list', { v: 'a' }], ['list', { v: 'c' }]] },
    },
  });
});

const associative = struct({ list: listMap(['name'], struct({ name: STRING, value: NUMERIC })) });

describe('associative lists (key_test, multiple_appliers_test)', () => {
  const item = (n: string): P[] => ['list', { k: { name: n } }];
  run(associative, {
    removing_obsolete_applied_structs: {
      ops: [
        { apply: 'default', object: { list: [{ name: 'a', value: 1 }] } },
        { apply: 'default', object: { list: [{ name: 'b', value: 2 }] } },
      ],
      object: { list: [{ name: 'b', value: 2 }] },
      managed: { default: [item('b'), [...item('b'), 'name'], [...item('b'), 'value']] },
    },
    remove_one: {
      ops: [
        { apply: 'apply-one', object: { list: [{ name: 'a' }, { name: 'b' }] } },
        { apply: 'apply-two', object: { list: [{ name: 'c' }] } },
        { apply: 'apply-one', object: { list: [{ name: 'a' }] } },
      ],
      object: { list: [{ name: 'a' }, { name: 'c' }] },
      managed: { 'apply-one': [item('a'), [...item('a'), 'name']], 'apply-two': [item('c'), [...item('c'), 'name']] },
    },
    same_value_no_conflict: {
      ops: [
        { apply: 'apply-one', object: { list: [{ name: 'a', value: 0 }] } },
        { apply: 'apply-two', object: { list: [{ name: 'a', value: 0 }] } },
      ],
      object: { list: [{ name: 'a', value: 0 }] },
      managed: {
        'apply-one': [item('a'), [...item('a'), 'name'], [...item('a'), 'value']],
        'apply-two': [item('a'), [...item('a'), 'name'], [...item('a'), 'value']],
      },
    },
    change_value_yes_conflict: {
      ops: [
        { apply: 'apply-one', object: { list: [{ name: 'a', value: 0 }] } },
        { apply: 'apply-two', object: { list: [{ name: 'a', value: 1 }] }, conflicts: [['apply-one', [...item('a'), 'value']]] },
      ],
      object: { list: [{ name: 'a', value: 0 }] },
      managed: { 'apply-one': [item('a'), [...item('a'), 'name'], [...item('a'), 'value']] },
    },
    remove_one_keep_one: {
      ops: [
        { apply: 'apply-one', object: { list: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] } },
        { apply: 'apply-two', object: { list: [{ name: 'c' }, { name: 'd' }] } },
        { apply: 'apply-one', object: { list: [{ name: 'a' }] } },
      ],
      object: { list: [{ name: 'a' }, { name: 'c' }, { name: 'd' }] },
      managed: {
        'apply-one': [item('a'), [...item('a'), 'name']],
        'apply-two': [item('c'), [...item('c'), 'name'], item('d'), [...item('d'), 'name']],
      },
    },
    // An item an updater added stays when the applier drops the items around it.
    updater_item_survives_applier_prune: {
      ops: [
        { apply: 'apply-one', object: { list: [{ name: 'a' }, { name: 'b' }] } },
        { update: 'controller', object: { list: [{ name: 'a' }, { name: 'b' }, { name: 'x', value: 9 }] } },
        { apply: 'apply-one', object: { list: [{ name: 'a' }] } },
      ],
      object: { list: [{ name: 'a' }, { name: 'x', value: 9 }] },
      managed: {
        'apply-one': [item('a'), [...item('a'), 'name']],
        controller: [item('x'), [...item('x'), 'name'], [...item('x'), 'value']],
      },
    },
  });
});

const nestedMap = mapOf(STRING);
const nestedList = setOf(STRING);
const recursive: Atom = mapOf(() => recursive);
const nested = struct({
  listOfLists: listMap(['name'], struct({ name: STRING, value: nestedList })),
  listOfMaps: listMap(['name'], struct({ name: STRING, value: nestedMap })),
  mapOfLists: mapOf(nestedList),
  mapOfMaps: mapOf(nestedMap),
  mapOfMapsRecursive: recursive,
  struct: struct({ name: STRING, value: NUMERIC }),
});

describe('nested types (nested_test, multiple_appliers_test)', () => {
  const lol = (n: string, ...rest: P[]): P[] => ['listOfLists', { k: { name: n } }, ...rest];
  run(nested, {
    listOfLists_change_value: {
      ops: [
        { apply: 'default', object: { listOfLists: [{ name: 'a', value: ['b', 'c'] }] } },
        { apply: 'default', object: { listOfLists: [{ name: 'a', value: ['a', 'c'] }] } },
      ],
      object: { listOfLists: [{ name: 'a', value: ['a', 'c'] }] },
      managed: { default: [lol('a'), lol('a', 'name'), lol('a', 'value', { v: 'a' }), lol('a', 'value', { v: 'c' })] },
    },
    listOfLists_change_key_and_value: {
      ops: [
        { apply: 'default', object: { listOfLists: [{ name: 'a', value: ['b', 'c'] }] } },
        { apply: 'default', object: { listOfLists: [{ name: 'b', value: ['a', 'c'] }] } },
      ],
      object: { listOfLists: [{ name: 'b', value: ['a', 'c'] }] },
      managed: { default: [lol('b'), lol('b', 'name'), lol('b', 'value', { v: 'a' }), lol('b', 'value', { v: 'c' })] },
    },
    listOfMaps_change_value: {
      ops: [
        { apply: 'default', object: { listOfMaps: [{ name: 'a', value: { b: 'x', c: 'y' } }] } },
        { apply: 'default', object: { listOfMaps: [{ name: 'a', value: { a: 'x', c: 'z' } }] } },
      ],
      object: { listOfMaps: [{ name: 'a', value: { a: 'x', c: 'z' } }] },
      managed: {
        default: [['listOfMaps', { k: { name: 'a' } }], ['listOfMaps', { k: { name: 'a' } }, 'name'], ['listOfMaps', { k: { name: 'a' } }, 'value', 'a'], ['listOfMaps', { k: { name: 'a' } }, 'value', 'c']],
      },
    },
    mapOfLists_change_key_and_value: {
      ops: [
        { apply: 'default', object: { mapOfLists: { a: ['b', 'c'] } } },
        { apply: 'default', object: { mapOfLists: { b: ['a', 'c'] } } },
      ],
      object: { mapOfLists: { b: ['a', 'c'] } },
      managed: { default: [['mapOfLists', 'b'], ['mapOfLists', 'b', { v: 'a' }], ['mapOfLists', 'b', { v: 'c' }]] },
    },
    mapOfMaps_change_value: {
      ops: [
        { apply: 'default', object: { mapOfMaps: { a: { b: 'x', c: 'y' } } } },
        { apply: 'default', object: { mapOfMaps: { a: { a: 'x', c: 'z' } } } },
      ],
      object: { mapOfMaps: { a: { a: 'x', c: 'z' } } },
      managed: { default: [['mapOfMaps', 'a'], ['mapOfMaps', 'a', 'a'], ['mapOfMaps', 'a', 'c']] },
    },
    mapOfMapsRecursive_change_middle_key: {
      ops: [
        { apply: 'default', object: { mapOfMapsRecursive: { a: { b: { c: null } } } } },
        { apply: 'default', object: { mapOfMapsRecursive: { a: { d: { c: null } } } } },
      ],
      object: { mapOfMapsRecursive: { a: { d: { c: null } } } },
      managed: { default: [['mapOfMapsRecursive', 'a'], ['mapOfMapsRecursive', 'a', 'd'], ['mapOfMapsRecursive', 'a', 'd', 'c']] },
    },
    struct_apply_remove_all: {
      ops: [
        { apply: 'default', object: { struct: { name: 'a', value: 1 } } },
        { apply: 'default', object: {} },
      ],
      // Everything went: the root itself is Go's nil.
      object: null,
      managed: {},
    },
    struct_apply_remove_dangling: {
      ops: [
        { apply: 'default', object: { struct: { name: 'a' } } },
        { apply: 'default', object: { struct: null } },
      ],
      object: { struct: null },
      managed: { default: [['struct']] },
    },
    struct_apply_update_remove_all: {
      ops: [
        { apply: 'default', object: { struct: { name: 'a' } } },
        { update: 'controller', object: { struct: { name: 'a', value: 1 } } },
        { apply: 'default', object: {} },
      ],
      object: { struct: { value: 1 } },
    },
    struct_apply_update_dict_dangling: {
      ops: [
        { apply: 'default', object: { struct: { name: 'a' } } },
        { update: 'controller', object: { struct: { name: 'a', value: 1 } } },
        { apply: 'default', object: { struct: {} } },
      ],
      object: { struct: { value: 1 } },
    },
    struct_apply_update_took_over: {
      ops: [
        { apply: 'default', object: { struct: { name: 'a' } } },
        { update: 'controller', object: { struct: { name: 'b', value: 1 } } },
        { apply: 'default', object: { struct: null } },
      ],
      object: { struct: { name: 'b', value: 1 } },
    },
    remove_one_keep_one_with_two_sub_items: {
      ops: [
        { apply: 'apply-one', object: { listOfLists: [{ name: 'a' }, { name: 'b', value: ['c'] }] } },
        { apply: 'apply-two', object: { listOfLists: [{ name: 'b', value: ['d'] }] } },
        { apply: 'apply-one', object: { listOfLists: [{ name: 'a' }] } },
      ],
      object: { listOfLists: [{ name: 'a' }, { name: 'b', value: ['d'] }] },
      managed: {
        'apply-one': [lol('a'), lol('a', 'name')],
        'apply-two': [lol('b'), lol('b', 'name'), lol('b', 'value', { v: 'd' })],
      },
    },
    remove_one_keep_one_with_dangling_subitem: {
      ops: [
        { apply: 'apply-one', object: { listOfLists: [{ name: 'a' }, { name: 'b', value: ['c'] }] } },
        { apply: 'apply-two', object: { listOfLists: [{ name: 'b', value: ['d'] }] } },
        { update: 'controller', object: { listOfLists: [{ name: 'a' }, { name: 'b', value: ['c', 'd', 'e'] }] } },
        { apply: 'apply-one', object: { listOfLists: [{ name: 'a' }] } },
      ],
      object: { listOfLists: [{ name: 'a' }, { name: 'b', value: ['d', 'e'] }] },
      managed: {
        'apply-one': [lol('a'), lol('a', 'name')],
        'apply-two': [lol('b'), lol('b', 'name'), lol('b', 'value', { v: 'd' })],
        controller: [lol('b', 'value', { v: 'e' })],
      },
    },
    remove_one_with_dangling_subitem_keep_one: {
      ops: [
        { apply: 'apply-one', object: { listOfLists: [{ name: 'a' }, { name: 'b', value: ['c'] }] } },
        { apply: 'apply-two', object: { listOfLists: [{ name: 'a', value: ['b'] }] } },
        { update: 'controller', object: { listOfLists: [{ name: 'a', value: ['b'] }, { name: 'b', value: ['c', 'd'] }] } },
        { apply: 'apply-one', object: { listOfLists: [{ name: 'a' }] } },
      ],
      object: { listOfLists: [{ name: 'a', value: ['b'] }] },
      managed: {
        'apply-one': [lol('a'), lol('a', 'name')],
        'apply-two': [lol('a'), lol('a', 'name'), lol('a', 'value', { v: 'b' })],
      },
    },
    multiple_appliers_recursive_map: {
      ops: [
        { apply: 'apply-one', object: { mapOfMapsRecursive: { a: { b: null }, c: { d: null } } } },
        { apply: 'apply-two', object: { mapOfMapsRecursive: { a: null, c: { d: null } } } },
        { update: 'controller-one', object: { mapOfMapsRecursive: { a: { b: { c: null } }, c: { d: { e: null } } } } },
        { update: 'controller-two', object: { mapOfMapsRecursive: { a: { b: { c: { d: null } } }, c: { d: { e: { f: null } } } } } },
        { update: 'controller-one', object: { mapOfMapsRecursive: { a: { b: { c: { d: { e: null } } } }, c: { d: { e: { f: { g: null } } } } } } },
        { apply: 'apply-one', object: { mapOfMapsRecursive: null } },
      ],
      object: { mapOfMapsRecursive: { a: null, c: { d: { e: { f: { g: null } } } } } },
      managed: {
        'apply-one': [['mapOfMapsRecursive']],
        'apply-two': [['mapOfMapsRecursive', 'a'], ['mapOfMapsRecursive', 'c'], ['mapOfMapsRecursive', 'c', 'd']],
        'controller-one': [['mapOfMapsRecursive', 'c', 'd', 'e'], ['mapOfMapsRecursive', 'c', 'd', 'e', 'f', 'g']],
        'controller-two': [['mapOfMapsRecursive', 'c', 'd', 'e', 'f']],
      },
    },
  });
});

// x-kubernetes-map-type / list types on a field (field_level_overrides_test).
const overrides = struct({
  atomicMapReference: struct({ name: STRING, value: NUMERIC }, { atomic: true }),
  granularMap: struct({ name: STRING, value: NUMERIC }),
  atomicInlineList: atomicList(NUMERIC),
  separableInlineList: setOf(NUMERIC),
  atomicLabels: mapOf(STRING, true),
});

describe('atomic and granular maps and lists (field_level_overrides_test)', () => {
  run(overrides, {
    granular_map_is_shared: {
      ops: [
        { apply: 'apply_one', object: { granularMap: { name: 'a' } } },
        { apply: 'apply_two', object: { granularMap: { value: 2 } } },
      ],
      object: { granularMap: { name: 'a', value: 2 } },
      managed: { apply_one: [['granularMap', 'name']], apply_two: [['granularMap', 'value']] },
    },
    atomic_map_conflicts_as_a_whole: {
      ops: [
        { apply: 'apply_one', object: { atomicMapReference: { name: 'a' } } },
        { apply: 'apply_two', object: { atomicMapReference: { value: 2 } }, conflicts: [['apply_one', ['atomicMapReference']]] },
        { apply: 'apply_one', object: { atomicMapReference: { name: 'b', value: 2 } } },
      ],
      object: { atomicMapReference: { name: 'b', value: 2 } },
      managed: { apply_one: [['atomicMapReference']] },
    },
    atomic_map_is_replaced_not_merged_on_force: {
      ops: [
        { apply: 'apply_one', object: { atomicMapReference: { name: 'a' } } },
        { apply: 'apply_two', object: { atomicMapReference: { value: 2 } }, force: true },
      ],
      object: { atomicMapReference: { value: 2 } },
      managed: { apply_two: [['atomicMapReference']] },
    },
    atomic_map_of_strings_same_value_is_shared: {
      ops: [
        { apply: 'apply_one', object: { atomicLabels: { a: 'x' } } },
        { apply: 'apply_two', object: { atomicLabels: { a: 'x' } } },
      ],
      object: { atomicLabels: { a: 'x' } },
      managed: { apply_one: [['atomicLabels']], apply_two: [['atomicLabels']] },
    },
    atomic_list_conflicts_as_a_whole: {
      ops: [
        { apply: 'apply_one', object: { atomicInlineList: [1] } },
        { apply: 'apply_two', object: { atomicInlineList: [2] }, conflicts: [['apply_one', ['atomicInlineList']]] },
      ],
      object: { atomicInlineList: [1] },
      managed: { apply_one: [['atomicInlineList']] },
    },
    associative_set_items_are_separate: {
      ops: [
        { apply: 'apply_one', object: { separableInlineList: [1] } },
        { apply: 'apply_two', object: { separableInlineList: [2] } },
      ],
      object: { separableInlineList: [1, 2] },
      managed: { apply_one: [['separableInlineList', { v: 1 }]], apply_two: [['separableInlineList', { v: 2 }]] },
    },
  });
});

// Multi-key lists (containerPort + protocol), with a defaulted key.
const ports = struct({
  ports: listMap(['containerPort', 'protocol'], struct({ containerPort: NUMERIC, protocol: STRING, name: STRING }, { defaults: { protocol: 'TCP' } })),
});

describe('lists keyed by several fields (default_keys_test)', () => {
  const port = (n: number, p: string, ...rest: P[]): P[] => ['ports', { k: { containerPort: n, protocol: p } }, ...rest];
  run(ports, {
    apply_missing_defaulted_key: {
      ops: [{ apply: 'default', object: { ports: [{ containerPort: 80 }] } }],
      object: { ports: [{ containerPort: 80 }] },
      managed: { default: [port(80, 'TCP'), port(80, 'TCP', 'containerPort')] },
    },
    apply_same_key_with_and_without_default_is_one_item: {
      ops: [
        { apply: 'one', object: { ports: [{ containerPort: 80 }] } },
        { apply: 'two', object: { ports: [{ containerPort: 80, protocol: 'TCP', name: 'http' }] } },
      ],
      object: { ports: [{ containerPort: 80, protocol: 'TCP', name: 'http' }] },
      managed: {
        one: [port(80, 'TCP'), port(80, 'TCP', 'containerPort')],
        two: [port(80, 'TCP'), port(80, 'TCP', 'containerPort'), port(80, 'TCP', 'protocol'), port(80, 'TCP', 'name')],
      },
    },
    different_protocols_are_different_items: {
      ops: [{ apply: 'default', object: { ports: [{ containerPort: 53, protocol: 'UDP' }, { containerPort: 53, protocol: 'TCP' }] } }],
      object: { ports: [{ containerPort: 53, protocol: 'UDP' }, { containerPort: 53, protocol: 'TCP' }] },
      managed: {
        default: [port(53, 'UDP'), port(53, 'UDP', 'containerPort'), port(53, 'UDP', 'protocol'), port(53, 'TCP'), port(53, 'TCP', 'containerPort'), port(53, 'TCP', 'protocol')],
      },
    },
  });
});
