// kubectl delete: by type and name, TYPE/NAME, -f, -l, --all; cascading, grace periods, --force, and
// waiting until the objects are gone.
// mirrors: kubectl/pkg/cmd/delete/delete.go

import { dryRunStrategy } from './create-common';
import type { CommandSpec } from '../command';
import type { Kubectl } from '../context';
import type { KubeObject } from '../../../engine/api/types';
import { manifestInfos, typeRequests } from '../builder';
import { KubectlError, ServerError, isStatus } from '../errors';
import { kindGroup, type ResourceInfo } from '../discovery';
import { DRY_RUN_FLAG, withSource } from '../mutate';
import { asStatus } from './apply';
import { watchEvents } from '../../api-client';
import { notAvailableFlag } from '../unavailable';

interface Target {
  info: ResourceInfo;
  namespace?: string;
  name: string;
  source?: string;
}

export const deleteCommand: CommandSpec = {
  name: 'delete',
  group: 'Basic Commands (Intermediate)',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  long: 'Delete resources by file names, stdin, resources and names, or by resources and label selector.\n\n JSON and YAML formats are accepted. Only one type of argument may be specified: file names, resources and names, or resources and label selector.\n\n Some resources, such as pods, support graceful deletion. These resources define a default period before they are forcibly terminated (the grace period) but you may override that value with the --grace-period flag, or pass --now to set a grace-period of 1. Because these resources often represent entities in the cluster, deletion may not be acknowledged immediately. If the node hosting a pod is down or cannot reach the API server, termination may take significantly longer than the grace period. To force delete a resource, you must specify the --force flag. Note: only a subset of resources support graceful deletion. In absence of the support, the --grace-period flag is ignored.\n\n IMPORTANT: Force deleting pods does not wait for confirmation that the pod\'s processes have been terminated, which can leave those processes running until the node detects the deletion and completes graceful deletion. If your processes use shared storage or talk to a remote API and depend on the name of the pod to identify themselves, force deleting those pods may result in multiple processes running on different machines using the same identification which may lead to data corruption or inconsistency. Only force delete pods when you are sure the pod is terminated, or if your application can tolerate multiple copies of the same pod running at once. Also, if you force delete pods, the scheduler may place new pods on those nodes before the node has released those resources and causing those pods to be evicted immediately.\n\n Note that the delete command does NOT do resource version checks, so if someone submits an update to a resource right when you submit a delete, their update will be lost along with the rest of the resource.\n\n After a CustomResourceDefinition is deleted, invalidation of discovery cache may take up to 6 hours. If you don\'t want to wait, you might want to run "kubectl api-resources" to refresh the discovery cache.',
  examples: '  # Delete a pod using the type and name specified in pod.json\n  kubectl delete -f ./pod.json\n  \n  # Delete resources from a directory containing kustomization.yaml - e.g. dir/kustomization.yaml\n  kubectl delete -k dir\n  \n  # Delete resources from all files that end with \'.json\'\n  kubectl delete -f \'*.json\'\n  \n  # Delete a pod based on the type and name in the JSON passed into stdin\n  cat pod.json | kubectl delete -f -\n  \n  # Delete pods and services with same names "baz" and "foo"\n  kubectl delete pod,service baz foo\n  \n  # Delete pods and services with label name=myLabel\n  kubectl delete pods,services -l name=myLabel\n  \n  # Delete a pod with minimal delay\n  kubectl delete pod foo --now\n  \n  # Force delete a pod on a dead node\n  kubectl delete pod foo --force\n  \n  # Delete all pods\n  kubectl delete pods --all\n  \n  # Delete all pods only if the user confirms the deletion\n  kubectl delete pods --all --interactive',
  usage: 'kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]',
  flags: [
    notAvailableFlag({ name: 'kustomize', short: 'k', type: 'string', default: '', usage: "Process a kustomization directory. This flag can't be used together with -f or -R." }),
    { name: 'all', type: 'bool', default: false, usage: 'Delete all resources, in the namespace of the specified resource types.' },
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false, usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background', usage: 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.' },
    DRY_RUN_FLAG,
    { name: 'field-selector', type: 'string', default: '', usage: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." },
    { name: 'filename', short: 'f', type: 'stringSlice', default: [], usage: 'containing the resource to delete.' },
    { name: 'force', type: 'bool', default: false, usage: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.' },
    { name: 'grace-period', type: 'int', default: -1, usage: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).' },
    { name: 'ignore-not-found', type: 'bool', default: false, usage: 'Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.' },
    { name: 'interactive', short: 'i', type: 'bool', default: false, usage: 'If true, delete resource only when user confirms.' },
    { name: 'now', type: 'bool', default: false, usage: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).' },
    { name: 'output', short: 'o', type: 'string', default: '', usage: 'Output mode. Use "-o name" for shorter output (resource/name).' },
    { name: 'raw', type: 'string', default: '', usage: 'Raw URI to DELETE to the server.  Uses the transport specified by the kubeconfig file.' },
    { name: 'recursive', short: 'R', type: 'bool', default: false, usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    { name: 'selector', short: 'l', type: 'string', default: '', usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: 'timeout', type: 'duration', default: 0, usage: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object' },
    { name: 'wait', type: 'bool', default: true, usage: 'If true, wait for resources to be gone before returning. This waits for finalizers.' },
  ],
  async run(k, args, f) {
    const v = f.values;
    const files = v.filename as string[];
    const selector = v.selector as string;
    const fieldSelector = v['field-selector'] as string;
    const all = v.all as boolean;
    const allNs = v['all-namespaces'] as boolean;
    const ns = (v.namespace as string) || k.namespace;
    const dry = await dryRunStrategy(k, v['dry-run']);
    let grace = v['grace-period'] as number;
    const force = v.force as boolean;
    if (v.now) {
      if (grace !== -1) throw new KubectlError('error: --now and --grace-period cannot be specified together');
      grace = 1;
    }
    if (grace === 0 && !force) grace = 1;
    if (force && grace < 0) grace = 0;
    const cascade = String(v.cascade);
    const policy = cascade === 'orphan' ? 'Orphan' : cascade === 'foreground' ? 'Foreground' : cascade === 'background' || cascade === 'true' ? 'Background' : cascade === 'false' ? 'Orphan' : undefined;
    if (!policy) throw new KubectlError(`error: invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan".`);
    const ignoreNotFound = (v['ignore-not-found'] as boolean) || all;
    if (files.length === 0 && args.length === 0) {
      throw new KubectlError("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
    }
    const targets: Target[] = [];
    let found = 0;
    if (files.length) {
      for (const m of await manifestInfos(k, files, v.recursive as boolean, ns, !!v.namespace)) targets.push({ info: m.info, namespace: m.namespace, name: m.name, source: m.source });
    } else {
      const reqs = await typeRequests(k, args);
      const withNames = reqs.some((r) => r.names.length);
      if (withNames && (all || selector)) throw new KubectlError(`error: name cannot be provided when a selector is specified`);
      if (!withNames && !all && !selector && !fieldSelector) {
        throw new KubectlError(`error: resource(s) were provided, but no name was specified`);
      }
      for (const r of reqs) {
        const namespace = r.info.namespaced ? (allNs ? undefined : ns) : undefined;
        if (r.names.length) {
          for (const name of r.names) targets.push({ info: r.info, namespace, name });
          continue;
        }
        const query: Record<string, string> = {};
        if (selector) query.labelSelector = selector;
        if (fieldSelector) query.fieldSelector = fieldSelector;
        const list = await k.list(r.info, namespace, query);
        for (const o of list.items) targets.push({ info: r.info, namespace: o.metadata?.namespace, name: o.metadata!.name! });
      }
    }
    if (force && grace === 0) {
      await k.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
    }
    const waitFor: Target[] = [];
    let failed = false;
    for (const t of targets) {
      const body: Record<string, unknown> = { propagationPolicy: policy };
      if (grace >= 0) body.gracePeriodSeconds = grace;
      const query: Record<string, string> = {};
      if (dry === 'server') query.dryRun = 'All';
      if (dry === 'client') {
        found++;
        await k.out(`${kindGroup(t.info)} "${t.name}" deleted (dry run)\n`);
        continue;
      }
      const res = await k.request({ method: 'DELETE', path: k.resourcePath(t.info, t.namespace, t.name), query, body, headers: { 'content-type': 'application/json' } });
      if (res.status === 404 && ignoreNotFound) continue;
      if (res.status >= 300) {
        failed = true;
        const e = new ServerError(asStatus(res.body, res.status));
        if (t.source) withSource(e, 'deleting', t.source);
        await k.err(e.message + '\n');
        continue;
      }
      found++;
      const verb = force && grace === 0 ? 'force deleted' : 'deleted';
      if (v.output === 'name') await k.out(`${t.info.kind.toLowerCase()}${t.info.group ? '.' + t.info.group : ''}/${t.name}\n`);
      else await k.out(`${kindGroup(t.info)} "${t.name}" ${verb}${dry === 'server' ? ' (server dry run)' : ''}\n`);
      if (!isStatus(res.body) && (res.body as KubeObject)?.metadata?.deletionTimestamp) waitFor.push(t);
    }
    if (found === 0 && !failed && targets.length === 0) await k.out('No resources found\n');
    if (v.wait && dry === 'none') {
      const timeout = (v.timeout as number) || 0;
      for (const t of waitFor) await waitDeleted(k, t, timeout);
    }
    return failed ? 1 : 0;
  },
};

/** Waits until the object is gone (finalizers, graceful termination). */
export async function waitDeleted(k: Kubectl, t: Target, timeoutMs: number): Promise<boolean> {
  const cur = await k.request({ method: 'GET', path: k.resourcePath(t.info, t.namespace, t.name) });
  if (cur.status === 404) return true;
  const res = await k.request({
    method: 'GET',
    path: k.resourcePath(t.info, t.namespace),
    query: { fieldSelector: `metadata.name=${t.name}`, watch: 'true', allowWatchBookmarks: 'true' },
  });
  if (res.status !== 200) return true;
  let timer: number | undefined;
  let abort: (() => void) | undefined;
  const onAbort = (fn: () => void) => {
    abort = fn;
    k.env.signal.onAbort(fn);
  };
  if (timeoutMs > 0) {
    void k.env.sleep(timeoutMs).then(() => abort?.());
  }
  for await (const e of watchEvents(res, onAbort)) {
    if (e.type === 'DELETED') return true;
  }
  void timer;
  return false;
}
