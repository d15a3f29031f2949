// kubectl create role | clusterrole | rolebinding | clusterrolebinding: one policy rule per API group from
// --verb/--resource (resolved through discovery), aggregation rules, and bindings to users, groups and
// service accounts.
// mirrors: kubectl/pkg/cmd/create/create_role.go, create_clusterrole.go, create_rolebinding.go,
// create_clusterrolebinding.go

import type { CommandSpec } from '../command';
import type { Kubectl } from '../context';
import type { FlagDef, ParsedFlags } from '../flags';
import type { KubeObject } from '../../../engine/api/types';
import { KubectlError } from '../errors';
import { goQuote } from '../printers/gofmt';
import { GENERATOR_FLAGS, completeCreate, createTyped, nameArg, newMeta, objectNamespace, type TypedTarget } from './create-common';

const RBAC = 'rbac.authorization.k8s.io';
const RBAC_V1 = `${RBAC}/v1`;

const VALID_RESOURCE_VERBS = ['*', 'get', 'delete', 'list', 'create', 'update', 'patch', 'watch', 'proxy', 'deletecollection', 'use', 'bind', 'escalate', 'impersonate'];
const VALID_NON_RESOURCE_VERBS = ['*', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options'];

/** Verbs that only make sense on particular resources. */
const SPECIAL_VERBS: Record<string, { group: string; resource: string }[]> = {
  use: [
    { group: 'policy', resource: 'podsecuritypolicies' },
    { group: 'extensions', resource: 'podsecuritypolicies' },
  ],
  bind: [
    { group: RBAC, resource: 'roles' },
    { group: RBAC, resource: 'clusterroles' },
  ],
  escalate: [
    { group: RBAC, resource: 'roles' },
    { group: RBAC, resource: 'clusterroles' },
  ],
  impersonate: [
    { group: '', resource: 'users' },
    { group: '', resource: 'serviceaccounts' },
    { group: '', resource: 'groups' },
    { group: 'authentication.k8s.io', resource: 'userextras' },
  ],
};

interface ResourceOption {
  group: string;
  resource: string;
  subResource: string;
}

const unique = (xs: string[]): string[] => xs.filter((x, i) => xs.indexOf(x) === i);

/** Complete: verbs deduplicated (`*` alone wins), resources split into resource.group/subresource. */
function parseVerbs(verbs: string[]): string[] {
  return verbs.includes('*') ? ['*'] : unique(verbs);
}

function parseResources(specs: string[]): ResourceOption[] {
  const out: ResourceOption[] = [];
  for (const r of specs) {
    const slash = r.indexOf('/');
    const head = slash < 0 ? r : r.slice(0, slash);
    const dot = head.indexOf('.');
    const opt: ResourceOption = { resource: dot < 0 ? head : head.slice(0, dot), group: dot < 0 ? '' : head.slice(dot + 1), subResource: slash < 0 ? '' : r.slice(slash + 1) };
    if (opt.resource === '*' && dot < 0 && slash < 0) return [opt];
    out.push(opt);
  }
  return out;
}

/** RESTMapper.ResourceFor: plural or singular (case-insensitive), or a short name, in the given group. */
async function resourceFor(k: Kubectl, r: ResourceOption): Promise<{ group: string; resource: string } | undefined> {
  const name = r.resource.toLowerCase();
  const list = (await k.mapper.preferred()).filter((i) => !r.group || i.group === r.group);
  const hit = list.find((i) => i.resource === name || i.singular === name) ?? list.find((i) => i.shortNames.includes(name));
  return hit && { group: hit.group, resource: hit.resource };
}

/** The NoResourceMatch error kubectl prints without the `error:` prefix. */
function noMatch(r: ResourceOption): KubectlError {
  const res = r.resource.toLowerCase();
  return new KubectlError(r.group ? `the server doesn't have a resource type ${goQuote(res)} in group ${goQuote(r.group)}` : `the server doesn't have a resource type ${goQuote(res)}`);
}

/** validateResource: special verbs on their resources, and every resource known to the server. */
async function validateResources(k: Kubectl, verbs: string[], resources: ResourceOption[]): Promise<void> {
  for (const r of resources) {
    if (!r.resource) throw new KubectlError('error: resource must be specified if apiGroup/subresource specified');
    if (r.resource === '*') return;
    const found = await resourceFor(k, r);
    const gr = found ?? { group: r.group, resource: r.resource };
    let known = !!found;
    for (const v of verbs) {
      const allowed = SPECIAL_VERBS[v];
      if (!allowed) continue;
      if (!allowed.some((a) => a.group === gr.group && a.resource === gr.resource)) throw new KubectlError(`error: can not perform '${v}' on '${gr.resource}' in group '${gr.group}'`);
      known = true;
    }
    if (!known) throw noMatch(r);
  }
}

/** generateResourcePolicyRules: one rule per API group (groups sorted), then the non-resource URLs. */
async function policyRules(k: Kubectl, verbs: string[], resources: ResourceOption[], names: string[], urls: string[]): Promise<Record<string, unknown>[]> {
  const byGroup = new Map<string, string[]>();
  for (const r of resources) {
    const gr = (await resourceFor(k, r)) ?? { group: r.group, resource: r.resource };
    const res = r.subResource ? `${gr.resource}/${r.subResource}` : gr.resource;
    const list = byGroup.get(gr.group) ?? [];
    if (!list.includes(res)) list.push(res);
    byGroup.set(gr.group, list);
  }
  const rules: Record<string, unknown>[] = [];
  for (const g of [...byGroup.keys()].sort()) {
    const rule: Record<string, unknown> = { verbs, apiGroups: [g], resources: byGroup.get(g) };
    if (names.length) rule.resourceNames = names;
    rules.push(rule);
  }
  if (urls.length) rules.push({ verbs, nonResourceURLs: urls });
  return rules;
}

const ROLE_FLAGS: FlagDef[] = [
  { name: 'verb', type: 'stringSlice', default: [], usage: 'Verb that applies to the resources contained in the rule' },
  { name: 'resource', type: 'stringSlice', default: [], usage: 'Resource that the rule applies to' },
  { name: 'resource-name', type: 'stringArray', default: [], usage: 'Resource in the white list that the rule applies to, repeat this flag for multiple items' },
];

async function warnVerbs(k: Kubectl, verbs: string[]): Promise<void> {
  for (const v of verbs) if (!VALID_RESOURCE_VERBS.includes(v)) await k.err(`Warning: '${v}' is not a standard resource verb\n`);
}

function roleCommand(): CommandSpec {
  return {
    name: 'role',
    short: 'Create a role with single rule',
    long: 'Create a role with single rule.',
    examples:
      '  # Create a role named "pod-reader" that allows user to perform "get", "watch" and "list" on pods\n  kubectl create role pod-reader --verb=get --verb=list --verb=watch --resource=pods\n  \n  # Create a role named "pod-reader" with ResourceName specified\n  kubectl create role pod-reader --verb=get --resource=pods --resource-name=readablepod --resource-name=anotherpod\n  \n  # Create a role named "foo" with API Group specified\n  kubectl create role foo --verb=get,list,watch --resource=rs.apps\n  \n  # Create a role named "foo" with SubResource specified\n  kubectl create role foo --verb=get,list,watch --resource=pods,pods/status',
    usage: 'kubectl create role NAME --verb=verb --resource=resource.group/subresource [--resource-name=resourcename] [--dry-run=server|client|none] [options]',
    flags: [...GENERATOR_FLAGS, ...ROLE_FLAGS],
    async run(k, args, f) {
      const name = nameArg(args, f, 'role');
      const v = f.values;
      const verbs = parseVerbs(v.verb as string[]);
      const resources = parseResources(v.resource as string[]);
      const names = unique(v['resource-name'] as string[]);
      const s = await completeCreate(k, f);
      if (verbs.length === 0) throw new KubectlError('error: at least one verb must be specified');
      await warnVerbs(k, verbs);
      if (resources.length === 0) throw new KubectlError('error: at least one resource must be specified');
      await validateResources(k, verbs, resources);
      const obj: KubeObject = { kind: 'Role', apiVersion: RBAC_V1, metadata: newMeta(name, objectNamespace(s)), rules: await policyRules(k, verbs, resources, names, []) };
      return createTyped(k, { group: RBAC, version: 'v1', resource: 'roles', kind: 'Role', namespaced: true }, obj, s);
    },
  };
}

/** cliflag.MapStringString: `k=v,k2=v2`, repeatable, keys and values trimmed. */
function parseMapFlag(values: string[], flag: string, cmdPath: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const value of values) {
    for (const pair of value.split(',')) {
      if (pair.trim() === '') continue;
      const i = pair.indexOf('=');
      if (i < 0) throw new KubectlError(`error: invalid argument ${goQuote(value)} for "--${flag}" flag: malformed pair, expect string=string\nSee 'kubectl create ${cmdPath} --help' for usage.`);
      out[pair.slice(0, i).trim()] = pair.slice(i + 1).trim();
    }
  }
  return out;
}

