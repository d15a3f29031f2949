// `-o name` (`pod/web-abc`, `deployment.apps/web`) and the same form with an operation, as in
// `deployment.apps/web created`.
// mirrors: k8s.io/cli-runtime/pkg/printers/name.go

import { isJsonObject } from './gofmt';
import { PrinterError } from './printer-error';
import type { GroupKind } from './table-printer';

export interface NamePrintOptions {
  /** e.g. "created", "configured", "deleted". */
  operation?: string;
  /** --output=name with an operation: print without it. */
  shortOutput?: boolean;
}

/** The GroupKind of an object from its apiVersion and kind. */
export function groupKindOf(obj: { apiVersion?: unknown; kind?: unknown }): GroupKind {
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  const slash = apiVersion.indexOf('/');
  return { group: slash >= 0 ? apiVersion.slice(0, slash) : '', kind: typeof obj.kind === 'string' ? obj.kind : '' };
}

/** `kind[.group]/name[ operation]` for one GroupKind and name. */
export function formatResourceName(gk: GroupKind, name: string, operation = ''): string {
  const op = operation ? ` ${operation}` : '';
  const kind = gk.kind.toLowerCase();
  return gk.group ? `${kind}.${gk.group}/${name}${op}` : `${kind}/${name}${op}`;
}

/** NamePrinter.PrintObj: one line per object; a List prints each item. */
export function printName(obj: unknown, opts: NamePrintOptions = {}): string {
  if (!isJsonObject(obj)) throw new PrinterError('missing apiVersion or kind; try GetObjectKind().SetGroupVersionKind() if you know the type');
  if (Array.isArray(obj.items)) return obj.items.map((item) => printName(item, opts)).join('');
  const gk = groupKindOf(obj);
  if (!gk.kind) throw new PrinterError('missing apiVersion or kind; try GetObjectKind().SetGroupVersionKind() if you know the type');
  const meta = isJsonObject(obj.metadata) ? obj.metadata : {};
  const name = typeof meta.name === 'string' && meta.name.length > 0 ? meta.name : '<unknown>';
  return formatResourceName(gk, name, opts.shortOutput ? '' : opts.operation) + '\n';
}
