// YAML as Kubernetes reads it (sigs.k8s.io/yaml over go-yaml v2): YAML 1.1 plain scalars (yes/on/y are
// booleans, 0644 is octal, 1e3 is a number), timestamps kept as text, duplicate keys allowed (the last wins),
// streams split on `---` lines, and failures worded and numbered the way go-yaml words them.
// mirrors: k8s.io/apimachinery/pkg/util/yaml (YAMLReader, YAMLOrJSONDecoder), go-yaml v2 resolve.go

import {
  CORE_SCHEMA,
  NOT_RESOLVED,
  boolYaml11Tag,
  defineScalarTag,
  load,
  mergeTag,
  nullYaml11Tag,
} from 'js-yaml';

const GO_INT = /^[-+]?(?:0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[1-9][0-9]*|0)$/;
const GO_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

function goInt(s: string): number {
  const neg = s.startsWith('-');
  const body = s.replace(/^[-+]/, '');
  let v: number;
  if (/^0[xX]/.test(body)) v = parseInt(body.slice(2), 16);
  else if (/^0[bB]/.test(body)) v = parseInt(body.slice(2), 2);
  else if (/^0[oO]/.test(body)) v = parseInt(body.slice(2), 8);
  else if (/^0[0-7]/.test(body)) v = parseInt(body.slice(1), 8);
  else v = parseInt(body, 10);
  return neg ? -v : v;
}

/** go-yaml v2's number resolution: underscores dropped, Go's base prefixes, a float for what ParseInt refuses. */
const goNumberTag = defineScalarTag<number>('tag:yaml.org,2002:float', {
  implicit: true,
  implicitFirstChars: ['-', '+', '.', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  resolve(source) {
    const plain = source.replace(/_/g, '');
    if (GO_INT.test(plain)) return goInt(plain);
    if (GO_FLOAT.test(plain)) return parseFloat(plain);
    switch (plain) {
      case '.inf': case '.Inf': case '.INF': case '+.inf': case '+.Inf': case '+.INF':
        return Infinity;
      case '-.inf': case '-.Inf': case '-.INF':
        return -Infinity;
      case '.nan': case '.NaN': case '.NAN':
        return NaN;
    }
    return NOT_RESOLVED;
  },
  identify: (d) => typeof d === 'number',
});

/** Plain scalars resolved as go-yaml v2 resolves them; everything else is a string. */
export const KUBE_YAML_SCHEMA = CORE_SCHEMA.withTags(nullYaml11Tag, boolYaml11Tag, goNumberTag, mergeTag);

/** A YAML syntax error in go-yaml's words (`yaml: line 4: did not find expected key`). */
export class YamlSyntaxError extends Error {}

/** One document of a stream: its text and the line it starts on in the stream (0-based). */
export interface YamlChunk {
  text: string;
  firstLine: number;
}

/**
 * Splits a stream the way kubectl's YAMLReader does: a line that starts with `---` ends a document when the
 * rest of it is blank or a comment; anything else after `---` is an error.
 */
export function* splitYamlDocuments(text: string): Generator<YamlChunk> {
  const lines = text.split('\n');
  let buf: string[] = [];
  let first = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('---')) {
      const rest = line.slice(3).trim();
      if (rest !== '' && !rest.startsWith('#')) throw new YamlSyntaxError(`invalid Yaml document separator: ${rest}`);
      if (buf.some((l) => l.trim() !== '')) yield { text: buf.join('\n') + '\n', firstLine: first };
      buf = [];
      first = i + 1;
      continue;
    }
    buf.push(line);
  }
  if (buf.some((l) => l.trim() !== '')) yield { text: buf.join('\n'), firstLine: first };
}

/** True when a stream is JSON rather than YAML (kubectl sniffs for a leading `{`). */
export function looksLikeJson(text: string): boolean {
  return text.trimStart().startsWith('{');
}

/** Parses one YAML document to JSON-compatible data; throws YamlSyntaxError with go-yaml's wording. */
export function parseYamlDocument(text: string): unknown {
  try {
    return load(text, { schema: KUBE_YAML_SCHEMA, json: true });
  } catch (e) {
    throw new YamlSyntaxError(goYamlMessage(e, text));
  }
}

interface YamlExceptionLike {
  reason?: string;
  mark?: { line: number; column: number; position?: number };
  message?: string;
}

