// How kubectl reports failures: server Status errors as `Error from server (Reason): message`, client
// errors as `error: …`, exit code 1. One place for the wording.
// mirrors: kubectl/pkg/cmd/util/helpers.go (CheckErr, StandardErrorMessage)

import type { Status } from '../../engine/api/errors';

/** A failure the command reports and exits 1 on. */
export class KubectlError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** A server error with its Status (for wording and for callers that test the reason). */
export class ServerError extends KubectlError {
  constructor(readonly status: Status) {
    super(formatStatus(status));
  }
  get code(): number {
    return this.status.code;
  }
  get reason(): string | undefined {
    return this.status.reason;
  }
}

/** `Error from server (NotFound): pods "x" not found`; Invalid is special-cased like kubectl. */
export function formatStatus(s: Status): string {
  if (s.reason === 'Invalid' && s.details?.causes?.length) return invalidMessage(s);
  // A Status the server sent keeps its reason, even none (client-go's errors.FromObject); bodies that were
  // not a Status get one from the code in asStatus (NewGenericServerResponse).
  const reason = s.reason;
  if (!reason || reason === 'Unknown') return `Error from server: ${s.message ?? ''}`;
  return `Error from server (${reason}): ${s.message ?? ''}`;
}

/** kubectl prints Invalid as `The Kind "name" is invalid: …`, several causes one per line. */
function invalidMessage(s: Status): string {
  const kind = s.details?.kind ?? '';
  const name = s.details?.name ?? '';
  const causes = s.details!.causes!;
  if (causes.length === 1) {
    const c = causes[0];
    return `The ${kind} "${name}" is invalid: ${c.field ? `${c.field}: ` : ''}${c.message}`;
  }
  const lines = causes.map((c) => `* ${c.field ? `${c.field}: ` : ''}${c.message}`);
  return `The ${kind} "${name}" is invalid: \n${lines.join('\n')}`;
}

export function reasonForCode(code: number): string | undefined {
  switch (code) {
    case 400:
      return 'BadRequest';
    case 401:
      return 'Unauthorized';
    case 403:
      return 'Forbidden';
    case 404:
      return 'NotFound';
    case 405:
      return 'MethodNotAllowed';
    case 409:
      return 'Conflict';
    case 410:
      return 'Gone';
    case 422:
      return 'Invalid';
    case 429:
      return 'TooManyRequests';
    case 500:
      return 'InternalError';
    case 503:
      return 'ServiceUnavailable';
    case 504:
      return 'Timeout';
  }
  return undefined;
}

export function isStatus(body: unknown): body is Status {
  return !!body && typeof body === 'object' && (body as { kind?: string }).kind === 'Status';
}
