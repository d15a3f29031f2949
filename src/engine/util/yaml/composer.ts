// Builds the node tree of the first document of a stream from parser events, resolving aliases to the
// anchored nodes as go-yaml does (an anchor is known from its node's start, so later aliases find it).
// mirrors: go-yaml v2 decode.go (parser.parse, document, alias, scalar, sequence, mapping)

import { Parser } from './parser';
import { YamlDecodeFailure, YamlFailure } from './errors';
import { Ev, NodeKind, type NodeKindT, type YamlEvent, type YamlNode } from './types';

const EVENT_NAMES: Record<number, string> = {
  [Ev.StreamStart]: 'stream start', [Ev.StreamEnd]: 'stream end', [Ev.DocumentStart]: 'document start',
  [Ev.DocumentEnd]: 'document end', [Ev.Alias]: 'alias', [Ev.Scalar]: 'scalar', [Ev.SequenceStart]: 'sequence start',
  [Ev.SequenceEnd]: 'sequence end', [Ev.MappingStart]: 'mapping start', [Ev.MappingEnd]: 'mapping end',
};

export class Composer {
  private readonly p: Parser;
  private event: YamlEvent | undefined;
  private anchors = new Map<string, YamlNode>();

  constructor(text: string) {
    this.p = new Parser(text);
  }

  /** The first document's root (its document node), or undefined for a stream with no document. */
  compose(): YamlNode | undefined {
    this.expect(Ev.StreamStart);
    return this.parse();
  }

  private peek(): YamlEvent {
    if (!this.event) {
      const e = this.p.next();
      // After the stream end the parser yields nothing; go-yaml then sees an empty event.
      if (!e) throw new YamlDecodeFailure('yaml: attempted to parse unknown event: none');
      this.event = e;
    }
    return this.event;
  }

  private expect(type: number): void {
    const e = this.peek();
    if (e.type === Ev.StreamEnd && type !== Ev.StreamEnd) {
      throw new YamlDecodeFailure('yaml: attempted to go past the end of stream; corrupted value?');
    }
    if (e.type !== type) {
      throw new YamlFailure('parser', `expected ${EVENT_NAMES[type]} event but got ${EVENT_NAMES[e.type]}`, undefined);
    }
    this.event = undefined;
  }

  private node(kind: NodeKindT, e: YamlEvent): YamlNode {
    return { kind, line: e.start.line, column: e.start.column, tag: '', value: '', implicit: false, children: [] };
  }

  private parse(): YamlNode | undefined {
    const e = this.peek();
    switch (e.type) {
      case Ev.Scalar: return this.scalar(e);
      case Ev.Alias: return this.alias(e);
      case Ev.MappingStart: return this.collection(e, NodeKind.Mapping, Ev.MappingEnd);
      case Ev.SequenceStart: return this.collection(e, NodeKind.Sequence, Ev.SequenceEnd);
      case Ev.DocumentStart: return this.document(e);
      case Ev.StreamEnd: return undefined;
      default: throw new Error(`attempted to parse unknown event: ${EVENT_NAMES[e.type]}`);
    }
  }

  private document(e: YamlEvent): YamlNode {
    const n = this.node(NodeKind.Document, e);
    this.anchors = new Map();
    this.expect(Ev.DocumentStart);
    n.children.push(this.parse() as YamlNode);
    this.expect(Ev.DocumentEnd);
    return n;
  }

  private alias(e: YamlEvent): YamlNode {
    const n = this.node(NodeKind.Alias, e);
    n.value = e.anchor ?? '';
    n.alias = this.anchors.get(n.value);
    if (!n.alias) throw new YamlDecodeFailure(`yaml: unknown anchor '${n.value}' referenced`);
    this.expect(Ev.Alias);
    return n;
  }

  private scalar(e: YamlEvent): YamlNode {
    const n = this.node(NodeKind.Scalar, e);
    n.value = e.value ?? '';
    n.tag = e.tag ?? '';
    n.implicit = e.implicit;
    if (e.anchor !== undefined) this.anchors.set(e.anchor, n);
    this.expect(Ev.Scalar);
    return n;
  }

  private collection(e: YamlEvent, kind: NodeKindT, endType: number): YamlNode {
    const n = this.node(kind, e);
    if (e.anchor !== undefined) this.anchors.set(e.anchor, n);
    this.expect(e.type);
    while (this.peek().type !== endType) n.children.push(this.parse() as YamlNode);
    this.expect(endType);
    return n;
  }
}
