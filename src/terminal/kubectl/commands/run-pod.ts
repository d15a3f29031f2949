// The Pod (and Service for --expose) that `kubectl run` builds client side, field for field in the
// order of kubectl's Go structs, with its parsing errors; --overrides applied as merge/json/strategic.
// mirrors: kubectl/pkg/generate/versioned/run.go (BasicPod), kubectl/pkg/cmd/util/override_options.go

import type { KubeObject } from '../../../engine/api/types';
import { KubectlError } from '../errors';
import { applyJsonPatch, applyMergePatch, applyStrategicMergePatch } from '../../../engine/api/patch/index';
import { patchMetaFor } from '../../../engine/schema/index';

export interface RunParams {
  name: string;
  image: string;
  labels: string;
  annotations: string[];
  env: string[];
  port: string;
  imagePullPolicy: string;
  restart: string;
  command: boolean;
  args: string[];
  stdin: boolean;
  leaveStdinOpen: boolean;
  tty: boolean;
  privileged: boolean;
}

/** docker/distribution's reference grammar (name[:tag][@digest]). */
const REFERENCE = /^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$/;

export function validImageReference(image: string): boolean {
  return REFERENCE.test(image);
}

/** `a=b,c=d` (generate.ParseLabels). */
export function parseLabelSpec(spec: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2) throw new KubectlError(`error: unexpected label spec: ${part}`);
    if (!kv[0]) throw new KubectlError('error: unexpected empty label key');
    labels[kv[0]] = kv[1];
  }
  return labels;
}

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

export function parseEnvs(envs: string[]): { name: string; value: string }[] {
  return envs.map((e) => {
    const i = e.indexOf('=');
    const name = i < 0 ? '' : e.slice(0, i);
    if (i < 0 || !name || !ENV_NAME.test(name)) throw new KubectlError(`error: invalid env: ${e}`);
    return { name, value: e.slice(i + 1) };
  });
}

/** KEY=VALUE pairs (cmdutil.ParsePairs without removals). */
export function parsePairs(pairs: string[], kind: string): Record<string, string> {
  const out: Record<string, string> = {};
  const invalid: string[] = [];
  for (const p of pairs) {
    if (p.includes('=') && p[0] !== '=') {
      const i = p.indexOf('=');
      out[p.slice(0, i)] = p.slice(i + 1);
    } else invalid.push(p);
  }
  if (invalid.length) throw new KubectlError(`error: invalid ${kind} format: ${invalid.join(', ')}`);
  return out;
}

/** strconv.Atoi with Go's error text. */
export function atoi(s: string): number {
  if (!/^[+-]?\d+$/.test(s)) throw new KubectlError(`error: strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = Number(s);
  if (!Number.isSafeInteger(n)) throw new KubectlError(`error: strconv.Atoi: parsing ${JSON.stringify(s)}: value out of range`);
  return n;
}

/** BasicPod.Generate. */
export function buildRunPod(p: RunParams): KubeObject {
  const envs = parseEnvs(p.env);
  const annotations = p.annotations.length ? parsePairs(p.annotations, 'annotations') : undefined;
  const labels = p.labels ? parseLabelSpec(p.labels) : { run: p.name };
  const container: Record<string, unknown> = { name: p.name, image: p.image };
  if (p.args.length) container[p.command ? 'command' : 'args'] = p.args;
  if (p.port) container.ports = [{ containerPort: atoi(p.port) }];
  if (envs.length) container.env = envs;
  container.resources = {};
  if (p.imagePullPolicy) container.imagePullPolicy = p.imagePullPolicy;
  if (p.privileged) container.securityContext = { privileged: true };
  if (p.stdin) container.stdin = true;
  if (p.stdin && !p.leaveStdinOpen) container.stdinOnce = true;
  if (p.tty) container.tty = true;
  const metadata: Record<string, unknown> = { name: p.name, creationTimestamp: null, labels };
  if (annotations && Object.keys(annotations).length) metadata.annotations = annotations;
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: metadata as KubeObject['metadata'],
    spec: { containers: [container], restartPolicy: p.restart || 'Always', dnsPolicy: 'ClusterFirst' },
    status: {},
  };
}

/** Applies --overrides to the generated object like kubectl's Overrider. */
export function applyOverrides(obj: KubeObject, overrides: string, type: string, group: string, version: string): KubeObject {
  if (!overrides) return obj;
  let patch: unknown;
  try {
    patch = JSON.parse(overrides);
  } catch (e) {
    throw new KubectlError(`error: ${(e as Error).message}`);
  }
  switch (type || 'merge') {
    case 'merge':
      return applyMergePatch(obj, patch) as KubeObject;
    case 'json':
      return applyJsonPatch(obj, patch) as KubeObject;
    case 'strategic':
      return applyStrategicMergePatch(obj, patch, patchMetaFor(group, version, obj.kind ?? '')) as KubeObject;
  }
  throw new KubectlError(`error: invalid override type: ${type}`);
}
