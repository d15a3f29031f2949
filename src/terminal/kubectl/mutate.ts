// Shared by commands that write objects: dry-run modes, the `kind.group/name verb` line, and requests
// with fieldManager/fieldValidation like kubectl sends them.

import type { KubeObject } from '../../engine/api/types';
import type { Kubectl } from './context';
import { KubectlError } from './errors';
import { kindGroup, type ResourceInfo } from './discovery';
import { parseOutput, formatObjects, type OutputFormat } from './output';

export type DryRun = 'none' | 'client' | 'server';

export function parseDryRun(v: unknown): DryRun {
  const s = String(v ?? 'none');
  if (s === 'none' || s === 'false' || s === '') return 'none';
  if (s === 'client' || s === 'true') return 'client';
  if (s === 'server') return 'server';
  throw new KubectlError(`error: Invalid dry-run value (${s}). Must be "none", "server", or "client".`);
}

export const DRY_RUN_FLAG = {
  name: 'dry-run',
  type: 'string' as const,
  default: 'none',
  noOptDefault: 'unchanged',
  usage: 'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
};

export const OUTPUT_FLAG = {
  name: 'output',
  short: 'o',
  type: 'string' as const,
  default: '',
  usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
};

export function dryRunSuffix(d: DryRun): string {
  return d === 'client' ? ' (dry run)' : d === 'server' ? ' (server dry run)' : '';
}

/**
 * `deployment.apps/web created` (or the object in -o format; JSON and YAML without managedFields unless
 * --show-managed-fields, as kubectl's OmitManagedFieldsPrinter does).
 */
export async function printResult(k: Kubectl, obj: KubeObject, info: ResourceInfo, verb: string, dry: DryRun, output: string | undefined, showManagedFields = false): Promise<void> {
  if (output) {
    const fmt: OutputFormat = parseOutput(output, false);
    if (fmt.kind === 'name') {
      await k.out(`${kindGroup(info)}/${obj.metadata?.name ?? ''}\n`);
      return;
    }
    if (!showManagedFields && (fmt.kind === 'json' || fmt.kind === 'yaml') && obj.metadata?.managedFields) {
      const { managedFields: _, ...meta } = obj.metadata;
      obj = { ...obj, metadata: meta };
    }
    await k.out(formatObjects([obj], fmt, true, k.env.fs, k.env.cwd));
    return;
  }
  await k.out(`${kindGroup(info)}/${obj.metadata?.name ?? ''} ${verb}${dryRunSuffix(dry)}\n`);
}

export function writeQuery(manager: string, dry: DryRun, validate: string | undefined): Record<string, string> {
  const q: Record<string, string> = { fieldManager: manager };
  q.fieldValidation = validate === 'false' || validate === 'ignore' ? 'Ignore' : validate === 'warn' ? 'Warn' : 'Strict';
  if (dry === 'server') q.dryRun = 'All';
  return q;
}

export const VALIDATE_FLAG = {
  name: 'validate',
  type: 'string' as const,
  default: 'strict',
  noOptDefault: 'strict',
  usage: "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields.",
};

export function normalizeValidate(v: unknown): string {
  const s = String(v ?? 'strict');
  // strconv.ParseBool forms first, as GetValidationDirective does.
  if (['1', 't', 'T', 'TRUE', 'true', 'True', 'strict'].includes(s)) return 'strict';
  if (['0', 'f', 'F', 'FALSE', 'false', 'False', 'ignore'].includes(s)) return 'ignore';
  if (s === 'warn') return 'warn';
  throw new KubectlError(`error: invalid - validate option "${s}"; must be one of: strict (or true), warn, ignore (or false)`);
}

/** Adds `error when <verb> "<source>": ` to a server error message (AddSourceToErr). */
export function withSource<T extends Error>(e: T, verb: string, source: string): T {
  const se = e as unknown as { status?: { message?: string; reason?: string } };
  if (se.status && se.status.reason !== 'Invalid') {
    se.status.message = `error when ${verb} "${source}": ${se.status.message ?? ''}`;
    const msg = e.message.replace(/^(Error from server(?: \([^)]*\))?: )/, `$1error when ${verb} "${source}": `);
    Object.defineProperty(e, 'message', { value: msg });
  }
  return e;
}
