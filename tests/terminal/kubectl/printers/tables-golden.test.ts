// Golden cases recorded from the real kubectl v1.32 printing server-side Tables (`get` with -A,
// -o wide, --show-labels, -L, --no-headers, several types, --sort-by); see fixtures/tables.json.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { noResourcesFoundMessage, printGetTables, type GetTableOptions, type TableGroup } from '../../../../src/terminal/kubectl/printers/table-output';
import type { Table } from '../../../../src/terminal/kubectl/printers/table-printer';
import { normaliseKlog, outcome } from './golden-helpers';

interface Case {
  args: string[];
  groups: [string, string, string, string, boolean][];
  opts: GetTableOptions;
  out: string;
  err: string;
  rc: number;
}

const fixture = JSON.parse(readFileSync(new URL('./fixtures/tables.json', import.meta.url), 'utf8')) as {
  tables: Record<string, Table>;
  cases: Case[];
};

function groupsOf(c: Case): TableGroup[] {
  return c.groups.map(([path, resource, group, kind, namespaced]) => ({
    table: structuredClone(fixture.tables[`${path} table`]),
    resource,
    groupKind: { group, kind },
    namespaced,
  }));
}

describe('kubectl get tables match kubectl v1.32', () => {
  it.each(fixture.cases.map((c) => [c.args.join(' '), c] as const))('%s', (_name, c) => {
    let err = '';
    const got = outcome(() => {
      const res = printGetTables(groupsOf(c), c.opts);
      if (res.output === '') err = noResourcesFoundMessage('default', res.allResourcesNamespaced);
      return res.output;
    });
    expect({ ...got, err: got.err || err }).toEqual({ out: c.out, err: normaliseKlog(c.err), rc: c.rc });
  });
});
