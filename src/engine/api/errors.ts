// metav1.Status errors with kube-apiserver's wording; thrown inside the server, returned as responses.
// mirrors: apimachinery/pkg/api/errors/errors.go

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, unknown>;
  status: 'Failure' | 'Success';
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code: number;
}

export class StatusError extends Error {
  constructor(readonly status: Status) {
    super(status.message ?? status.reason ?? 'error');
  }
  get code(): number {
    return this.status.code;
  }
  get reason(): string | undefined {
    return this.status.reason;
  }
}

export function statusBody(code: number, reason: string | undefined, message: string, details?: StatusDetails): Status {
  const s: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, details, code };
  if (!reason) delete s.reason;
  if (!details) delete s.details;
  return s;
}

function err(code: number, reason: string | undefined, message: string, details?: StatusDetails): StatusError {
  return new StatusError(statusBody(code, reason, message, details));
}

/** `pods "x" not found` (resource is the plural with group: `deployments.apps`). */
export function notFound(group: string, resource: string, name: string): StatusError {
  const qr = group ? `${resource}.${group}` : resource;
  return err(404, 'NotFound', `${qr} "${name}" not found`, { name, group: group || undefined, kind: resource });
}

export function alreadyExists(group: string, resource: string, name: string): StatusError {
  const qr = group ? `${resource}.${group}` : resource;
  return err(409, 'AlreadyExists', `${qr} "${name}" already exists`, { name, group: group || undefined, kind: resource });
}

export function conflict(group: string, resource: string, name: string, detail: string): StatusError {
  const qr = group ? `${resource}.${group}` : resource;
  return err(409, 'Conflict', `Operation cannot be fulfilled on ${qr} "${name}": ${detail}`, {
    name,
    group: group || undefined,
    kind: resource,
  });
}

export const optimisticLockMessage = 'the object has been modified; please apply your changes to the latest version and try again';

export function forbidden(group: string, resource: string, name: string, detail: string): StatusError {
  const qr = group ? `${resource}.${group}` : resource;
  const subject = name ? `${qr} "${name}"` : qr;
  return err(403, 'Forbidden', `${subject} is forbidden: ${detail}`, { name: name || undefined, group: group || undefined, kind: resource });
}

export function badRequest(message: string): StatusError {
  return err(400, 'BadRequest', message);
}

export function methodNotSupported(group: string, resource: string, action: string): StatusError {
  const qr = group ? `${resource}.${group}` : resource;
  return err(405, 'MethodNotAllowed', `${action} is not supported on resources of kind "${qr}"`, {
    group: group || undefined,
    kind: resource,
  });
}

export function gone(message: string): StatusError {
  return err(410, 'Expired', message);
}

export function resourceExpired(message: string): StatusError {
  return err(410, 'Expired', message);
}

export function tooManyRequests(message: string, retryAfterSeconds?: number): StatusError {
  return err(429, 'TooManyRequests', message, retryAfterSeconds ? { retryAfterSeconds } : undefined);
}

/** 415 for a body whose Content-Type the endpoint does not take; accepted lists the media types it does. */
export function unsupportedMediaType(accepted: string[]): StatusError {
  return err(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`);
}

export function notAcceptable(message: string): StatusError {
  return err(406, 'NotAcceptable', message);
}

export function internalError(message: string): StatusError {
  return err(500, 'InternalError', `Internal error occurred: ${message}`, { causes: [{ message }] });
}

export function requestEntityTooLarge(message: string): StatusError {
  return err(413, 'RequestEntityTooLarge', `Request entity too large: ${message}`);
}

/** The 404 for a path the server does not serve (no reason, like the apiserver's NotFound handler). */
export function pathNotFound(): StatusError {
  return err(404, 'NotFound', 'the server could not find the requested resource', {});
}

export function timeout(message: string): StatusError {
  return err(504, 'Timeout', message);
}
