// What `kubectl label` and `kubectl annotate` share: KEY=VAL / KEY- arguments after the resources,
// the --overwrite check, --list, --local, --resource-version, and the merge patch of metadata.
// mirrors: kubectl/pkg/cmd/label/label.go, kubectl/pkg/cmd/annotate/annotate.go,
//          kubectl/pkg/cmd/util/helpers.go (GetResourcesAndPairs)

import { dryRunStrategy } from './create-common';
import type { KubeObject } from '../../../engine/api/types';
import type { Kubectl } from '../context';
import type { ParsedFlags } from '../flags';
import { KubectlError, ServerError } from '../errors';
import { createMergePatch } from '../../../engine/api/patch/create-patch';
import { stableStringify } from '../../../engine/api/patch/stable-stringify';
import { deepClone } from '../../../engine/store/freeze';
import { asStatus } from './apply';
import { namespaceOf, printOperation } from './workload-flags';
import { resolveTargets, reportErrors } from './targets';

/** Splits `pods foo a=b c-` into resources and pairs (all resources must come first). */
export function resourcesAndPairs(args: string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    const isPair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (isPair) pairs.push(s);
    else if (pairs.length) throw new KubectlError(`error: all resources must be specified before ${pairType} changes: ${s}`);
    else resources.push(s);
  }
  return { resources, pairs };
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** label.go parseLabels: KEY=VALUE (validated value) or KEY-. */
export function parseLabelArgs(pairs: string[]): { set: Map<string, string>; remove: string[] } {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const spec of pairs) {
    if (spec.includes('=')) {
      const parts = spec.split('=');
      if (parts.length !== 2) throw new KubectlError(`error: invalid label spec: ${spec}`);
      const errs: string[] = [];
      if (parts[1].length > 63) errs.push('must be no more than 63 characters');
      if (!LABEL_VALUE.test(parts[1])) {
        errs.push("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
      }
      if (errs.length) throw new KubectlError(`error: invalid label value: ${JSON.stringify(spec)}: ${errs.join(';')}`);
      set.set(parts[0], parts[1]);
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
    else throw new KubectlError(`error: unknown label spec: ${spec}`);
  }
  if (remove.some((r) => set.has(r))) throw new KubectlError('error: can not both modify and remove a label in the same command');
  return { set, remove };
}

/** cmdutil.ParsePairs with removals (annotate). */
export function parseAnnotationArgs(pairs: string[]): { set: Map<string, string>; remove: string[] } {
  const set = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const p of pairs) {
    if (p.includes('=') && p[0] !== '=') {
      const i = p.indexOf('=');
      set.set(p.slice(0, i), p.slice(i + 1));
    } else if (p.endsWith('-') && p !== '-') remove.push(p.slice(0, -1));
    else invalid.push(p);
  }
  if (invalid.length) throw new KubectlError(`error: invalid annotation format: ${invalid.join(', ')}`);
  const both = remove.filter((r) => set.has(r));
  if (both.length) throw new KubectlError(`error: can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`);
  return { set, remove };
}

export interface MapUpdate {
  field: 'labels' | 'annotations';
  set: Map<string, string>;
  remove: string[];
}

/** Applies the update to a copy of the object; conflicts without --overwrite are errors. */
function updateMap(obj: KubeObject, u: MapUpdate, overwrite: boolean, resourceVersion: string): KubeObject {
  const meta = (obj.metadata ??= {});
  const cur = (meta[u.field] ?? {}) as Record<string, string>;
  if (!overwrite) {
    if (u.field === 'labels') {
      const errs = [...u.set].filter(([key, val]) => key in cur && cur[key] !== val).map(([key]) => new Error(`'${key}' already has a value (${cur[key]}), and --overwrite is false`));
      if (errs.length) throw errs;
    } else {
      const found = [...u.set].filter(([key, val]) => key !== 'kubernetes.io/change-cause' && key in cur && cur[key] !== val).map(([key]) => `'${key}' already has a value (${cur[key]})`);
      if (found.length) throw [new Error(`--overwrite is false but found the following declared annotation(s): ${found.join('; ')}`)];
    }
  }
  const next: Record<string, string> = { ...cur };
  for (const [key, val] of u.set) next[key] = val;
  for (const key of u.remove) delete next[key];
  meta[u.field] = next;
  if (resourceVersion) meta.resourceVersion = resourceVersion;
  return obj;
}

/** Runs label or annotate over the resolved objects. */
export async function runMapUpdate(k: Kubectl, f: ParsedFlags, resources: string[], u: MapUpdate): Promise<number> {
  const v = f.values;
  const dry = await dryRunStrategy(k, v['dry-run']);
  const local = v.local as boolean;
  const list = v.list as boolean;
  const overwrite = v.overwrite as boolean;
  const rv = v['resource-version'] as string;
  const { namespace, explicit } = namespaceOf(k, v);
  const r = await resolveTargets(k, local ? [] : resources, {
    filenames: v.filename as string[],
    recursive: v.recursive as boolean,
    selector: local ? undefined : (v.selector as string),
    fieldSelector: local ? undefined : (v['field-selector'] as string),
    all: local ? false : (v.all as boolean),
    allNamespaces: v['all-namespaces'] as boolean,
    local,
    namespace,
    explicitNamespace: explicit,
  });
  if (!r.singleItemImplied && rv) throw new KubectlError('error: --resource-version may only be used with a single resource');
  const errors: Error[] = [...r.errors];
  for (const t of r.targets) {
    try {
      const original = deepClone(t.object);
      if (rv) delete original.metadata?.resourceVersion;
      const oldData = stableStringify(original);
      let updated: KubeObject;
      let output: KubeObject;
      if (dry === 'client' || local || list) {
        updated = updateMap(deepClone(original), u, overwrite, rv);
        output = updated;
      } else {
        if (u.field === 'labels') {
          const have = (t.object.metadata?.labels ?? {}) as Record<string, string>;
          for (const key of u.remove) if (!(key in have)) await k.out(`label ${JSON.stringify(key)} not found.\n`);
        }
        updated = updateMap(deepClone(original), u, overwrite, rv);
        const patch = createMergePatch(original, updated);
        const query: Record<string, string> = { fieldManager: v['field-manager'] as string };
        if (dry === 'server') query.dryRun = 'All';
        const res = await k.request({ method: 'PATCH', path: k.resourcePath(t.info, t.namespace, t.name), query, body: stableStringify(patch), headers: { 'content-type': 'application/merge-patch+json' } });
        if (res.status >= 300) throw new ServerError(asStatus(res.body, res.status));
        output = u.field === 'labels' ? updated : (res.body as KubeObject);
      }
      if (list) {
        const indent = r.singleItemImplied ? '' : ' ';
        if (!r.singleItemImplied) await k.out(`Listing ${u.field} for ${t.info.kind}.${t.info.group}/${t.name}:\n`);
        const m = (output.metadata?.[u.field] ?? {}) as Record<string, string>;
        for (const key of Object.keys(m).sort()) await k.out(`${indent}${key}=${m[key]}\n`);
        continue;
      }
      let verb = 'annotated';
      if (u.field === 'labels') {
        const newData = stableStringify(updated);
        verb = 'not labeled';
        if (newData !== oldData) verb = !overwrite && newData.length < oldData.length ? 'unlabeled' : 'labeled';
      }
      await printOperation(k, output, t.info, verb, dry, v);
    } catch (e) {
      if (Array.isArray(e)) errors.push(...(e as Error[]));
      else if (e instanceof KubectlError) errors.push(e);
      else throw e;
    }
  }
  return reportErrors(k, errors);
}