function clusterRoleCommand(): CommandSpec {
  return {
    name: 'clusterrole',
    short: 'Create a cluster role',
    long: 'Create a cluster role.',
    examples:
      '  # Create a cluster role named "pod-reader" that allows user to perform "get", "watch" and "list" on pods\n  kubectl create clusterrole pod-reader --verb=get,list,watch --resource=pods\n  \n  # Create a cluster role named "pod-reader" with ResourceName specified\n  kubectl create clusterrole pod-reader --verb=get --resource=pods --resource-name=readablepod --resource-name=anotherpod\n  \n  # Create a cluster role named "foo" with API Group specified\n  kubectl create clusterrole foo --verb=get,list,watch --resource=rs.apps\n  \n  # Create a cluster role named "foo" with SubResource specified\n  kubectl create clusterrole foo --verb=get,list,watch --resource=pods,pods/status\n  \n  # Create a cluster role name "foo" with NonResourceURL specified\n  kubectl create clusterrole "foo" --verb=get --non-resource-url=/logs/*\n  \n  # Create a cluster role name "monitoring" with AggregationRule specified\n  kubectl create clusterrole monitoring --aggregation-rule="rbac.example.com/aggregate-to-monitoring=true"',
    usage: 'kubectl create clusterrole NAME --verb=verb --resource=resource.group [--resource-name=resourcename] [--dry-run=server|client|none] [options]',
    flags: [
      ...GENERATOR_FLAGS,
      ...ROLE_FLAGS,
      { name: 'non-resource-url', type: 'stringSlice', default: [], usage: 'A partial url that user should have access to.' },
      // A map flag upstream (cliflag.MapStringString); parsed in run.
      { name: 'aggregation-rule', type: 'mapStringString', default: [], usage: 'An aggregation label selector for combining ClusterRoles.' },
    ],
    async run(k, args, f) {
      const v = f.values;
      const aggregation = parseMapFlag(v['aggregation-rule'] as string[], 'aggregation-rule', 'clusterrole');
      const urls = unique(v['non-resource-url'] as string[]);
      const name = nameArg(args, f, 'clusterrole');
      const verbs = parseVerbs(v.verb as string[]);
      const resources = parseResources(v.resource as string[]);
      const names = unique(v['resource-name'] as string[]);
      const s = await completeCreate(k, f);
      const aggregated = Object.keys(aggregation).length > 0;
      let obj: KubeObject;
      if (aggregated) {
        if (urls.length || verbs.length || resources.length || names.length) {
          throw new KubectlError('error: aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames');
        }
        obj = { kind: 'ClusterRole', apiVersion: RBAC_V1, metadata: newMeta(name, undefined), rules: null, aggregationRule: { clusterRoleSelectors: [{ matchLabels: aggregation }] } };
      } else {
        await validateClusterRole(k, verbs, resources, urls);
        obj = { kind: 'ClusterRole', apiVersion: RBAC_V1, metadata: newMeta(name, undefined), rules: await policyRules(k, verbs, resources, names, urls) };
      }
      return createTyped(k, { group: RBAC, version: 'v1', resource: 'clusterroles', kind: 'ClusterRole', namespaced: false }, obj, s);
    },
  };
}

