// kubectl's human-readable printer for server-side `meta.k8s.io/v1 Table`s: headers, wide columns,
// NAMESPACE / LABELS / -L columns, kind prefixes, cell formatting, and the watch-event variant.
// mirrors: k8s.io/cli-runtime/pkg/printers/tableprinter.go (HumanReadablePrinter, decorateTable,
//          printTable), terminal.go (WriteEscaped)

import { translateTimestampSince } from '../../../engine/util/duration';
import { compareGoStrings, goSprint, isJsonObject, type JsonObject } from './gofmt';
import type { TextWriter } from './tabwriter';

export interface TableColumnDefinition {
  name: string;
  type: string;
  format?: string;
  description?: string;
  priority?: number;
}

export interface TableRow {
  cells: unknown[];
  conditions?: unknown[];
  /** PartialObjectMetadata, or the whole object with includeObject=Object. */
  object?: unknown;
}

export interface Table {
  kind?: string;
  apiVersion?: string;
  metadata?: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  columnDefinitions?: TableColumnDefinition[];
  rows?: TableRow[];
}

export interface GroupKind {
  group: string;
  kind: string;
}

/** printers.PrintOptions (the fields the table printer reads). */
export interface PrintOptions {
  noHeaders?: boolean;
  wide?: boolean;
  /** -A on a namespaced resource: a NAMESPACE column first. */
  withNamespace?: boolean;
  /** Several kinds in one `get`: names become `kind.group/name`. */
  withKind?: boolean;
  kind?: GroupKind;
  showLabels?: boolean;
  /** -L key1,key2 */
  columnLabels?: string[];
  /** Only for objects that are not Tables (NAME/AGE fallback): the current time. */
  nowMs?: number;
}

/** GroupKind.String() lower-cased, as in the `kind.group/name` prefix. */
export function kindPrefix(gk: GroupKind): string {
  return (gk.group ? `${gk.kind}.${gk.group}` : gk.kind).toLowerCase();
}

/** printers.EscapeTerminal: neutralise ESC and CR so object data cannot drive the terminal. */
export function escapeTerminal(s: string): string {
  if (!s.includes('\x1b') && !s.includes('\r')) return s;
  return s.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');
}

/** labels.FormatLabels: sorted `k=v` pairs joined with commas, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  const pairs: string[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) if (v !== undefined) pairs.push(`${k}=${v}`);
  return pairs.length === 0 ? '<none>' : pairs.sort(compareGoStrings).join(',');
}

/** -L header: the upper-cased last path segment of the label key. */
export function formatLabelHeaders(columnLabels: string[]): string[] {
  return columnLabels.map((l) => {
    const parts = l.split('/');
    return parts[parts.length - 1].toUpperCase();
  });
}

const formattedEventType: Record<string, string> = {
  ADDED: 'ADDED   ',
  MODIFIED: 'MODIFIED',
  DELETED: 'DELETED ',
  ERROR: 'ERROR   ',
};

export function formatEventType(eventType: string): string {
  return formattedEventType[eventType] ?? eventType;
}

interface ObjectMeta {
  name?: string;
  namespace?: string;
  labels?: Record<string, string>;
  creationTimestamp?: string;
}

function metadataOf(obj: unknown): ObjectMeta | undefined {
  if (!isJsonObject(obj)) return undefined;
  const m = obj.metadata;
  return isJsonObject(m) ? (m as ObjectMeta) : {};
}

function sameColumns(a: TableColumnDefinition[], b: TableColumnDefinition[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((c, i) => {
    const d = b[i];
    return c.name === d.name && c.type === d.type && (c.format ?? '') === (d.format ?? '') &&
      (c.description ?? '') === (d.description ?? '') && (c.priority ?? 0) === (d.priority ?? 0);
  });
}

/** Adds the NAMESPACE, -L, LABELS columns and the kind prefix (decorateTable). Returns a new table. */
export function decorateTable(table: Table, options: PrintOptions): { columns: TableColumnDefinition[]; rows: unknown[][] } {
  const defs = table.columnDefinitions ?? [];
  const columnLabels = options.columnLabels ?? [];
  let width = defs.length + columnLabels.length;
  if (options.withNamespace) width++;
  if (options.showLabels) width++;

  let nameColumn = -1;
  if (options.withKind && options.kind && options.kind.kind) {
    nameColumn = defs.findIndex((c) => c.format === 'name' && c.type === 'string');
  }

  let columns = defs;
  if (width !== defs.length) {
    columns = [];
    if (options.withNamespace) columns.push({ name: 'Namespace', type: 'string' });
    columns.push(...defs);
    for (const label of formatLabelHeaders(columnLabels)) columns.push({ name: label, type: 'string' });
    if (options.showLabels) columns.push({ name: 'Labels', type: 'string' });
  }

  const includeLabels = columnLabels.length > 0 || !!options.showLabels;
  const rows = (table.rows ?? []).map((row) => {
    let cells = row.cells.slice();
    if (!includeLabels && !options.withNamespace && nameColumn === -1) return cells;
    if (nameColumn !== -1 && options.kind) {
      cells[nameColumn] = `${kindPrefix(options.kind)}/${goSprint(cells[nameColumn])}`;
    }
    const m = metadataOf(row.object);
    if (!m) {
      if (options.withNamespace) cells = [null, ...cells];
      // Upstream re-evaluates width-len(cells) as it appends, so only about half the gap is filled.
      for (let j = 0; j < width - cells.length; j++) cells.push(null);
      return cells;
    }
    if (options.withNamespace) cells = [m.namespace ?? '', ...cells];
    if (includeLabels) {
      const labels = m.labels ?? {};
      for (const key of columnLabels) cells.push(labels[key] ?? '');
      if (options.showLabels) cells.push(formatLabels(labels));
    }
    return cells;
  });
  return { columns, rows };
}

/** One cell as printTable writes it: nil → empty, strings cut at the first line break + "...". */
export function formatCell(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') {
    const brk = cell.search(/[\f\n\r]/);
    return brk >= 0 ? escapeTerminal(cell.slice(0, brk)) + '...' : escapeTerminal(cell);
  }
  return escapeTerminal(goSprint(cell));
}

