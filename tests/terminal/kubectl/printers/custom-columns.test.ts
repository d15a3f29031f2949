// custom-columns: spec and file parsing, values, errors (more cases in formats-golden).
import { describe, expect, it } from 'vitest';
import { CustomColumnsPrinter, parseCustomColumnsSpec, parseCustomColumnsTemplate, printCustomColumns } from '../../../../src/terminal/kubectl/printers/custom-columns';

const pods = {
  apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' },
  items: [
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', labels: { app: 'web' } }, spec: { containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'busybox' }], nodeName: 'worker-1' } },
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'db' }, spec: { containers: [{ name: 'c', image: 'postgres:16' }] } },
  ],
};

describe('printCustomColumns', () => {
  it.each([
    ['NAME:.metadata.name,IMAGE:.spec.containers[*].image', 'NAME    IMAGE\nweb-1   nginx,busybox\ndb      postgres:16\n'],
    ['NAME:metadata.name,NODE:{.spec.nodeName}', 'NAME    NODE\nweb-1   worker-1\ndb      <none>\n'],
    ['N:.metadata.name,L:.metadata.labels', 'N       L\nweb-1   map[app:web]\ndb      <none>\n'],
    ['first:.spec.containers[0].name', 'first\na\nc\n'],
  ])('%s', (spec, out) => expect(printCustomColumns(spec, pods)).toBe(out));

  it('--no-headers', () => {
    expect(printCustomColumns('NAME:.metadata.name', pods, true)).toBe('web-1\ndb\n');
  });

  it('prints the header once per kind of object', () => {
    const p = new CustomColumnsPrinter(parseCustomColumnsSpec('NAME:.metadata.name'));
    const out: string[] = [];
    const w = { write: (s: string) => out.push(s) };
    p.printObj(pods.items[0], w);
    p.printObj(pods.items[1], w);
    expect(out.join('')).toBe('NAME\nweb-1\ndb\n');
  });

  it('watch events expose type and object', () => {
    const p = new CustomColumnsPrinter(parseCustomColumnsSpec('EVENT:.type,NAME:.object.metadata.name'));
    const out: string[] = [];
    p.printObj(pods.items[1], { write: (s) => out.push(s) }, 'MODIFIED');
    expect(out.join('')).toBe('EVENT      NAME\nMODIFIED   db\n');
  });
});

describe('spec errors', () => {
  it.each([
    ['', 'custom-columns format specified but no custom columns given'],
    ['NAME', 'unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>'],
    ['A:.a,B', 'unexpected custom-columns spec: B, expected <header>:<json-path-expr>'],
    ['A:{{.a}}', "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'"],
  ])('%j', (spec, message) => expect(() => parseCustomColumnsSpec(spec)).toThrow(message));

  it('keeps the header already printed when a value fails', () => {
    try {
      printCustomColumns('A:.spec.containers[5]', pods);
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toBe('array index out of bounds: index 5, length 2');
      expect((e as { partialOutput: string }).partialOutput).toBe('A\n');
    }
  });
});

describe('custom-columns-file', () => {
  it('reads a header line and a spec line', () => {
    expect(parseCustomColumnsTemplate('NAME   IMAGE\n{.metadata.name}  .spec.containers[*].image\n')).toEqual([
      { header: 'NAME', fieldSpec: '{.metadata.name}' },
      { header: 'IMAGE', fieldSpec: '{.spec.containers[*].image}' },
    ]);
    expect(parseCustomColumnsTemplate('A\tB\r\na b\r\n')).toEqual([{ header: 'A', fieldSpec: '{.a}' }, { header: 'B', fieldSpec: '{.b}' }]);
  });
  it.each([
    ['', 'invalid template, missing header line. Expected format is one line of space separated headers, one line of space separated column specs.'],
    ['NAME\n', 'invalid template, missing spec line. Expected format is one line of space separated headers, one line of space separated column specs.'],
    ['NAME', 'invalid template, missing spec line.'],
    ['A B\n.a\n', "number of headers (2) and field specifications (1) don't match"],
    ['A\n\n', "number of headers (1) and field specifications (0) don't match"],
  ])('%j', (text, message) => expect(() => parseCustomColumnsTemplate(text)).toThrow(message));
});
