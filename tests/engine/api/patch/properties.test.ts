// Seeded property tests: computed patches reproduce their target when applied, on random pod-like objects
// (deep-frozen, so any mutation of an input would throw), plus a scale check that merging stays linear.
import { describe, expect, it } from 'vitest';
import { createMergePatch, createThreeWayMergePatch, createTwoWayMergePatch } from '../../../../src/engine/api/patch/create-patch';
import { deepFreeze, type JsonObject, type JsonValue } from '../../../../src/engine/api/patch/json-value';
import { applyMergePatch } from '../../../../src/engine/api/patch/merge-patch';
import { applyStrategicMergePatch } from '../../../../src/engine/api/patch/strategic-merge-patch';
import { podMeta } from './k8s-meta';

/** mulberry32: small, seeded, deterministic. */
function rng(seed: number) {
  let s = seed | 0;
  const next = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const some = <T>(xs: readonly T[]): T[] => xs.filter(() => next() < 0.5).sort(() => next() - 0.5);
  return { next, pick, some };
}

type Rng = ReturnType<typeof rng>;

function container(r: Rng, name: string): JsonObject {
  const c: JsonObject = { name, image: r.pick(['nginx:1.25', 'nginx:1.26', 'busybox']) };
  if (r.next() < 0.5) c.env = r.some(['A', 'B', 'C', 'D']).map((n) => ({ name: n, value: r.pick(['1', '2']) }));
  if (r.next() < 0.5) c.ports = r.some([80, 443, 8080, 9]).map((p) => ({ containerPort: p, protocol: 'TCP' }));
  if (r.next() < 0.3) c.args = r.some(['-v', '--x', 'run']);
  if (r.next() < 0.3) c.resources = { limits: { cpu: r.pick(['100m', '1']) } };
  return c;
}

function pod(r: Rng): JsonObject {
  const metadata: JsonObject = { name: 'p', labels: Object.fromEntries(r.some(['app', 'tier', 'env']).map((k) => [k, r.pick(['a', 'b'])])) };
  // Kept sorted: upstream sends no patch for a reordering of a primitive merge list into sorted order.
  if (r.next() < 0.5) metadata.finalizers = r.some(['f1', 'f2', 'f3', 'f4']).sort();
  const spec: JsonObject = { containers: r.some(['web', 'sidecar', 'log', 'init']).map((n) => container(r, n)) };
  if (r.next() < 0.4) spec.tolerations = r.some(['a', 'b']).map((key) => ({ key, operator: 'Exists' }));
  if (r.next() < 0.4) {
    spec.volumes = r.some(['data', 'tmp']).map((name): JsonObject => (r.next() < 0.5 ? { name, emptyDir: {} } : { name, hostPath: { path: '/x' } }));
  }
  if (r.next() < 0.3) spec.hostname = r.pick(['h1', 'h2']);
  return deepFreeze({ apiVersion: 'v1', kind: 'Pod', metadata, spec });
}

const SEEDS = Array.from({ length: 300 }, (_, i) => i + 1);

describe('patch round trips on random pods', () => {
  it('apply(original, twoWay(original, modified)) equals modified', () => {
    for (const seed of SEEDS) {
      const r = rng(seed);
      const original = pod(r);
      const modified = pod(r);
      const patch = createTwoWayMergePatch(original, modified, podMeta);
      expect(applyStrategicMergePatch(original, deepFreeze(patch), podMeta), `seed ${seed}`).toEqual(modified);
    }
  });

  it('with no drift, apply(live, threeWay(lastApplied, manifest, live)) equals the manifest', () => {
    for (const seed of SEEDS) {
      const r = rng(seed * 7919);
      const original = pod(r);
      const modified = pod(r);
      const patch = createThreeWayMergePatch(original, modified, original, podMeta);
      expect(applyStrategicMergePatch(original, deepFreeze(patch), podMeta), `seed ${seed}`).toEqual(modified);
    }
  });

  it('three-way patches keep fields only the live object has', () => {
    for (const seed of SEEDS) {
      const r = rng(seed * 104729);
      const original = pod(r);
      const modified = pod(r);
      const live = deepFreeze({ ...original, status: { phase: 'Running' }, metadata: { ...(original.metadata as JsonObject), uid: 'u' } });
      const result = applyStrategicMergePatch(live, createThreeWayMergePatch(original, modified, live, podMeta), podMeta);
      expect(result.status, `seed ${seed}`).toEqual({ phase: 'Running' });
      expect((result.metadata as JsonObject).uid).toBe('u');
      expect(result.spec).toEqual(modified.spec);
    }
  });

  it('apply(a, createMergePatch(a, b)) equals b', () => {
    for (const seed of SEEDS) {
      const r = rng(seed * 31);
      const a = pod(r);
      const b = pod(r);
      expect(applyMergePatch(a, createMergePatch(a, b)), `seed ${seed}`).toEqual(b);
    }
  });
});

describe('scale', () => {
  it('merges a 50,000-item list by key with $setElementOrder in linear time', () => {
    const n = 50000;
    const items: JsonValue[] = Array.from({ length: n }, (_, i) => ({ name: `c${i}`, image: 'x' }));
    const live = deepFreeze({ spec: { containers: items } });
    const order = Array.from({ length: n }, (_, i) => ({ name: `c${n - 1 - i}` }));
    const patch = deepFreeze({
      spec: { '$setElementOrder/containers': order, containers: [{ name: 'c7', image: 'y' }, { name: 'c3', $patch: 'delete' }] },
    });
    const started = performance.now();
    const out = applyStrategicMergePatch(live, patch, podMeta);
    const elapsed = performance.now() - started;
    const containers = (out.spec as JsonObject).containers as JsonObject[];
    expect(containers).toHaveLength(n - 1);
    expect(containers[0]).toEqual({ name: `c${n - 1}`, image: 'x' });
    expect(containers.find((c) => c.name === 'c7')).toEqual({ name: 'c7', image: 'y' });
    expect(elapsed).toBeLessThan(2000);
  });

  it('diffs two 20,000-item lists in well under a second', () => {
    const n = 20000;
    const a = deepFreeze({ spec: { containers: Array.from({ length: n }, (_, i) => ({ name: `c${i}`, image: 'x' })) } });
    const b = deepFreeze({
      spec: { containers: Array.from({ length: n }, (_, i) => ({ name: `c${i}`, image: i === 5 ? 'y' : 'x' })) },
    });
    const started = performance.now();
    const patch = createTwoWayMergePatch(a, b, podMeta);
    expect(performance.now() - started).toBeLessThan(1000);
    expect((patch.spec as JsonObject).containers).toEqual([{ name: 'c5', image: 'y' }]);
  });
});
