// -o for commands that print objects (get, create, apply, run, expose…): yaml, json, name, jsonpath,
// custom-columns; and the `kind.group/name verb` success lines.

import type { KubeObject } from '../../engine/api/types';
import { KubectlError } from './errors';
import { printYaml, printJson, listOf, printName, printJsonPath, printCustomColumns, PrinterError, parseCustomColumnsTemplate, CustomColumnsPrinter, StringWriter } from './printers/index';
import type { FileSystem } from '../../engine/runtime/sh/fs';
import { resolvePath } from '../../engine/runtime/sh/fs';
import { goJsonString } from './printers/json';
import { formatGoNumber } from './printers/gofmt';

export type OutputKind = 'table' | 'wide' | 'yaml' | 'json' | 'name' | 'jsonpath' | 'jsonpath-as-json' | 'custom-columns' | 'custom-columns-file' | 'go-template' | 'template';

export interface OutputFormat {
  kind: OutputKind;
  /** The template/spec after `=`. */
  arg?: string;
}

const GET_FORMATS = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';
const OBJECT_FORMATS = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

/** Parses -o; `allowTable` for get (wide and the default table). */
export function parseOutput(o: string | undefined, allowTable: boolean): OutputFormat {
  if (!o) return { kind: 'table' };
  const eq = o.indexOf('=');
  const name = eq >= 0 ? o.slice(0, eq) : o;
  const arg = eq >= 0 ? o.slice(eq + 1) : undefined;
  const allowed: Record<string, OutputKind> = {
    yaml: 'yaml',
    json: 'json',
    name: 'name',
    jsonpath: 'jsonpath',
    'jsonpath-as-json': 'jsonpath-as-json',
    'custom-columns': 'custom-columns',
    'custom-columns-file': 'custom-columns-file',
    'go-template': 'go-template',
    template: 'template',
  };
  if (allowTable && name === 'wide') return { kind: 'wide' };
  const kind = allowed[name];
  if (!kind || (!allowTable && (kind === 'custom-columns' || kind === 'custom-columns-file'))) {
    throw new KubectlError(`error: unable to match a printer suitable for the output format "${o}", allowed formats are: ${allowTable ? GET_FORMATS : OBJECT_FORMATS}`);
  }
  if ((kind === 'jsonpath' || kind === 'jsonpath-as-json') && !arg) throw new KubectlError('error: template format specified but no template given');
  if (kind === 'custom-columns' && !arg) throw new KubectlError('error: custom-columns format specified but no custom columns given');
  if (kind === 'go-template' || kind === 'template') throw new KubectlError(`error: the go-template output format is not supported by this playground`);
  return { kind, arg };
}

/** Prints objects in a non-table format; several (or a list) as `kind: List`. */
export function formatObjects(objs: KubeObject[], fmt: OutputFormat, single: boolean, fs?: FileSystem, cwd = '/'): string {
  const target: unknown = single && objs.length === 1 ? objs[0] : listOf(objs);
  try {
    switch (fmt.kind) {
      case 'yaml':
        return printYaml(target);
      case 'json':
        return printJson(target);
      case 'name':
        return objs.map((o) => printName(o)).join('');
      case 'jsonpath':
        return printJsonPath(fmt.arg!, target);
      case 'jsonpath-as-json':
        return printJsonPath(fmt.arg!, target, { outputJSON: true });
      case 'custom-columns':
        return printCustomColumns(fmt.arg!, target);
      case 'custom-columns-file': {
        const text = fs ? fs.readFile(resolvePath(cwd, fmt.arg ?? '')) : '';
        const printer = new CustomColumnsPrinter(parseCustomColumnsTemplate(text));
        const w = new StringWriter();
        printer.printObj(target, w);
        return w.toString();
      }
    }
  } catch (e) {
    if (e instanceof PrinterError) throw new KubectlError(`error: ${e.message.replace(/\n$/, '')}`);
    throw e;
  }
  return '';
}

/**
 * JSONPrinter output of a typed Go object (kubectl's typed clients: events, autoscale): fields in the order
 * given (the Go struct order), not sorted like unstructured content; 4-space indent, HTML-escaped strings.
 */
export function printOrderedJson(obj: unknown): string {
  const write = (v: unknown, cur: string): string => {
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'string') return goJsonString(v);
    if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 1e21 ? formatGoNumber(v) : String(v);
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    const inner = cur + '    ';
    if (Array.isArray(v)) {
      if (v.length === 0) return '[]';
      return `[\n${v.map((x) => inner + write(x, inner)).join(',\n')}\n${cur}]`;
    }
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([k, x]) => `${inner}${goJsonString(k)}: ${write(x, inner)}`).join(',\n')}\n${cur}}`;
  };
  return write(obj, '') + '\n';
}
