// The YAML parser: tokens to events, as libyaml's state machine does it, with its error texts and marks.
// mirrors: go-yaml v2 parserc.go (flow collections in parser-flow.ts)

import { Scanner } from './scanner';
import { YamlFailure } from './errors';
import { Ev, Style, Tok, type Mark, type Token, type YamlEvent } from './types';
import { S, emptyScalar, type State } from './parser-states';
import * as flow from './parser-flow';

interface TagDirective {
  handle: string;
  prefix: string;
}

const DEFAULT_TAG_DIRECTIVES: TagDirective[] = [
  { handle: '!', prefix: '!' },
  { handle: '!!', prefix: 'tag:yaml.org,2002:' },
];

export class Parser {
  readonly s: Scanner;
  state: State = S.StreamStart;
  readonly states: State[] = [];
  readonly marks: Mark[] = [];
  private tagDirectives: TagDirective[] = [];

  constructor(text: string) {
    this.s = new Scanner(text);
  }

  /** The next event; undefined once the stream has ended. */
  next(): YamlEvent | undefined {
    if (this.s.streamEndProduced || this.state === S.End) return undefined;
    return this.dispatch();
  }

  error(problem: string, problemMark: Mark, context = '', contextMark?: Mark): never {
    throw new YamlFailure('parser', problem, problemMark, context, contextMark);
  }

  pop(): State {
    return this.states.pop() as State;
  }

  private dispatch(): YamlEvent {
    switch (this.state) {
      case S.StreamStart: return this.streamStart();
      case S.ImplicitDocumentStart: return this.documentStart(true);
      case S.DocumentStart: return this.documentStart(false);
      case S.DocumentContent: return this.documentContent();
      case S.DocumentEnd: return this.documentEnd();
      case S.BlockNode: return this.node(true, false);
      case S.BlockNodeOrIndentlessSequence: return this.node(true, true);
      case S.FlowNode: return this.node(false, false);
      case S.BlockSequenceFirstEntry: return this.blockSequenceEntry(true);
      case S.BlockSequenceEntry: return this.blockSequenceEntry(false);
      case S.IndentlessSequenceEntry: return this.indentlessSequenceEntry();
      case S.BlockMappingFirstKey: return this.blockMappingKey(true);
      case S.BlockMappingKey: return this.blockMappingKey(false);
      case S.BlockMappingValue: return this.blockMappingValue();
      case S.FlowSequenceFirstEntry: return flow.flowSequenceEntry(this, true);
      case S.FlowSequenceEntry: return flow.flowSequenceEntry(this, false);
      case S.FlowSequenceEntryMappingKey: return flow.flowSequenceEntryMappingKey(this);
      case S.FlowSequenceEntryMappingValue: return flow.flowSequenceEntryMappingValue(this);
      case S.FlowSequenceEntryMappingEnd: return flow.flowSequenceEntryMappingEnd(this);
      case S.FlowMappingFirstKey: return flow.flowMappingKey(this, true);
      case S.FlowMappingKey: return flow.flowMappingKey(this, false);
      case S.FlowMappingValue: return flow.flowMappingValue(this, false);
      case S.FlowMappingEmptyValue: return flow.flowMappingValue(this, true);
      default: throw new Error('invalid parser state');
    }
  }

  private streamStart(): YamlEvent {
    const t = this.s.peek();
    if (t.type !== Tok.StreamStart) this.error('did not find expected <stream-start>', t.start);
    this.state = S.ImplicitDocumentStart;
    this.s.skipToken();
    return { type: Ev.StreamStart, start: t.start, end: t.end, implicit: false };
  }

  private documentStart(implicit: boolean): YamlEvent {
    const s = this.s;
    let t = s.peek();
    if (!implicit) {
      while (t.type === Tok.DocumentEnd) {
        s.skipToken();
        t = s.peek();
      }
    }
    if (implicit && t.type !== Tok.VersionDirective && t.type !== Tok.TagDirective && t.type !== Tok.DocumentStart && t.type !== Tok.StreamEnd) {
      this.processDirectives();
      this.states.push(S.DocumentEnd);
      this.state = S.BlockNode;
      return { type: Ev.DocumentStart, start: t.start, end: t.end, implicit: true };
    }
    if (t.type !== Tok.StreamEnd) {
      const start = t.start;
      this.processDirectives();
      t = s.peek();
      if (t.type !== Tok.DocumentStart) this.error('did not find expected <document start>', t.start);
      this.states.push(S.DocumentEnd);
      this.state = S.DocumentContent;
      s.skipToken();
      return { type: Ev.DocumentStart, start, end: t.end, implicit: false };
    }
    this.state = S.End;
    s.skipToken();
    return { type: Ev.StreamEnd, start: t.start, end: t.end, implicit: false };
  }

