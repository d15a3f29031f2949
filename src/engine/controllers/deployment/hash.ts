// pod-template-hash: fnv32a of the pod template (and collision count), digits mapped into the name alphabet.
// mirrors: pkg/controller/controller_utils.go ComputeHash (upstream hashes a spew dump; we hash canonical JSON)

import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { fnv32a, safeEncodeString } from '../../util/names';

export function computeHash(template: PodTemplateSpec, collisionCount?: number): string {
  let h = fnv32a(canonicalJson(template));
  if (collisionCount !== undefined && collisionCount !== null) {
    // 8 little-endian bytes of the uint32 count.
    const bytes = [collisionCount & 255, (collisionCount >>> 8) & 255, (collisionCount >>> 16) & 255, (collisionCount >>> 24) & 255, 0, 0, 0, 0];
    for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  }
  return safeEncodeString(String(h >>> 0));
}

function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return '[' + v.map(canonicalJson).join(',') + ']';
  const o = v as Record<string, unknown>;
  return (
    '{' +
    Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => JSON.stringify(k) + ':' + canonicalJson(o[k]))
      .join(',') +
    '}'
  );
}
