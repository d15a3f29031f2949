// Indexed Jobs: completion indexes as ordered intervals ("1,3-5,7"), the next indexes to start, pods with
// duplicated or out-of-range indexes, and the per-index pod naming and environment.
// mirrors: pkg/controller/job/indexed_job_utils.go

import type { Job } from 'kubernetes-types/batch/v1';
import type { Container, Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import { MAX_GENERATED_NAME_LENGTH } from '../../util/names';
import { COMPLETION_INDEX_ANNOTATION, hasTrackingFinalizer } from './util';

export const UNKNOWN_INDEX = -1;
const COMPLETION_INDEX_ENV = 'JOB_COMPLETION_INDEX';

export interface Interval {
  first: number;
  last: number;
}

export function isIndexedJob(job: Job): boolean {
  return job.spec?.completionMode === 'Indexed';
}

export function completionIndex(pod: Pod): number {
  const v = pod.metadata?.annotations?.[COMPLETION_INDEX_ANNOTATION];
  if (v === undefined || !/^[+-]?\d+$/.test(v)) return UNKNOWN_INDEX;
  const i = Number(v);
  return i < 0 ? UNKNOWN_INDEX : i;
}

export function total(intervals: Interval[]): number {
  let n = 0;
  for (const iv of intervals) n += iv.last - iv.first + 1;
  return n;
}

export function hasIndex(intervals: Interval[], ix: number): boolean {
  let lo = 0;
  let hi = intervals.length;
  while (hi > lo) {
    const mid = lo + ((hi - lo) >> 1);
    if (intervals[mid].last >= ix) hi = mid;
    else lo = mid + 1;
  }
  return hi < intervals.length && intervals[hi].first <= ix;
}

/** "1,3-5,7": runs of three or more compressed with a hyphen, pairs written out. */
export function formatIntervals(intervals: Interval[]): string {
  const parts: string[] = [];
  for (const v of intervals) {
    if (v.last === v.first) parts.push(String(v.first));
    else if (v.last === v.first + 1) parts.push(`${v.first},${v.last}`);
    else parts.push(`${v.first}-${v.last}`);
  }
  return parts.join(',');
}

/** succeededIndexesFromString: corrupt parts skipped, indexes ≥ completions dropped. */
export function parseIntervals(s: string | undefined, completions: number): Interval[] {
  if (!s) return [];
  const out: Interval[] = [];
  for (const part of s.split(',')) {
    const limits = part.split('-');
    if (!/^\d+$/.test(limits[0])) continue;
    const first = Number(limits[0]);
    if (first >= completions) break;
    let last = first;
    if (limits.length > 1) {
      if (!/^\d+$/.test(limits[1])) continue;
      last = Math.min(Number(limits[1]), completions - 1);
    }
    const prev = out[out.length - 1];
    if (prev && prev.last === first - 1) prev.last = last;
    else out.push({ first, last });
  }
  return out;
}

/** withOrderedIndexes: the intervals plus new indexes (given in increasing order), merged. */
export function withIndexes(intervals: Interval[], indexes: number[]): Interval[] {
  const out: Interval[] = [];
  const push = (iv: Interval): void => {
    const last = out[out.length - 1];
    if (!last || iv.first > last.last + 1) out.push({ ...iv });
    else if (last.last < iv.last) last.last = iv.last;
  };
  let i = 0;
  let j = 0;
  while (i < intervals.length && j < indexes.length) {
    if (intervals[i].first < indexes[j]) push(intervals[i++]);
    else {
      push({ first: indexes[j], last: indexes[j] });
      j++;
    }
  }
  while (i < intervals.length) push(intervals[i++]);
  while (j < indexes.length) {
    push({ first: indexes[j], last: indexes[j] });
    j++;
  }
  return out;
}

/** calculateSucceededIndexes: [from status.completedIndexes, plus succeeded pods not yet counted]. */
export function succeededIndexes(job: Job, pods: Pod[]): [Interval[], Interval[]] {
  const completions = job.spec?.completions ?? 0;
  const prev = parseIntervals(job.status?.completedIndexes, completions);
  const fresh = new Set<number>();
  for (const p of pods) {
    const ix = completionIndex(p);
    if (p.status?.phase === 'Succeeded' && ix !== UNKNOWN_INDEX && ix < completions && hasTrackingFinalizer(p)) fresh.add(ix);
  }
  return [prev, withIndexes(prev, [...fresh].sort((a, b) => a - b))];
}

/** firstPendingIndexes: the lowest `count` indexes below completions neither succeeded nor active. */
export function firstPendingIndexes(active: Pod[], succeeded: Interval[], count: number, completions: number): number[] {
  if (count === 0) return [];
  const running = new Set<number>();
  for (const p of active) {
    const ix = completionIndex(p);
    if (ix !== UNKNOWN_INDEX) running.add(ix);
  }
  const nonPending = withIndexes(succeeded, [...running].sort((a, b) => a - b));
  const out: number[] = [];
  let candidate = 0;
  for (const iv of nonPending) {
    for (; candidate < completions && out.length < count && candidate < iv.first; candidate++) out.push(candidate);
    if (candidate < iv.last + 1) candidate = iv.last + 1;
  }
  for (; candidate < completions && out.length < count; candidate++) out.push(candidate);
  return out;
}

/**
 * appendDuplicatedIndexPodsForRemoval: pods without an index or with one ≥ completions go, and all but one
 * pod per repeated index (`rank` orders the keepers: the last in rank order stays).
 */
export function duplicatedIndexPods<P extends Pod>(pods: P[], completions: number, rank: (a: P, b: P) => number): { rm: P[]; left: P[] } {
  const sorted = [...pods].sort((a, b) => completionIndex(a) - completionIndex(b));
  const rm: P[] = [];
  const left: P[] = [];
  let i = 0;
  while (i < sorted.length) {
    const ix = completionIndex(sorted[i]);
    if (ix >= completions) {
      rm.push(...sorted.slice(i));
      break;
    }
    let j = i;
    while (j < sorted.length && completionIndex(sorted[j]) === ix) j++;
    const group = sorted.slice(i, j);
    if (ix === UNKNOWN_INDEX) rm.push(...group);
    else if (group.length === 1) left.push(group[0]);
    else {
      group.sort(rank);
      rm.push(...group.slice(0, -1));
      left.push(group[group.length - 1]);
    }
    i = j;
  }
  return { rm, left };
}

/** podGenerateNameWithIndex: `<job>-<index>-`, the job name cut so the generated name fits. */
export function generateNameWithIndex(jobName: string, index: number): string {
  const suffix = `-${index}-`;
  const prefix = jobName + suffix;
  return prefix.length > MAX_GENERATED_NAME_LENGTH ? prefix.slice(0, MAX_GENERATED_NAME_LENGTH - suffix.length) + suffix : prefix;
}

/** The template of an index's pod: annotation, label, hostname `<job>-<index>` and JOB_COMPLETION_INDEX. */
export function indexedTemplate(template: PodTemplateSpec, jobName: string, index: number): PodTemplateSpec {
  const meta = { ...(template.metadata ?? {}) };
  meta.annotations = { ...(meta.annotations ?? {}), [COMPLETION_INDEX_ANNOTATION]: String(index) };
  meta.labels = { ...(meta.labels ?? {}), [COMPLETION_INDEX_ANNOTATION]: String(index) };
  const spec = { ...template.spec!, hostname: `${jobName}-${index}` };
  spec.initContainers = spec.initContainers?.map(withIndexEnv);
  if (!spec.initContainers) delete spec.initContainers;
  spec.containers = spec.containers.map(withIndexEnv);
  return { metadata: meta, spec };
}

function withIndexEnv(c: Container): Container {
  if (c.env?.some((e) => e.name === COMPLETION_INDEX_ENV)) return c;
  const fieldPath = `metadata.labels['${COMPLETION_INDEX_ANNOTATION}']`;
  return { ...c, env: [...(c.env ?? []), { name: COMPLETION_INDEX_ENV, valueFrom: { fieldRef: { fieldPath } } }] };
}
