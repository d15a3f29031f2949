// Golden cases recorded from the real kubectl v1.32 `get -w` (one tabwriter flushed per event,
// widths remembered): see fixtures/watch.json.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TableWatchPrinter, type WatchTableOptions } from '../../../../src/terminal/kubectl/printers/table-output';
import type { Table } from '../../../../src/terminal/kubectl/printers/table-printer';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/watch.json', import.meta.url), 'utf8')) as {
  initial: Table;
  events: { type: string; object: Table }[];
  cases: { args: string[]; opts: WatchTableOptions & { watchOnly?: boolean }; out: string }[];
};

describe('kubectl get -w matches kubectl v1.32', () => {
  it.each(fixture.cases.map((c) => [c.args.join(' '), c] as const))('%s', (_name, c) => {
    const p = new TableWatchPrinter(c.opts);
    let out = p.printInitial(structuredClone(fixture.initial), !!c.opts.watchOnly);
    for (const e of fixture.events) out += p.printEvent(e.type, structuredClone(e.object));
    expect(out).toBe(c.out);
  });

  it('returns each event on its own, aligned with earlier widths', () => {
    const p = new TableWatchPrinter({});
    expect(p.printInitial(structuredClone(fixture.initial))).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE\na      0/1     Running   0          1s\nbb     0/1     Pending   0          1s\n',
    );
    expect(p.printEvent('ADDED', structuredClone(fixture.events[0].object))).toBe(
      'very-long-pod-name-here   0/1     ContainerCreating   0          1s\n',
    );
    expect(p.printEvent('MODIFIED', structuredClone(fixture.events[1].object))).toBe(
      'b                         0/1     Running             0          10m\n',
    );
  });
});
