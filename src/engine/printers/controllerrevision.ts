// Table columns and cells for controller revisions: CONTROLLER `kind.group/name` of the controlling owner.
// mirrors: pkg/printers/internalversion/printers.go (printControllerRevision, formatResourceName)

import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import type { TablePrinter } from './types';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns';
import { DOC } from './descriptions';
import { age } from './format';

/** `kind.group/name` in lower case; core kinds have no group. */
function controllerName(cr: ControllerRevision): string {
  const ref = cr.metadata?.ownerReferences?.find((r) => r.controller === true);
  if (!ref) return '<none>';
  const slash = ref.apiVersion.indexOf('/');
  const group = slash >= 0 ? ref.apiVersion.slice(0, slash) : '';
  const groupKind = group ? `${ref.kind}.${group}` : ref.kind;
  return groupKind ? `${groupKind.toLowerCase()}/${ref.name}` : ref.name;
}

export const controllerRevisionPrinter: TablePrinter<ControllerRevision> = {
  columns: [
    NAME_COLUMN,
    column('Controller', 'string', 'Controller of the object'),
    column('Revision', 'string', DOC['apps/v1beta1 ControllerRevision.revision']),
    AGE_COLUMN,
  ],
  rows: (cr, now) => [[cr.metadata?.name ?? '', controllerName(cr), cr.revision ?? 0, age(cr.metadata, now)]],
};
