// kubectl's `-o jsonpath=` / `-o jsonpath-as-json=` printer: parse errors and the execution-error
// dump of the template and object, worded as kubectl prints them.
// mirrors: k8s.io/cli-runtime/pkg/printers/jsonpath.go, genericclioptions/jsonpath_flags.go

import { goQuote, goSyntax } from './gofmt';
import { JSONPath, JSONPathExecError } from './jsonpath';
import { PrinterError } from './printer-error';

export interface JsonPathPrintOptions {
  /** kubectl's default is true (--allow-missing-template-keys). */
  allowMissingKeys?: boolean;
  /** -o jsonpath-as-json */
  outputJSON?: boolean;
}

/** Parses a `-o jsonpath=` template as kubectl does (errors: "error parsing jsonpath …"). */
export function newJsonPathPrinter(template: string, opts: JsonPathPrintOptions = {}): (obj: unknown) => string {
  if (template.length === 0) throw new PrinterError('template format specified but no template given');
  const jp = new JSONPath('out');
  try {
    jp.parse(template);
  } catch (e) {
    throw new PrinterError(`error parsing jsonpath ${template}, ${(e as Error).message}`);
  }
  jp.allowMissingKeys(opts.allowMissingKeys ?? true).enableJSONOutput(!!opts.outputJSON);
  return (obj: unknown) => {
    try {
      return jp.execute(obj);
    } catch (e) {
      if (!(e instanceof JSONPathExecError)) throw e;
      const info =
        `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
        `\ttemplate was:\n\t\t${template}\n` +
        `\tobject given to jsonpath engine was:\n\t\t${goSyntax(obj)}\n\n`;
      throw new PrinterError(`error executing jsonpath ${goQuote(template)}: ${info}\n`);
    }
  };
}

/** `kubectl get -o jsonpath=TEMPLATE` for one object (or a List). */
export function printJsonPath(template: string, obj: unknown, opts: JsonPathPrintOptions = {}): string {
  return newJsonPathPrinter(template, opts)(obj);
}
