// Table columns and cells for role bindings and cluster role bindings: ROLE `Kind/name`, wide USERS,
// GROUPS, SERVICEACCOUNTS (`namespace/name`).
// mirrors: pkg/printers/internalversion/printers.go (printRoleBinding, printClusterRoleBinding),
// pkg/apis/rbac/helpers.go (SubjectsStrings)

import type { ClusterRoleBinding, RoleBinding, Subject } from 'kubernetes-types/rbac/v1';
import type { TablePrinter } from './types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { DOC } from './descriptions';
import { age } from './format';

/** Users, groups and service accounts of the subjects, each joined with ", ". */
function subjectCells(subjects: Subject[] | undefined): [string, string, string] {
  const users: string[] = [];
  const groups: string[] = [];
  const sas: string[] = [];
  for (const s of subjects ?? []) {
    if (s.kind === 'ServiceAccount') sas.push(`${s.namespace ?? ''}/${s.name}`);
    else if (s.kind === 'User') users.push(s.name);
    else if (s.kind === 'Group') groups.push(s.name);
  }
  return [users.join(', '), groups.join(', '), sas.join(', ')];
}

function bindingCells(b: RoleBinding | ClusterRoleBinding, now: number): unknown[] {
  return [
    b.metadata?.name ?? '',
    `${b.roleRef?.kind ?? ''}/${b.roleRef?.name ?? ''}`,
    age(b.metadata, now),
    ...subjectCells(b.subjects),
  ];
}

export const roleBindingPrinter: TablePrinter<RoleBinding> = {
  columns: [
    NAME_COLUMN,
    column('Role', 'string', DOC['rbac/v1beta1 RoleBinding.roleRef']),
    AGE_COLUMN,
    column('Users', 'string', 'Users in the roleBinding', 1),
    column('Groups', 'string', 'Groups in the roleBinding', 1),
    column('ServiceAccounts', 'string', 'ServiceAccounts in the roleBinding', 1),
  ],
  rows: (b, now) => [bindingCells(b, now)],
};

export const clusterRoleBindingPrinter: TablePrinter<ClusterRoleBinding> = {
  columns: [
    NAME_COLUMN,
    column('Role', 'string', DOC['rbac/v1beta1 ClusterRoleBinding.roleRef']),
    AGE_COLUMN,
    column('Users', 'string', 'Users in the clusterRoleBinding', 1),
    column('Groups', 'string', 'Groups in the clusterRoleBinding', 1),
    column('ServiceAccounts', 'string', 'ServiceAccounts in the clusterRoleBinding', 1),
  ],
  rows: (b, now) => [bindingCells(b, now)],
};
