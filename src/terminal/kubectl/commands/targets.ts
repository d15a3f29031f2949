// The objects a mutating verb acts on (label, annotate, patch, set, rollout, wait, edit…): TYPE NAME…,
// TYPE/NAME…, TYPE -l/--all, or -f manifests (live copies, or the files themselves with --local),
// continuing past per-object errors and reporting them the way kubectl aggregates them.
// mirrors: cli-runtime/pkg/resource/builder.go (visitByName/visitByResource/visitBySelector/visitByPaths)

import type { KubeObject } from '../../../engine/api/types';
import type { Kubectl } from '../context';
import type { ResourceInfo } from '../discovery';
import { typeRequests, manifestInfos } from '../builder';
import { KubectlError, ServerError } from '../errors';
import { asStatus } from './apply';

export interface Target {
  info: ResourceInfo;
  namespace?: string;
  name: string;
  /** The live object (or the file's object with --local). */
  object: KubeObject;
  /** The -f source, for `error when … "file"` wording. */
  source?: string;
}

export interface TargetQuery {
  filenames?: string[];
  recursive?: boolean;
  selector?: string;
  fieldSelector?: string;
  all?: boolean;
  allNamespaces?: boolean;
  /** Use the objects from -f without contacting the server. */
  local?: boolean;
  namespace: string;
  explicitNamespace: boolean;
}

export interface TargetResult {
  targets: Target[];
  /** Per-object failures (NotFound…), reported after the others were processed. */
  errors: Error[];
  /** One object named explicitly (IntoSingleItemImplied). */
  singleItemImplied: boolean;
}

export const MISSING_RESOURCE =
  "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

/** Resolves arguments and -f into objects; structural mistakes throw, missing objects are collected. */
export async function resolveTargets(k: Kubectl, args: string[], q: TargetQuery): Promise<TargetResult> {
  const files = q.filenames ?? [];
  const errors: Error[] = [];
  const targets: Target[] = [];
  if (files.length) {
    if (args.length) throw new KubectlError('error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
    const infos = await manifestInfos(k, files, !!q.recursive, q.namespace, q.explicitNamespace);
    for (const m of infos) {
      if (q.local) {
        targets.push({ info: m.info, namespace: m.namespace, name: m.name, object: m.object, source: m.source });
        continue;
      }
      const got = await fetchObject(k, m.info, m.namespace, m.name);
      if (got instanceof Error) errors.push(got);
      else targets.push({ info: m.info, namespace: m.namespace, name: m.name, object: got, source: m.source });
    }
    return { targets, errors, singleItemImplied: infos.length === 1 };
  }
  if (q.local) throw new KubectlError('error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'');
  if (args.length === 0) throw new KubectlError(MISSING_RESOURCE);
  const reqs = await typeRequests(k, args);
  const named = reqs.some((r) => r.names.length);
  const bySelector = q.all || !!q.selector || !!q.fieldSelector;
  if (bySelector) {
    if (named && args.some((a) => a.includes('/'))) throw new KubectlError('error: selectors and the all flag cannot be used when passing resource/name arguments');
    if (named) throw new KubectlError('error: name cannot be provided when a selector is specified');
    for (const r of reqs) {
      const ns = r.info.namespaced && !q.allNamespaces ? q.namespace : undefined;
      const query: Record<string, string> = {};
      if (q.selector) query.labelSelector = q.selector;
      if (q.fieldSelector) query.fieldSelector = q.fieldSelector;
      const res = await k.request({ method: 'GET', path: k.resourcePath(r.info, ns), query });
      if (res.status >= 300) {
        errors.push(new ServerError(asStatus(res.body, res.status)));
        continue;
      }
      const list = res.body as { items: KubeObject[] };
      for (const o of list.items) targets.push({ info: r.info, namespace: o.metadata?.namespace, name: o.metadata?.name ?? '', object: withKind(o, r.info) });
    }
    return { targets, errors, singleItemImplied: false };
  }
  if (!named) throw new KubectlError('error: resource(s) were provided, but no name was specified');
  let count = 0;
  for (const r of reqs) {
    const ns = r.info.namespaced ? q.namespace : undefined;
    for (const name of r.names) {
      count++;
      const got = await fetchObject(k, r.info, ns, name);
      if (got instanceof Error) errors.push(got);
      else targets.push({ info: r.info, namespace: ns, name, object: got });
    }
  }
  return { targets, errors, singleItemImplied: count === 1 };
}

async function fetchObject(k: Kubectl, info: ResourceInfo, namespace: string | undefined, name: string): Promise<KubeObject | ServerError> {
  const res = await k.request({ method: 'GET', path: k.resourcePath(info, namespace, name) });
  if (res.status >= 300) return new ServerError(asStatus(res.body, res.status));
  return res.body as KubeObject;
}

/** List items come without kind/apiVersion; printers and patches need them. */
export function withKind(o: KubeObject, info: ResourceInfo): KubeObject {
  if (o.kind && o.apiVersion) return o;
  return { apiVersion: info.group ? `${info.group}/${info.version}` : info.version, kind: info.kind, ...o };
}

/** The text kubectl prints for an error (StandardErrorMessage, else `error: …`). */
export function errorText(e: Error): string {
  const m = e.message.replace(/\n$/, '');
  if (e instanceof ServerError || /^error: /.test(m) || /^Error from server/.test(m)) return m;
  return `error: ${m}`;
}

/**
 * Prints collected errors like cmdutil.CheckErr: one → its message; several → one per line, plain
 * errors without the `error: ` prefix (MultipleErrors). Returns the exit code (0 when none).
 */
export async function reportErrors(k: Kubectl, errors: Error[]): Promise<number> {
  if (errors.length === 0) return 0;
  if (errors.length === 1) {
    await k.err(errorText(errors[0]) + '\n');
    return errors[0] instanceof KubectlError ? errors[0].exitCode : 1;
  }
  // KubectlError texts carry the `error: ` that CheckErr adds; plain errors are printed as they are.
  let s = '';
  for (const e of errors) s += `${e instanceof ServerError || !(e instanceof KubectlError) ? e.message : e.message.replace(/^error: /, '')}\n`;
  await k.err(s);
  return 1;
}

