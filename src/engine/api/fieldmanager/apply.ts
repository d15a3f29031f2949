// PATCH with Content-Type application/apply-patch+yaml: checks the patch options (a field manager is
// required), decodes the YAML or JSON configuration, applies it to the live object — or to nothing, which
// creates the object (201) — and stores the result through the REST layer (dry runs included).
// mirrors: apiserver/pkg/endpoints/handlers/patch.go (applyPatcher, applyPatch, checkName),
//          apimachinery/pkg/apis/meta/v1/validation (ValidatePatchOptions, ValidateFieldManager)

import type { ResourceDef } from '../../registry/types';
import type { Rest } from '../rest/rest';
import type { RequestOptions } from '../rest/context';
import type { ApiRequest, KubeObject } from '../types';
import * as errors from '../errors';
import { decodeBody } from '../body';
import { invalidStatus, required, tooLong, invalid, type FieldError } from '../validation/field-errors';
import { applyConfig } from './fieldmanager';

/** Longest field manager name the apiserver accepts (validation.FieldManagerMaxLength). */
export const FIELD_MANAGER_MAX_LENGTH = 128;

/** managerOrUserAgent: the fieldManager parameter, else the User-Agent up to its first "/". */
export function managerOrUserAgent(manager: string | undefined, userAgent: string | undefined): string {
  if (manager) return manager;
  let out = '';
  let bytes = 0;
  for (const ch of (userAgent ?? '').split('/')[0]) {
    if (!isPrint(ch)) continue;
    const n = new TextEncoder().encode(ch).length;
    if (bytes + n > FIELD_MANAGER_MAX_LENGTH) break;
    out += ch;
    bytes += n;
  }
  return out;
}

function isPrint(ch: string): boolean {
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(ch);
}

/** ValidateFieldManager: at most 128 bytes, printable characters only. */
export function validateFieldManager(manager: string): FieldError[] {
  const errs: FieldError[] = [];
  if (new TextEncoder().encode(manager).length > FIELD_MANAGER_MAX_LENGTH) errs.push(tooLong('fieldManager', FIELD_MANAGER_MAX_LENGTH));
  let i = 0;
  for (const ch of manager) {
    if (!isPrint(ch)) {
      const cp = ch.codePointAt(0)!;
      errs.push(invalid('fieldManager', manager, `invalid character U+${cp.toString(16).toUpperCase().padStart(4, '0')} (at position ${i})`));
    }
    i += new TextEncoder().encode(ch).length;
  }
  return errs;
}

function patchOptionsInvalid(errs: FieldError[]): errors.StatusError {
  return new errors.StatusError(invalidStatus('PatchOptions', 'meta.k8s.io', '', errs) as errors.Status);
}

/** The configuration of an apply request: a YAML or JSON object. */
function decodeConfig(req: ApiRequest, maxBodyBytes: number): Record<string, unknown> {
  let body: unknown;
  try {
    body = decodeBody(req, maxBodyBytes);
  } catch (e) {
    if (e instanceof errors.StatusError && e.code === 400) throw errors.badRequest(`error decoding YAML: ${e.message}`);
    throw e;
  }
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) {
    const t = Array.isArray(body) ? 'array' : typeof body === 'string' ? 'string' : typeof body === 'number' ? 'number' : 'bool';
    throw errors.badRequest(`error decoding YAML: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${t} into Go value of type map[string]interface {}`);
  }
  return body as Record<string, unknown>;
}

export interface ApplyResult {
  object: KubeObject;
  created: boolean;
}

/** Serves one apply request; `force` is the query parameter (take fields from other managers). */
export function serverSideApply(
  rest: Rest,
  def: ResourceDef,
  namespace: string | undefined,
  name: string,
  req: ApiRequest,
  opts: RequestOptions,
  force: boolean,
  maxBodyBytes: number,
  subresource?: 'status',
): ApplyResult {
  const manager = opts.fieldManager ?? '';
  const optErrs: FieldError[] = [];
  if (!manager) optErrs.push(required('fieldManager', 'is required for apply patch'));
  optErrs.push(...validateFieldManager(manager));
  if (optErrs.length) throw patchOptionsInvalid(optErrs);
  const config = decodeConfig(req, maxBodyBytes) as KubeObject;
  const ns = def.namespaced ? namespace : undefined;
  const live = rest.tryGet(def, ns, name);
  if (!live && subresource) throw errors.notFound(def.group, def.plural, name);
  const obj = applyConfig(def, live, config, { manager, subresource, now: rest.clock.now() }, force);
  const meta = (obj.metadata ??= {});
  if (!live && meta.uid) {
    throw errors.conflict(def.group, def.plural, name, `uid mismatch: the provided object specified uid ${meta.uid}, and no existing object was found`);
  }
  // EnsureObjectNamespaceMatchesRequestNamespace, then checkName.
  const expectedNs = def.group === '' && def.plural === 'namespaces' ? '' : (ns ?? '');
  const objNs = meta.namespace ?? '';
  if (objNs !== expectedNs) {
    if (objNs === '') meta.namespace = expectedNs;
    else if (expectedNs === '') delete meta.namespace;
    else throw errors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  if (!meta.name) throw errors.badRequest(`the name of the object (${name} based on URL) was undeterminable: name must be provided`);
  if (meta.name !== name) throw errors.badRequest(`the name of the object (${meta.name}) does not match the name on the URL (${name})`);
  const writeOpts: RequestOptions = { ...opts, managedFieldsSet: true };
  if (!live) return { object: rest.create(def, ns, obj, writeOpts), created: true };
  return { object: rest.update(def, ns, name, obj, writeOpts, subresource), created: false };
}
