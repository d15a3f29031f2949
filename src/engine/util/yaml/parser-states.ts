// The parser's states and the empty scalar it produces where a node is missing.
// mirrors: go-yaml v2 yamlh.go (yaml_parser_state_t), parserc.go (process_empty_scalar)

import { Ev, Style, type Mark, type YamlEvent } from './types';

export const S = {
  StreamStart: 0, ImplicitDocumentStart: 1, DocumentStart: 2, DocumentContent: 3, DocumentEnd: 4,
  BlockNode: 5, BlockNodeOrIndentlessSequence: 6, FlowNode: 7,
  BlockSequenceFirstEntry: 8, BlockSequenceEntry: 9, IndentlessSequenceEntry: 10,
  BlockMappingFirstKey: 11, BlockMappingKey: 12, BlockMappingValue: 13,
  FlowSequenceFirstEntry: 14, FlowSequenceEntry: 15, FlowSequenceEntryMappingKey: 16,
  FlowSequenceEntryMappingValue: 17, FlowSequenceEntryMappingEnd: 18,
  FlowMappingFirstKey: 19, FlowMappingKey: 20, FlowMappingValue: 21, FlowMappingEmptyValue: 22, End: 23,
} as const;
export type State = (typeof S)[keyof typeof S];

export function emptyScalar(mark: Mark): YamlEvent {
  return { type: Ev.Scalar, start: mark, end: mark, value: '', implicit: true, style: Style.Plain };
}
