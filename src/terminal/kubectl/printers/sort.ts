// `--sort-by`: a JSONPath per object (or per Table row's object); numbers, strings, quantities
// and timestamps compared the way kubectl's RuntimeSort does, with Go's unstable sort.
// mirrors: k8s.io/kubectl/pkg/cmd/get/sorter.go (SortObjects, RuntimeSort, TableSorter, isLess)

import { GoByte, goQuote, goTypeName, isJsonObject } from './gofmt';
import { goSort } from './gosort';
import { JSONPath, relaxedJSONPathExpression } from './jsonpath';
import { PrinterError } from './printer-error';
import type { Table, TableRow } from './table-printer';

/** resource.ParseQuantity, reduced to a comparable number (null when the string is not a quantity). */
export function parseQuantity(s: string): number | null {
  const m = /^([+-]?)([0-9]+\.?[0-9]*|\.[0-9]+)(.*)$/.exec(s);
  if (!m) return null;
  const value = Number(m[2]) * (m[1] === '-' ? -1 : 1);
  const suffix = m[3];
  const decimal: Record<string, number> = { '': 0, n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
  const binary: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
  if (suffix in decimal) return value * 10 ** decimal[suffix];
  if (suffix in binary) return value * 2 ** binary[suffix];
  const e = /^[eE]([+-]?[0-9]+)$/.exec(suffix);
  if (e) return value * 10 ** Number(e[1]);
  return null;
}

/** An unsortable pair: kubectl exits (status 1) through klog.Exitf, printing
 *  `F<MMDD hh:mm:ss.uuuuuu> <pid> <source>] <message>` on stderr; `source` is e.g. "sorter.go:375". */
export class SortError extends Error {
  constructor(message: string, readonly source = '') {
    super(message);
  }
}

/** isLess on two values found by the JSONPath (unstructured values are interfaces to Go). */
function isLess(i: unknown, j: unknown): boolean {
  if (i === null && j === null) return false;
  if (i === null) return true;
  if (j === null) return false;
  if (typeof i === 'number' && typeof j === 'number') {
    if (Number.isInteger(i) !== Number.isInteger(j)) throw new SortError('unsortable interface: interface');
    return i < j;
  }
  if (i instanceof GoByte && j instanceof GoByte) return i.value < j.value;
  if (typeof i === 'string') {
    if (typeof j !== 'string') throw new SortError('unsortable interface: interface');
    const qi = parseQuantity(i);
    const qj = qi === null ? null : parseQuantity(j);
    if (qi === null || qj === null) return i < j;
    return qi < qj;
  }
  if (typeof i === 'number') throw new SortError('unsortable interface: interface');
  throw new SortError(`unsortable type: ${goTypeName(i)}`);
}

function firstValue(parser: JSONPath, obj: unknown): { found: boolean; value: unknown } {
  if (obj === undefined || obj === null) return { found: false, value: undefined };
  const values = parser.findResults(obj);
  if (values.length === 0 || values[0].length === 0) return { found: false, value: undefined };
  return { found: true, value: values[0][0] };
}

/** Sorts values found per item; missing values sort first (Less(i, j) is true when i lacks it). */
function sortByValues<T>(items: T[], found: { found: boolean; value: unknown }[], field: string, typeName: string, source: string): void {
  goSort({
    len: items.length,
    less: (a, b) => {
      if (!found[a].found) return true;
      if (!found[b].found) return false;
      try {
        return isLess(found[a].value, found[b].value);
      } catch (e) {
        throw new SortError(`Field ${field} in ${typeName} is an unsortable type: interface, err: ${(e as Error).message}`, source);
      }
    },
    swap: (a, b) => {
      [items[a], items[b]] = [items[b], items[a]];
      [found[a], found[b]] = [found[b], found[a]];
    },
  });
}

function sortParser(field: string): JSONPath {
  return new JSONPath('sorting').allowMissingKeys(true).parse(field);
}

/** The field kubectl sorts by: relaxed into {.a.b}, or left as given when it cannot be relaxed. */
export function sortField(sortBy: string): string {
  try {
    return relaxedJSONPathExpression(sortBy);
  } catch {
    return sortBy;
  }
}

/** TableSorter: sorts a Table's rows in place by a field of each row's object. */
export function sortTableRows(table: Table, sortBy: string): void {
  const rows: TableRow[] = table.rows ?? [];
  const field = sortField(sortBy);
  let parser: JSONPath;
  try {
    parser = sortParser(field);
  } catch (e) {
    throw new PrinterError(`sorting error: ${(e as Error).message}`);
  }
  const found = rows.map((r) => firstValue(parser, r.object));
  if (rows.length > 0 && !found.some((f) => f.found)) {
    throw new PrinterError(`couldn't find any field with path ${goQuote(field)} in the list of objects`);
  }
  sortByValues(rows, found, field, '[][][]reflect.Value', 'sorter.go:375');
}

/** SortObjects: sorts items (e.g. a List's items for -o yaml/json/name) by a field; returns them. */
export function sortObjects<T>(items: T[], sortBy: string): T[] {
  if (items.length === 0) return items;
  const field = relaxedJSONPathExpression(sortBy);
  const parser = sortParser(field);
  const found = items.map((o) => firstValue(parser, o));
  if (!found.some((f) => f.found)) {
    throw new PrinterError(`couldn't find any field with path ${goQuote(field)} in the list of objects`);
  }
  const typeName = isJsonObject(items[0]) ? '*unstructured.Unstructured' : goTypeName(items[0]);
  sortByValues(items, found, field, typeName, 'sorter.go:329');
  return items;
}

/** RuntimeSorter in `kubectl get --sort-by`: with several answers (one Table per resource type)
 *  it sorts the Table objects themselves by the field (it sees unstructured objects, not Tables),
 *  which fails unless the field exists on a Table. Returns the answers in print order. The rows of
 *  each Table are sorted later, by the SortingPrinter (sortTableRows). */
export function sortAnswersForGet<T extends { table: Table }>(groups: T[], sortBy: string): T[] {
  if (groups.length <= 1) return groups;
  const tables = groups.map((g, i) => ({ ...(g.table as object), __index: i }));
  return sortObjects(tables, sortBy).map((t) => groups[(t as { __index: number }).__index]);
}
