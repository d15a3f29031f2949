// RBAC authorization: does a user (with groups) get to do a verb on a resource, from ClusterRoleBindings and
// the namespace's RoleBindings. system:masters may do anything.
// mirrors: plugin/pkg/auth/authorizer/rbac/rbac.go, pkg/apis/rbac/v1/evaluation_helpers.go

import type { ClusterRole, ClusterRoleBinding, PolicyRule, Role, RoleBinding, Subject } from 'kubernetes-types/rbac/v1';
import type { Store } from '../store/store';
import type { UserInfo } from '../api/types';

export interface Attributes {
  user: UserInfo;
  verb: string;
  /** For resource requests. */
  group?: string;
  resource?: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  /** For non-resource requests (/healthz, /version, /api). */
  path?: string;
}

const RBAC = 'rbac.authorization.k8s.io';

function subjectMatches(s: Subject, user: UserInfo): boolean {
  switch (s.kind) {
    case 'User':
      return s.name === user.username;
    case 'Group':
      return user.groups.includes(s.name);
    case 'ServiceAccount':
      return user.username === `system:serviceaccount:${s.namespace}:${s.name}`;
  }
  return false;
}

function has(list: readonly string[] | undefined, v: string): boolean {
  return !!list && (list.includes('*') || list.includes(v));
}

export function ruleAllows(rule: PolicyRule, a: Attributes): boolean {
  if (!has(rule.verbs, a.verb)) return false;
  if (a.resource === undefined) {
    const urls = rule.nonResourceURLs ?? [];
    return urls.some((u) => u === '*' || u === a.path || (u.endsWith('*') && (a.path ?? '').startsWith(u.slice(0, -1))));
  }
  if (!has(rule.apiGroups, a.group ?? '')) return false;
  const res = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const resources = rule.resources ?? [];
  const resOk = resources.includes('*') || resources.includes(res) || (a.subresource !== undefined && resources.includes(`*/${a.subresource}`)) || (a.subresource === undefined && resources.includes(`${a.resource}`));
  if (!resOk) return false;
  if (rule.resourceNames?.length) return !!a.name && rule.resourceNames.includes(a.name);
  return true;
}

/** Rules that apply to a user in a namespace (cluster-wide bindings plus the namespace's). */
export function rulesFor(store: Store, user: UserInfo, namespace: string | undefined): PolicyRule[] {
  const rules: PolicyRule[] = [];
  const roleRules = (kind: string, name: string, ns: string | undefined): PolicyRule[] => {
    if (kind === 'ClusterRole') return ((store.get(`clusterroles.${RBAC}`, undefined, name) as ClusterRole | undefined)?.rules ?? []) as PolicyRule[];
    return ((store.get(`roles.${RBAC}`, ns, name) as Role | undefined)?.rules ?? []) as PolicyRule[];
  };
  for (const b of store.list(`clusterrolebindings.${RBAC}`) as Iterable<ClusterRoleBinding>) {
    if ((b.subjects ?? []).some((s) => subjectMatches(s, user))) rules.push(...roleRules('ClusterRole', b.roleRef.name, undefined));
  }
  if (namespace) {
    for (const b of store.list(`rolebindings.${RBAC}`, namespace) as Iterable<RoleBinding>) {
      if ((b.subjects ?? []).some((s) => subjectMatches(s, user))) rules.push(...roleRules(b.roleRef.kind, b.roleRef.name, namespace));
    }
  }
  return rules;
}

export function authorize(store: Store, a: Attributes): { allowed: boolean; reason: string } {
  if (a.user.groups.includes('system:masters')) return { allowed: true, reason: '' };
  for (const r of rulesFor(store, a.user, a.namespace)) {
    if (ruleAllows(r, a)) return { allowed: true, reason: 'RBAC: allowed by a binding' };
  }
  return { allowed: false, reason: '' };
}

/** The apiserver's Forbidden message for a denied request. */
export function forbiddenMessage(a: Attributes): string {
  const res = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const who = `User "${a.user.username}"`;
  if (a.resource === undefined) return `forbidden: ${who} cannot ${a.verb} path "${a.path}"`;
  const qualified = a.group ? `${a.resource}.${a.group}` : a.resource;
  const subject = a.name ? `${qualified} "${a.name}"` : qualified;
  const scope = a.namespace ? `in the namespace "${a.namespace}"` : 'at the cluster scope';
  return `${subject} is forbidden: ${who} cannot ${a.verb} resource "${res}" in API group "${a.group ?? ''}" ${scope}`;
}
