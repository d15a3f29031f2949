// Golden cases recorded from the real kubectl v1.32 (`get -o yaml|json|name|jsonpath|custom-columns`,
// `--sort-by` on lists) against a fake API server serving these objects; see fixtures/formats.json.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CustomColumnsPrinter, parseCustomColumnsTemplate, printCustomColumns } from '../../../../src/terminal/kubectl/printers/custom-columns';
import { printJson } from '../../../../src/terminal/kubectl/printers/json';
import { printJsonPath } from '../../../../src/terminal/kubectl/printers/jsonpath-printer';
import { printName } from '../../../../src/terminal/kubectl/printers/name-printer';
import { sortObjects } from '../../../../src/terminal/kubectl/printers/sort';
import { listOf, printYaml } from '../../../../src/terminal/kubectl/printers/yaml';
import { normaliseKlog, outcome } from './golden-helpers';

interface Case {
  fn: string;
  arg: string | null;
  target: 'w1' | 'list' | 'deploy';
  args: string[];
  out: string;
  err: string;
  rc: number;
}

const fixture = JSON.parse(readFileSync(new URL('./fixtures/formats.json', import.meta.url), 'utf8')) as {
  objects: { w1: unknown; w2: unknown; deploy: unknown };
  cases: Case[];
};
const { w1, w2, deploy } = fixture.objects;
const targetOf = (t: Case['target']) => (t === 'w1' ? w1 : t === 'deploy' ? deploy : listOf([w1, w2]));

function render(c: Case): string {
  const target = targetOf(c.target);
  const arg = c.arg ?? '';
  switch (c.fn) {
    case 'yaml':
      return printYaml(target);
    case 'json':
      return printJson(target);
    case 'name':
      return printName(target);
    case 'jsonpath':
      return printJsonPath(arg, target);
    case 'jsonpath-as-json':
      return printJsonPath(arg, target, { outputJSON: true });
    case 'custom-columns':
      return printCustomColumns(arg, target);
    case 'custom-columns-noheaders':
      return printCustomColumns(arg, target, true);
    case 'custom-columns-file': {
      const printer = new CustomColumnsPrinter(parseCustomColumnsTemplate(arg));
      const parts: string[] = [];
      printer.printObj(target, { write: (s) => parts.push(s) });
      return parts.join('');
    }
    case 'sort-yaml-name':
      return printName(listOf(sortObjects([w1, w2], arg)));
  }
  throw new Error(`unknown case ${c.fn}`);
}

describe('output formats match kubectl v1.32', () => {
  it.each(fixture.cases.map((c) => [c.args.join(' '), c] as const))('%s', (_name, c) => {
    const got = outcome(() => render(c));
    expect(got).toEqual({ out: c.out, err: normaliseKlog(c.err), rc: c.rc });
  });
});
