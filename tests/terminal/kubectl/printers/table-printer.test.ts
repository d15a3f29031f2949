// The human-readable Table printer piece by piece (full `get` outputs are in tables-golden).
import { describe, expect, it } from 'vitest';
import {
  HumanReadablePrinter, decorateTable, escapeTerminal, formatCell, formatLabelHeaders, formatLabels, kindPrefix, type Table,
} from '../../../../src/terminal/kubectl/printers/table-printer';
import { printGetTables, multipleKindsRequested, noResourcesFoundMessage, type TableGroup } from '../../../../src/terminal/kubectl/printers/table-output';
import { StringWriter, newTableTabWriter } from '../../../../src/terminal/kubectl/printers/tabwriter';

const cols = [
  { name: 'Name', type: 'string', format: 'name', priority: 0 },
  { name: 'Status', type: 'string', priority: 0 },
  { name: 'Node', type: 'string', priority: 1 },
];
const meta = (name: string, namespace?: string, labels?: Record<string, string>) => ({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: { name, namespace, labels } });
const table = (rows: Table['rows'], columnDefinitions = cols): Table => ({ kind: 'Table', apiVersion: 'meta.k8s.io/v1', columnDefinitions, rows });

function print(t: Table, opts = {}, printer = new HumanReadablePrinter(opts)): string {
  const out = new StringWriter();
  const w = newTableTabWriter(out);
  printer.printObj(t, w);
  w.flush();
  return out.toString();
}

describe('formatCell', () => {
  it.each([
    [null, ''], [undefined, ''], ['Running', 'Running'], ['a\nb', 'a...'], ['a\rb', 'a...'], ['a\fb', 'a...'], ['\x1b[31mred', '^[[31mred'],
    [3, '3'], [2.5, '2.5'], [1e6, '1000000'], [1234567.5, '1.2345675e+06'], [true, 'true'], [['a', 'b'], '[a b]'], [{ k: 'v' }, 'map[k:v]'], [[], '[]'],
  ])('%j → %j', (cell, s) => expect(formatCell(cell)).toBe(s));
});

