// The resource model's curve arithmetic: interpolation, the moment a limit is passed, cycling working
// sets, summing workers, and which argv the runtime hands a program model.

import { describe, expect, it } from 'vitest';
import type { Container } from 'kubernetes-types/core/v1';
import { containerArgv, cpuLimitMilli, exceedsAt, memoryAt, memoryLimitBytes, peakMemoryAt, ramp, startProgram, sumCurves, type MemoryCurve } from '../../../src/engine/runtime/resources';
import { lookupImage, parseImage } from '../../../src/engine/runtime/images';

const MiB = 1024 * 1024;
const curve: MemoryCurve = { points: [[0, 10], [100, 10], [200, 110], [300, 110], [300, 210]] };

describe('peakMemoryAt', () => {
  it.each([
    [-5, 10],
    [0, 10],
    [100, 10],
    [150, 60],
    [200, 110],
    [299, 110],
    [300, 210],
    [10_000, 210],
  ])('at %i ms holds %i bytes', (t, v) => expect(peakMemoryAt(curve, t)).toBe(v));

  it('is 0 for an empty curve', () => expect(peakMemoryAt({ points: [] }, 5)).toBe(0));
});

describe('exceedsAt', () => {
  it.each([
    [5, 0],
    [10, 100],
    [60, 150],
    [109, 199],
    [110, 300],
    [209, 300],
    [210, undefined],
    [1e9, undefined],
  ])('a limit of %i bytes is passed at %s ms', (limit, at) => expect(exceedsAt(curve, limit)).toBe(at));
});

describe('memoryAt', () => {
  const cycling: MemoryCurve = { points: [[0, 100], [50, 1100]], cycleFloor: 100 };
  it('follows the ramp before the steady state, whatever the phase', () => {
    expect(memoryAt(cycling, 25, 0)).toBe(600);
    expect(memoryAt(cycling, 25, 0.9)).toBe(600);
  });
  it('lands between the floor and the peak once cycling', () => {
    expect(memoryAt(cycling, 1000, 0)).toBe(100);
    expect(memoryAt(cycling, 1000, 0.5)).toBe(600);
    expect(memoryAt(cycling, 1000, 0.999)).toBeCloseTo(1099, 0);
  });
  it('ignores the phase for a held allocation', () => expect(memoryAt(curve, 1000, 0.1)).toBe(210));
});

describe('ramp and sumCurves', () => {
  it('ramps at the touch rate after a delay', () => {
    expect(ramp(3, 0, 1000, 10)).toEqual([[0, 0], [3, 0], [103, 1000]]);
    expect(ramp(0, 5, 5, 10)).toEqual([[0, 5]]);
  });
  it('adds workers point by point and keeps the floor of cycling ones', () => {
    const base: MemoryCurve = { points: [[0, 100]] };
    const worker: MemoryCurve = { points: [[0, 0], [10, 0], [20, 1000]], cycleFloor: 0 };
    const sum = sumCurves([base, worker]);
    expect(sum.points).toEqual([[0, 100], [10, 100], [20, 1100]]);
    expect(sum.cycleFloor).toBe(100);
    expect(sumCurves([base, { points: [[0, 0], [5, 50]] }])).toEqual({ points: [[0, 100], [5, 150]] });
  });
});

describe('containerArgv and limits', () => {
  const img = (name: string) => lookupImage(parseImage(name)!)!;
  it.each<[string, Partial<Container>, string[]]>([
    ['polinux/stress', { command: ['stress'], args: ['--vm', '1'] }, ['stress', '--vm', '1']],
    ['polinux/stress', { args: ['stress', '--cpu', '1'] }, ['stress', '--cpu', '1']],
    ['vish/stress', { args: ['-cpus', '2'] }, ['/stress', '-logtostderr', '-cpus', '2']],
    ['vish/stress', {}, ['/stress', '-logtostderr']],
    ['progrium/stress', { args: ['--cpu', '2'] }, ['/usr/bin/stress', '--verbose', '--cpu', '2']],
    ['progrium/stress', { command: ['/usr/bin/stress'], args: ['--cpu', '2'] }, ['/usr/bin/stress', '--cpu', '2']],
  ])('%s %j runs %j', (image, c, argv) => expect(containerArgv(img(image), { name: 'c', ...c })).toEqual(argv));

  it('has no program for images without a model, nor for other programs in a stress image', () => {
    expect(startProgram(img('nginx'), { name: 'c' }, 0)).toBeUndefined();
    expect(startProgram(img('polinux/stress'), { name: 'c', command: ['/bin/myapp'] }, 0)).toBeUndefined();
    expect(startProgram(img('polinux/stress'), { name: 'c', command: ['stress'], args: ['--cpu', '1'] }, 0)?.demand?.cpuCores).toBe(1);
  });

  it('reads memory and CPU limits', () => {
    const c: Container = { name: 'c', resources: { limits: { memory: '100Mi', cpu: '1500m' } } };
    expect(memoryLimitBytes(c)).toBe(100 * MiB);
    expect(cpuLimitMilli(c)).toBe(1500);
    expect(memoryLimitBytes({ name: 'c' })).toBe(0);
    expect(cpuLimitMilli({ name: 'c' })).toBe(0);
  });
});
