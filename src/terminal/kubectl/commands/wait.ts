// kubectl wait: --for=delete | create | condition=NAME[=VALUE] | jsonpath='{…}'[=VALUE] on objects by
// name, -l, --all or -f, with one --timeout for the whole run; `pod/x condition met`.
// mirrors: kubectl/pkg/cmd/wait/wait.go, condition.go, json.go, delete.go, create.go

import type { CommandSpec } from '../command';
import type { Kubectl } from '../context';
import type { KubeObject } from '../../../engine/api/types';
import { KubectlError, ServerError } from '../errors';
import { qualifiedResource } from '../discovery';
import { statusBody } from '../../../engine/api/errors';
import { JSONPath, relaxedJSONPathExpression } from '../printers/index';
import { goSprint } from '../printers/gofmt';
import { asStatus } from './apply';
import { FIELD_SELECTOR_FLAG, PRINT_FLAGS, namespaceOf, printOperation } from './workload-flags';
import { MISSING_RESOURCE, resolveTargets, reportErrors, type Target } from './targets';
import { untilWithSync } from './watch-until';

type Check = (obj: KubeObject) => boolean;

/** conditionFuncFor: the check for --for (delete and create are handled apart). */
export function conditionCheck(forCond: string): { kind: 'delete' | 'create' | 'check'; check?: Check } {
  const lower = forCond.toLowerCase();
  if (lower === 'delete') return { kind: 'delete' };
  if (lower === 'create') return { kind: 'create' };
  if (forCond.startsWith('condition=')) {
    let name = forCond.slice('condition='.length);
    let value = 'true';
    const eq = name.indexOf('=');
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    return { kind: 'check', check: (o) => conditionMet(o, name, value) };
  }
  if (forCond.startsWith('jsonpath=')) return { kind: 'check', check: jsonPathCheck(forCond.slice('jsonpath='.length)) };
  throw new KubectlError(`error: unrecognized condition: ${JSON.stringify(forCond)}`);
}

function conditionMet(o: KubeObject, name: string, value: string): boolean {
  const conditions = (o.status as { conditions?: { type?: string; status?: string; observedGeneration?: number }[] } | undefined)?.conditions;
  if (!conditions) return false;
  for (const c of conditions) {
    if (typeof c.type !== 'string' || c.type.toLowerCase() !== name.toLowerCase() || typeof c.status !== 'string') continue;
    const generation = o.metadata?.generation;
    if (generation !== undefined) {
      const observed = c.observedGeneration ?? (o.status as { observedGeneration?: number }).observedGeneration;
      if (observed !== undefined && observed < generation) return false;
    }
    return c.status.toLowerCase() === value.toLowerCase();
  }
  return false;
}

/** Splits on `=` but keeps `==` (splitJSONPathInput). */
function splitJSONPathInput(input: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '=') {
      if (input[i + 1] === '=') {
        cur += '==';
        i++;
        continue;
      }
      out.push(cur);
      cur = '';
      continue;
    }
    cur += input[i];
  }
  out.push(cur);
  return out;
}

