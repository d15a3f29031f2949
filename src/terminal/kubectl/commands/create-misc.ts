// The small create generators: namespace (ns), serviceaccount (sa), quota (resourcequota),
// priorityclass (pc) and poddisruptionbudget (pdb).
// mirrors: kubectl/pkg/cmd/create/create_namespace.go, create_serviceaccount.go, create_quota.go,
// create_priorityclass.go, create_pdb.go

import type { CommandSpec } from '../command';
import type { FlagDef } from '../flags';
import type { KubeObject } from '../../../engine/api/types';
import { KubectlError } from '../errors';
import { canonicalQuantity, QuantityParseError } from '../../../engine/util/quantity';
import { LabelSelectorError, parseLabelSelector } from '../../../engine/api/selectors/labels';
import { GENERATOR_FLAGS, checkInt32, completeCreate, createTyped, nameArg, newMeta, objectNamespace } from './create-common';

export function namespaceCommand(): CommandSpec {
  return {
    name: 'namespace',
    aliases: ['ns'],
    short: 'Create a namespace with the specified name',
    long: 'Create a namespace with the specified name.',
    examples: '  # Create a new namespace named my-namespace\n  kubectl create namespace my-namespace',
    usage: 'kubectl create namespace NAME [--dry-run=server|client|none] [options]',
    flags: [...GENERATOR_FLAGS],
    async run(k, args, f) {
      const name = nameArg(args, f, 'namespace');
      const s = await completeCreate(k, f);
      const obj: KubeObject = { kind: 'Namespace', apiVersion: 'v1', metadata: newMeta(name, undefined), spec: {}, status: {} };
      return createTyped(k, { group: '', version: 'v1', resource: 'namespaces', kind: 'Namespace', namespaced: false }, obj, s);
    },
  };
}

export function serviceAccountCommand(): CommandSpec {
  return {
    name: 'serviceaccount',
    aliases: ['sa'],
    short: 'Create a service account with the specified name',
    long: 'Create a service account with the specified name.',
    examples: '  # Create a new service account named my-service-account\n  kubectl create serviceaccount my-service-account',
    usage: 'kubectl create serviceaccount NAME [--dry-run=server|client|none] [options]',
    flags: [...GENERATOR_FLAGS],
    async run(k, args, f) {
      const name = nameArg(args, f, 'serviceaccount');
      const s = await completeCreate(k, f);
      const obj: KubeObject = { kind: 'ServiceAccount', apiVersion: 'v1', metadata: newMeta(name, objectNamespace(s)) };
      return createTyped(k, { group: '', version: 'v1', resource: 'serviceaccounts', kind: 'ServiceAccount', namespaced: true, errorPrefix: 'failed to create serviceaccount: ' }, obj, s);
    },
  };
}

/** populateResourceListV1: `resource=quantity,…`, quantities in canonical form. */
function resourceList(spec: string): Record<string, string> | undefined {
  if (!spec) return undefined;
  const out: Record<string, string> = {};
  for (const stmt of spec.split(',')) {
    const parts = stmt.split('=');
    if (parts.length !== 2) throw new KubectlError(`error: Invalid argument syntax ${stmt}, expected <resource>=<value>`);
    try {
      out[parts[0]] = canonicalQuantity(parts[1]);
    } catch (e) {
      if (e instanceof QuantityParseError) throw new KubectlError(`error: ${e.message}`);
      throw e;
    }
  }
  return out;
}

function scopes(spec: string): string[] | undefined {
  if (!spec) return undefined;
  const list = spec.split(',');
  if (list.includes('')) throw new KubectlError('error: invalid resource quota scope ""');
  return list;
}

