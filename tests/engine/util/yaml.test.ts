// Our YAML reader against the real kubectl 1.32 (a recorded table), plus the rules behind it: go-yaml's
// line numbering, the reader's chunked checks, kubectl's stream splitting, and value resolution.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { looksLikeJson, parseYamlDocument, splitYamlDocuments, YamlSyntaxError } from '../../../src/engine/util/yaml';
import { decodeBody } from '../../../src/engine/api/body';
import type { ApiRequest } from '../../../src/engine/api/types';
import { canonical, ours } from './fixtures/yaml-outcome';

interface FixtureCase {
  input: string;
  error?: string;
  objects?: string;
  other?: string;
}
const fixture = JSON.parse(readFileSync(new URL('./fixtures/yaml-kubectl.json', import.meta.url), 'utf8')) as {
  objects: Record<string, unknown[]>;
  cases: FixtureCase[];
};

const errorOf = (text: string): string => {
  try {
    parseYamlDocument(text);
  } catch (e) {
    if (e instanceof YamlSyntaxError) return e.message;
    throw e;
  }
  return 'no error';
};

describe('agreement with the real kubectl 1.32 (recorded)', () => {
  it('has a large table', () => {
    expect(fixture.cases.length).toBeGreaterThan(1000);
  });

  const byKind = { error: [] as FixtureCase[], objects: [] as FixtureCase[], other: [] as FixtureCase[] };
  for (const c of fixture.cases) byKind[c.error !== undefined ? 'error' : c.objects !== undefined ? 'objects' : 'other'].push(c);

  it.each(byKind.error.map((c, i) => [i, c] as const))('error case %i', (_i, c) => {
    expect(ours(c.input)?.error).toBe(c.error);
  });

  it.each(byKind.objects.map((c, i) => [i, c] as const))('read case %i', (_i, c) => {
    const mine = ours(c.input);
    expect(mine?.error).toBeUndefined();
    expect(canonical(mine?.objects)).toBe(canonical(fixture.objects[c.objects as string]));
  });

  it.each(byKind.other.map((c, i) => [i, c] as const))('case %i kubectl refused after reading', (_i, c) => {
    expect(ours(c.input)?.error).toBeUndefined();
  });
});

describe('go-yaml error lines', () => {
  it.each([
    // Scanner errors count lines from 1, parser errors from 0; a 0 leaves the line out.
    ['a: b: c\n', 'yaml: mapping values are not allowed in this context'],
    ['x: 1\na: b: c\n', 'yaml: line 2: mapping values are not allowed in this context'],
    ['a:\n  b: c\n d: e\n', 'yaml: line 2: did not find expected key'],
    ['a:\n  - b\n  c: d\n', "yaml: line 2: did not find expected '-' indicator"],
    ['- a\nb: c\n', "yaml: line 1: did not find expected '-' indicator"],
    ['a: [b\n', "yaml: line 1: did not find expected ',' or ']'"],
    ['a: 1\nb\nc: 2\n', "yaml: line 3: could not find expected ':'"],
    ['a:\n\tb: c\n', 'yaml: line 2: found character that cannot start any token'],
    ['a: "x\n', 'yaml: line 2: found unexpected end of stream'],
    ['a: "\\q"\n', 'yaml: found unknown escape character'],
    ['a: *x\n', "yaml: unknown anchor 'x' referenced"],
    ['a: &x [*x]\n', "yaml: anchor 'x' value contains itself"],
    ['%YAML 1.1\na: b\n', 'yaml: line 1: did not find expected <document start>'],
    ['a: \u0001\n', 'yaml: control characters are not allowed'],
    ['a: !!int x\n', 'yaml: cannot decode !!str `x` as a !!int'],
    ['<<: 1\n', 'yaml: map merge requires map or sequence of maps as the value'],
    ['[a, b]: c\n', 'yaml: invalid map key: []interface {}{"a", "b"}'],
    ['~: a\n', 'unsupported map key of type: %!s(<nil>), key: <nil>, value: "a"'],
    ['9223372036854775808: a\n', 'unsupported map key of type: uint64, key: 0x8000000000000000, value: "a"'],
    ['a: [.inf, .nan]\n', 'json: unsupported value: +Inf'],
    ['b: .nan\na: -.inf\n', 'json: unsupported value: -Inf'],
  ])('%j', (text, message) => {
    expect(errorOf(text)).toBe(message);
  });

  it('checks characters in 512-byte chunks, when the scanner reaches them', () => {
    const filler = `${'k: v\n'.repeat(120)}`; // 600 bytes
    // The syntax error comes first in the text, but the bad character sits in the first chunk.
    expect(errorOf(`a: b: c\n${'x'.repeat(100)}: \u0001\n`)).toBe('yaml: control characters are not allowed');
    // In a later chunk, the syntax error is met before the character is read.
    expect(errorOf(`a: b: c\n${filler}z: \u0001\n`)).toBe('yaml: mapping values are not allowed in this context');
    expect(errorOf(`${filler}z: \u0001\n`)).toBe('yaml: control characters are not allowed');
  });

  it('gives up on a simple key longer than 1024 characters', () => {
    expect(errorOf(`"${'k'.repeat(1100)}": v\n`)).toBe('yaml: mapping values are not allowed in this context');
    expect(parseYamlDocument(`"${'k'.repeat(1000)}": v\n`)).toEqual({ ['k'.repeat(1000)]: 'v' });
  });
});

