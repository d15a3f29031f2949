// kubectl taint: add, overwrite or remove node taints with a strategic merge patch of spec.taints;
// `node/x tainted|untainted|modified`, per-node errors collected like the builder's ContinueOnError.
// mirrors: kubectl/pkg/cmd/taint/taint.go

import { dryRunStrategy } from './create-common';
import type { CommandSpec } from '../command';
import type { KubeObject } from '../../../engine/api/types';
import { KubectlError, ServerError, formatStatus } from '../errors';
import { UnknownResourceError } from '../discovery';
import { DRY_RUN_FLAG, VALIDATE_FLAG, normalizeValidate } from '../mutate';
import { parseOutput, formatObjects, outputOptionsFrom } from '../output';
import { asStatus } from './apply';
import { ALLOW_MISSING_TEMPLATE_KEYS_FLAG, NODE_SELECTOR_FLAG, SHOW_MANAGED_FIELDS_FLAG, TEMPLATE_FLAG } from './common-flags';
import { aggregate } from './drain-filters';
import { existingTaintKeys, parseTaints, reorganizeTaints, taintJson, TaintError, type Taint } from './taint-parse';

export const taintCommand: CommandSpec = {
  name: 'taint',
  group: 'Cluster Management Commands',
  short: 'Update the taints on one or more nodes',
  long: "Update the taints on one or more nodes.\n\n  *  A taint consists of a key, value, and effect. As an argument here, it is expressed as key=value:effect.\n  *  The key must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 253 characters.\n  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.\n  *  The value is optional. If given, it must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters.\n  *  The effect must be NoSchedule, PreferNoSchedule or NoExecute.\n  *  Currently taint can only apply to node.",
  examples:
    "  # Update node 'foo' with a taint with key 'dedicated' and value 'special-user' and effect 'NoSchedule'\n  # If a taint with that key and effect already exists, its value is replaced as specified\n  kubectl taint nodes foo dedicated=special-user:NoSchedule\n  \n  # Remove from node 'foo' the taint with key 'dedicated' and effect 'NoSchedule' if one exists\n  kubectl taint nodes foo dedicated:NoSchedule-\n  \n  # Remove from node 'foo' all the taints with key 'dedicated'\n  kubectl taint nodes foo dedicated-\n  \n  # Add a taint with key 'dedicated' on nodes having label myLabel=X\n  kubectl taint node -l myLabel=X  dedicated=foo:PreferNoSchedule\n  \n  # Add to node 'foo' a taint with key 'bar' and no value\n  kubectl taint nodes foo bar:NoSchedule",
  usage: 'kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N [options]',
  flags: [
    { name: 'all', type: 'bool', default: false, usage: 'Select all nodes in the cluster' },
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    DRY_RUN_FLAG,
    { name: 'field-manager', type: 'string', default: 'kubectl-taint', usage: 'Name of the manager used to track field ownership.' },
    { name: 'output', short: 'o', type: 'string', default: '', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'overwrite', type: 'bool', default: false, usage: 'If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints.' },
    NODE_SELECTOR_FLAG,
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
    VALIDATE_FLAG,
  ],
  async run(k, args, f) {
    const v = f.values;
    const dry = await dryRunStrategy(k, v['dry-run']);
    const validation = normalizeValidate(v.validate);
    const selector = v.selector as string;
    const all = v.all as boolean;
    const overwrite = v.overwrite as boolean;
    const output = v.output as string;
    const fmt = output ? parseOutput(output, false, outputOptionsFrom(v, k.env)) : undefined;

    // Complete: resources first, then taint changes.
    const resources: string[] = [];
    const taintArgs: string[] = [];
    for (const s of args) {
      const isTaint = s.includes('=') || s.includes(':') || s.endsWith('-');
      if (isTaint) taintArgs.push(s);
      else if (taintArgs.length) throw new KubectlError(`error: all resources must be specified before taint changes: ${s}`);
      else resources.push(s);
    }
    if (resources.length < 1) throw new KubectlError('error: one or more resources must be specified as <resource> <name>');
    if (taintArgs.length < 1) throw new KubectlError('error: at least one taint update is required');
    let add: Taint[];
    let remove: Taint[];
    try {
      ({ add, remove } = parseTaints(taintArgs));
    } catch (e) {
      if (e instanceof TaintError) throw new KubectlError(`error: ${e.message}\nSee 'kubectl taint -h' for help and examples`);
      throw e;
    }

    // Validate: node type, no add+remove of the same taint, names or --all or -l.
    const type = resources[0].toLowerCase();
    let kind: string;
    try {
      kind = (await k.mapper.lookup(type)).kind;
    } catch (e) {
      if (e instanceof UnknownResourceError) throw new KubectlError(e.message);
      throw e;
    }
    if (kind !== 'Node') throw new KubectlError(`error: invalid resource type ${type}, only node types are supported`);
    const conflicts: string[] = [];
    for (const a of add) for (const r of remove) if (a.key === r.key && (!r.effect || a.effect === r.effect)) conflicts.push(`${r.key}=${r.effect ?? ''}`);
    if (conflicts.length) throw new KubectlError(`error: can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`);
    if (all && selector) throw new KubectlError("error: setting 'all' parameter with a non empty selector is prohibited");
    if (!all && !selector && resources.length < 2) throw new KubectlError("error: at least one resource name must be specified since 'all' parameter is not set");

    // Run, continuing past per-node errors.
    const errors: VisitError[] = [];
    const visit = async (node: KubeObject): Promise<void> => {
      const name = node.metadata?.name ?? '';
      const spec = (node.spec ?? {}) as { taints?: Taint[] };
      const old = spec.taints ?? [];
      if (!overwrite) {
        const exists = existingTaintKeys(old, add);
        if (exists) throw new KubectlError(`error: node ${name} already has ${exists} taint(s) with same effect(s) and --overwrite is false`);
      }
      const r = reorganizeTaints(old, overwrite, add, remove);
      if (r.errors.length) throw new AggregateError(r.errors);
      const next = r.taints.map(taintJson);
      const changed = JSON.stringify(old.map(taintJson)) !== JSON.stringify(next);
      const patch = changed ? { spec: { taints: next.length ? next : null } } : {};
      let result: KubeObject;
      if (dry === 'client') {
        result = { ...node, spec: { ...(node.spec as object), taints: next.length ? next : undefined } };
      } else {
        const query: Record<string, string> = { fieldManager: v['field-manager'] as string, fieldValidation: validation === 'ignore' ? 'Ignore' : validation === 'warn' ? 'Warn' : 'Strict' };
        if (dry === 'server') query.dryRun = 'All';
        const res = await k.request({ method: 'PATCH', path: `/api/v1/nodes/${encodeURIComponent(name)}`, query, body: JSON.stringify(patch), headers: { 'content-type': 'application/strategic-merge-patch+json' } });
        if (res.status >= 300) throw new ServerError(asStatus(res.body, res.status));
        result = res.body as KubeObject;
      }
      // kubectl sets the operation after applying the dry-run suffix, so taint never shows "(dry run)".
      if (fmt) await k.out(formatObjects([result], fmt, true, k.env.fs, k.env.cwd));
      else await k.out(`node/${name} ${r.operation}\n`);
    };
    const guard = async (fn: () => Promise<void>): Promise<void> => {
      try {
        await fn();
      } catch (e) {
        if (e instanceof AggregateError) errors.push({ items: e.items });
        else if (e instanceof ServerError) errors.push({ status: formatStatus(e.status) });
        else if (e instanceof KubectlError) errors.push({ plain: e.message.replace(/^error: /, '') });
        else throw e;
      }
    };
    if (all || selector) {
      const res = await k.call({ method: 'GET', path: '/api/v1/nodes', query: selector ? { labelSelector: selector } : {} });
      for (const n of (res.body as { items?: KubeObject[] }).items ?? []) await guard(() => visit(n));
    } else {
      for (const name of resources.slice(1)) {
        await guard(async () => visit((await k.call({ method: 'GET', path: `/api/v1/nodes/${encodeURIComponent(name)}` })).body as KubeObject));
      }
    }
    if (errors.length === 0) return 0;
    throw new KubectlError(checkErrText(errors));
  },
};

/** A node's failure: a server Status, a plain error, or an aggregate (reorganizeTaints). */
type VisitError = { status: string } | { plain: string } | { items: string[] };

class AggregateError extends Error {
  constructor(readonly items: string[]) {
    super(aggregate(items));
  }
}

/**
 * CheckErr of ContinueOnError's result: one error is unwrapped (an aggregate of one too) and printed with
 * `error: `; an aggregate prints one line per error, Status errors as `Error from server …`.
 */
function checkErrText(errors: VisitError[]): string {
  const line = (e: VisitError): string => ('status' in e ? e.status : 'plain' in e ? e.plain : aggregate(e.items));
  if (errors.length > 1) return errors.map(line).join('\n');
  const e = errors[0];
  if ('status' in e) return e.status;
  if ('plain' in e) return `error: ${e.plain}`;
  return e.items.length === 1 ? `error: ${e.items[0]}` : e.items.join('\n');
}
