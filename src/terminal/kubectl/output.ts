// -o for commands that print objects (get, create, apply, run, expose…): yaml, json, name, jsonpath,
// custom-columns, go-template (and --template); and the `kind.group/name verb` success lines.

import type { KubeObject } from '../../engine/api/types';
import { KubectlError } from './errors';
import { printYaml, printJson, listOf, printName, printJsonPath, printCustomColumns, PrinterError, parseCustomColumnsTemplate, CustomColumnsPrinter, StringWriter } from './printers/index';
import type { FileSystem } from '../../engine/runtime/sh/fs';
import { resolvePath } from '../../engine/runtime/sh/fs';
import { goJsonString } from './printers/json';
import { formatGoNumber } from './printers/gofmt';
import { GoTemplatePrinter, GoTemplatePrinterError } from './printers/go-template/index';

export type OutputKind = 'table' | 'wide' | 'yaml' | 'json' | 'name' | 'jsonpath' | 'jsonpath-as-json' | 'custom-columns' | 'custom-columns-file' | 'go-template' | 'go-template-file';

export interface OutputFormat {
  kind: OutputKind;
  /** The template/spec after `=` (go-template: the template text; go-template-file: the file, read when printing). */
  arg?: string;
  /** go-template: the parsed template, made when -o is parsed (kubectl fails on a bad template before any request). */
  goTemplate?: GoTemplatePrinter;
  /** --allow-missing-template-keys (go-template-file read late). */
  allowMissingKeys?: boolean;
}

/** The printer flags beside -o that shape go-template output. */
export interface OutputOptions {
  /** --template: the template (or its file) for -o go-template / go-template-file; alone, it implies -o go-template. */
  template?: string;
  /** --allow-missing-template-keys (default true). */
  allowMissingTemplateKeys?: boolean;
  /** Where -o go-template-file / templatefile are read; without it the file is read when printing. */
  fs?: FileSystem;
  cwd?: string;
}

/** OutputOptions from a command's parsed flags (--template, --allow-missing-template-keys) and its env. */
export function outputOptionsFrom(values: Record<string, unknown>, env?: { fs: FileSystem; cwd: string }): OutputOptions {
  const allow = values['allow-missing-template-keys'];
  return {
    template: typeof values.template === 'string' ? values.template : undefined,
    allowMissingTemplateKeys: typeof allow === 'boolean' ? allow : undefined,
    fs: env?.fs,
    cwd: env?.cwd,
  };
}

/** A printer failure after part of the output was written: kubectl prints `stdout` before the error. */
export class OutputError extends KubectlError {
  constructor(
    message: string,
    readonly stdout: string,
  ) {
    super(message);
  }
}

// -o names that select the go-template printer (templateFormats in cli-runtime).
const TEMPLATE_FORMATS = new Set(['template', 'go-template', 'go-template-file', 'templatefile']);

const GET_FORMATS = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';
const OBJECT_FORMATS = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

/** Parses -o; `allowTable` for get (wide and the default table); `opts` carries --template and friends. */
export function parseOutput(o: string | undefined, allowTable: boolean, opts: OutputOptions = {}): OutputFormat {
  // PrintFlags.ToPrinter: --template without -o means -o go-template.
  if (!o && opts.template) o = 'go-template';
  if (!o) return { kind: 'table' };
  const eq = o.indexOf('=');
  const name = eq >= 0 ? o.slice(0, eq) : o;
  const arg = eq >= 0 ? o.slice(eq + 1) : undefined;
  if (TEMPLATE_FORMATS.has(name) && !(eq >= 0 && opts.template)) return parseGoTemplateOutput(name, opts.template || arg || '', opts);
  const allowed: Record<string, OutputKind> = {
    yaml: 'yaml',
    json: 'json',
    name: 'name',
    jsonpath: 'jsonpath',
    'jsonpath-as-json': 'jsonpath-as-json',
    'custom-columns': 'custom-columns',
    'custom-columns-file': 'custom-columns-file',
  };
  if (allowTable && name === 'wide') return { kind: 'wide' };
  const kind = allowed[name];
  if (!kind || (!allowTable && (kind === 'custom-columns' || kind === 'custom-columns-file'))) {
    throw new KubectlError(`error: unable to match a printer suitable for the output format "${o}", allowed formats are: ${allowTable ? GET_FORMATS : OBJECT_FORMATS}`);
  }
  if ((kind === 'jsonpath' || kind === 'jsonpath-as-json') && !arg) throw new KubectlError('error: template format specified but no template given');
  if (kind === 'custom-columns' && !arg) throw new KubectlError('error: custom-columns format specified but no custom columns given');
  return { kind, arg };
}

/** GoTemplatePrintFlags.ToPrinter: reads a template file, parses the template (errors as kubectl words them). */
function parseGoTemplateOutput(name: string, value: string, opts: OutputOptions): OutputFormat {
  if (!value) throw new KubectlError('error: template format specified but no template given');
  const allowMissingKeys = opts.allowMissingTemplateKeys ?? true;
  const isFile = name === 'go-template-file' || name === 'templatefile';
  if (isFile && !opts.fs) return { kind: 'go-template-file', arg: value, allowMissingKeys };
  const text = isFile ? readTemplateFile(value, opts.fs!, opts.cwd ?? '/') : value;
  return { kind: 'go-template', arg: text, goTemplate: newGoTemplatePrinter(text, allowMissingKeys) };
}

function readTemplateFile(file: string, fs: FileSystem, cwd: string): string {
  const path = resolvePath(cwd, file);
  const st = fs.stat(path);
  if (!st) throw new KubectlError(`error: error reading --template ${file}, open ${file}: no such file or directory`);
  if (st.type === 'dir') throw new KubectlError(`error: error reading --template ${file}, read ${file}: is a directory`);
  return fs.readFile(path);
}

function newGoTemplatePrinter(text: string, allowMissingKeys: boolean): GoTemplatePrinter {
  try {
    return new GoTemplatePrinter(text).allowMissingKeys(allowMissingKeys);
  } catch (e) {
    if (e instanceof GoTemplatePrinterError) throw new KubectlError(`error: ${e.message}`);
    throw e;
  }
}

/** Runs a go-template over the target; an execution error carries the output kubectl printed before it. */
function printGoTemplate(fmt: OutputFormat, target: unknown, fs: FileSystem | undefined, cwd: string): string {
  let printer = fmt.goTemplate;
  if (!printer) {
    const file = fmt.arg ?? '';
    if (fmt.kind === 'go-template-file' && !fs) throw new KubectlError(`error: error reading --template ${file}, open ${file}: no such file or directory`);
    const text = fmt.kind === 'go-template-file' ? readTemplateFile(file, fs!, cwd) : file;
    printer = newGoTemplatePrinter(text, fmt.allowMissingKeys ?? true);
  }
  try {
    return printer.printObj(target);
  } catch (e) {
    if (e instanceof GoTemplatePrinterError) throw new OutputError(`error: ${e.message}`, e.stdout);
    throw e;
  }
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
      case 'go-template':
      case 'go-template-file':
        return printGoTemplate(fmt, target, fs, cwd);
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
