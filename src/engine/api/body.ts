// Request body decoding (JSON, YAML, protobuf via a pluggable decoder) and unknown-field handling.

import type { ResourceDef } from '../registry/types';
import type { ApiRequest, KubeObject } from './types';
import type { RequestOptions } from './rest/context';
import * as errors from './errors';
import { header } from './request';
import { checkFields } from '../schema/index';
import { utf8Decode, utf8Encode } from '../util/base64';
import { parseYamlDocument, YamlSyntaxError } from '../util/yaml';

/** Decodes protobuf request bodies (installed by `kubeplay serve`; the in-process clients send objects). */
let protobufDecoder: ((bytes: Uint8Array) => unknown) | undefined;
export function setProtobufDecoder(fn: (bytes: Uint8Array) => unknown): void {
  protobufDecoder = fn;
}

/**
 * Decodes a request body by its Content-Type. `kind` names the resource's kind for the apiserver's
 * "the object provided is unrecognized (must be of type Pod)" wording when a YAML body cannot be read.
 */
export function decodeBody(req: ApiRequest, maxBytes: number, kind = 'Object'): unknown {
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
  if (ct === 'application/apply-patch+yaml') return decodeApplyPatch(text);
  if (ct === 'application/yaml') {
    try {
      return parseYamlDocument(text);
    } catch (e) {
      if (!(e instanceof YamlSyntaxError)) throw e;
      throw errors.badRequest(`the object provided is unrecognized (must be of type ${kind}): ${e.message} (${summarizeData(text)})`);
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
 * An apply patch, read as the apiserver's applyPatcher does (apimachinery's yaml.Unmarshal into a map).
 * mirrors: staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go (applyPatchToCurrentObject)
 */
function decodeApplyPatch(text: string): unknown {
  let v: unknown;
  try {
    v = parseYamlDocument(text);
  } catch (e) {
    if (!(e instanceof YamlSyntaxError)) throw e;
    throw errors.badRequest(`error decoding YAML: error converting YAML to JSON: ${e.message}`);
  }
  if (v !== null && (typeof v !== 'object' || Array.isArray(v))) {
    const type = Array.isArray(v) ? 'array' : typeof v === 'boolean' ? 'bool' : typeof v;
    throw errors.badRequest(`error decoding YAML: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${type} into Go value of type map[string]interface {}`);
  }
  return v;
}

/** The start of a body for a decode error: JSON as text, anything else hex-encoded (30 bytes at most). */
function summarizeData(text: string): string {
  const bytes = utf8Encode(text);
  if (bytes.length === 0) return '<empty>';
  const head = bytes.subarray(0, 30);
  const more = bytes.length > 30 ? ' ...' : '';
  if (bytes[0] === 0x7b) return utf8Decode(head) + more;
  return Array.from(head, (b) => b.toString(16).padStart(2, '0')).join('') + more;
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