  private documentContent(): YamlEvent {
    const t = this.s.peek();
    if (t.type === Tok.VersionDirective || t.type === Tok.TagDirective || t.type === Tok.DocumentStart || t.type === Tok.DocumentEnd || t.type === Tok.StreamEnd) {
      this.state = this.pop();
      return emptyScalar(t.start);
    }
    return this.node(true, false);
  }

  private documentEnd(): YamlEvent {
    const t = this.s.peek();
    let end = t.start;
    let implicit = true;
    if (t.type === Tok.DocumentEnd) {
      end = t.end;
      this.s.skipToken();
      implicit = false;
    }
    this.tagDirectives = [];
    this.state = S.DocumentStart;
    return { type: Ev.DocumentEnd, start: t.start, end, implicit };
  }

  node(block: boolean, indentlessSequence: boolean): YamlEvent {
    const s = this.s;
    let t = s.peek();
    if (t.type === Tok.Alias) {
      this.state = this.pop();
      s.skipToken();
      return { type: Ev.Alias, start: t.start, end: t.end, anchor: t.value, implicit: false };
    }
    let start = t.start;
    let end = t.start;
    let tagToken = false;
    let tagHandle = '';
    let tagSuffix = '';
    let anchor: string | undefined;
    let tagMark = t.start;
    if (t.type === Tok.Anchor) {
      anchor = t.value;
      start = t.start;
      end = t.end;
      s.skipToken();
      t = s.peek();
      if (t.type === Tok.Tag) {
        tagToken = true;
        tagHandle = t.value ?? '';
        tagSuffix = t.suffix ?? '';
        tagMark = t.start;
        end = t.end;
        s.skipToken();
        t = s.peek();
      }
    } else if (t.type === Tok.Tag) {
      tagToken = true;
      tagHandle = t.value ?? '';
      tagSuffix = t.suffix ?? '';
      start = tagMark = t.start;
      end = t.end;
      s.skipToken();
      t = s.peek();
      if (t.type === Tok.Anchor) {
        anchor = t.value;
        end = t.end;
        s.skipToken();
        t = s.peek();
      }
    }
    let tag = '';
    if (tagToken) {
      if (tagHandle === '') tag = tagSuffix;
      else {
        const d = this.tagDirectives.find((x) => x.handle === tagHandle);
        if (d) tag = d.prefix + tagSuffix;
        if (tag === '') this.error('found undefined tag handle', tagMark, 'while parsing a node', start);
      }
    }
    const implicit = tag === '';
    if (indentlessSequence && t.type === Tok.BlockEntry) {
      this.state = S.IndentlessSequenceEntry;
      return { type: Ev.SequenceStart, start, end: t.end, anchor, tag, implicit };
    }
    if (t.type === Tok.Scalar) {
      // Plain with no tag, or tagged "!": resolved by content; quoted scalars are strings.
      const plainImplicit = (tag === '' && t.style === Style.Plain) || tag === '!';
      this.state = this.pop();
      s.skipToken();
      return { type: Ev.Scalar, start, end: t.end, anchor, tag, value: t.value, implicit: plainImplicit, style: t.style };
    }
    if (t.type === Tok.FlowSequenceStart) {
      this.state = S.FlowSequenceFirstEntry;
      return { type: Ev.SequenceStart, start, end: t.end, anchor, tag, implicit };
    }
    if (t.type === Tok.FlowMappingStart) {
      this.state = S.FlowMappingFirstKey;
      return { type: Ev.MappingStart, start, end: t.end, anchor, tag, implicit };
    }
    if (block && t.type === Tok.BlockSequenceStart) {
      this.state = S.BlockSequenceFirstEntry;
      return { type: Ev.SequenceStart, start, end: t.end, anchor, tag, implicit };
    }
    if (block && t.type === Tok.BlockMappingStart) {
      this.state = S.BlockMappingFirstKey;
      return { type: Ev.MappingStart, start, end: t.end, anchor, tag, implicit };
    }
    if (anchor !== undefined || tag !== '') {
      // An anchor or tag with nothing after it: an empty scalar.
      this.state = this.pop();
      return { type: Ev.Scalar, start, end, anchor, tag, value: '', implicit, style: Style.Plain };
    }
    this.error('did not find expected node content', t.start, block ? 'while parsing a block node' : 'while parsing a flow node', start);
  }

