// Marks, tokens, events and nodes of the YAML pipeline (scanner → parser → composer).
// mirrors: go-yaml v2 yamlh.go (yaml_mark_t, yaml_token_t, yaml_event_t), decode.go (node)

/** A position: index counts characters, line and column are 0-based. */
export interface Mark {
  index: number;
  line: number;
  column: number;
}

export const Tok = {
  StreamStart: 1,
  StreamEnd: 2,
  VersionDirective: 3,
  TagDirective: 4,
  DocumentStart: 5,
  DocumentEnd: 6,
  BlockSequenceStart: 7,
  BlockMappingStart: 8,
  BlockEnd: 9,
  FlowSequenceStart: 10,
  FlowSequenceEnd: 11,
  FlowMappingStart: 12,
  FlowMappingEnd: 13,
  BlockEntry: 14,
  FlowEntry: 15,
  Key: 16,
  Value: 17,
  Alias: 18,
  Anchor: 19,
  Tag: 20,
  Scalar: 21,
} as const;
export type TokenType = (typeof Tok)[keyof typeof Tok];

export const Style = { Any: 0, Plain: 1, SingleQuoted: 2, DoubleQuoted: 3, Literal: 4, Folded: 5 } as const;
export type ScalarStyle = (typeof Style)[keyof typeof Style];

export interface Token {
  type: TokenType;
  start: Mark;
  end: Mark;
  /** Scalar text, anchor/alias name, tag handle, %TAG handle. */
  value?: string;
  /** Tag suffix. */
  suffix?: string;
  /** %TAG prefix. */
  prefix?: string;
  style?: ScalarStyle;
  major?: number;
  minor?: number;
}

export const Ev = {
  StreamStart: 1,
  StreamEnd: 2,
  DocumentStart: 3,
  DocumentEnd: 4,
  Alias: 5,
  Scalar: 6,
  SequenceStart: 7,
  SequenceEnd: 8,
  MappingStart: 9,
  MappingEnd: 10,
} as const;
export type EventType = (typeof Ev)[keyof typeof Ev];

export interface YamlEvent {
  type: EventType;
  start: Mark;
  end: Mark;
  anchor?: string;
  tag?: string;
  value?: string;
  /** For scalars: plain with no tag (or the "!" tag); resolution applies. For collections: no tag. */
  implicit: boolean;
  style?: ScalarStyle;
}

export const NodeKind = { Document: 1, Mapping: 2, Sequence: 4, Scalar: 8, Alias: 16 } as const;
export type NodeKindT = (typeof NodeKind)[keyof typeof NodeKind];

/** The composer's tree: what go-yaml's decoder walks. */
export interface YamlNode {
  kind: NodeKindT;
  line: number;
  column: number;
  tag: string;
  value: string;
  implicit: boolean;
  children: YamlNode[];
  /** For an alias: the anchored node. */
  alias?: YamlNode;
}
