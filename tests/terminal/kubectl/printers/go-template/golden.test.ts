// Golden cases recorded from the real kubectl v1.32 (`label --local -f object.json foo=bar -o go-template=…`,
// see fixtures/record.py): stdout (including the debugging dump of an execution error), stderr and exit code.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GoTemplatePrinter, GoTemplatePrinterError } from '../../../../../src/terminal/kubectl/printers/go-template/index';

interface Case {
  template: string;
  args: string[];
  out: string;
  err: string;
  rc: number;
}

const fixture = JSON.parse(readFileSync(new URL('./fixtures/cases.json', import.meta.url), 'utf8')) as { cases: Case[] };
const object = JSON.parse(readFileSync(new URL('./fixtures/object.json', import.meta.url), 'utf8')) as {
  metadata: { labels: Record<string, string> };
};
// What `kubectl label --local … foo=bar` hands to the printer.
object.metadata.labels = { ...object.metadata.labels, foo: 'bar' };

function run(c: Case): { out: string; err: string; rc: number } {
  try {
    const p = new GoTemplatePrinter(c.template);
    p.allowMissingKeys(!c.args.includes('--allow-missing-template-keys=false'));
    return { out: p.printObj(object), err: '', rc: 0 };
  } catch (e) {
    if (!(e instanceof GoTemplatePrinterError)) throw e;
    return { out: e.stdout, err: `error: ${e.message}\n`, rc: 1 };
  }
}

describe('go-template output matches kubectl v1.32', () => {
  it.each(fixture.cases.map((c, i) => [i, c.template, c] as const))('#%i %s', (_i, _t, c) => {
    expect(run(c)).toEqual({ out: c.out, err: c.err, rc: c.rc });
  });
});
