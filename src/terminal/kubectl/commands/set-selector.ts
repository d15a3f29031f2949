// kubectl set selector: replaces a Service's selector with the given equality-based selector.
// mirrors: kubectl/pkg/cmd/set/set_selector.go

import type { CommandSpec } from '../command';
import { KubectlError } from '../errors';
import { DRY_RUN_FLAG, PRINT_FLAGS, fieldManagerFlag } from './workload-flags';
import { runSet } from './set-common';

/** metav1.ParseToLabelSelector, then only matchLabels (what a Service selector can hold). */
export function parseSelectorMap(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  const exprs: string[] = [];
  for (const raw of splitRequirements(text)) {
    const part = raw.trim();
    if (!part) continue;
    let m: RegExpExecArray | null;
    if ((m = /^([^=!\s(),]+)\s*(==|=)\s*([^=!\s(),]*)$/.exec(part))) labels[m[1]] = m[3];
    else if ((m = /^([^=!\s(),]+)\s*!=\s*([^=!\s(),]*)$/.exec(part))) exprs.push(`{${m[1]} NotIn [${m[2]}]}`);
    else if ((m = /^([^=!\s(),]+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(part))) {
      const values = m[3].split(',').map((x) => x.trim()).filter(Boolean).sort();
      exprs.push(`{${m[1]} ${m[2] === 'in' ? 'In' : 'NotIn'} [${values.join(' ')}]}`);
    } else if ((m = /^!([^=!\s(),]+)$/.exec(part))) exprs.push(`{${m[1]} DoesNotExist []}`);
    else if ((m = /^([^=!\s(),]+)$/.exec(part))) exprs.push(`{${m[1]} Exists []}`);
    else throw new KubectlError(`error: unable to parse requirement: found '${part}', expected: in, notin, =, ==, !=, gt, lt`);
  }
  if (exprs.length) throw new KubectlError(`error: match expression [${exprs.join(' ')}] not supported on this object`);
  return labels;
}

/** Splits a selector on commas outside parentheses. */
function splitRequirements(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of text) {
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

export const setSelectorCommand: CommandSpec = {
  name: 'selector',
  short: 'Set the selector on a resource',
  long: "Set the selector on a resource. Note that the new selector will overwrite the old selector if the resource had one prior to the invocation of 'set selector'.\n\n A selector must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters. If --resource-version is specified, then updates will use this resource version, otherwise the existing resource-version will be used. Note: currently selectors can only be set on Service objects.",
  examples:
    '  # Set the labels and selector before creating a deployment/service pair\n  kubectl create service clusterip my-svc --clusterip="None" -o yaml --dry-run=client | kubectl set selector --local -f - \'environment=qa\' -o yaml | kubectl create -f -\n  kubectl create deployment my-dep -o yaml --dry-run=client | kubectl label --local -f - environment=qa -o yaml | kubectl create -f -',
  usage: 'kubectl set selector (-f FILENAME | TYPE NAME) EXPRESSIONS [--resource-version=version] [options]',
  flags: [
    ...PRINT_FLAGS,
    { name: 'all', type: 'bool', default: false, usage: 'Select all resources in the namespace of the specified resource types' },
    DRY_RUN_FLAG,
    fieldManagerFlag('kubectl-set'),
    { name: 'filename', short: 'f', type: 'stringSlice', default: [], usage: 'identifying the resource.' },
    { name: 'local', type: 'bool', default: false, usage: 'If true, annotation will NOT contact api-server but run locally.' },
    { name: 'recursive', short: 'R', type: 'bool', default: true, usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    { name: 'resource-version', type: 'string', default: '', usage: 'If non-empty, the selectors update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.' },
  ],
  async run(k, args, f) {
    if (args.length === 0) throw new KubectlError('error: one selector is required');
    const selector = parseSelectorMap(args[args.length - 1]);
    const rv = f.values['resource-version'] as string;
    return runSet(k, f, {
      resources: args.slice(0, -1),
      operation: 'selector updated',
      patchErrorPrefix: '',
      selectorStyle: true,
      mutate(obj) {
        if (obj.kind !== 'Service') throw new Error('setting a selector is only supported for Services');
        (obj.spec as { selector?: Record<string, string> }).selector = { ...selector };
        if (rv) (obj.metadata ??= {}).resourceVersion = rv;
        return true;
      },
    });
  },
};
