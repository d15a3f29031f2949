// RBAC kinds (rbac.authorization.k8s.io/v1).
import type { ResourceDef } from '../types';
import { ALL_VERBS } from '../verbs';

const G = 'rbac.authorization.k8s.io';

export const roles: ResourceDef = { group: G, version: 'v1', kind: 'Role', plural: 'roles', singular: 'role', namespaced: true, verbs: ALL_VERBS };
export const rolebindings: ResourceDef = { group: G, version: 'v1', kind: 'RoleBinding', plural: 'rolebindings', singular: 'rolebinding', namespaced: true, verbs: ALL_VERBS };
export const clusterroles: ResourceDef = { group: G, version: 'v1', kind: 'ClusterRole', plural: 'clusterroles', singular: 'clusterrole', namespaced: false, verbs: ALL_VERBS };
export const clusterrolebindings: ResourceDef = { group: G, version: 'v1', kind: 'ClusterRoleBinding', plural: 'clusterrolebindings', singular: 'clusterrolebinding', namespaced: false, verbs: ALL_VERBS };
