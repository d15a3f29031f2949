// kubectl describe: per-kind text with related objects and events; a name that matches nothing exactly
// falls back to a name-prefix match, as kubectl does.
// mirrors: kubectl/pkg/cmd/describe/describe.go

import type { CommandSpec } from '../command';
import type { KubeObject } from '../../../engine/api/types';
import { typeRequests, manifestInfos } from '../builder';
import { KubectlError, ServerError, formatStatus, isStatus } from '../errors';
import type { ResourceInfo } from '../discovery';
import { describerFor } from '../describe/index';
import { asStatus } from './apply';
import { notAvailableFlag } from '../unavailable';

export const describeCommand: CommandSpec = {
  name: 'describe',
  group: 'Troubleshooting and Debugging Commands',
  short: 'Show details of a specific resource or group of resources',
  long: "Show details of a specific resource or group of resources.\n\n Print a detailed description of the selected resources, including related resources such as events or controllers. You may select a single object by name, all objects of that type, provide a name prefix, or label selector. For example:\n\n        $ kubectl describe TYPE NAME_PREFIX\n        \n will first check for an exact match on TYPE and NAME_PREFIX. If no such resource exists, it will output details for every resource that has a name prefixed with NAME_PREFIX.\n\nUse \"kubectl api-resources\" for a complete list of supported resources.",
  examples: '  # Describe a node\n  kubectl describe nodes kubernetes-node-emt8.c.myproject.internal\n  \n  # Describe a pod\n  kubectl describe pods/nginx\n  \n  # Describe a pod identified by type and name in "pod.json"\n  kubectl describe -f pod.json\n  \n  # Describe all pods\n  kubectl describe pods\n  \n  # Describe pods by label name=myLabel\n  kubectl describe pods -l name=myLabel\n  \n  # Describe all pods managed by the \'frontend\' replication controller\n  # (rc-created pods get the name of the rc as a prefix in the pod name)\n  kubectl describe pods frontend',
  usage: 'kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]',
  flags: [
    notAvailableFlag({ name: 'kustomize', short: 'k', type: 'string', default: '', usage: "Process the kustomization directory. This flag can't be used together with -f or -R." }),
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false, usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
    { name: 'chunk-size', type: 'int', default: 500, usage: 'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.' },
    { name: 'filename', short: 'f', type: 'stringSlice', default: [], usage: 'Filename, directory, or URL to files containing the resource to describe' },
    { name: 'recursive', short: 'R', type: 'bool', default: false, usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    { name: 'selector', short: 'l', type: 'string', default: '', usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: 'show-events', type: 'bool', default: true, usage: 'If true, display events related to the described object.' },
  ],
  async run(k, args, f) {
    const v = f.values;
    const ns = (v.namespace as string) || k.namespace;
    const allNs = v['all-namespaces'] as boolean;
    const files = v.filename as string[];
    if (args.length === 0 && files.length === 0) {
      throw new KubectlError("You must specify the type of resource to describe. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse \"kubectl explain <resource>\" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl describe -h' for help and examples");
    }
    const found: { info: ResourceInfo; obj: KubeObject }[] = [];
    const errors: string[] = [];
    if (files.length) {
      for (const m of await manifestInfos(k, files, v.recursive as boolean, ns, !!v.namespace)) {
        const res = await k.request({ method: 'GET', path: k.resourcePath(m.info, m.namespace, m.name) });
        if (res.status === 200) found.push({ info: m.info, obj: res.body as KubeObject });
        else errors.push(formatStatus(asStatus(res.body, res.status)));
      }
    } else {
      for (const r of await typeRequests(k, args)) {
        const namespace = r.info.namespaced ? (allNs ? undefined : ns) : undefined;
        if (r.names.length) {
          for (const name of r.names) {
            const res = await k.request({ method: 'GET', path: k.resourcePath(r.info, namespace, name) });
            if (res.status === 200) {
              found.push({ info: r.info, obj: res.body as KubeObject });
              continue;
            }
            if (res.status !== 404 || !isStatus(res.body)) throw new ServerError(asStatus(res.body, res.status));
            // `describe TYPE PREFIX`: kubectl falls back to every object whose name starts with it, each
            // printed with one more newline (DescribeMatchingResources).
            if (args.length === 2 && !args[1].includes('/')) {
              const list = await k.list(r.info, namespace, v.selector ? { labelSelector: v.selector as string } : {});
              const matches = list.items.filter((o) => o.metadata!.name!.startsWith(name));
              for (const o of matches) {
                const text = await describerFor(r.info.group, r.info.kind)({ k, info: r.info, settings: { showEvents: v['show-events'] as boolean, chunkSize: v['chunk-size'] as number }, now: k.env.now() }, o);
                await k.out(`${text}\n`);
              }
              if (matches.length) return 0;
            }
            errors.push(formatStatus(res.body));
          }
        } else {
          const list = await k.list(r.info, namespace, v.selector ? { labelSelector: v.selector as string } : {});
          for (const o of list.items) found.push({ info: r.info, obj: o });
        }
      }
    }
    let first = true;
    for (const { info, obj } of found) {
      const text = await describerFor(info.group, info.kind)({ k, info, settings: { showEvents: v['show-events'] as boolean, chunkSize: v['chunk-size'] as number }, now: k.env.now() }, obj);
      await k.out(first ? text : `\n\n${text}`);
      first = false;
    }
    if (found.length === 0 && errors.length === 0) {
      await k.err(allNs ? 'No resources found\n' : `No resources found in ${ns} namespace.\n`);
    }
    for (const e of errors) await k.err(e + '\n');
    return errors.length ? 1 : 0;
  },
};
