// Validation of RBAC roles and bindings (rbac/v1).
// mirrors: pkg/apis/rbac/validation (1.32)

import type { ClusterRole, ClusterRoleBinding, PolicyRule, Role, RoleBinding, RoleRef, Subject } from 'kubernetes-types/rbac/v1';
import { child, index, invalid, notSupported, required, type FieldError } from '../../api/validation/field-errors';
import { goRepr, goStringSlice } from '../../api/validation/go-format';
import { nameIsDNSSubdomain, validatePathSegmentName } from '../../api/validation/names';
import { withMeta } from './with-meta';

// ---- rbac/v1 ----

function validatePolicyRule(rule: PolicyRule, namespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if ((rule.verbs ?? []).length === 0) errs.push(required(child(path, 'verbs'), 'verbs must contain at least one value'));
  const nonResource = rule.nonResourceURLs ?? [];
  if (nonResource.length > 0) {
    if (namespaced) errs.push(invalid(child(path, 'nonResourceURLs'), goStringSlice(nonResource), 'namespaced rules cannot apply to non-resource URLs'));
    if ((rule.apiGroups ?? []).length > 0 || (rule.resources ?? []).length > 0 || (rule.resourceNames ?? []).length > 0) {
      errs.push(invalid(child(path, 'nonResourceURLs'), goStringSlice(nonResource), 'rules cannot apply to both regular resources and non-resource URLs'));
    }
    return errs;
  }
  if ((rule.apiGroups ?? []).length === 0) errs.push(required(child(path, 'apiGroups'), 'resource rules must supply at least one api group'));
  if ((rule.resources ?? []).length === 0) errs.push(required(child(path, 'resources'), 'resource rules must supply at least one resource'));
  return errs;
}

export function validateRole(role: Role, old?: Role): FieldError[] {
  const errs = withMeta(role, old, true, validatePathSegmentName);
  (role.rules ?? []).forEach((r, i) => errs.push(...validatePolicyRule(r, true, index('rules', i))));
  return errs;
}

export function validateClusterRole(role: ClusterRole, old?: ClusterRole): FieldError[] {
  const errs = withMeta(role, old, false, validatePathSegmentName);
  (role.rules ?? []).forEach((r, i) => errs.push(...validatePolicyRule(r, false, index('rules', i))));
  if (role.aggregationRule && (role.aggregationRule.clusterRoleSelectors ?? []).length === 0) {
    errs.push(required('aggregationRule.clusterRoleSelectors', 'at least one clusterRoleSelector required if aggregationRule is non-nil'));
  }
  return errs;
}

function goRoleRef(ref: RoleRef): ReturnType<typeof goRepr> {
  return goRepr(`rbac.RoleRef{APIGroup:"${ref.apiGroup ?? ''}", Kind:"${ref.kind ?? ''}", Name:"${ref.name ?? ''}"}`);
}

function validateSubjects(subjects: Subject[] | undefined, requireSANamespace: boolean): FieldError[] {
  const errs: FieldError[] = [];
  (subjects ?? []).forEach((s, i) => {
    const p = index('subjects', i);
    if (!s.name) errs.push(required(child(p, 'name')));
    switch (s.kind) {
      case 'ServiceAccount':
        if (s.apiGroup) errs.push(notSupported(child(p, 'apiGroup'), s.apiGroup, ['']));
        if (s.name) for (const m of nameIsDNSSubdomain(s.name, false)) errs.push(invalid(child(p, 'name'), s.name, m));
        if (requireSANamespace && !s.namespace) errs.push(required(child(p, 'namespace')));
        break;
      case 'User':
      case 'Group':
        if (s.apiGroup !== 'rbac.authorization.k8s.io') errs.push(notSupported(child(p, 'apiGroup'), s.apiGroup ?? '', ['rbac.authorization.k8s.io']));
        break;
      default:
        errs.push(notSupported(child(p, 'kind'), s.kind ?? '', ['ServiceAccount', 'User', 'Group']));
    }
  });
  return errs;
}

function validateBinding(ref: RoleRef | undefined, oldRef: RoleRef | undefined, allowedKinds: string[]): FieldError[] {
  const errs: FieldError[] = [];
  const r = ref ?? ({} as RoleRef);
  if (r.apiGroup !== 'rbac.authorization.k8s.io') errs.push(notSupported('roleRef.apiGroup', r.apiGroup ?? '', ['rbac.authorization.k8s.io']));
  if (!allowedKinds.includes(r.kind ?? '')) errs.push(notSupported('roleRef.kind', r.kind ?? '', allowedKinds));
  if (!r.name) errs.push(required('roleRef.name'));
  else for (const m of validatePathSegmentName(r.name, false)) errs.push(invalid('roleRef.name', r.name, m));
  if (oldRef && (oldRef.apiGroup !== r.apiGroup || oldRef.kind !== r.kind || oldRef.name !== r.name)) {
    errs.push(invalid('roleRef', goRoleRef(r), 'cannot change roleRef'));
  }
  return errs;
}

export function validateRoleBinding(rb: RoleBinding, old?: RoleBinding): FieldError[] {
  const errs = withMeta(rb, old, true, validatePathSegmentName);
  errs.push(...validateBinding(rb.roleRef, old?.roleRef, ['Role', 'ClusterRole']));
  return errs.concat(validateSubjects(rb.subjects, false));
}

export function validateClusterRoleBinding(crb: ClusterRoleBinding, old?: ClusterRoleBinding): FieldError[] {
  const errs = withMeta(crb, old, false, validatePathSegmentName);
  errs.push(...validateBinding(crb.roleRef, old?.roleRef, ['ClusterRole']));
  return errs.concat(validateSubjects(crb.subjects, true));
}
