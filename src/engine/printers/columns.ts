// Column definitions shared by every printer (Name, Age, Containers, ...), built from upstream descriptions.
// mirrors: pkg/printers/internalversion/printers.go (AddHandlers column definitions)

import type { TableColumnDefinition } from './types';
import { DOC } from './descriptions';

/** A column; `priority` 1 marks the `-o wide` ones. */
export function column(name: string, type: string, description: string, priority = 0, format = ''): TableColumnDefinition {
  return { name, type, format, description, priority };
}

export const NAME_COLUMN = column('Name', 'string', DOC['meta ObjectMeta.name'], 0, 'name');
export const AGE_COLUMN = column('Age', 'string', DOC['meta ObjectMeta.creationTimestamp']);
export const CONTAINERS_COLUMN = column('Containers', 'string', 'Names of each container in the template.', 1);
export const IMAGES_COLUMN = column('Images', 'string', 'Images referenced by each container in the template.', 1);