async function validateClusterRole(k: Kubectl, verbs: string[], resources: ResourceOption[], urls: string[]): Promise<void> {
  if (verbs.length === 0) throw new KubectlError('error: at least one verb must be specified');
  if (resources.length === 0 && urls.length === 0) throw new KubectlError('error: one of resource or nonResourceURL must be specified');
  if (resources.length) {
    await warnVerbs(k, verbs);
    await validateResources(k, verbs, resources);
  }
  if (urls.length) {
    for (const v of verbs) if (!VALID_NON_RESOURCE_VERBS.includes(v)) throw new KubectlError(`error: invalid verb: '${v}' for nonResourceURL`);
    for (const u of urls) {
      if (u === '*') continue;
      if (u === '' || !u.startsWith('/')) throw new KubectlError('error: nonResourceURL should start with /');
      if (u.slice(0, -1).includes('*')) throw new KubectlError("error: nonResourceURL only supports wildcard matches when '*' is at the end");
    }
  }
}

/** Users, groups and `namespace:name` service accounts, in that order. */
function subjects(v: Record<string, unknown>): Record<string, unknown>[] | undefined {
  const out: Record<string, unknown>[] = [];
  for (const u of v.user as string[]) out.push({ kind: 'User', apiGroup: RBAC, name: u });
  for (const g of v.group as string[]) out.push({ kind: 'Group', apiGroup: RBAC, name: g });
  for (const sa of v.serviceaccount as string[]) {
    const parts = sa.split(':');
    if (parts.length !== 2 || !parts[0] || !parts[1]) throw new KubectlError('error: serviceaccount must be <namespace>:<name>');
    out.push({ kind: 'ServiceAccount', name: parts[1], namespace: parts[0] });
  }
  return out.length ? out : undefined;
}

