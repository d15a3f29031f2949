// How `kubectl get` drives the table printer: one tabwriter for the whole command, a new printer
// (and forgotten column widths) per resource type, a blank line between types, `kind.group/`
// name prefixes when several kinds are printed, --sort-by; and `get -w`, where each event is
// flushed on its own but column widths are remembered from earlier output.
// mirrors: k8s.io/kubectl/pkg/cmd/get/get.go (Run, watch, separatorWriterWrapper, multipleGVKsRequested)

import { PrinterError } from './printer-error';
import { sortAnswersForGet, sortTableRows } from './sort';
import { HumanReadablePrinter, type GroupKind, type PrintOptions, type Table } from './table-printer';
import { newTableTabWriter, StringWriter, type TabWriter, type TextWriter } from './tabwriter';

/** One server answer (a Table) with the REST mapping it came from. */
export interface TableGroup {
  table: Table;
  /** Plural resource name (mapping.Resource), e.g. "pods". */
  resource: string;
  groupKind: GroupKind;
  version?: string;
  namespaced: boolean;
}

export interface GetTableOptions {
  noHeaders?: boolean;
  wide?: boolean;
  allNamespaces?: boolean;
  showLabels?: boolean;
  columnLabels?: string[];
  sortBy?: string;
  /** --show-kind */
  showKind?: boolean;
  /** Only used for objects that are not Tables (NAME/AGE fallback). */
  nowMs?: number;
}

export interface GetTableResult {
  /** What kubectl writes to stdout. */
  output: string;
  /** True when every printed resource was namespaced and -A was not given (for the empty message). */
  allResourcesNamespaced: boolean;
}

/** The stderr line kubectl prints when `get` wrote nothing. */
export function noResourcesFoundMessage(namespace: string, allResourcesNamespaced: boolean): string {
  return allResourcesNamespaced ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n';
}

function sameGvk(a: TableGroup, b: TableGroup): boolean {
  return a.groupKind.group === b.groupKind.group && a.groupKind.kind === b.groupKind.kind && (a.version ?? '') === (b.version ?? '');
}

/** multipleGVKsRequested: more than one kind among the answers. */
export function multipleKindsRequested(groups: TableGroup[]): boolean {
  return groups.length >= 2 && groups.some((g) => !sameGvk(g, groups[0]));
}

/** Counts bytes written and, when armed, puts a blank line before the next non-empty write. */
class SeparatorWriter implements TextWriter {
  written = 0;
  ready = false;
  constructor(private readonly out: TextWriter) {}
  write(text: string): void {
    if (text.length === 0) return;
    if (this.ready) {
      this.out.write('\n');
      this.written += 1;
      this.ready = false;
    }
    this.written += text.length;
    this.out.write(text);
  }
}

/** The human-readable part of `kubectl get`'s Run for a list of Table answers. */
export function printGetTables(groups: TableGroup[], opts: GetTableOptions = {}): GetTableResult {
  const printWithKind = multipleKindsRequested(groups) || !!opts.showKind;
  const ordered = opts.sortBy ? sortAnswersForGet(groups, opts.sortBy) : groups;
  const buf = new StringWriter();
  const sep = new SeparatorWriter(buf);
  const w = newTableTabWriter(sep);
  let printer: HumanReadablePrinter | null = null;
  let last: TableGroup | null = null;
  let allResourcesNamespaced = !opts.allNamespaces;
  // Upstream copies its print flags shallowly: once one resource printed with a NAMESPACE
  // column, later (even cluster-scoped) resources keep it.
  let withNamespace = false;
  for (const g of ordered) {
    allResourcesNamespaced = allResourcesNamespaced && g.namespaced;
    const isNew = !printer || !last || last.resource !== g.resource || last.groupKind.group !== g.groupKind.group || (last.version ?? '') !== (g.version ?? '');
    if (isNew) {
      w.flush();
      w.setRememberedWidths(null);
      if (last && !opts.noHeaders && sep.written > 0) sep.ready = true;
      withNamespace = withNamespace || (!!opts.allNamespaces && g.namespaced);
      printer = new HumanReadablePrinter(printOptions(opts, g, withNamespace, printWithKind));
      last = g;
    }
    if (opts.sortBy && (g.table.rows ?? []).length > 1) {
      try {
        sortTableRows(g.table, opts.sortBy);
      } catch (e) {
        // get ignores the printer's error: this answer just prints nothing.
        if (e instanceof PrinterError) continue;
        throw e;
      }
    }
    printer!.printObj(g.table, w);
  }
  w.flush();
  return { output: buf.toString(), allResourcesNamespaced };
}

function printOptions(opts: GetTableOptions, g: TableGroup, withNamespace: boolean, withKind: boolean): PrintOptions {
  return {
    noHeaders: opts.noHeaders,
    wide: opts.wide,
    withNamespace,
    withKind,
    kind: g.groupKind,
    showLabels: opts.showLabels,
    columnLabels: opts.columnLabels,
    nowMs: opts.nowMs,
  };
}

export interface WatchTableOptions extends Omit<GetTableOptions, 'sortBy' | 'allNamespaces'> {
  /** -A on a namespaced resource. */
  withNamespace?: boolean;
  /** --output-watch-events: an EVENT column. */
  outputWatchEvents?: boolean;
  groupKind?: GroupKind;
}

/** `kubectl get -w`: one printer and one tabwriter for the whole watch; every print is flushed at
 *  once, so rows align with earlier output only through the remembered (growing) widths. */
export class TableWatchPrinter {
  private readonly buf = new StringWriter();
  private readonly w: TabWriter = newTableTabWriter(this.buf);
  private readonly printer: HumanReadablePrinter;

  constructor(private readonly opts: WatchTableOptions = {}) {
    this.printer = new HumanReadablePrinter({
      noHeaders: opts.noHeaders,
      wide: opts.wide,
      withNamespace: opts.withNamespace,
      kind: opts.groupKind,
      showLabels: opts.showLabels,
      columnLabels: opts.columnLabels,
      nowMs: opts.nowMs,
    });
  }

  /** The initial list: its rows (or, with --watch-only, only its columns) — flushed. */
  printInitial(table: Table, watchOnly = false): string {
    const t = watchOnly ? { ...table, rows: [] } : table;
    this.printer.printObj(t, this.w, this.opts.outputWatchEvents && !watchOnly ? 'ADDED' : undefined);
    this.w.flush();
    return this.buf.take();
  }

  /** One watch event's object (usually a one-row Table), flushed on its own. */
  printEvent(eventType: string, table: Table): string {
    this.printer.printObj(table, this.w, this.opts.outputWatchEvents ? eventType : undefined);
    this.w.flush();
    return this.buf.take();
  }
}
