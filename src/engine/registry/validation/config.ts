// Validation of ConfigMap, Secret and ServiceAccount (core/v1), including `immutable` objects.
// mirrors: pkg/apis/core/validation/validation.go ValidateConfigMap(Update)/ValidateSecret(Update) (1.32)

import type { ConfigMap, Secret, ServiceAccount } from 'kubernetes-types/core/v1';
import { forbidden, invalid, key, required, tooLong, type FieldError } from '../../api/validation/field-errors';
import { deepEqual, validateImmutableField, validateObjectMeta, validateObjectMetaUpdate } from '../../api/validation/metadata';
import { byteLength, isConfigMapKey, nameIsDNSSubdomain } from '../../api/validation/names';

const MAX_SECRET_SIZE = 1024 * 1024;

function immutableWhenSet<T extends { immutable?: boolean }>(next: T, prev: T, fields: Array<keyof T & string>): FieldError[] {
  const errs: FieldError[] = [];
  if (!prev.immutable) return errs;
  if (!next.immutable) errs.push(forbidden('immutable', 'field is immutable when `immutable` is set'));
  for (const f of fields) if (!deepEqual(next[f] ?? null, prev[f] ?? null)) errs.push(forbidden(f, 'field is immutable when `immutable` is set'));
  return errs;
}

function validateConfigMapFields(cm: ConfigMap): FieldError[] {
  const errs = validateObjectMeta(cm.metadata, true, nameIsDNSSubdomain);
  let size = 0;
  for (const [k, v] of Object.entries(cm.data ?? {})) {
    for (const m of isConfigMapKey(k)) errs.push(invalid(key('data', k), k, m));
    if (cm.binaryData && k in cm.binaryData) errs.push(invalid(key('data', k), k, 'duplicate of key present in binaryData'));
    size += byteLength(String(v));
  }
  for (const [k, v] of Object.entries(cm.binaryData ?? {})) {
    for (const m of isConfigMapKey(k)) errs.push(invalid(key('binaryData', k), k, m));
    size += base64Length(v);
  }
  // Upstream reports the whole object with an empty path.
  if (size > MAX_SECRET_SIZE) errs.push(tooLong('', MAX_SECRET_SIZE));
  return errs;
}

export function validateConfigMap(cm: ConfigMap, old?: ConfigMap): FieldError[] {
  if (!old) return validateConfigMapFields(cm);
  return [...validateObjectMetaUpdate(cm.metadata, old.metadata), ...immutableWhenSet(cm, old, ['data', 'binaryData']), ...validateConfigMapFields(cm)];
}

/** Decoded size of a base64 value. */
function base64Length(v: string): number {
  const s = v.replace(/\s/g, '');
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  return Math.floor((s.length * 3) / 4) - pad;
}

function validateSecretFields(secret: Secret): FieldError[] {
  const errs = validateObjectMeta(secret.metadata, true, nameIsDNSSubdomain);
  // stringData is merged into data by decoding; validate the merged view.
  const data: Record<string, number> = {};
  for (const [k, v] of Object.entries(secret.data ?? {})) data[k] = base64Length(v);
  for (const [k, v] of Object.entries(secret.stringData ?? {})) data[k] = byteLength(v);
  let size = 0;
  for (const [k, n] of Object.entries(data)) {
    for (const m of isConfigMapKey(k)) errs.push(invalid(key('data', k), k, m));
    size += n;
  }
  if (size > MAX_SECRET_SIZE) errs.push(tooLong('data', MAX_SECRET_SIZE));
  const has = (k: string): boolean => k in data;
  switch (secret.type ?? '') {
    case 'kubernetes.io/service-account-token':
      if (!secret.metadata?.annotations?.['kubernetes.io/service-account.name']) {
        errs.push(required('metadata.annotations[kubernetes.io/service-account.name]'));
      }
      break;
    case 'kubernetes.io/dockercfg':
      if (!has('.dockercfg')) errs.push(required('data[.dockercfg]'));
      break;
    case 'kubernetes.io/dockerconfigjson':
      if (!has('.dockerconfigjson')) errs.push(required('data[.dockerconfigjson]'));
      break;
    case 'kubernetes.io/basic-auth':
      if (!has('username') && !has('password')) errs.push(required('data[username]'), required('data[password]'));
      break;
    case 'kubernetes.io/ssh-auth':
      if (!data['ssh-privatekey']) errs.push(required('data[ssh-privatekey]'));
      break;
    case 'kubernetes.io/tls':
      if (!has('tls.crt')) errs.push(required('data[tls.crt]'));
      if (!has('tls.key')) errs.push(required('data[tls.key]'));
      break;
    default:
      break;
  }
  return errs;
}

export function validateSecret(secret: Secret, old?: Secret): FieldError[] {
  if (!old) return validateSecretFields(secret);
  const errs = validateObjectMetaUpdate(secret.metadata, old.metadata);
  errs.push(...validateImmutableField(secret.type ?? '', old.type ?? '', 'type'));
  errs.push(...immutableWhenSet(secret, old, ['data']));
  return errs.concat(validateSecretFields(secret));
}

export function validateServiceAccount(sa: ServiceAccount, old?: ServiceAccount): FieldError[] {
  const errs = old ? validateObjectMetaUpdate(sa.metadata, old.metadata) : [];
  return errs.concat(validateObjectMeta(sa.metadata, true, nameIsDNSSubdomain));
}