function bindingFlags(what: 'role' | 'clusterrole'): FlagDef[] {
  return [
    { name: 'user', type: 'stringArray', default: [], usage: `Usernames to bind to the ${what}. The flag can be repeated to add multiple users.` },
    { name: 'group', type: 'stringArray', default: [], usage: `Groups to bind to the ${what}. The flag can be repeated to add multiple groups.` },
    { name: 'serviceaccount', type: 'stringArray', default: [], usage: `Service accounts to bind to the ${what}, in the format <namespace>:<name>. The flag can be repeated to add multiple service accounts.` },
  ];
}

function binding(kind: 'RoleBinding' | 'ClusterRoleBinding', name: string, namespace: string | undefined, roleKind: string, roleName: string, f: ParsedFlags): KubeObject {
  const obj: KubeObject = { kind, apiVersion: RBAC_V1, metadata: newMeta(name, namespace) };
  const subs = subjects(f.values);
  if (subs) obj.subjects = subs;
  obj.roleRef = { apiGroup: RBAC, kind: roleKind, name: roleName };
  return obj;
}

function roleBindingCommand(): CommandSpec {
  return {
    name: 'rolebinding',
    short: 'Create a role binding for a particular role or cluster role',
    long: 'Create a role binding for a particular role or cluster role.',
    examples:
      '  # Create a role binding for user1, user2, and group1 using the admin cluster role\n  kubectl create rolebinding admin --clusterrole=admin --user=user1 --user=user2 --group=group1\n  \n  # Create a role binding for service account monitoring:sa-dev using the admin role\n  kubectl create rolebinding admin-binding --role=admin --serviceaccount=monitoring:sa-dev',
    usage: 'kubectl create rolebinding NAME --clusterrole=NAME|--role=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none] [options]',
    flags: [
      ...GENERATOR_FLAGS,
      { name: 'clusterrole', type: 'string', default: '', usage: 'ClusterRole this RoleBinding should reference' },
      { name: 'role', type: 'string', default: '', usage: 'Role this RoleBinding should reference' },
      ...bindingFlags('role'),
    ],
    async run(k, args, f) {
      const name = nameArg(args, f, 'rolebinding');
      const s = await completeCreate(k, f);
      const role = f.values.role as string;
      const clusterRole = f.values.clusterrole as string;
      if (!role === !clusterRole) throw new KubectlError('error: exactly one of clusterrole or role must be specified');
      const obj = binding('RoleBinding', name, objectNamespace(s), role ? 'Role' : 'ClusterRole', role || clusterRole, f);
      const target: TypedTarget = { group: RBAC, version: 'v1', resource: 'rolebindings', kind: 'RoleBinding', namespaced: true, errorPrefix: 'failed to create rolebinding: ' };
      return createTyped(k, target, obj, s);
    },
  };
}

function clusterRoleBindingCommand(): CommandSpec {
  return {
    name: 'clusterrolebinding',
    short: 'Create a cluster role binding for a particular cluster role',
    long: 'Create a cluster role binding for a particular cluster role.',
    examples: '  # Create a cluster role binding for user1, user2, and group1 using the cluster-admin cluster role\n  kubectl create clusterrolebinding cluster-admin --clusterrole=cluster-admin --user=user1 --user=user2 --group=group1',
    usage: 'kubectl create clusterrolebinding NAME --clusterrole=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none] [options]',
    flags: [...GENERATOR_FLAGS, { name: 'clusterrole', type: 'string', default: '', usage: 'ClusterRole this ClusterRoleBinding should reference', required: true }, ...bindingFlags('clusterrole')],
    async run(k, args, f) {
      const name = nameArg(args, f, 'clusterrolebinding');
      const s = await completeCreate(k, f);
      const obj = binding('ClusterRoleBinding', name, undefined, 'ClusterRole', f.values.clusterrole as string, f);
      const target: TypedTarget = { group: RBAC, version: 'v1', resource: 'clusterrolebindings', kind: 'ClusterRoleBinding', namespaced: false, errorPrefix: 'failed to create clusterrolebinding: ' };
      return createTyped(k, target, obj, s);
    },
  };
}

export function rbacCommands(): CommandSpec[] {
  return [clusterRoleCommand(), clusterRoleBindingCommand(), roleCommand(), roleBindingCommand()];
}
