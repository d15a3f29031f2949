// Request body decoding (JSON, YAML, protobuf via a pluggable decoder) and unknown-field handling.

import { load as loadYaml } from 'js-yaml';
import type { ResourceDef } from '../registry/types';
import type { ApiRequest, KubeObject } from './types';
import type { RequestOptions } from './rest/context';
import * as errors from './errors';
import { header } from './request';
import { checkFields } from '../schema/index';
import { utf8Decode } from '../util/base64';

/** Decodes protobuf request bodies (installed by `kubeplay serve`; the in-process clients send objects). */
let protobufDecoder: ((bytes: Uint8Array) => unknown) | undefined;
export function setProtobufDecoder(fn: (bytes: Uint8Array) => unknown): void {
  protobufDecoder = fn;
}

export function decodeBody(req: ApiRequest, maxBytes: number): unknown {
  const body = req.body;
  if (body === undefined || body === null) return undefined;
  if (typeof body !== 'string' && !(body instanceof Uint8Array)) return body;
  const size = typeof body === 'string' ? body.length : body.byteLength;
  if (size > maxBytes) throw errors.requestEntityTooLarge('limit is 3145728');
  const ct = (header(req, 'content-type') ?? 'application/json').split(';')[0].trim().toLowerCase();
  if (ct === 'application/vnd.kubernetes.protobuf') {
    if (!protobufDecoder || typeof body === 'string') throw errors.unsupportedMediaType(['application/json', 'application/yaml']);
    return protobufDecoder(body);
  }
  const text = typeof body === 'string' ? body : utf8Decode(body);
  if (text.trim() === '') return undefined;
  if (ct === 'application/yaml' || ct === 'application/apply-patch+yaml') {
    try {
      return loadYaml(text);
    } catch (e) {
      throw errors.badRequest(`error converting YAML to JSON: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  if (!/json/.test(ct) && !/^\*\/\*$/.test(ct)) {
    throw errors.unsupportedMediaType(['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf']);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw errors.badRequest(`the object provided is unrecognized (must be of type json): ${(e as Error).message}`);
  }
}

/**
 * Strict decoding as kube-apiserver does it: unknown or duplicate fields are an error with
 * fieldValidation=Strict, a warning with Warn (the default), nothing with Ignore; they are dropped.
 * Wrong types are always an error.
 */
export function checkDecodedFields(def: ResourceDef, obj: KubeObject, opts: RequestOptions): KubeObject {
  if (opts.trusted) return obj;
  const [group, version] = splitApiVersion(obj.apiVersion, def);
  const problems = checkFields(group, version, def.kind, obj);
  if (!problems) return obj;
  const typeErrors = problems.typeErrors ?? [];
  if (typeErrors.length) {
    throw errors.badRequest(`${def.kind} in version "${def.version}" cannot be handled as a ${def.kind}: ${typeErrors[0]}`);
  }
  const unknown = problems.unknownFields ?? [];
  if (unknown.length === 0) return obj;
  if (opts.fieldValidation === 'Strict') {
    const list = unknown.map((p) => `unknown field "${p}"`).join(', ');
    throw errors.badRequest(`${def.kind} in version "${def.version}" cannot be handled as a ${def.kind}: strict decoding error: ${list}`);
  }
  if (opts.fieldValidation !== 'Ignore') for (const p of unknown) opts.warnings?.push(`unknown field "${p}"`);
  return problems.pruned ?? obj;
}

function splitApiVersion(apiVersion: string | undefined, def: ResourceDef): [string, string] {
  if (!apiVersion) return [def.group, def.version];
  const i = apiVersion.indexOf('/');
  return i < 0 ? ['', apiVersion] : [apiVersion.slice(0, i), apiVersion.slice(i + 1)];
}
