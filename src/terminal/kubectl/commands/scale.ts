// kubectl scale: sets replicas through the scale subresource, with --current-replicas as a precondition.
// mirrors: kubectl/pkg/cmd/scale/scale.go, kubectl/pkg/scale

import { dryRunStrategy } from './create-common';
import type { CommandSpec } from '../command';
import { typeRequests, manifestInfos } from '../builder';
import { KubectlError, ServerError } from '../errors';
import { kindGroup, type ResourceInfo } from '../discovery';
import { asStatus } from './apply';
import { DRY_RUN_FLAG } from '../mutate';
import { ALLOW_MISSING_TEMPLATE_KEYS_FLAG, SHOW_MANAGED_FIELDS_FLAG, TEMPLATE_FLAG } from './common-flags';
import { notAvailableFlag } from '../unavailable';

export const scaleCommand: CommandSpec = {
  name: 'scale',
  group: 'Deploy Commands',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  long: 'Set a new size for a deployment, replica set, replication controller, or stateful set.\n\n Scale also allows users to specify one or more preconditions for the scale action.\n\n If --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is guaranteed that the precondition holds true when the scale is sent to the server.',
  examples: "  # Scale a replica set named 'foo' to 3\n  kubectl scale --replicas=3 rs/foo\n  \n  # Scale a resource identified by type and name specified in \"foo.yaml\" to 3\n  kubectl scale --replicas=3 -f foo.yaml\n  \n  # If the deployment named mysql's current size is 2, scale mysql to 3\n  kubectl scale --current-replicas=2 --replicas=3 deployment/mysql\n  \n  # Scale multiple replication controllers\n  kubectl scale --replicas=5 rc/example1 rc/example2 rc/example3\n  \n  # Scale stateful set named 'web' to 3\n  kubectl scale --replicas=3 statefulset/web",
  usage: 'kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]',
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
    notAvailableFlag({ name: 'kustomize', short: 'k', type: 'string', default: '', usage: "Process the kustomization directory. This flag can't be used together with -f or -R." }),
    { name: 'all', type: 'bool', default: false, usage: 'Select all resources in the namespace of the specified resource types' },
    { name: 'current-replicas', type: 'int', default: -1, usage: 'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.' },
    DRY_RUN_FLAG,
    { name: 'filename', short: 'f', type: 'stringSlice', default: [], usage: 'Filename, directory, or URL to files identifying the resource to set a new size' },
    { name: 'output', short: 'o', type: 'string', default: '', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'recursive', short: 'R', type: 'bool', default: false, usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    { name: 'replicas', type: 'int', default: 0, usage: 'The new desired number of replicas. Required.', required: true },
    { name: 'resource-version', type: 'string', default: '', usage: 'Precondition for resource version. Requires that the current resource version match this value in order to scale.' },
    { name: 'selector', short: 'l', type: 'string', default: '', usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: 'timeout', type: 'duration', default: 0, usage: 'The length of time to wait before giving up on a scale operation, zero means don\'t wait. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).' },
  ],
  async run(k, args, f) {
    const v = f.values;
    const replicas = v.replicas as number;
    if (replicas < 0) throw new KubectlError('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    const ns = (v.namespace as string) || k.namespace;
    const dry = await dryRunStrategy(k, v['dry-run']);
    const targets: { info: ResourceInfo; name: string; namespace?: string }[] = [];
    const files = v.filename as string[];
    if (files.length) {
      for (const m of await manifestInfos(k, files, v.recursive as boolean, ns, !!v.namespace)) targets.push(m);
    } else {
      if (args.length === 0) throw new KubectlError("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
      for (const r of await typeRequests(k, args)) {
        const namespace = r.info.namespaced ? ns : undefined;
        if (r.names.length) for (const name of r.names) targets.push({ info: r.info, name, namespace });
        else if (v.all || v.selector) {
          const list = await k.list(r.info, namespace, v.selector ? { labelSelector: v.selector as string } : {});
          for (const o of list.items) targets.push({ info: r.info, name: o.metadata!.name!, namespace });
        } else throw new KubectlError(`error: resource(s) were provided, but no name was specified`);
      }
    }
    // kubectl's builder fetches every target first; when none exists the visit errors become the message.
    const found: typeof targets = [];
    const missing: string[] = [];
    for (const t of targets) {
      const res = await k.request({ method: 'GET', path: k.resourcePath(t.info, t.namespace, t.name) });
      if (res.status < 300) found.push(t);
      else missing.push(new ServerError(asStatus(res.body, res.status)).status.message ?? '');
    }
    if (found.length === 0 && missing.length) {
      throw new KubectlError(`error: no objects passed to scale ${missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`}`);
    }
    for (const t of found) {
      if (!t.info.subresources.includes('scale')) throw new KubectlError(`error: no scaler has been implemented for {"${t.info.group}" "${t.info.kind}"}`);
      const path = k.resourcePath(t.info, t.namespace, t.name, 'scale');
      const cur = await k.request({ method: 'GET', path });
      if (cur.status >= 300) throw new ServerError(asStatus(cur.body, cur.status));
      const scale = cur.body as { spec?: { replicas?: number }; metadata?: { resourceVersion?: string } };
      const current = v['current-replicas'] as number;
      if (current >= 0 && (scale.spec?.replicas ?? 0) !== current) {
        throw new KubectlError(`error: Expected replicas to be ${current}, was ${scale.spec?.replicas ?? 0}`);
      }
      const rv = v['resource-version'] as string;
      if (rv && scale.metadata?.resourceVersion !== rv) {
        throw new KubectlError(`error: Expected resource version to be ${rv}, was ${scale.metadata?.resourceVersion}`);
      }
      if (dry !== 'client') {
        const patch = current >= 0 || rv ? { spec: { replicas }, metadata: { resourceVersion: scale.metadata?.resourceVersion } } : { spec: { replicas } };
        const res = await k.request({ method: 'PATCH', path, body: JSON.stringify(patch), headers: { 'content-type': 'application/merge-patch+json' }, query: dry === 'server' ? { dryRun: 'All' } : undefined });
        if (res.status >= 300) throw new ServerError(asStatus(res.body, res.status));
      }
      await k.out(`${kindGroup(t.info)}/${t.name} scaled${dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : ''}\n`);
    }
    return 0;
  },
};
