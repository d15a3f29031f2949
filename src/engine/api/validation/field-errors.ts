// Field-level validation errors and the 422 Invalid Status built from them, worded as kube-apiserver 1.32.
// mirrors: k8s.io/apimachinery/pkg/util/validation/field/{errors,path}.go, pkg/util/errors (aggregate),
//          pkg/api/errors.NewInvalid (v0.32.0)

import { formatBadValue, goQuote } from './go-format';

export type FieldErrorType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'InternalError'
  | 'FieldValueTypeInvalid';

export interface FieldError {
  type: FieldErrorType;
  /** Field path as field.Path.String() prints it: `spec.containers[0].name`, `metadata.labels[app]`. */
  field: string;
  badValue?: unknown;
  detail: string;
  /** Print the type alone, without the value (field.OmitValueType). */
  omitValue?: boolean;
}

/** ErrorType.String(): the words users see. */
export const FIELD_ERROR_WORDS: Record<FieldErrorType, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  InternalError: 'Internal error',
  FieldValueTypeInvalid: 'Invalid value',
};

// ---- paths (field.Path) ----

/** Appends struct fields: child('spec', 'template', 'spec') → `spec.template.spec`. */
export function child(base: string, ...names: string[]): string {
  let out = base;
  for (const n of names) out = out === '' ? n : `${out}.${n}`;
  return out;
}

/** Appends a list index: `spec.containers[0]`. */
export function index(base: string, i: number): string {
  return `${base}[${i}]`;
}

/** Appends a map key (unquoted, as upstream prints it): `metadata.labels[app]`. */
export function key(base: string, k: string): string {
  return `${base}[${k}]`;
}

// ---- constructors ----

export function invalid(field: string, badValue: unknown, detail: string): FieldError {
  return { type: 'FieldValueInvalid', field, badValue, detail };
}

export function required(field: string, detail = ''): FieldError {
  return { type: 'FieldValueRequired', field, badValue: '', detail };
}

export function forbidden(field: string, detail: string): FieldError {
  return { type: 'FieldValueForbidden', field, badValue: '', detail };
}

export function duplicate(field: string, badValue: unknown): FieldError {
  return { type: 'FieldValueDuplicate', field, badValue, detail: '' };
}

export function notFound(field: string, badValue: unknown): FieldError {
  return { type: 'FieldValueNotFound', field, badValue, detail: '' };
}

/** NotSupported: detail `supported values: "a", "b"` (strconv.Quote of each). */
export function notSupported(field: string, badValue: unknown, validValues: readonly string[]): FieldError {
  const detail = validValues.length > 0 ? 'supported values: ' + validValues.map((v) => goQuote(v)).join(', ') : '';
  return { type: 'FieldValueNotSupported', field, badValue, detail };
}

/** TooLong: `may not be more than N bytes` (or `value is too long` when maxLength < 0). */
export function tooLong(field: string, maxLength: number): FieldError {
  const detail = maxLength >= 0 ? `may not be more than ${maxLength} bytes` : 'value is too long';
  return { type: 'FieldValueTooLong', field, badValue: '<value omitted>', detail };
}

/** TooMany: `Too many: 25: must have at most 20 items`. */
export function tooMany(field: string, actual: number, max: number): FieldError {
  const detail = max >= 0 ? `must have at most ${max} items` : 'has too many items';
  if (actual >= 0) return { type: 'FieldValueTooMany', field, badValue: actual, detail };
  return { type: 'FieldValueTooMany', field, detail, omitValue: true };
}

export function internalError(field: string, message: string): FieldError {
  return { type: 'InternalError', field, badValue: null, detail: message };
}

export function typeInvalid(field: string, badValue: unknown, detail: string): FieldError {
  return { type: 'FieldValueTypeInvalid', field, badValue, detail };
}

// ---- messages ----

/** ErrorBody(): the message without the field, as used in Status causes. */
export function errorBody(e: FieldError): string {
  const words = FIELD_ERROR_WORDS[e.type];
  let s: string;
  if (
    e.omitValue ||
    e.type === 'FieldValueRequired' ||
    e.type === 'FieldValueForbidden' ||
    e.type === 'FieldValueTooLong' ||
    e.type === 'InternalError'
  ) {
    s = words;
  } else {
    s = `${words}: ${formatBadValue(e.badValue)}`;
  }
  if (e.detail.length > 0) s += `: ${e.detail}`;
  return s;
}

/** (*Error).Error(): `<field>: <body>`. */
export function fieldErrorMessage(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}

/** The message of errs.ToAggregate(): duplicates dropped, one error alone, several as `[e1, e2]`. */
export function aggregateMessage(errors: readonly FieldError[]): string {
  const seen = new Set<string>();
  const msgs: string[] = [];
  for (const e of errors) {
    const m = fieldErrorMessage(e);
    if (seen.has(m)) continue;
    seen.add(m);
    msgs.push(m);
  }
  if (msgs.length === 0) return '';
  if (msgs.length === 1) return msgs[0];
  return `[${msgs.join(', ')}]`;
}

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export interface InvalidStatus {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: 'Invalid';
  details: { name?: string; group?: string; kind: string; causes: StatusCause[] };
  code: 422;
}

/** The qualified kind as GroupKind.String() prints it: `Deployment.apps`, `Pod`. */
export function qualifiedKind(kind: string, group: string): string {
  return group ? `${kind}.${group}` : kind;
}

/** The message of errors.NewInvalid: `<Kind>[.<group>] "<name>" is invalid: <aggregate>`. */
export function invalidMessage(kind: string, group: string, name: string, errors: readonly FieldError[]): string {
  const agg = aggregateMessage(errors);
  const head = `${qualifiedKind(kind, group)} ${goQuote(name)} is invalid`;
  return agg === '' ? head : `${head}: ${agg}`;
}

/**
 * errors.NewInvalid as the metav1.Status body (422, reason Invalid, one cause per error). Causes that
 * are exact repeats are dropped: the REST layer merges its generic metadata checks with the kind's
 * validator, which may report the same metadata error again.
 */
export function invalidStatus(kind: string, group: string, name: string, errors: readonly FieldError[]): InvalidStatus {
  const seen = new Set<string>();
  const causes: StatusCause[] = [];
  for (const e of errors) {
    const cause: StatusCause = { reason: e.type };
    const body = errorBody(e);
    if (body) cause.message = body;
    if (e.field) cause.field = e.field;
    const k = `${e.type}\u0000${e.field}\u0000${body}`;
    if (seen.has(k)) continue;
    seen.add(k);
    causes.push(cause);
  }
  // Key order and omitted empties follow the JSON upstream writes (name, group, kind, causes).
  const details: InvalidStatus['details'] = { kind, causes };
  const ordered: InvalidStatus['details'] = {
    ...(name ? { name } : {}),
    ...(group ? { group } : {}),
    ...details,
  };
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: invalidMessage(kind, group, name, errors),
    reason: 'Invalid',
    details: ordered,
    code: 422,
  };
}
