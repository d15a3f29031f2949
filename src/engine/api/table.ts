// Server-side printing: objects → meta.k8s.io/v1 Table, as kube-apiserver answers `Accept: …;as=Table`.

import type { ResourceDef } from '../registry/types';
import type { KubeObject } from './types';
import { defaultTablePrinter } from '../printers/index';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export function partialObjectMetadata(o: KubeObject): unknown {
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata };
}

export function toTable(
  def: ResourceDef,
  objects: readonly KubeObject[],
  now: number,
  opts: { includeObject?: IncludeObject; resourceVersion?: string; continue?: string; remainingItemCount?: number },
): Record<string, unknown> {
  const printer = def.table ?? defaultTablePrinter;
  const include = opts.includeObject ?? 'Metadata';
  const rows: unknown[] = [];
  for (const o of objects) {
    for (const cells of printer.rows(o, now)) {
      const row: Record<string, unknown> = { cells };
      if (include === 'Metadata') row.object = partialObjectMetadata(o);
      else if (include === 'Object') row.object = o;
      rows.push(row);
    }
  }
  const metadata: Record<string, unknown> = {};
  if (opts.resourceVersion !== undefined) metadata.resourceVersion = opts.resourceVersion;
  if (opts.continue) metadata.continue = opts.continue;
  if (opts.remainingItemCount !== undefined) metadata.remainingItemCount = opts.remainingItemCount;
  return { kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata, columnDefinitions: printer.columns, rows };
}

/** Parses an Accept header for the response shape the client wants. */
export function negotiate(accept: string | undefined): 'Table' | 'PartialObjectMetadata' | 'PartialObjectMetadataList' | 'Object' {
  if (!accept) return 'Object';
  for (const part of accept.split(',')) {
    const p = part.replace(/\s+/g, '');
    if (!p.startsWith('application/json') && !p.startsWith('application/vnd.kubernetes.protobuf') && !p.startsWith('*/*')) continue;
    if (/;as=Table/.test(p) && /;g=meta\.k8s\.io/.test(p) && /;v=v1(;|$)/.test(p)) return 'Table';
    if (/;as=PartialObjectMetadataList/.test(p) && /;v=v1(;|$)/.test(p)) return 'PartialObjectMetadataList';
    if (/;as=PartialObjectMetadata(;|$)/.test(p) && /;v=v1(;|$)/.test(p)) return 'PartialObjectMetadata';
    if (!/;as=/.test(p)) return 'Object';
  }
  return 'Object';
}
