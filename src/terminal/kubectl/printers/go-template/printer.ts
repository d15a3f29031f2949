// kubectl's go-template printer (-o go-template / go-template-file / template / templatefile): the
// template named "output" with kubectl's extra funcs, run over the object as JSON-decoded data; on an
// execution error kubectl prints a debugging dump to stdout and returns the error.
// mirrors: k8s.io/cli-runtime/pkg/printers/template.go, pkg/genericclioptions/template_flags.go

import { goJsonMarshal } from '../json';
import { GoPanic, PartialOutputError } from './exec';
import { sprintf } from './fmt';
import { TemplateParseError } from './parse';
import { quote } from './strconv';
import { Template } from './template';
import type { GoValue } from './value';

/** A failure of the printer: `message` is what kubectl prints after "error: "; `stdout` what it printed before. */
export class GoTemplatePrinterError extends Error {
  constructor(
    message: string,
    readonly stdout = '',
  ) {
    super(message);
  }
}

export class GoTemplatePrinter {
  private readonly template: Template;

  /** NewGoTemplatePrinter: throws GoTemplatePrinterError("error parsing template TEXT, template: output:…"). */
  constructor(readonly rawTemplate: string) {
    try {
      this.template = Template.parse('output', rawTemplate);
    } catch (e) {
      if (e instanceof TemplateParseError) throw new GoTemplatePrinterError(`error parsing template ${rawTemplate}, ${e.message}`);
      throw e;
    }
  }

  /** --allow-missing-template-keys (default true): false makes a missing map key an error. */
  allowMissingKeys(allow: boolean): this {
    this.template.setMissingKey(allow ? 'default' : 'error');
    return this;
  }

  /** PrintObj: the template's output for obj (a JSON-like object or List). */
  printObj(obj: unknown): string {
    const data = obj as GoValue;
    try {
      return this.template.execute(data);
    } catch (e) {
      if (!(e instanceof PartialOutputError) && !(e instanceof GoPanic)) throw e;
      const message = e instanceof GoPanic ? `caught panic: ${e.message}` : e.message;
      const dump =
        `Error executing template: ${message}. Printing more information for debugging the template:\n` +
        `\ttemplate was:\n\t\t${this.rawTemplate}\n` +
        `\traw data was:\n\t\t${goJsonMarshal(obj)}\n` +
        `\tobject given to template engine was:\n\t\t${sprintf('%+v', [data])}\n\n`;
      throw new GoTemplatePrinterError(`error executing template ${quote(this.rawTemplate)}: ${message}`, e.partialOutput + dump);
    }
  }
}
