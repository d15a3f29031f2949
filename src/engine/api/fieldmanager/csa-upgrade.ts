// kubectl's client side of moving an object from client-side to server-side apply: who owns a field
// (the last-applied annotation), and the JSON patch that folds the client-side-apply manager's fields
// into the server-side applier's entry.
// mirrors: client-go/util/csaupgrade/upgrade.go

import { adopt, EMPTY, has, union, type FieldSet } from './fieldset';
import { fieldElement, type PathElement } from './path-element';
import type { ManagedFieldsEntry, Operation } from './managed';

/** `.metadata.annotations[kubectl.kubernetes.io/last-applied-configuration]`. */
export const LAST_APPLIED_PATH: PathElement[] = ['metadata', 'annotations', 'kubectl.kubernetes.io/last-applied-configuration'].map(fieldElement);

function setOf(e: ManagedFieldsEntry): FieldSet | undefined {
  return e.fieldsV1 === undefined || e.fieldsV1 === null ? EMPTY : adopt(e.fieldsV1);
}

/** FindFieldsOwners: the entries of an operation that own every one of the paths. */
export function findFieldsOwners(entries: readonly ManagedFieldsEntry[] | undefined, operation: Operation, paths: readonly PathElement[][]): ManagedFieldsEntry[] {
  const out: ManagedFieldsEntry[] = [];
  for (const e of entries ?? []) {
    if (e.operation !== operation) continue;
    const set = setOf(e);
    if (set && paths.every((p) => has(set, p))) out.push(e);
  }
  return out;
}

function upgraded(entries: ManagedFieldsEntry[], csaManager: string, ssaManager: string): ManagedFieldsEntry[] | undefined {
  const list = entries.map((e) => ({ ...e }));
  const isCsa = (e: ManagedFieldsEntry) => e.manager === csaManager && e.operation === 'Update' && !e.subresource;
  let target = list.findIndex((e) => e.manager === ssaManager && e.operation === 'Apply' && !e.subresource);
  if (target < 0) {
    target = list.findIndex(isCsa);
    if (target < 0) return list;
    list[target] = { ...list[target], manager: ssaManager, operation: 'Apply' };
  }
  const ssa = list[target];
  const csa = list.find((e) => isCsa(e) && e.apiVersion === ssa.apiVersion);
  const a = setOf(ssa);
  const b = csa ? setOf(csa) : EMPTY;
  if (!a || !b) throw new Error('failed to convert fields to set');
  list[target] = { ...ssa, fieldsV1: union(a, b) };
  const filtered = list.filter((e) => !isCsa(e));
  return filtered.length ? filtered : undefined;
}

/**
 * UpgradeManagedFieldsPatch: a JSON patch replacing metadata.managedFields (and pinning the
 * resourceVersion), or undefined when there is nothing to migrate.
 */
export function upgradeManagedFieldsPatch(entries: readonly ManagedFieldsEntry[] | undefined, resourceVersion: string | undefined, csaManagers: Iterable<string>, ssaManager: string): unknown[] | undefined {
  if (!entries) return undefined;
  let list: ManagedFieldsEntry[] | undefined = [...entries];
  for (const csa of csaManagers) {
    if (!list) break;
    list = upgraded(list, csa, ssaManager);
  }
  if (sameEntries(entries, list)) return undefined;
  return [
    { op: 'replace', path: '/metadata/managedFields', value: list ?? null },
    { op: 'replace', path: '/metadata/resourceVersion', value: resourceVersion ?? '' },
  ];
}

function sameEntries(a: readonly ManagedFieldsEntry[], b: readonly ManagedFieldsEntry[] | undefined): boolean {
  if (!b || a.length !== b.length) return false;
  return a.every((e, i) => JSON.stringify(e) === JSON.stringify(b[i]));
}