function jsonPathCheck(input: string): Check {
  const parts = splitJSONPathInput(input);
  if (parts.length > 2) throw new KubectlError("error: jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'");
  let expr: string;
  try {
    expr = relaxedJSONPathExpression(parts[0]);
  } catch (e) {
    throw new KubectlError(`error: ${(e as Error).message}`);
  }
  let expected: string | undefined;
  if (parts.length === 2) {
    expected = parts[1].replace(/^['"]+|['"]+$/g, '');
    if (!expected) throw new KubectlError("error: jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3");
  }
  if (!expr) throw new KubectlError('error: jsonpath expression cannot be empty');
  let jp: JSONPath;
  try {
    jp = new JSONPath('wait').allowMissingKeys(true).parse(expr);
  } catch (e) {
    throw new KubectlError(`error: ${(e as Error).message}`);
  }
  return (o) => {
    const results = jp.findResults(o);
    if (results.length === 0 || results[0].length === 0) return false;
    if (results.length > 1) throw new KubectlError('error: given jsonpath expression matches more than one list');
    if (results[0].length > 1) throw new KubectlError('error: given jsonpath expression matches more than one value');
    if (expected === undefined) return true;
    const v = results[0][0];
    if (v !== null && typeof v === 'object') throw new KubectlError('error: jsonpath leads to a nested object or list which is not supported');
    return goSprint(v).trim() === expected.trim();
  };
}

export const waitCommand: CommandSpec = {
  name: 'wait',
  group: 'Advanced Commands',
  short: 'Experimental: Wait for a specific condition on one or many resources',
  long: 'Experimental: Wait for a specific condition on one or many resources.\n\n The command takes multiple resources and waits until the specified condition is seen in the Status field of every given resource.\n\n Alternatively, the command can wait for the given set of resources to be created or deleted by providing the "create" or "delete" keyword as the value to the --for flag.\n\n A successful message will be printed to stdout indicating when the specified condition has been met. You can use -o option to change to output destination.',
  examples:
    '  # Wait for the pod "busybox1" to contain the status condition of type "Ready"\n  kubectl wait --for=condition=Ready pod/busybox1\n  \n  # The default value of status condition is true; you can wait for other targets after an equal delimiter (compared after Unicode simple case folding, which is a more general form of case-insensitivity)\n  kubectl wait --for=condition=Ready=false pod/busybox1\n  \n  # Wait for the pod "busybox1" to contain the status phase to be "Running"\n  kubectl wait --for=jsonpath=\'{.status.phase}\'=Running pod/busybox1\n  \n  # Wait for pod "busybox1" to be Ready\n  kubectl wait --for=\'jsonpath={.status.conditions[?(@.type=="Ready")].status}=True\' pod/busybox1\n  \n  # Wait for the service "loadbalancer" to have ingress\n  kubectl wait --for=jsonpath=\'{.status.loadBalancer.ingress}\' service/loadbalancer\n  \n  # Wait for the secret "busybox1" to be created, with a timeout of 30s\n  kubectl create secret generic busybox1\n  kubectl wait --for=create secret/busybox1 --timeout=30s\n  \n  # Wait for the pod "busybox1" to be deleted, with a timeout of 60s, after having issued the "delete" command\n  kubectl delete pod/busybox1\n  kubectl wait --for=delete pod/busybox1 --timeout=60s',
  usage: "kubectl wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]] [options]",
  flags: [
    ...PRINT_FLAGS,
    { name: 'all', type: 'bool', default: false, usage: 'Select all resources in the namespace of the specified resource types' },
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false, usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
    FIELD_SELECTOR_FLAG,
    { name: 'filename', short: 'f', type: 'stringSlice', default: [], usage: 'identifying the resource.' },
    { name: 'for', type: 'string', default: '', usage: "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]]. The default condition-value is true. Condition values are compared after Unicode simple case folding, which is a more general form of case-insensitivity." },
    { name: 'local', type: 'bool', default: false, usage: 'If true, annotation will NOT contact api-server but run locally.' },
    { name: 'recursive', short: 'R', type: 'bool', default: true, usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    { name: 'selector', short: 'l', type: 'string', default: '', usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)" },
    { name: 'timeout', type: 'duration', default: 30000, usage: "The length of time to wait before giving up. Zero means check once and don't wait, negative means wait for a week." },
  ],
  async run(k, args, f) {
    const v = f.values;
    const cond = conditionCheck(v.for as string);
    let timeout = v.timeout as number;
    if (timeout < 0) timeout = 168 * 3_600_000;
    const deadline = k.env.now() + timeout;
    const { namespace, explicit } = namespaceOf(k, v);
    if (args.length === 0 && !(v.filename as string[]).length) throw new KubectlError(MISSING_RESOURCE);
    const query = { filenames: v.filename as string[], recursive: v.recursive as boolean, selector: v.selector as string, fieldSelector: v['field-selector'] as string, all: v.all as boolean, allNamespaces: v['all-namespaces'] as boolean, namespace, explicitNamespace: explicit };
    if (cond.kind === 'create') {
      // Poll every 500ms until everything exists.
      for (;;) {
        const r = await resolveTargets(k, args, query);
        const missing = r.errors.some((e) => e instanceof ServerError && e.status.reason === 'NotFound');
        if (!missing && r.errors.length) return reportErrors(k, r.errors);
        if (!missing) break;
        if (k.env.now() >= deadline) throw new KubectlError('error: timed out waiting for the condition');
        await k.env.sleep(500);
        if (k.env.signal.aborted) return 130;
      }
    }
    const r = await resolveTargets(k, args, query);
    const errors: Error[] = cond.kind === 'delete' ? r.errors.filter((e) => !(e instanceof ServerError && e.status.reason === 'NotFound')) : [...r.errors];
    for (const t of r.targets) {
      try {
        // IsCreated: existing is all --for=create asks.
        const obj = cond.kind === 'create' ? t.object : cond.kind === 'delete' ? await waitDeleted(k, t, timeout, deadline) : await waitFor(k, t, cond.check!, timeout, deadline);
        await printOperation(k, obj, t.info, 'condition met', 'none', v);
      } catch (e) {
        if (!(e instanceof KubectlError)) throw e;
        if (e.exitCode === 130) return 130;
        errors.push(e);
      }
    }
    if (errors.length) return reportErrors(k, errors);
    if (r.targets.length === 0 && cond.kind !== 'delete') throw new KubectlError('error: no matching resources found');
    return 0;
  },
};

function timedOut(t: Target): KubectlError {
  return new KubectlError(`error: timed out waiting for the condition on ${t.info.resource}/${t.name}`);
}

async function waitFor(k: Kubectl, t: Target, check: Check, timeout: number, deadline: number): Promise<KubeObject> {
  const path = k.resourcePath(t.info, t.namespace);
  if (timeout === 0) {
    const cur = await k.request({ method: 'GET', path: k.resourcePath(t.info, t.namespace, t.name) });
    if (cur.status >= 300) throw new ServerError(asStatus(cur.body, cur.status));
    if (!check(cur.body as KubeObject)) throw new KubectlError(`error: condition not met for ${t.info.resource}/${t.name}`);
    return cur.body as KubeObject;
  }
  const left = deadline - k.env.now();
  if (left < 0) throw timedOut(t);
  const out = await untilWithSync(
    k,
    path,
    t.name,
    Math.max(left, 1),
    (type, o) => type !== 'DELETED' && check(o),
    () => {
      throw new ServerError(statusBody(404, 'NotFound', `${qualifiedResource(t.info)} "${t.name}" not found`));
    },
  );
  if (out.kind === 'done') return out.object;
  if (out.kind === 'interrupted') throw new KubectlError('', 130);
  throw timedOut(t);
}

async function waitDeleted(k: Kubectl, t: Target, timeout: number, deadline: number): Promise<KubeObject> {
  const cur = await k.request({ method: 'GET', path: k.resourcePath(t.info, t.namespace, t.name) });
  if (cur.status === 404) return t.object;
  if (cur.status >= 300) throw new ServerError(asStatus(cur.body, cur.status));
  const gotten = cur.body as KubeObject;
  if (timeout === 0) throw new KubectlError(`error: condition not met for ${t.info.resource}/${t.name}`);
  const left = deadline - k.env.now();
  if (left < 0) throw timedOut(t);
  const out = await untilWithSync(k, k.resourcePath(t.info, t.namespace), t.name, Math.max(left, 1), (type) => type === 'DELETED', () => ({ kind: 'done', object: gotten }));
  if (out.kind === 'interrupted') throw new KubectlError('', 130);
  if (out.kind === 'timeout') throw timedOut(t);
  return gotten;
}

