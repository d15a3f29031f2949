// The nodes cordon, uncordon and drain act on: NODE arguments (or node/NODE) or a label selector,
// fetched before anything changes, with kubectl's usage errors.
// mirrors: kubectl/pkg/cmd/drain/drain.go (DrainCmdOptions.Complete)

import type { Kubectl } from '../context';
import type { KubeObject } from '../../../engine/api/types';
import { KubectlError } from '../errors';

export interface NodeTarget {
  name: string;
  node: KubeObject;
}

/** Resolves the command's node arguments; every node is fetched first, so one missing node stops all. */
export async function nodeTargets(k: Kubectl, verb: string, args: string[], selector: string, selectorSet: boolean, namespace = k.namespace): Promise<NodeTarget[]> {
  if (args.length === 0 && !selectorSet) throw new KubectlError(`error: USAGE: ${verb} NODE [flags]\nSee 'kubectl ${verb} -h' for help and examples`);
  if (args.length > 0 && selector) throw new KubectlError(`error: cannot specify both a node name and a --selector option\nSee 'kubectl ${verb} -h' for help and examples`);
  const out: NodeTarget[] = [];
  if (args.length === 0) {
    const res = await k.call({ method: 'GET', path: '/api/v1/nodes', query: selector ? { labelSelector: selector, limit: '500' } : { limit: '500' } });
    for (const n of (res.body as { items?: KubeObject[] }).items ?? []) out.push({ name: n.metadata?.name ?? '', node: n });
    return out;
  }
  for (const a of args) {
    const slash = a.indexOf('/');
    // node/NAME or TYPE/NAME: the builder fetches the object first, then the type is checked.
    const info = slash >= 0 ? await k.mapper.lookup(a.slice(0, slash)) : undefined;
    const name = slash >= 0 ? a.slice(slash + 1) : a;
    const path = info ? k.resourcePath(info, info.namespaced ? namespace : undefined, name) : `/api/v1/nodes/${encodeURIComponent(name)}`;
    const res = await k.call({ method: 'GET', path });
    if (info && (info.group !== '' || info.resource !== 'nodes')) {
      throw new KubectlError(`error: expected resource of type node, got "${info.group}/${info.version}, Resource=${info.resource}"`);
    }
    out.push({ name, node: res.body as KubeObject });
  }
  return out;
}
