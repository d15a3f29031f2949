// vish/stress as a program model: Go flag parsing and its errors, glog lines, Go durations, and the
// memory it allocates step by step.

import { describe, expect, it } from 'vitest';
import { formatGoDuration, glogLine, goStressProgram, parseGoDuration, parseGoFlags } from '../../../src/engine/runtime/stress-go';
import { exceedsAt, peakMemoryAt } from '../../../src/engine/runtime/resources';

const MiB = 1024 * 1024;
const T0 = Date.UTC(2025, 0, 1, 0, 2, 54, 294);

describe('Go durations', () => {
  it.each<[string, number | undefined]>([
    ['1s', 1000],
    ['100ms', 100],
    ['1m30s', 90_000],
    ['1.5h', 5_400_000],
    ['500us', 0.5],
    ['0', 0],
    ['-2s', -2000],
    ['10', undefined],
    ['s', undefined],
    ['', undefined],
  ])('parses %j as %s ms', (s, ms) => expect(parseGoDuration(s)).toBe(ms));

  it.each<[number, string]>([
    [1, '1ms'],
    [100, '100ms'],
    [1000, '1s'],
    [1500, '1.5s'],
    [60_000, '1m0s'],
    [3_723_000, '1h2m3s'],
    [0, '0s'],
  ])('prints %i ms as %s', (ms, s) => expect(formatGoDuration(ms)).toBe(s));
});

describe('flags', () => {
  it.each<[string[], { cpus: number; memTotal: string; memAllocSize: string; memAllocSleepMs: number }]>([
    [['-logtostderr', '-cpus', '2'], { cpus: 2, memTotal: '0', memAllocSize: '4Ki', memAllocSleepMs: 1 }],
    [['--cpus=3', '-mem-total', '150Mi', '-mem-alloc-size=10Mi', '--mem-alloc-sleep', '1s'], { cpus: 3, memTotal: '150Mi', memAllocSize: '10Mi', memAllocSleepMs: 1000 }],
    [['-cpus', '1', 'extra', '-cpus', '5'], { cpus: 1, memTotal: '0', memAllocSize: '4Ki', memAllocSleepMs: 1 }],
    [['-logtostderr=false', '-v', '2', '--', '-cpus', '4'], { cpus: 0, memTotal: '0', memAllocSize: '4Ki', memAllocSleepMs: 1 }],
  ])('%j', (args, flags) => expect(parseGoFlags(args)).toEqual({ flags }));

  it.each<[string[], string | undefined, number]>([
    [['-timeout', '600s'], 'flag provided but not defined: -timeout', 2],
    [['-mem-alloc-freq', '100ms'], 'flag provided but not defined: -mem-alloc-freq', 2],
    [['-cpus'], 'flag needs an argument: -cpus', 2],
    [['-cpus', 'two'], 'invalid value "two" for flag -cpus: parse error', 2],
    [['-mem-alloc-sleep', '1'], 'invalid value "1" for flag -mem-alloc-sleep: parse error', 2],
    [['---cpus', '1'], 'bad flag syntax: ---cpus', 2],
    [['-h'], undefined, 0],
  ])('%j: %s (exit %i)', (args, error, code) => {
    const p = goStressProgram(['/stress', '-logtostderr', ...args], T0)!;
    expect(p.exit?.code).toBe(code);
    const text = p.log.map((l) => l.text);
    if (error) expect(text[0]).toBe(error);
    expect(text).toContain('Usage of /stress:');
    expect(text).toContain('  -mem-alloc-sleep duration');
    expect(text).toContain('    \tduration to sleep between allocations (default 1ms)');
    expect(p.log.every((l) => l.stream === 'stderr')).toBe(true);
  });

  it('panics on a quantity resource.MustParse cannot read', () => {
    const p = goStressProgram(['/stress', '-mem-total', '1 Gi'], T0)!;
    expect(p.log[0].text).toBe("panic: cannot parse '1 Gi': quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    expect(p.exit?.code).toBe(2);
  });
});

describe('runs', () => {
  it('glog lines with microseconds, pid 1 and the source line', () => {
    expect(glogLine('I', T0, 40, 26, 'hello')).toBe('I0101 00:02:54.294040       1 main.go:26] hello');
  });

  it('the CPU docs example: two spinning goroutines, nothing allocated', () => {
    const p = goStressProgram(['/stress', '-logtostderr', '-cpus', '2'], T0)!;
    expect(p.log.map((l) => l.text.replace(/^I\d{4} [\d:.]+ +1 /, ''))).toEqual([
      'main.go:26] Allocating "0" memory, in "4Ki" chunks, with a 1ms sleep between allocations',
      'main.go:39] Spawning a thread to consume CPU',
      'main.go:39] Spawning a thread to consume CPU',
      'main.go:29] Allocated "0" memory',
    ]);
    expect(p.demand!.cpuCores).toBe(2);
    expect(peakMemoryAt(p.demand!.memory, 60_000)).toBe(1900 * 1024);
    expect(p.exit).toBeUndefined();
  });

  it('allocates 10Mi a second up to 250Mi: over a 100Mi limit during the tenth step', () => {
    const p = goStressProgram(['/stress', '-mem-total', '250Mi', '-mem-alloc-size', '10Mi', '-mem-alloc-sleep', '1s'], T0)!;
    const m = p.demand!.memory;
    expect(peakMemoryAt(m, 500)).toBe(1900 * 1024 + 10 * MiB);
    expect(peakMemoryAt(m, 4500)).toBe(1900 * 1024 + 50 * MiB);
    expect(peakMemoryAt(m, 60_000)).toBe(1900 * 1024 + 250 * MiB);
    // 9 steps + the base fit in 100Mi; the tenth passes it, 9 rounds of (1 s + zeroing) in.
    const at = exceedsAt(m, 100 * MiB)!;
    expect(at).toBeGreaterThan(9000);
    expect(at).toBeLessThan(9050);
    const allocated = p.log.at(-1)!;
    expect(allocated.text).toMatch(/main\.go:29\] Allocated "250Mi" memory$/);
    expect(allocated.atMs).toBeGreaterThan(25_000);
    expect(allocated.atMs).toBeLessThan(25_200);
  });

  it('draws many small steps as one ramp', () => {
    const m = goStressProgram(['/stress', '-mem-total', '100Mi'], T0)!.demand!.memory;
    expect(m.points).toHaveLength(2);
    // 4Ki per ~1 ms: 100Mi takes about 25.6 s.
    expect(m.points[1][0]).toBeGreaterThan(25_600);
    expect(m.points[1][0]).toBeLessThan(25_700);
  });

  it('is not the model for other programs', () => expect(goStressProgram(['/bin/sh'], T0)).toBeUndefined());
});
