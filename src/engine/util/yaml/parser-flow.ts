// The parser's flow-collection states: [ ] and { } with their entries, and single-pair mappings in [a: b].
// mirrors: go-yaml v2 parserc.go (parse_flow_sequence_entry…, parse_flow_mapping_key, parse_flow_mapping_value)

import type { Parser } from './parser';
import { S, emptyScalar } from './parser-states';
import { Ev, Tok, type Mark, type YamlEvent } from './types';

export function flowSequenceEntry(p: Parser, first: boolean): YamlEvent {
  const s = p.s;
  if (first) {
    p.marks.push(s.peek().start);
    s.skipToken();
  }
  let t = s.peek();
  if (t.type !== Tok.FlowSequenceEnd) {
    if (!first) {
      if (t.type === Tok.FlowEntry) {
        s.skipToken();
        t = s.peek();
      } else {
        const context = p.marks.pop() as Mark;
        p.error("did not find expected ',' or ']'", t.start, 'while parsing a flow sequence', context);
      }
    }
    if (t.type === Tok.Key) {
      // A single-pair mapping inside a flow sequence: [a: b]
      p.state = S.FlowSequenceEntryMappingKey;
      s.skipToken();
      return { type: Ev.MappingStart, start: t.start, end: t.end, implicit: true };
    }
    if (t.type !== Tok.FlowSequenceEnd) {
      p.states.push(S.FlowSequenceEntry);
      return p.node(false, false);
    }
  }
  p.state = p.pop();
  p.marks.pop();
  s.skipToken();
  return { type: Ev.SequenceEnd, start: t.start, end: t.end, implicit: false };
}

export function flowSequenceEntryMappingKey(p: Parser): YamlEvent {
  const s = p.s;
  const t = s.peek();
  if (t.type !== Tok.Value && t.type !== Tok.FlowEntry && t.type !== Tok.FlowSequenceEnd) {
    p.states.push(S.FlowSequenceEntryMappingValue);
    return p.node(false, false);
  }
  const mark = t.end;
  s.skipToken();
  p.state = S.FlowSequenceEntryMappingValue;
  return emptyScalar(mark);
}

export function flowSequenceEntryMappingValue(p: Parser): YamlEvent {
  const s = p.s;
  let t = s.peek();
  if (t.type === Tok.Value) {
    s.skipToken();
    t = s.peek();
    if (t.type !== Tok.FlowEntry && t.type !== Tok.FlowSequenceEnd) {
      p.states.push(S.FlowSequenceEntryMappingEnd);
      return p.node(false, false);
    }
  }
  p.state = S.FlowSequenceEntryMappingEnd;
  return emptyScalar(t.start);
}

export function flowSequenceEntryMappingEnd(p: Parser): YamlEvent {
  const t = p.s.peek();
  p.state = S.FlowSequenceEntry;
  return { type: Ev.MappingEnd, start: t.start, end: t.start, implicit: false };
}

export function flowMappingKey(p: Parser, first: boolean): YamlEvent {
  const s = p.s;
  if (first) {
    p.marks.push(s.peek().start);
    s.skipToken();
  }
  let t = s.peek();
  if (t.type !== Tok.FlowMappingEnd) {
    if (!first) {
      if (t.type === Tok.FlowEntry) {
        s.skipToken();
        t = s.peek();
      } else {
        const context = p.marks.pop() as Mark;
        p.error("did not find expected ',' or '}'", t.start, 'while parsing a flow mapping', context);
      }
    }
    if (t.type === Tok.Key) {
      s.skipToken();
      t = s.peek();
      if (t.type !== Tok.Value && t.type !== Tok.FlowEntry && t.type !== Tok.FlowMappingEnd) {
        p.states.push(S.FlowMappingValue);
        return p.node(false, false);
      }
      p.state = S.FlowMappingValue;
      return emptyScalar(t.start);
    }
    if (t.type !== Tok.FlowMappingEnd) {
      p.states.push(S.FlowMappingEmptyValue);
      return p.node(false, false);
    }
  }
  p.state = p.pop();
  p.marks.pop();
  s.skipToken();
  return { type: Ev.MappingEnd, start: t.start, end: t.end, implicit: false };
}

export function flowMappingValue(p: Parser, empty: boolean): YamlEvent {
  const s = p.s;
  let t = s.peek();
  if (empty) {
    p.state = S.FlowMappingKey;
    return emptyScalar(t.start);
  }
  if (t.type === Tok.Value) {
    s.skipToken();
    t = s.peek();
    if (t.type !== Tok.FlowEntry && t.type !== Tok.FlowMappingEnd) {
      p.states.push(S.FlowMappingKey);
      return p.node(false, false);
    }
  }
  p.state = S.FlowMappingKey;
  return emptyScalar(t.start);
}
