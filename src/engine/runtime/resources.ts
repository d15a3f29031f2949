// The resource model of programs that consume memory and CPU on purpose (stress tools): how much memory a
// process holds over time since it started, how many cores it would burn, when a memory limit stops it
// (the kernel's memory-cgroup OOM killer) and what the working set looks like at a scrape instant.
// Usage is a pure function of the args and the elapsed simulated time, so it costs nothing per tick.

import type { Container } from 'kubernetes-types/core/v1';
import type { ImageEntry } from './images';
import { milliValueOf, valueOf } from '../util/quantity';

/** cgroup memory counters move in whole pages. */
export const PAGE = 4096;

/**
 * Memory held over time: points (ms since start, bytes), linear in between and constant after the last
 * point. Bytes must not decrease from one point to the next (allocations only grow until the steady state).
 */
export interface MemoryCurve {
  points: readonly (readonly [number, number])[];
  /**
   * The steady state repeats allocate → touch → free quickly (stress --vm without --vm-hang): a scrape
   * sees anything between `cycleFloor` and the peak.
   */
  cycleFloor?: number;
}

/** What a running program asks of the machine (before limits). */
export interface ResourceDemand {
  memory: MemoryCurve;
  /** Cores it would keep busy with nothing in its way. */
  cpuCores: number;
}

export interface ProgramLogLine {
  stream: 'stdout' | 'stderr';
  text: string;
  /** Written this long after the start (default 0). */
  atMs?: number;
}

/** How a program behaves once started: its log, its demand, and whether it ends by itself. */
export interface ProgramStart {
  log: ProgramLogLine[];
  demand?: ResourceDemand;
  exit?: { afterMs: number; code: number; log?: ProgramLogLine[] };
}

/** A program model an image entry carries: argv (argv[0] is the program) → behaviour, or undefined when
 * argv names something else (the runtime then treats it as the image's generic server). */
export type ProgramModel = (argv: string[], startedAt: number) => ProgramStart | undefined;

/** The argv the container runtime executes: command+args, or the image's ENTRYPOINT followed by args. */
export function containerArgv(image: ImageEntry, c: Container): string[] {
  const command = c.command ?? [];
  const args = c.args ?? [];
  if (command.length) return [...command, ...args];
  if (image.entrypoint.kind === 'server') return [...(image.entrypointArgv ?? []), ...args];
  // Images whose CMD is replaced by args (no ENTRYPOINT): args are the whole command line.
  return [...args];
}

/** Starts the image's program model for a container, if the image has one and argv names it. */
export function startProgram(image: ImageEntry, c: Container, startedAt: number): ProgramStart | undefined {
  if (!image.program) return undefined;
  const argv = containerArgv(image, c);
  if (argv.length === 0) return undefined;
  return image.program(argv, startedAt);
}

/** Memory held `elapsedMs` after the start, at the peak of any allocate/free cycle. */
export function peakMemoryAt(curve: MemoryCurve, elapsedMs: number): number {
  const pts = curve.points;
  if (pts.length === 0) return 0;
  if (elapsedMs <= pts[0][0]) return pts[0][1];
  // Curves are short (a handful of points, at most a few hundred steps): a binary search keeps
  // scrapes of long step lists cheap all the same.
  let lo = 0;
  let hi = pts.length - 1;
  if (elapsedMs >= pts[hi][0]) return pts[hi][1];
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (pts[mid][0] <= elapsedMs) lo = mid;
    else hi = mid;
  }
  const [t0, v0] = pts[lo];
  const [t1, v1] = pts[hi];
  return t1 === t0 ? v1 : v0 + ((v1 - v0) * (elapsedMs - t0)) / (t1 - t0);
}

/**
 * The working set a scrape sees: the curve, or for a cycling allocator in its steady state somewhere
 * between the floor and the peak (`phase` in [0, 1) picks where, deterministically per scrape).
 */
export function memoryAt(curve: MemoryCurve, elapsedMs: number, phase: number): number {
  const peak = peakMemoryAt(curve, elapsedMs);
  const pts = curve.points;
  if (curve.cycleFloor === undefined || pts.length === 0 || elapsedMs < pts[pts.length - 1][0]) return peak;
  return curve.cycleFloor + (peak - curve.cycleFloor) * phase;
}

/** The first moment (ms after the start) the curve needs more than `limit` bytes; undefined if never. */
export function exceedsAt(curve: MemoryCurve, limit: number): number | undefined {
  const pts = curve.points;
  if (pts.length === 0) return undefined;
  if (pts[0][1] > limit) return pts[0][0];
  for (let i = 1; i < pts.length; i++) {
    const [t0, v0] = pts[i - 1];
    const [t1, v1] = pts[i];
    if (v1 <= limit) continue;
    // Linear in between: where it crosses the limit (a step crosses at its start).
    if (t1 === t0) return t1;
    return t0 + ((limit - v0) * (t1 - t0)) / (v1 - v0);
  }
  return undefined;
}

/** What the node has: a program never gets more cores than that, and without a memory limit the node's
 * memory is the ceiling (the kubepods cgroup; the kernel OOM-kills the hog before eviction can act). */
export interface NodeCapacity {
  cpuCores: number;
  memoryBytes: number;
}

export function nodeCapacity(cpu: string, memory: string): NodeCapacity {
  return { cpuCores: milliValueOf(cpu) / 1000, memoryBytes: valueOf(memory) };
}

/** The container's memory limit in bytes (0: none). */
export function memoryLimitBytes(c: Container): number {
  return valueOf(c.resources?.limits?.memory as string | undefined);
}

/** The container's CPU limit in millicores (0: none). */
export function cpuLimitMilli(c: Container): number {
  return milliValueOf(c.resources?.limits?.cpu as string | undefined);
}

/** A ramp from `from` bytes at `startMs` to `to` bytes, touched at `bytesPerMs`. */
export function ramp(startMs: number, from: number, to: number, bytesPerMs: number): [number, number][] {
  const pts: [number, number][] = [[0, from]];
  if (startMs > 0) pts.push([startMs, from]);
  if (to > from) pts.push([startMs + (to - from) / bytesPerMs, to]);
  return pts;
}

/** Adds curves point-wise (workers allocating side by side). */
export function sumCurves(curves: MemoryCurve[]): MemoryCurve {
  if (curves.length === 1) return curves[0];
  const times = [...new Set(curves.flatMap((c) => c.points.map((p) => p[0])))].sort((a, b) => a - b);
  const points = times.map((t) => [t, curves.reduce((s, c) => s + peakMemoryAt(c, t), 0)] as const);
  const floors = curves.map((c) => c.cycleFloor);
  const cycling = floors.some((f) => f !== undefined);
  if (!cycling) return { points };
  // Cycling workers free on their own schedule: the floor is what the non-cycling part still holds.
  const floor = curves.reduce((s, c) => s + (c.cycleFloor ?? peakMemoryAt(c, Infinity)), 0);
  return { points, cycleFloor: floor };
}