export function quotaCommand(): CommandSpec {
  return {
    name: 'quota',
    aliases: ['resourcequota'],
    short: 'Create a quota with the specified name',
    long: 'Create a resource quota with the specified name, hard limits, and optional scopes.',
    examples: '  # Create a new resource quota named my-quota\n  kubectl create quota my-quota --hard=cpu=1,memory=1G,pods=2,services=3,replicationcontrollers=2,resourcequotas=1,secrets=5,persistentvolumeclaims=10\n  \n  # Create a new resource quota named best-effort\n  kubectl create quota best-effort --hard=pods=100 --scopes=BestEffort',
    usage: 'kubectl create quota NAME [--hard=key1=value1,key2=value2] [--scopes=Scope1,Scope2] [--dry-run=server|client|none] [options]',
    flags: [
      ...GENERATOR_FLAGS,
      { name: 'hard', type: 'string', default: '', usage: 'A comma-delimited set of resource=quantity pairs that define a hard limit.' },
      { name: 'scopes', type: 'string', default: '', usage: 'A comma-delimited set of quota scopes that must all match each object tracked by the quota.' },
    ],
    async run(k, args, f) {
      const name = nameArg(args, f, 'quota');
      const s = await completeCreate(k, f);
      const spec: Record<string, unknown> = {};
      const hard = resourceList(f.values.hard as string);
      if (hard) spec.hard = hard;
      const sc = scopes(f.values.scopes as string);
      if (sc) spec.scopes = sc;
      const obj: KubeObject = { kind: 'ResourceQuota', apiVersion: 'v1', metadata: newMeta(name, objectNamespace(s)), spec, status: {} };
      return createTyped(k, { group: '', version: 'v1', resource: 'resourcequotas', kind: 'ResourceQuota', namespaced: true, errorPrefix: 'failed to create quota: ' }, obj, s);
    },
  };
}

const VALUE_FLAG: FlagDef = { name: 'value', type: 'int', default: 0, usage: 'the value of this priority class.' };

export function priorityClassCommand(): CommandSpec {
  return {
    name: 'priorityclass',
    aliases: ['pc'],
    short: 'Create a priority class with the specified name',
    long: 'Create a priority class with the specified name, value, globalDefault and description.',
    examples:
      '  # Create a priority class named high-priority\n  kubectl create priorityclass high-priority --value=1000 --description="high priority"\n  \n  # Create a priority class named default-priority that is considered as the global default priority\n  kubectl create priorityclass default-priority --value=1000 --global-default=true --description="default priority"\n  \n  # Create a priority class named high-priority that cannot preempt pods with lower priority\n  kubectl create priorityclass high-priority --value=1000 --description="high priority" --preemption-policy="Never"',
    usage: 'kubectl create priorityclass NAME --value=VALUE --global-default=BOOL [--dry-run=server|client|none] [options]',
    flags: [
      ...GENERATOR_FLAGS,
      VALUE_FLAG,
      { name: 'global-default', type: 'bool', default: false, usage: 'global-default specifies whether this PriorityClass should be considered as the default priority.' },
      { name: 'description', type: 'string', default: '', usage: 'description is an arbitrary string that usually provides guidelines on when this priority class should be used.' },
      { name: 'preemption-policy', type: 'string', default: 'PreemptLowerPriority', usage: 'preemption-policy is the policy for preempting pods with lower priority.' },
    ],
    async run(k, args, f) {
      checkInt32(f, VALUE_FLAG, 'priorityclass');
      const name = nameArg(args, f, 'priorityclass');
      const s = await completeCreate(k, f);
      const v = f.values;
      const obj: KubeObject = { kind: 'PriorityClass', apiVersion: 'scheduling.k8s.io/v1', metadata: newMeta(name, undefined), value: v.value };
      if (v['global-default']) obj.globalDefault = true;
      if (v.description) obj.description = v.description;
      obj.preemptionPolicy = v['preemption-policy'];
      return createTyped(k, { group: 'scheduling.k8s.io', version: 'v1', resource: 'priorityclasses', kind: 'PriorityClass', namespaced: false, errorPrefix: 'failed to create priorityclass: ' }, obj, s);
    },
  };
}