/** printTable: header (upper-cased, priority>0 only when wide) then one line per row. */
export function printTable(columns: TableColumnDefinition[], rows: unknown[][], out: TextWriter, options: PrintOptions): void {
  const lines: string[] = [];
  if (!options.noHeaders) {
    if (rows.length === 0) return; // no header without rows
    lines.push(columns.filter((c) => options.wide || !c.priority).map((c) => c.name.toUpperCase()).join('\t'));
  }
  for (const cells of rows) {
    const parts: string[] = [];
    for (let i = 0; i < cells.length && i < columns.length; i++) {
      if (!options.wide && columns[i].priority) continue;
      parts.push(formatCell(cells[i]));
    }
    lines.push(parts.join('\t'));
  }
  if (lines.length > 0) out.write(lines.join('\n') + '\n');
}

/** HumanReadablePrinter: prints Tables; remembers columns so repeated tables (chunks, watch
 *  events) print their header only once. Not a Table → NAME/AGE or Status columns. */
export class HumanReadablePrinter {
  private lastColumns: TableColumnDefinition[] = [];
  private printedHeaders = false;
  private lastType: 'default' | 'status' | undefined;

  constructor(private readonly options: PrintOptions) {}

  /** Writes to a (tab)writer; the caller flushes it. eventType adds the EVENT column (--output-watch-events). */
  printObj(obj: Table | JsonObject, out: TextWriter, eventType?: string): void {
    if (isTable(obj)) {
      this.printTableObj(obj, out, eventType);
      return;
    }
    this.printOther(obj as JsonObject, out, eventType);
  }

  private printTableObj(table: Table, out: TextWriter, eventType?: string): void {
    const local: PrintOptions = { ...this.options };
    let defs = table.columnDefinitions ?? [];
    if (this.printedHeaders && (defs.length === 0 || sameColumns(defs, this.lastColumns))) local.noHeaders = true;
    if (defs.length === 0) {
      defs = this.lastColumns; // watch events may omit the definitions
    } else if (!sameColumns(defs, this.lastColumns)) {
      this.lastColumns = defs;
      this.printedHeaders = false;
    }
    if ((table.rows ?? []).length > 0) this.printedHeaders = true;
    let { columns, rows } = decorateTable({ ...table, columnDefinitions: defs }, local);
    if (eventType) {
      columns = [{ name: 'Event', type: 'string' }, ...columns];
      rows = rows.map((cells) => [formatEventType(eventType), ...cells]);
    }
    printTable(columns, rows, out, local);
  }

  private printOther(obj: JsonObject, out: TextWriter, eventType?: string): void {
    const o = this.options;
    const isStatus = obj.kind === 'Status';
    const handler = isStatus ? 'status' : 'default';
    const includeHeaders = this.lastType !== handler && !o.noHeaders;
    if (this.lastType !== undefined && this.lastType !== handler && !o.noHeaders) out.write('\n');
    const lines: string[] = [];
    if (includeHeaders) {
      const headers = isStatus ? ['STATUS', 'REASON', 'MESSAGE'] : ['NAME', 'AGE'];
      headers.push(...formatLabelHeaders(o.columnLabels ?? []));
      if (o.showLabels) headers.push('LABELS');
      if (o.withNamespace) headers.unshift('NAMESPACE');
      if (eventType) headers.unshift('EVENT');
      lines.push(headers.join('\t'));
    }
    const items = !isStatus && Array.isArray(obj.items) ? obj.items : [obj];
    for (const item of items) {
      const m = metadataOf(item) ?? {};
      const parts: string[] = [];
      if (eventType) parts.push(formatEventType(eventType));
      if (o.withNamespace) parts.push(m.namespace ?? '');
      if (isStatus) {
        parts.push(goSprint(obj.status ?? ''), goSprint(obj.reason ?? ''), goSprint(obj.message ?? ''));
      } else {
        const name = m.name ?? '';
        parts.push(o.withKind && o.kind && o.kind.kind ? `${kindPrefix(o.kind)}/${name}` : name);
        parts.push(translateTimestampSince(m.creationTimestamp, o.nowMs ?? 0));
      }
      if (isJsonObject(item) && ((o.columnLabels ?? []).length > 0 || o.showLabels)) {
        for (const key of o.columnLabels ?? []) parts.push(m.labels?.[key] ?? '');
        if (o.showLabels) parts.push(formatLabels(m.labels));
      }
      lines.push(parts.join('\t'));
    }
    out.write(lines.map((l) => l + '\n').join(''));
    this.lastType = handler;
  }
}

export function isTable(obj: unknown): obj is Table {
  return isJsonObject(obj) && obj.kind === 'Table' &&
    (obj.apiVersion === 'meta.k8s.io/v1' || obj.apiVersion === 'meta.k8s.io/v1beta1' || obj.apiVersion === undefined);
}