/** What go-yaml says about a document js-yaml refused. go-yaml v2 numbers scanner errors from 1, parser errors from 0. */
export function goYamlMessage(e: unknown, text: string): string {
  const ex = e as YamlExceptionLike;
  const reason = ex.reason ?? ex.message ?? String(e);
  const line0 = ex.mark?.line ?? 0;
  const line1 = line0 + 1;
  const lines = text.split('\n');
  const srcLine = lines[line0] ?? '';
  const open = openConstructs(text, ex.mark?.position ?? text.length);
  if (open.quote) return `yaml: line ${countNewlines(text) + 1}: found unexpected end of stream`;
  if (open.flow.length && !open.flowEntry) return `yaml: line ${line0}: did not find expected node content`;
  if (open.flow.length) return `yaml: line ${line0}: did not find expected ',' or '${open.flow.at(-1) === '[' ? ']' : '}'}'`;
  if (/\t/.test(srcLine.slice(0, (ex.mark?.column ?? 0) + 1)) || /tab/.test(reason)) {
    return `yaml: line ${line1}: found character that cannot start any token`;
  }
  if (/bad indentation of a mapping entry/.test(reason)) {
    return indentOf(srcLine) > indentOf(previousContentLine(lines, line0))
      ? `yaml: line ${line1}: mapping values are not allowed in this context`
      : `yaml: line ${line0}: did not find expected key`;
  }
  if (/bad indentation of a sequence entry/.test(reason)) return `yaml: line ${line0}: did not find expected key`;
  if (/end of the stream or a document separator is expected|a multiline key may not be an implicit key|incomplete explicit mapping pair/.test(reason)) {
    // A block entry where a key belongs is the parser's complaint; a scalar running on to a colon is the scanner's.
    if (srcLine.trimStart().startsWith('-')) return `yaml: line ${line0}: did not find expected key`;
    if (!hasContentBefore(lines, previousContentIndex(lines, line0))) return `yaml: line ${line1}: mapping values are not allowed in this context`;
    return `yaml: line ${line1}: could not find expected ':'`;
  }
  if (/unknown escape sequence/.test(reason)) return `yaml: line ${line1}: found unknown escape character`;
  const alias = /unidentified alias "([^"]*)"/.exec(reason);
  if (alias) return `yaml: unknown anchor '${alias[1]}' referenced`;
  return `yaml: line ${line1}: ${reason}`;
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

const isContent = (l: string) => l.trim() !== '' && !l.trimStart().startsWith('#');

function previousContentIndex(lines: string[], at: number): number {
  for (let i = at - 1; i >= 0; i--) if (isContent(lines[i])) return i;
  return -1;
}

function previousContentLine(lines: string[], at: number): string {
  return lines[previousContentIndex(lines, at)] ?? '';
}

function hasContentBefore(lines: string[], at: number): boolean {
  return previousContentIndex(lines, at) >= 0;
}

/** Quoted scalars and flow collections still open at a position (a light scan, enough to name the fault). */
function openConstructs(text: string, end: number): { quote?: string; flow: string[]; flowEntry: boolean } {
  const flow: string[] = [];
  let flowEntry = false; // whether the innermost flow collection has content since its opener or last comma
  let quote: string | undefined;
  let prev = '\n'; // the last significant character outside scalars
  for (let i = 0; i < text.length && (quote || i < end); i++) {
    const c = text[i];
    if (quote === '"') {
      if (c === '\\') i++;
      else if (c === '"') quote = undefined;
      continue;
    }
    if (quote === "'") {
      if (c === "'" && text[i + 1] === "'") i++;
      else if (c === "'") quote = undefined;
      continue;
    }
    if (c === '#' && (prev === '\n' || /\s/.test(text[i - 1] ?? '\n'))) {
      while (i < text.length && text[i] !== '\n') i++;
      prev = '\n';
      continue;
    }
    if ((c === '"' || c === "'") && /[\n:\-[{,?]/.test(prev)) {
      quote = c;
      flowEntry = true;
      continue;
    }
    if (c === '[' || c === '{') {
      flow.push(c);
      flowEntry = false;
    } else if ((c === ']' || c === '}') && flow.length) {
      flow.pop();
      flowEntry = true;
    } else if (c === ',') flowEntry = false;
    else if (!/\s/.test(c)) flowEntry = true;
    if (c === '\n' || !/\s/.test(c)) prev = c;
  }
  return { quote, flow, flowEntry };
}
