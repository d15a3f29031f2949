// The 409 an apply gets when it would change fields other managers own: "Apply failed with 1 conflict:
// conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas", one FieldManagerConflict
// cause per field.
// mirrors: apimachinery/pkg/util/managedfields/internal/conflict.go, structured-merge-diff/v4 merge/conflict.go

import { StatusError, statusBody, type StatusCause } from '../errors';
import { iterate, type FieldSet } from './fieldset';
import { pathString, type PathElement } from './path-element';
import { parseIdentifier } from './managed';

export interface Conflict {
  /** Manager identifier (JSON). */
  manager: string;
  /** The field, printed: `.spec.replicas`. */
  path: string;
  elements: PathElement[];
}

/** Conflicts per manager in a stable order (identifiers sorted, paths in set order). */
export function conflictList(byManager: Map<string, FieldSet>): Conflict[] {
  const out: Conflict[] = [];
  for (const id of [...byManager.keys()].sort()) iterate(byManager.get(id)!, (p) => out.push({ manager: id, path: pathString(p), elements: p }));
  return out;
}

/** `"kubectl" with subresource "scale" using apps/v1` (printManager). */
export function printManager(id: string): string {
  let info: ReturnType<typeof parseIdentifier>;
  try {
    info = parseIdentifier(id);
  } catch {
    return JSON.stringify(id);
  }
  let s = JSON.stringify(info.manager ?? '');
  if (info.subresource) s += ` with subresource ${JSON.stringify(info.subresource)}`;
  if (info.operation === 'Update') s += ` using ${info.apiVersion ?? ''}`;
  return s;
}

export function conflictMessage(conflicts: readonly Conflict[]): string {
  if (conflicts.length === 1) return `Apply failed with 1 conflict: conflict with ${printManager(conflicts[0].manager)}: ${conflicts[0].path}`;
  const byManager = new Map<string, string[]>();
  for (const c of conflicts) {
    const l = byManager.get(c.manager);
    if (l) l.push(c.path);
    else byManager.set(c.manager, [c.path]);
  }
  const lines: string[] = [];
  for (const m of [...byManager.keys()].sort()) {
    lines.push(`conflicts with ${printManager(m)}:`);
    for (const p of byManager.get(m)!) lines.push(`- ${p}`);
  }
  return `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
}

/** NewConflictError: 409 Conflict, the message above and one cause per conflicting field. */
export function conflictError(conflicts: readonly Conflict[]): StatusError {
  const causes: StatusCause[] = conflicts.map((c) => ({ reason: 'FieldManagerConflict', message: `conflict with ${printManager(c.manager)}`, field: c.path }));
  return new StatusError(statusBody(409, 'Conflict', conflictMessage(conflicts), { causes }));
}
