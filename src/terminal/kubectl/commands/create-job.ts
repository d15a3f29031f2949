// kubectl create job (from an image, or --from=cronjob/NAME like the CronJob controller would) and
// kubectl create cronjob (cj).
// mirrors: kubectl/pkg/cmd/create/create_job.go, create_cronjob.go

import type { CommandSpec } from '../command';
import type { Kubectl } from '../context';
import type { KubeObject } from '../../../engine/api/types';
import { KubectlError } from '../errors';
import { typeRequests } from '../builder';
import { GENERATOR_FLAGS, completeCreate, createTyped, nameArg, newMeta, objectNamespace, type TypedTarget } from './create-common';

const JOB_TARGET: TypedTarget = { group: 'batch', version: 'v1', resource: 'jobs', kind: 'Job', namespaced: true, errorPrefix: 'failed to create job: ' };

function container(name: string, image: string, command: string[] | undefined): Record<string, unknown> {
  const c: Record<string, unknown> = { name, image };
  if (command) c.command = command;
  c.resources = {};
  return c;
}

/** createJobFromCronJob: the CronJob's job template, marked as started by hand and owned by the CronJob. */
function jobFromCronJob(name: string, namespace: string | undefined, cj: KubeObject): KubeObject {
  const template = ((cj.spec as Record<string, unknown> | undefined)?.jobTemplate ?? {}) as { metadata?: KubeObject['metadata']; spec?: unknown };
  const annotations: Record<string, string> = { 'cronjob.kubernetes.io/instantiate': 'manual', ...(template.metadata?.annotations ?? {}) };
  const extra: Record<string, unknown> = {};
  if (template.metadata?.labels && Object.keys(template.metadata.labels).length) extra.labels = template.metadata.labels;
  extra.annotations = annotations;
  extra.ownerReferences = [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cj.metadata?.name ?? '', uid: cj.metadata?.uid ?? '', controller: true }];
  return { kind: 'Job', apiVersion: 'batch/v1', metadata: newMeta(name, namespace, extra), spec: template.spec ?? {}, status: {} };
}

/** The --from object through the resource builder: exactly one existing CronJob. */
async function fromCronJob(k: Kubectl, from: string, namespace: string): Promise<KubeObject> {
  const reqs = await typeRequests(k, [from]);
  const infos = reqs.flatMap((r) => r.names.map((n) => ({ info: r.info, name: n })));
  if (reqs.length && infos.length === 0) throw new KubectlError('error: resource(s) were provided, but no name was specified');
  if (infos.length !== 1) throw new KubectlError('error: from must be an existing cronjob');
  const { info, name } = infos[0];
  const obj = await k.get(info, info.namespaced ? namespace : undefined, name);
  if (info.group !== 'batch' || info.kind !== 'CronJob') throw new KubectlError(`error: unknown object type *${info.version}.${info.kind}`);
  return obj;
}

export function jobCommand(): CommandSpec {
  return {
    name: 'job',
    short: 'Create a job with the specified name',
    long: 'Create a job with the specified name.',
    examples: '  # Create a job\n  kubectl create job my-job --image=busybox\n  \n  # Create a job with a command\n  kubectl create job my-job --image=busybox -- date\n  \n  # Create a job from a cron job named "a-cronjob"\n  kubectl create job test-job --from=cronjob/a-cronjob',
    usage: 'kubectl create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...] [options]',
    flags: [
      ...GENERATOR_FLAGS,
      { name: 'image', type: 'string', default: '', usage: 'Image name to run.' },
      { name: 'from', type: 'string', default: '', usage: 'The name of the resource to create a Job from (only cronjob is supported).' },
    ],
    async run(k, args, f) {
      const name = nameArg(args, f, 'job');
      const command = args.length > 1 ? args.slice(1) : undefined;
      const s = await completeCreate(k, f);
      const image = f.values.image as string;
      const from = f.values.from as string;
      if (!image === !from) throw new KubectlError('error: either --image or --from must be specified');
      if (command && from) throw new KubectlError('error: cannot specify --from and command');
      let obj: KubeObject;
      if (image) {
        obj = {
          kind: 'Job',
          apiVersion: 'batch/v1',
          metadata: newMeta(name, objectNamespace(s)),
          spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [container(name, image, command)], restartPolicy: 'Never' } } },
          status: {},
        };
      } else {
        obj = jobFromCronJob(name, objectNamespace(s), await fromCronJob(k, from, s.namespace));
      }
      return createTyped(k, JOB_TARGET, obj, s);
    },
  };
}

export function cronJobCommand(): CommandSpec {
  return {
    name: 'cronjob',
    aliases: ['cj'],
    short: 'Create a cron job with the specified name',
    long: 'Create a cron job with the specified name.',
    examples: '  # Create a cron job\n  kubectl create cronjob my-job --image=busybox --schedule="*/1 * * * *"\n  \n  # Create a cron job with a command\n  kubectl create cronjob my-job --image=busybox --schedule="*/1 * * * *" -- date',
    usage: "kubectl create cronjob NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...] [flags] [options]",
    flags: [
      ...GENERATOR_FLAGS,
      { name: 'image', type: 'string', default: '', usage: 'Image name to run.', required: true },
      { name: 'schedule', type: 'string', default: '', usage: 'A schedule in the Cron format the job should be run with.', required: true },
      { name: 'restart', type: 'string', default: '', usage: "job's restart policy. supported values: OnFailure, Never" },
    ],
    async run(k, args, f) {
      const name = nameArg(args, f, 'cronjob');
      const command = args.length > 1 ? args.slice(1) : undefined;
      const restart = (f.values.restart as string) || 'OnFailure';
      const s = await completeCreate(k, f);
      const obj: KubeObject = {
        kind: 'CronJob',
        apiVersion: 'batch/v1',
        metadata: newMeta(name, objectNamespace(s)),
        spec: {
          schedule: f.values.schedule,
          jobTemplate: {
            metadata: { name, creationTimestamp: null },
            spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [container(name, f.values.image as string, command)], restartPolicy: restart } } },
          },
        },
        status: {},
      };
      return createTyped(k, { group: 'batch', version: 'v1', resource: 'cronjobs', kind: 'CronJob', namespaced: true, errorPrefix: 'failed to create cronjob: ' }, obj, s);
    },
  };
}
