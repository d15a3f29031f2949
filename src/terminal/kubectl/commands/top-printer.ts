// kubectl top's tables: `NAME CPU(cores) CPU(%) MEMORY(bytes) MEMORY(%)` for nodes, `[NAMESPACE] [POD] NAME
// CPU(cores) MEMORY(bytes)` for pods, the --sum footer, and the sort orders (name, or cpu/memory descending).
// mirrors: kubectl/pkg/metricsutil/metrics_printer.go, metrics_sorter.go, metrics_resource_adder.go

import { goSort } from '../printers/gosort';
import { newTableTabWriter, StringWriter } from '../printers/index';
import { addQuantities, milliValue, parseQuantity, value, ZERO, type Quantity } from './quantity';

export type Usage = Record<string, string>;

export interface PodMetrics {
  metadata: { name: string; namespace?: string };
  containers: { name: string; usage: Usage }[];
}

export interface NodeMetrics {
  metadata: { name: string };
  usage: Usage;
}

const MEASURED = ['cpu', 'memory'];

function q(u: Usage | undefined, res: string): Quantity {
  return parseQuantity(u?.[res] ?? '0') ?? ZERO;
}

function podUsage(m: PodMetrics): Record<string, Quantity> {
  const out: Record<string, Quantity> = { cpu: ZERO, memory: ZERO };
  for (const c of m.containers) for (const r of MEASURED) out[r] = addQuantities(out[r], q(c.usage, r));
  return out;
}

/** The Less of the metrics sorters: cpu/memory descending, else by name. */
function lessBy(sortBy: string, a: Record<string, Quantity>, b: Record<string, Quantity>, byName: () => boolean): boolean {
  if (sortBy === 'cpu') return milliValue(a.cpu) > milliValue(b.cpu);
  if (sortBy === 'memory') return value(a.memory) > value(b.memory);
  return byName();
}

function sortInPlace<T>(items: T[], less: (a: T, b: T) => boolean): void {
  goSort({
    len: items.length,
    less: (i, j) => less(items[i], items[j]),
    swap: (i, j) => {
      const t = items[i];
      items[i] = items[j];
      items[j] = t;
    },
  });
}

function usageCells(usage: Record<string, Quantity>, available?: Record<string, Quantity>): string {
  let s = '';
  for (const r of MEASURED) {
    const v = usage[r] ?? ZERO;
    s += r === 'cpu' ? `${milliValue(v)}m` : `${Math.trunc(value(v) / (1024 * 1024))}Mi`;
    s += '\t';
    const a = available?.[r];
    if (a) s += `${Math.trunc((milliValue(v) / milliValue(a)) * 100)}%\t`;
  }
  return s;
}

function table(text: string): string {
  const buf = new StringWriter();
  const w = newTableTabWriter(buf);
  w.write(text);
  w.flush();
  return buf.toString();
}

/** PrintNodeMetrics: nodes without metrics get `<unknown>` cells at the end. */
export function printNodeMetrics(metrics: NodeMetrics[], available: Map<string, Usage>, noHeaders: boolean, sortBy: string): string {
  if (metrics.length === 0) return '';
  const items = metrics.map((m) => ({ name: m.metadata.name, usage: { cpu: q(m.usage, 'cpu'), memory: q(m.usage, 'memory') } }));
  sortInPlace(items, (a, b) => lessBy(sortBy, a.usage, b.usage, () => a.name < b.name));
  let s = noHeaders ? '' : 'NAME\tCPU(cores)\tCPU(%)\tMEMORY(bytes)\tMEMORY(%)\t\n';
  const left = new Map(available);
  for (const m of items) {
    const a = left.get(m.name);
    const avail = a ? Object.fromEntries(Object.entries(a).map(([k, v]) => [k, parseQuantity(v) ?? ZERO])) : {};
    s += `${m.name}\t${usageCells(m.usage, avail)}\n`;
    left.delete(m.name);
  }
  for (const name of left.keys()) s += `${name}\t<unknown>\t<unknown>\t<unknown>\t<unknown>\t\n`;
  return table(s);
}

/** PrintPodMetrics, with --containers, -A and --sum. */
export function printPodMetrics(metrics: PodMetrics[], containers: boolean, withNamespace: boolean, noHeaders: boolean, sortBy: string, sum: boolean): string {
  if (metrics.length === 0) return '';
  let s = '';
  let width = 3;
  if (!noHeaders) {
    if (withNamespace) {
      s += 'NAMESPACE\t';
      width++;
    }
    if (containers) {
      s += 'POD\t';
      width++;
    }
    s += 'NAME\tCPU(cores)\tMEMORY(bytes)\t\n';
  }
  const items = metrics.map((m) => ({ m, usage: sortBy ? podUsage(m) : { cpu: ZERO, memory: ZERO } }));
  sortInPlace(items, (a, b) =>
    lessBy(sortBy, a.usage, b.usage, () => {
      if (withNamespace && a.m.metadata.namespace !== b.m.metadata.namespace) return (a.m.metadata.namespace ?? '') < (b.m.metadata.namespace ?? '');
      return a.m.metadata.name < b.m.metadata.name;
    }),
  );
  for (const { m } of items) {
    if (containers) {
      const cs = m.containers.map((c) => ({ name: c.name, usage: { cpu: q(c.usage, 'cpu'), memory: q(c.usage, 'memory') } }));
      sortInPlace(cs, (a, b) => lessBy(sortBy, a.usage, b.usage, () => a.name < b.name));
      for (const c of cs) s += `${withNamespace ? `${m.metadata.namespace ?? ''}\t` : ''}${m.metadata.name}\t${c.name}\t${usageCells(c.usage)}\n`;
    } else {
      s += `${withNamespace ? `${m.metadata.namespace ?? ''}\t` : ''}${m.metadata.name}\t${usageCells(podUsage(m))}\n`;
    }
  }
  if (sum) {
    let total: Record<string, Quantity> = { cpu: ZERO, memory: ZERO };
    for (const { m } of items) {
      const u = podUsage(m);
      total = { cpu: addQuantities(total.cpu, u.cpu), memory: addQuantities(total.memory, u.memory) };
    }
    s += '\t'.repeat(Math.max(0, width - 2)) + '________\t________\t\n';
    s += '\t'.repeat(Math.max(0, width - 3)) + `\t${usageCells(total)}\n`;
  }
  return table(s);
}
