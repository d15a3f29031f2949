// `-o custom-columns=NAME:.metadata.name,…` and `-o custom-columns-file=FILE`: one JSONPath per
// column, `<none>` when nothing matches, several matches joined with commas, tab-aligned.
// mirrors: k8s.io/kubectl/pkg/cmd/get/customcolumn.go, customcolumn_flags.go

import { goSprint, isJsonObject } from './gofmt';
import { JSONPath, relaxedJSONPathExpression } from './jsonpath';
import { PrinterError } from './printer-error';
import { escapeTerminal } from './table-printer';
import { newTableTabWriter, type TextWriter } from './tabwriter';

export interface Column {
  /** The header as given (custom columns are not upper-cased). */
  header: string;
  /** The normalised JSONPath, e.g. {.metadata.name}. */
  fieldSpec: string;
}

/** NewCustomColumnsPrinterFromSpec. Throws PrinterError with kubectl's wording. */
export function parseCustomColumnsSpec(spec: string): Column[] {
  if (spec.length === 0) throw new PrinterError('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const i = part.indexOf(':');
    if (i < 0) throw new PrinterError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, i), fieldSpec: relaxedJSONPathExpression(part.slice(i + 1)) };
  });
}

const MISSING = 'Expected format is one line of space separated headers, one line of space separated column specs.';

/** NewCustomColumnsPrinterFromTemplate: a header line and a spec line, whitespace separated. */
export function parseCustomColumnsTemplate(text: string): Column[] {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  if (text.length === 0) throw new PrinterError(`invalid template, missing header line. ${MISSING}`);
  if (lines.length < 2 || (lines.length === 2 && lines[1] === '' && text.endsWith('\n'))) {
    throw new PrinterError(`invalid template, missing spec line. ${MISSING}`);
  }
  const words = (l: string) => l.split(/[\s\u0085\u00a0]+/u).filter((w) => w.length > 0);
  const headers = words(lines[0]);
  const specs = words(lines[1]);
  if (headers.length !== specs.length) {
    throw new PrinterError(`number of headers (${headers.length}) and field specifications (${specs.length}) don't match`);
  }
  return headers.map((header, i) => ({ header, fieldSpec: relaxedJSONPathExpression(specs[i]) }));
}

/** CustomColumnsPrinter: headers once per kind of object printed (list vs single object). */
export class CustomColumnsPrinter {
  private lastType: string | undefined;

  constructor(readonly columns: Column[], readonly noHeaders = false) {}

  /** Prints an object or a List (each item); eventType wraps objects as {type, object} (watch events). */
  printObj(obj: unknown, out: TextWriter, eventType?: string): void {
    const w = newTableTabWriter(out);
    const isList = isJsonObject(obj) && Array.isArray(obj.items);
    const type = eventType ? 'event' : isList ? 'list' : 'object';
    if (!this.noHeaders && type !== this.lastType) {
      w.write(this.columns.map((c) => c.header).join('\t') + '\n');
      this.lastType = type;
    }
    try {
      this.printItems(obj, isList, w, eventType);
    } finally {
      w.flush(); // upstream flushes in a defer: rows printed before an error still appear
    }
  }

  private printItems(obj: unknown, isList: boolean, w: TextWriter, eventType?: string): void {
    const parsers = this.columns.map((c, i) => new JSONPath(`column${i}`).allowMissingKeys(true).parse(c.fieldSpec));
    const items = isList ? ((obj as { items: unknown[] }).items) : [obj];
    for (const item of items) {
      const target = eventType ? { type: eventType, object: item } : item;
      const cells = parsers.map((p) => {
        const values = p.findResults(target);
        const strs: string[] = [];
        if (values.length === 0 || values[0].length === 0) strs.push('<none>');
        for (const arr of values) for (const v of arr) strs.push(escapeTerminal(goSprint(v)));
        return strs.join(',');
      });
      w.write(cells.join('\t') + '\n');
    }
  }
}

/** `kubectl get -o custom-columns=SPEC` on one object or List. */
export function printCustomColumns(spec: string, obj: unknown, noHeaders = false): string {
  const buf: string[] = [];
  const printer = new CustomColumnsPrinter(parseCustomColumnsSpec(spec), noHeaders);
  try {
    printer.printObj(obj, { write: (s) => buf.push(s) });
  } catch (e) {
    if (e instanceof Error) throw new PrinterError(e.message, buf.join(''));
    throw e;
  }
  return buf.join('');
}