describe('values', () => {
  it.each([
    ['yes', true], ['Off', false], ['y', true], ['~', null], ['', null], ['0644', 420], ['0o17', 15], ['0x1F', 31],
    ['-0b11', -3], ['1_000', 1000], ['08', 8], ['1e3', 1000], ['.5', 0.5], ['1.', 1], ['1e400', '1e400'],
    ['2001-01-01', '2001-01-01'], ['"1"', '1'], ['!!str 1', '1'], ['!!float 3', 3], ['!!binary aGVsbG8=', 'hello'],
    ['! 12', '12'], ['tRue', 'tRue'],
  ])('%s', (scalar, value) => {
    expect(parseYamlDocument(`x: ${scalar}\n`)).toEqual({ x: value });
  });

  it('spells keys as sigs.k8s.io/yaml does', () => {
    expect(Object.keys(parseYamlDocument('1: a\ntrue: b\n1.5: c\n1e7: d\n3.14159265: e\n.inf: f\n0x10: g\n') as object)).toEqual(
      ['1', '16', 'true', '1.5', '1e+07', '3.1415927', '.inf'],
    );
  });

  it('lets later keys and merges win, earlier merge sources first', () => {
    expect(parseYamlDocument('a: 1\na: 2\nb: x\n<<: {b: m, c: m}\nc: e\n')).toEqual({ a: 2, b: 'm', c: 'e' });
    expect(parseYamlDocument('x: &x {a: 1}\ny: &y {a: 2, b: 2}\nz:\n  <<: [*x, *y]\n')).toMatchObject({ z: { a: 1, b: 2 } });
  });

  it('refuses repeated keys only when strict, as YAMLToJSONStrict does', () => {
    const text = 'a: 1\nb:\n  c: 1\n  c: 2\na: 3\n<<: {b: 4}\n';
    expect(parseYamlDocument(text)).toEqual({ a: 3, b: 4 });
    expect(() => parseYamlDocument(text, { strict: true })).toThrow(
      'yaml: unmarshal errors:\n  line 4: key "c" already set in map\n  line 5: key "a" already set in map\n  line 6: key "b" already set in map',
    );
  });

  it('reads only the first document of a stream', () => {
    expect(parseYamlDocument('a: 1\n---\nb: [\n')).toEqual({ a: 1 });
    expect(parseYamlDocument('--- !!str\n...\n')).toBe('');
    expect(parseYamlDocument('# nothing\n')).toBeNull();
  });

  it('keeps a __proto__ key as data', () => {
    const v = parseYamlDocument('__proto__: {polluted: true}\n') as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(['__proto__']);
  });
});