describe('HumanReadablePrinter', () => {
  const rows = [{ cells: ['web', 'Running', 'worker-1'], object: meta('web', 'default', { app: 'web', tier: 'fe' }) }, { cells: ['db', 'Pending', null], object: meta('db', 'prod') }];

  it('upper-cases headers and hides priority columns unless wide', () => {
    expect(print(table(rows))).toBe('NAME   STATUS\nweb    Running\ndb     Pending\n');
    expect(print(table(rows), { wide: true })).toBe('NAME   STATUS    NODE\nweb    Running   worker-1\ndb     Pending   \n');
  });

  it('prints nothing for an empty table, even its header', () => {
    expect(print(table([]))).toBe('');
    expect(print(table([]), { noHeaders: true })).toBe('');
  });

  it('adds NAMESPACE first, -L columns and LABELS last', () => {
    expect(print(table(rows), { withNamespace: true, columnLabels: ['app', 'example.com/tier'], showLabels: true })).toBe(
      'NAMESPACE   NAME   STATUS    APP   TIER   LABELS\ndefault     web    Running   web          app=web,tier=fe\nprod        db     Pending                <none>\n',
    );
  });

  it('prefixes names with the kind when several kinds are printed', () => {
    expect(print(table(rows), { withKind: true, kind: { group: 'apps', kind: 'Deployment' } })).toBe(
      'NAME                  STATUS\ndeployment.apps/web   Running\ndeployment.apps/db    Pending\n',
    );
  });

  it('prints the header once for repeated tables with the same columns (chunks, watch)', () => {
    const p = new HumanReadablePrinter({});
    const out = new StringWriter();
    const w = newTableTabWriter(out);
    p.printObj(table([rows[0]]), w);
    p.printObj(table([rows[1]]), w);
    p.printObj(table([rows[0]], []), w);
    w.flush();
    expect(out.toString()).toBe('NAME   STATUS\nweb    Running\ndb     Pending\nweb    Running\n');
  });

  it('prints a new header when the columns change', () => {
    const p = new HumanReadablePrinter({});
    const out = new StringWriter();
    const w = newTableTabWriter(out);
    p.printObj(table([rows[0]]), w);
    p.printObj(table([{ cells: ['x', '1'] }], [{ name: 'Name', type: 'string', format: 'name', priority: 0 }, { name: 'Count', type: 'integer', priority: 0 }]), w);
    w.flush();
    expect(out.toString()).toBe('NAME   STATUS\nweb    Running\nNAME   COUNT\nx      1\n');
  });

  it('rows without an object get empty namespace and label cells', () => {
    expect(print(table([{ cells: ['web', 'Running', 'n'] }]), { withNamespace: true, showLabels: true })).toBe('NAMESPACE   NAME   STATUS    LABELS\n            web    Running   \n');
  });

  it('ignores cells beyond the column definitions', () => {
    expect(print(table([{ cells: ['web', 'Running', 'n', 'extra'] }]))).toBe('NAME   STATUS\nweb    Running\n');
  });

  it('adds the EVENT column for watch events', () => {
    const p = new HumanReadablePrinter({});
    const out = new StringWriter();
    const w = newTableTabWriter(out);
    p.printObj(table([rows[0]]), w, 'MODIFIED');
    w.flush();
    expect(out.toString()).toBe('EVENT      NAME   STATUS\nMODIFIED   web    Running\n');
  });

  it('falls back to NAME/AGE for objects that are not Tables, and STATUS/REASON/MESSAGE for a Status', () => {
    const p = new HumanReadablePrinter({ nowMs: Date.parse('2024-01-01T01:00:00Z') });
    const out = new StringWriter();
    const w = newTableTabWriter(out);
    p.printObj({ kind: 'Pod', apiVersion: 'v1', metadata: { name: 'web', creationTimestamp: '2024-01-01T00:00:00Z' } }, w);
    p.printObj({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Expired', message: 'too old resource version' }, w);
    w.flush();
    expect(out.toString()).toBe('NAME   AGE\nweb    60m\n\nSTATUS    REASON    MESSAGE\nFailure   Expired   too old resource version\n');
  });
});

describe('helpers', () => {
  it('formatLabels sorts the k=v strings', () => {
    expect(formatLabels({ 'a-b': '2', a: '1', b: '' })).toBe('a-b=2,a=1,b=');
    expect(formatLabels({})).toBe('<none>');
    expect(formatLabels(undefined)).toBe('<none>');
  });
  it('label headers use the last path segment', () => {
    expect(formatLabelHeaders(['app', 'app.kubernetes.io/name', 'a/b/c'])).toEqual(['APP', 'NAME', 'C']);
  });
  it('kind prefixes', () => {
    expect(kindPrefix({ group: '', kind: 'Pod' })).toBe('pod');
    expect(kindPrefix({ group: 'autoscaling', kind: 'HorizontalPodAutoscaler' })).toBe('horizontalpodautoscaler.autoscaling');
  });
  it('escapeTerminal', () => {
    expect(escapeTerminal('a\x1bb\rc')).toBe('a^[b\\rc');
  });
  it('decorateTable leaves a short row short when there is no object (upstream quirk)', () => {
    // 7 columns wanted; upstream re-evaluates width-len(cells) while appending, so only 3 nils are added.
    const { rows } = decorateTable(table([{ cells: ['a'] }]), { withNamespace: true, columnLabels: ['x', 'y'], showLabels: true });
    expect(rows[0]).toEqual([null, 'a', null, null, null]);
  });
});

describe('printGetTables', () => {
  const group = (resource: string, kind: string, group: string, namespaced: boolean, t: Table): TableGroup => ({ table: t, resource, groupKind: { group, kind }, namespaced });

  it('reports what the empty message should say', () => {
    const res = printGetTables([group('pods', 'Pod', '', true, table([]))]);
    expect(res).toEqual({ output: '', allResourcesNamespaced: true });
    expect(noResourcesFoundMessage('default', res.allResourcesNamespaced)).toBe('No resources found in default namespace.\n');
    expect(noResourcesFoundMessage('default', printGetTables([group('nodes', 'Node', '', false, table([]))]).allResourcesNamespaced)).toBe('No resources found\n');
  });

  it('one kind over several answers (chunks) shares widths and one header', () => {
    const a = group('pods', 'Pod', '', true, table([{ cells: ['a', 'Running', null] }]));
    const b = group('pods', 'Pod', '', true, table([{ cells: ['a-much-longer-name', 'Pending', null] }]));
    expect(multipleKindsRequested([a, b])).toBe(false);
    expect(printGetTables([a, b]).output).toBe('NAME                 STATUS\na                    Running\na-much-longer-name   Pending\n');
  });
});