/** metav1.ParseToLabelSelector: equality requirements as matchLabels, set-based ones as expressions. */
export function parseToLabelSelector(text: string): Record<string, unknown> {
  let reqs;
  try {
    reqs = parseLabelSelector(text).requirements;
  } catch (e) {
    if (e instanceof LabelSelectorError) throw new KubectlError(`error: couldn't parse the selector string "${text}": ${e.message}`);
    throw e;
  }
  const matchLabels: Record<string, string> = {};
  const matchExpressions: Record<string, unknown>[] = [];
  const ops: Record<string, string> = { in: 'In', notin: 'NotIn', exists: 'Exists', '!': 'DoesNotExist' };
  for (const r of reqs) {
    if (r.op === '=' || r.op === '==') {
      matchLabels[r.key] = r.values[0];
      continue;
    }
    if (r.op === 'gt' || r.op === 'lt') throw new KubectlError(`error: "${r.op}" isn't supported in label selectors`);
    const op = ops[r.op];
    if (!op) throw new KubectlError(`error: "${r.op}" is not a valid label selector operator`);
    const e: Record<string, unknown> = { key: r.key, operator: op };
    if (r.values.length) e.values = [...new Set(r.values)].sort();
    matchExpressions.push(e);
  }
  const sel: Record<string, unknown> = {};
  if (Object.keys(matchLabels).length) sel.matchLabels = matchLabels;
  if (matchExpressions.length) sel.matchExpressions = matchExpressions;
  return sel;
}

/** intstr.Parse of a value that passed `^[0-9]+%?$`. */
function intOrPercent(v: string): number | string {
  return /^[0-9]+$/.test(v) ? Number(v) | 0 : v;
}

export function podDisruptionBudgetCommand(): CommandSpec {
  return {
    name: 'poddisruptionbudget',
    aliases: ['pdb'],
    short: 'Create a pod disruption budget with the specified name',
    long: 'Create a pod disruption budget with the specified name, selector, and desired minimum available pods.',
    examples:
      '  # Create a pod disruption budget named my-pdb that will select all pods with the app=rails label\n  # and require at least one of them being available at any point in time\n  kubectl create poddisruptionbudget my-pdb --selector=app=rails --min-available=1\n  \n  # Create a pod disruption budget named my-pdb that will select all pods with the app=nginx label\n  # and require at least half of the pods selected to be available at any point in time\n  kubectl create pdb my-pdb --selector=app=nginx --min-available=50%',
    usage: 'kubectl create poddisruptionbudget NAME --selector=SELECTOR --min-available=N [--dry-run=server|client|none] [options]',
    flags: [
      ...GENERATOR_FLAGS,
      { name: 'min-available', type: 'string', default: '', usage: 'The minimum number or percentage of available pods this budget requires.' },
      { name: 'max-unavailable', type: 'string', default: '', usage: 'The maximum number or percentage of unavailable pods this budget requires.' },
      { name: 'selector', type: 'string', default: '', usage: 'A label selector to use for this budget. Only equality-based selector requirements are supported.' },
    ],
    async run(k, args, f) {
      const name = nameArg(args, f, 'poddisruptionbudget');
      const s = await completeCreate(k, f);
      const v = f.values;
      const min = v['min-available'] as string;
      const max = v['max-unavailable'] as string;
      const selector = v.selector as string;
      if (!selector) throw new KubectlError('error: a selector must be specified');
      if (!min && !max) throw new KubectlError('error: one of min-available or max-unavailable must be specified');
      if (min && max) throw new KubectlError('error: min-available and max-unavailable cannot be both specified');
      const re = /^[0-9]+%?$/;
      if (min && !re.test(min)) throw new KubectlError('error: invalid format specified for min-available');
      if (max && !re.test(max)) throw new KubectlError('error: invalid format specified for max-unavailable');
      const spec: Record<string, unknown> = {};
      if (min) spec.minAvailable = intOrPercent(min);
      spec.selector = parseToLabelSelector(selector);
      if (max) spec.maxUnavailable = intOrPercent(max);
      const obj: KubeObject = {
        kind: 'PodDisruptionBudget',
        apiVersion: 'policy/v1',
        metadata: newMeta(name, objectNamespace(s)),
        spec,
        status: { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 },
      };
      return createTyped(k, { group: 'policy', version: 'v1', resource: 'poddisruptionbudgets', kind: 'PodDisruptionBudget', namespaced: true, errorPrefix: 'failed to create poddisruptionbudgets: ' }, obj, s);
    },
  };
}