  private blockSequenceEntry(first: boolean): YamlEvent {
    const s = this.s;
    if (first) {
      this.marks.push(s.peek().start);
      s.skipToken();
    }
    let t = s.peek();
    if (t.type === Tok.BlockEntry) {
      const mark = t.end;
      s.skipToken();
      t = s.peek();
      if (t.type !== Tok.BlockEntry && t.type !== Tok.BlockEnd) {
        this.states.push(S.BlockSequenceEntry);
        return this.node(true, false);
      }
      this.state = S.BlockSequenceEntry;
      return emptyScalar(mark);
    }
    if (t.type === Tok.BlockEnd) {
      this.state = this.pop();
      this.marks.pop();
      s.skipToken();
      return { type: Ev.SequenceEnd, start: t.start, end: t.end, implicit: false };
    }
    const context = this.marks.pop() as Mark;
    this.error("did not find expected '-' indicator", t.start, 'while parsing a block collection', context);
  }

  private indentlessSequenceEntry(): YamlEvent {
    const s = this.s;
    let t = s.peek();
    if (t.type === Tok.BlockEntry) {
      const mark = t.end;
      s.skipToken();
      t = s.peek();
      if (t.type !== Tok.BlockEntry && t.type !== Tok.Key && t.type !== Tok.Value && t.type !== Tok.BlockEnd) {
        this.states.push(S.IndentlessSequenceEntry);
        return this.node(true, false);
      }
      this.state = S.IndentlessSequenceEntry;
      return emptyScalar(mark);
    }
    this.state = this.pop();
    return { type: Ev.SequenceEnd, start: t.start, end: t.start, implicit: false };
  }

  private blockMappingKey(first: boolean): YamlEvent {
    const s = this.s;
    if (first) {
      this.marks.push(s.peek().start);
      s.skipToken();
    }
    let t = s.peek();
    if (t.type === Tok.Key) {
      const mark = t.end;
      s.skipToken();
      t = s.peek();
      if (t.type !== Tok.Key && t.type !== Tok.Value && t.type !== Tok.BlockEnd) {
        this.states.push(S.BlockMappingValue);
        return this.node(true, true);
      }
      this.state = S.BlockMappingValue;
      return emptyScalar(mark);
    }
    if (t.type === Tok.BlockEnd) {
      this.state = this.pop();
      this.marks.pop();
      s.skipToken();
      return { type: Ev.MappingEnd, start: t.start, end: t.end, implicit: false };
    }
    const context = this.marks.pop() as Mark;
    this.error('did not find expected key', t.start, 'while parsing a block mapping', context);
  }

  private blockMappingValue(): YamlEvent {
    const s = this.s;
    let t = s.peek();
    if (t.type === Tok.Value) {
      const mark = t.end;
      s.skipToken();
      t = s.peek();
      if (t.type !== Tok.Key && t.type !== Tok.Value && t.type !== Tok.BlockEnd) {
        this.states.push(S.BlockMappingKey);
        return this.node(true, true);
      }
      this.state = S.BlockMappingKey;
      return emptyScalar(mark);
    }
    this.state = S.BlockMappingKey;
    return emptyScalar(t.start);
  }

  /** %YAML and %TAG directives before a document; the default handles are added after them. */
  private processDirectives(): void {
    const s = this.s;
    let seenVersion = false;
    let t: Token = s.peek();
    while (t.type === Tok.VersionDirective || t.type === Tok.TagDirective) {
      if (t.type === Tok.VersionDirective) {
        if (seenVersion) this.error('found duplicate %YAML directive', t.start);
        if (t.major !== 1 || t.minor !== 1) this.error('found incompatible YAML document', t.start);
        seenVersion = true;
      } else {
        this.appendTagDirective({ handle: t.value ?? '', prefix: t.prefix ?? '' }, false, t.start);
      }
      s.skipToken();
      t = s.peek();
    }
    for (const d of DEFAULT_TAG_DIRECTIVES) this.appendTagDirective(d, true, t.start);
  }

  private appendTagDirective(value: TagDirective, allowDuplicates: boolean, mark: Mark): void {
    if (this.tagDirectives.some((d) => d.handle === value.handle)) {
      if (allowDuplicates) return;
      this.error('found duplicate %TAG directive', mark);
    }
    this.tagDirectives.push(value);
  }
}
