// Building blocks of the `paths` section kube-apiserver serves: parameters (query parameters taken from
// the options types), request bodies, responses and operations, with upstream's key order and wording.
// mirrors: staging/src/k8s.io/apiserver/pkg/endpoints/installer.go, kube-openapi pkg/builder3.

import parametersJson from '../generated/parameters.json';
import { REF_PREFIX } from '../types';

export interface Parameter {
  name: string;
  in: 'path' | 'query';
  description: string;
  required?: boolean;
  schema: { type: string; uniqueItems: true };
}

interface MediaType {
  schema: { $ref: string } | { type: string };
}

export interface Operation {
  tags: string[];
  description: string;
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, MediaType>; required?: boolean };
  responses: Record<string, { description: string; content?: Record<string, MediaType> }>;
  'x-kubernetes-action'?: string;
  'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string };
}

interface QueryParameterSpec {
  name: string;
  description: string;
  type: string;
}

const PARAMS = parametersJson as Record<string, QueryParameterSpec[]>;
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';

/** Query parameters converted from an options kind, minus `exclude`. */
export function optionParams(kind: string, exclude: readonly string[] = []): Parameter[] {
  return (PARAMS[kind] ?? [])
    .filter((p) => !exclude.includes(p.name))
    .map((p) => ({ name: p.name, in: 'query', description: p.description, schema: { type: p.type, uniqueItems: true } }));
}

export function pathParam(name: string, description: string): Parameter {
  return { name, in: 'path', description, required: true, schema: { type: 'string', uniqueItems: true } };
}

export const NAMESPACE_PARAM = pathParam('namespace', 'object name and auth scope, such as for teams and projects');

export const PRETTY_PARAM: Parameter = {
  name: 'pretty',
  in: 'query',
  description:
    "If 'true', then the output is pretty printed. Defaults to 'false' unless the user-agent indicates a browser or command-line HTTP tool (curl and wget).",
  schema: { type: 'string', uniqueItems: true },
};

export const ref = (def: string) => ({ $ref: REF_PREFIX + def });

const OBJECT_TYPES = ['application/json', 'application/vnd.kubernetes.protobuf', 'application/yaml'];
const STREAM_TYPES = [
  'application/json',
  'application/json;stream=watch',
  'application/vnd.kubernetes.protobuf',
  'application/vnd.kubernetes.protobuf;stream=watch',
  'application/yaml',
];
const PATCH_TYPES = [
  'application/apply-patch+yaml',
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
];

function content(types: readonly string[], schema: MediaType['schema']): Record<string, MediaType> {
  const out: Record<string, MediaType> = {};
  for (const t of types) out[t] = { schema };
  return out;
}

const UNAUTHORIZED = { description: 'Unauthorized' };

/** Responses of an operation returning `def`: codes are the ones the apiserver documents per action. */
export function objectResponses(def: string, codes: readonly ('200' | '201' | '202')[]): Operation['responses'] {
  const text = { '200': 'OK', '201': 'Created', '202': 'Accepted' };
  const out: Operation['responses'] = {};
  for (const code of codes) out[code] = { description: text[code], content: content(OBJECT_TYPES, ref(def)) };
  out['401'] = UNAUTHORIZED;
  return out;
}

/** List and watch responses: JSON, protobuf, their watch streams and YAML. */
export function streamResponses(def: string): Operation['responses'] {
  return { '200': { description: 'OK', content: content(STREAM_TYPES, ref(def)) }, '401': UNAUTHORIZED };
}

/** Responses of connect operations and of pods/log (`textPlain`): a string body. */
export function stringResponses(textPlain: boolean): Operation['responses'] {
  const types = textPlain ? [...OBJECT_TYPES, 'text/plain'] : ['*/*'];
  return { '200': { description: 'OK', content: content(types, { type: 'string' }) }, '401': UNAUTHORIZED };
}

export function bodyOf(def: string, required: boolean): NonNullable<Operation['requestBody']> {
  return required ? { content: { '*/*': { schema: ref(def) } }, required: true } : { content: { '*/*': { schema: ref(def) } } };
}

export const PATCH_BODY: NonNullable<Operation['requestBody']> = { content: content(PATCH_TYPES, ref(META + 'Patch')), required: true };
export const DELETE_BODY: NonNullable<Operation['requestBody']> = { content: { '*/*': { schema: ref(META + 'DeleteOptions') } } };

/** An operation with upstream's key order; parameters are attached later by `assemblePath`. */
export function operation(fields: Operation): Operation {
  const op: Record<string, unknown> = { tags: fields.tags, description: fields.description, operationId: fields.operationId };
  if (fields.parameters) op.parameters = fields.parameters;
  if (fields.requestBody) op.requestBody = fields.requestBody;
  op.responses = fields.responses;
  if (fields['x-kubernetes-action']) op['x-kubernetes-action'] = fields['x-kubernetes-action'];
  if (fields['x-kubernetes-group-version-kind']) op['x-kubernetes-group-version-kind'] = fields['x-kubernetes-group-version-kind'];
  return op as unknown as Operation;
}

const METHOD_ORDER = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;
export type Method = (typeof METHOD_ORDER)[number];

export type PathItem = Partial<Record<Method, Operation>> & { parameters?: Parameter[] };

function paramKey(p: Parameter): string {
  return JSON.stringify(p);
}

function sortParams(list: Parameter[]): Parameter[] {
  return list.sort((a, b) => (a.name === b.name ? (a.in < b.in ? -1 : 1) : a.name < b.name ? -1 : 1));
}

/**
 * One path item from its operations, each given with all of its parameters: parameters every operation
 * shares move to the path (as the apiserver's route documentation does), the rest stay, both sorted.
 */
export function assemblePath(ops: Partial<Record<Method, Operation>>): PathItem {
  const present = METHOD_ORDER.filter((m) => ops[m]);
  let common: Map<string, Parameter> | undefined;
  for (const m of present) {
    const here = new Map((ops[m]!.parameters ?? []).map((p) => [paramKey(p), p] as const));
    if (!common) common = here;
    else for (const k of [...common.keys()]) if (!here.has(k)) common.delete(k);
  }
  const item: PathItem = {};
  for (const m of present) {
    const op = ops[m]!;
    const own = (op.parameters ?? []).filter((p) => !common!.has(paramKey(p)));
    item[m] = operation({ ...op, parameters: own.length > 0 ? sortParams(own) : undefined });
  }
  if (common && common.size > 0) item.parameters = sortParams([...common.values()]);
  return item;
}
