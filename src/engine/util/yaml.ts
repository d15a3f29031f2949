// YAML as Kubernetes reads it: streams split into documents as kubectl's YAMLReader does, and each
// document turned into JSON data as sigs.k8s.io/yaml does over its go-yaml v2 fork — same YAML 1.1
// scalars, same failures, same wording and line numbers (the pipeline lives in ./yaml/).
// mirrors: k8s.io/apimachinery/pkg/util/yaml/decoder.go (YAMLReader, LineReader), sigs.k8s.io/yaml (YAMLToJSON)

import { Composer } from './yaml/composer';
import { Decoder } from './yaml/construct';
import { YamlDecodeFailure, YamlFailure } from './yaml/errors';
import { JsonConversionError, toJson } from './yaml/to-json';

/** A document kubectl or the apiserver cannot read, worded as they word it (`yaml: line 4: did not find expected key`). */
export class YamlSyntaxError extends Error {}

/** One document of a stream: its text and the line it starts on in the stream (0-based). */
export interface YamlChunk {
  text: string;
  firstLine: number;
}

/**
 * Splits a stream the way kubectl's YAMLReader does: lines are read with CRLF turned into LF, a line
 * starting with `---` ends a document when the rest of it is blank or a comment (anything else there is
 * an error), and every non-empty chunk is a document — even one of blank lines, which go-yaml still reads.
 */
export function* splitYamlDocuments(text: string): Generator<YamlChunk> {
  const lines = stripBom(text).split('\n');
  let buf = '';
  let first = 0;
  // The last piece is what follows the final line break: a line only when it is not empty.
  const count = lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
  for (let i = 0; i < count; i++) {
    let line = lines[i];
    if (i < lines.length - 1 && line.endsWith('\r')) line = line.slice(0, -1);
    if (line.startsWith('---')) {
      const rest = goTrimSpace(line.slice(3));
      if (rest !== '' && rest[0] !== '#') throw new YamlSyntaxError(`invalid Yaml document separator: ${rest}`);
      if (buf !== '') yield { text: buf, firstLine: first };
      buf = '';
      first = i + 1;
      continue;
    }
    buf += `${line}\n`;
  }
  if (buf !== '') yield { text: buf, firstLine: first };
}

/** True when a stream is JSON rather than YAML: its first non-space character is `{`. */
export function looksLikeJson(text: string): boolean {
  const s = stripBom(text);
  let i = 0;
  while (i < s.length && isGoSpace(s.charCodeAt(i))) i++;
  return s[i] === '{';
}

export interface YamlParseOptions {
  /**
   * YAMLToJSONStrict (the apiserver's strict field validation of YAML bodies): a key set twice in a map
   * is an error — `yaml: unmarshal errors:` and one `line N: key "a" already set in map` per repeat.
   */
  strict?: boolean;
}

/**
 * Parses the first document of a YAML text to JSON-compatible data, as sigs.k8s.io/yaml's YAMLToJSON
 * does; an empty document is null. Throws YamlSyntaxError with go-yaml's (or the JSON conversion's) text.
 */
export function parseYamlDocument(text: string, opts: YamlParseOptions = {}): unknown {
  try {
    // go-yaml reads an empty input as a single line break.
    const root = new Composer(text === '' ? '\n' : text).compose();
    if (!root) return null;
    const decoder = new Decoder(opts.strict);
    const value = decoder.unmarshal(root);
    if (decoder.typeErrors.length) throw new YamlSyntaxError(`yaml: unmarshal errors:\n  ${decoder.typeErrors.join('\n  ')}`);
    return toJson(value);
  } catch (e) {
    if (e instanceof YamlFailure) throw new YamlSyntaxError(e.goMessage());
    if (e instanceof YamlDecodeFailure || e instanceof JsonConversionError) throw new YamlSyntaxError(e.message);
    // Nesting a couple of thousand levels deep outgrows the call stack (go-yaml's limit is 10000 levels).
    if (e instanceof RangeError) throw new YamlSyntaxError('yaml: exceeded max depth of 10000');
    throw e;
  }
}

/** kubectl reads files through a decoder that drops a leading UTF-8 byte order mark. */
function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Go's unicode.IsSpace. */
function isGoSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0x85 || c === 0xa0 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

function goTrimSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isGoSpace(s.charCodeAt(a))) a++;
  while (b > a && isGoSpace(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}
