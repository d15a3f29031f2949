// Shared by `kubectl create -f` and the create generators: --save-config and sending a built object.

import type { KubeObject } from '../../../engine/api/types';
import type { Kubectl } from '../context';
import type { ParsedFlags } from '../flags';
import { ServerError } from '../errors';
import { normalizeValidate, parseDryRun, printResult, writeQuery } from '../mutate';
import { asStatus, withLastApplied } from './apply';

export const SAVE_CONFIG = { name: 'save-config', type: 'bool' as const, default: false, usage: "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future." };

/** Runs a generator's object through create (or prints it for --dry-run=client). */
export async function createGenerated(k: Kubectl, resourceArg: string, obj: KubeObject, f: ParsedFlags, manager = 'kubectl-create'): Promise<number> {
  const v = f.values;
  const dry = parseDryRun(v['dry-run']);
  const info = await k.mapper.lookup(resourceArg);
  const ns = info.namespaced ? (v.namespace as string) || k.namespace : undefined;
  if (info.namespaced && ns && v.namespace) (obj.metadata ??= {}).namespace = ns;
  const body = v['save-config'] ? withLastApplied(obj, undefined) : obj;
  if (dry === 'client') {
    await printResult(k, body, info, 'created', dry, v.output as string);
    return 0;
  }
  const res = await k.request({ method: 'POST', path: k.resourcePath(info, ns), query: writeQuery((v['field-manager'] as string) || manager, dry, normalizeValidate(v.validate)), body, headers: { 'content-type': 'application/json' } });
  if (res.status >= 300) throw new ServerError(asStatus(res.body, res.status));
  await printResult(k, res.body as KubeObject, info, 'created', dry, v.output as string);
  return 0;
}

