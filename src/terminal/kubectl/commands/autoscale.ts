// kubectl autoscale: an autoscaling/v1 HorizontalPodAutoscaler for each scalable target (kubectl 1.32 still
// creates v1 objects), `horizontalpodautoscaler.autoscaling/web autoscaled`.
// mirrors: kubectl/pkg/cmd/autoscale/autoscale.go

import type { CommandSpec } from '../command';
import type { Kubectl } from '../context';
import type { KubeObject } from '../../../engine/api/types';
import { manifestInfos, typeRequests } from '../builder';
import { KubectlError, ServerError, formatStatus } from '../errors';
import type { ResourceInfo } from '../discovery';
import { DRY_RUN_FLAG, dryRunSuffix } from '../mutate';
import { formatObjects, parseOutput, printOrderedJson, outputOptionsFrom } from '../output';
import { asStatus, LAST_APPLIED } from './apply';
import { SAVE_CONFIG, dryRunStrategy } from './create-common';
import { ALLOW_MISSING_TEMPLATE_KEYS_FLAG, RESOURCE_ARG_EXAMPLES, SHOW_MANAGED_FIELDS_FLAG, TEMPLATE_FLAG } from './common-flags';

export const autoscaleCommand: CommandSpec = {
  name: 'autoscale',
  group: 'Deploy Commands',
  short: 'Auto-scale a deployment, replica set, stateful set, or replication controller',
  long: 'Creates an autoscaler that automatically chooses and sets the number of pods that run in a Kubernetes cluster.\n\n Looks up a deployment, replica set, stateful set, or replication controller by name and creates an autoscaler that uses the given resource as a reference. An autoscaler can automatically increase or decrease number of pods deployed within the system as needed.',
  examples:
    '  # Auto scale a deployment "foo", with the number of pods between 2 and 10, no target CPU utilization specified so a default autoscaling policy will be used\n  kubectl autoscale deployment foo --min=2 --max=10\n  \n  # Auto scale a replication controller "foo", with the number of pods between 1 and 5, target CPU utilization at 80%\n  kubectl autoscale rc foo --max=5 --cpu-percent=80',
  usage: 'kubectl autoscale (-f FILENAME | TYPE NAME | TYPE/NAME) [--min=MINPODS] --max=MAXPODS [--cpu-percent=CPU] [options]',
  flags: [
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    { name: 'cpu-percent', type: 'int', default: -1, usage: "The target average CPU utilization (represented as a percent of requested CPU) over all the pods. If it's not specified or negative, a default autoscaling policy will be used." },
    DRY_RUN_FLAG,
    { name: 'field-manager', type: 'string', default: 'kubectl-autoscale', usage: 'Name of the manager used to track field ownership.' },
    { name: 'filename', short: 'f', type: 'stringSlice', default: [], usage: 'Filename, directory, or URL to files identifying the resource to autoscale.' },
    { name: 'kustomize', short: 'k', type: 'string', default: '', usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: 'max', type: 'int', default: -1, usage: 'The upper limit for the number of pods that can be set by the autoscaler. Required.', required: true },
    { name: 'min', type: 'int', default: -1, usage: "The lower limit for the number of pods that can be set by the autoscaler. If it's not specified or negative, the server will apply a default value." },
    { name: 'name', type: 'string', default: '', usage: 'The name for the newly created object. If not specified, the name of the input resource will be used.' },
    { name: 'output', short: 'o', type: 'string', default: '', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'recursive', short: 'R', type: 'bool', default: false, usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    SAVE_CONFIG,
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
  ],
  async run(k, args, f) {
    const v = f.values;
    const dry = await dryRunStrategy(k, v['dry-run']);
    const output = v.output as string;
    const fmt = output ? parseOutput(output, false, outputOptionsFrom(v, k.env)) : undefined;
    const max = v.max as number;
    const min = v.min as number;
    if (max < 1) throw new KubectlError(`error: --max=MAXPODS is required and must be at least 1, max: ${max}`);
    if (max < min) throw new KubectlError(`error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`);
    const ns = (v.namespace as string) || k.namespace;
    const files = v.filename as string[];
    if (v.kustomize) throw new KubectlError('error: kustomize is not supported in this playground; use -f with plain manifests');

    // The builder: objects from -f or TYPE NAME / TYPE/NAME, each fetched; errors collected (ContinueOnError).
    const targets: { info: ResourceInfo; namespace?: string; name: string }[] = [];
    if (files.length) {
      for (const m of await manifestInfos(k, files, v.recursive as boolean, ns, !!v.namespace)) targets.push(m);
    } else {
      if (args.length === 0) throw new KubectlError(`error: You must provide one or more resources by argument or filename.\n${RESOURCE_ARG_EXAMPLES}`);
      for (const r of await typeRequests(k, args)) {
        if (r.names.length === 0) throw new KubectlError('error: resource(s) were provided, but no name was specified');
        for (const name of r.names) targets.push({ info: r.info, namespace: r.info.namespaced ? ns : undefined, name });
      }
    }
    const errors: string[] = [];
    let count = 0;
    for (const t of targets) {
      try {
        const res = await k.request({ method: 'GET', path: k.resourcePath(t.info, t.namespace, t.name) });
        if (res.status >= 300) throw new ServerError(asStatus(res.body, res.status));
        if (!t.info.subresources.includes('scale')) {
          throw new KubectlError(`error: cannot autoscale a ${t.info.kind}: could not find scale subresource for ${t.info.group}/${t.info.version}, Resource=${t.info.resource} in discovery information`);
        }
        const hpa = horizontalPodAutoscaler((v.name as string) || t.name, t.info, t.name, max, min, v['cpu-percent'] as number);
        if (dry === 'client') {
          count++;
          await print(k, hpa, fmt, `created${dryRunSuffix(dry)}`);
          continue;
        }
        if (v['save-config']) {
          const meta = hpa.metadata as Record<string, unknown>;
          meta.annotations = { [LAST_APPLIED]: JSON.stringify(hpa) + '\n' };
        }
        const query: Record<string, string> = { fieldManager: v['field-manager'] as string };
        if (dry === 'server') query.dryRun = 'All';
        const created = await k.request({ method: 'POST', path: `/apis/autoscaling/v1/namespaces/${encodeURIComponent(ns)}/horizontalpodautoscalers`, query, body: hpa, headers: { 'content-type': 'application/json' } });
        if (created.status >= 300) throw new ServerError(asStatus(created.body, created.status));
        count++;
        await print(k, created.body as KubeObject, fmt, `autoscaled${dryRunSuffix(dry)}`);
      } catch (e) {
        if (!(e instanceof KubectlError)) throw e;
        errors.push(e instanceof ServerError ? formatStatus(e.status) : e.message);
      }
    }
    if (errors.length) throw new KubectlError(errors.length === 1 ? errors[0] : errors.map((m) => m.replace(/^error: /, '')).join('\n'));
    if (count === 0) throw new KubectlError('error: no objects passed to autoscale');
    return 0;
  },
};

/** The autoscaling/v1 object kubectl builds, fields in Go struct order. */
function horizontalPodAutoscaler(name: string, info: ResourceInfo, target: string, max: number, min: number, cpu: number): KubeObject {
  const spec: Record<string, unknown> = {
    scaleTargetRef: { kind: info.kind, name: target, apiVersion: info.group ? `${info.group}/${info.version}` : info.version },
  };
  if (min > 0) spec.minReplicas = min;
  spec.maxReplicas = max;
  if (cpu >= 0) spec.targetCPUUtilizationPercentage = cpu;
  return {
    kind: 'HorizontalPodAutoscaler',
    apiVersion: 'autoscaling/v1',
    metadata: { name, creationTimestamp: null } as unknown as KubeObject['metadata'],
    spec,
    status: { currentReplicas: 0, desiredReplicas: 0 },
  };
}

async function print(k: Kubectl, obj: KubeObject, fmt: ReturnType<typeof parseOutput> | undefined, operation: string): Promise<void> {
  if (!fmt) return void (await k.out(`horizontalpodautoscaler.autoscaling/${obj.metadata?.name ?? ''} ${operation}\n`));
  if (fmt.kind === 'json') return void (await k.out(printOrderedJson(obj)));
  await k.out(formatObjects([obj], fmt, true, k.env.fs, k.env.cwd));
}
