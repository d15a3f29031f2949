// The engine's API (Template, missingkey) and Go runtime details the golden object does not reach:
// slice capacities of JSON-decoded lists (recorded with kubectl v1.32 `label --local` over arrays of
// 3, 33, 257 and 1000 elements: `slice x 0 cap` works, `slice x 0 cap+1` is "index out of range").
import { describe, expect, it } from 'vitest';
import { GoTemplatePrinter, PartialOutputError, Template, TemplateParseError, sprintf } from '../../../../../src/terminal/kubectl/printers/go-template/index';
import { appendedCap } from '../../../../../src/terminal/kubectl/printers/go-template/slicecap';
import { GoFloat } from '../../../../../src/terminal/kubectl/printers/go-template/value';

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('slice capacity of a JSON-decoded []interface{}', () => {
  it.each([
    [0, 0],
    [1, 1],
    [3, 4],
    [4, 4],
    [5, 8],
    [33, 71],
    [257, 303],
    [1000, 1023],
  ])('%i elements: cap %i', (n, cap) => {
    expect(appendedCap(n)).toBe(cap);
  });

  it('slices up to the capacity, reading nil past the length (kubectl: `[3 <nil>]`)', () => {
    const data = { spec: { a3: [1, 2, 3], a33: range(33) } };
    expect(new GoTemplatePrinter('{{slice .spec.a3 2 4}} {{len (slice .spec.a33 0 71)}}').printObj(data)).toBe('[3 <nil>] 71');
    expect(() => new GoTemplatePrinter('{{len (slice .spec.a33 0 72)}}').printObj(data)).toThrow(
      'error executing template "{{len (slice .spec.a33 0 72)}}": template: output:1:7: executing "output" at <slice .spec.a33 0 72>: error calling slice: index out of range: 72',
    );
  });
});

describe('Template', () => {
  it('parses and executes with missingkey=default or error', () => {
    const t = Template.parse('output', '{{.a}}-{{.b}}');
    expect(t.execute({ a: 1 })).toBe('1-<no value>');
    t.setMissingKey('error');
    expect(() => t.execute({ a: 1 })).toThrow(PartialOutputError);
    try {
      t.execute({ a: 1 });
    } catch (e) {
      expect((e as PartialOutputError).partialOutput).toBe('1-');
      expect((e as Error).message).toBe('template: output:1:9: executing "output" at <.b>: map has no entry for key "b"');
    }
  });

  it('reports parse errors with Go texts', () => {
    expect(() => Template.parse('output', '{{if}}')).toThrow(TemplateParseError);
    expect(() => Template.parse('output', 'a\nb\n{{.x,')).toThrow('template: output:3: unexpected "," in operand');
  });

  it('keeps a constant float a float64 (unlike a whole JSON number, an int64)', () => {
    expect(Template.parse('t', '{{printf "%d %d %T %T" 2 .n 2.0 .n}}').execute({ n: 2 })).toBe('2 2 float64 int64');
    expect(sprintf('%d', [new GoFloat(2)])).toBe('%!d(float64=2)');
  });

  it('treats keys like __proto__ and constructor as ordinary map keys', () => {
    const obj = JSON.parse('{"__proto__": {"x": 1}, "m": {}}');
    expect(Template.parse('t', '{{.constructor}} {{index . "__proto__"}} {{.m.toString}} {{len .}}').execute(obj)).toBe('<no value> map[x:1] <no value> 2');
  });

  it('prints a large list quickly (150,000 items)', () => {
    const items = range(150_000).map((i) => ({ metadata: { name: `pod-${i}` }, spec: { nodeName: `node-${i % 7}` } }));
    const out = new GoTemplatePrinter('{{range .items}}{{.metadata.name}} {{.spec.nodeName}}{{"\\n"}}{{end}}').printObj({ kind: 'List', items });
    expect(out.split('\n')).toHaveLength(150_001);
    expect(out.slice(0, 30)).toBe('pod-0 node-0\npod-1 node-1\npod-');
  });
});
