// Go text/template for kubectl's -o go-template printers: the engine (parse, execute, fmt) and the printer.

export { GoTemplatePrinter, GoTemplatePrinterError } from './printer';
export { Template } from './template';
export { TemplateParseError } from './parse';
export { TemplateExecError, PartialOutputError, type MissingKey } from './exec';
export { KUBECTL_FUNCS, type GoFunc } from './funcs';
export { sprint, sprintf, sprintln } from './fmt';
export type { GoValue, GoMap } from './value';