describe('splitYamlDocuments', () => {
  const texts = (s: string) => [...splitYamlDocuments(s)].map((c) => c.text);

  it('splits on --- lines, turning CRLF into LF and ending every line', () => {
    expect(texts('a: 1\r\n--- # c\r\nb: 2')).toEqual(['a: 1\n', 'b: 2\n']);
    expect(texts('---\n---\na: 1\n---\n')).toEqual(['a: 1\n']);
    expect(texts('\n---\n\n')).toEqual(['\n', '\n']);
    expect(texts('a\r')).toEqual(['a\r\n']);
  });

  it('refuses text after a separator', () => {
    expect(() => texts('a: 1\n--- b\n')).toThrow('invalid Yaml document separator: b');
    expect(() => texts('----\n')).toThrow('invalid Yaml document separator: -');
  });

  it('drops a byte order mark at the start', () => {
    expect(texts('\ufeffa: 1\n')).toEqual(['a: 1\n']);
    expect(looksLikeJson('\ufeff \n{"a": 1}')).toBe(true);
    expect(looksLikeJson('a: {}')).toBe(false);
  });
});

describe('apiserver YAML bodies', () => {
  const req = (contentType: string, body: string): ApiRequest => ({ method: 'POST', path: '/api/v1/namespaces/default/pods', headers: { 'content-type': contentType }, body });
  const failure = (contentType: string, body: string, kind?: string) => {
    try {
      decodeBody(req(contentType, body), 1 << 20, kind);
    } catch (e) {
      return (e as { status: { code: number; message: string } }).status;
    }
    return undefined;
  };

  it('reads application/yaml as YAMLToJSON does', () => {
    expect(decodeBody(req('application/yaml', 'kind: Pod\nspec: {replicas: 0x10, on: yes}\n'), 1 << 20)).toEqual({ kind: 'Pod', spec: { replicas: 16, true: true } });
  });

  it('words a bad YAML body as transformDecodeError does, with the start of the body in hex', () => {
    expect(failure('application/yaml', 'kind: Pod\na: b: c\n', 'Pod')).toEqual(expect.objectContaining({
      code: 400,
      message: 'the object provided is unrecognized (must be of type Pod): yaml: line 2: mapping values are not allowed in this context (6b696e643a20506f640a613a20623a20630a)',
    }));
    expect(failure('application/yaml', `kind: Pod\nmetadata:\n  name: x\n\tbad: 1\n`, 'Pod')?.message).toBe(
      'the object provided is unrecognized (must be of type Pod): yaml: line 4: found a tab character that violates indentation (6b696e643a20506f640a6d657461646174613a0a20206e616d653a20780a ...)',
    );
  });

  it('words a bad apply patch as the applyPatcher does', () => {
    expect(failure('application/apply-patch+yaml', 'a: [\n')?.message).toBe('error decoding YAML: error converting YAML to JSON: yaml: line 1: did not find expected node content');
    expect(failure('application/apply-patch+yaml', '- a\n')?.message).toBe('error decoding YAML: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}');
    expect(decodeBody(req('application/apply-patch+yaml', '{"kind":"Pod","spec":{"x":1.5}}'), 1 << 20)).toEqual({ kind: 'Pod', spec: { x: 1.5 } });
  });
});

describe('speed', () => {
  it('stays linear on a large document', () => {
    const line = (i: number) => `  key${i}: "value ${i}"\n  list${i}: [a, b, {c: d}]\n  block${i}: |\n    text\n`;
    const doc = (n: number) => `data:\n${Array.from({ length: n }, (_, i) => line(i)).join('')}`;
    const time = (n: number) => {
      const t = doc(n);
      const start = process.hrtime.bigint();
      parseYamlDocument(t);
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    // The fastest of three runs, so that a busy machine does not decide; 8 times the text, well under 20 times the time.
    const best = (n: number) => Math.min(time(n), time(n), time(n));
    best(500); // warm up
    expect(best(4000)).toBeLessThan(Math.max(best(500) * 20, 40));
  });
});
