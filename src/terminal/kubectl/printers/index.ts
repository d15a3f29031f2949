// kubectl's output formats, byte for byte as kubectl v1.32 prints them: the entry points the
// commands use (tables, -w, -o yaml|json|name|jsonpath|custom-columns, --sort-by, describe helpers).

export { StringWriter, TabWriter, newDescribeTabWriter, newTableTabWriter, tabbedString, type TextWriter } from './tabwriter';
export {
  HumanReadablePrinter, escapeTerminal, formatLabels, isTable,
  type GroupKind, type PrintOptions, type Table, type TableColumnDefinition, type TableRow,
} from './table-printer';
export {
  TableWatchPrinter, multipleKindsRequested, noResourcesFoundMessage, printGetTables,
  type GetTableOptions, type GetTableResult, type TableGroup, type WatchTableOptions,
} from './table-output';
export { JSONPath, JSONPathExecError, JSONPathSyntaxError, relaxedJSONPathExpression } from './jsonpath';
export { newJsonPathPrinter, printJsonPath, type JsonPathPrintOptions } from './jsonpath-printer';
export { CustomColumnsPrinter, parseCustomColumnsSpec, parseCustomColumnsTemplate, printCustomColumns, type Column } from './custom-columns';
export { YamlPrinter, listOf, printYaml, toYaml } from './yaml';
export { goJsonMarshal, goJsonMarshalIndent, printJson, printJsonWatchEvent } from './json';
export { formatResourceName, groupKindOf, printName, type NamePrintOptions } from './name-printer';
export { SortError, parseQuantity, sortObjects, sortTableRows } from './sort';
export { PrinterError } from './printer-error';
export {
  LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, LEVEL_4, describeString, newNestedPrefixWriter, newPrefixWriter, printAnnotationsMultiline,
  printLabelsMultiline, printPodsMultiline, printTaintsMultiline, printTolerationsMultiline, printUnstructuredContent, smartLabelFor,
  type PrefixWriter, type Taint, type Toleration,
} from './prefix-writer';
export { describeEvents, type DescribedEvent } from './describe-events';
export { describeGeneric } from './describe-generic';
export { goSort, goSortSlice } from './gosort';
