// What a container uses at one scrape: CPU (nanocores) from the image's idle baseline plus the work the
// traffic model recorded, capped at the CPU limit; memory working set from the idle footprint plus load.
// Programs with a resource model (stress tools) report what the model says for the elapsed time instead
// of the idle footprint, and burn their cores until the CFS quota throttles them at the limit.
// Small deterministic wobble (a hash of pod, container and scrape) keeps idle numbers from looking frozen.
// mirrors: what the kubelet's /metrics/resource reports (cAdvisor) and metrics-server turns into rates.

import type { ContainerRun } from '../nodes/container';
import type { LoadModel } from '../runtime/load';
import { canonicalQuantity, milliValueOf, valueOf } from '../util/quantity';
import { memoryAt } from '../runtime/resources';

/** metrics-server's --metric-resolution in the usual manifests. */
export const METRIC_RESOLUTION_MS = 15_000;

/** Page size: cgroup memory counters move in whole pages. */
const PAGE = 4096;

export interface ContainerUsage {
  name: string;
  /** CPU in nanocores (averaged over the window). */
  cpuNano: number;
  /** Working-set memory in bytes. */
  memoryBytes: number;
}

/** A stable value in [0, 1) for a key (FNV-1a then a finaliser). */
export function wobble(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39) >>> 0;
  return ((h ^ (h >>> 15)) >>> 0) / 0x1_0000_0000;
}

/** Usage of one running container over the window ending at the scrape instant `at`. */
export function containerUsage(run: ContainerRun, podUid: string, load: LoadModel, at: number): ContainerUsage {
  const name = run.spec.name;
  const seed = `${podUid}/${name}/${Math.floor(at / METRIC_RESOLUTION_MS)}`;
  const idle = run.image.idleMilliCPU;
  // Idle processes still tick: ±20 % around the baseline, a fraction of a millicore when it is 0.
  const idleNano = idle > 0 ? idle * 1e6 * (0.8 + 0.4 * wobble(seed + '/cpu')) : 300_000 * wobble(seed + '/cpu');
  const demand = run.demand;
  // A busy loop never quite fills its cores (scheduling, interrupts): 99.6–100 %.
  const burnNano = demand ? demand.cpuCores * 1e9 * (0.996 + 0.004 * wobble(seed + '/burn')) : 0;
  const busyNano = load.cpuCores({ podUid, container: name }, at, METRIC_RESOLUTION_MS) * 1e9 + burnNano;
  let cpuNano = Math.round(idleNano + busyNano);
  const limitMilli = milliValueOf(run.spec.resources?.limits?.cpu as string | undefined);
  // CFS quota: a container never gets more than its limit over a window. One that wants more uses its
  // whole quota every 100 ms period, so it sits right at the limit (the CPU docs' sample output, 974m,
  // is an older run on a busier node).
  if (limitMilli > 0) cpuNano = Math.min(cpuNano, limitMilli * 1e6 - Math.round(2e5 * wobble(seed + '/throttle')));
  const baseMem = demand
    ? memoryAt(demand.memory, at - run.startedAt, wobble(seed + '/cycle')) + 192 * 1024 * wobble(`${podUid}/${name}/mem`) + 32 * 1024 * wobble(seed + '/mem')
    : run.image.idleMemoryBytes * (1 + 0.06 * wobble(`${podUid}/${name}/mem`)) + 0.01 * run.image.idleMemoryBytes * wobble(seed + '/mem');
  let memoryBytes = Math.ceil((baseMem + load.memoryBytes({ podUid, container: name })) / PAGE) * PAGE;
  const limitBytes = valueOf(run.spec.resources?.limits?.memory as string | undefined);
  if (limitBytes > 0) memoryBytes = Math.min(memoryBytes, Math.floor(limitBytes / PAGE) * PAGE);
  return { name, cpuNano: Math.max(0, cpuNano), memoryBytes };
}

/** `12345678n` — metrics-server reports CPU as a nano-scaled quantity (canonical form: `5m` when exact). */
export function formatNanocores(n: number): string {
  return canonicalQuantity(`${Math.round(n)}n`);
}

/** `12345Ki` — a binary quantity of the working set (whole pages, so whole KiB; `3Mi` when exact). */
export function formatBytes(bytes: number): string {
  return bytes % 1024 === 0 ? canonicalQuantity(`${bytes / 1024}Ki`) : canonicalQuantity(String(bytes));
}
